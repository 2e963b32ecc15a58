from django.db import transaction

from .geo import coordinates_of, normalise_postal_code
from .models import PostalCode, Region


def postal_code_get_or_create(*, code: str) -> PostalCode:
    """The PostalCode row for a known code (the table is loaded by a migration; this covers gaps)."""
    code = normalise_postal_code(code)
    latitude, longitude = coordinates_of(code)
    postal_code, _ = PostalCode.objects.get_or_create(
        code=code, defaults={"latitude": latitude, "longitude": longitude}
    )
    return postal_code


@transaction.atomic
def region_save(*, name: str, postal_codes: list[str], region: Region | None = None) -> Region:
    """Create or update a region with exactly the given postal codes."""
    if region is None:
        region, _ = Region.objects.get_or_create(name=name)
    elif region.name != name:
        region.name = name
        region.save(update_fields=["name"])
    region.postal_codes.set([postal_code_get_or_create(code=code) for code in sorted(set(postal_codes))])
    return region

from django.db.models import QuerySet

from .models import Region


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("name")


def region_postal_codes(*, region: Region) -> list[str]:
    return list(region.postal_codes.values_list("code", flat=True))


def region_postal_codes_within(*, region: Region, postal_codes: list[str]) -> set[str]:
    """Those of the postal codes that belong to the region."""
    return set(
        region.postal_codes.filter(code__in=[code for code in postal_codes if code]).values_list("code", flat=True)
    )

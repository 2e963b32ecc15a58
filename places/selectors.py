from django.db.models import QuerySet

from .models import Region


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("name")


def region_postal_codes(*, region: Region) -> list[str]:
    return list(region.postal_codes.values_list("code", flat=True))

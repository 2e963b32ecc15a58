"""Reads for the supply report: the cached rows, never a computation."""

from django.db.models import QuerySet

from places.models import Region

from .models import SupplyReport


def supply_report_get(*, region: Region | None, with_data: bool = True) -> SupplyReport | None:
    """The stored report of a region, or of the state when region is None; None when not computed yet.

    `with_data=False` leaves its figures to be read when first shown: a page kept whole needs only the time of
    the computation to know it is still current.
    """
    reports = SupplyReport.objects.all() if with_data else SupplyReport.objects.defer("data")
    if region is None:
        return reports.filter(region__isnull=True).first()
    return reports.filter(region=region).first()


def supply_report_regions() -> QuerySet[Region]:
    """The regions an admin can pick a report for."""
    return Region.objects.order_by("name").only("pk", "name")

"""Reads for the supply report: the cached rows, never a computation."""

from django.db.models import QuerySet

from places.models import Region

from .models import SupplyReport


def supply_report_get(*, region: Region | None) -> SupplyReport | None:
    """The stored report of a region, or of the state when region is None; None when not computed yet."""
    if region is None:
        return SupplyReport.objects.filter(region__isnull=True).first()
    return SupplyReport.objects.filter(region=region).first()


def supply_report_regions() -> QuerySet[Region]:
    """The regions an admin can pick a report for."""
    return Region.objects.order_by("name").only("pk", "name")

"""Writes for the supply report: compute it and keep the result in SupplyReport, so pages only read it."""

import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from places.models import Region

from .models import SupplyReport
from .supply import supply_inputs_load, supply_report_from_inputs, supply_scope_codes

REQUEST_PAUSE_SECONDS = 120


def _store(*, region: Region | None, data: dict, duration_ms: int) -> SupplyReport:
    report, _created = SupplyReport.objects.update_or_create(
        region=region, defaults={"data": data, "computed_at": timezone.now(), "duration_ms": duration_ms}
    )
    return report


def supply_report_refresh(*, region: Region | None = None) -> SupplyReport:
    """Compute the report of a region (or of the state when region is None) and store it with its duration."""
    started = time.perf_counter()
    codes = supply_scope_codes(region=region)
    inputs = supply_inputs_load(today=timezone.localdate(), postal_codes=None if region is None else set(codes))
    data = supply_report_from_inputs(inputs, codes=codes, region=region)
    return _store(region=region, data=data, duration_ms=round((time.perf_counter() - started) * 1000))


def supply_reports_refresh_all() -> int:
    """Recompute the state report and every region's from one load of candidates and courses.

    Each report's duration includes that shared load. Running it twice only updates the same rows.
    """
    started = time.perf_counter()
    inputs = supply_inputs_load(today=timezone.localdate())
    load_ms = (time.perf_counter() - started) * 1000
    regions = [None, *Region.objects.prefetch_related("postal_codes").order_by("pk")]
    for region in regions:
        began = time.perf_counter()
        if region is None:
            codes = supply_scope_codes(region=None)
        else:
            codes = {postal_code.code for postal_code in region.postal_codes.all()}
        data = supply_report_from_inputs(inputs, codes=codes, region=region)
        _store(region=region, data=data, duration_ms=round(load_ms + (time.perf_counter() - began) * 1000))
    return len(regions)


def supply_report_request(*, region: Region | None = None) -> bool:
    """Have the worker compute this report once the current transaction has committed.

    A second request for the same report within REQUEST_PAUSE_SECONDS enqueues nothing (returns False),
    so repeated clicks do not pile up jobs.
    """
    from .tasks import refresh_supply_reports  # the task module imports this one

    region_id = None if region is None else region.pk
    scope = "state" if region is None else "region"
    if not cache.add(f"supply-report-requested:{scope}:{region_id}", True, timeout=REQUEST_PAUSE_SECONDS):
        return False
    transaction.on_commit(lambda: refresh_supply_reports.delay(scope=scope, region_id=region_id))
    return True

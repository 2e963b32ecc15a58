from celery import shared_task

from places.models import Region

from .report_services import supply_report_refresh, supply_reports_refresh_all


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def refresh_supply_reports(scope: str = "all", region_id: int | None = None) -> int:
    """Recompute cached supply reports: all of them (the schedule), the state's, or one region's.

    Returns how many reports were stored.
    """
    if scope == "all":
        return supply_reports_refresh_all()
    if scope == "state":
        supply_report_refresh(region=None)
        return 1
    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        return 0
    supply_report_refresh(region=region)
    return 1

"""Celery tasks of the Jobbörse import: thin, each calls one service."""

from celery import shared_task
from django.conf import settings

from .client import JobboerseClient
from .models import OccupationMapping
from .services import jobboerse_sync, listings_import_waiting


# A run may take most of an hour, longer than the broker's visibility timeout: it is acknowledged when it starts
# (a lost run is resumed by the next scheduled one) and gets time limits of its own, below the four-hour interval.
@shared_task(acks_late=False, soft_time_limit=3 * 3600, time_limit=3 * 3600 + 60)
def sync() -> dict:
    """The scheduled sync (every four hours); does nothing unless JOBBOERSE_ENABLED. Not retried by Celery: a
    failed run is resumed by the next scheduled one, after the circuit breaker's pause."""
    if not settings.JOBBOERSE_ENABLED:
        return {"skipped": "disabled"}
    client = JobboerseClient.from_settings()
    try:
        run = jobboerse_sync(source=client)
    finally:
        client.close()
    if run is None:
        return {"skipped": "already running"}
    return {"run": run.pk, "status": run.status}


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def import_waiting(mapping_id: int) -> int:
    mapping = OccupationMapping.objects.filter(pk=mapping_id).first()
    if mapping is None:
        return 0
    return listings_import_waiting(mapping=mapping)

from celery import shared_task

from .services import event_reminders_send


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def send_event_reminders() -> int:
    """Every hour: remind people with a place at an event that starts tomorrow (each person once)."""
    return event_reminders_send()

from celery import shared_task

from .models import Notification
from .outbox import outbox_email_deliver, outbox_flush
from .services import notification_email_send


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return False
    return notification_email_send(notification=notification)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def deliver_email(outbox_id: int) -> bool:
    """Send one e-mail of the outbox; a redelivered or repeated task sends nothing twice."""
    return outbox_email_deliver(outbox_id=outbox_id)


@shared_task
def flush_outbox() -> dict:
    """Every few minutes: send e-mails whose task was lost, forget old sent ones."""
    return outbox_flush()

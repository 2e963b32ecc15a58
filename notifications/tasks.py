from celery import shared_task

from .models import Notification
from .services import notification_email_send


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return False
    return notification_email_send(notification=notification)

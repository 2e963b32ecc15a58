from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from notifications.emails import absolute_url, email_send_templated

from .models import Notification
from .selectors import unread_count_key
from .texts import notification_text


def notification_create(
    *, recipient: User, kind: str, params: dict, url_name: str = "", url_kwargs: dict | None = None, email: bool = True
) -> Notification:
    """A notice in the portal and, after the transaction commits, an e-mail in the recipient's language."""
    from .tasks import send_notification_email

    link = ""
    if url_name:
        with translation.override(recipient.preferred_language):
            link = reverse(url_name, kwargs=url_kwargs or {})
    notification = Notification.objects.create(recipient=recipient, kind=kind, params=params, link=link)
    if email:
        transaction.on_commit(lambda: send_notification_email.delay(notification.pk))
    return notification


def notification_email_send(*, notification: Notification) -> bool:
    """Send the notice by e-mail once; a retried task sends nothing twice."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().select_related("recipient").get(pk=notification.pk)
        recipient = notification.recipient
        if notification.emailed_at is not None or not recipient.is_active:
            return False
        language = recipient.preferred_language
        with translation.override(language):
            text = notification_text(notification)
        email_send_templated(
            to=recipient.email,
            language=language,
            template_prefix="notifications/email/notification",
            context={"text": text, "url": absolute_url(notification.link) if notification.link else ""},
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, recipient: User) -> int:
    marked = Notification.objects.filter(recipient=recipient).unread().update(read_at=timezone.now())
    notification_unread_count_forget(recipient_id=recipient.pk)  # a bulk update sends no signal
    return marked


def notification_unread_count_forget(*, recipient_id: int) -> None:
    """The kept unread count of this person is wrong now: forget it at once, and again after the commit, so a
    header rendered in between from the rows before the commit does not keep its count."""
    key = unread_count_key(recipient_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))

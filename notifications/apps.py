from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-portal notices and the e-mails that go with them, always in the recipient's language."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from common import reader_parts

        from .models import Notification
        from .templatetags.notification_tags import UNREAD_BADGE, unread_badge_html

        reader_parts.register(UNREAD_BADGE, unread_badge_html)
        # Every notice created, read or deleted changes its recipient's unread count (kept in the cache).
        post_save.connect(_unread_count_changed, sender=Notification, dispatch_uid="notifications_unread_saved")
        post_delete.connect(_unread_count_changed, sender=Notification, dispatch_uid="notifications_unread_deleted")


def _unread_count_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and "read_at" not in update_fields:
        return  # e.g. the time its e-mail was sent: the count stays
    from .services import notification_unread_count_forget

    notification_unread_count_forget(recipient_id=instance.recipient_id)

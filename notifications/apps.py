from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-portal notices and the e-mails that go with them, always in the recipient's language."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from common import reader_parts

        from .templatetags.notification_tags import UNREAD_BADGE, unread_badge_html

        reader_parts.register(UNREAD_BADGE, unread_badge_html)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Saved searches")

    def ready(self):
        # The daily digest lives in notifications, which imports nothing from here: this app adds its news.
        from notifications.digests import digest_contributor_register

        from .digest import SavedSearchNews

        digest_contributor_register(SavedSearchNews())

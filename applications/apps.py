from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """A candidate applies for (or shows interest in) a vacancy; both sides follow it to the end."""

    name = "applications"
    verbose_name = _("Applications")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.scoped_cache import CANDIDATE_DATA

        from .models import Application, ApplicationEvent

        CANDIDATE_DATA.watch(Application, ApplicationEvent)

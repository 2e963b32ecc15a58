from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """A candidate applies for (or shows interest in) a vacancy; both sides follow it to the end."""

    name = "applications"
    verbose_name = _("Applications")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.scoped_cache import CANDIDATE_DATA
        from notifications.texts import notification_param_choices_register

        from .models import Application, ApplicationEvent, ApplicationStatus

        CANDIDATE_DATA.watch(Application, ApplicationEvent)
        # Notices about an application show its status in the reader's language.
        notification_param_choices_register("status", ApplicationStatus)

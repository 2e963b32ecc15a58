from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """A candidate applies for (or shows interest in) a vacancy; both sides follow it to the end."""

    name = "applications"
    verbose_name = _("Applications")

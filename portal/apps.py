from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The candidate side: profiles, onboarding, the candidate's pages."""

    name = "portal"
    verbose_name = _("Portal")

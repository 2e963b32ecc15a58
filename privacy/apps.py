from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A person's control over their own data: consent, export of everything held, deletion."""

    name = "privacy"
    verbose_name = _("Privacy")

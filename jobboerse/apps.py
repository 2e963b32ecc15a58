from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobboerseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobboerse"
    verbose_name = _("Jobbörse of the Bundesagentur für Arbeit")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    """What every app may use: words of the domain, e-mail, dates, pagination, uploads, CSV export, page parts."""

    name = "common"
    verbose_name = _("Common")

    def ready(self):
        from .lookups import register
        from .scoped_cache import watch_regions

        register()
        watch_regions()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("Employers")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.page_cache import PUBLIC_LISTINGS

        from .models import Organisation, Vacancy

        PUBLIC_LISTINGS.watch(Vacancy, Organisation)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OccupationsConfig(AppConfig):
    name = "occupations"
    verbose_name = _("Occupations")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.page_cache import PUBLIC_LISTINGS
        from common.scoped_cache import CANDIDATE_DATA

        from .models import Occupation, OccupationField

        PUBLIC_LISTINGS.watch(Occupation, OccupationField)
        CANDIDATE_DATA.watch(Occupation)

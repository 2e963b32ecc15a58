from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The candidate side: profiles, onboarding, the candidate's pages."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.scoped_cache import CANDIDATE_DATA

        from .models import CandidateLanguage, CandidateOccupation, CandidateProfile, ContactGrant

        CANDIDATE_DATA.watch(CandidateProfile, CandidateLanguage, CandidateOccupation, ContactGrant)

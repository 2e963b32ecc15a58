from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.scoped_cache import CANDIDATE_DATA

        from .models import MentorRequest, Mentorship

        CANDIDATE_DATA.watch(Mentorship, MentorRequest)

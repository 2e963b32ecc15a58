from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.page_cache import PUBLIC_LISTINGS
        from common.scoped_cache import CANDIDATE_DATA

        from .models import Course, CourseRegistration

        PUBLIC_LISTINGS.watch(Course)
        CANDIDATE_DATA.watch(Course, CourseRegistration)

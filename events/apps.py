from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.page_cache import PUBLIC_LISTINGS
        from common.scoped_cache import CANDIDATE_DATA

        from .models import Event, EventRegistration

        # An event's card shows its free places.
        PUBLIC_LISTINGS.watch(Event, EventRegistration)
        CANDIDATE_DATA.watch(EventRegistration)

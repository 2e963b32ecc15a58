"""The news of saved searches in the one daily digest (sent with the digest of new matches, matching.digests)."""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from notifications.digests import DigestNews, DigestSection
from notifications.emails import absolute_url
from notifications.services import notification_create

from .models import SavedSearch, SavedSearchAlert
from .searches import search_type_of
from .selectors import saved_search_news
from .services import unsubscribe_token_make

# The e-mail lists the first few new offers of each search; the search's page shows them all.
EMAIL_ITEMS = 5
# Offers announced per search and day at most; the rest are news the next day.
MAX_ANNOUNCED = 200


def _unsubscribe_url(owner: User, search_ids: list[int], include_matches: bool = False) -> str:
    token = unsubscribe_token_make(owner=owner, search_ids=search_ids, include_matches=include_matches)
    return absolute_url(reverse("alerts:unsubscribe", kwargs={"token": token}))


class SavedSearchNews:
    """A digest contributor: for each saved search with news on, the offers that are new for it."""

    def recipient_ids(self, *, now: datetime.datetime) -> set[int]:
        return set(SavedSearch.objects.alerting().values_list("owner_id", flat=True).distinct())

    def news_for(self, *, user: User, now: datetime.datetime) -> DigestNews | None:
        # Locked for the transaction of the digest, so a second run waits and then finds the offers announced.
        searches = list(
            SavedSearch.objects.alerting().filter(owner=user).select_for_update(of=("self",)).order_by("pk")
        )
        found = []
        for search in searches:
            news = saved_search_news(search=search, now=now)
            offers = list(news[:MAX_ANNOUNCED]) if news is not None else []
            if offers:
                found.append((search, offers))
        if not found:
            return None
        language = user.preferred_language
        with translation.override(language):
            sections = [self._section(user, search, offers) for search, offers in found]

        def record():
            SavedSearchAlert.objects.bulk_create(
                [
                    SavedSearchAlert(search=search, offer_id=offer.pk, announced_at=now)
                    for search, offers in found
                    for offer in offers
                ],
                ignore_conflicts=True,
            )
            SavedSearch.objects.filter(pk__in=[search.pk for search, _offers in found]).update(last_alert_at=now)
            self._notice(user, found)

        return DigestNews(
            sections=sections,
            record=record,
            unsubscribe_url=lambda include_matches: _unsubscribe_url(
                user, [search.pk for search, _offers in found], include_matches
            ),
        )

    def _section(self, user: User, search: SavedSearch, offers: list) -> DigestSection:
        search_type = search_type_of(search.kind)
        items = []
        if search_type.items_shown:
            for offer in offers[:EMAIL_ITEMS]:
                item = search_type.item(offer)
                items.append({**item, "url": absolute_url(item["url"])})
        return DigestSection(
            title=_("Your search “%(name)s”") % {"name": search.name},
            count=len(offers),
            items=items,
            url=absolute_url(reverse("alerts:detail", kwargs={"pk": search.pk})),
            unsubscribe_url=_unsubscribe_url(user, [search.pk]),
        )

    def _notice(self, user: User, found: list) -> None:
        """One notice in the portal for all of today's news of saved searches."""
        if len(found) == 1:
            [(search, offers)] = found
            notification_create(
                recipient=user,
                kind="saved_search_news",
                params={"count": len(offers), "name": search.name},
                url_name="alerts:detail",
                url_kwargs={"pk": search.pk},
                email=False,
            )
        else:
            notification_create(
                recipient=user,
                kind="saved_search_news_many",
                params={"count": len(found)},
                url_name="alerts:list",
                email=False,
            )

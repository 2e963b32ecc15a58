"""Reads of saved searches: a person's own searches, what a search finds now, and what is new for it."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User

from .models import SavedSearch, SavedSearchAlert
from .searches import own_postal_code, params_as_data, params_describe, search_type_of

# What the news and the search page call new: announced within the last week.
RECENT = datetime.timedelta(days=7)
# Offers published before this window are not news any more, even for a search whose news was switched off.
LOOKBACK = datetime.timedelta(days=7)


def saved_search_list_for(*, owner: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner=owner).order_by("-created_at", "-pk")


def saved_search_of(*, owner: User, pk: int) -> SavedSearch | None:
    """A saved search only for its owner; anybody else's is as good as absent."""
    if not owner.is_authenticated:
        return None
    return SavedSearch.objects.filter(owner=owner, pk=pk).first()


def saved_search_count_for(*, owner: User) -> int:
    if not owner.is_authenticated:
        return 0
    return SavedSearch.objects.filter(owner=owner).count()


def saved_search_describe(*, search: SavedSearch) -> list[str]:
    search_type = search_type_of(search.kind)
    return params_describe(search_type=search_type, params=search.params, near_me=search.near_me, user=search.owner)


def saved_search_results(*, search: SavedSearch) -> QuerySet | None:
    """What the search finds now, as its page would show it; None when its filters are no longer valid."""
    search_type = search_type_of(search.kind)
    postal_code = own_postal_code(search.owner) if search.near_me else ""
    return search_type.results(params_as_data(params=search.params, postal_code=postal_code), search.owner)


def saved_search_news(*, search: SavedSearch, now: datetime.datetime) -> QuerySet | None:
    """Offers the search finds that were published since its news began (and within the last week) and that
    were never announced for it."""
    results = saved_search_results(search=search)
    if results is None:
        return None
    since = max(search.alerts_since, now - LOOKBACK)
    announced = SavedSearchAlert.objects.filter(search=search).values("offer_id")
    return search_type_of(search.kind).new_since(results, since).exclude(pk__in=announced)


def saved_search_recent_ids(*, search: SavedSearch, now: datetime.datetime | None = None) -> set[int]:
    """Offers announced for this search within the last week (marked "new" on its page)."""
    now = now or timezone.now()
    return set(
        SavedSearchAlert.objects.filter(search=search, announced_at__gte=now - RECENT).values_list(
            "offer_id", flat=True
        )
    )


def saved_search_export_for(user: User) -> list[dict]:
    """For the data export: every saved search with its filters as the person chose them."""
    return [
        {
            "name": search.name,
            "kind": {"code": search.kind, "label": str(search.get_kind_display())},
            "filters": saved_search_describe(search=search),
            "near_me": search.near_me,
            "alerts": search.alerts,
            "created_at": search.created_at,
            "last_alert_at": search.last_alert_at,
        }
        for search in saved_search_list_for(owner=user)
    ]

"""Writes of saved searches: save, rename, switch the daily news on and off, delete, unsubscribe."""

import logging

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from employers.filters import NEAR_ME
from notifications.digests import notification_preference_set

from .models import SavedSearch
from .searches import (
    own_postal_code,
    params_as_data,
    params_clean,
    params_suggest_name,
    search_type_of,
)

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 20
NAME_MAX_LENGTH = SavedSearch._meta.get_field("name").max_length
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if len(name) > NAME_MAX_LENGTH:
        message = _("Please keep the name under %(count)s characters.") % {"count": NAME_MAX_LENGTH}
        raise ValidationError({"name": message})
    return name


@transaction.atomic
def saved_search_create(*, owner: User, kind: str, name: str, data) -> tuple[SavedSearch, bool]:
    """Save the search a results page shows (its query-string `data`); returns (search, created).

    Saving the same search again leads to the one saved before. The owner's own postal code is never stored:
    a search from it is saved as "near me" and reads the profile whenever it runs.
    """
    search_type = search_type_of(kind)
    if search_type is None or owner.role not in search_type.roles:
        raise PermissionDenied
    params = params_clean(search_type=search_type, data=data)
    own = own_postal_code(owner) if search_type.place_field else ""
    near_me = False
    if own:
        if params.get("postal_code") == [own]:
            # Saved as the page's own `near=me`, so a move is followed and the code is never stored.
            del params["postal_code"]
            params["near"] = [NEAR_ME]
            near_me = True
        elif search_type.starts_from_own_place(params):
            near_me = True
    if search_type.results(params_as_data(params=params, postal_code=own if near_me else ""), owner) is None:
        raise ValidationError(_("This search has errors. Please correct the filters before saving it."))
    name = _clean_name(name) or params_suggest_name(search_type=search_type, params=params, user=owner)
    # The owner's row serialises two saves at once, so neither the limit nor the duplicate check is passed twice.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    mine = SavedSearch.objects.filter(owner=owner)
    for existing in mine.filter(kind=kind, near_me=near_me):
        if existing.params == params:
            return existing, False
    if mine.count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            _("You can keep at most %(limit)s saved searches. Please delete one first.") % {"limit": MAX_SAVED_SEARCHES}
        )
    search = SavedSearch.objects.create(
        owner=owner, kind=kind, name=name, params=params, near_me=near_me, alerts_since=timezone.now()
    )
    logger.info("saved search created id=%s kind=%s", search.pk, kind)
    return search, True


def saved_search_rename(*, search: SavedSearch, name: str) -> SavedSearch:
    name = _clean_name(name)
    if not name:
        raise ValidationError({"name": _("Please give the search a name.")})
    search.name = name
    search.save(update_fields=["name"])
    return search


def saved_search_alerts_set(*, search: SavedSearch, alerts: bool) -> SavedSearch:
    """Switch the daily news of one search on or off; switched on again, only what is new from now counts."""
    if search.alerts != alerts:
        search.alerts = alerts
        fields = ["alerts"]
        if alerts:
            search.alerts_since = timezone.now()
            fields.append("alerts_since")
        search.save(update_fields=fields)
    return search


def saved_search_delete(*, search: SavedSearch) -> None:
    search.delete()


# --- One-click unsubscribing from the digest's news ---


def unsubscribe_token_make(*, owner: User, search_ids: list[int], include_matches: bool = False) -> str:
    """A signed token that names the person and what to stop; it holds no e-mail address and cannot be made up."""
    return signing.dumps({"u": owner.pk, "s": sorted(search_ids), "m": int(include_matches)}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(*, token: str) -> tuple[User, list[int], bool] | None:
    """(owner, search ids, whether the match digest stops too), or None for a forged or damaged token."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int) or not isinstance(payload.get("s"), list):
        return None
    owner = User.objects.filter(pk=payload["u"], is_active=True).first()
    if owner is None or not all(isinstance(pk, int) for pk in payload["s"]):
        return None
    return owner, payload["s"], bool(payload.get("m"))


@transaction.atomic
def saved_search_unsubscribe(*, owner: User, search_ids: list[int], include_matches: bool) -> int:
    """Stop the news of these searches of the owner (and the digest of new matches if asked); returns how many."""
    stopped = SavedSearch.objects.filter(owner=owner, pk__in=search_ids, alerts=True).update(alerts=False)
    if include_matches:
        notification_preference_set(user=owner, match_digest=False)
    logger.info("saved search news stopped owner=%s count=%s", owner.pk, stopped)
    return stopped

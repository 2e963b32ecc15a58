"""The searches a person can save, one adapter per search page.

Each adapter reuses its page's own form or filter set, so a saved search finds exactly what the page finds
with the same query string, and a filter the page gains is available to saved searches at once.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from applications.selectors import candidate_profile_of
from courses.forms import CourseSearchForm
from courses.selectors import course_search
from employers.candidate_search import CandidateSearchForm, candidate_search
from employers.filters import NEAR_ME, VacancyFilter
from employers.selectors import organisation_of, vacancy_list_published
from events.forms import EventFilterForm
from events.selectors import event_list_public
from portal.selectors import candidate_search_defaults

from .models import SearchKind

MAX_VALUES_PER_FIELD = 10
MAX_VALUE_LENGTH = 100


def _published_since(queryset: QuerySet, since) -> QuerySet:
    """Courses and events published after `since` (those created as published have only their creation time)."""
    return queryset.alias(appeared_at=Coalesce("published_at", "created_at")).filter(appeared_at__gt=since)


def _near_me(params: dict) -> bool:
    return params.get("near") == [NEAR_ME] and "postal_code" not in params


class SearchType:
    """A search page as saved searches see it; subclasses adapt the page's own form or filter set."""

    kind: str
    roles: tuple[str, ...]
    url_name: str
    fields: tuple[str, ...]
    # The field holding the postal code distances start from ("" when the search has no place).
    place_field = "postal_code"
    # Whether the news may name what was found (not for candidates, who stay anonymous until contact).
    items_shown = True

    def form(self, data: QueryDict, user: User):
        raise NotImplementedError

    def results(self, data: QueryDict, user: User) -> QuerySet | None:
        """What the search page shows for these parameters, or None if they are not valid (any more)."""
        raise NotImplementedError

    def new_since(self, queryset: QuerySet, since) -> QuerySet:
        raise NotImplementedError

    def starts_from_own_place(self, params: dict) -> bool:
        """Whether the page itself measures from the candidate's own postal code for these parameters."""
        return False

    def item(self, offer) -> dict:
        raise NotImplementedError


class VacancySearch(SearchType):
    kind = SearchKind.VACANCY
    roles = (Role.CANDIDATE,)
    url_name = "vacancies:search"
    fields = (
        "q", "kind", "field", "near", "postal_code", "radius", "german_level", "hours_min", "hours_max", "start_by",
    )  # fmt: skip

    def _filterset(self, data, user):
        return VacancyFilter(data, queryset=vacancy_list_published(), request=SimpleNamespace(user=user))

    def form(self, data, user):
        return self._filterset(data, user).form

    def results(self, data, user):
        filterset = self._filterset(data, user)
        return filterset.qs if filterset.is_valid() else None

    def new_since(self, queryset, since):
        return queryset.filter(published_at__gt=since)

    def starts_from_own_place(self, params):
        # `near=me` measures from the candidate's own postal code, read from the profile (never from the URL).
        return _near_me(params)

    def item(self, offer):
        return {
            "title": offer.title,
            "detail": offer.organisation.name,
            "url": reverse("vacancies:detail", kwargs={"pk": offer.pk}),
        }


class CourseSearch(SearchType):
    kind = SearchKind.COURSE
    roles = (Role.CANDIDATE,)
    url_name = "courses:search"
    fields = (
        "my_level", "kind", "level", "near", "postal_code", "radius_km", "online", "schedule", "start_within_weeks",
        "childcare",
    )  # fmt: skip

    def form(self, data, user):
        return CourseSearchForm(data, home=candidate_search_defaults(user=user))

    def results(self, data, user):
        form = self.form(data, user)
        return course_search(filters=form.filters()) if form.is_valid() else None

    def new_since(self, queryset, since):
        return _published_since(queryset, since)

    def starts_from_own_place(self, params):
        return _near_me(params)

    def item(self, offer):
        return {
            "title": offer.title,
            "detail": offer.provider.name,
            "url": reverse("courses:detail", kwargs={"pk": offer.pk}),
        }


class EventSearch(SearchType):
    kind = SearchKind.EVENT
    roles = (Role.CANDIDATE,)
    url_name = "events:list"
    fields = ("kind", "target_group")
    place_field = ""

    def form(self, data, user):
        return EventFilterForm(data)

    def results(self, data, user):
        form = EventFilterForm(data)
        return event_list_public(**form.filters()) if form.is_valid() else None

    def new_since(self, queryset, since):
        return _published_since(queryset, since)

    def item(self, offer):
        when = formats.date_format(timezone.localtime(offer.starts_at), "SHORT_DATETIME_FORMAT")
        return {"title": offer.title, "detail": when, "url": reverse("events:detail", kwargs={"pk": offer.pk})}


class CandidateSearch(SearchType):
    kind = SearchKind.CANDIDATE
    roles = (Role.EMPLOYER,)
    url_name = "employers:candidate_search"
    fields = ("field", "german_level", "looking_for", "postal_code", "radius")
    # Anonymous until contact: the news only counts them, the search page shows the anonymous cards.
    items_shown = False

    def form(self, data, user):
        return CandidateSearchForm(data)

    def results(self, data, user):
        organisation = organisation_of(user=user)
        form = CandidateSearchForm(data)
        if organisation is None or not form.is_valid():
            return None
        return candidate_search(organisation=organisation, filters=form.cleaned_data)

    def new_since(self, queryset, since):
        return queryset.filter(found_since__gt=since)

    def item(self, offer):
        return {"title": "", "detail": "", "url": reverse("employers:candidate_detail", args=[offer.public_id])}


SEARCH_TYPES: dict[str, SearchType] = {
    search.kind: search for search in (VacancySearch(), CourseSearch(), EventSearch(), CandidateSearch())
}


def search_type_of(kind: str) -> SearchType | None:
    return SEARCH_TYPES.get(kind)


def params_clean(*, search_type: SearchType, data) -> dict[str, list[str]]:
    """Only the search's own fields, non-empty, sorted, bounded: the same search always gives the same dict."""
    params = {}
    for name in search_type.fields:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        values = sorted({str(value).strip()[:MAX_VALUE_LENGTH] for value in values} - {""})[:MAX_VALUES_PER_FIELD]
        if values:
            params[name] = values
    return params


def params_as_data(*, params: dict, postal_code: str = "") -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, list(values))
    if postal_code:
        data["postal_code"] = postal_code
    return data


def own_postal_code(user: User) -> str:
    """The candidate's own postal code from the profile (never from a URL)."""
    if user.role != Role.CANDIDATE:
        return ""
    profile = candidate_profile_of(user=user)
    return profile.postal_code if profile else ""


def params_describe(*, search_type: SearchType, params: dict, near_me: bool, user: User) -> list[str]:
    """The chosen filters as "label: value" lines in the reader's language."""
    form = search_type.form(params_as_data(params=params), user)
    lines = []
    if near_me:
        lines.append(_("From your own postal code"))
    for name in search_type.fields:
        values = params.get(name)
        field = form.fields.get(name)
        if not values or field is None:
            continue
        choices = {str(key): label for key, label in getattr(field, "choices", []) or []}
        shown = ", ".join(str(choices.get(value, value)) for value in values)
        lines.append(f"{field.label}: {shown}")
    return lines


def params_suggest_name(*, search_type: SearchType, params: dict, user: User) -> str:
    """A name made of the chosen values ("Koch · 25 km"), or the kind of search when nothing is chosen."""
    form = search_type.form(params_as_data(params=params), user)
    values = []
    for name in search_type.fields:
        field = form.fields.get(name)
        choices = {str(key): label for key, label in getattr(field, "choices", []) or []} if field else {}
        values += [str(choices.get(value, value)) for value in params.get(name, [])]
    name = " · ".join(values) or str(SearchKind(search_type.kind).label)
    return name[:80]

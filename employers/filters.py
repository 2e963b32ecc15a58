"""The vacancy search: what candidates may filter and sort by, validated like any other form."""

import django_filters
from django import forms
from django.db import connection
from django.db.models import F, Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from applications.selectors import candidate_profile_of
from common.vocabulary import GermanLevel
from matching.selectors import vacancy_annotate_fit
from occupations.selectors import occupation_field_choices
from places.forms import PostalCodeField
from places.selectors import postal_code_label
from portal.selectors import candidate_search_defaults

from .models import Vacancy, VacancyKind
from .selectors import vacancy_nearest_narrowed, vacancy_text_search, vacancy_within


def _kilometres(km: int) -> str:
    return gettext("%(km)s km") % {"km": km}


RADIUS_CHOICES = [("", _("Any distance")), *((str(km), lazy(_kilometres, str)(km)) for km in (10, 25, 50, 100))]
PAGE_SIZES = (10, 20, 50)
DEFAULT_PAGE_SIZE = 20
SORT_DISTANCE = "distance"
SORT_NEWEST = "newest"
SORT_FIT = "fit"
SORT_CHOICES = [(SORT_DISTANCE, _("Nearest first")), (SORT_NEWEST, _("Newest first")), (SORT_FIT, _("Best fit first"))]
# `near=me` in a URL stands for the candidate's home postal code, which the server reads from the profile.
NEAR_ME = "me"


class VacancySearchForm(forms.Form):
    """The fields that shape the search as a whole rather than narrowing it one by one."""

    near = forms.BooleanField(
        label=_("From my home"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": NEAR_ME}),
        help_text=_("Uses the place in your profile; type another place below to search there instead."),
    )
    postal_code = PostalCodeField(
        label=_("From town or postal code"),
        required=False,
        help_text=_("We show how far each offer is from here."),
    )
    radius = forms.TypedChoiceField(
        label=_("Distance"), choices=RADIUS_CHOICES, coerce=int, empty_value=None, required=False
    )
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)
    page_size = forms.TypedChoiceField(
        label=_("Offers per page"),
        choices=[(str(size), str(size)) for size in PAGE_SIZES],
        coerce=int,
        empty_value=DEFAULT_PAGE_SIZE,
        required=False,
    )

    field_order = [
        "q", "kind", "field", "near", "postal_code", "radius", "german_level", "hours_min", "hours_max", "start_by",
        "sort", "page_size",
    ]  # fmt: skip

    # The candidate's home (portal.selectors.SearchDefaults) for `near=me`; set by VacancyFilter.
    home = None
    # Rendered once per state and language (common.render_cache): none of these shows anything of the reader.
    cache_rendered_fields = (
        "q", "postal_code", "radius", "kind", "field", "german_level", "hours_min", "hours_max", "start_by", "sort",
        "page_size",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and not self.data.get(self.add_prefix("page_size")):
            # The list shows the page size in use, not the first option (which read "10" over 20 results).
            self.data = self.data.copy()
            self.data[self.add_prefix("page_size")] = str(DEFAULT_PAGE_SIZE)
        if not (self.data.get(self.add_prefix("postal_code")) or self.data.get(self.add_prefix("near")) or "").strip():
            # Without a place there is nothing to be near; the choice is not offered (and ignored if sent).
            self.fields["sort"].widget.choices = [choice for choice in SORT_CHOICES if choice[0] != SORT_DISTANCE]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("near") and not cleaned_data.get("postal_code") and self.home is not None:
            cleaned_data["postal_code"] = self.home.postal_code
        hours_min, hours_max = cleaned_data.get("hours_min"), cleaned_data.get("hours_max")
        if hours_min is not None and hours_max is not None and hours_min > hours_max:
            self.add_error("hours_max", _("The maximum hours must not be lower than the minimum."))
        if cleaned_data.get("radius") and not cleaned_data.get("postal_code") and "postal_code" not in self.errors:
            self.add_error("postal_code", _("Please enter a postal code to search within a distance."))
        return cleaned_data


class VacancyFilter(django_filters.FilterSet):
    """Narrows published vacancies; distance and sort order are applied last, in `filter_queryset`."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=100,
        help_text=_("An occupation or a word, in any language, for example “Tischler”, “نجار” or “carpenter”."),
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of offer"), choices=VacancyKind.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    field = django_filters.ChoiceFilter(
        label=_("Occupational field"), field_name="occupation__field_id", empty_label=_("All fields")
    )
    german_level = django_filters.ChoiceFilter(
        label=_("German needed at most"),
        choices=GermanLevel.choices,
        method="filter_german_level",
        empty_label=_("Any level"),
        help_text=_("Shows offers that need this level of German or less."),
    )
    hours_min = django_filters.NumberFilter(
        label=_("Hours a week, at least"),
        field_name="hours_per_week",
        lookup_expr="gte",
        min_value=1,
        max_value=48,
    )
    hours_max = django_filters.NumberFilter(
        label=_("Hours a week, at most"),
        field_name="hours_per_week",
        lookup_expr="lte",
        min_value=1,
        max_value=48,
    )
    start_by = django_filters.DateFilter(
        label=_("Starts by"),
        method="filter_start_by",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Offers that start on this day or earlier, or as soon as possible."),
    )

    class Meta:
        model = Vacancy
        fields = []
        form = VacancySearchForm

    def __init__(self, *args, typos: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.typos = typos
        # Named and sorted in the reader's language; cached, whatever the page shows.
        self.filters["field"].extra["choices"] = [(str(pk), name) for pk, name in occupation_field_choices()]
        # Only a candidate with a profile has matches to sort by.
        self.profile = candidate_profile_of(user=self.request.user) if self._is_candidate() else None
        self._offer_home(candidate_search_defaults(user=self.request.user) if self.profile is not None else None)
        if self.profile is None:
            sort = self.form.fields["sort"]
            offered = [choice for choice in sort.widget.choices if choice[0] != SORT_FIT]
            sort.choices = [choice for choice in sort.choices if choice[0] != SORT_FIT]  # resets the widget's
            sort.widget.choices = offered

    def _offer_home(self, defaults) -> None:
        """`near=me` for a candidate with a home postal code, and their own travel distance among the radii."""
        if defaults is None or not defaults.postal_code:
            del self.form.fields["near"]
            return
        self.form.home = defaults
        self.form.fields["near"].label = _("From my home: %(place)s") % {
            "place": postal_code_label(postal_code=defaults.postal_code)
        }
        radius = self.form.fields["radius"]
        if defaults.radius_km and str(defaults.radius_km) not in dict(radius.choices):
            kilometres = [(str(km), _kilometres(km)) for km in (10, 25, 50, 100, defaults.radius_km)]
            radius.choices = [RADIUS_CHOICES[0], *sorted(kilometres, key=lambda choice: int(choice[0]))]

    def filter_text(self, queryset, name, value):
        return vacancy_text_search(queryset, query=value, typos=self.typos)

    @property
    def may_tolerate_typos(self) -> bool:
        """A text search that found nothing may look again for words much like the query (PostgreSQL)."""
        return not self.typos and connection.vendor == "postgresql" and bool(self.form.cleaned_data.get("q"))

    def tolerating_typos(self) -> "VacancyFilter":
        """The same search, also finding offers whose title has a word much like the query."""
        return type(self)(self.data, queryset=self.queryset, request=self.request, typos=True)

    def filter_german_level(self, queryset, name, value):
        return queryset.filter(german_level_required__in=GermanLevel.values[: GermanLevel.rank(value) + 1])

    def filter_start_by(self, queryset, name, value):
        return queryset.filter(Q(start_date__isnull=True) | Q(start_date__lte=value))

    @property
    def origin(self) -> str:
        """The postal code distances are measured from, once the form is valid."""
        return self.form.cleaned_data.get("postal_code") or ""

    def _is_candidate(self) -> bool:
        user = getattr(self.request, "user", None)
        return bool(user and user.is_authenticated and user.role == Role.CANDIDATE)

    @property
    def sort(self) -> str:
        chosen = self.form.cleaned_data.get("sort")
        if chosen == SORT_FIT and self.profile is not None:
            return SORT_FIT
        if self.origin and chosen in ("", None, SORT_DISTANCE):
            return SORT_DISTANCE
        return SORT_NEWEST

    @property
    def page_size(self) -> int:
        return self.form.cleaned_data.get("page_size") or DEFAULT_PAGE_SIZE

    def narrow(self, queryset, rows: int):
        """The same first `rows` results looked for close by first, when they come nearest first."""
        if self.sort != SORT_DISTANCE:
            return queryset
        return vacancy_nearest_narrowed(
            queryset, postal_code=self.origin, rows=rows, radius_km=self.form.cleaned_data.get("radius")
        )

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        if self.origin:
            queryset = vacancy_within(queryset, postal_code=self.origin, radius_km=self.form.cleaned_data.get("radius"))
        if self.sort == SORT_FIT:
            return vacancy_annotate_fit(queryset, profile=self.profile).order_by(
                F("fit_score").desc(nulls_last=True), "-published_at", "-pk"
            )
        if self.sort == SORT_DISTANCE:
            return queryset.order_by("distance_km", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")

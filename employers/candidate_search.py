"""The employers' candidate search: anonymous profiles of candidates who agreed to be found.

Only candidates visible to employers, or in contact with the searching organisation, are found; the result
shows what an anonymous card may show (occupations, German level, district, what they look for) and never a
name, contact or the exact postal code.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from common.vocabulary import GermanLevel, OfferKind
from occupations.selectors import occupation_field_list
from places.forms import PostalCodeField
from places.geo import all_postal_codes, coordinates_of, haversine_km
from portal.models import CandidateProfile, ContactGrant

from .models import Organisation

RADIUS_CHOICES = [
    ("", _("Any distance")),
    ("10", _("up to 10 km")),
    ("25", _("up to 25 km")),
    ("50", _("up to 50 km")),
    ("100", _("up to 100 km")),
]


class CandidateSearchForm(forms.Form):
    """Read from the query string; every field may stay empty."""

    field = forms.ChoiceField(label=_("Occupational field"), required=False)
    german_level = forms.ChoiceField(
        label=_("German at least"),
        choices=[("", _("Any level")), *GermanLevel.choices],
        required=False,
    )
    looking_for = forms.MultipleChoiceField(
        label=_("Looking for"),
        choices=[choice for choice in OfferKind.choices if choice[0] != OfferKind.LANGUAGE_COURSE],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    postal_code = PostalCodeField(label=_("Near postal code"), required=False)
    radius = forms.TypedChoiceField(
        label=_("Distance"), choices=RADIUS_CHOICES, coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [("", _("All fields"))] + [
            (str(field.pk), field.name()) for field in occupation_field_list()
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("radius") and not cleaned_data.get("postal_code") and "postal_code" not in self.errors:
            self.add_error("postal_code", _("Please enter a postal code to search within a distance."))
        return cleaned_data


@dataclass
class CandidateSearchCard:
    """What an employer sees of a found candidate before contact."""

    public_id: str
    occupations: list[tuple[str, int]]
    german_level: str
    district: str
    looking_for: list[str]
    has_contact: bool


def _postal_codes_within(postal_code: str, radius_km: int) -> list[str]:
    origin = coordinates_of(postal_code)
    if origin is None:
        return []
    return [code for code, point in all_postal_codes().items() if haversine_km(origin, point) <= radius_km]


def candidate_search(*, organisation: Organisation, filters: dict) -> QuerySet[CandidateProfile]:
    """Candidates who agreed to be found by this organisation and fit the filters, newest visible first.

    `filters` are a valid CandidateSearchForm's cleaned data. Each row carries `found_since`: when the
    candidate became findable (opted in, or signed up), which is what saved searches announce as new.
    """
    granted = ContactGrant.objects.filter(organisation=organisation).values("profile_id")
    queryset = CandidateProfile.objects.filter(user__is_active=True).filter(
        Q(visible_to_employers=True) | Q(pk__in=granted)
    )
    if filters.get("field"):
        queryset = queryset.filter(
            pk__in=CandidateProfile.objects.filter(occupations__occupation__field_id=filters["field"]).values("pk")
        )
    if filters.get("german_level"):
        queryset = queryset.filter(german_level__in=GermanLevel.values[GermanLevel.rank(filters["german_level"]) :])
    wanted = filters.get("looking_for") or []
    if wanted:
        # A JSON list of codes; the quoted code cannot match part of another code.
        any_wanted = Q()
        for kind in wanted:
            any_wanted |= Q(looking_for__icontains=f'"{kind}"')
        queryset = queryset.filter(any_wanted)
    if filters.get("postal_code"):
        radius = filters.get("radius")
        if radius:
            queryset = queryset.filter(postal_code__in=_postal_codes_within(filters["postal_code"], radius))
    return queryset.annotate(found_since=Coalesce("visibility_changed_at", "created_at")).order_by(
        "-found_since", "-pk"
    )


def candidate_search_cards(
    *, organisation: Organisation, profiles: list[CandidateProfile]
) -> list[CandidateSearchCard]:
    """Anonymous cards for a page of found candidates (two queries whatever the page size)."""
    ids = [profile.pk for profile in profiles]
    contacts = set(
        ContactGrant.objects.filter(organisation=organisation, profile_id__in=ids).values_list("profile_id", flat=True)
    )
    with_occupations = {
        profile.pk: profile
        for profile in CandidateProfile.objects.filter(pk__in=ids).prefetch_related("occupations__occupation")
    }
    levels = dict(GermanLevel.choices)
    return [
        CandidateSearchCard(
            public_id=str(profile.public_id),
            occupations=[
                (entry.occupation.name(), entry.years_experience)
                for entry in with_occupations[profile.pk].occupations.all()
            ],
            german_level=str(levels.get(profile.german_level, "")),
            district=f"{profile.postal_code[:3]}xx" if profile.postal_code else "",
            looking_for=profile.looking_for_labels(),
            has_contact=profile.pk in contacts,
        )
        for profile in profiles
    ]

"""Reads on the candidate side: where the onboarding continues and how complete a profile is."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import Role
from common.vocabulary import GermanLevel, OfferKind
from documents.selectors import document_list_shared_with
from employers.models import Organisation
from occupations.models import Occupation
from occupations.selectors import occupation_search

from .models import CandidateLanguage, CandidateOccupation, CandidateProfile, ContactGrant, OnboardingStep, SitePage


def candidate_profile_of(*, user) -> CandidateProfile | None:
    """The candidate's profile if there is one; reading never creates it (portal.services.candidate_profile_ensure
    does, for the pages that fill it in)."""
    if not user.is_authenticated or user.role != Role.CANDIDATE:
        return None
    return CandidateProfile.objects.filter(user=user).first()


class MissingItem(str):
    """A translated phrase naming what a profile lacks; `step` is the onboarding step that asks for it."""

    step: str

    def __new__(cls, text: str, step: str):
        item = super().__new__(cls, text)
        item.step = step
        return item


def candidate_onboarding_next_step(*, profile: CandidateProfile) -> str | None:
    """The first step not saved yet, or None when every step is done."""
    return next((step for step in OnboardingStep.values if not profile.has_completed(step)), None)


def candidate_profile_completeness(*, profile: CandidateProfile) -> tuple[int, list[MissingItem]]:
    """How complete the profile is in percent (100 only when nothing is missing), and what is missing."""
    has_occupation = profile.occupations.exists()
    checks = [
        (
            profile.has_completed(OnboardingStep.LANGUAGES) or profile.german_level != GermanLevel.NONE,
            OnboardingStep.LANGUAGES,
            _("Add your German level"),
        ),
        (
            has_occupation or bool(profile.vocational_education),
            OnboardingStep.EXPERIENCE,
            _("Add an occupation you have worked in or your vocational training"),
        ),
        (bool(profile.school_education), OnboardingStep.EXPERIENCE, _("Add your school education")),
        (bool(profile.looking_for), OnboardingStep.WISHES, _("Choose what you are looking for")),
        (
            profile.hours_per_week is not None,
            OnboardingStep.WISHES,
            _("Add how many hours a week you can work"),
        ),
        (bool(profile.postal_code), OnboardingStep.PLACE, _("Add your postal code")),
        (
            profile.travel_radius_km is not None and bool(profile.transport),
            OnboardingStep.PLACE,
            _("Add how far and how you can travel"),
        ),
        (
            profile.childcare_needed is not None and profile.shift_work_possible is not None,
            OnboardingStep.CIRCUMSTANCES,
            _("Answer the questions about childcare and shift work"),
        ),
    ]
    missing = [MissingItem(text, step) for done, step, text in checks if not done]
    percent = (len(checks) - len(missing)) * 100 // len(checks)
    return percent, missing


def candidate_occupation_list(*, profile: CandidateProfile) -> QuerySet[CandidateOccupation]:
    return profile.occupations.select_related("occupation")


def candidate_occupation_of(*, profile: CandidateProfile, pk: int) -> CandidateOccupation | None:
    """The candidate's own occupation entry with this id; None for anyone else's."""
    return profile.occupations.filter(pk=pk).first()


def candidate_language_list(*, profile: CandidateProfile) -> QuerySet[CandidateLanguage]:
    return profile.languages.all()


def occupation_choices(*, query: str) -> QuerySet[Occupation] | None:
    """The occupations a search finds, for the occupation picker; None (the whole catalogue) without a query."""
    if not query.strip():
        return None
    return Occupation.objects.filter(pk__in=[occupation.pk for occupation in occupation_search(query=query)])


@dataclass(frozen=True)
class SearchDefaults:
    """Where a signed-in candidate's searches start: their home, how far they travel, what they look for.

    The postal code never goes into a URL: forms send `near=me` and the server reads it from the profile.
    """

    postal_code: str
    radius_km: int | None
    kinds: tuple[str, ...]
    german_level: str | None


def candidate_search_defaults(*, user) -> SearchDefaults | None:
    """The search defaults from a candidate's profile; None for anybody else or an empty profile."""
    if not user.is_authenticated or user.role != Role.CANDIDATE:
        return None
    profile = CandidateProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    answered_german = profile.german_level != GermanLevel.NONE or profile.has_completed(OnboardingStep.LANGUAGES)
    defaults = SearchDefaults(
        postal_code=profile.postal_code,
        radius_km=profile.travel_radius_km if profile.postal_code else None,
        kinds=tuple(profile.looking_for),
        german_level=profile.german_level if answered_german else None,
    )
    return defaults if defaults.postal_code or defaults.kinds else None


def site_page_for(*, kind: str, language: str) -> SitePage | None:
    """The page in the reader's language, else in English, else in German; None before the operator wrote one."""
    pages = {page.language: page for page in SitePage.objects.filter(kind=kind)}
    return pages.get(language) or pages.get("en") or pages.get("de")


# --- consent and what employers see ---------------------------------------------------------------------------


def contact_grant_list_for_profile(*, profile: CandidateProfile) -> QuerySet[ContactGrant]:
    return ContactGrant.objects.filter(profile=profile).select_related("organisation").order_by("granted_at")


def candidate_profile_for_employer(*, organisation: Organisation | None, public_id) -> dict | None:
    """What this employer may see of a candidate, or None if nothing (then the candidate "does not exist").

    Anonymous profile if the candidate opted in to be visible; name, e-mail and the documents shared with this
    organisation only once the candidate applied there or accepted its contact request (a ContactGrant),
    which also opens the profile when it is not visible. Never the work permit or anything not listed here.
    """
    if organisation is None or not organisation.is_employer:
        return None
    profile = (
        CandidateProfile.objects.filter(public_id=public_id, user__is_active=True)
        .select_related("user")
        .prefetch_related("languages", "occupations__occupation")
        .first()
    )
    if profile is None:
        return None
    granted = ContactGrant.objects.filter(profile=profile, organisation=organisation).exists()
    if not (profile.visible_to_employers or granted):
        return None
    offer_names = dict(OfferKind.choices)
    view = {
        "public_id": profile.public_id,
        "occupations": [
            {"name": entry.occupation.name(), "years_experience": entry.years_experience}
            for entry in profile.occupations.all()
        ],
        "german_level": dict(GermanLevel.choices).get(profile.german_level, ""),
        "languages": [
            {"language": entry.get_language_display(), "level": entry.get_level_display()}
            for entry in profile.languages.all()
        ],
        "looking_for": [str(offer_names[kind]) for kind in profile.looking_for if kind in offer_names],
        "hours_per_week": profile.hours_per_week,
        "earliest_start": profile.earliest_start,
        # The district (first three digits of the postal code) locates without identifying.
        "district": profile.postal_code[:3],
        "travel_radius_km": profile.travel_radius_km,
        "contact": None,
        "documents": [],
    }
    if granted:
        view["contact"] = {"name": profile.user.get_full_name(), "email": profile.user.email}
        view["documents"] = [
            {
                "public_id": document.public_id,
                "title": document.title,
                "kind": document.get_kind_display(),
                "extension": document.extension,
                "size": document.size,
            }
            for document in document_list_shared_with(owner=profile.user, organisation=organisation)
        ]
    return view

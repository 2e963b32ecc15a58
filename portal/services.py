"""Writes on the candidate side: each onboarding step saves completely or not at all."""

import logging
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from common.dates import age_on
from common.signals import matching_inputs_changed
from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, LanguageLevel, OfferKind
from employers.models import Organisation
from notifications.outbox import outbox_email_queue
from occupations.models import Occupation
from places.geo import normalise_postal_code

from .models import (
    DRIVING_LICENCE_CLASSES,
    CandidateLanguage,
    CandidateOccupation,
    CandidateProfile,
    ContactGrant,
    OnboardingStep,
    Transport,
    driving_licences_in_order,
)

MAX_YEARS_EXPERIENCE = 50
MAX_START_YEARS_AHEAD = 2
# The ages at which the portal's offers can concern anyone: school leavers from 14, people of working age up to 70.
BIRTH_DATE_MIN_AGE = 14
BIRTH_DATE_MAX_AGE = 70
# Every class that allows driving a car; in Germany C, D and their trailers all presuppose B.
CAR_LICENCE_CLASSES = {"B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"}

logger = logging.getLogger(__name__)


def candidate_profile_ensure(*, user: User) -> CandidateProfile:
    """The candidate's profile, created empty on first use (onboarding fills it step by step)."""
    if user.role != Role.CANDIDATE:
        raise ValueError("Only candidates have a candidate profile.")
    profile, _created = CandidateProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def candidate_languages_save(
    *,
    profile: CandidateProfile,
    german_level: str,
    german_certificate: str,
    other_languages: list[tuple[str, str]],
) -> CandidateProfile:
    """German level and certificate plus the full list of other languages, which replaces the old one."""
    errors: dict[str, list[str]] = {}
    _check(
        errors,
        "german_certificate",
        validate_certificate,
        german_level=german_level,
        german_certificate=german_certificate,
    )
    language_names = dict(SPOKEN_LANGUAGES)
    seen: set[str] = set()
    for language, level in other_languages:
        if language not in language_names:
            _add(errors, "other_languages", _("Please choose each language from the list."))
        elif level not in LanguageLevel.values:
            _add(
                errors,
                "other_languages",
                _("Please choose how well you speak %(language)s.") % {"language": language_names[language]},
            )
        elif language in seen:
            _add(
                errors,
                "other_languages",
                _("You have listed %(language)s twice.") % {"language": language_names[language]},
            )
        seen.add(language)

    _profile_update(
        profile,
        step=OnboardingStep.LANGUAGES,
        values={"german_level": german_level, "german_certificate": german_certificate or ""},
        errors=errors,
    )
    profile.languages.all().delete()
    CandidateLanguage.objects.bulk_create(
        CandidateLanguage(profile=profile, language=language, level=level) for language, level in other_languages
    )
    return profile


@transaction.atomic
def candidate_experience_save(
    *,
    profile: CandidateProfile,
    school_education: str,
    vocational_education: str,
    foreign_qualification: str,
    recognition_status: str,
    occupation: Occupation | None = None,
    years_experience: int | None = None,
) -> CandidateProfile:
    """Schooling, training and a foreign qualification; with an occupation, also adds (or updates) it."""
    foreign_qualification = (foreign_qualification or "").strip()
    errors: dict[str, list[str]] = {}
    _check(
        errors,
        "foreign_qualification",
        validate_recognition,
        foreign_qualification=foreign_qualification,
        recognition_status=recognition_status,
    )
    if occupation is not None:
        errors.update(_occupation_errors(years_experience))

    _profile_update(
        profile,
        step=OnboardingStep.EXPERIENCE,
        values={
            "school_education": school_education,
            "vocational_education": vocational_education,
            "foreign_qualification": foreign_qualification,
            "recognition_status": recognition_status,
        },
        errors=errors,
    )
    if occupation is not None:
        candidate_occupation_add(profile=profile, occupation=occupation, years_experience=years_experience)
    return profile


@transaction.atomic
def candidate_occupation_add(
    *, profile: CandidateProfile, occupation: Occupation, years_experience: int | None
) -> CandidateOccupation:
    """Adds an occupation to the profile; adding one that is already there changes its years."""
    errors = _occupation_errors(years_experience)
    if errors:
        raise ValidationError(errors)
    candidate_occupation, _created = CandidateOccupation.objects.update_or_create(
        profile=profile, occupation=occupation, defaults={"years_experience": years_experience}
    )
    _profile_changed(profile)
    return candidate_occupation


@transaction.atomic
def candidate_occupation_remove(*, profile: CandidateProfile, candidate_occupation: CandidateOccupation) -> None:
    if candidate_occupation.profile_id != profile.pk:
        raise ValueError("A candidate can only remove occupations from their own profile.")
    candidate_occupation.delete()
    _profile_changed(profile)


@transaction.atomic
def candidate_wishes_save(
    *,
    profile: CandidateProfile,
    looking_for: list[str],
    hours_per_week: int | None,
    earliest_start: date | None,
) -> CandidateProfile:
    """What the candidate looks for, how many hours a week and from when."""
    errors: dict[str, list[str]] = {}
    if any(kind not in OfferKind.values for kind in looking_for):
        _add(errors, "looking_for", _("Please choose only from the offers listed."))
    _check(errors, "earliest_start", validate_earliest_start, earliest_start=earliest_start)

    _profile_update(
        profile,
        step=OnboardingStep.WISHES,
        values={
            # Stored in the order of OfferKind, without repeats, so equal answers compare equal.
            "looking_for": [kind for kind in OfferKind.values if kind in looking_for],
            "hours_per_week": hours_per_week,
            "earliest_start": earliest_start,
        },
        errors=errors,
    )
    return profile


@transaction.atomic
def candidate_place_save(
    *,
    profile: CandidateProfile,
    postal_code: str,
    travel_radius_km: int | None,
    transport: str,
    driving_licences: list[str],
) -> CandidateProfile:
    """Where the candidate lives, how far and how they can travel."""
    errors: dict[str, list[str]] = {}
    unknown = [licence for licence in driving_licences if licence not in DRIVING_LICENCE_CLASSES]
    if unknown:
        _add(
            errors,
            "driving_licences",
            _("Unknown driving-licence class: %(classes)s.") % {"classes": ", ".join(unknown)},
        )
    else:
        _check(errors, "driving_licences", validate_car_licence, transport=transport, driving_licences=driving_licences)

    _profile_update(
        profile,
        step=OnboardingStep.PLACE,
        values={
            "postal_code": normalise_postal_code(postal_code),
            "travel_radius_km": travel_radius_km,
            "transport": transport,
            "driving_licences": driving_licences_in_order(driving_licences),
        },
        errors=errors,
    )
    return profile


@transaction.atomic
def candidate_circumstances_save(
    *,
    profile: CandidateProfile,
    childcare_needed: bool | None,
    shift_work_possible: bool | None,
    work_permit: str,
    birth_date: date | None = None,
) -> CandidateProfile:
    """The circumstances step; the optional date of birth only serves apprenticeship and Azubi-BSK fit."""
    errors: dict[str, list[str]] = {}
    _check(errors, "birth_date", validate_birth_date, birth_date=birth_date)
    _profile_update(
        profile,
        step=OnboardingStep.CIRCUMSTANCES,
        values={
            "childcare_needed": childcare_needed,
            "shift_work_possible": shift_work_possible,
            "work_permit": work_permit or "",
            "birth_date": birth_date,
        },
        errors=errors,
    )
    return profile


# Rules across fields, shared by the services and the step forms so every error shows in the first round.


def validate_certificate(*, german_level: str, german_certificate: str) -> None:
    if german_certificate and german_level == GermanLevel.NONE:
        raise ValidationError(
            _("A certificate shows a German level. Please choose your level above."), code="certificate_without_level"
        )


def validate_recognition(*, foreign_qualification: str, recognition_status: str) -> None:
    if recognition_status and not (foreign_qualification or "").strip():
        raise ValidationError(
            _("Please name your qualification from abroad, or set its recognition to “Not stated”."),
            code="recognition_without_qualification",
        )


def validate_earliest_start(*, earliest_start: date | None) -> None:
    """Today at the earliest, two years ahead at the latest."""
    if earliest_start is None:
        return
    today = timezone.localdate()
    latest = _years_after(today, MAX_START_YEARS_AHEAD)
    if earliest_start < today:
        raise ValidationError(
            _("The date lies in the past. Please choose today or a later day."), code="start_in_the_past"
        )
    if earliest_start > latest:
        raise ValidationError(
            _("Please choose a date within the next two years, at the latest %(date)s.")
            % {"date": date_format(latest, "SHORT_DATE_FORMAT")},
            code="start_too_far_ahead",
        )


def validate_birth_date(*, birth_date: date | None) -> None:
    """Optional; if given, not in the future and for an age from 14 to 70."""
    if birth_date is None:
        return
    today = timezone.localdate()
    if birth_date > today:
        raise ValidationError(
            _("The date of birth lies in the future. Please check the year."), code="birth_date_in_the_future"
        )
    if not BIRTH_DATE_MIN_AGE <= age_on(birth_date=birth_date, day=today) <= BIRTH_DATE_MAX_AGE:
        raise ValidationError(
            _("Please check the date of birth: it must be for an age from %(min)s to %(max)s years.")
            % {"min": BIRTH_DATE_MIN_AGE, "max": BIRTH_DATE_MAX_AGE},
            code="birth_date_out_of_range",
        )


def validate_car_licence(*, transport: str, driving_licences: list[str]) -> None:
    """Travelling by own car needs a licence for cars; C, D and their trailer classes all include B."""
    if transport == Transport.CAR and not CAR_LICENCE_CLASSES.intersection(driving_licences):
        raise ValidationError(
            _(
                "To travel by your own car you need a car driving licence (class B). "
                "Please tick your licence classes, or choose public transport."
            ),
            code="car_without_licence",
        )


def _check(errors: dict[str, list[str]], field: str, validator, **values) -> None:
    try:
        validator(**values)
    except ValidationError as error:
        for message in error.messages:
            _add(errors, field, message)


def _profile_update(profile: CandidateProfile, *, step: str, values: dict, errors: dict[str, list[str]]) -> None:
    """Validates the values against the model and saves them with the step as completed, or raises and keeps
    the profile object as it was."""
    previous = {name: getattr(profile, name) for name in values}
    for name, value in values.items():
        setattr(profile, name, value)
    others = [field.name for field in CandidateProfile._meta.concrete_fields if field.name not in values]
    try:
        profile.full_clean(exclude=others, validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                _add(errors, field, message)
    if errors:
        for name, value in previous.items():
            setattr(profile, name, value)
        raise ValidationError(errors)

    # Kept in the order of the steps, so the list reads like the onboarding.
    profile.completed_steps = [
        value for value in OnboardingStep.values if value in profile.completed_steps or value == step
    ]
    profile.save(update_fields=[*values, "completed_steps", "updated_at"])
    _profile_changed(profile)


def _profile_changed(profile: CandidateProfile) -> None:
    """What matching reads has changed: it recomputes this candidate's matches once the transaction commits."""
    matching_inputs_changed.send(sender=CandidateProfile, candidate_ids=[profile.pk])


def _occupation_errors(years_experience: int | None) -> dict[str, list[str]]:
    if years_experience is None or not 0 <= years_experience <= MAX_YEARS_EXPERIENCE:
        return {
            "years_experience": [
                _("Please enter your years of experience, a number from 0 to %(max)s.") % {"max": MAX_YEARS_EXPERIENCE}
            ]
        }
    return {}


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, [])
    if message not in errors[field]:
        errors[field].append(message)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def contact_message_send(*, email: str, name: str, message: str, language: str) -> int:
    """Sends a message from the contact form to the operators (CONTACT_EMAILS, else the admins); how many got it.

    The message is not stored and not logged: it exists only in the operators' mailboxes.
    """
    recipients = list(settings.CONTACT_EMAILS) or list(
        User.objects.filter(role=Role.ADMIN, is_active=True).values_list("email", flat=True)
    )
    if not recipients:
        raise ValueError("Nobody receives contact messages: set CONTACT_EMAILS or appoint an admin.")
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Contact form: a message in %(language)s") % {"language": _language_name(language)}
    outbox_email_queue(
        message=EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body=f"{name or '—'} <{email}>\n\n{message}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
            reply_to=[email],
        )
    )
    return len(recipients)


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


# --- Consent: being found by employers, and who may see who the candidate is ----------------------------


def candidate_visibility_set(*, profile: CandidateProfile, visible: bool) -> CandidateProfile:
    """Opt in to (or out of) being found by employers as an anonymous profile; records when it changed."""
    if profile.visible_to_employers != visible:
        profile.visible_to_employers = visible
        profile.visibility_changed_at = timezone.now()
        profile.save(update_fields=["visible_to_employers", "visibility_changed_at", "updated_at"])
        logger.info("candidate visibility changed profile=%s visible=%s", profile.pk, visible)
    return profile


def contact_grant_give(*, profile: CandidateProfile, organisation: Organisation, reason: str) -> ContactGrant:
    """The candidate lets this organisation see who they are (by applying or accepting its contact request)."""
    if reason not in ContactGrant.Reason.values:
        raise ValueError(f"Unknown reason {reason!r}.")
    grant, _created = ContactGrant.objects.get_or_create(
        profile=profile, organisation=organisation, defaults={"reason": reason}
    )
    return grant

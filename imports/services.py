"""Writes of the partner import: organisations without staff, candidate and mentor accounts that wait for
their owner, and the invitation that lets the owner set a password.

Every service validates completely before it saves and runs in one transaction, so a rejected row leaves
nothing behind. Candidate profiles are written through the portal's own services (the same rules as the
onboarding); an imported candidate is never visible to employers: that consent is the candidate's own act.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Invitation, InvitationKind, Role, User
from accounts.services import invitation_claim, invitation_create, invitation_mark_accepted
from employers.models import Organisation
from mentoring.services import mentor_profile_save
from occupations.models import Occupation
from places.geo import normalise_postal_code
from places.validators import validate_postal_code
from portal.services import (
    candidate_languages_save,
    candidate_occupation_add,
    candidate_place_save,
    candidate_profile_ensure,
    candidate_wishes_save,
)

from .selectors import organisation_name_taken

IMPORT_ROLES = (Role.COORDINATOR, Role.ADMIN)


def _add(errors: dict[str, list[str]], field: str, messages) -> None:
    for message in [messages] if isinstance(messages, str) else messages:
        errors.setdefault(field, [])
        if str(message) not in errors[field]:
            errors[field].append(str(message))


def _collect(errors: dict[str, list[str]], error: ValidationError) -> None:
    by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    for field, messages in by_field.items():
        _add(errors, field, messages)


# --- Organisations -----------------------------------------------------------------------------------------


@transaction.atomic
def organisation_import_create(
    *,
    name: str,
    sector: str = "",
    size: str = "",
    locations: list[str] | None = None,
    about: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    is_employer: bool = True,
    is_course_provider: bool = False,
) -> Organisation:
    """An organisation with its public profile and no staff yet; its people are invited later."""
    errors: dict[str, list[str]] = {}
    name = " ".join((name or "").split())
    if name and organisation_name_taken(name=name):
        _add(errors, "name", _("An organisation named “%(name)s” exists already.") % {"name": name})
    codes = sorted({normalise_postal_code(code) for code in locations or []})
    for code in codes:
        try:
            validate_postal_code(code)
        except ValidationError as error:
            _add(errors, "locations", error.messages)
    if not (is_employer or is_course_provider):
        _add(errors, "is_employer", _("An organisation employs people, offers courses, or both."))
    organisation = Organisation(
        name=name,
        sector=sector,
        size=size,
        locations=codes,
        about=(about or "").strip(),
        contact_name=(contact_name or "").strip(),
        contact_email=(contact_email or "").strip(),
        contact_phone=(contact_phone or "").strip(),
        is_employer=is_employer,
        is_course_provider=is_course_provider,
    )
    try:
        organisation.full_clean(exclude=["locations", *errors])
    except ValidationError as error:
        _collect(errors, error)
    if errors:
        raise ValidationError(errors)
    organisation.save()
    return organisation


# --- Accounts ----------------------------------------------------------------------------------------------


def _account_errors(*, email: str, first_name: str, last_name: str, language: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError as error:
        _add(errors, "email", error.messages)
    else:
        if User.objects.filter(email__iexact=email).exists():
            _add(errors, "email", _("There is already an account with this e-mail address."))
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if not value:
            _add(errors, field, _("This cell must not be empty."))
        elif len(value) > User._meta.get_field(field).max_length:
            _add(errors, field, _("Please keep the name under 150 characters."))
    if language not in dict(settings.LANGUAGES):
        _add(errors, "language", _("Please choose one of the portal's languages."))
    return errors


def _account_create(*, email: str, first_name: str, last_name: str, role: str, language: str, invited_by: User) -> User:
    """An account without a password and with an unverified address; the invitation goes out after commit.

    The address and the names are taken as the file has them, trimmed; what is wrong with them is raised
    before anything is saved.
    """
    from allauth.account.models import EmailAddress

    email = (email or "").strip().lower()
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    errors = _account_errors(email=email, first_name=first_name, last_name=last_name, language=language)
    if errors:
        raise ValidationError(errors)
    user = User.objects.create_user(
        email=email, password=None, first_name=first_name, last_name=last_name, role=role, preferred_language=language
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    invitation_create(kind=InvitationKind.IMPORTED_ACCOUNT, user=user, invited_by=invited_by)
    return user


@transaction.atomic
def candidate_import_create(
    *,
    email: str,
    first_name: str,
    last_name: str,
    language: str = settings.LANGUAGE_CODE,
    german_level: str,
    german_certificate: str = "",
    other_languages: list[tuple[str, str]] | None = None,
    postal_code: str,
    travel_radius_km: int | None = None,
    transport: str = "",
    driving_licences: list[str] | None = None,
    looking_for: list[str] | None = None,
    hours_per_week: int | None = None,
    earliest_start: date | None = None,
    occupation: Occupation | None = None,
    years_experience: int = 0,
    imported_by: User,
) -> User:
    """A candidate account with the profile from a partner's list, invisible to employers, and an invitation.

    Each profile step is saved by the onboarding's own service; all their errors are collected and raised
    together, and the transaction leaves nothing behind if there is any.
    """
    user = _account_create(
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=Role.CANDIDATE,
        language=language,
        invited_by=imported_by,
    )
    errors: dict[str, list[str]] = {}
    profile = candidate_profile_ensure(user=user)
    steps = [
        lambda: candidate_languages_save(
            profile=profile,
            german_level=german_level,
            german_certificate=german_certificate,
            other_languages=list(other_languages or []),
        ),
        lambda: candidate_place_save(
            profile=profile,
            postal_code=postal_code,
            travel_radius_km=travel_radius_km,
            transport=transport,
            driving_licences=list(driving_licences or []),
        ),
    ]
    if looking_for or hours_per_week is not None or earliest_start is not None:
        steps.append(
            lambda: candidate_wishes_save(
                profile=profile,
                looking_for=list(looking_for or []),
                hours_per_week=hours_per_week,
                earliest_start=earliest_start,
            )
        )
    if occupation is not None:
        steps.append(
            lambda: candidate_occupation_add(profile=profile, occupation=occupation, years_experience=years_experience)
        )
    for step in steps:
        try:
            step()
        except ValidationError as error:
            _collect(errors, error)
    if errors:
        raise ValidationError(errors)
    return user


@transaction.atomic
def mentor_import_create(
    *,
    email: str,
    first_name: str,
    last_name: str,
    language: str = settings.LANGUAGE_CODE,
    languages: list[str],
    postal_code: str,
    helps_with: list[str],
    travel_radius_km: int = 15,
    capacity: int = 1,
    availability: list[str] | None = None,
    about: str = "",
    imported_by: User,
) -> User:
    """A mentor account whose profile (saved by mentoring's own service) waits for a coordinator's approval,
    and an invitation."""
    user = _account_create(
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=Role.MENTOR,
        language=language,
        invited_by=imported_by,
    )
    mentor_profile_save(
        user=user,
        languages=list(languages),
        postal_code=postal_code,
        travel_radius_km=travel_radius_km,
        capacity=capacity,
        helps_with=list(helps_with),
        availability=list(availability or []),
        about=(about or "").strip(),
    )
    return user


# --- The invitation ----------------------------------------------------------------------------------------


@transaction.atomic
def account_invitation_accept(*, invitation: Invitation, password: str) -> User:
    """The person sets a password; the link proves the e-mail address, which counts as verified from now on."""
    from allauth.account.models import EmailAddress

    if invitation.kind != InvitationKind.IMPORTED_ACCOUNT:
        raise ValueError("Not the invitation of an imported account.")
    invitation = invitation_claim(invitation=invitation)
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
    )
    invitation_mark_accepted(invitation=invitation)
    return user

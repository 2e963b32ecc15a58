from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import ORGANISATION_ROLES, Invitation, InvitationKind, Role, User
from common.dates import date_range_error
from common.page_cache import public_listings_changed
from common.signals import matching_inputs_changed
from common.vocabulary import SPOKEN_LANGUAGES
from notifications.services import notification_create
from occupations.models import Occupation
from places.geo import coordinates_of, normalise_postal_code
from places.validators import validate_postal_code
from portal.models import DRIVING_LICENCE_CLASSES, driving_licences_in_order

from .models import (
    TIME_LIMITED_KINDS,
    Membership,
    Organisation,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from .offer_vocabulary import TASKS, BringItem, WorkingTime


@transaction.atomic
def organisation_create_with_admin(
    *, name: str, admin: User, is_employer: bool = True, is_course_provider: bool = False
) -> Organisation:
    """A new organisation whose first staff member administers it."""
    organisation = Organisation.objects.create(
        name=name.strip(), is_employer=is_employer, is_course_provider=is_course_provider
    )
    Membership.objects.create(organisation=organisation, user=admin, is_admin=True)
    return organisation


def organisation_create_external(*, name: str) -> Organisation:
    """A stand-in for an employer whose offers are imported from another portal: it has no staff, so nobody
    acts for it in Brücke, and candidates apply at the source."""
    organisation = Organisation(name=" ".join(name.split())[:200], is_employer=True, is_external=True)
    organisation.full_clean()
    organisation.save()
    return organisation


ORGANISATION_PROFILE_FIELDS = [
    "name", "sector", "size", "locations", "about", "contact_name", "contact_email", "contact_phone",
    "best_practice_story",
]  # fmt: skip


def _require_organisation_admin(user: User, organisation: Organisation) -> None:
    membership = getattr(user, "membership", None)
    if membership is None or membership.organisation_id != organisation.pk or not membership.is_admin:
        raise PermissionDenied


@transaction.atomic
def organisation_profile_update(*, organisation: Organisation, by: User, **fields) -> Organisation:
    """An organisation admin changes the public profile; every postal code must be a known one."""
    unknown = set(fields) - set(ORGANISATION_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    _require_organisation_admin(by, organisation)
    if "locations" in fields:
        fields["locations"] = sorted({normalise_postal_code(code) for code in fields["locations"] or []})
        errors = []
        for code in fields["locations"]:
            try:
                validate_postal_code(code)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError({"locations": errors})
    for name, value in fields.items():
        setattr(organisation, name, value.strip() if isinstance(value, str) else value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    return organisation


# --- Staff -------------------------------------------------------------------------------------------------


# An organisation sends at most this many invitations an hour: enough for a team, too few to probe addresses.
STAFF_INVITATIONS_PER_HOUR = 10


@transaction.atomic
def staff_invite(*, organisation: Organisation, email: str, language: str, invited_by: User) -> Invitation:
    """An organisation admin invites a colleague; the e-mail goes out once the transaction has committed.

    The answer is the same whether or not the address has an account (nobody learns who uses the portal): a person
    with an account gets the invitation too and accepts it after logging in.
    """
    from accounts.services import invitation_create

    _require_organisation_admin(invited_by, organisation)
    # The organisation row serialises its admins' invitations, so parallel requests cannot overrun the limit.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    recent = Invitation.objects.filter(
        kind=InvitationKind.STAFF, organisation=organisation, created_at__gte=an_hour_ago
    )
    if recent.count() >= STAFF_INVITATIONS_PER_HOUR:
        raise ValidationError(
            {"email": _("Your organisation has sent many invitations in the last hour. Please try again in an hour.")}
        )
    email = (email or "").strip().lower()
    if Invitation.objects.pending().filter(kind=InvitationKind.STAFF, organisation=organisation, email=email).exists():
        raise ValidationError({"email": _("This person has been invited already; the invitation is still valid.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Please choose one of the portal's languages.")})
    return invitation_create(
        kind=InvitationKind.STAFF, organisation=organisation, email=email, language=language, invited_by=invited_by
    )


def _staff_role(organisation: Organisation) -> str:
    """The role of a new member: an employer's staff are employers, a pure course provider's are providers."""
    return Role.EMPLOYER if organisation.is_employer else Role.PROVIDER


def _claim_staff_invitation(invitation: Invitation) -> Invitation:
    from accounts.services import invitation_claim

    if invitation.kind != InvitationKind.STAFF:
        raise ValueError("Not a staff invitation.")
    return invitation_claim(invitation=invitation)


@transaction.atomic
def staff_invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    """The colleague's new account, staff of the organisation; the e-mail address is verified by the link.

    The role follows the organisation: employer staff, or course-provider staff for a pure course provider.
    """
    from allauth.account.models import EmailAddress

    from accounts.services import invitation_mark_accepted

    invitation = _claim_staff_invitation(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("There is already an account with this e-mail address."))
    organisation = invitation.organisation
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=_staff_role(organisation),
        preferred_language=invitation.language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Membership.objects.create(organisation=organisation, user=user, is_admin=False)
    invitation_mark_accepted(invitation=invitation)
    return user


@transaction.atomic
def staff_invitation_accept_existing(*, invitation: Invitation, user: User) -> Membership:
    """Someone invited under the address of their existing account joins the organisation after logging in.

    Only staff accounts without an organisation can join: a candidate's or mentor's account stays what it is.
    """
    from accounts.services import invitation_mark_accepted

    invitation = _claim_staff_invitation(invitation)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation is for another e-mail address."))
    if user.role not in ORGANISATION_ROLES:
        raise ValidationError(
            _(
                "Your account is not an account for staff of an organisation. "
                "Please ask your colleague to invite another e-mail address."
            )
        )
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _("You already work for an organisation on Brücke. Leave it first, then open the invitation again.")
        )
    organisation = invitation.organisation
    user.role = _staff_role(organisation)
    user.save(update_fields=["role"])
    membership = Membership.objects.create(organisation=organisation, user=user, is_admin=False)
    invitation_mark_accepted(invitation=invitation)
    return membership


@transaction.atomic
def staff_admin_set(*, membership: Membership, is_admin: bool, by: User) -> Membership:
    """An organisation admin makes a colleague an admin too, or takes that back (never from the last admin)."""
    membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
    _require_organisation_admin(by, membership.organisation)
    if membership.user_id == by.pk and not is_admin:
        raise ValidationError(_("You cannot take away your own admin rights. Ask another admin."))
    membership.is_admin = is_admin
    membership.save(update_fields=["is_admin"])
    return membership


@transaction.atomic
def staff_remove(*, membership: Membership, by: User) -> None:
    """An organisation admin removes a colleague, whose account is closed (its history stays with the
    organisation). Nobody removes themselves, and the last admin stays."""
    membership = Membership.objects.select_for_update().select_related("organisation", "user").get(pk=membership.pk)
    organisation = membership.organisation
    _require_organisation_admin(by, organisation)
    if membership.user_id == by.pk:
        raise ValidationError(_("You cannot remove yourself. Ask another admin of your organisation."))
    other_admins = Membership.objects.filter(organisation=organisation, is_admin=True).exclude(pk=membership.pk)
    if membership.is_admin and not other_admins.exists():
        raise ValidationError(_("The organisation needs at least one admin."))
    user = membership.user
    membership.delete()
    user.is_active = False
    user.save(update_fields=["is_active"])


# --- Vacancies ---------------------------------------------------------------------------------------------

VACANCY_EDITABLE_FIELDS = [
    "kind", "title", "description", "occupation", "german_level_required", "useful_languages", "postal_code",
    "hours_per_week", "shift_work", "start_date", "duration_weeks", "is_paid", "support_language", "support_mentor",
    "support_paperwork", "support_housing", "support_childcare", "expires_on",
    "tasks", "working_times", "what_to_bring", "contact_person", "contact_phone", "summary_simple_german",
    "driving_licences_required", "recognition_required",
]  # fmt: skip
# Set only by importers of offers from other portals, never by an employer's form.
VACANCY_SOURCE_FIELDS = ["source", "external_reference", "external_url", "fixed_term"]


def _vacancy_fields_check(fields: dict) -> None:
    unknown = set(fields) - set(VACANCY_EDITABLE_FIELDS) - set(VACANCY_SOURCE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown vacancy fields: {sorted(unknown)}")


def _vacancy_validate(vacancy: Vacancy) -> None:
    """The rules a vacancy must meet before it is saved, as translated errors next to the fields."""
    errors = {}
    for name in ("start_date", "expires_on"):
        error = date_range_error(getattr(vacancy, name))
        if error is not None:
            errors[name] = error
    if vacancy.kind in TIME_LIMITED_KINDS and not vacancy.duration_weeks:
        errors["duration_weeks"] = _("Internships, job shadowing, work trials and EQ need a duration in weeks.")
    if vacancy.useful_languages and not set(vacancy.useful_languages) <= {code for code, _name in SPOKEN_LANGUAGES}:
        errors["useful_languages"] = _("Please choose the languages from the list.")
    if not set(vacancy.tasks) <= set(TASKS):
        errors["tasks"] = _("Please choose the tasks from the list.")
    if not set(vacancy.working_times) <= set(WorkingTime.values):
        errors["working_times"] = _("Please choose the working times from the list.")
    if not set(vacancy.what_to_bring) <= set(BringItem.values):
        errors["what_to_bring"] = _("Please choose what to bring from the list.")
    if not isinstance(vacancy.driving_licences_required, list) or not set(vacancy.driving_licences_required) <= set(
        DRIVING_LICENCE_CLASSES
    ):
        errors["driving_licences_required"] = _("Please choose the driving-licence classes from the list.")
    else:
        vacancy.driving_licences_required = driving_licences_in_order(vacancy.driving_licences_required)
    dates_in_range = "start_date" not in errors and "expires_on" not in errors
    if (
        dates_in_range
        and vacancy.start_date
        and vacancy.expires_on
        and vacancy.expires_on > vacancy.start_date + timedelta(days=366)
    ):
        errors["expires_on"] = _("A vacancy can stay open for at most a year after its start.")
    if errors:
        raise ValidationError(errors)
    vacancy.full_clean(exclude=["latitude", "longitude", "organisation", "created_by", "unpublished_by"])


def vacancy_recognition_default(*, occupation: Occupation | None, kind: str) -> bool:
    """Whether an offer needs a recognised qualification when nobody said: a job in a regulated occupation
    (nurse, educator, …) does. An Ausbildung, EQ, internship, job shadowing or work trial does not: it is one
    of the ways towards recognition, not practising the occupation."""
    return bool(occupation is not None and occupation.regulated) and kind == VacancyKind.JOB


def _vacancy_locate(vacancy: Vacancy) -> None:
    vacancy.latitude, vacancy.longitude = coordinates_of(vacancy.postal_code)


@transaction.atomic
def vacancy_create(*, organisation: Organisation, created_by: User, publish: bool = False, **fields) -> Vacancy:
    """A new vacancy of the organisation, saved as a draft or published straight away."""
    _vacancy_fields_check(fields)
    if fields.get("recognition_required") is None:
        fields["recognition_required"] = vacancy_recognition_default(
            occupation=fields.get("occupation"), kind=fields.get("kind", "")
        )
    vacancy = Vacancy(organisation=organisation, created_by=created_by, **fields)
    _vacancy_validate(vacancy)
    _vacancy_locate(vacancy)
    vacancy.save()
    if publish:
        vacancy_publish(vacancy=vacancy)
    else:
        _vacancy_changed(vacancy)
    return vacancy


@transaction.atomic
def vacancy_update(*, vacancy: Vacancy, publish: bool = False, **fields) -> Vacancy:
    """Change a vacancy and keep its status, or publish it in the same step (nothing is saved if that fails)."""
    _vacancy_fields_check(fields)
    if vacancy.status == VacancyStatus.FILLED:
        raise ValidationError(_("This vacancy is filled. Create a new one to offer it again."))
    if "recognition_required" in fields and fields["recognition_required"] is None:
        # Left open on a change: what the offer said so far stays.
        del fields["recognition_required"]
    for name, value in fields.items():
        setattr(vacancy, name, value)
    _vacancy_validate(vacancy)
    _vacancy_locate(vacancy)
    vacancy.save()
    if publish:
        vacancy_publish(vacancy=vacancy)
    else:
        _vacancy_changed(vacancy)
    return vacancy


def vacancy_open_until_error(expires_on: date | None) -> str | None:
    """Why an offer cannot be open until that day (it has passed), or None. The form asks the same on every save;
    publishing asks again, for a draft saved days ago."""
    if expires_on and expires_on < timezone.localdate():
        return _("The date until which the offer is open lies in the past.")
    return None


def vacancy_publish(*, vacancy: Vacancy) -> Vacancy:
    """Publish a draft (or re-publish an expired or unpublished one); an expiry date in the past is refused."""
    if vacancy.status == VacancyStatus.FILLED:
        raise ValidationError(_("This vacancy is filled. Create a new one to offer it again."))
    if error := vacancy_open_until_error(vacancy.expires_on):
        raise ValidationError({"expires_on": error})
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.unpublished_reason, vacancy.unpublished_at, vacancy.unpublished_by = "", None, None
    vacancy.save(
        update_fields=["status", "published_at", "unpublished_reason", "unpublished_at", "unpublished_by", "updated_at"]
    )
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_mark_filled(*, vacancy: Vacancy) -> Vacancy:
    vacancy.status = VacancyStatus.FILLED
    vacancy.save(update_fields=["status", "updated_at"])
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_expire(*, vacancy: Vacancy) -> Vacancy:
    """Close a published offer before its date, e.g. an imported one that is gone from its source."""
    if vacancy.status != VacancyStatus.PUBLISHED:
        return vacancy
    vacancy.status = VacancyStatus.EXPIRED
    vacancy.save(update_fields=["status", "updated_at"])
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_unpublish(*, vacancy: Vacancy, by: User, reason: str) -> Vacancy:
    """A coordinator or admin takes an inappropriate vacancy offline; the employer sees the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Please tell the employer why the vacancy is taken offline.")})
    if len(reason) > Vacancy._meta.get_field("unpublished_reason").max_length:
        raise ValidationError({"reason": _("Please keep the reason under 1000 characters.")})
    if vacancy.status != VacancyStatus.PUBLISHED:
        raise ValidationError(_("Only a published vacancy can be taken offline."))
    vacancy.status = VacancyStatus.DRAFT
    vacancy.unpublished_reason = reason
    vacancy.unpublished_at = timezone.now()
    vacancy.unpublished_by = by
    vacancy.save(update_fields=["status", "unpublished_reason", "unpublished_at", "unpublished_by", "updated_at"])
    transaction.on_commit(lambda: _notify_unpublished(vacancy.pk))
    _vacancy_changed(vacancy)
    return vacancy


def _notify_unpublished(vacancy_id: int) -> None:
    vacancy = Vacancy.objects.select_related("organisation").get(pk=vacancy_id)
    for membership in vacancy.organisation.memberships.select_related("user"):
        notification_create(
            recipient=membership.user,
            kind="vacancy_unpublished",
            params={"title": vacancy.title},
            url_name="employers:vacancy_detail",
            url_kwargs={"pk": vacancy.pk},
        )


def vacancies_expire_due(*, today=None, batch_size: int = 500) -> int:
    """Close every published vacancy whose expiry date has passed; running it twice changes nothing."""
    expired = 0
    while True:
        ids = list(Vacancy.objects.due_to_expire(today=today).values_list("pk", flat=True)[:batch_size])
        if not ids:
            return expired
        expired += Vacancy.objects.filter(pk__in=ids, status=VacancyStatus.PUBLISHED).update(
            status=VacancyStatus.EXPIRED, updated_at=timezone.now()
        )
        public_listings_changed()  # an update() sends no signal


_collected_changes: ContextVar[set[int] | None] = ContextVar("collected_vacancy_changes", default=None)


@contextmanager
def vacancy_changes_collected() -> Iterator[set[int]]:
    """Within this block the ids of changed vacancies are collected instead of queued for matching one by one.

    A bulk import of thousands of offers would otherwise queue one recomputation per offer; the importer
    recomputes once for all of them when it is done.
    """
    changed: set[int] = set()
    token = _collected_changes.set(changed)
    try:
        yield changed
    finally:
        _collected_changes.reset(token)


def _vacancy_changed(vacancy: Vacancy) -> None:
    """Announce the change to what depends on vacancies (matching recomputes the affected matches after the commit)."""
    collected = _collected_changes.get()
    if collected is not None:
        collected.add(vacancy.pk)
        return
    matching_inputs_changed.send(sender=Vacancy, vacancy_ids=[vacancy.pk])


# --- Imported offers in bulk ------------------------------------------------------------------------------------
# An importer of thousands of offers from another portal writes them a page at a time in a few queries; the rules
# are those of vacancy_create and vacancy_update, and matching hears of every changed offer the same way.


def organisations_create_external(*, names: list[str]) -> dict[str, Organisation]:
    """Stand-ins (see organisation_create_external) for several employers in one query, by the names given."""
    organisations = {}
    for name in dict.fromkeys(names):
        organisation = Organisation(name=" ".join(name.split())[:200], is_employer=True, is_external=True)
        organisation.full_clean(validate_constraints=False)  # is_employer=True meets the only constraint
        organisations[name] = organisation
    Organisation.objects.bulk_create(organisations.values())
    public_listings_changed()  # bulk_create sends no signal
    return organisations


def vacancy_import_prepare(*, vacancy: Vacancy, **fields) -> Vacancy:
    """Set and check the fields of a new or existing imported offer as vacancy_create or vacancy_update would,
    without saving it and without a query; vacancies_import_save writes it. Raises ValidationError."""
    _vacancy_fields_check(fields)
    if vacancy.status == VacancyStatus.FILLED:
        raise ValidationError(_("This vacancy is filled. Create a new one to offer it again."))
    for name, value in fields.items():
        setattr(vacancy, name, value)
    if vacancy.occupation_id is None:
        raise ValidationError({"occupation": _("Please choose an occupation from the list.")})
    if vacancy._state.adding and "recognition_required" not in fields:
        # As for any new offer: a job in a regulated occupation needs a recognised qualification.
        vacancy.recognition_required = vacancy_recognition_default(occupation=vacancy.occupation, kind=vacancy.kind)
    with _full_clean_without_queries(vacancy):
        _vacancy_validate(vacancy)
    _vacancy_locate(vacancy)
    return vacancy


@contextmanager
def _full_clean_without_queries(vacancy: Vacancy) -> Iterator[None]:
    """Within this block the vacancy's full_clean leaves its constraints and whether its occupation exists to
    the database: Django checks each with a query, which an importer of thousands cannot afford per offer. The
    constraints' rules are checked field by field all the same (choices, ranges, the duration rule), and the
    importer's occupations come from the catalogue it has read."""

    def full_clean(exclude=None, validate_unique=True, validate_constraints=True):
        Vacancy.full_clean(
            vacancy,
            exclude=[*(exclude or ()), "occupation"],
            validate_unique=validate_unique,
            validate_constraints=False,
        )

    vacancy.full_clean = full_clean
    try:
        yield
    finally:
        del vacancy.full_clean


_VACANCY_PUBLISH_FIELDS = ["status", "published_at", "unpublished_reason", "unpublished_at", "unpublished_by"]


@transaction.atomic
def vacancies_import_save(
    *, new: list[Vacancy], changed: list[Vacancy], publish: list[Vacancy], fields: list[str]
) -> None:
    """Write offers prepared by vacancy_import_prepare: `new` ones created, `changed` ones updated (the `fields`
    set on them), and those in `publish` (new or changed) published; a query or two for all of them."""
    now = timezone.now()
    for vacancy in publish:
        if error := vacancy_open_until_error(vacancy.expires_on):
            raise ValidationError({"expires_on": error})
        vacancy.status, vacancy.published_at = VacancyStatus.PUBLISHED, now
        vacancy.unpublished_reason, vacancy.unpublished_at, vacancy.unpublished_by = "", None, None
    Vacancy.objects.bulk_create(new)
    # The changed ones (read whole) in one statement: inserted again, each row conflicts with its offer and
    # updates it; far cheaper than bulk_update's CASE per field and row.
    update_fields = list(dict.fromkeys([*fields, "latitude", "longitude", *_VACANCY_PUBLISH_FIELDS, "updated_at"]))
    Vacancy.objects.bulk_create(changed, update_conflicts=True, unique_fields=["id"], update_fields=update_fields)
    public_listings_changed()  # bulk_create sends no signal
    for vacancy in (*new, *changed):
        _vacancy_changed(vacancy)


def vacancies_expire(*, vacancy_ids: list[int]) -> list[int]:
    """vacancy_expire for many offers in two queries (imported ones gone from their source); returns the ids of
    those that were published and are now expired."""
    expiring = list(
        Vacancy.objects.select_for_update()
        .filter(pk__in=vacancy_ids, status=VacancyStatus.PUBLISHED)
        .values_list("pk", flat=True)
    )
    if expiring:
        Vacancy.objects.filter(pk__in=expiring).update(status=VacancyStatus.EXPIRED, updated_at=timezone.now())
        public_listings_changed()  # an update() sends no signal
    for vacancy_id in expiring:
        _vacancy_changed(Vacancy(pk=vacancy_id))
    return expiring


def membership_leave_for_account(user: User) -> None:
    """Staff leave their organisation before their account goes; its last admin hands over first."""
    membership = Membership.objects.select_for_update().select_related("organisation").filter(user=user).first()
    if membership is None:
        return
    colleagues = Membership.objects.filter(organisation=membership.organisation).exclude(pk=membership.pk)
    if membership.is_admin and colleagues.exists() and not colleagues.filter(is_admin=True).exists():
        raise ValidationError(
            _(
                "You are the last admin of %(organisation)s. Please make a colleague an admin first "
                "(on the page of your colleagues), then delete your account."
            )
            % {"organisation": membership.organisation.name},
            code="last_admin",
        )
    membership.delete()

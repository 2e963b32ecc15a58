"""Writes for courses: the provider's catalogue and the candidates' seats and waiting lists."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from common.dates import date_range_error
from common.signals import matching_inputs_changed
from common.vocabulary import GermanLevel
from employers.models import Organisation
from employers.selectors import organisation_coordinated_by
from notifications.services import notification_create
from places.geo import coordinates_of
from portal.models import CandidateProfile

from .models import Course, CourseRegistration, CourseStatus, Delivery, RegistrationStatus

COURSE_EDITABLE_FIELDS = [
    "kind", "subject", "title", "description", "level_from", "level_to", "delivery", "postal_code", "start_date",
    "end_date", "schedule", "session_days", "session_starts", "session_ends", "online_url", "childcare", "seats_total",
    "waiting_list_open", "cost", "contact_name", "contact_email", "contact_phone",
]  # fmt: skip

NOT_EDITABLE = ["provider", "latitude", "longitude", "seats_left", "status"]
# Staff of a course provider may be provider staff or, in a company with its own training centre, employer staff.
STAFF_ROLES = (Role.PROVIDER, Role.EMPLOYER)


def course_may_manage(*, user: User, provider: Organisation) -> bool:
    """Staff of the provider manage its courses; coordinators may upload courses for providers with a site in
    their region."""
    if not provider.is_course_provider or not user.is_authenticated:
        return False
    if user.role == Role.COORDINATOR:
        return organisation_coordinated_by(organisation=provider, user=user)
    membership = getattr(user, "membership", None)
    return user.role in STAFF_ROLES and membership is not None and membership.organisation_id == provider.pk


def _ensure_may_manage(user: User, provider: Organisation) -> None:
    if not course_may_manage(user=user, provider=provider):
        raise PermissionDenied


def course_errors(course: Course) -> dict[str, list[str]]:
    """Every rule a course breaks, by field, as translated messages (empty when it may be saved).

    Shared by the forms and the CSV import, so a course is judged the same way wherever it comes from.
    """
    errors: dict[str, list[str]] = {}
    try:
        course.full_clean(
            exclude=["provider", "latitude", "longitude", "seats_left", "status"], validate_constraints=False
        )
    except ValidationError as error:
        errors = {field: [str(message) for message in messages] for field, messages in error.message_dict.items()}

    def add(field: str, message) -> None:
        if field not in errors:
            errors.setdefault(field, []).append(str(message))

    if (
        course.level_from
        and course.level_to
        and GermanLevel.rank(course.level_to) < GermanLevel.rank(course.level_from)
    ):
        add("level_to", _("The level at the end cannot be lower than the level at the start."))
    for name in ("start_date", "end_date"):
        error = date_range_error(getattr(course, name))
        if error is not None:
            add(name, error.messages[0])
    if course.start_date and course.end_date and course.end_date < course.start_date:
        add("end_date", _("The course cannot end before it starts."))
    if course.delivery in (Delivery.IN_PERSON, Delivery.HYBRID) and not course.postal_code:
        add("postal_code", _("A course that meets in person needs the postal code of its place."))
    if bool(course.session_starts) != bool(course.session_ends):
        add("session_ends", _("Please give both the time the sessions start and the time they end."))
    elif course.session_starts and course.session_ends <= course.session_starts:
        add("session_ends", _("The sessions must end after they start."))
    if course.session_starts and not course.session_days:
        add("session_days", _("Please choose the days on which the course meets."))
    if course.online_url and course.delivery == Delivery.IN_PERSON:
        add("online_url", _("Only online and hybrid courses have a link to join online."))
    return errors


def _course_validate(course: Course) -> None:
    errors = course_errors(course)
    if errors:
        raise ValidationError(errors)


def _course_locate(course: Course) -> None:
    """Online courses have no place to measure a distance from; the others take their postal code's centroid."""
    point = coordinates_of(course.postal_code) if course.delivery != Delivery.ONLINE and course.postal_code else None
    course.latitude, course.longitude = point if point else (None, None)


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(COURSE_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown course fields: {sorted(unknown)}")


@transaction.atomic
def course_create(*, provider: Organisation, created_by: User, publish: bool = False, **fields) -> Course:
    """A new course of the provider with every seat free, saved as a draft or published straight away."""
    _check_fields(fields)
    _ensure_may_manage(created_by, provider)
    course = Course(provider=provider, **fields)
    _course_validate(course)
    course.seats_left = course.seats_total
    _course_locate(course)
    course.save()
    if publish:
        course_publish(course=course)
    _course_changed(course)
    return course


@transaction.atomic
def course_update(*, course: Course, **fields) -> Course:
    """Change a course; fewer seats than people registered are refused, more seats move the waiting list up."""
    _check_fields(fields)
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if locked.status == CourseStatus.CANCELLED:
        raise ValidationError(_("This course is cancelled and can no longer be changed."))
    for name, value in fields.items():
        setattr(locked, name, value)
    _course_validate(locked)
    registered = locked.registrations.registered().count()
    if locked.seats_total < registered:
        raise ValidationError(
            {
                "seats_total": _("%(count)s people already have a seat. The course needs at least as many seats.")
                % {"count": registered}
            }
        )
    locked.seats_left = locked.seats_total - registered
    _course_locate(locked)
    locked.save()
    _waiting_list_move_up(locked)
    _course_changed(locked)
    return locked


def course_publish(*, course: Course) -> Course:
    """Make a draft visible in the course finder; a course that has already ended cannot be published."""
    if course.status == CourseStatus.CANCELLED:
        raise ValidationError(_("This course is cancelled. Create a new course to offer it again."))
    if course.end_date < timezone.localdate():
        raise ValidationError({"end_date": _("This course has already ended.")})
    if course.status != CourseStatus.PUBLISHED:
        course.status = CourseStatus.PUBLISHED
        course.published_at = timezone.now()
        course.save(update_fields=["status", "published_at", "updated_at"])
    _course_changed(course)
    return course


@transaction.atomic
def course_cancel(*, course: Course) -> Course:
    """Cancel the course; everyone with a seat or on the waiting list is told."""
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if locked.status == CourseStatus.CANCELLED:
        return locked
    locked.status = CourseStatus.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    affected = list(locked.registrations.exclude(status=RegistrationStatus.CANCELLED).select_related("profile__user"))
    CourseRegistration.objects.filter(pk__in=[r.pk for r in affected]).update(
        status=RegistrationStatus.CANCELLED, updated_at=timezone.now()
    )
    for registration in affected:
        _notify(registration.profile.user, "course_cancelled", locked)
    _course_changed(locked)
    return locked


def _course_changed(course: Course) -> None:
    """Matching reads courses: it recomputes the affected candidates once the transaction commits."""
    matching_inputs_changed.send(sender=Course, course_ids=[course.pk])


# --- Registrations -----------------------------------------------------------------------------------------


@transaction.atomic
def course_register(*, course: Course, profile: CandidateProfile) -> CourseRegistration:
    """A seat while seats are left, otherwise a place on the waiting list.

    The course row is locked, so two people asking for the last seat at once are served one after the
    other: one gets the seat, the other the waiting list, and seats_left never drops below zero.
    """
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if locked.status != CourseStatus.PUBLISHED:
        raise ValidationError(_("This course is not open for registration."))
    if locked.end_date < timezone.localdate():
        raise ValidationError(_("This course has already ended."))
    registration = CourseRegistration.objects.filter(course=locked, profile=profile).first()
    if registration and registration.status == RegistrationStatus.REGISTERED:
        raise ValidationError(_("You already have a seat in this course."))
    if registration and registration.status == RegistrationStatus.WAITING:
        raise ValidationError(_("You are already on the waiting list for this course."))

    if locked.seats_left == 0 and not locked.waiting_list_open:
        raise ValidationError(_("This course is full and its waiting list is closed."))
    status = RegistrationStatus.REGISTERED if locked.seats_left > 0 else RegistrationStatus.WAITING
    if status == RegistrationStatus.REGISTERED:
        locked.seats_left -= 1
        locked.save(update_fields=["seats_left", "updated_at"])
    if registration is None:
        registration = CourseRegistration.objects.create(course=locked, profile=profile, status=status)
    else:
        # Someone who cancelled and comes back joins the end of the queue.
        registration.status = status
        registration.created_at = timezone.now()
        registration.save(update_fields=["status", "created_at", "updated_at"])
    return registration


@transaction.atomic
def course_registration_cancel(*, registration: CourseRegistration) -> CourseRegistration:
    """Give up a seat or leave the waiting list; a freed seat goes to the first person waiting."""
    locked_course = Course.objects.select_for_update().get(pk=registration.course_id)
    registration = CourseRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    had_seat = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if had_seat:
        locked_course.seats_left = min(locked_course.seats_left + 1, locked_course.seats_total)
        locked_course.save(update_fields=["seats_left", "updated_at"])
        _waiting_list_move_up(locked_course)
    return registration


def _waiting_list_move_up(course: Course) -> None:
    """Give free seats to the people waiting longest and tell them; the caller holds the course row lock."""
    if course.status != CourseStatus.PUBLISHED:
        return
    moved = 0
    for registration in course.registrations.waiting().select_related("profile__user").order_by("created_at", "pk"):
        if course.seats_left == 0:
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        course.seats_left -= 1
        moved += 1
        _notify(registration.profile.user, "course_seat_free", course)
    if moved:
        course.save(update_fields=["seats_left", "updated_at"])


def _notify(user: User, kind: str, course: Course) -> None:
    notification_create(
        recipient=user,
        kind=kind,
        params={"title": course.title},
        url_name="courses:detail",
        url_kwargs={"pk": course.pk},
    )


def course_registrations_release_for_account(user: User) -> int:
    """Before an account is deleted: give its seats to the people waiting, as a cancellation would."""
    released = 0
    for registration in CourseRegistration.objects.filter(profile__user=user).exclude(
        status=RegistrationStatus.CANCELLED
    ):
        course_registration_cancel(registration=registration)
        released += 1
    return released

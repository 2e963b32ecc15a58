"""Writes for events: organising them, places and waiting lists, check-in on the day, and reminders."""

import logging
from collections.abc import Iterable
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import ORGANISATION_ROLES, Role, User
from accounts.selectors import user_coordinates_postal_code
from common.dates import date_range_error
from employers.models import Organisation
from employers.selectors import organisation_of
from notifications.emails import absolute_url, email_send_templated
from notifications.services import notification_create

from .models import EVENT_LANGUAGE_CODES, Event, EventKind, EventRegistration, EventStatus, RegistrationStatus
from .selectors import (
    PARTICIPANT_ROLES,
    event_check_in_open,
    event_may_create,
    event_may_manage,
    event_registration_cancellable,
)

logger = logging.getLogger(__name__)

EVENT_EDITABLE_FIELDS = [
    "kind", "title", "description", "starts_at", "ends_at", "registration_deadline", "online", "postal_code",
    "address", "online_url", "languages", "capacity", "target_group", "childcare",
]  # fmt: skip
# A change to any of these on a published event is told to everyone registered.
FIELDS_PEOPLE_RELY_ON = ["starts_at", "ends_at", "online", "postal_code", "address", "online_url"]


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(EVENT_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")


def event_errors(event: Event, *, by: User) -> dict[str, list[str]]:
    """Every rule the event breaks, by field, as translated messages (empty when it may be saved)."""
    errors: dict[str, list[str]] = {}
    try:
        event.full_clean(exclude=["organiser", "organisation", "status"], validate_constraints=False)
    except ValidationError as error:
        errors = {field: [str(message) for message in messages] for field, messages in error.message_dict.items()}

    def add(field: str, message) -> None:
        if field not in errors:
            errors.setdefault(field, []).append(str(message))

    for name in ("starts_at", "ends_at", "registration_deadline"):
        error = date_range_error(getattr(event, name))
        if error is not None:
            add(name, error.messages[0])
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        add("ends_at", _("The event must end after it starts."))
    if event.starts_at and event.registration_deadline and event.registration_deadline > event.starts_at:
        add("registration_deadline", _("Registration must close before the event starts."))
    if not event.online and not event.postal_code:
        add("postal_code", _("An event that meets in person needs the postal code of its place."))
    unknown_languages = set(event.languages or []) - set(EVENT_LANGUAGE_CODES)
    if unknown_languages:
        add("languages", _("Please choose the languages from the list."))
    if (
        by.role == Role.COORDINATOR
        and not event.online
        and event.postal_code
        and "postal_code" not in errors
        and not user_coordinates_postal_code(user=by, postal_code=event.postal_code)
    ):
        add(
            "postal_code",
            _("The postal code %(code)s is not in your region %(region)s.")
            % {"code": event.postal_code, "region": by.region.name},
        )
    return errors


def _event_validate(event: Event, by: User) -> None:
    # An online event has no place and an event in a room no meeting link.
    if event.online:
        event.postal_code, event.address = "", ""
    else:
        event.online_url = ""
    errors = event_errors(event, by=by)
    if errors:
        raise ValidationError(errors)


def _participants_set(event: Event, organisations: Iterable[Organisation] | None) -> None:
    """Only a job fair shows participating employers; other kinds keep none."""
    if event.kind != EventKind.JOB_FAIR:
        event.participating_organisations.clear()
    elif organisations is not None:
        event.participating_organisations.set([o for o in organisations if o.is_employer])


@transaction.atomic
def event_create(
    *,
    created_by: User,
    participating_organisations: Iterable[Organisation] | None = None,
    publish: bool = False,
    **fields,
) -> Event:
    """A new event organised by `created_by` (for their organisation when they are staff), as a draft or published."""
    _check_fields(fields)
    if not event_may_create(user=created_by):
        raise PermissionDenied
    organisation = organisation_of(user=created_by) if created_by.role in ORGANISATION_ROLES else None
    event = Event(organiser=created_by, organisation=organisation, **fields)
    _event_validate(event, created_by)
    event.save()
    _participants_set(event, participating_organisations)
    if publish:
        event_publish(event=event, by=created_by)
    return event


@transaction.atomic
def event_update(
    *, event: Event, by: User, participating_organisations: Iterable[Organisation] | None = None, **fields
) -> Event:
    """Change an event; fewer places than people registered are refused, more places move the waiting list up."""
    _check_fields(fields)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not event_may_manage(user=by, event=locked):
        raise PermissionDenied
    if locked.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event is cancelled and can no longer be changed."))
    before = {name: getattr(locked, name) for name in FIELDS_PEOPLE_RELY_ON}
    for name, value in fields.items():
        setattr(locked, name, value)
    _event_validate(locked, by)
    registered = locked.registrations.registered().count()
    if locked.capacity < registered:
        message = ngettext(
            "%(count)s person already has a place. The event needs at least as many places.",
            "%(count)s people already have a place. The event needs at least as many places.",
            registered,
        )
        raise ValidationError({"capacity": message % {"count": registered}})
    locked.save()
    _participants_set(locked, participating_organisations)
    if locked.starts_at != before["starts_at"]:
        # A new date deserves its own reminder.
        locked.registrations.update(reminder_sent_at=None)
    changed = any(getattr(locked, name) != value for name, value in before.items())
    if changed and locked.status == EventStatus.PUBLISHED:
        for registration in locked.registrations.active().select_related("user"):
            _notify(registration.user, "event_changed", locked)
    _waiting_list_move_up(locked)
    return locked


def event_publish(*, event: Event, by: User, now: datetime | None = None) -> Event:
    """Make a draft visible in the event calendar; an event that has started cannot be published."""
    if not event_may_manage(user=by, event=event):
        raise PermissionDenied
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event is cancelled. Create a new event to hold it again."))
    if event.starts_at <= (now or timezone.now()):
        raise ValidationError({"starts_at": _("This event has already started.")})
    if event.status != EventStatus.PUBLISHED:
        event.status = EventStatus.PUBLISHED
        event.published_at = now or timezone.now()
        event.save(update_fields=["status", "published_at", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event, by: User) -> Event:
    """Cancel the event; everyone with a place or on the waiting list is told in their own language."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not event_may_manage(user=by, event=locked):
        raise PermissionDenied
    if locked.status == EventStatus.CANCELLED:
        return locked
    was_published = locked.status == EventStatus.PUBLISHED
    locked.status = EventStatus.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    if was_published:
        for registration in locked.registrations.active().select_related("user"):
            _notify(registration.user, "event_cancelled", locked)
    return locked


# --- Registrations -----------------------------------------------------------------------------------------


@transaction.atomic
def event_register(
    *, event: Event, user: User, confirms_target_group: bool = False, now: datetime | None = None
) -> EventRegistration:
    """A place while places are left, otherwise the waiting list.

    The event row is locked, so two people asking for the last place at once are served one after the
    other: one gets the place, the other the waiting list, and the event is never overbooked.
    """
    if user.role not in PARTICIPANT_ROLES:
        raise PermissionDenied
    now = now or timezone.now()
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event has been cancelled."))
    if locked.status != EventStatus.PUBLISHED:
        raise ValidationError(_("This event is not open for registration."))
    if now >= locked.registration_closes_at:
        raise ValidationError(_("Registration for this event has closed."))
    if locked.is_restricted and not confirms_target_group:
        raise ValidationError(_("Please confirm that you belong to the group this event is meant for."))
    registration = EventRegistration.objects.select_for_update().filter(event=locked, user=user).first()
    if registration and registration.status == RegistrationStatus.REGISTERED:
        raise ValidationError(_("You already have a place at this event."))
    if registration and registration.status == RegistrationStatus.WAITING:
        raise ValidationError(_("You are already on the waiting list for this event."))

    has_room = locked.registrations.registered().count() < locked.capacity
    status = RegistrationStatus.REGISTERED if has_room else RegistrationStatus.WAITING
    if registration is None:
        return EventRegistration.objects.create(event=locked, user=user, status=status, created_at=now)
    # Someone who cancelled and comes back joins the end of the queue.
    registration.status = status
    registration.created_at = now
    registration.save(update_fields=["status", "created_at", "updated_at"])
    return registration


@transaction.atomic
def event_registration_cancel(*, registration: EventRegistration, now: datetime | None = None) -> EventRegistration:
    """Give up a place or leave the waiting list; a freed place goes to the first person waiting, who is told."""
    now = now or timezone.now()
    locked_event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    registration.event = locked_event
    if not event_registration_cancellable(registration=registration, now=now):
        raise ValidationError(_("This registration can no longer be cancelled."))
    had_place = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if had_place:
        _waiting_list_move_up(locked_event, now=now)
    return registration


def _waiting_list_move_up(event: Event, *, now: datetime | None = None) -> int:
    """Give free places to the people waiting longest and tell them; the caller holds the event row lock."""
    if event.status != EventStatus.PUBLISHED or (now or timezone.now()) >= event.starts_at:
        return 0
    free = event.capacity - event.registrations.registered().count()
    if free <= 0:
        return 0
    moved = list(event.registrations.waiting().select_related("user").order_by("created_at", "pk")[:free])
    for registration in moved:
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        _notify(registration.user, "event_place_free", event)
    return len(moved)


# --- On the day --------------------------------------------------------------------------------------------


def _check_in_guard(registration: EventRegistration, by: User, now: datetime) -> EventRegistration:
    locked = EventRegistration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    if not event_may_manage(user=by, event=locked.event):
        raise PermissionDenied
    if not event_check_in_open(event=locked.event, now=now):
        raise ValidationError(_("Check-in is only possible on the day of the event."))
    if locked.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only people with a place can be checked in."))
    return locked


@transaction.atomic
def event_check_in(*, registration: EventRegistration, by: User, now: datetime | None = None) -> EventRegistration:
    """The organiser notes that the person has arrived; pressing twice changes nothing."""
    now = now or timezone.now()
    locked = _check_in_guard(registration, by, now)
    if locked.checked_in_at is None:
        locked.checked_in_at = now
        locked.save(update_fields=["checked_in_at", "updated_at"])
    return locked


@transaction.atomic
def event_check_in_undo(*, registration: EventRegistration, by: User, now: datetime | None = None) -> EventRegistration:
    """Take back a check-in pressed by mistake."""
    locked = _check_in_guard(registration, by, now or timezone.now())
    if locked.checked_in_at is not None:
        locked.checked_in_at = None
        locked.save(update_fields=["checked_in_at", "updated_at"])
    return locked


# --- Reminders ---------------------------------------------------------------------------------------------


def event_reminders_send(*, now: datetime | None = None) -> int:
    """Remind everyone with a place at an event starting tomorrow; returns how many reminders went out.

    Meant to run every hour: people who get a place later in the day are reminded by the next run, and
    nobody is reminded twice, even when two runs overlap.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    end = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    due = EventRegistration.objects.due_for_reminder().filter(event__starts_at__gte=start, event__starts_at__lt=end)
    sent = 0
    for registration_id in list(due.values_list("pk", flat=True)):
        try:
            sent += event_reminder_send(registration_id=registration_id, now=now)
        except Exception:
            # One failing address must not keep the others from their reminder; the next run tries again.
            logger.exception("Event reminder for registration %s failed", registration_id)
    return sent


def event_reminder_send(*, registration_id: int, now: datetime | None = None) -> bool:
    """Send one reminder in the person's own language, at most once (the row lock serialises parallel runs)."""
    with transaction.atomic():
        registration = (
            EventRegistration.objects.select_for_update().select_related("event", "user").filter(pk=registration_id)
        ).first()
        if (
            registration is None
            or registration.reminder_sent_at is not None
            or registration.status != RegistrationStatus.REGISTERED
            or registration.event.status != EventStatus.PUBLISHED
            or not registration.user.is_active
        ):
            return False
        event, user = registration.event, registration.user
        language = user.preferred_language
        with translation.override(language):
            event_url = absolute_url(reverse("events:detail", kwargs={"pk": event.pk}))
            calendar_url = absolute_url(reverse("events:ics", kwargs={"pk": event.pk}))
        email_send_templated(
            to=user.email,
            language=language,
            template_prefix="events/email/reminder",
            context={"event": event, "event_url": event_url, "calendar_url": calendar_url},
        )
        notification_create(
            recipient=user,
            kind="event_reminder",
            params={"title": event.title},
            url_name="events:detail",
            url_kwargs={"pk": event.pk},
            email=False,
        )
        registration.reminder_sent_at = now or timezone.now()
        registration.save(update_fields=["reminder_sent_at", "updated_at"])
    return True


def _notify(user: User, kind: str, event: Event) -> None:
    notification_create(
        recipient=user, kind=kind, params={"title": event.title}, url_name="events:detail", url_kwargs={"pk": event.pk}
    )


def event_registrations_release_for_account(user: User) -> int:
    """Before an account is deleted: free its places in upcoming events for the people waiting."""
    released = 0
    now = timezone.now()
    upcoming = EventRegistration.objects.filter(
        user=user, event__status=EventStatus.PUBLISHED, event__ends_at__gt=now, checked_in_at__isnull=True
    )
    for registration in upcoming.exclude(status=RegistrationStatus.CANCELLED):
        event_registration_cancel(registration=registration, now=now)
        released += 1
    return released

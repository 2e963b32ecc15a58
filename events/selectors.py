"""Reads for events: the public calendar, what each person may see and manage, and the organisers' lists."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import ORGANISATION_ROLES, Role, User
from accounts.selectors import user_coordinates_postal_code
from employers.models import Organisation, Vacancy
from employers.selectors import organisation_of
from places.selectors import user_region_q

from .models import Event, EventKind, EventRegistration, EventStatus, RegistrationStatus

# Who may register for events, and who may organise them.
PARTICIPANT_ROLES = (Role.CANDIDATE, Role.MENTOR)
ORGANISER_ROLES = (Role.COORDINATOR, *ORGANISATION_ROLES, Role.ADMIN)


def _with_counts(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.annotate(
        registered_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )


# --- Who may do what ---------------------------------------------------------------------------------------


def event_may_create(*, user: User) -> bool:
    """Coordinators and admins hold events; organisation staff hold them for their organisation."""
    if not user.is_authenticated or user.role not in ORGANISER_ROLES:
        return False
    if user.role in ORGANISATION_ROLES:
        return organisation_of(user=user) is not None
    return True


def event_may_manage(*, user: User, event: Event) -> bool:
    """The organiser, staff of the event's organisation, the coordinator of its region, and admins."""
    if not user.is_authenticated or user.role not in ORGANISER_ROLES:
        return False
    if user.role == Role.ADMIN or (event.organiser_id is not None and event.organiser_id == user.pk):
        return True
    if user.role == Role.COORDINATOR:
        return not event.online and user_coordinates_postal_code(user=user, postal_code=event.postal_code)
    organisation = organisation_of(user=user)
    return organisation is not None and event.organisation_id == organisation.pk


def event_shows_online_link(*, event: Event, user: User, registration: EventRegistration | None) -> bool:
    """The meeting link is for people with a place and the organisers, not for the whole internet."""
    if not event.online or not event.online_url:
        return False
    if registration is not None and registration.status == RegistrationStatus.REGISTERED:
        return True
    return event_may_manage(user=user, event=event)


def event_check_in_open(*, event: Event, now: datetime | None = None) -> bool:
    """People are checked in on the day (or days) of the event, in the portal's time zone."""
    today = timezone.localdate(now or timezone.now())
    return event.status == EventStatus.PUBLISHED and timezone.localdate(event.starts_at) <= today <= timezone.localdate(
        event.ends_at
    )


def event_registration_open(*, event: Event, now: datetime | None = None) -> bool:
    return event.status == EventStatus.PUBLISHED and (now or timezone.now()) < event.registration_closes_at


def event_registration_cancellable(*, registration: EventRegistration, now: datetime | None = None) -> bool:
    """A place or a waiting-list spot is given up until the event ends, unless the person was checked in. A
    cancelled event has nothing left to give up: everyone was told, and its registrations stay as they were."""
    event = registration.event
    return (
        registration.status != RegistrationStatus.CANCELLED
        and registration.checked_in_at is None
        and event.status == EventStatus.PUBLISHED
        and (now or timezone.now()) < event.ends_at
    )


@dataclass(frozen=True)
class EventActions:
    """What a person may do with an event now, for the buttons (the services check again)."""

    manage: bool = False  # see the participants, check people in
    participants: bool = False  # the participants' list and check-in are open (a published event)
    edit: bool = False
    publish: bool = False
    cancel: bool = False
    cancel_registration: bool = False


def event_actions(
    *,
    event: Event,
    user: User,
    registration: EventRegistration | None = None,
    may_manage: bool | None = None,
    now: datetime | None = None,
) -> EventActions:
    """The steps open to the user; `may_manage` may be passed when already known (a list of managed events)."""
    if may_manage is None:
        may_manage = event_may_manage(user=user, event=event)
    open_event = event.status != EventStatus.CANCELLED
    return EventActions(
        manage=may_manage,
        participants=may_manage and event.status == EventStatus.PUBLISHED,
        edit=may_manage and open_event,
        publish=may_manage and event.status == EventStatus.DRAFT,
        cancel=may_manage and open_event,
        cancel_registration=registration is not None
        and registration.user_id == user.pk
        and event_registration_cancellable(registration=registration, now=now),
    )


# --- Public pages ------------------------------------------------------------------------------------------


def event_list_public(*, kind: str = "", target_group: str = "", now: datetime | None = None) -> QuerySet[Event]:
    """Published events that have not ended, soonest first."""
    queryset = Event.objects.published().upcoming(now=now).select_related("organisation")
    if kind:
        queryset = queryset.filter(kind=kind)
    if target_group:
        queryset = queryset.filter(target_group=target_group)
    return _with_counts(queryset).order_by("starts_at", "pk")


def event_for_viewer(*, pk: int, user: User) -> Event | None:
    """Published and cancelled events for everyone (so registrants learn of a cancellation); drafts for organisers."""
    event = _with_counts(Event.objects.select_related("organisation", "organiser")).filter(pk=pk).first()
    if event is None:
        return None
    if event.status == EventStatus.DRAFT and not event_may_manage(user=user, event=event):
        return None
    return event


def event_exhibitors(*, event: Event) -> list[dict]:
    """For a job fair: each participating employer with its published vacancies."""
    if event.kind != EventKind.JOB_FAIR:
        return []
    organisations = event.participating_organisations.filter(is_employer=True).prefetch_related(
        Prefetch(
            "vacancies",
            queryset=Vacancy.objects.published().select_related("occupation").order_by("-published_at", "-pk"),
            to_attr="open_vacancies",
        )
    )
    return [{"organisation": organisation, "vacancies": organisation.open_vacancies} for organisation in organisations]


def registration_of(*, event: Event, user: User) -> EventRegistration | None:
    if not user.is_authenticated:
        return None
    return EventRegistration.objects.filter(event=event, user=user).first()


def waiting_position(*, registration: EventRegistration) -> int | None:
    """1 for the first person waiting; None for anyone not on the waiting list."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = (
        EventRegistration.objects.waiting()
        .filter(event_id=registration.event_id)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


def registration_list_for_user(*, user: User, now: datetime | None = None) -> list[EventRegistration]:
    """The person's places and waiting lists for events that have not ended, each with its `waiting_position` and
    whether it `may_cancel`."""
    # The people ahead on each waiting list are counted in the same query (the rule of waiting_position), not
    # one query per registration.
    ahead = (
        EventRegistration.objects.waiting()
        .filter(event_id=OuterRef("event_id"))
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("event_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    registrations = list(
        EventRegistration.objects.active()
        .filter(user=user, event__ends_at__gt=now or timezone.now())
        .exclude(event__status=EventStatus.DRAFT)
        .select_related("event")
        .annotate(waiting_ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), 0))
        .order_by("event__starts_at", "event__pk")
    )
    for registration in registrations:
        registration.waiting_position = (
            registration.waiting_ahead + 1 if registration.status == RegistrationStatus.WAITING else None
        )
        registration.may_cancel = event_registration_cancellable(registration=registration, now=now)
    return registrations


# --- Organiser pages ---------------------------------------------------------------------------------------


def event_list_managed(*, user: User) -> QuerySet[Event]:
    """The events a person may manage, newest first: see event_may_manage for the rule."""
    queryset = Event.objects.all()
    if user.role == Role.ADMIN:
        pass
    elif user.role == Role.COORDINATOR:
        queryset = queryset.filter(Q(organiser=user) | (Q(online=False) & user_region_q(user=user)))
    elif user.role in ORGANISATION_ROLES:
        organisation = organisation_of(user=user)
        queryset = (
            queryset.filter(Q(organiser=user) | Q(organisation=organisation)) if organisation else queryset.none()
        )
    else:
        queryset = queryset.none()
    return _with_counts(queryset.select_related("organisation")).order_by("-starts_at", "-pk")


def event_managed(*, user: User, pk: int) -> Event | None:
    """An event only for someone who may manage it; anybody else's is as good as absent."""
    event = Event.objects.select_related("organisation", "organiser").filter(pk=pk).first()
    if event is None or not event_may_manage(user=user, event=event):
        return None
    return event


def event_participants(*, event: Event) -> dict:
    """Who has a place (by name) and who waits (in order), for the organisers only."""
    registrations = event.registrations.select_related("user")
    registered = sorted(
        registrations.registered(), key=lambda r: (r.user.get_full_name().casefold() or r.user.email, r.pk)
    )
    return {
        "registered": registered,
        "waiting": list(registrations.waiting().order_by("created_at", "pk")),
        "checked_in_count": sum(1 for r in registered if r.checked_in_at),
    }


def registration_for_check_in(*, event: Event, public_id) -> EventRegistration | None:
    return event.registrations.select_related("user", "event").filter(public_id=public_id).first()


def job_fair_organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_employer=True, is_external=False).order_by("name")

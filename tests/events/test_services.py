"""Places and waiting lists, what organisers may create and change, and check-in on the day."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from events.services import (
    event_cancel,
    event_check_in,
    event_create,
    event_publish,
    event_register,
    event_registration_cancel,
    event_update,
)
from notifications.models import Notification
from tests.factories import (
    AdminFactory,
    CandidateFactory,
    CoordinatorFactory,
    DraftEventFactory,
    EmployerStaffFactory,
    EventFactory,
    EventRegistrationFactory,
    JobFairFactory,
    MentorFactory,
    OrganisationFactory,
    ProviderStaffFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages below are matched in English; one test switches to German on purpose."""
    with translation.override("en"):
        yield


def local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def event_fields(**overrides):
    fields = {
        "kind": "mentoring_info",
        "title": "Infoabend Patenschaften",
        "description": "Wie werde ich Patin?",
        "starts_at": local(10, 18),
        "ends_at": local(10, 20),
        "registration_deadline": None,
        "online": False,
        "postal_code": "30159",
        "address": "Rathaus",
        "online_url": "",
        "languages": ["de", "fa"],
        "capacity": 30,
        "target_group": "everyone",
        "childcare": False,
    }
    return {**fields, **overrides}


# --- Places and the waiting list ---------------------------------------------------------------------------


def test_the_third_person_for_two_places_waits_and_moves_up_when_someone_cancels():
    event = EventFactory(capacity=2)
    first, second = CandidateFactory(), MentorFactory()
    third = CandidateFactory(preferred_language="uk")

    registrations = [event_register(event=event, user=person) for person in (first, second, third)]

    assert [r.status for r in registrations] == ["registered", "registered", "waiting"]
    event_registration_cancel(registration=registrations[0])

    statuses = dict(EventRegistration.objects.filter(event=event).values_list("user_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "registered", third.pk: "registered"}
    notice = Notification.objects.get(recipient=third)
    assert notice.kind == "event_place_free"
    assert notice.params == {"title": event.title}


def test_the_person_moved_up_is_told_by_e_mail_in_their_own_language(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, title="Bewerbungswerkstatt")
    holder = CandidateFactory()
    waiting = CandidateFactory(preferred_language="uk")
    taken = event_register(event=event, user=holder)
    event_register(event=event, user=waiting)

    with django_capture_on_commit_callbacks(execute=True):
        event_registration_cancel(registration=taken)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [waiting.email]
    assert message.extra_headers["Content-Language"] == "uk"
    assert "Bewerbungswerkstatt" in message.body


def test_leaving_the_waiting_list_moves_nobody_up():
    event = EventFactory(capacity=1)
    holder = event_register(event=event, user=CandidateFactory())
    first_waiting = event_register(event=event, user=CandidateFactory())
    second_waiting = event_register(event=event, user=CandidateFactory())

    event_registration_cancel(registration=first_waiting)

    holder.refresh_from_db()
    second_waiting.refresh_from_db()
    assert (holder.status, second_waiting.status) == ("registered", "waiting")
    assert not Notification.objects.exists()


def test_someone_who_cancelled_and_comes_back_joins_the_end_of_the_queue():
    event = EventFactory(capacity=1)
    event_register(event=event, user=CandidateFactory())
    comeback = CandidateFactory()
    first = event_register(event=event, user=comeback)
    event_registration_cancel(registration=first)
    other = event_register(event=event, user=CandidateFactory())

    again = event_register(event=event, user=comeback)

    assert again.pk == first.pk and again.status == "waiting"
    assert again.created_at > other.created_at


def test_registering_twice_is_refused():
    event = EventFactory()
    person = CandidateFactory()
    event_register(event=event, user=person)

    with pytest.raises(ValidationError, match="already have a place"):
        event_register(event=event, user=person)


def test_registration_after_the_deadline_is_refused():
    event = EventFactory(registration_deadline=local(3, 23, 59))

    with pytest.raises(ValidationError, match="Registration for this event has closed"):
        event_register(event=event, user=CandidateFactory(), now=local(4, 9))
    assert not EventRegistration.objects.exists()


def test_registration_for_a_cancelled_event_is_refused_with_a_translated_error():
    event = EventFactory(status=EventStatus.CANCELLED)

    with translation.override("de"):
        with pytest.raises(ValidationError) as refused:
            event_register(event=event, user=CandidateFactory())
        assert refused.value.messages == ["Diese Veranstaltung wurde abgesagt."]


def test_registration_for_a_draft_is_refused():
    with pytest.raises(ValidationError, match="not open for registration"):
        event_register(event=DraftEventFactory(), user=CandidateFactory())


def test_a_women_only_event_needs_the_confirmation_and_stores_nothing_about_gender():
    event = JobFairFactory()
    person = CandidateFactory()

    with pytest.raises(ValidationError, match="belong to the group"):
        event_register(event=event, user=person)
    registration = event_register(event=event, user=person, confirms_target_group=True)

    assert registration.status == "registered"
    field_names = {field.name for field in EventRegistration._meta.get_fields()}
    assert not field_names & {"gender", "confirms_target_group", "is_woman"}


@pytest.mark.parametrize("factory", [EmployerStaffFactory, CoordinatorFactory, AdminFactory])
def test_only_candidates_and_mentors_register(factory):
    with pytest.raises(PermissionDenied):
        event_register(event=EventFactory(), user=factory())


def test_an_event_never_has_two_registrations_of_one_person():
    registration = EventRegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        EventRegistration.objects.create(event=registration.event, user=registration.user, status="waiting")


def test_more_places_move_the_waiting_list_up():
    event = EventFactory(capacity=1)
    event_register(event=event, user=CandidateFactory())
    waiting = event_register(event=event, user=CandidateFactory())

    event_update(event=event, by=event.organiser, capacity=2)

    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert Notification.objects.filter(recipient=waiting.user, kind="event_place_free").exists()


def test_fewer_places_than_people_registered_are_refused():
    event = EventFactory(capacity=3)
    for _ in range(3):
        event_register(event=event, user=CandidateFactory())

    with pytest.raises(ValidationError) as refused:
        event_update(event=event, by=event.organiser, capacity=2)

    assert "capacity" in refused.value.message_dict
    event.refresh_from_db()
    assert event.capacity == 3


def test_a_new_date_is_told_to_everyone_registered_and_earns_a_new_reminder():
    event = EventFactory()
    registration = EventRegistrationFactory(event=event, reminder_sent_at=timezone.now())

    event_update(event=event, by=event.organiser, starts_at=local(20, 10), ends_at=local(20, 12))

    registration.refresh_from_db()
    assert registration.reminder_sent_at is None
    assert Notification.objects.filter(recipient=registration.user, kind="event_changed").exists()


def test_cancelling_an_event_tells_everyone_with_a_place_or_waiting():
    event = EventFactory(capacity=1)
    holder = event_register(event=event, user=CandidateFactory()).user
    waiting = event_register(event=event, user=MentorFactory()).user

    event_cancel(event=event, by=event.organiser)

    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert set(Notification.objects.filter(kind="event_cancelled").values_list("recipient", flat=True)) == {
        holder.pk,
        waiting.pk,
    }


# --- Creating events and region rules ----------------------------------------------------------------------


def test_coordinator_creates_an_event_in_their_region():
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["29439", "29451"]))

    event = event_create(created_by=coordinator, publish=True, **event_fields(postal_code="29439"))

    assert (event.organiser, event.organisation, event.status) == (coordinator, None, EventStatus.PUBLISHED)


def test_coordinator_cannot_create_an_event_outside_their_region():
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["29439"]))

    with pytest.raises(ValidationError) as refused:
        event_create(created_by=coordinator, **event_fields(postal_code="30159"))

    assert "postal_code" in refused.value.message_dict
    assert not Event.objects.exists()


def test_coordinator_may_hold_an_online_event_without_a_place():
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["29439"]))

    event = event_create(
        created_by=coordinator,
        **event_fields(online=True, postal_code="30159", address="Rathaus", online_url="https://meet.example.org/x"),
    )

    assert (event.online, event.postal_code, event.address) == (True, "", "")


def test_staff_create_events_for_their_own_organisation():
    staff = ProviderStaffFactory()

    event = event_create(created_by=staff, **event_fields(kind="workshop"))

    assert event.organisation == staff.membership.organisation


def test_a_job_fair_lists_only_employers_and_other_kinds_none():
    coordinator = CoordinatorFactory()
    employer = OrganisationFactory()
    school = OrganisationFactory(is_employer=False, is_course_provider=True)

    fair = event_create(
        created_by=coordinator, participating_organisations=[employer, school], **event_fields(kind="job_fair")
    )
    workshop = event_create(
        created_by=coordinator, participating_organisations=[employer], **event_fields(kind="workshop")
    )

    assert list(fair.participating_organisations.all()) == [employer]
    assert not workshop.participating_organisations.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": local(10, 17)}, "ends_at"),
        ({"registration_deadline": local(11, 9)}, "registration_deadline"),
        ({"postal_code": ""}, "postal_code"),
        ({"postal_code": "99999"}, "postal_code"),
        ({"capacity": 0}, "capacity"),
        ({"languages": ["xx"]}, "languages"),
    ],
)
def test_an_invalid_event_is_refused_with_the_reason_next_to_the_field(overrides, field):
    with pytest.raises(ValidationError) as refused:
        event_create(created_by=AdminFactory(), **event_fields(**overrides))

    assert field in refused.value.message_dict
    assert not Event.objects.exists()


def test_the_database_refuses_an_event_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(starts_at=local(5, 12), ends_at=local(5, 11))


def test_staff_without_an_organisation_and_candidates_cannot_create_events():
    for person in (EmployerStaffFactory(membership=None), CandidateFactory()):
        with pytest.raises(PermissionDenied):
            event_create(created_by=person, **event_fields())


def test_coordinator_of_another_region_may_not_change_or_cancel_the_event():
    event = EventFactory(postal_code="30159")
    stranger = CoordinatorFactory(region=RegionFactory(codes=["29439"]))

    with pytest.raises(PermissionDenied):
        event_update(event=event, by=stranger, title="Anders")
    with pytest.raises(PermissionDenied):
        event_cancel(event=event, by=stranger)


def test_the_coordinator_of_the_region_manages_an_organisations_event_there():
    fair = JobFairFactory(postal_code="30159")
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["30159"]))

    event_update(event=fair, by=coordinator, title="Jobmesse für Frauen in Hannover")

    fair.refresh_from_db()
    assert fair.title == "Jobmesse für Frauen in Hannover"


def test_an_event_that_has_started_cannot_be_published():
    event = DraftEventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5))

    with pytest.raises(ValidationError, match="already started"):
        event_publish(event=event, by=event.organiser)


# --- Check-in ----------------------------------------------------------------------------------------------


def test_the_organiser_checks_in_a_person_on_the_day():
    event = EventFactory(starts_at=local(0, 10), ends_at=local(0, 14))
    registration = EventRegistrationFactory(event=event)

    event_check_in(registration=registration, by=event.organiser, now=local(0, 9, 45))
    event_check_in(registration=registration, by=event.organiser, now=local(0, 10, 30))

    registration.refresh_from_db()
    assert registration.checked_in_at == local(0, 9, 45)


def test_check_in_is_refused_on_another_day():
    event = EventFactory(starts_at=local(1, 10), ends_at=local(1, 14))
    registration = EventRegistrationFactory(event=event)

    with pytest.raises(ValidationError, match="on the day of the event"):
        event_check_in(registration=registration, by=event.organiser, now=local(0, 10))
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_is_only_for_the_organisers():
    event = EventFactory(starts_at=local(0, 10), ends_at=local(0, 14))
    registration = EventRegistrationFactory(event=event)

    for outsider in (
        registration.user,
        CoordinatorFactory(region=RegionFactory(codes=["29439"])),
        EmployerStaffFactory(),
    ):
        with pytest.raises(PermissionDenied):
            event_check_in(registration=registration, by=outsider, now=local(0, 10))


def test_people_on_the_waiting_list_cannot_be_checked_in():
    event = EventFactory(starts_at=local(0, 10), ends_at=local(0, 14))
    registration = EventRegistrationFactory(event=event, status=RegistrationStatus.WAITING)

    with pytest.raises(ValidationError, match="Only people with a place"):
        event_check_in(registration=registration, by=event.organiser, now=local(0, 10))

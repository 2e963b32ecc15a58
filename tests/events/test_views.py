"""The event pages: who may see and do what, and what people notice after each step."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from notifications.models import Notification
from privacy.services import account_delete
from tests.factories import (
    FACTORY_BY_ROLE,
    AdminFactory,
    CandidateFactory,
    CoordinatorFactory,
    DraftEventFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    EventFactory,
    EventRegistrationFactory,
    JobFairFactory,
    MentorFactory,
    OnlineEventFactory,
    OrganisationFactory,
    ProviderStaffFactory,
    PublishedVacancyFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"events:{name}", kwargs=kwargs)


def local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def coordinator_of(*codes: str):
    return CoordinatorFactory(region=RegionFactory(codes=list(codes)))


def form_data(**overrides):
    day = timezone.localdate() + datetime.timedelta(days=12)
    data = {
        "kind": "job_fair",
        "title": "Jobmesse für Frauen",
        "description": "Mit Kinderbetreuung.",
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "15:00",
        "registration_deadline": (day - datetime.timedelta(days=2)).isoformat(),
        "postal_code": "30159",
        "address": "Neues Rathaus",
        "languages": ["de", "ar", "uk"],
        "capacity": "60",
        "target_group": "women",
        "childcare": "on",
        "action": "publish",
    }
    return {**data, **overrides}


# --- Public list and detail --------------------------------------------------------------------------------


def test_public_list_shows_upcoming_published_events_only(client):
    EventFactory(title="Veröffentlicht")
    DraftEventFactory(title="Entwurf")
    EventFactory(title="Abgesagt", status=EventStatus.CANCELLED)
    EventFactory(title="Vorbei", starts_at=local(-3, 10), ends_at=local(-3, 12))

    response = client.get(url("list"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Veröffentlicht" in content
    for hidden in ("Entwurf", "Abgesagt", "Vorbei"):
        assert hidden not in content


def test_public_list_filters_by_kind_and_target_group(client):
    JobFairFactory(title="Messe für Frauen")
    EventFactory(title="Werkstatt für alle", kind="workshop")

    fairs = client.get(url("list"), {"kind": "job_fair"}).content.decode()
    women = client.get(url("list"), {"target_group": "women"}).content.decode()
    everyone = client.get(url("list"), {"target_group": "everyone"}).content.decode()

    assert "Messe für Frauen" in fairs and "Werkstatt für alle" not in fairs
    assert "Messe für Frauen" in women and "Werkstatt für alle" not in women
    assert "Werkstatt für alle" in everyone and "Messe für Frauen" not in everyone


def test_a_draft_is_hidden_from_the_public_but_shown_to_its_organiser(client):
    draft = DraftEventFactory()

    assert client.get(url("detail", pk=draft.pk)).status_code == 404
    client.force_login(draft.organiser)
    assert client.get(url("detail", pk=draft.pk)).status_code == 200


def test_a_job_fair_shows_its_employers_and_their_open_vacancies(client):
    fair = JobFairFactory()
    employer = OrganisationFactory(name="Lahe Logistik GmbH")
    fair.participating_organisations.set([employer])
    open_vacancy = PublishedVacancyFactory(organisation=employer, title="Lagerhelferin")
    DraftVacancyFactory(organisation=employer, title="Geheimer Entwurf")

    content = client.get(url("detail", pk=fair.pk)).content.decode()

    assert "Lahe Logistik GmbH" in content
    assert "Lagerhelferin" in content
    with translation.override("en"):
        assert reverse("vacancies:detail", kwargs={"pk": open_vacancy.pk}) in content
    assert "Geheimer Entwurf" not in content


def test_the_meeting_link_is_shown_only_to_people_with_a_place(client):
    event = OnlineEventFactory()
    waiting = EventRegistrationFactory(event=event, status=RegistrationStatus.WAITING).user
    registered = EventRegistrationFactory(event=event).user

    assert event.online_url not in client.get(url("detail", pk=event.pk)).content.decode()
    client.force_login(waiting)
    assert event.online_url not in client.get(url("detail", pk=event.pk)).content.decode()
    client.force_login(registered)
    assert event.online_url in client.get(url("detail", pk=event.pk)).content.decode()


# --- Registering and cancelling ----------------------------------------------------------------------------


def test_third_person_for_two_places_joins_the_waiting_list_and_moves_up_in_their_language(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2, title="Bewerbungswerkstatt")
    first, second, third = CandidateFactory(), MentorFactory(), CandidateFactory(preferred_language="ar")
    for person in (first, second, third):
        client.force_login(person)
        client.post(url("register", pk=event.pk))

    client.force_login(third)
    page = client.get(url("detail", pk=event.pk)).content.decode()
    assert "You are on the waiting list, in place 1." in page

    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("registration_cancel", pk=event.pk), follow=True)

    assert "Your registration for “Bewerbungswerkstatt” is cancelled." in response.content.decode()
    assert EventRegistration.objects.get(user=third).status == RegistrationStatus.REGISTERED
    assert [(m.to, m.extra_headers["Content-Language"]) for m in mail.outbox] == [([third.email], "ar")]
    assert "Bewerbungswerkstatt" in mail.outbox[0].body
    assert Notification.objects.get(recipient=third).kind == "event_place_free"


def test_a_women_only_event_asks_for_the_confirmation_next_to_the_checkbox(client):
    fair = JobFairFactory()
    client.force_login(CandidateFactory())

    refused = client.post(url("register", pk=fair.pk))
    accepted = client.post(url("register", pk=fair.pk), {"confirm_target_group": "on"})

    content = refused.content.decode()
    assert refused.status_code == 200
    assert "Please confirm that you belong to the group this event is meant for." in content
    assert 'id="error-summary-title"' in content
    assert accepted.status_code == 302
    assert EventRegistration.objects.get().status == RegistrationStatus.REGISTERED


def test_registration_after_the_deadline_is_refused_with_a_message(client):
    event = EventFactory(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(CandidateFactory())

    response = client.post(url("register", pk=event.pk), follow=True)

    assert "Registration for this event has closed." in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_registration_for_a_cancelled_event_is_refused_in_german(client):
    event = EventFactory(status=EventStatus.CANCELLED)
    client.force_login(CandidateFactory())

    response = client.post(url("register", "de", pk=event.pk), follow=True)

    assert "Diese Veranstaltung wurde abgesagt." in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_my_events_lists_places_and_waiting_positions(client):
    person = MentorFactory()
    EventRegistrationFactory(user=person, event=EventFactory(title="Mit Platz"))
    full = EventFactory(title="Ausgebucht", capacity=1)
    EventRegistrationFactory(event=full)
    EventRegistrationFactory(user=person, event=full, status=RegistrationStatus.WAITING)
    client.force_login(person)

    content = client.get(url("my_registrations")).content.decode()

    assert "Mit Platz" in content and "You have a place." in content
    assert "Ausgebucht" in content and "On the waiting list, in place 1" in content


def test_my_events_counts_the_people_ahead_on_each_waiting_list(client, django_assert_max_num_queries):
    person = MentorFactory()
    for title in ("Erste", "Zweite", "Dritte"):
        full = EventFactory(title=title, capacity=1)
        EventRegistrationFactory(event=full)
        EventRegistrationFactory(event=full, status=RegistrationStatus.WAITING)
        EventRegistrationFactory(user=person, event=full, status=RegistrationStatus.WAITING)
    client.force_login(person)
    with django_assert_max_num_queries(12) as queries:
        content = client.get(url("my_registrations")).content.decode()
    many_waiting = len(queries)
    assert content.count("On the waiting list, in place 2") == 3

    for title in ("Vierte", "Fünfte"):
        full = EventFactory(title=title, capacity=1)
        EventRegistrationFactory(event=full)
        EventRegistrationFactory(user=person, event=full, status=RegistrationStatus.WAITING)
    with django_assert_max_num_queries(many_waiting):
        content = client.get(url("my_registrations")).content.decode()
    assert content.count("On the waiting list, in place 1") == 2


# --- Organising --------------------------------------------------------------------------------------------


def test_coordinator_creates_a_job_fair_in_their_region_with_participating_employers(client):
    coordinator = coordinator_of("30159")
    employer = OrganisationFactory()
    client.force_login(coordinator)

    response = client.post(url("create"), form_data(participating_organisations=[employer.pk]))

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.organiser, event.status, event.target_group, event.childcare) == (
        coordinator,
        EventStatus.PUBLISHED,
        "women",
        True,
    )
    assert timezone.localtime(event.starts_at).hour == 10
    assert timezone.localtime(event.registration_deadline).date() == timezone.localdate(event.starts_at) - (
        datetime.timedelta(days=2)
    )
    assert list(event.participating_organisations.all()) == [employer]


def test_coordinator_gets_an_error_next_to_the_postal_code_outside_their_region(client):
    client.force_login(coordinator_of("29439"))

    response = client.post(url("create"), form_data(postal_code="30159"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "The postal code 30159 is not in your region" in content
    assert 'href="#id_postal_code"' in content
    assert not Event.objects.exists()


def test_an_end_before_the_start_is_shown_next_to_the_end_time(client):
    client.force_login(AdminFactory())

    response = client.post(url("create"), form_data(start_time="15:00", end_time="10:00"))

    assert "The event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_employer_staff_create_a_draft_for_their_organisation(client):
    staff = EmployerStaffFactory()
    client.force_login(staff)

    client.post(url("create"), form_data(postal_code="49074", action="save"))

    event = Event.objects.get()
    assert (event.organisation, event.status) == (staff.membership.organisation, EventStatus.DRAFT)


def test_coordinator_of_another_region_gets_404_when_editing_and_admin_may(client):
    event = EventFactory(organiser=coordinator_of("30159"), postal_code="30159")

    client.force_login(coordinator_of("29439"))
    assert client.get(url("edit", pk=event.pk)).status_code == 404
    assert client.post(url("edit", pk=event.pk), form_data(title="Gekapert")).status_code == 404

    client.force_login(AdminFactory())
    assert client.get(url("edit", pk=event.pk)).status_code == 200
    response = client.post(url("edit", pk=event.pk), form_data(title="Von der Verwaltung geändert", action="save"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Von der Verwaltung geändert"


def test_the_coordinator_of_the_region_edits_an_organisations_event_in_it(client):
    fair = JobFairFactory(postal_code="30159")
    client.force_login(coordinator_of("30159", "30161"))

    response = client.post(url("edit", pk=fair.pk), form_data(title="Jobmesse Hannover", action="save"))

    assert response.status_code == 302
    fair.refresh_from_db()
    assert fair.title == "Jobmesse Hannover"


def test_the_organisers_list_holds_the_events_of_the_region_and_their_own(client):
    coordinator = coordinator_of("30159")
    EventFactory(title="In der Region", postal_code="30159")
    OnlineEventFactory(title="Eigenes Online-Treffen", organiser=coordinator)
    EventFactory(title="Anderswo", postal_code="29439")
    OnlineEventFactory(title="Fremdes Online-Treffen")
    client.force_login(coordinator)

    content = client.get(url("manage")).content.decode()

    assert "In der Region" in content and "Eigenes Online-Treffen" in content
    assert "Anderswo" not in content and "Fremdes Online-Treffen" not in content


def test_cancelling_an_event_asks_first_and_then_tells_everyone(client):
    event = EventFactory(capacity=1)
    EventRegistrationFactory(event=event)
    EventRegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    client.force_login(event.organiser)

    confirm = client.get(url("cancel", pk=event.pk))
    client.post(url("cancel", pk=event.pk))

    assert "2 people have a place or wait for one." in confirm.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert Notification.objects.filter(kind="event_cancelled").count() == 2


def test_the_organiser_sees_names_and_the_waiting_list_in_order(client):
    event = EventFactory(capacity=1)
    EventRegistrationFactory(event=event, user=CandidateFactory(first_name="Amal", last_name="Saleh"))
    EventRegistrationFactory(
        event=event, status=RegistrationStatus.WAITING, user=CandidateFactory(first_name="Oksana", last_name="Ivanenko")
    )
    EventRegistrationFactory(
        event=event, status=RegistrationStatus.WAITING, user=MentorFactory(first_name="Zeynep", last_name="Kaya")
    )
    client.force_login(event.organiser)

    content = client.get(url("participants", pk=event.pk)).content.decode()

    assert "Amal Saleh" in content
    assert content.index("Oksana Ivanenko") < content.index("Zeynep Kaya")


# --- Check-in on the day -----------------------------------------------------------------------------------


def test_the_organiser_checks_a_person_in_on_the_day(client):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=30), ends_at=local(1, 0, 0))
    registration = EventRegistrationFactory(event=event, user=CandidateFactory(first_name="Amal", last_name="Saleh"))
    client.force_login(event.organiser)

    response = client.post(url("check_in", pk=event.pk), {"registration": str(registration.public_id)}, follow=True)

    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert "Amal Saleh is checked in." in response.content.decode()


def test_check_in_on_another_day_changes_nothing(client):
    event = EventFactory(starts_at=local(2, 10), ends_at=local(2, 12))
    registration = EventRegistrationFactory(event=event)
    client.force_login(event.organiser)

    page = client.get(url("check_in", pk=event.pk)).content.decode()
    response = client.post(url("check_in", pk=event.pk), {"registration": str(registration.public_id)}, follow=True)

    assert 'name="action" value="check_in"' not in page
    assert "Check-in is only possible on the day of the event." in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_only_the_organisers_may_check_people_in(client):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=30), ends_at=local(1, 0, 0))
    registration = EventRegistrationFactory(event=event)
    data = {"registration": str(registration.public_id)}

    client.force_login(registration.user)
    assert client.post(url("check_in", pk=event.pk), data).status_code == 403
    client.force_login(coordinator_of("29439"))
    assert client.post(url("check_in", pk=event.pk), data).status_code == 404
    client.force_login(EmployerStaffFactory())
    assert client.post(url("check_in", pk=event.pk), data).status_code == 404

    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_a_registration_of_another_event_cannot_be_checked_in_here(client):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=30), ends_at=local(1, 0, 0))
    elsewhere = EventRegistrationFactory()
    client.force_login(event.organiser)

    response = client.post(url("check_in", pk=event.pk), {"registration": str(elsewhere.public_id)})

    assert response.status_code == 404


# --- Every view names the roles it serves ------------------------------------------------------------------

ANON = "anonymous"
ORGANISER = "organiser"
ALL_ROLES = [ANON, *Role.values, ORGANISER]


def _person(role, event):
    if role == ANON:
        return None
    if role == ORGANISER:
        return event.organiser
    if role == Role.COORDINATOR:
        return coordinator_of("30159")  # another region than the event's
    return FACTORY_BY_ROLE[role]()


# (url name, method, status by role); the event is in Lüchow (29439), organised by its region's coordinator.
EXPECTED = {
    ("list", "get"): {role: 200 for role in ALL_ROLES},
    ("detail", "get"): {role: 200 for role in ALL_ROLES},
    ("ics", "get"): {role: 200 for role in ALL_ROLES},
    ("my_registrations", "get"): {
        ANON: 302, "candidate": 200, "mentor": 200, "employer": 403, "provider": 403, "coordinator": 403,
        "admin": 403, ORGANISER: 403,
    },
    ("register", "post"): {
        ANON: 302, "candidate": 302, "mentor": 302, "employer": 403, "provider": 403, "coordinator": 403,
        "admin": 403, ORGANISER: 403,
    },
    ("manage", "get"): {
        ANON: 302, "candidate": 403, "mentor": 403, "employer": 200, "provider": 200, "coordinator": 200,
        "admin": 200, ORGANISER: 200,
    },
    ("create", "get"): {
        ANON: 302, "candidate": 403, "mentor": 403, "employer": 200, "provider": 200, "coordinator": 200,
        "admin": 200, ORGANISER: 200,
    },
    **{
        (name, "get"): {
            ANON: 302, "candidate": 403, "mentor": 403, "employer": 404, "provider": 404, "coordinator": 404,
            "admin": 200, ORGANISER: 200,
        }
        for name in ("edit", "cancel", "participants", "check_in")
    },
    ("publish", "post"): {
        ANON: 302, "candidate": 403, "mentor": 403, "employer": 404, "provider": 404, "coordinator": 404,
        "admin": 302, ORGANISER: 302,
    },
}  # fmt: skip
NEEDS_EVENT = {"detail", "ics", "register", "edit", "cancel", "participants", "check_in", "publish"}


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize(("name", "method"), list(EXPECTED))
def test_every_view_checks_the_role(client, name, method, role):
    event = (DraftEventFactory if name == "publish" else EventFactory)(
        organiser=coordinator_of("29439"), postal_code="29439"
    )
    person = _person(role, event)
    if person is not None:
        client.force_login(person)
    kwargs = {"pk": event.pk} if name in NEEDS_EVENT else {}

    response = getattr(client, method)(url(name, **kwargs))

    assert response.status_code == EXPECTED[(name, method)][role]


def test_cancelling_a_registration_needs_one(client):
    event = EventFactory()
    client.force_login(CandidateFactory())
    assert client.post(url("registration_cancel", pk=event.pk)).status_code == 404
    client.force_login(ProviderStaffFactory())
    assert client.post(url("registration_cancel", pk=event.pk)).status_code == 403


def test_a_place_at_a_cancelled_event_offers_no_giving_up_and_the_service_agrees(client):
    # The detail page hid the button for a cancelled event while the service still took the cancellation, and
    # the list of one's events hid it too: the stricter rule holds on every page and in the service.
    event = EventFactory(title="Bewerbungswerkstatt")
    person = CandidateFactory()
    registration = EventRegistrationFactory(event=event, user=person)
    client.force_login(person)
    open_page = client.get(url("detail", pk=event.pk)).content.decode()
    open_list = client.get(url("my_registrations")).content.decode()
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])

    detail = client.get(url("detail", pk=event.pk)).content.decode()
    mine = client.get(url("my_registrations")).content.decode()
    response = client.post(url("registration_cancel", pk=event.pk), follow=True)

    assert "Give up my place" in open_page and "Give up my place" in open_list
    assert "Give up my place" not in detail and "Give up my place" not in mine
    assert "This registration can no longer be cancelled." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED


def test_someone_registered_for_a_cancelled_event_can_still_delete_their_account():
    # Deleting an account gives up its places first; a place at a cancelled event is not given up, only deleted.
    event = EventFactory()
    person = CandidateFactory()
    EventRegistrationFactory(event=event, user=person)
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])

    account_delete(user=person)

    assert not EventRegistration.objects.filter(user_id=person.pk).exists()


def test_the_organisers_list_offers_only_the_steps_the_services_allow(client):
    coordinator = CoordinatorFactory()
    draft = DraftEventFactory(organiser=coordinator, title="Entwurf")
    cancelled = EventFactory(organiser=coordinator, title="Abgesagt", status=EventStatus.CANCELLED)
    client.force_login(coordinator)

    page = client.get(url("manage")).content.decode()

    assert url("publish", pk=draft.pk) in page and url("edit", pk=draft.pk) in page
    assert url("edit", pk=cancelled.pk) not in page and url("cancel", pk=cancelled.pk) not in page
    assert client.get(url("edit", pk=cancelled.pk)).status_code == 404


def test_the_organisers_list_opens_participants_and_check_in_of_published_events_only(client):
    coordinator = CoordinatorFactory()
    draft = DraftEventFactory(organiser=coordinator)
    published = EventFactory(organiser=coordinator)
    cancelled = EventFactory(organiser=coordinator, status=EventStatus.CANCELLED)
    client.force_login(coordinator)

    page = client.get(url("manage")).content.decode()

    assert url("participants", pk=published.pk) in page and url("check_in", pk=published.pk) in page
    for event in (draft, cancelled):
        assert url("participants", pk=event.pk) not in page and url("check_in", pk=event.pk) not in page


def test_the_edit_form_offers_publishing_only_for_a_draft(client):
    coordinator = CoordinatorFactory()
    draft = DraftEventFactory(organiser=coordinator)
    published = EventFactory(organiser=coordinator)
    client.force_login(coordinator)

    draft_form = client.get(url("edit", pk=draft.pk)).content.decode()
    published_form = client.get(url("edit", pk=published.pk)).content.decode()

    assert 'name="action" value="publish"' in draft_form
    assert 'name="action" value="publish"' not in published_form
    assert 'name="action" value="save"' in published_form

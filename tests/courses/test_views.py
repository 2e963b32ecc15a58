"""The course pages: who may see and do what, and what people notice after each step."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from courses.models import Course, CourseRegistration, CourseStatus, RegistrationStatus
from courses.services import course_register
from notifications.models import Notification
from tests.factories import (
    FACTORY_BY_ROLE,
    CompleteCandidateProfileFactory,
    CourseFactory,
    DraftCourseFactory,
    EmployerStaffFactory,
    ProviderStaffFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def form_data(**overrides):
    data = {
        "kind": "job_bsk",
        "title": "Job-BSK Logistik",
        "description": "Deutsch für die Arbeit im Lager.",
        "level_from": "B1",
        "level_to": "B2",
        "delivery": "in_person",
        "postal_code": "30159",
        "start_date": (TODAY + datetime.timedelta(days=20)).isoformat(),
        "end_date": (TODAY + datetime.timedelta(days=120)).isoformat(),
        "schedule": "evenings",
        "childcare": "on",
        "seats_total": "18",
        "cost": "free",
        "contact_name": "Herr Demir",
        "contact_email": "bsk@example.org",
        "contact_phone": "0511 99 88 77",
    }
    return {**data, **overrides}


@pytest.fixture
def staff(client):
    user = ProviderStaffFactory()
    client.force_login(user)
    return user


@pytest.fixture
def candidate(client):
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)
    return profile


# --- Permissions -------------------------------------------------------------------------------------------

PROVIDER_PAGES = ["courses:provider_dashboard", "courses:create", "course_import"]


@pytest.mark.parametrize("name", [*PROVIDER_PAGES, "courses:my_registrations"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["courses:edit", "courses:cancel"])
def test_anonymous_visitors_cannot_reach_a_courses_provider_pages(client, name):
    response = client.get(reverse(name, args=[CourseFactory().pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.MENTOR, Role.ADMIN, Role.COORDINATOR])
@pytest.mark.parametrize("name", ["courses:provider_dashboard", "courses:create"])
def test_other_roles_are_refused_the_provider_pages(client, role, name):
    client.force_login(FACTORY_BY_ROLE[role]())

    assert client.get(reverse(name)).status_code == 403


def test_employer_staff_of_an_organisation_without_courses_are_refused(client):
    client.force_login(EmployerStaffFactory())

    assert client.get(reverse("courses:provider_dashboard")).status_code == 403
    assert client.get(reverse("course_import")).status_code == 403


def test_employer_staff_of_a_company_with_a_training_centre_manage_its_courses(client):
    user = EmployerStaffFactory(membership__organisation__is_course_provider=True)
    client.force_login(user)

    response = client.post(reverse("courses:create"), form_data(), follow=True)

    assert response.status_code == 200
    assert Course.objects.get().provider == user.membership.organisation


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.PROVIDER, Role.MENTOR, Role.COORDINATOR, Role.ADMIN])
def test_only_candidates_see_their_registrations(client, role):
    client.force_login(FACTORY_BY_ROLE[role]())

    assert client.get(reverse("courses:my_registrations")).status_code == 403


def test_other_organisations_courses_do_not_exist_for_staff(client, staff):
    other = CourseFactory()
    draft = DraftCourseFactory()

    assert client.get(reverse("courses:edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("courses:edit", args=[other.pk]), form_data()).status_code == 404
    assert client.get(reverse("courses:cancel", args=[other.pk])).status_code == 404
    assert client.post(reverse("courses:cancel", args=[other.pk])).status_code == 404
    assert client.post(reverse("courses:publish", args=[draft.pk])).status_code == 404
    assert client.get(reverse("courses:detail", args=[draft.pk])).status_code == 404
    other.refresh_from_db()
    draft.refresh_from_db()
    assert (other.status, draft.status) == (CourseStatus.PUBLISHED, CourseStatus.DRAFT)


def test_drafts_are_hidden_from_the_public_but_shown_to_their_provider(client, staff):
    draft = DraftCourseFactory(provider=staff.membership.organisation, title="Noch geheim")

    own = client.get(reverse("courses:detail", args=[draft.pk]))
    client.logout()
    public = client.get(reverse("courses:detail", args=[draft.pk]))

    assert own.status_code == 200 and "Noch geheim" in own.content.decode()
    assert public.status_code == 404


def test_registering_needs_a_candidate_and_a_post(client):
    course = CourseFactory()
    anonymous = client.post(reverse("courses:register", args=[course.pk]))
    client.force_login(ProviderStaffFactory())
    staff = client.post(reverse("courses:register", args=[course.pk]))
    client.force_login(CompleteCandidateProfileFactory().user)
    by_get = client.get(reverse("courses:register", args=[course.pk]))

    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("account_login"))
    assert staff.status_code == 403
    assert by_get.status_code == 405
    assert not CourseRegistration.objects.exists()


# --- Provider pages ----------------------------------------------------------------------------------------


def test_provider_dashboard_lists_the_courses_with_seats_registrations_and_waiting_list(client, staff):
    course = CourseFactory(provider=staff.membership.organisation, title="Integrationskurs Linden", seats_total=2)
    for _ in range(3):
        course_register(course=course, profile=CompleteCandidateProfileFactory())
    CourseFactory(title="Fremder Kurs")

    response = client.get(reverse("courses:provider_dashboard"))

    content = response.content.decode()
    assert "Integrationskurs Linden" in content and "Fremder Kurs" not in content
    [listed] = response.context["courses"]
    assert (listed.seats_left, listed.registered_count, listed.waiting_count) == (0, 2, 1)
    assert "0 von 2" in content


def test_provider_creates_and_publishes_a_course(client, staff):
    response = client.post(reverse("courses:create"), {**form_data(), "publish": "1"})

    assert response.status_code == 302
    assert response.url == reverse("courses:provider_dashboard")
    course = Course.objects.get()
    assert (course.title, course.status, course.seats_left, course.childcare) == (
        "Job-BSK Logistik",
        CourseStatus.PUBLISHED,
        18,
        True,
    )
    assert "Job-BSK Logistik" in client.get(reverse("courses:search")).content.decode()


def test_a_draft_is_published_from_the_dashboard(client, staff):
    draft = DraftCourseFactory(provider=staff.membership.organisation)

    client.post(reverse("courses:publish", args=[draft.pk]))

    draft.refresh_from_db()
    assert draft.status == CourseStatus.PUBLISHED


def test_bad_input_shows_errors_next_to_the_fields_and_saves_nothing(client, staff):
    response = client.post(
        reverse("courses:create"),
        form_data(
            kind="", end_date=TODAY.isoformat(), level_from="B2", level_to="A1", postal_code="", delivery="hybrid"
        ),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"kind", "end_date", "level_to", "postal_code"}
    content = response.content.decode()
    assert "error-summary" in content
    assert "Der Kurs kann nicht enden, bevor er beginnt." in content
    assert not Course.objects.exists()


def test_provider_edits_a_course_and_the_waiting_list_moves_up(client, staff):
    course = CourseFactory(provider=staff.membership.organisation, seats_total=1)
    course_register(course=course, profile=CompleteCandidateProfileFactory())
    waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    response = client.post(
        reverse("courses:edit", args=[course.pk]),
        form_data(
            title="Neuer Titel",
            seats_total="2",
            start_date=course.start_date.isoformat(),
            end_date=course.end_date.isoformat(),
        ),
    )

    assert response.status_code == 302
    course.refresh_from_db()
    waiting.refresh_from_db()
    assert (course.title, course.seats_total, course.seats_left) == ("Neuer Titel", 2, 0)
    assert waiting.status == RegistrationStatus.REGISTERED


def test_provider_cancels_a_course_after_confirming(client, staff):
    course = CourseFactory(provider=staff.membership.organisation)
    registration = course_register(course=course, profile=CompleteCandidateProfileFactory())

    confirm = client.get(reverse("courses:cancel", args=[course.pk]))
    client.post(reverse("courses:cancel", args=[course.pk]))

    assert "1 Person" in confirm.content.decode()
    course.refresh_from_db()
    registration.refresh_from_db()
    assert course.status == CourseStatus.CANCELLED
    assert registration.status == RegistrationStatus.CANCELLED
    assert client.get(reverse("courses:edit", args=[course.pk])).status_code == 404


# --- Candidate side ----------------------------------------------------------------------------------------


def test_candidate_registers_and_sees_the_seat_and_the_course_in_their_list(client, candidate):
    course = CourseFactory(seats_total=3, title="Integrationskurs Nordstadt")

    response = client.post(reverse("courses:register", args=[course.pk]), follow=True)

    course.refresh_from_db()
    assert course.seats_left == 2
    assert "Sie haben einen Platz" in response.content.decode()
    listing = client.get(reverse("courses:my_registrations")).content.decode()
    assert "Integrationskurs Nordstadt" in listing


def test_a_full_course_offers_the_waiting_list_and_shows_the_place_in_the_queue(client, candidate):
    course = CourseFactory(seats_total=1)
    course_register(course=course, profile=CompleteCandidateProfileFactory())

    before = client.get(reverse("courses:detail", args=[course.pk])).content.decode()
    client.post(reverse("courses:register", args=[course.pk]))
    after = client.get(reverse("courses:detail", args=[course.pk])).content.decode()

    assert "Auf die Warteliste" in before
    assert CourseRegistration.objects.get(profile=candidate).status == RegistrationStatus.WAITING
    assert "an Stelle 1" in after
    assert "an Stelle 1" in client.get(reverse("courses:my_registrations")).content.decode()


def test_registering_twice_shows_a_friendly_message(client, candidate):
    course = CourseFactory()
    client.post(reverse("courses:register", args=[course.pk]))

    response = client.post(reverse("courses:register", args=[course.pk]), follow=True)

    assert "Sie haben bereits einen Platz in diesem Kurs." in response.content.decode()
    assert CourseRegistration.objects.count() == 1


def test_candidate_gives_up_the_seat_and_the_first_waiting_person_is_told(client, candidate):
    course = CourseFactory(seats_total=1)
    course_register(course=course, profile=candidate)
    waiting = course_register(course=course, profile=CompleteCandidateProfileFactory())

    response = client.post(reverse("courses:registration_cancel", args=[course.pk]), {"next": "list"})

    assert response.url == reverse("courses:my_registrations")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    assert Notification.objects.get().recipient == waiting.profile.user


def test_candidates_cannot_cancel_registrations_they_do_not_have(client, candidate):
    course = CourseFactory()
    other = course_register(course=course, profile=CompleteCandidateProfileFactory())

    response = client.post(reverse("courses:registration_cancel", args=[course.pk]))

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == RegistrationStatus.REGISTERED


def test_detail_page_shows_the_facts_in_the_readers_language_and_the_contact(client):
    course = CourseFactory(title="Azubi-BSK Pflege", kind="azubi_bsk", contact_email="pflege@example.org")

    german = client.get(reverse("courses:detail", args=[course.pk])).content.decode()

    assert "Azubi-BSK Pflege" in german
    assert "pflege@example.org" in german
    assert "Anmelden" in german  # the login link for visitors

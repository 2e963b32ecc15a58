"""A course names the field of work it prepares for and whether its waiting list still takes names."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from courses.models import Course, CourseRegistration, RegistrationStatus
from courses.services import course_register
from tests.factories import CompleteCandidateProfileFactory, CourseFactory, ProviderStaffFactory
from tests.imports.test_course_import import HEADER, LUECHOW, ONLINE, csv_bytes, run

from .test_views import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def csv_staff():
    return ProviderStaffFactory()


@pytest.fixture
def form_staff(client):
    user = ProviderStaffFactory()
    client.force_login(user)
    return user


def english_page(client, course) -> str:
    with translation.override("en"):
        return client.get(reverse("courses:detail", args=[course.pk])).content.decode()


# --- The provider's form -----------------------------------------------------------------------------------


def test_the_course_form_saves_subject_and_a_closed_waiting_list(client, form_staff):
    response = client.post(reverse("courses:create"), form_data(subject="logistics"))

    course = Course.objects.get()
    assert response.status_code == 302
    assert (course.subject, course.waiting_list_open) == ("logistics", False)


def test_a_new_course_starts_with_an_open_waiting_list(client, form_staff):
    page = client.get(reverse("courses:create")).content.decode()

    checkbox = re.search(r'<input[^>]*name="waiting_list_open"[^>]*>', page).group(0)
    assert "checked" in checkbox


def test_the_course_form_refuses_an_unknown_subject(client, form_staff):
    response = client.post(reverse("courses:create"), form_data(subject="astrology", waiting_list_open="on"))

    assert response.status_code == 200
    assert 'id="id_subject_error"' in response.content.decode()
    assert not Course.objects.exists()


# --- The CSV import ----------------------------------------------------------------------------------------

CSV_HEADER = [*HEADER, "Fachrichtung", "Warteliste"]


def test_the_import_reads_subject_and_waiting_list(csv_staff):
    result = run(csv_staff, csv_bytes([CSV_HEADER, [*LUECHOW, "", ""], [*ONLINE, "Pflege", "nein"]]))

    assert result.ok, result.errors
    luechow = Course.objects.get(title="Integrationskurs Lüchow")
    care = Course.objects.get(title="Job-BSK Pflege online")
    assert (luechow.subject, luechow.waiting_list_open) == ("", True)
    assert (care.subject, care.waiting_list_open) == ("care", False)


def test_a_file_without_the_new_columns_still_imports_with_the_defaults(csv_staff):
    result = run(csv_staff, csv_bytes([HEADER, ONLINE]))

    assert result.ok, result.errors
    assert Course.objects.values_list("subject", "waiting_list_open").get() == ("", True)


@pytest.mark.parametrize(
    ("subject", "waiting_list", "column", "translated"),
    [
        ("Astrologie", "ja", "Fachrichtung", "“%(value)s” is not known. Allowed are: %(allowed)s."),
        ("Pflege", "vielleicht", "Warteliste", "“%(value)s” is neither “ja” nor “nein”."),
    ],
)
def test_a_bad_subject_or_waiting_list_is_named_by_row_and_column_and_nothing_is_saved(
    csv_staff,
    subject,
    waiting_list,
    column,
    translated,
):
    rows = [CSV_HEADER, [*LUECHOW, "", ""], [*ONLINE, subject, waiting_list]]

    with translation.override("de"):
        result = run(csv_staff, csv_bytes(rows))
        start = translation.gettext(translated).split("%(value)s")[0]

    assert [(error.row, error.column) for error in result.errors] == [(3, column)]
    assert result.errors[0].message.startswith(start)
    assert not Course.objects.exists()


# --- What candidates see -----------------------------------------------------------------------------------


def test_the_course_page_names_the_field_of_work(client):
    course = CourseFactory(kind="job_bsk", subject="care", title="Job-BSK Pflege")

    page = english_page(client, course)

    assert "Field of work" in page and "Care and health" in page


def test_a_general_course_names_no_field_of_work(client):
    page = english_page(client, CourseFactory())

    assert "Field of work" not in page


def test_a_full_course_with_an_open_waiting_list_says_so_and_lets_candidates_join(client):
    course = CourseFactory(seats_total=10, seats_left=0, waiting_list_open=True)
    client.force_login(CompleteCandidateProfileFactory().user)

    page = english_page(client, course)

    assert "Fully booked: you can join the waiting list" in page
    assert "Join the waiting list" in page


def test_a_full_course_with_a_closed_waiting_list_takes_no_names(client):
    course = CourseFactory(seats_total=10, seats_left=0, waiting_list_open=False)
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)

    page = english_page(client, course)
    response = client.post(reverse("courses:register", args=[course.pk]))

    assert "Fully booked, and the waiting list is closed" in page
    assert "Join the waiting list" not in page
    assert response.status_code in (200, 302)
    assert not CourseRegistration.objects.filter(profile=profile).exists()


def test_the_service_refuses_the_waiting_list_of_a_full_course_that_closed_it():
    course = CourseFactory(seats_total=10, seats_left=0, waiting_list_open=False)

    with pytest.raises(ValidationError), translation.override("en"):
        course_register(course=course, profile=CompleteCandidateProfileFactory())

    assert not CourseRegistration.objects.exists()


def test_a_course_with_seats_takes_registrations_whatever_its_waiting_list():
    course = CourseFactory(seats_total=10, seats_left=1, waiting_list_open=False)

    registration = course_register(course=course, profile=CompleteCandidateProfileFactory())

    assert registration.status == RegistrationStatus.REGISTERED


def test_the_course_finder_cards_mark_a_full_course(client):
    CourseFactory(title="Voll mit Warteliste", seats_total=10, seats_left=0, waiting_list_open=True)

    with translation.override("en"):
        page = client.get(reverse("courses:search")).content.decode()

    assert "Voll mit Warteliste" in page
    assert "Fully booked: you can join the waiting list" in page


def test_the_providers_dashboard_shows_subject_and_a_closed_waiting_list(client, form_staff):
    CourseFactory(
        provider=form_staff.membership.organisation,
        kind="job_bsk",
        subject="logistics",
        seats_total=5,
        seats_left=0,
        waiting_list_open=False,
    )

    with translation.override("en"):
        page = client.get(reverse("courses:provider_dashboard")).content.decode()

    assert "Logistics and transport" in page
    assert "(closed)" in page

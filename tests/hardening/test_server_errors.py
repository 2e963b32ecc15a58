"""Input that used to end in a server error gets a clear, translated answer and saves nothing (issue 12, point 7)."""

import datetime
import io
import sqlite3
import threading

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from common.dates import date_range_error
from courses.models import Course
from employers.models import Vacancy
from events.models import Event
from imports.importers import csv_import
from mentoring.models import MentorshipNote
from mentoring.services import NOTE_YEARS_BACK
from tests.employers.helpers import field_error, vacancy_form_data
from tests.factories import (
    ActiveMentorshipFactory,
    CoordinatorFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    OrganisationFactory,
    ProviderStaffFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()

with translation.override("de"):
    # The message names the allowed range; any date outside gives the same one.
    OUT_OF_RANGE = date_range_error(datetime.date(9999, 12, 31)).messages[0]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory()
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("field", "day"),
    # An expiry date in the past has its own message already ("lies in the past").
    [
        ("start_date", "9999-12-31"),
        ("start_date", "0001-01-01"),
        ("start_date", "1900-01-01"),
        ("expires_on", "9999-12-31"),
    ],
)
def test_vacancy_dates_far_off_are_refused_next_to_the_field(client, employer, field, day):
    response = client.post(reverse("employers:vacancy_create"), vacancy_form_data(**{field: day}))

    assert response.status_code == 200
    assert OUT_OF_RANGE in field_error(response, field)
    assert not Vacancy.objects.exists()


def test_editing_a_vacancy_with_start_9999_is_refused_and_keeps_the_old_start(client, employer):
    vacancy = DraftVacancyFactory(organisation=employer.membership.organisation, start_date=TODAY)

    response = client.post(
        reverse("employers:vacancy_edit", kwargs={"pk": vacancy.pk}),
        vacancy_form_data(vacancy.occupation, start_date="9999-12-31", expires_on="9999-12-31"),
    )

    assert response.status_code == 200
    assert OUT_OF_RANGE in field_error(response, "start_date")
    vacancy.refresh_from_db()
    assert vacancy.start_date == TODAY


def course_form(**overrides):
    data = {
        "kind": "job_bsk", "title": "Job-BSK Logistik", "description": "", "level_from": "B1", "level_to": "B2",
        "delivery": "in_person", "postal_code": "30159",
        "start_date": (TODAY + datetime.timedelta(days=20)).isoformat(),
        "end_date": (TODAY + datetime.timedelta(days=120)).isoformat(), "schedule": "evenings", "seats_total": "18",
        "cost": "free", "contact_name": "", "contact_email": "", "contact_phone": "",
    }  # fmt: skip
    return {**data, **overrides}


@pytest.mark.parametrize(("field", "day"), [("start_date", "1900-01-01"), ("end_date", "9999-12-31")])
def test_course_dates_far_off_are_refused(client, field, day):
    client.force_login(ProviderStaffFactory())

    response = client.post(reverse("courses:create"), course_form(**{field: day}))

    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()
    assert not Course.objects.exists()


@pytest.mark.parametrize(
    ("field", "day"), [("date", "9999-12-31"), ("date", "0001-01-01"), ("registration_deadline", "0001-01-02")]
)
def test_event_dates_far_off_are_refused(client, field, day):
    client.force_login(CoordinatorFactory())
    when = TODAY + datetime.timedelta(days=12)
    data = {
        "kind": "workshop", "title": "Bewerbungswerkstatt", "description": "", "date": when.isoformat(),
        "start_time": "10:00", "end_time": "12:00", "registration_deadline": "", "postal_code": "30159",
        "address": "Rathaus", "languages": ["de"], "capacity": "20", "target_group": "everyone", "action": "save",
    }  # fmt: skip

    response = client.post(reverse("events:create"), {**data, field: day})

    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()
    assert not Event.objects.exists()


def test_a_mentorship_note_dated_1900_is_refused(client):
    mentorship = ActiveMentorshipFactory()
    client.force_login(mentorship.mentor.user)

    response = client.post(
        reverse("mentoring:mentorship_note", kwargs={"pk": mentorship.pk}), {"date": "1900-01-01", "text": "Treffen"}
    )

    assert response.status_code == 400
    with translation.override("de"):
        expected = date_range_error(datetime.date(1900, 1, 1), years_back=NOTE_YEARS_BACK).messages[0]
    assert expected in response.content.decode()
    assert not MentorshipNote.objects.exists()


# --- CSV files ---------------------------------------------------------------------------------------------

NEXT_YEAR = TODAY.year + 1
COURSE_HEADER = "Titel;Kursart;Niveau von;Niveau bis;Online;PLZ;Beginn;Ende;Zeitmodell;Plätze;Kosten"


def course_row(title="Integrationskurs", start=f"01.09.{NEXT_YEAR}", end=f"28.02.{NEXT_YEAR + 1}"):
    return f"{title};Integrationskurs;A1;B1;präsenz;29439;{start};{end};Teilzeit;16;gefördert"


def course_file(*rows: str) -> io.BytesIO:
    return io.BytesIO("\r\n".join([COURSE_HEADER, *rows]).encode("utf-8"))


def import_courses(file):
    staff = ProviderStaffFactory()
    return csv_import(
        kind="courses", file=file, dry_run=False, by=staff, options={"provider": staff.membership.organisation}
    )


def test_a_nul_byte_in_a_csv_cell_is_refused_with_row_and_column():
    result = import_courses(course_file(course_row(), course_row(title="Kurs\x00mit NUL")))

    assert [(error.row, error.column) for error in result.errors] == [(3, "Titel")]
    assert "NUL" in result.errors[0].message
    assert not Course.objects.exists()


def test_a_nul_byte_in_the_header_is_refused():
    result = import_courses(io.BytesIO(("Titel\x00;" + COURSE_HEADER[6:] + "\r\n" + course_row()).encode()))

    assert result.errors and result.errors[0].row == 1
    assert "NUL" in result.errors[0].message
    assert not Course.objects.exists()


@pytest.mark.parametrize(("start", "end"), [("01.01.1900", f"28.02.{NEXT_YEAR}"), (f"01.09.{NEXT_YEAR}", "31.12.9999")])
def test_course_import_refuses_dates_far_off(start, end):
    result = import_courses(course_file(course_row(start=start, end=end)))

    assert result.errors and result.errors[0].row == 2
    assert result.errors[0].column in {"Beginn", "Ende"}
    assert OUT_OF_RANGE in result.errors[0].message
    assert not Course.objects.exists()


def test_partner_vacancy_import_refuses_a_nul_byte_and_a_start_in_9999():
    organisation = OrganisationFactory(name="Tischlerei Meyer GmbH", locations=["30159"])
    header = "Organisation;Angebotsart;Titel;Beschreibung;Beruf;PLZ;Stunden pro Woche;Beginn"
    rows = [
        f"{organisation.name};Job;Tischler/in;Wir bauen Möbel.;22342;30159;38;31.12.9999",
        f"{organisation.name};Job;Tischler/in;Wir bauen\x00Möbel.;22342;30159;38;",
    ]
    file = io.BytesIO("\r\n".join([header, *rows]).encode())

    result = csv_import(kind="vacancies", file=file, dry_run=False, by=CoordinatorFactory(region__codes=["30159"]))

    assert {(error.row, error.column) for error in result.errors} == {(2, "Beginn"), (3, "Beschreibung")}
    assert not Vacancy.objects.exists()


# --- Huge ids and the embedded database ---------------------------------------------------------------------

HUGE = str(2**80)


def test_huge_ids_in_addresses_and_forms_are_not_found_rather_than_server_errors(client, employer):
    assert client.get(f"/de/employer/vacancies/{HUGE}/").status_code == 404
    assert client.get(f"/de/vacancies/{HUGE}/").status_code == 404
    response = client.post(reverse("employers:vacancy_create"), vacancy_form_data(occupation=HUGE))
    assert response.status_code == 200
    assert field_error(response, "occupation")


def test_several_ids_at_once_ignore_a_huge_one():
    organisation = OrganisationFactory()

    assert list(type(organisation).objects.filter(pk__in=[organisation.pk, 2**80])) == [organisation]
    assert not Vacancy.objects.filter(organisation__in=[2**80]).exists()


def test_embedded_sqlite_uses_write_ahead_logging_and_waits_for_the_lock(tmp_path):
    """Parallel writers on one SQLite file all succeed: each waits for the lock instead of failing."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("The embedded default only applies to SQLite.")
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "embedded.sqlite3"

    def wrapper():
        return DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(path), "OPTIONS": dict(options)})

    setup = wrapper()
    with setup.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
        cursor.execute("CREATE TABLE upload (id INTEGER PRIMARY KEY, owner INTEGER)")
    setup.close()

    errors: list[Exception] = []

    def upload(owner: int) -> None:
        db = wrapper()
        try:
            db.ensure_connection()
            db._start_transaction_under_autocommit()  # what transaction.atomic() begins with
            with db.cursor() as cursor:
                # The upload's shape: count the owner's files, then store one, in one transaction.
                cursor.execute("SELECT COUNT(*) FROM upload WHERE owner = %s", [owner])
                cursor.execute("INSERT INTO upload (owner) VALUES (%s)", [owner])
                cursor.execute("COMMIT")
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=upload, args=(n % 3,)) for n in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    check = sqlite3.connect(path)
    assert check.execute("SELECT COUNT(*) FROM upload").fetchone()[0] == 25
    check.close()

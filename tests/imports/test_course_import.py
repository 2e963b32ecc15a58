"""The course import: German spreadsheet files in any encoding and delimiter, errors by row and column, all or
nothing; the page where a provider's staff or a coordinator checks and imports the file."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Course, CourseStatus
from imports.importers import csv_import
from tests.factories import CoordinatorFactory, CourseProviderOrganisationFactory, ProviderStaffFactory

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today().year + 1
HEADER = ["Titel", "Kursart", "Niveau von", "Niveau bis", "Online", "PLZ", "Beginn", "Ende", "Zeitmodell",
          "Kinderbetreuung", "Plätze", "Kosten", "Kontakt", "E-Mail", "Beschreibung"]  # fmt: skip
LUECHOW = ["Integrationskurs Lüchow", "Integrationskurs", "A1", "B1", "präsenz", "29439 Lüchow", f"01.09.{NEXT_YEAR}",
           f"28.02.{NEXT_YEAR + 1}", "Teilzeit", "ja", "16", "gefördert", "Frau Müller", "kurse@vhs.example",
           "Vormittags, mit Kinderbetreuung"]  # fmt: skip
ONLINE = ["Job-BSK Pflege online", "Job-BSK", "B1", "B2", "online", "", f"{NEXT_YEAR}-10-05", f"{NEXT_YEAR}-12-20",
          "abends", "nein", "20", "kostenlos", "", "", ""]  # fmt: skip


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", bom=False) -> io.BytesIO:
    def cell(value):
        return f'"{value}"' if delimiter in value or "\n" in value else value

    text = "\r\n".join(delimiter.join(cell(value) for value in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    return io.BytesIO((b"\xef\xbb\xbf" if bom else b"") + data)


@pytest.fixture
def staff():
    return ProviderStaffFactory()


def run(staff, file, *, dry_run=False, publish=False):
    options = {"provider": staff.membership.organisation, "publish": publish}
    return csv_import(kind="courses", file=file, dry_run=dry_run, by=staff, options=options)


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter", "expected_encoding"),
    [
        ("utf-8", False, ";", "UTF-8"),
        ("utf-8", True, ";", "UTF-8 (BOM)"),
        ("cp1252", False, ";", "Windows-1252"),
        ("utf-8", False, ",", "UTF-8"),
        ("utf-8", True, ",", "UTF-8 (BOM)"),
        ("cp1252", False, ",", "Windows-1252"),
    ],
)
def test_every_encoding_and_delimiter_imports_the_same_courses(staff, encoding, bom, delimiter, expected_encoding):
    file = csv_bytes([HEADER, LUECHOW, ONLINE], delimiter=delimiter, encoding=encoding, bom=bom)

    result = run(staff, file)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == (expected_encoding, delimiter)
    luechow = Course.objects.get(title="Integrationskurs Lüchow")
    assert luechow.provider == staff.membership.organisation
    assert (luechow.kind, luechow.level_from, luechow.level_to) == ("integration", "A1", "B1")
    assert (luechow.delivery, luechow.postal_code, luechow.schedule) == ("in_person", "29439", "part_time")
    assert (luechow.childcare, luechow.cost) == (True, "funded")
    assert luechow.start_date == datetime.date(NEXT_YEAR, 9, 1)
    assert luechow.end_date == datetime.date(NEXT_YEAR + 1, 2, 28)
    assert (luechow.seats_total, luechow.seats_left, luechow.status) == (16, 16, CourseStatus.DRAFT)
    assert luechow.contact_name == "Frau Müller"
    assert luechow.description == "Vormittags, mit Kinderbetreuung"
    online = Course.objects.get(title="Job-BSK Pflege online")
    assert (online.kind, online.delivery, online.schedule, online.cost) == ("job_bsk", "online", "evenings", "free")
    assert online.latitude is None


def test_a_dry_run_checks_everything_and_saves_nothing(staff):
    result = run(staff, csv_bytes([HEADER, LUECHOW, ONLINE]), dry_run=True)

    assert result.ok
    assert [row.row for row in result.rows] == [2, 3]
    assert not Course.objects.exists()


def test_imported_courses_can_be_published_straight_away(staff):
    run(staff, csv_bytes([HEADER, LUECHOW]), publish=True)

    assert Course.objects.get().status == CourseStatus.PUBLISHED


def bad(row, **changes):
    row = list(row)
    for column, value in changes.items():
        row[HEADER.index(column.replace("_", " "))] = value
    return row


def test_bad_rows_are_reported_with_row_and_column_and_nothing_is_imported(staff):
    rows = [
        HEADER,
        LUECHOW,  # row 2 is fine
        bad(LUECHOW, PLZ="99999"),  # 3
        bad(LUECHOW, Ende=f"01.08.{NEXT_YEAR}"),  # 4: ends before it starts
        bad(LUECHOW, Niveau_bis="D7"),  # 5
        bad(LUECHOW, Titel=""),  # 6
        bad(LUECHOW, Plätze="zehn"),  # 7
        ONLINE,  # 8 is fine
    ]

    checked = run(staff, csv_bytes(rows), dry_run=True)
    imported = run(staff, csv_bytes(rows))

    for result in (checked, imported):
        assert not result.ok
        assert [(error.row, error.column) for error in result.errors] == [
            (3, "PLZ"),
            (4, "Ende"),
            (5, "Niveau bis"),
            (6, "Titel"),
            (7, "Plätze"),
        ]
        assert result.bad_rows == [3, 4, 5, 6, 7]
    messages = {error.row: error.message for error in imported.errors}
    assert "99999" in messages[3]
    assert "D7" in messages[5]
    assert "zehn" in messages[7]
    assert not Course.objects.exists()
    assert imported.created == []


def test_a_file_with_one_bad_row_imports_nothing(staff):
    rows = [HEADER, LUECHOW, ONLINE, bad(ONLINE, Kursart="Tanzkurs")]

    result = run(staff, csv_bytes(rows))

    assert [(error.row, error.column) for error in result.errors] == [(4, "Kursart")]
    assert not Course.objects.exists()


def test_an_in_person_course_without_a_postal_code_names_the_column(staff):
    result = run(staff, csv_bytes([HEADER, bad(LUECHOW, PLZ="")]))

    assert [(error.row, error.column) for error in result.errors] == [(2, "PLZ")]


def test_missing_and_unknown_columns_are_reported_in_the_header_row(staff):
    header = [name for name in HEADER if name != "Niveau bis"] + ["Lieblingsfarbe"]

    result = run(staff, csv_bytes([header, LUECHOW[:-1]]))

    assert sorted((error.row, error.column) for error in result.errors) == [(1, "Lieblingsfarbe"), (1, "Niveau bis")]
    assert not Course.objects.exists()


def test_header_aliases_and_the_file_s_own_column_names_in_errors(staff):
    header = ["Kurstitel", "Art", "Niveau ab", "Zielniveau", "Durchführung", "Ort/PLZ", "Kursbeginn", "Kursende",
              "Unterrichtszeit", "Kinderbetreuung", "Plätze", "Finanzierung"]  # fmt: skip
    good = ["Alphakurs", "Alphabetisierungskurs", "0", "A1", "Präsenz", "30159 Hannover", f"1.3.{NEXT_YEAR}",
            f"30.9.{NEXT_YEAR}", "Vollzeit", "x", "12", "kostenlos"]  # fmt: skip
    wrong = [*good[:5], "Hannover", *good[6:]]

    result = run(staff, csv_bytes([header, good, wrong]), dry_run=True)

    assert [(error.row, error.column) for error in result.errors] == [(3, "Ort/PLZ")]
    assert result.rows[0].fields["level_from"] == "0"


def test_blank_lines_are_skipped_and_rows_keep_their_spreadsheet_numbers(staff):
    result = run(staff, csv_bytes([HEADER, LUECHOW, [""] * len(HEADER), bad(ONLINE, Plätze="viele")]), dry_run=True)

    assert [(error.row, error.column) for error in result.errors] == [(4, "Plätze")]


@pytest.mark.parametrize(
    ("content", "message_part"),
    [(b"", "Die Datei ist leer."), (";".join(HEADER).encode(), "keine Kurse"), (b"\xff\xfeT\x00i\x00", "UTF-16")],
)
def test_unusable_files_are_refused_as_a_whole(staff, content, message_part):
    result = run(staff, io.BytesIO(content))

    assert [error.row for error in result.errors] == [None]
    assert message_part in result.errors[0].message
    assert not Course.objects.exists()


def test_a_course_that_has_already_ended_is_a_bad_row(staff):
    last_year = datetime.date.today().year - 1
    result = run(staff, csv_bytes([HEADER, bad(LUECHOW, Beginn=f"01.01.{last_year}", Ende=f"01.06.{last_year}")]))

    assert [(error.row, error.column) for error in result.errors] == [(2, "Ende")]


def test_coordinators_import_for_a_provider_of_their_region_and_others_may_not(staff):
    provider = staff.membership.organisation
    provider.locations = ["29439"]
    provider.save()

    coordinator = CoordinatorFactory(region__codes=["29439", "29451"])

    csv_import(
        kind="courses", file=csv_bytes([HEADER, LUECHOW]), dry_run=False, by=coordinator, options={"provider": provider}
    )
    with pytest.raises(PermissionDenied):
        csv_import(kind="courses", file=csv_bytes([HEADER, ONLINE]), dry_run=False, by=ProviderStaffFactory(),
                   options={"provider": provider})  # fmt: skip

    assert list(Course.objects.values_list("title", "provider")) == [("Integrationskurs Lüchow", provider.pk)]


def test_the_documented_example_file_imports_cleanly(staff):
    example = settings.BASE_DIR / "docs" / "examples" / "kurse-beispiel.csv"

    with example.open("rb") as file:
        result = run(staff, file)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == ("UTF-8 (BOM)", ";")
    assert Course.objects.count() == 5
    assert set(Course.objects.values_list("kind", flat=True)) == {
        "integration",
        "literacy",
        "job_bsk",
        "women_parents",
        "azubi_bsk",
    }


# --- The course import page ---------------------------------------------------------------------------------

PAGE_HEADER = "Titel;Kursart;Niveau von;Niveau bis;Online;PLZ;Beginn;Ende;Zeitmodell;Kinderbetreuung;Plätze;Kosten"
YEAR = NEXT_YEAR
DATES = f"01.09.{YEAR};28.02.{YEAR + 1}"
GOOD = f"Integrationskurs Lüchow;Integrationskurs;A1;B1;präsenz;29439;{DATES};Teilzeit;ja;16;gefördert"
BAD = f"Abendkurs;Integrationskurs;A1;D7;präsenz;29439;{DATES};abends;nein;zehn;gefördert"


@pytest.fixture
def page_staff(client):
    user = ProviderStaffFactory()
    client.force_login(user)
    return user


def upload(text: str, encoding="cp1252") -> SimpleUploadedFile:
    return SimpleUploadedFile("kurse.csv", text.encode(encoding), content_type="text/csv")


def test_upload_shows_a_preview_and_the_import_button_creates_all_courses(client, page_staff):
    preview = client.post(reverse("course_import"), {"file": upload(f"{PAGE_HEADER}\r\n{GOOD}\r\n")})

    content = preview.content.decode()
    assert "Integrationskurs Lüchow" in content
    assert "Windows-1252" in content
    assert not Course.objects.exists()
    token = preview.context["token"]

    response = client.post(reverse("course_import"), {"token": token})

    assert response.status_code == 302
    course = Course.objects.get()
    assert (course.title, course.provider) == ("Integrationskurs Lüchow", page_staff.membership.organisation)


def test_upload_with_bad_rows_lists_row_column_and_reason_and_offers_no_import(client, page_staff):
    response = client.post(reverse("course_import"), {"file": upload(f"{PAGE_HEADER}\n{GOOD}\n{BAD}\n")})

    content = response.content.decode()
    assert "token" not in response.context
    assert [(e.row, e.column) for e in response.context["result"].errors] == [(3, "Niveau bis"), (3, "Plätze")]
    assert "„D7“ ist kein Deutschniveau" in content
    assert "„zehn“ ist keine ganze Zahl" in content
    assert "Nichts wurde gespeichert" in content
    assert not Course.objects.exists()


def test_a_tampered_import_token_is_refused(client, page_staff):
    response = client.post(reverse("course_import"), {"token": "not-a-token"}, follow=True)

    assert response.status_code == 200
    assert not Course.objects.exists()


def test_a_token_of_another_user_is_refused(client, page_staff):
    token = client.post(reverse("course_import"), {"file": upload(f"{PAGE_HEADER}\n{GOOD}\n")}).context["token"]
    client.force_login(ProviderStaffFactory())

    response = client.post(reverse("course_import"), {"token": token})

    assert response.status_code == 403
    assert not Course.objects.exists()


def test_coordinator_chooses_the_provider_for_the_upload(client):
    provider = CourseProviderOrganisationFactory(name="VHS Lüchow-Dannenberg", locations=["29439"])
    client.force_login(CoordinatorFactory(region__codes=["29439", "30159"]))

    form_page = client.get(reverse("course_import"))
    preview = client.post(
        reverse("course_import"), {"provider": provider.pk, "file": upload(f"{PAGE_HEADER}\n{GOOD}\n")}
    )
    client.post(reverse("course_import"), {"token": preview.context["token"]})

    assert "VHS Lüchow-Dannenberg" in form_page.content.decode()
    assert Course.objects.get().provider == provider


def test_coordinator_must_choose_a_provider(client):
    client.force_login(CoordinatorFactory())

    response = client.post(reverse("course_import"), {"file": upload(f"{PAGE_HEADER}\n{GOOD}\n")})

    assert "provider" in response.context["form"].errors
    assert not Course.objects.exists()


def test_the_import_form_refuses_files_over_one_megabyte(client, page_staff):
    big = io.BytesIO(b"x" * (1024 * 1024 + 1))
    response = client.post(
        reverse("course_import"), {"file": SimpleUploadedFile("big.csv", big.getvalue(), content_type="text/csv")}
    )

    assert "file" in response.context["form"].errors

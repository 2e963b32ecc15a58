"""Partner import: a partner's spreadsheet in any encoding and delimiter, errors by row and column, all or nothing."""

import csv
import io

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied

from accounts.models import Invitation, Role, User
from employers.models import Membership, Organisation, Vacancy
from imports.importers import csv_import
from mentoring.models import MentorProfile
from portal.models import CandidateProfile
from tests.factories import (
    AdminFactory,
    CandidateFactory,
    CoordinatorFactory,
    CourseProviderOrganisationFactory,
    EmployerStaffFactory,
    OrganisationFactory,
)
from tests.imports.conftest import STATEWIDE_CODES

pytestmark = pytest.mark.django_db

EXAMPLES = settings.BASE_DIR / "docs" / "examples"
EXAMPLE_FILES = {
    "organisations": "organisationen-beispiel.csv",
    "vacancies": "stellen-beispiel.csv",
    "candidates": "kandidierende-beispiel.csv",
    "mentors": "mentorinnen-beispiel.csv",
}
ROW_MODELS = {"organisations": Organisation, "vacancies": Vacancy, "candidates": User, "mentors": User}
EMPLOYERS = ["Tischlerei Meyer GmbH", "Pflegedienst Sonnenschein", "Spedition Nordweg", "Hotel am Schlossgarten"]


def example_rows(kind: str) -> list[list[str]]:
    text = (EXAMPLES / EXAMPLE_FILES[kind]).read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def csv_file(rows, *, delimiter=";", encoding="utf-8", bom=False) -> io.BytesIO:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return io.BytesIO((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding))


def changed(rows, row_number: int, **cells) -> list[list[str]]:
    """A copy of the rows with some cells of one row (spreadsheet numbering, header = 1) replaced."""
    rows = [list(row) for row in rows]
    for name, value in cells.items():
        rows[row_number - 1][rows[0].index(name.replace("_", " "))] = value
    return rows


@pytest.fixture
def coordinator():
    return CoordinatorFactory(region__codes=STATEWIDE_CODES)


@pytest.fixture
def employers():
    return [OrganisationFactory(name=name, locations=["30159"]) for name in EMPLOYERS]


def run(kind, file, by, *, dry_run=False):
    return csv_import(kind=kind, file=file, dry_run=dry_run, by=by)


def errors_of(result) -> list[tuple[int | None, str]]:
    return [(error.row, error.column) for error in result.errors]


# --- Every kind imports its documented example, in either spreadsheet style ---------------------------------


STYLES = [
    pytest.param({"delimiter": ";", "encoding": "utf-8", "bom": True}, ("UTF-8 (BOM)", ";"), id="utf8-bom-semicolon"),
    pytest.param({"delimiter": ",", "encoding": "cp1252"}, ("Windows-1252", ","), id="cp1252-comma"),
]


@pytest.mark.parametrize(("style", "detected"), STYLES)
def test_organisations_example_imports_as_organisations_without_staff(coordinator, style, detected):
    result = run("organisations", csv_file(example_rows("organisations"), **style), coordinator)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == detected
    assert Organisation.objects.count() == 5
    meyer = Organisation.objects.get(name="Tischlerei Meyer GmbH")
    assert (meyer.sector, meyer.size, meyer.locations) == ("crafts", "10-49", ["29439", "29451"])
    assert (meyer.is_employer, meyer.is_course_provider) == (True, False)
    assert meyer.about == "Familienbetrieb im Wendland; wir bilden seit 30 Jahren Tischlerinnen und Tischler aus."
    assert (meyer.contact_name, meyer.contact_email) == ("Frau Meyer", "tischlerei-meyer@example.org")
    assert Organisation.objects.get(name="Pflegedienst Sonnenschein").contact_name == "Herr Öztürk"
    school = Organisation.objects.get(name="Bildungswerk Leine e. V.")
    assert (school.is_employer, school.is_course_provider) == (True, True)
    assert not Membership.objects.exists()
    assert not User.objects.exclude(pk=coordinator.pk).exists()


@pytest.mark.parametrize(("style", "detected"), STYLES)
def test_vacancies_example_imports_for_existing_organisations(coordinator, employers, style, detected):
    result = run("vacancies", csv_file(example_rows("vacancies"), **style), coordinator)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == detected
    assert Vacancy.objects.count() == 5
    training = Vacancy.objects.get(title="Ausbildung zur Tischlerin / zum Tischler")
    assert training.organisation.name == "Tischlerei Meyer GmbH"
    assert (training.kind, training.occupation.kldb_code, training.status) == ("ausbildung", "22342", "published")
    assert (training.german_level_required, training.useful_languages) == ("B1", ["ar", "en"])
    assert (training.postal_code, training.hours_per_week, training.latitude is not None) == ("29439", 40, True)
    assert (training.support_language, training.support_mentor, training.support_housing) == (True, True, False)
    assert str(training.start_date) == "2030-08-01"
    assert training.created_by == coordinator
    care = Vacancy.objects.get(title="Pflegehilfskraft in der ambulanten Pflege")
    assert (care.occupation.kldb_code, care.status, care.shift_work) == ("81301", "draft", True)
    kitchen = Vacancy.objects.get(organisation__name="Hotel am Schlossgarten")
    assert (kitchen.kind, kitchen.occupation.kldb_code, kitchen.duration_weeks) == ("eq", "29302", 26)
    assert Vacancy.objects.get(kind="internship").duration_weeks == 6


@pytest.mark.parametrize(("style", "detected"), STYLES)
def test_candidates_example_imports_accounts_waiting_for_their_owners(coordinator, style, detected):
    result = run("candidates", csv_file(example_rows("candidates"), **style), coordinator)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == detected
    assert User.objects.filter(role=Role.CANDIDATE).count() == 5
    olena = User.objects.get(email="olena.kovalenko@example.org")
    assert (olena.first_name, olena.last_name, olena.preferred_language) == ("Olena", "Kovalenko", "uk")
    assert not olena.has_usable_password()
    assert EmailAddress.objects.get(user=olena).verified is False
    profile = olena.candidate_profile
    assert (profile.german_level, profile.german_certificate) == ("B1", "telc")
    assert [(entry.language, entry.level) for entry in profile.languages.all()] == [
        ("uk", "native"),
        ("ru", "C1"),
        ("en", "B2"),
    ]
    assert (profile.postal_code, profile.travel_radius_km, profile.transport) == ("29221", 40, "car")
    assert (profile.driving_licences, profile.looking_for, profile.hours_per_week) == (["B"], ["job"], 40)
    assert [(o.occupation.kldb_code, o.years_experience) for o in profile.occupations.all()] == [("81302", 6)]
    assert profile.visible_to_employers is False
    reza = CandidateProfile.objects.get(user__email="reza.ahmadi@example.org")
    assert reza.user.preferred_language == "fa"
    assert reza.looking_for == ["eq", "internship", "language_course"]
    assert [o.occupation.kldb_code for o in reza.occupations.all()] == ["22342"]
    yonas = CandidateProfile.objects.get(user__email="yonas.tesfay@example.org")
    assert (yonas.german_level, yonas.user.preferred_language, yonas.occupations.count()) == ("0", "en", 0)
    assert Invitation.objects.filter(invited_by=coordinator).count() == 5


@pytest.mark.parametrize(("style", "detected"), STYLES)
def test_mentors_example_imports_mentors_awaiting_approval(coordinator, style, detected):
    result = run("mentors", csv_file(example_rows("mentors"), **style), coordinator)

    assert result.ok, result.errors
    assert (result.encoding, result.delimiter) == detected
    assert MentorProfile.objects.count() == 4
    assert not MentorProfile.objects.approved().exists()
    ahmad = MentorProfile.objects.get(user__email="ahmad.karimi@example.org")
    assert (ahmad.user.role, ahmad.user.preferred_language, ahmad.user.has_usable_password()) == ("mentor", "fa", False)
    assert (ahmad.languages, ahmad.postal_code, ahmad.travel_radius_km, ahmad.capacity) == (
        ["de", "fa", "ps"],
        "38100",
        20,
        1,
    )
    assert (ahmad.helps_with, ahmad.availability) == (["job_search", "german_practice"], ["weekdays"])
    assert ahmad.latitude is not None
    sabine = MentorProfile.objects.get(user__email="sabine.krueger@example.org")
    assert sabine.user.last_name == "Krüger"
    assert (sabine.capacity, sabine.availability) == (2, ["evenings", "weekends"])
    assert sabine.about == "Pensionierte Personalerin; ich helfe gern bei Bewerbungen."


# --- Bad rows are reported by row and column, and nothing is imported ---------------------------------------


def test_duplicate_organisations_in_the_file_or_the_portal_are_bad_rows(coordinator):
    OrganisationFactory(name="Spedition Nordweg")
    rows = example_rows("organisations")
    rows = changed(rows, 6, Name="tischlerei  meyer gmbh")  # row 6 repeats row 2
    rows = changed(rows, 3, Standorte="30159, 99999")
    rows = changed(rows, 5, Arbeitgeber="vielleicht")

    result = run("organisations", csv_file(rows), coordinator)

    assert errors_of(result) == [(3, "Standorte"), (4, "Name"), (5, "Arbeitgeber"), (6, "Name")]
    messages = {error.row: error.message for error in result.errors}
    assert "99999" in messages[3]
    assert "Spedition Nordweg" in messages[4]
    assert "Zeile 2" in messages[6]
    assert Organisation.objects.count() == 1


def test_bad_vacancy_rows_name_row_column_and_reason(coordinator, employers):
    rows = example_rows("vacancies")
    rows = changed(rows, 2, Beruf="99999")
    rows = changed(rows, 3, Beginn="31.02.2030", PLZ="99999")
    rows = changed(rows, 4, Dauer_Wochen="")  # an internship needs a duration
    rows = changed(rows, 5, Organisation="Unbekannte GmbH")
    rows = changed(rows, 6, Deutschniveau="D7")

    result = run("vacancies", csv_file(rows), coordinator)

    assert errors_of(result) == [
        (2, "Beruf"),
        (3, "PLZ"),
        (3, "Beginn"),
        (4, "Dauer Wochen"),
        (5, "Organisation"),
        (6, "Deutschniveau"),
    ]
    messages = [error.message for error in result.errors]
    assert "KldB" in messages[0] and "99999" in messages[0]
    assert "99999" in messages[1]
    assert "31.02.2030" in messages[2]
    assert "Unbekannte GmbH" in messages[4]
    assert "D7" in messages[5]
    assert not Vacancy.objects.exists()


def test_a_vacancy_needs_an_organisation_that_employs_people(coordinator, employers):
    CourseProviderOrganisationFactory(name="Sprachschule Lüchow")
    rows = changed(example_rows("vacancies")[:2], 2, Organisation="Sprachschule Lüchow")

    result = run("vacancies", csv_file(rows), coordinator)

    assert errors_of(result) == [(2, "Organisation")]


def test_an_occupation_may_be_named_in_german_or_by_a_synonym(coordinator, employers):
    rows = changed(example_rows("vacancies")[:2], 2, Beruf="Schreinerin")

    run("vacancies", csv_file(rows), coordinator)

    assert Vacancy.objects.get().occupation.kldb_code == "22342"


def test_bad_candidate_rows_name_row_column_and_reason(coordinator):
    CandidateFactory(email="olena.kovalenko@example.org")
    rows = example_rows("candidates")
    rows = changed(rows, 2, Deutschniveau="D7")
    rows = changed(rows, 4, PLZ="99999", Frühester_Beginn="2030-13-01")
    rows = changed(rows, 5, Weitere_Sprachen="Klingonisch B1")
    rows = changed(rows, 6, **{"E-Mail": "AMINA.HADDAD@example.org"})

    result = run("candidates", csv_file(rows), coordinator)

    assert errors_of(result) == [
        (2, "Deutschniveau"),
        (3, "E-Mail"),
        (4, "PLZ"),
        (4, "Frühester Beginn"),
        (5, "Weitere Sprachen"),
        (6, "E-Mail"),
    ]
    messages = [error.message for error in result.errors]
    assert "D7" in messages[0]
    assert "E-Mail-Adresse" in messages[1]
    assert "99999" in messages[2]
    assert "2030-13-01" in messages[3]
    assert "Klingonisch" in messages[4]
    assert not User.objects.filter(role=Role.CANDIDATE).exclude(email="olena.kovalenko@example.org").exists()
    assert not Invitation.objects.exists()


def test_a_repeated_e_mail_address_in_the_file_names_the_first_row(coordinator):
    rows = example_rows("candidates")
    rows = changed(rows, 6, **{"E-Mail": "AMINA.HADDAD@example.org"})

    result = run("candidates", csv_file(rows), coordinator, dry_run=True)

    assert errors_of(result) == [(6, "E-Mail")]
    assert "Zeile 2" in result.errors[0].message


def test_rules_of_the_onboarding_apply_to_imported_candidates(coordinator):
    rows = example_rows("candidates")[:2]
    rows = changed(rows, 2, Mobilität="Auto", Führerschein="", Stunden_pro_Woche="60")

    result = run("candidates", csv_file(rows), coordinator)

    assert errors_of(result) == [(2, "Führerschein"), (2, "Stunden pro Woche")]
    assert not User.objects.filter(role=Role.CANDIDATE).exists()


def test_bad_mentor_rows_name_row_column_and_reason(coordinator):
    CandidateFactory(email="irina.schmidt@example.org")
    rows = example_rows("mentors")
    rows = changed(rows, 2, Sprachen="Deutsch, Klingonisch")
    rows = changed(rows, 3, Anzahl_Personen="20")
    rows = changed(rows, 5, PLZ="99999", Verfügbarkeit="nachts")

    result = run("mentors", csv_file(rows), coordinator)

    assert errors_of(result) == [
        (2, "Sprachen"),
        (3, "Anzahl Personen"),
        (4, "E-Mail"),
        (5, "PLZ"),
        (5, "Verfügbarkeit"),
    ]
    assert not MentorProfile.objects.exists()


@pytest.mark.parametrize("kind", list(EXAMPLE_FILES))
def test_one_bad_row_imports_nothing(request, coordinator, kind):
    if kind == "vacancies":
        request.getfixturevalue("employers")
    rows = example_rows(kind)
    rows = changed(rows, len(rows), PLZ="99999") if "PLZ" in rows[0] else changed(rows, len(rows), Standorte="99999")
    model = ROW_MODELS[kind]
    before = model.objects.count()

    result = run(kind, csv_file(rows, bom=True), coordinator)

    assert errors_of(result) == [(len(rows), "PLZ" if "PLZ" in rows[0] else "Standorte")]
    assert result.created == []
    assert model.objects.count() == before


def test_missing_and_unknown_columns_are_reported_in_the_header_row(coordinator):
    rows = example_rows("candidates")
    header = [name for name in rows[0] if name != "Deutschniveau"] + ["Lieblingsfarbe"]

    result = run("candidates", csv_file([header]), coordinator)

    assert sorted(errors_of(result)) == [(1, "Deutschniveau"), (1, "Lieblingsfarbe")]


def test_a_file_with_only_a_header_is_refused_as_a_whole(coordinator):
    result = run("mentors", csv_file(example_rows("mentors")[:1]), coordinator)

    assert errors_of(result) == [(None, "")]
    assert "keine Zeilen" in result.errors[0].message


# --- The check and the import -------------------------------------------------------------------------------


def test_a_dry_run_reports_what_the_import_would_and_saves_and_sends_nothing(
    coordinator, django_capture_on_commit_callbacks
):
    CandidateFactory(email="reza.ahmadi@example.org")
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        checked = run("candidates", csv_file(example_rows("candidates")), coordinator, dry_run=True)

    assert errors_of(checked) == [(4, "E-Mail")]  # found by the same service the import uses
    assert [row.row for row in checked.rows] == [2, 3, 4, 5, 6]
    assert (User.objects.count(), callbacks, mail.outbox) == (users_before, [], [])


def test_a_clean_dry_run_then_the_import_creates_every_row(coordinator):
    checked = run("mentors", csv_file(example_rows("mentors")), coordinator, dry_run=True)
    assert checked.ok and checked.created == [] and not MentorProfile.objects.exists()

    imported = run("mentors", csv_file(example_rows("mentors")), coordinator)

    assert imported.ok
    assert len(imported.created) == MentorProfile.objects.count() == 4


def test_invitations_go_out_after_commit_in_each_persons_language(coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run("candidates", csv_file(example_rows("candidates")), coordinator)
    assert mail.outbox == []  # nothing is sent inside the transaction

    for callback in callbacks:
        callback()

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == set(User.objects.filter(role=Role.CANDIDATE).values_list("email", flat=True))
    languages = {address: message.extra_headers["Content-Language"] for address, message in by_address.items()}
    assert languages == {
        "amina.haddad@example.org": "ar",
        "olena.kovalenko@example.org": "uk",
        "reza.ahmadi@example.org": "fa",
        "mehmet.demir@example.org": "tr",
        "yonas.tesfay@example.org": "en",
    }
    assert "/uk/coordinator/import/invitation/" in by_address["olena.kovalenko@example.org"].body
    assert "Olena" in by_address["olena.kovalenko@example.org"].body
    assert "Brücke" in by_address["olena.kovalenko@example.org"].subject
    assert by_address["olena.kovalenko@example.org"].subject != by_address["yonas.tesfay@example.org"].subject
    assert all(invitation.sent_at for invitation in Invitation.objects.all())


def test_a_retried_invitation_task_does_not_send_twice(coordinator, django_capture_on_commit_callbacks):
    from accounts.tasks import send_invitation

    with django_capture_on_commit_callbacks(execute=True):
        run("mentors", csv_file(example_rows("mentors")[:2]), coordinator)

    assert send_invitation(Invitation.objects.get().pk) is False
    assert [message.to for message in mail.outbox if "sabine.krueger@example.org" in message.to] == [
        ["sabine.krueger@example.org"]
    ]


def test_imported_candidates_are_not_visible_to_employers(client, coordinator):
    run("candidates", csv_file(example_rows("candidates")), coordinator)
    profile = CandidateProfile.objects.get(user__email="amina.haddad@example.org")
    client.force_login(EmployerStaffFactory())

    response = client.get(f"/de/employer/candidates/{profile.public_id}/")

    assert response.status_code == 404
    assert not CandidateProfile.objects.visible_to_employers().exists()


@pytest.mark.parametrize("factory", [CandidateFactory, EmployerStaffFactory])
def test_only_coordinators_and_admins_may_import(factory):
    with pytest.raises(PermissionDenied):
        run("organisations", csv_file(example_rows("organisations")), factory())

    assert not Organisation.objects.exclude(memberships__isnull=False).exists()


def test_admins_may_import(employers):
    result = run("vacancies", csv_file(example_rows("vacancies")), AdminFactory())

    assert result.ok, result.errors
    assert Vacancy.objects.count() == 5

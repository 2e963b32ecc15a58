"""Coordinators import for their own region and for organisations with a site there; admins everywhere
(issue 12, point 4). The region rule is the one the coordinator workspace uses (accounts.selectors)."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import User
from courses.models import Course
from employers.models import Organisation, Vacancy
from imports.importers import csv_import
from tests.factories import AdminFactory, CoordinatorFactory, CourseProviderOrganisationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

OSNABRUECK = ["49074", "49076"]


@pytest.fixture
def osnabrueck():
    return CoordinatorFactory(region__name="Osnabrück", region__codes=OSNABRUECK)


def csv_file(*lines: str) -> io.BytesIO:
    return io.BytesIO("\r\n".join(lines).encode("utf-8"))


VACANCY_HEADER = "Organisation;Angebotsart;Titel;Beschreibung;Beruf;PLZ;Stunden pro Woche;Status"


def vacancy_row(organisation: str, postal_code: str) -> str:
    return f"{organisation};Job;Tischler/in;Wir bauen Möbel.;22342;{postal_code};38;veröffentlicht"


def errors_of(result) -> set[tuple[int, str]]:
    return {(error.row, error.column) for error in result.errors}


def test_a_coordinator_cannot_import_a_published_vacancy_for_an_employer_of_another_region(osnabrueck):
    OrganisationFactory(name="Hannover Holz GmbH", locations=["30159"])

    result = csv_import(
        kind="vacancies",
        file=csv_file(VACANCY_HEADER, vacancy_row("Hannover Holz GmbH", "30159")),
        dry_run=False,
        by=osnabrueck,
    )

    assert errors_of(result) == {(2, "Organisation"), (2, "PLZ")}
    assert "Osnabrück" in result.errors[0].message
    assert not Vacancy.objects.exists()


def test_a_coordinator_imports_vacancies_of_employers_in_their_region(osnabrueck):
    OrganisationFactory(name="Osnabrücker Holz GmbH", locations=["49074", "30159"])

    result = csv_import(
        kind="vacancies",
        file=csv_file(VACANCY_HEADER, vacancy_row("Osnabrücker Holz GmbH", "49074")),
        dry_run=False,
        by=osnabrueck,
    )

    assert result.ok, result.errors
    assert Vacancy.objects.get().postal_code == "49074"


def test_a_site_of_the_employer_in_the_region_does_not_allow_a_workplace_outside_it(osnabrueck):
    OrganisationFactory(name="Osnabrücker Holz GmbH", locations=["49074", "30159"])

    result = csv_import(
        kind="vacancies",
        file=csv_file(VACANCY_HEADER, vacancy_row("Osnabrücker Holz GmbH", "30159")),
        dry_run=True,
        by=osnabrueck,
    )

    assert errors_of(result) == {(2, "PLZ")}


@pytest.mark.parametrize(
    ("kind", "header", "row"),
    [
        ("candidates", "Vorname;Nachname;E-Mail;Deutschniveau;PLZ", "Amina;Haddad;amina@example.org;A2;30159 Hannover"),
        (
            "mentors",
            "Vorname;Nachname;E-Mail;Sprachen;PLZ;Hilft bei",
            "Sabine;Krüger;sabine@example.org;Deutsch;30159;Jobsuche",
        ),
    ],
)
def test_a_coordinator_cannot_import_people_of_another_region(osnabrueck, kind, header, row):
    before = User.objects.count()

    result = csv_import(kind=kind, file=csv_file(header, row), dry_run=False, by=osnabrueck)

    assert errors_of(result) == {(2, "PLZ")}
    assert "30159" in result.errors[0].message
    assert User.objects.count() == before


def test_a_coordinator_imports_organisations_only_with_a_site_in_their_region(osnabrueck):
    file = csv_file(
        "Name;Standorte", "Hannover Holz GmbH;30159", "Ohne Ort GmbH;", "Osnabrück und Hannover;30159 49074"
    )

    result = csv_import(kind="organisations", file=file, dry_run=False, by=osnabrueck)

    assert errors_of(result) == {(2, "Standorte"), (3, "Standorte")}
    assert not Organisation.objects.exists()


def test_admins_import_everywhere():
    OrganisationFactory(name="Hannover Holz GmbH", locations=["30159"])

    result = csv_import(
        kind="vacancies",
        file=csv_file(VACANCY_HEADER, vacancy_row("Hannover Holz GmbH", "30159")),
        dry_run=False,
        by=AdminFactory(),
    )

    assert result.ok
    assert Vacancy.objects.count() == 1


# --- Course import -----------------------------------------------------------------------------------------

COURSE_HEADER = "Titel;Kursart;Niveau von;Niveau bis;Online;PLZ;Beginn;Ende;Zeitmodell;Plätze;Kosten"


def course_row(postal_code: str, delivery: str = "präsenz") -> str:
    return (
        f"Integrationskurs;Integrationskurs;A1;B1;{delivery};{postal_code};01.09.2030;28.02.2031;Teilzeit;16;gefördert"
    )


def test_a_coordinator_cannot_import_courses_for_a_provider_of_another_region(osnabrueck):
    provider = CourseProviderOrganisationFactory(locations=["30159"])

    with pytest.raises(PermissionDenied):
        csv_import(kind="courses", file=csv_file(COURSE_HEADER, course_row("49074")), dry_run=True, by=osnabrueck,
                   options={"provider": provider})  # fmt: skip
    assert not Course.objects.exists()


def test_a_coordinator_imports_courses_of_a_provider_in_their_region_that_meet_there(osnabrueck):
    provider = CourseProviderOrganisationFactory(locations=["49074"])
    file = csv_file(COURSE_HEADER, course_row("49074"), course_row("30159"), course_row("", delivery="online"))

    result = csv_import(kind="courses", file=file, dry_run=False, by=osnabrueck, options={"provider": provider})

    assert errors_of(result) == {(3, "PLZ")}
    assert not Course.objects.exists()


def test_the_course_import_page_offers_only_providers_of_the_region_and_refuses_others(client, osnabrueck):
    own = CourseProviderOrganisationFactory(name="VHS Osnabrück", locations=["49074"])
    other = CourseProviderOrganisationFactory(name="VHS Hannover", locations=["30159"])
    client.force_login(osnabrueck)

    page = client.get(reverse("course_import")).content.decode()
    refused = client.post(
        reverse("course_import"),
        {"provider": other.pk, "file": io.BytesIO(f"{COURSE_HEADER}\n{course_row('49074')}\n".encode())},
    )

    assert own.name in page and other.name not in page
    assert "provider" in refused.context["form"].errors
    assert not Course.objects.exists()

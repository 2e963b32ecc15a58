"""The partner import reads which driving licence and which recognition an offer needs, or refuses the row."""

import pytest
from django.utils import translation

from employers.models import Vacancy
from tests.factories import CoordinatorFactory, OrganisationFactory

from .conftest import STATEWIDE_CODES
from .test_csv_import import EMPLOYERS, changed, csv_file, errors_of, example_rows, run

pytestmark = pytest.mark.django_db

NURSE = "81302"  # Pflegefachmann/-frau, a regulated occupation of the catalogue


@pytest.fixture
def coordinator():
    return CoordinatorFactory(region__codes=STATEWIDE_CODES)


@pytest.fixture
def employers():
    return [OrganisationFactory(name=name, locations=["30159"]) for name in EMPLOYERS]


def one_offer(**cells) -> list[list[str]]:
    """The header and the example's warehouse internship, with some cells replaced."""
    rows = example_rows("vacancies")
    internship = next(number for number, row in enumerate(rows, start=1) if row[0] == "Spedition Nordweg")
    return changed([rows[0], rows[internship - 1]], 2, **cells)


def test_the_example_file_carries_licences_and_recognition(coordinator, employers):
    result = run("vacancies", csv_file(example_rows("vacancies")), coordinator)

    assert result.ok, result.errors
    care = Vacancy.objects.get(title="Pflegehilfskraft in der ambulanten Pflege")
    assert (care.driving_licences_required, care.recognition_required) == (["B"], False)
    assert Vacancy.objects.get(kind="internship").driving_licences_required == []


def test_licence_classes_are_read_and_stored_in_the_official_order(coordinator, employers):
    result = run("vacancies", csv_file(one_offer(Führerschein="ce; c")), coordinator)

    assert result.ok, result.errors
    assert Vacancy.objects.get().driving_licences_required == ["C", "CE"]


@pytest.mark.parametrize(("occupation", "cell", "expected"), [
    (NURSE, "", True),
    (NURSE, "nein", False),
    ("51311", "", False),
    ("51311", "ja", True),
])  # fmt: skip
def test_recognition_defaults_from_the_regulated_occupation_unless_the_cell_says_otherwise(
    coordinator, employers, occupation, cell, expected
):
    rows = one_offer(Angebotsart="Job", Beruf=occupation, **{"Anerkennung nötig": cell})

    result = run("vacancies", csv_file(rows), coordinator)

    assert result.ok, result.errors
    assert Vacancy.objects.get().recognition_required is expected


def test_an_internship_in_a_regulated_occupation_needs_no_recognition_by_default(coordinator, employers):
    result = run("vacancies", csv_file(one_offer(Beruf=NURSE)), coordinator)

    assert result.ok, result.errors
    assert Vacancy.objects.get().recognition_required is False


@pytest.mark.parametrize("language", ["de", "uk"])
def test_an_unknown_licence_class_is_named_by_row_and_column_in_the_readers_language(coordinator, employers, language):
    rows = [*one_offer(), *one_offer(Führerschein="B, Klasse3")[1:]]

    with translation.override(language):
        checked = run("vacancies", csv_file(rows), coordinator, dry_run=True)
        imported = run("vacancies", csv_file(rows), coordinator)
        expected = translation.gettext("“%(value)s” is not a driving-licence class. Allowed are: %(allowed)s.")

    for result in (checked, imported):
        assert errors_of(result) == [(3, "Führerschein")]
        before_value, after_value = expected.split("%(value)s")
        assert result.errors[0].message.startswith(before_value)
        assert after_value.split("%(allowed)s")[0] in result.errors[0].message
        assert "KLASSE3" in result.errors[0].message
    assert not Vacancy.objects.exists()


def test_a_recognition_cell_that_is_neither_yes_nor_no_is_refused(coordinator, employers):
    result = run("vacancies", csv_file(one_offer(**{"Anerkennung nötig": "vielleicht"})), coordinator)

    assert errors_of(result) == [(2, "Anerkennung nötig")]
    assert "vielleicht" in result.errors[0].message
    assert not Vacancy.objects.exists()

"""What the catalogue finds for a query is cached until the catalogue is loaded again; typos on PostgreSQL."""

import pytest
from django.db import connection
from django.utils import translation

from occupations.selectors import occupation_field_choices, occupation_ids_for_search, occupation_search
from occupations.services import occupation_catalogue_load

from .catalogue_data import field_entry, occupation_entry, write_catalogue

pytestmark = pytest.mark.django_db

TISCHLER = "22342"
only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm (typo tolerance) exists on PostgreSQL only"
)


def kldb_codes(results):
    return [occupation.kldb_code for occupation in results]


def test_a_repeated_search_reads_only_the_found_occupations(django_assert_num_queries):
    first = occupation_search(query="Tischler")

    with django_assert_num_queries(1):
        again = occupation_search(query="  TISCHLER ")
        [occupation.field.name() for occupation in again]

    assert kldb_codes(again) == kldb_codes(first)
    assert again[0].matched_term.text == first[0].matched_term.text


def test_the_vacancy_search_asks_the_database_nothing_once_a_query_is_cached(django_assert_num_queries):
    ids = occupation_ids_for_search(query="نجار")

    with django_assert_num_queries(0):
        assert occupation_ids_for_search(query="نجار") == ids
    assert ids and len(ids) <= 50


def test_loading_the_catalogue_again_replaces_what_was_cached(tmp_path, django_capture_on_commit_callbacks):
    field = field_entry("98")
    with django_capture_on_commit_callbacks(execute=True):
        occupation_catalogue_load(data_dir=write_catalogue(tmp_path / "one", [field], [
            occupation_entry("98111", names={"de": "Quxomacher/in"}),
        ]))  # fmt: skip
    assert kldb_codes(occupation_search(query="quxomacher")) == ["98111"]

    with django_capture_on_commit_callbacks(execute=True):
        occupation_catalogue_load(data_dir=write_catalogue(tmp_path / "two", [field], [
            occupation_entry("98111", names={"de": "Zarbelmacher/in"}),
            occupation_entry("98112", names={"de": "Quxomacher/in"}),
        ]))  # fmt: skip

    assert kldb_codes(occupation_search(query="quxomacher")) == ["98112"]


def test_the_field_choices_are_sorted_in_the_readers_language_and_cached(django_assert_num_queries):
    german = occupation_field_choices(language="de")
    with django_assert_num_queries(0):
        assert occupation_field_choices(language="de") == german
    with translation.override("uk"):
        ukrainian = occupation_field_choices()

    assert [pk for pk, _name in german] != [pk for pk, _name in ukrainian]
    assert sorted(pk for pk, _name in german) == sorted(pk for pk, _name in ukrainian)


@only_postgresql
@pytest.mark.parametrize("query", ["Tischlr", "Schreinr", "marangos", "столярь"])
def test_a_misspelt_occupation_still_finds_it(query):
    assert kldb_codes(occupation_search(query=query))[0] == TISCHLER


@only_postgresql
def test_typo_tolerance_is_only_the_fallback_when_nothing_contains_the_query():
    results = occupation_search(query="Maler")

    assert all("maler" in occupation.matched_term.normalised for occupation in results)


def test_the_embedded_database_finds_substrings_only():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite behaviour")
    assert occupation_search(query="Tischlr") == []
    assert kldb_codes(occupation_search(query="ischle"))[0] == TISCHLER

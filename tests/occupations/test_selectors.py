import pytest
from django.utils import translation

from occupations.models import Occupation, OccupationField
from occupations.normalise import normalise
from occupations.selectors import (
    occupation_catalogue_stats,
    occupation_field_list,
    occupation_grouped_choices,
    occupation_search,
)
from occupations.services import occupation_catalogue_load

from .catalogue_data import LANGUAGES, field_entry, occupation_entry, write_catalogue

pytestmark = pytest.mark.django_db

TISCHLER = "22342"


def kldb_codes(results):
    return [occupation.kldb_code for occupation in results]


@pytest.mark.parametrize(
    "query",
    [
        "نجار",
        "نجّار",
        "النجار",
        "столяр",
        "Столяр",
        "marangoz",
        "Marangoz",
        "Schreiner",
        "Schreinerin",
        "Tischlerin",
        "Tischler/in",
        "tischler",
        "درودگر",
        "نجاري",
    ],
)
def test_tischler_is_the_first_result_for_what_people_type_in_their_language(query):
    assert kldb_codes(occupation_search(query=query))[0] == TISCHLER


@pytest.mark.parametrize("query", ["carpenter", "тесляр", "نجاری", "joiner", "mobilyacı", "краснодеревник"])
def test_tischler_is_found_by_english_ukrainian_farsi_and_turkish_words(query):
    assert TISCHLER in kldb_codes(occupation_search(query=query))


def test_the_matched_term_tells_which_word_found_the_occupation():
    first = occupation_search(query="نجّار")[0]

    assert first.matched_term.text == "نجار"
    assert first.matched_term.language == "ar"
    assert first.matched_term.is_name


def test_every_word_of_a_query_must_occur_in_the_same_term():
    results = occupation_search(query="technischer zeichner")

    assert kldb_codes(results) == ["27212"]
    assert occupation_search(query="zeichner marangoz") == []


def test_farsi_with_arabic_letters_and_a_space_for_the_non_joiner_finds_the_plumber():
    # "لوله‌کش" is stored with Persian keheh and a zero-width non-joiner; people type Arabic kaf and a space.
    assert kldb_codes(occupation_search(query="لوله كش"))[0] == "34212"


def test_a_query_of_only_punctuation_finds_nothing():
    assert occupation_search(query=" / - ") == []


def test_each_occupation_appears_once_and_the_limit_holds():
    results = occupation_search(query="er", limit=7)

    assert len(results) == 7
    assert len(set(kldb_codes(results))) == 7


@pytest.fixture
def ranking_catalogue(tmp_path):
    """Five occupations matching "quxo" in different ways; their codes run against the expected order."""
    occupations = [
        occupation_entry("98101", names={"de": "Großquxo/in"}),  # inside a word
        occupation_entry("98102", names={"de": "Alte Quxoline"}),  # a later word begins with it
        occupation_entry("98103", names={"de": "Quxometer/in"}),  # the name begins with it
        occupation_entry("98104", synonyms={"de": ["Quxo"]}),  # a synonym is exactly it
        occupation_entry("98111", names={"de": "Quxo"}),  # the name is exactly it
    ]
    occupation_catalogue_load(data_dir=write_catalogue(tmp_path, [field_entry("98")], occupations))


def test_exact_matches_come_first_then_prefixes_then_substrings_names_before_synonyms(ranking_catalogue):
    assert kldb_codes(occupation_search(query="Quxo")) == ["98111", "98104", "98103", "98102", "98101"]


def test_the_number_of_queries_does_not_grow_with_the_number_of_results(django_assert_num_queries):
    with django_assert_num_queries(2):
        few = occupation_search(query="marangoz")
        [occupation.field.name() for occupation in few]
    with django_assert_num_queries(2):
        many = occupation_search(query="er", limit=50)
        [occupation.field.name() for occupation in many]

    assert len(few) < 5 < len(many)


def test_grouped_choices_are_in_the_readers_language_and_sorted_by_localised_names():
    groups = occupation_grouped_choices(language="uk")
    tischler = Occupation.objects.get(kldb_code=TISCHLER)

    wood = dict(groups)["Виробництво та обробка пластмас і деревини"]
    assert (tischler.pk, "Столяр") in wood
    assert [normalise(name) for name, _members in groups] == sorted(normalise(name) for name, _members in groups)
    for _field_name, members in groups:
        assert [normalise(name) for _pk, name in members] == sorted(normalise(name) for _pk, name in members)
    assert sum(len(members) for _name, members in groups) == Occupation.objects.count()


def test_grouped_choices_follow_the_active_language_and_can_be_restricted():
    only = Occupation.objects.filter(kldb_code__in=[TISCHLER, "24422"])

    with translation.override("ar"):
        groups = occupation_grouped_choices(occupations=only)

    assert [name for name, _members in groups] == sorted(
        (OccupationField.objects.get(code=code).name("ar") for code in ["22", "24"]), key=normalise
    )
    assert sorted(name for _field, members in groups for _pk, name in members) == sorted(["نجار", "لحام"])


def test_field_list_counts_occupations_and_sorts_by_localised_name():
    fields = occupation_field_list(language="ru")

    assert len(fields) == OccupationField.objects.count()
    assert [normalise(field.name("ru")) for field in fields] == sorted(normalise(field.name("ru")) for field in fields)
    wood = next(field for field in fields if field.code == "22")
    assert wood.occupation_count == Occupation.objects.filter(field__code="22").count()


def test_stats_count_occupations_fields_and_synonyms_per_language():
    stats = occupation_catalogue_stats()

    assert stats["occupations"] == Occupation.objects.count() >= 120
    assert stats["fields"] >= 20
    assert set(stats["synonyms"]) == set(LANGUAGES)
    assert all(count >= stats["occupations"] for count in stats["synonyms"].values())

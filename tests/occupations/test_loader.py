import json

import pytest
from django.core.management import CommandError, call_command

from occupations.catalogue import DATA_DIR, LANGUAGES, CatalogueError, catalogue_read
from occupations.models import Occupation, OccupationField, OccupationTerm
from occupations.services import occupation_catalogue_load

from .catalogue_data import field_entry, occupation_entry, write_catalogue

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_the_whole_shipped_catalogue():
    catalogue = catalogue_read()

    assert set(Occupation.objects.values_list("kldb_code", flat=True)) == set(catalogue.occupations)
    assert set(OccupationField.objects.values_list("code", flat=True)) == set(catalogue.fields)


def test_the_shipped_catalogue_has_at_least_120_occupations_in_20_fields():
    catalogue = catalogue_read()

    assert len(catalogue.occupations) >= 120
    assert len({entry["field"] for entry in catalogue.occupations.values()}) >= 20


def test_part_one_covers_twelve_fields_of_groups_11_to_34_with_65_occupations():
    data = json.loads((DATA_DIR / "catalogue_part1.json").read_text(encoding="utf-8"))

    fields = {entry["field"] for entry in data["occupations"]}
    assert len(data["occupations"]) >= 65
    assert len(fields) >= 12
    assert all("11" <= field <= "34" for field in fields)


def test_every_occupation_has_a_name_and_a_synonym_in_every_language():
    names = dict(Occupation.objects.values_list("kldb_code", "names"))
    synonym_languages = {}
    for kldb, language in OccupationTerm.objects.filter(is_name=False).values_list("occupation__kldb_code", "language"):
        synonym_languages.setdefault(kldb, set()).add(language)

    assert len(names) >= 120
    for kldb, occupation_names in names.items():
        assert all(occupation_names.get(language, "").strip() for language in LANGUAGES), kldb
        assert synonym_languages.get(kldb) == set(LANGUAGES), kldb


def test_tischler_is_in_part_one_with_the_synonyms_people_type():
    tischler = Occupation.objects.get(kldb_code="22342")

    assert tischler.isco_code == "7522"
    assert tischler.field.code == "22"
    assert tischler.name("de") == "Tischler/in"
    texts = set(tischler.terms.values_list("text", flat=True))
    assert {"نجار", "Столяр", "Marangoz", "Schreiner/in", "Tischlerin", "درودگر", "тесляр"} <= texts
    assert catalogue_read().occupations["22342"]["source"] == "catalogue_part1.json"


def test_loading_twice_changes_nothing():
    first = occupation_catalogue_load()
    occupations_before = sorted(Occupation.objects.values_list("pk", "kldb_code", "isco_code", "field_id"))
    terms_before = sorted(OccupationTerm.objects.values_list("occupation_id", "language", "normalised", "is_name"))

    second = occupation_catalogue_load()

    assert first == second
    assert second["created"] == 0
    assert sorted(Occupation.objects.values_list("pk", "kldb_code", "isco_code", "field_id")) == occupations_before
    assert (
        sorted(OccupationTerm.objects.values_list("occupation_id", "language", "normalised", "is_name")) == terms_before
    )


def test_reloading_replaces_the_terms_of_an_occupation_with_the_new_data(tmp_path):
    fields = [field_entry("98")]
    write_catalogue(tmp_path, fields, [occupation_entry("98102", synonyms={"de": ["Altwort"]})])
    occupation_catalogue_load(data_dir=tmp_path)

    write_catalogue(tmp_path, fields, [occupation_entry("98102", isco="7522", synonyms={"de": ["Neuwort/in"]})])
    counts = occupation_catalogue_load(data_dir=tmp_path)

    occupation = Occupation.objects.get(kldb_code="98102")
    german = set(occupation.terms.filter(language="de").values_list("text", "is_name"))
    # 7 names, 7 synonyms and the feminine "Neuwortin"; "Neuwort" normalises like "Neuwort/in".
    assert counts == {"fields": 1, "occupations": 1, "created": 0, "updated": 1, "terms": 15}
    assert occupation.isco_code == "7522"
    assert german == {("Testberuf 98102 de", True), ("Neuwort/in", False), ("Neuwortin", False)}


def test_a_synonym_spelled_like_the_name_is_stored_once_as_the_name(tmp_path):
    write_catalogue(
        tmp_path,
        [field_entry("98")],
        [occupation_entry("98102", names={"ar": "نجار"}, synonyms={"ar": ["نجّار", "نجار موبيليا"]})],
    )

    occupation_catalogue_load(data_dir=tmp_path)

    arabic = set(
        OccupationTerm.objects.filter(occupation__kldb_code="98102", language="ar").values_list("text", "is_name")
    )
    assert arabic == {("نجار", True), ("نجار موبيليا", False)}


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ({"names": {"de": "Nur Deutsch"}}, "occupation 98102: no name in language 'uk'"),
        ({"synonyms": {"de": ["x"]}}, "occupation 98102: no synonyms in language 'fa'"),
        ({"kldb": "9810"}, "'kldb' must be a 5-digit KldB 2010 code"),
        ({"kldb": "98105"}, "'kldb' must be a 5-digit KldB 2010 code ending in 1-4"),
        ({"isco": "75"}, "'isco' must be a 4-digit ISCO-08 code"),
        ({"field": "97"}, "KldB code 98102 does not begin with its field 97"),
    ],
)
def test_bad_data_is_rejected_with_a_clear_message_and_nothing_is_written(tmp_path, broken, message):
    good = occupation_entry("98112")
    bad = {**occupation_entry("98102"), **broken}
    write_catalogue(tmp_path, [field_entry("98"), field_entry("97")], [good, bad], name="broken.json")

    with pytest.raises(CatalogueError) as error:
        occupation_catalogue_load(data_dir=tmp_path)

    assert message in str(error.value)
    assert "broken.json" in str(error.value)
    assert not OccupationField.objects.filter(code__in=["97", "98"]).exists()
    assert not Occupation.objects.filter(kldb_code="98112").exists()


def test_an_occupation_in_an_undefined_field_is_rejected(tmp_path):
    write_catalogue(tmp_path, [field_entry("98")], [occupation_entry("97102")])

    with pytest.raises(CatalogueError, match="occupation 97102: field 97 is not defined"):
        occupation_catalogue_load(data_dir=tmp_path)


def test_a_code_or_german_name_used_twice_across_files_is_rejected(tmp_path):
    write_catalogue(tmp_path, [field_entry("98")], [occupation_entry("98102")], name="a.json")
    write_catalogue(
        tmp_path,
        [field_entry("98")],
        [occupation_entry("98102"), occupation_entry("98112", names={"de": "Testberuf 98102 de"})],
        name="b.json",
    )

    with pytest.raises(CatalogueError) as error:
        occupation_catalogue_load(data_dir=tmp_path)

    assert "b.json, occupation 98102: KldB code 98102 is used twice" in str(error.value)
    assert "b.json, occupation 98112: same German name as occupation 98102" in str(error.value)


def test_a_file_that_is_not_json_is_rejected(tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")

    with pytest.raises(CatalogueError, match="broken.json: cannot be read as UTF-8 JSON"):
        occupation_catalogue_load(data_dir=tmp_path)


def test_the_command_reloads_and_reports_the_counts(capsys):
    call_command("load_occupations")

    output = capsys.readouterr().out
    assert f"{Occupation.objects.count()} occupations" in output
    assert "0 new" in output


def test_the_command_fails_with_the_problems_listed(tmp_path):
    write_catalogue(tmp_path, [field_entry("98")], [occupation_entry("98102", isco="x")])

    with pytest.raises(CommandError, match="'isco' must be a 4-digit ISCO-08 code"):
        call_command("load_occupations", data_dir=tmp_path)

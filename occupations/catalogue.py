"""Reading, checking and writing the occupation catalogue shipped in occupations/data/*.json (see SCHEMA).

Works on model classes passed in, so the data migration can hand over its historical models and the
service (occupations.services.occupation_catalogue_load) the real ones. No model imports here.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalise import gender_forms, normalise

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("de", "en", "uk", "ar", "fa", "ru", "tr")

_KLDB = re.compile(r"^\d{4}[1-4]$")
_ISCO = re.compile(r"^\d{4}$")
_FIELD = re.compile(r"^\d{2}$")


class CatalogueError(ValueError):
    """The catalogue data is malformed; the message lists every problem with its file and entry."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("The occupation catalogue has errors:\n" + "\n".join(f"- {p}" for p in problems))


@dataclass
class Catalogue:
    fields: dict[str, dict] = field(default_factory=dict)  # code -> names
    occupations: dict[str, dict] = field(default_factory=dict)  # kldb -> entry


def _names_problems(where: str, names) -> list[str]:
    if not isinstance(names, dict):
        return [f"{where}: 'names' must be an object with one name per language"]
    problems = []
    for language in LANGUAGES:
        value = names.get(language)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: no name in language '{language}'")
    unknown = sorted(set(names) - set(LANGUAGES))
    if unknown:
        problems.append(f"{where}: names in unknown languages {unknown}")
    return problems


def _synonyms_problems(where: str, synonyms) -> list[str]:
    if not isinstance(synonyms, dict):
        return [f"{where}: 'synonyms' must be an object with a list per language"]
    problems = []
    for language in LANGUAGES:
        values = synonyms.get(language)
        if not isinstance(values, list) or not values:
            problems.append(f"{where}: no synonyms in language '{language}'")
        elif not all(isinstance(value, str) and normalise(value) for value in values):
            problems.append(f"{where}: an empty or non-text synonym in language '{language}'")
    unknown = sorted(set(synonyms) - set(LANGUAGES))
    if unknown:
        problems.append(f"{where}: synonyms in unknown languages {unknown}")
    return problems


def _occupation_problems(where: str, entry) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: each occupation must be an object"]
    kldb, isco, field_code = entry.get("kldb"), entry.get("isco"), entry.get("field")
    problems = []
    if not isinstance(kldb, str) or not _KLDB.match(kldb):
        problems.append(f"{where}: 'kldb' must be a 5-digit KldB 2010 code ending in 1-4, not {kldb!r}")
    if not isinstance(isco, str) or not _ISCO.match(isco):
        problems.append(f"{where}: 'isco' must be a 4-digit ISCO-08 code, not {isco!r}")
    if not isinstance(field_code, str) or not _FIELD.match(field_code):
        problems.append(f"{where}: 'field' must be a 2-digit KldB Berufshauptgruppe, not {field_code!r}")
    elif isinstance(kldb, str) and not kldb.startswith(field_code):
        problems.append(f"{where}: KldB code {kldb} does not begin with its field {field_code}")
    return problems + _names_problems(where, entry.get("names")) + _synonyms_problems(where, entry.get("synonyms"))


def catalogue_read(data_dir: Path | None = None) -> Catalogue:
    """Every *.json file of the folder, checked as a whole; raises CatalogueError listing all problems."""
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    paths = sorted(data_dir.glob("*.json"))
    if not paths:
        raise CatalogueError([f"no *.json files in {data_dir}"])
    catalogue, problems = Catalogue(), []
    german_names: dict[str, str] = {}
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{path.name}: cannot be read as UTF-8 JSON ({error})")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            problems.append(f"{path.name}: must be an object with the lists 'fields' and 'occupations'")
            continue
        if not isinstance(data.get("occupations"), list):
            problems.append(f"{path.name}: must be an object with the lists 'fields' and 'occupations'")
            continue
        for index, entry in enumerate(data["fields"]):
            code = entry.get("code") if isinstance(entry, dict) else None
            where = f"{path.name}, field {code or f'#{index + 1}'}"
            if not isinstance(code, str) or not _FIELD.match(code):
                problems.append(f"{where}: 'code' must be a 2-digit KldB Berufshauptgruppe, not {code!r}")
                continue
            field_problems = _names_problems(where, entry.get("names"))
            problems.extend(field_problems)
            if code in catalogue.fields and catalogue.fields[code] != entry.get("names"):
                problems.append(f"{where}: defined again with different names")
            elif not field_problems:
                catalogue.fields[code] = entry["names"]
        for index, entry in enumerate(data["occupations"]):
            kldb = entry.get("kldb") if isinstance(entry, dict) else None
            where = f"{path.name}, occupation {kldb or f'#{index + 1}'}"
            entry_problems = _occupation_problems(where, entry)
            problems.extend(entry_problems)
            if entry_problems:
                continue
            if kldb in catalogue.occupations:
                problems.append(f"{where}: KldB code {kldb} is used twice")
                continue
            german = normalise(entry["names"]["de"])
            if german in german_names:
                problems.append(f"{where}: same German name as occupation {german_names[german]}")
            german_names[german] = kldb
            catalogue.occupations[kldb] = {**entry, "source": path.name}
    for kldb, entry in catalogue.occupations.items():
        if entry["field"] not in catalogue.fields:
            problems.append(f"{entry['source']}, occupation {kldb}: field {entry['field']} is not defined")
    if problems:
        raise CatalogueError(problems)
    return catalogue


def occupation_terms(entry: dict) -> list[dict]:
    """Names first, then synonyms, in every language; German also in masculine and feminine spelling.

    One term per normalised text and language (the first wins, so a name is never demoted to a synonym).
    """
    terms, seen = [], set()

    def add(language: str, text: str, is_name: bool):
        normalised = normalise(text)[:200]
        if normalised and (language, normalised) not in seen:
            seen.add((language, normalised))
            terms.append(
                {"language": language, "text": text.strip()[:200], "normalised": normalised, "is_name": is_name}
            )

    for is_name, texts_by_language in ((True, {k: [v] for k, v in entry["names"].items()}), (False, entry["synonyms"])):
        for language in LANGUAGES:
            for text in texts_by_language[language]:
                add(language, text, is_name)
                if language == "de":
                    for variant in gender_forms(text):
                        add(language, variant, is_name)
    return terms


def catalogue_write(*, catalogue: Catalogue, field_model, occupation_model, term_model) -> dict:
    """Create or update every field and occupation by code and replace each occupation's search terms.

    Idempotent; occupations no longer in the data are kept (profiles and vacancies may point to them).
    Call inside a transaction.
    """
    fields = {}
    for code, names in catalogue.fields.items():
        fields[code], _ = field_model.objects.update_or_create(code=code, defaults={"names": names})
    created = updated = 0
    occupation_ids = []
    new_terms = []
    for kldb, entry in sorted(catalogue.occupations.items()):
        occupation, was_created = occupation_model.objects.update_or_create(
            kldb_code=kldb,
            defaults={"isco_code": entry["isco"], "field": fields[entry["field"]], "names": entry["names"]},
        )
        created += was_created
        updated += not was_created
        occupation_ids.append(occupation.pk)
        new_terms.extend(term_model(occupation=occupation, **term) for term in occupation_terms(entry))
    term_model.objects.filter(occupation_id__in=occupation_ids).delete()
    term_model.objects.bulk_create(new_terms, batch_size=500)
    return {
        "fields": len(fields),
        "occupations": len(occupation_ids),
        "created": created,
        "updated": updated,
        "terms": len(new_terms),
    }

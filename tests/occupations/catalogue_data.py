"""Small, valid catalogue files for loader and ranking tests (the shipped catalogue is loaded by the migration)."""

import json
from pathlib import Path

LANGUAGES = ("de", "en", "uk", "ar", "fa", "ru", "tr")


def field_entry(code: str, **names: str) -> dict:
    return {
        "code": code,
        "names": {language: names.get(language, f"Testfeld {code} {language}") for language in LANGUAGES},
    }


def occupation_entry(kldb: str, *, isco: str = "9329", names: dict | None = None, synonyms: dict | None = None) -> dict:
    """An occupation of field kldb[:2]; languages not given get a filler text unique to the code."""
    names, synonyms = names or {}, synonyms or {}
    return {
        "kldb": kldb,
        "isco": isco,
        "field": kldb[:2],
        "names": {language: names.get(language, f"Testberuf {kldb} {language}") for language in LANGUAGES},
        "synonyms": {language: synonyms.get(language, [f"Testwort {kldb} {language}"]) for language in LANGUAGES},
    }


def write_catalogue(folder: Path, fields: list[dict], occupations: list[dict], name: str = "catalogue.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"fields": fields, "occupations": occupations}, ensure_ascii=False), encoding="utf-8")
    return folder

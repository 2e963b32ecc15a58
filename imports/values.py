"""The German words partner spreadsheets use for languages, levels and offers, shared by the importers."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.vocabulary import SPOKEN_LANGUAGES, LanguageLevel, OfferKind
from mentoring.models import MENTOR_LANGUAGES
from occupations.models import Occupation
from places.validators import validate_postal_code

from .csv_tools import BadValueError, choice_parser, key, list_parser, lookup, parse_postal_code, split_list
from .selectors import occupation_by_code_or_german_name

LANGUAGE_WORDS = {
    "de": ["Deutsch"],
    "ar": ["Arabisch"],
    "fa": ["Dari/Farsi", "Farsi", "Dari", "Persisch"],
    "ps": ["Paschtu", "Paschto", "Pashto"],
    "ku": ["Kurdisch", "Kurmandschi", "Kurmanci", "Sorani"],
    "uk": ["Ukrainisch"],
    "ru": ["Russisch"],
    "tr": ["Türkisch", "Tuerkisch"],
    "en": ["Englisch"],
    "fr": ["Französisch", "Franzoesisch"],
    "ti": ["Tigrinya", "Tigrinisch"],
    "so": ["Somali", "Somalisch"],
    "ur": ["Urdu"],
    "sq": ["Albanisch"],
    "sr": ["Serbisch"],
    "ro": ["Rumänisch", "Rumaenisch"],
    "pl": ["Polnisch"],
    "es": ["Spanisch"],
    "am": ["Amharisch"],
    "hi": ["Hindi"],
    "other": ["andere Sprache", "andere", "sonstige Sprache"],
}
SPOKEN_CODES = [code for code, _name in SPOKEN_LANGUAGES]
MENTOR_CODES = [code for code, _name in MENTOR_LANGUAGES]
PORTAL_CODES = [code for code, _name in settings.LANGUAGES]

SPOKEN_LANGUAGE_VALUES = {code: LANGUAGE_WORDS[code] for code in SPOKEN_CODES}
MENTOR_LANGUAGE_VALUES = {code: LANGUAGE_WORDS[code] for code in MENTOR_CODES}
PORTAL_LANGUAGE_VALUES = {code: LANGUAGE_WORDS[code] for code in PORTAL_CODES}

LANGUAGE_LEVEL_VALUES = {
    **{level: [level] for level in LanguageLevel.values if level != LanguageLevel.NATIVE},
    LanguageLevel.NATIVE: ["Muttersprache", "Erstsprache", "M", "native"],
}
OFFER_VALUES = {
    OfferKind.JOB: ["Job", "Stelle", "Arbeitsstelle", "Arbeit", "Arbeitsplatz"],
    OfferKind.AUSBILDUNG: ["Ausbildung", "Ausbildungsplatz", "Lehre"],
    OfferKind.EQ: ["EQ", "Einstiegsqualifizierung"],
    OfferKind.INTERNSHIP: ["Praktikum"],
    OfferKind.HOSPITATION: ["Hospitation"],
    OfferKind.WORK_TRIAL: ["Arbeitserprobung", "Probearbeit"],
}
WISH_VALUES = {**OFFER_VALUES, OfferKind.LANGUAGE_COURSE: ["Sprachkurs", "Deutschkurs"]}

parse_portal_language = choice_parser(PORTAL_LANGUAGE_VALUES)
parse_spoken_languages = list_parser(SPOKEN_LANGUAGE_VALUES)
parse_mentor_languages = list_parser(MENTOR_LANGUAGE_VALUES)

_SPOKEN = lookup(SPOKEN_LANGUAGE_VALUES)
_LEVELS = lookup(LANGUAGE_LEVEL_VALUES)
_LANGUAGE_WITH_LEVEL = re.compile(r"(.+?)[\s:(]+([^\s:()]+)\)?")


def parse_languages_with_levels(text: str) -> list[tuple[str, str]]:
    """ "Arabisch Muttersprache, Englisch B1" (also "Arabisch (Muttersprache)", "Englisch: B1") as
    [("ar", "native"), ("en", "B1")]."""
    languages = []
    for item in split_list(text):
        match = _LANGUAGE_WITH_LEVEL.fullmatch(item)
        if match is None:
            raise BadValueError(
                _("Please give each language with its level, for example “Arabisch Muttersprache, Englisch B1”.")
            )
        name, level_text = match.groups()
        code = _SPOKEN.get(key(name))
        if code is None:
            raise BadValueError(
                _("“%(value)s” is not a language we know. Please write its German name, for example “Arabisch”.")
                % {"value": name}
            )
        level = _LEVELS.get(key(level_text))
        if level is None:
            raise BadValueError(
                _("“%(value)s” is not a language level. Allowed are A1, A2, B1, B2, C1, C2 or “Muttersprache”.")
                % {"value": level_text}
            )
        languages.append((code, level))
    return languages


def parse_occupation(text: str) -> Occupation:
    """An occupation of the catalogue by its five-digit KldB 2010 code or its German name (or a synonym)."""
    found = occupation_by_code_or_german_name(text=text)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise BadValueError(
            _("“%(value)s” fits several occupations: %(occupations)s. Please write the KldB code of the one you mean.")
            % {"value": text, "occupations": "; ".join(f"{o.kldb_code} {o.name('de')}" for o in found[:5])}
        )
    if re.fullmatch(r"\d{5}", text.strip()):
        raise BadValueError(
            _("There is no occupation with the KldB code %(code)s. Please check the five digits.") % {"code": text}
        )
    raise BadValueError(
        _(
            "“%(value)s” is not an occupation we know. Please write the five-digit KldB code or the German name, "
            "for example “Tischler/in”."
        )
        % {"value": text}
    )


def parse_known_postal_code(text: str) -> str:
    """A postal code (alone or in a place, "29439 Lüchow") that the portal knows, so a bad one is reported even
    when other cells of the row are bad too."""
    code = parse_postal_code(text)
    try:
        validate_postal_code(code)
    except ValidationError as error:
        raise BadValueError(error.messages[0]) from None
    return code


def parse_name(text: str) -> str:
    """Free text on one line, with repeated spaces reduced to one."""
    return " ".join(text.split())


def parse_email(text: str) -> str:
    return text.strip().lower()

"""From the Jobbörse's JSON (shaped as bundesAPI/jobsuche-api's openapi.yaml describes it) to what Brücke stores.

Pure functions without database access: the sync, the demo and the tests share them. What the API does not
say is estimated from what it says, and the estimate is the offer's, not a fact about it: hours per week from
"Vollzeit"/"Teilzeit"/"Minijob" unless the text names the hours, the duration of an internship or EQ from the
text or a typical length.
"""

import datetime
import re
from dataclasses import dataclass, field

from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, OfferKind
from occupations.normalise import normalise

# Search parameters: angebotsart (1 = Arbeit, 4 = Ausbildung/Duales Studium, 34 = Praktikum/Trainee) and
# arbeitszeit (vz = Vollzeit, tz = Teilzeit, snw = Schicht/Nacht/Wochenende, mj = Minijob).
OFFER_TYPES = (1, 4, 34)
WORKING_TIMES = ("vz", "tz", "snw", "mj")
FIXED_TERMS = (1, 2)  # befristet, unbefristet: splits a search with too many results

_OFFER_TYPE_OF_DETAILS = {"ARBEIT": 1, "AUSBILDUNG": 4, "PRAKTIKUM_TRAINEE": 34}

HOURS_FULL_TIME = 40
HOURS_PART_TIME = 20
HOURS_MINIJOB = 10
INTERNSHIP_WEEKS = 12
EQ_WEEKS = 26
MAX_TITLE = 160
MAX_DESCRIPTION = 6000

# Deutsch in the ad's language skills: Grundkenntnisse, erweiterte Kenntnisse, Expertenkenntnisse.
_GERMAN_LEVELS = {
    "GRUNDKENNTNISSE": GermanLevel.A2,
    "ERWEITERTE_KENNTNISSE": GermanLevel.B1,
    "EXPERTENKENNTNISSE": GermanLevel.C1,
    "MUTTERSPRACHE": GermanLevel.C2,
}
_LANGUAGE_CODES = {
    "englisch": "en", "arabisch": "ar", "persisch": "fa", "farsi": "fa", "dari": "fa", "paschtu": "ps",
    "kurdisch": "ku", "ukrainisch": "uk", "russisch": "ru", "turkisch": "tr", "franzosisch": "fr",
    "tigrinya": "ti", "somali": "so", "urdu": "ur", "albanisch": "sq", "serbisch": "sr", "rumanisch": "ro",
    "polnisch": "pl", "spanisch": "es", "amharisch": "am", "hindi": "hi",
}  # fmt: skip
_SPOKEN = {code for code, _name in SPOKEN_LANGUAGES}

_EQ = re.compile(r"\b(einstiegsqualifizierung|eq)\b", re.IGNORECASE)
_TRAINEE = re.compile(r"\btrainee", re.IGNORECASE)
_DURATION = re.compile(
    r"(?:dauer|für|fuer|von|laufzeit|zeitraum)?\s*(\d{1,2})(?:\s*(?:-|–|bis)\s*(\d{1,2}))?[\s-]*"
    r"(wochen|woche|wöchig|monate|monat|monatig|monatiges|monatigen)\b",
    re.IGNORECASE,
)
_HOURS = re.compile(
    r"(\d{1,2})(?:[,.]\d)?\s*(?:-|–|bis)?\s*(?:\d{1,2}(?:[,.]\d)?\s*)?"
    r"(?:wochenstunden|(?:std\.?|stunden)\s*(?:/|pro|je|in der|die|wöchentlich|woechentlich)\s*(?:woche)?)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_LEGAL_FORMS = frozenset(
    "gmbh mbh ggmbh ag kg ohg gbr ug haftungsbeschrankt ev e v co kgaa se eg inh inhaber und niederlassung "
    "filiale gemeinnutzige".split()
)


class MalformedAdError(ValueError):
    """An ad whose details lack what an offer needs, or contradict the schema."""


@dataclass(frozen=True)
class SearchItem:
    refnr: str
    modified: str
    occupation_text: str
    employer_name: str
    postal_code: str


@dataclass
class SearchPage:
    items: list[SearchItem]
    total: int
    malformed: int


@dataclass
class Ad:
    """An ad as Brücke will show it."""

    refnr: str
    title: str
    occupation_text: str
    employer_name: str
    kind: str
    description: str
    postal_code: str
    coordinates: tuple[float, float] | None
    hours_per_week: int
    shift_work: bool
    start_date: datetime.date | None
    duration_weeks: int | None
    fixed_term: bool | None
    german_level_required: str
    useful_languages: list[str] = field(default_factory=list)
    modified: str = ""


def _text(value) -> str:
    return _SPACES.sub(" ", value).strip() if isinstance(value, str) else ""


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def search_page(data: dict) -> SearchPage:
    """The ads of one search page; entries without a reference number are counted, not kept."""
    offers = data.get("stellenangebote") or []
    if not isinstance(offers, list):
        raise MalformedAdError("stellenangebote is not a list")
    items, malformed = [], 0
    for offer in offers:
        refnr = _text(offer.get("refnr")) if isinstance(offer, dict) else ""
        if not refnr or len(refnr) > 40:
            malformed += 1
            continue
        place = offer.get("arbeitsort") if isinstance(offer.get("arbeitsort"), dict) else {}
        items.append(
            SearchItem(
                refnr=refnr,
                modified=_text(offer.get("modifikationsTimestamp"))[:40],
                occupation_text=_text(offer.get("beruf"))[:200],
                employer_name=_text(offer.get("arbeitgeber"))[:300],
                postal_code=_text(place.get("plz"))[:5],
            )
        )
    return SearchPage(items=items, total=_int(data.get("maxErgebnisse")), malformed=malformed)


def _date(value) -> datetime.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as error:
        raise MalformedAdError(f"not a date: {value[:20]}") from error


def _weeks(text: str) -> int | None:
    """A duration named in the text ("3 Monate", "6-monatiges Praktikum", "8 Wochen"), in weeks."""
    match = _DURATION.search(text)
    if not match:
        return None
    number = int(match.group(2) or match.group(1))
    weeks = number if match.group(3).lower().startswith("woch") else round(number * 4.33)
    return weeks if 1 <= weeks <= 156 else None


def _hours(text: str) -> int | None:
    match = _HOURS.search(text)
    if not match:
        return None
    hours = int(match.group(1))
    return hours if 1 <= hours <= 48 else None


def kind_of(*, offer_type: int, title: str, description: str) -> tuple[str, int | None]:
    """The kind of offer and, for offers limited in time, their duration in weeks."""
    text = f"{title}\n{description}"
    if offer_type == 4:
        if _EQ.search(title):
            return OfferKind.EQ, _weeks(text) or EQ_WEEKS
        return OfferKind.AUSBILDUNG, None
    if offer_type == 34:
        if _TRAINEE.search(title):
            return OfferKind.JOB, None
        return OfferKind.INTERNSHIP, _weeks(text) or INTERNSHIP_WEEKS
    return OfferKind.JOB, None


def hours_of(*, models: list[str], description: str) -> tuple[int, bool]:
    """Hours per week (named in the text, else from the working-time model) and whether shifts are worked."""
    models = [str(model).upper() for model in models]
    shift_work = any(model.startswith("SCHICHT") or model == "SNW" for model in models)
    named = _hours(description)
    if named:
        return named, shift_work
    if any(model in ("VOLLZEIT", "VZ") for model in models):
        return HOURS_FULL_TIME, shift_work
    if any(model.startswith("TEILZEIT") or model == "TZ" for model in models):
        return HOURS_PART_TIME, shift_work
    if any(model in ("MINIJOB", "MJ") for model in models):
        return HOURS_MINIJOB, shift_work
    return HOURS_FULL_TIME, shift_work


def languages_of(skills) -> tuple[str, list[str]]:
    """The German level needed and the other useful languages, from the ad's language skills."""
    german, others = GermanLevel.NONE.value, []
    for skill in skills if isinstance(skills, list) else []:
        if not isinstance(skill, dict):
            continue
        name = normalise(_text(skill.get("bezeichnung")))
        if name == "deutsch":
            german = _GERMAN_LEVELS.get(_text(skill.get("auspraegung")).upper(), GermanLevel.A2).value
        elif _LANGUAGE_CODES.get(name) in _SPOKEN and _LANGUAGE_CODES[name] not in others:
            others.append(_LANGUAGE_CODES[name])
    return german, others


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def ad_from_details(
    details: dict, *, refnr: str, offer_type: int, working_times: list[str], today: datetime.date
) -> Ad:
    """The offer described by a JobDetails answer; `offer_type` and `working_times` come from the search that
    found it and stand in where the details are silent."""
    if not isinstance(details, dict):
        raise MalformedAdError("details are not an object")
    stated_refnr = _text(details.get("referenznummer") or details.get("refnr"))
    if stated_refnr and stated_refnr != refnr:
        raise MalformedAdError("the details belong to another reference number")
    title = _text(details.get("freieBezeichnung") or details.get("titel") or details.get("hauptberuf"))
    if not title:
        raise MalformedAdError("no title")
    places = details.get("arbeitsorte") if isinstance(details.get("arbeitsorte"), list) else []
    place = next((p for p in places if isinstance(p, dict)), {})
    postal_code = _text(place.get("plz"))
    coordinates = None
    point = place.get("koordinaten")
    if isinstance(point, dict) and all(isinstance(point.get(axis), int | float) for axis in ("lat", "lon")):
        coordinates = (float(point["lat"]), float(point["lon"]))
    if not postal_code and coordinates is None:
        raise MalformedAdError("no place of work")
    description = _text(details.get("stellenbeschreibung")) or title
    offer_type = _OFFER_TYPE_OF_DETAILS.get(_text(details.get("angebotsart")).upper(), offer_type)
    kind, duration = kind_of(offer_type=offer_type, title=title, description=description)
    models = details.get("arbeitszeitmodelle")
    models = models if isinstance(models, list) and models else list(working_times)
    hours, shift_work = hours_of(models=models, description=description)
    start = _date(details.get("eintrittsdatum"))
    fixed = _text(details.get("befristung")).upper()
    german, useful = languages_of(details.get("sprachkenntnisse"))
    return Ad(
        refnr=refnr,
        title=_shortened(title, MAX_TITLE),
        occupation_text=_text(details.get("hauptberuf") or details.get("beruf"))[:200],
        employer_name=_text(details.get("arbeitgeber"))[:300],
        kind=kind,
        description=_shortened(description, MAX_DESCRIPTION),
        postal_code=postal_code,
        coordinates=coordinates,
        hours_per_week=hours,
        shift_work=shift_work,
        start_date=start if start and start > today else None,
        duration_weeks=duration,
        fixed_term={"BEFRISTET": True, "UNBEFRISTET": False}.get(fixed),
        german_level_required=german,
        useful_languages=useful,
        modified=_text(details.get("modifikationsTimestamp"))[:40],
    )


def employer_key(name: str) -> str:
    """An employer's name without legal form, case or punctuation: "Lahe Logistik GmbH & Co. KG" → "lahe logistik"."""
    return " ".join(word for word in normalise(name).split() if word not in _LEGAL_FORMS)


def title_key(title: str) -> str:
    return normalise(title)

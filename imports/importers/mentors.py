from django.conf import settings
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import User
from mentoring.models import MENTOR_LANGUAGES, Availability, HelpTopic

from ..csv_tools import Column, list_parser, parse_whole_number
from ..services import mentor_import_create
from ..values import MENTOR_LANGUAGE_VALUES, parse_known_postal_code, parse_mentor_languages
from .base import Importer, described, require_in_region, several
from .candidates import PERSON_COLUMNS, PERSON_PARSERS

HELP_VALUES = {
    HelpTopic.JOB_SEARCH: ["Jobsuche", "Arbeitssuche", "Stellensuche"],
    HelpTopic.APPLICATIONS: ["Bewerbungen", "Bewerbung"],
    HelpTopic.PAPERWORK: ["Behörden", "Behoerden", "Papierkram", "Formulare", "Ämter"],
    HelpTopic.GERMAN_PRACTICE: ["Deutsch üben", "Deutsch", "Sprache"],
    HelpTopic.EVERYDAY_LIFE: ["Alltag", "Alltag und Familie", "Familie"],
}
AVAILABILITY_VALUES = {
    Availability.WEEKDAYS: ["werktags", "wochentags", "tagsüber"],
    Availability.EVENINGS: ["abends", "Abend"],
    Availability.WEEKENDS: ["Wochenende", "am Wochenende", "Wochenenden"],
}

COLUMNS = (
    *PERSON_COLUMNS,
    Column(
        "Sprachen", "languages", True, ("Gesprochene Sprachen", "Sprachkenntnisse"),
        help=several(gettext_lazy("The languages the mentor speaks, by their German name, for example "
                                  "“Deutsch, Arabisch”.")),
        values=described(MENTOR_LANGUAGE_VALUES, MENTOR_LANGUAGES),
    ),
    Column("PLZ", "postal_code", True, ("Postleitzahl", "Wohnort", "Ort/PLZ", "PLZ/Ort"),
           help=gettext_lazy("Where the mentor lives: a known German postal code; “30159 Hannover” is fine.")),
    Column("Umkreis km", "travel_radius_km", False, ("Umkreis", "Entfernung", "Radius"),
           help=gettext_lazy("How far the mentor goes, whole kilometres from 1 to 200 (empty = 15).")),
    Column("Anzahl Personen", "capacity", False, ("Kapazität", "Kapazitaet", "Anzahl"),
           help=gettext_lazy("How many people the mentor can accompany at the same time, 1 to 10 (empty = 1).")),
    Column(
        "Hilft bei", "helps_with", True, ("Themen", "Unterstützung bei"),
        help=several(gettext_lazy("What the mentor helps with, from the values below.")),
        values=described(HELP_VALUES, HelpTopic.choices),
    ),
    Column(
        "Verfügbarkeit", "availability", False, ("Verfuegbarkeit", "Zeiten", "Wann"),
        help=several(gettext_lazy("When the mentor has time, from the values below.")),
        values=described(AVAILABILITY_VALUES, Availability.choices),
    ),
    Column("Über mich", "about", False, ("Ueber mich", "Beschreibung"),
           help=gettext_lazy("Free text, at most 1000 characters.")),
)  # fmt: skip


def _create(fields: dict, by) -> User:
    return mentor_import_create(**fields, imported_by=by)


def _done(count: int) -> str:
    return ngettext(
        "%(count)s mentor was imported and receives an invitation by e-mail. Approve the profile before assigning "
        "anyone.",
        "%(count)s mentors were imported and receive an invitation by e-mail. Approve their profiles before "
        "assigning anyone.",
        count,
    ) % {"count": count}


MENTORS = Importer(
    kind="mentors",
    label=gettext_lazy("Mentors"),
    intro=gettext_lazy("Each row creates a mentor account with a profile that waits for a coordinator's approval. "
                       "The person receives an e-mail in their language to set a password."),
    columns=COLUMNS,
    parsers={
        **PERSON_PARSERS,
        "languages": parse_mentor_languages,
        "postal_code": parse_known_postal_code,
        "travel_radius_km": parse_whole_number,
        "capacity": parse_whole_number,
        "helps_with": list_parser(HELP_VALUES),
        "availability": list_parser(AVAILABILITY_VALUES),
    },
    defaults={"language": settings.LANGUAGE_CODE},
    create=_create,
    example="mentorinnen-beispiel.csv",
    done=_done,
    unique="email",
    preview=("first_name", "last_name", "email", "language", "languages", "postal_code"),
    in_region=require_in_region,
)  # fmt: skip

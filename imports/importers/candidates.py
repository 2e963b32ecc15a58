import re

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import User
from common.vocabulary import SPOKEN_LANGUAGES, OfferKind
from portal.models import GermanCertificate, Transport

from ..csv_tools import (
    Column,
    RowCheck,
    choice_parser,
    list_parser,
    parse_date,
    parse_german_level,
    parse_whole_number,
)
from ..services import candidate_import_create
from ..values import (
    PORTAL_LANGUAGE_VALUES,
    SPOKEN_LANGUAGE_VALUES,
    WISH_VALUES,
    parse_email,
    parse_known_postal_code,
    parse_languages_with_levels,
    parse_name,
    parse_occupation,
    parse_portal_language,
)
from .base import Importer, described, require_in_region, several

CERTIFICATE_VALUES = {
    GermanCertificate.DTZ: ["DTZ", "Deutsch-Test für Zuwanderer"],
    GermanCertificate.TELC: ["telc"],
    GermanCertificate.GOETHE: ["Goethe", "Goethe-Zertifikat", "Goethe-Institut"],
    GermanCertificate.OESD: ["ÖSD", "OESD"],
    GermanCertificate.TESTDAF: ["TestDaF"],
    GermanCertificate.OTHER: ["anderes", "anderes Zertifikat", "sonstiges"],
}
TRANSPORT_VALUES = {
    Transport.PUBLIC: ["ÖPNV", "Bus und Bahn", "öffentliche Verkehrsmittel", "öffentlich"],
    Transport.CAR: ["Auto", "eigenes Auto", "PKW"],
}
NO_LICENCE = {"kein", "keiner", "keine", "nein", "-"}


def parse_driving_licences(text: str) -> list[str]:
    """Classes such as "B, BE" (the service names any class it does not know); "keiner" means none."""
    if text.strip().lower() in NO_LICENCE:
        return []
    return list(dict.fromkeys(item.upper() for item in re.split(r"[\s,;/]+", text) if item))


PERSON_COLUMNS = (
    Column("Vorname", "first_name", True, ("Vornamen",), help=gettext_lazy("First name.")),
    Column("Nachname", "last_name", True, ("Familienname", "Nachnamen"), help=gettext_lazy("Last name.")),
    Column(
        "E-Mail", "email", True, ("Email", "Mail", "E-Mail-Adresse"),
        help=gettext_lazy("The person's own e-mail address; the invitation to set a password goes there. There "
                          "must be no account with this address yet."),
    ),
    Column(
        "Sprache", "language", False, ("Portalsprache", "Sprache der Einladung"),
        help=gettext_lazy("The language of the invitation e-mail and of the portal (empty = Deutsch)."),
        values=described(PORTAL_LANGUAGE_VALUES, settings.LANGUAGES),
    ),
)  # fmt: skip

COLUMNS = (
    *PERSON_COLUMNS,
    Column(
        "Deutschniveau", "german_level", True, ("Sprachniveau", "Deutsch", "Deutschkenntnisse"),
        help=gettext_lazy("A1, A2, B1, B2, C1, C2, or 0 for no German yet."),
    ),
    Column(
        "Deutschzertifikat", "german_certificate", False, ("Zertifikat", "Sprachzertifikat"),
        help=gettext_lazy("One of the values below (empty = no certificate)."),
        values=described(CERTIFICATE_VALUES, GermanCertificate.choices),
    ),
    Column(
        "Weitere Sprachen", "other_languages", False, ("Sprachen", "Sprachkenntnisse", "Fremdsprachen"),
        help=gettext_lazy("Other languages with their level, separated by commas, for example “Arabisch "
                          "Muttersprache, Englisch B1”. Levels: A1, A2, B1, B2, C1, C2 or Muttersprache."),
        values=described(SPOKEN_LANGUAGE_VALUES, SPOKEN_LANGUAGES),
    ),
    Column(
        "PLZ", "postal_code", True, ("Postleitzahl", "Wohnort", "Ort/PLZ", "PLZ/Ort"),
        help=gettext_lazy("Where the person lives: a known German postal code; “30159 Hannover” is fine."),
    ),
    Column("Umkreis km", "travel_radius_km", False, ("Umkreis", "Entfernung", "Radius"),
           help=gettext_lazy("How far the person can travel, whole kilometres from 1 to 200.")),
    Column(
        "Mobilität", "transport", False, ("Mobilitaet", "Verkehrsmittel"),
        help=gettext_lazy("One of the values below (empty = not stated)."),
        values=described(TRANSPORT_VALUES, Transport.choices),
    ),
    Column("Führerschein", "driving_licences", False, ("Fuehrerschein", "Führerscheinklassen"),
           help=gettext_lazy("Driving-licence classes separated by commas, for example “B, BE” (empty = none).")),
    Column(
        "Gesucht", "looking_for", False, ("Sucht", "Interesse", "Wünsche"),
        help=several(gettext_lazy("What the person looks for, from the values below.")),
        values=described(WISH_VALUES, OfferKind.choices),
    ),
    Column("Stunden pro Woche", "hours_per_week", False, ("Wochenstunden", "Stunden"),
           help=gettext_lazy("Whole number from 1 to 48.")),
    Column("Frühester Beginn", "earliest_start", False, ("Fruehester Beginn", "Verfügbar ab", "Beginn"),
           help=gettext_lazy("DD.MM.YYYY, from today up to two years ahead.")),
    Column(
        "Beruf", "occupation", False, ("Berufserfahrung als", "KldB"),
        help=gettext_lazy("An occupation the person has worked or trained in: the five-digit KldB 2010 code or the "
                          "German name, for example “Koch/Köchin”."),
    ),
    Column("Jahre Erfahrung", "years_experience", False, ("Berufserfahrung", "Berufsjahre", "Jahre Berufserfahrung"),
           help=gettext_lazy("Years of experience in this occupation, 0 to 50 (empty = 0).")),
)  # fmt: skip

PERSON_PARSERS = {
    "first_name": parse_name,
    "last_name": parse_name,
    "email": parse_email,
    "language": parse_portal_language,
}


def _check(check: RowCheck) -> None:
    if "years_experience" in check.fields and "occupation" not in check.fields and check.ok("occupation"):
        check.fail("years_experience", _("Please name the occupation in the column “Beruf” too."))


def _create(fields: dict, by) -> User:
    return candidate_import_create(**fields, imported_by=by)


def _done(count: int) -> str:
    return ngettext(
        "%(count)s candidate was imported and receives an invitation by e-mail.",
        "%(count)s candidates were imported and receive an invitation by e-mail.",
        count,
    ) % {"count": count}


CANDIDATES = Importer(
    kind="candidates",
    label=gettext_lazy("Candidates"),
    intro=gettext_lazy("Each row creates a candidate account with a profile. The person receives an e-mail in "
                       "their language to set a password. Employers do not see imported candidates: only the "
                       "candidates themselves can decide to become visible."),
    columns=COLUMNS,
    parsers={
        **PERSON_PARSERS,
        "german_level": parse_german_level,
        "german_certificate": choice_parser(CERTIFICATE_VALUES),
        "other_languages": parse_languages_with_levels,
        "postal_code": parse_known_postal_code,
        "travel_radius_km": parse_whole_number,
        "transport": choice_parser(TRANSPORT_VALUES),
        "driving_licences": parse_driving_licences,
        "looking_for": list_parser(WISH_VALUES),
        "hours_per_week": parse_whole_number,
        "earliest_start": parse_date,
        "occupation": parse_occupation,
        "years_experience": parse_whole_number,
    },
    defaults={"language": settings.LANGUAGE_CODE},
    create=_create,
    example="kandidierende-beispiel.csv",
    done=_done,
    unique="email",
    check=_check,
    preview=("first_name", "last_name", "email", "language", "german_level", "postal_code"),
    in_region=require_in_region,
)  # fmt: skip

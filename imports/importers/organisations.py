from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.selectors import user_coordinates_any_postal_code
from employers.models import CompanySize, Organisation, Sector

from ..csv_tools import Column, RowCheck, choice_parser, parse_postal_codes, parse_yes_no
from ..services import organisation_import_create
from ..values import parse_name
from .base import Importer, described, yes_no

SECTOR_VALUES = {
    Sector.CRAFTS: ["Handwerk"],
    Sector.CONSTRUCTION: ["Bau", "Baugewerbe", "Bauwirtschaft"],
    Sector.CARE: ["Pflege und Gesundheit", "Pflege", "Gesundheit", "Gesundheitswesen"],
    Sector.LOGISTICS: ["Logistik und Verkehr", "Logistik", "Transport", "Verkehr"],
    Sector.HOSPITALITY: ["Hotel und Gastronomie", "Gastronomie", "Hotel", "Hotellerie", "Gastgewerbe"],
    Sector.RETAIL: ["Handel", "Einzelhandel", "Großhandel"],
    Sector.INDUSTRY: ["Industrie und Produktion", "Industrie", "Produktion", "Fertigung"],
    Sector.FOOD: ["Lebensmittel", "Lebensmittelherstellung", "Lebensmittelproduktion", "Nahrungsmittel"],
    Sector.AGRICULTURE: ["Landwirtschaft und Gartenbau", "Landwirtschaft", "Gartenbau", "Garten- und Landschaftsbau"],
    Sector.CLEANING: ["Reinigung und Gebäudedienste", "Reinigung", "Gebäudereinigung", "Facility Management"],
    Sector.IT: ["IT und Kommunikation", "IT", "Informatik", "Kommunikation"],
    Sector.SOCIAL: ["Soziales und Bildung", "Soziales", "Bildung", "soziale Dienste"],
    Sector.PUBLIC: ["Öffentliche Verwaltung", "Verwaltung", "öffentlicher Dienst", "Behörde"],
    Sector.OTHER: ["Sonstiges", "andere Branche", "sonstige"],
}
SIZE_VALUES = {
    CompanySize.MICRO: ["1-9", "1–9", "bis 9", "Kleinstbetrieb"],
    CompanySize.SMALL: ["10-49", "10–49", "Kleinbetrieb"],
    CompanySize.MEDIUM: ["50-249", "50–249", "mittlerer Betrieb"],
    CompanySize.LARGE: ["250+", "250 und mehr", "ab 250", "Großbetrieb"],
}

COLUMNS = (
    Column(
        "Name", "name", True, ("Organisation", "Name der Organisation", "Firma", "Unternehmen", "Betrieb"),
        help=_("The organisation's name, at most 200 characters. No organisation of this name may exist yet."),
    ),
    Column(
        "Branche", "sector", False, ("Sektor", "Wirtschaftszweig"),
        help=_("One of the values below (empty = not stated)."), values=described(SECTOR_VALUES, Sector.choices),
    ),
    Column(
        "Größe", "size", False, ("Groesse", "Betriebsgröße", "Beschäftigte", "Mitarbeitende"),
        help=_("Number of employees, one of the values below (empty = not stated)."),
        values=described(SIZE_VALUES, CompanySize.choices),
    ),
    Column(
        "Standorte", "locations", False, ("Standort", "Postleitzahlen", "PLZ"),
        help=_("Postal codes of the places where people work, separated by commas or spaces, for example "
               "“30159, 29439”. Each must be a known German postal code."),
    ),
    Column(
        "Über uns", "about", False, ("Ueber uns", "Über die Organisation", "Beschreibung"),
        help=_("Free text, at most 2000 characters."),
    ),
    Column(
        "Kontakt", "contact_name", False, ("Ansprechperson", "Ansprechpartner", "Ansprechpartnerin"),
        help=_("Name of the contact person."),
    ),
    Column("E-Mail", "contact_email", False, ("Email", "Mail", "Kontakt E-Mail"),
           help=_("The contact's e-mail address.")),
    Column("Telefon", "contact_phone", False, ("Tel", "Telefonnummer"), help=_("Free text, at most 40 characters.")),
    Column(
        "Arbeitgeber", "is_employer", False, ("Stellt ein", "Beschäftigt Personal"),
        help=yes_no(_("The organisation employs people and offers vacancies."), default=True),
    ),
    Column(
        "Kursträger", "is_course_provider", False, ("Kurstraeger", "Bietet Kurse an", "Bildungsträger"),
        help=yes_no(_("The organisation offers courses.")),
    ),
)  # fmt: skip


def _in_region(check: RowCheck, by: User) -> None:
    """A coordinator imports organisations with at least one site in their region; they act for those."""
    if by.role != Role.COORDINATOR or not check.ok("locations"):
        return
    codes = check.fields.get("locations") or []
    if not user_coordinates_any_postal_code(user=by, postal_codes=codes):
        check.fail(
            "locations",
            gettext(
                "Please give at least one location in your region “%(region)s”. Coordinators import only "
                "organisations of their own region."
            )
            % {"region": by.region.name},
        )


def _create(fields: dict, by) -> Organisation:
    return organisation_import_create(**fields)


def _done(count: int) -> str:
    return ngettext("%(count)s organisation was imported.", "%(count)s organisations were imported.", count) % {
        "count": count
    }


ORGANISATIONS = Importer(
    kind="organisations",
    label=_("Organisations"),
    intro=_(
        "Each row creates an employer or course provider with its public profile. Staff accounts are not "
        "created; the organisation's people are invited later."
    ),
    columns=COLUMNS,
    parsers={
        "name": parse_name,
        "sector": choice_parser(SECTOR_VALUES),
        "size": choice_parser(SIZE_VALUES),
        "locations": parse_postal_codes,
        "is_employer": parse_yes_no,
        "is_course_provider": parse_yes_no,
    },
    defaults={"is_employer": True, "is_course_provider": False},
    create=_create,
    example="organisationen-beispiel.csv",
    done=_done,
    unique="name",
    preview=("name", "sector", "locations", "is_employer", "is_course_provider"),
    in_region=_in_region,
)

"""The course import: a provider's course list, imported for that provider as drafts or published at once.

German column headers and values (see docs/course-import.md). Every course meets the rules of the course form
(`course_errors`), checked on what could be read and reported against the file's columns.
"""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import Role, User
from courses.models import Cost, Course, CourseKind, CourseSubject, Delivery, Schedule
from courses.services import STAFF_ROLES, course_create, course_errors, course_may_manage
from employers.models import Organisation

from ..csv_tools import (
    Column,
    ParsedRow,
    RowCheck,
    choice_parser,
    parse_date,
    parse_german_level,
    parse_postal_code,
    parse_whole_number,
    parse_yes_no,
)
from .base import Importer, require_in_region

COLUMNS = (
    Column("Titel", "title", True, ("Kurstitel", "Kursname")),
    Column("Kursart", "kind", True, ("Art", "Kurstyp")),
    Column("Fachrichtung", "subject", False, ("Berufsfeld", "Branche")),
    Column("Niveau von", "level_from", True, ("Niveau ab", "Sprachniveau von", "von Niveau")),
    Column("Niveau bis", "level_to", True, ("Sprachniveau bis", "bis Niveau", "Zielniveau")),
    Column("Online", "delivery", False, ("Durchführung", "Format", "Unterrichtsform")),
    Column("PLZ", "postal_code", False, ("Ort/PLZ", "PLZ/Ort", "Postleitzahl", "Kursort")),
    Column("Beginn", "start_date", True, ("Start", "Startdatum", "Kursbeginn", "von")),
    Column("Ende", "end_date", True, ("Enddatum", "Kursende", "bis")),
    Column("Zeitmodell", "schedule", True, ("Unterrichtszeit", "Zeiten", "Kurszeiten")),
    Column("Kinderbetreuung", "childcare", False, ()),
    Column("Plätze", "seats_total", True, ("Platze", "Plaetze", "Teilnehmerplätze", "Anzahl Plätze")),
    Column("Warteliste", "waiting_list_open", False, ("Warteliste offen",)),
    Column("Kosten", "cost", True, ("Finanzierung", "Gebühr")),
    Column("Kontakt", "contact_name", False, ("Ansprechperson", "Ansprechpartner", "Ansprechpartnerin")),
    Column("E-Mail", "contact_email", False, ("Email", "Mail", "Kontakt E-Mail")),
    Column("Telefon", "contact_phone", False, ("Tel", "Telefonnummer")),
    Column("Beschreibung", "description", False, ("Kursbeschreibung", "Inhalt")),
)

KIND_VALUES = {
    CourseKind.INTEGRATION: ["Integrationskurs", "allgemeiner Integrationskurs", "IK"],
    CourseKind.LITERACY: ["Alphabetisierungskurs", "Alphakurs", "Integrationskurs mit Alphabetisierung"],
    CourseKind.WOMEN_PARENTS: [
        "Frauenintegrationskurs", "Elternintegrationskurs", "Frauen- und Elternintegrationskurs",
        "Frauenkurs", "Elternkurs", "Eltern- und Frauenintegrationskurs",
    ],
    CourseKind.JOB_BSK: ["Job-BSK", "Berufssprachkurs Job-BSK", "BSK"],
    CourseKind.AZUBI_BSK: ["Azubi-BSK", "Berufssprachkurs Azubi-BSK"],
    CourseKind.VOCATIONAL: ["Berufssprachkurs", "sonstiger Berufssprachkurs", "berufsbezogener Sprachkurs"],
    CourseKind.OTHER: ["Sonstiges", "sonstiger Kurs", "anderer Kurs", "Sprachkurs"],
}  # fmt: skip
SUBJECT_VALUES = {
    CourseSubject.GENERAL: ["allgemein", "keine", "ohne"],
    CourseSubject.CARE: ["Pflege", "Gesundheit", "Pflege und Gesundheit", "Medizin"],
    CourseSubject.CRAFTS: ["Handwerk", "Bau", "Handwerk und Bau"],
    CourseSubject.INDUSTRY: ["Industrie", "Technik", "Metall", "Elektro", "Industrie und Technik"],
    CourseSubject.COMMERCE: ["Handel", "Büro", "kaufmännisch", "Verkauf", "Handel und Büro"],
    CourseSubject.HOSPITALITY: ["Gastronomie", "Hotel", "Gastgewerbe", "Hotel und Gastronomie", "Lebensmittel"],
    CourseSubject.LOGISTICS: ["Logistik", "Lager", "Verkehr", "Transport"],
    CourseSubject.IT: ["IT", "Informatik"],
    CourseSubject.EDUCATION: ["Erziehung", "Soziales", "Pädagogik", "Erziehung und Soziales"],
    CourseSubject.AGRICULTURE: ["Landwirtschaft", "Garten", "Gartenbau", "Landwirtschaft und Garten"],
}  # fmt: skip
DELIVERY_VALUES = {
    Delivery.IN_PERSON: ["präsenz", "praesenz", "Präsenzkurs", "vor Ort", "nein"],
    Delivery.ONLINE: ["online", "Onlinekurs", "ja"],
    Delivery.HYBRID: ["hybrid", "Präsenz und online", "teilweise"],
}
SCHEDULE_VALUES = {
    Schedule.FULL_TIME: ["Vollzeit", "ganztags", "Intensivkurs"],
    Schedule.PART_TIME: ["Teilzeit", "halbtags", "vormittags", "nachmittags"],
    Schedule.EVENINGS: ["abends", "Abendkurs", "Abend"],
    Schedule.WEEKENDS: ["Wochenende", "am Wochenende", "Wochenendkurs", "samstags"],
}
COST_VALUES = {
    Cost.FREE: ["kostenlos", "kostenfrei", "gratis", "frei"],
    Cost.FUNDED: ["gefördert", "gefoerdert", "BAMF-gefördert", "Förderung", "Bildungsgutschein"],
    Cost.PAID: ["kostenpflichtig", "Selbstzahler", "selbst zahlen"],
}


PARSERS = {
    "kind": choice_parser(KIND_VALUES),
    "subject": choice_parser(SUBJECT_VALUES),
    "level_from": parse_german_level,
    "level_to": parse_german_level,
    "delivery": choice_parser(DELIVERY_VALUES),
    "postal_code": parse_postal_code,
    "start_date": parse_date,
    "end_date": parse_date,
    "schedule": choice_parser(SCHEDULE_VALUES),
    "childcare": parse_yes_no,
    "seats_total": parse_whole_number,
    "waiting_list_open": parse_yes_no,
    "cost": choice_parser(COST_VALUES),
}
DEFAULTS = {
    "delivery": Delivery.IN_PERSON,
    "childcare": False,
    "subject": CourseSubject.GENERAL,
    "waiting_list_open": True,
}


def _check(check: RowCheck) -> None:
    fields = check.fields
    if check.ok("end_date") and fields.get("end_date") and fields["end_date"] < date.today():
        check.fail("end_date", _("This course has already ended."))
    for field_name, messages in course_errors(Course(**fields)).items():
        if not check.ok(field_name) or field_name not in check.columns:
            continue
        for message in messages:
            check.fail(field_name, message)


def _permits(by: User, *, provider: Organisation, publish: bool = False) -> bool:
    return course_may_manage(user=by, provider=provider)


def _create(fields: dict, by: User, *, provider: Organisation, publish: bool = False) -> Course:
    return course_create(provider=provider, created_by=by, publish=publish, **fields)


def _done(count: int, *, provider: Organisation, publish: bool = False) -> str:
    return ngettext(
        "%(count)s course was imported for %(provider)s.", "%(count)s courses were imported for %(provider)s.", count
    ) % {"count": count, "provider": provider.name}


def _preview_row(importer: Importer, row: ParsedRow) -> dict:
    """A checked course as the course pages show it: its kind, level and place in the reader's language."""
    return {"row": row.row, "course": Course(**row.fields)}


COURSES = Importer(
    kind="courses",
    label=gettext_lazy("Courses"),
    intro=gettext_lazy(
        "Save your course list from Excel or LibreOffice as CSV. We check every row first and show you what is "
        "wrong; the courses are only saved when the whole file is correct."
    ),
    columns=COLUMNS,
    parsers=PARSERS,
    defaults=DEFAULTS,
    create=_create,
    example="kurse-beispiel.csv",
    done=_done,
    check=_check,
    in_region=require_in_region,
    roles=(*STAFF_ROLES, Role.COORDINATOR),
    permits=_permits,
    no_rows_message=gettext_lazy("The file has a header but no courses."),
    too_many_message=gettext_lazy("The file has more than %(max)s courses. Please split it."),
    preview_row=_preview_row,
)

"""Bulk upload of courses from a CSV file as German spreadsheet programs write it.

Accepts semicolons or commas, UTF-8 with or without byte order mark, or Windows-1252; German column
headers and values (see docs/course-import.md). Every row is checked first and each problem is named
by row and column; the import itself is one transaction, so a file with one bad row imports nothing.
"""

from datetime import date

from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.selectors import user_coordinates_postal_code
from employers.models import Organisation
from portal.csv_tools import (
    FIRST_ROW,
    MAX_FILE_BYTES,
    BadValueError,
    Column,
    ImportResult,
    RowError,
    choice_parser,
    columns_by_key,
    decode,
    detect_delimiter,
    import_all_or_nothing,
    parse_date,
    parse_german_level,
    parse_postal_code,
    parse_whole_number,
    parse_yes_no,
    read_cells,
    read_table,
)
from portal.csv_tools import ParsedRow as CourseRow

from .models import Cost, Course, CourseKind, CourseSubject, Delivery, Schedule
from .services import _ensure_may_manage, course_create, course_errors

__all__ = [
    "COLUMNS", "FIRST_ROW", "MAX_FILE_BYTES", "MAX_ROWS", "BadValueError", "Column", "CourseRow", "ImportResult",
    "RowError", "course_csv_import", "course_csv_parse", "decode", "detect_delimiter",
]  # fmt: skip

MAX_ROWS = 1000

COLUMNS = [
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
]
COLUMN_BY_KEY = columns_by_key(COLUMNS)
COLUMN_BY_FIELD = {column.field: column for column in COLUMNS}

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


def _column_name(field_name: str) -> str:
    column = COLUMN_BY_FIELD.get(field_name)
    return column.name if column else ""


def _parse_row(number: int, cells: list[str], table, result: ImportResult, by: User | None) -> CourseRow | None:
    """The course fields of one row, or None after reporting each problem with its row and column."""
    check = read_cells(number, cells, table, result, columns=COLUMN_BY_FIELD, parsers=PARSERS)
    fields = check.fields
    code = fields.get("postal_code")
    if (
        by is not None
        and by.role == Role.COORDINATOR
        and code
        and not user_coordinates_postal_code(user=by, postal_code=code)
    ):
        check.fail(
            "postal_code",
            _("%(code)s is not in your region “%(region)s”. Coordinators import only for their own region.")
            % {"code": code, "region": by.region.name},
        )
    for name, value in DEFAULTS.items():
        fields.setdefault(name, value)
    if check.ok("end_date") and fields.get("end_date") and fields["end_date"] < date.today():
        check.fail("end_date", _("This course has already ended."))

    # The rules every course meets, checked on what could be read and reported against the file's columns.
    for field_name, messages in course_errors(Course(**fields)).items():
        if not check.ok(field_name) or field_name not in COLUMN_BY_FIELD:
            continue
        for message in messages:
            check.fail(field_name, message)
    return check.row()


def course_csv_parse(*, file, by: User | None = None) -> ImportResult:
    """Read and check every row without saving anything; a coordinator's courses must meet in their region."""
    result = ImportResult(dry_run=True)
    table = read_table(
        file,
        result,
        columns=COLUMNS,
        by_key=COLUMN_BY_KEY,
        max_rows=MAX_ROWS,
        no_rows_message=_("The file has a header but no courses."),
        too_many_message=_("The file has more than %(max)s courses. Please split it.") % {"max": MAX_ROWS},
    )
    if table is None:
        return result
    for number, cells in table.body:
        row = _parse_row(number, cells, table, result, by)
        if row is not None:
            result.rows.append(row)
    return result


def course_csv_import(
    *, provider: Organisation, file, dry_run: bool, created_by: User, publish: bool = False
) -> ImportResult:
    """Check the file and, unless it is a dry run, create all its courses in one transaction or none at all."""
    _ensure_may_manage(created_by, provider)
    result = course_csv_parse(file=file, by=created_by)
    result.dry_run = dry_run
    if dry_run or not result.ok:
        return result
    import_all_or_nothing(
        result,
        create=lambda row: course_create(provider=provider, created_by=created_by, publish=publish, **row.fields),
        column_name=_column_name,
    )
    return result

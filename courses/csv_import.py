"""Bulk upload of courses from a CSV file as German spreadsheet programs write it.

Accepts semicolons or commas, UTF-8 with or without byte order mark, or Windows-1252; German column
headers and values (see docs/course-import.md). Every row is checked first and each problem is named
by row and column; the import itself is one transaction, so a file with one bad row imports nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from employers.models import Organisation
from portal.vocabulary import GermanLevel

from .models import Cost, Course, CourseKind, Delivery, Schedule
from .services import _ensure_may_manage, course_create, course_errors

MAX_FILE_BYTES = 1024 * 1024
MAX_ROWS = 1000
FIRST_ROW = 1  # Rows are numbered as a spreadsheet shows them: the header is row 1, the first course row 2.


def _key(text: str) -> str:
    """Compare headers and values without case, spaces, hyphens or dots: "Job-BSK" = "jobbsk"."""
    return re.sub(r"[\s\-_.()/]+", "", (text or "").strip().lower())


@dataclass(frozen=True)
class Column:
    name: str  # the header as documented
    field: str  # the course field it fills
    required: bool
    aliases: tuple[str, ...] = ()


COLUMNS = [
    Column("Titel", "title", True, ("Kurstitel", "Kursname")),
    Column("Kursart", "kind", True, ("Art", "Kurstyp")),
    Column("Niveau von", "level_from", True, ("Niveau ab", "Sprachniveau von", "von Niveau")),
    Column("Niveau bis", "level_to", True, ("Sprachniveau bis", "bis Niveau", "Zielniveau")),
    Column("Online", "delivery", False, ("Durchführung", "Format", "Unterrichtsform")),
    Column("PLZ", "postal_code", False, ("Ort/PLZ", "PLZ/Ort", "Postleitzahl", "Kursort")),
    Column("Beginn", "start_date", True, ("Start", "Startdatum", "Kursbeginn", "von")),
    Column("Ende", "end_date", True, ("Enddatum", "Kursende", "bis")),
    Column("Zeitmodell", "schedule", True, ("Unterrichtszeit", "Zeiten", "Kurszeiten")),
    Column("Kinderbetreuung", "childcare", False, ()),
    Column("Plätze", "seats_total", True, ("Platze", "Plaetze", "Teilnehmerplätze", "Anzahl Plätze")),
    Column("Kosten", "cost", True, ("Finanzierung", "Gebühr")),
    Column("Kontakt", "contact_name", False, ("Ansprechperson", "Ansprechpartner", "Ansprechpartnerin")),
    Column("E-Mail", "contact_email", False, ("Email", "Mail", "Kontakt E-Mail")),
    Column("Telefon", "contact_phone", False, ("Tel", "Telefonnummer")),
    Column("Beschreibung", "description", False, ("Kursbeschreibung", "Inhalt")),
]
COLUMN_BY_KEY = {_key(alias): column for column in COLUMNS for alias in (column.name, *column.aliases)}
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
YES_VALUES = {_key(v) for v in ["ja", "j", "x", "1", "yes", "wahr", "true"]}
NO_VALUES = {_key(v) for v in ["nein", "n", "0", "no", "falsch", "false", ""]}
LEVEL_VALUES = {**{_key(level): level for level in GermanLevel.values}, "a0": "0", "ohne": "0", "keine": "0"}


def _lookup(table: dict) -> dict[str, str]:
    return {_key(text): value for value, texts in table.items() for text in (*texts, value)}


KINDS, DELIVERIES, SCHEDULES, COSTS = map(_lookup, (KIND_VALUES, DELIVERY_VALUES, SCHEDULE_VALUES, COST_VALUES))


@dataclass
class RowError:
    row: int | None  # None for the file as a whole (unreadable, empty)
    column: str
    message: str


@dataclass
class CourseRow:
    row: int
    fields: dict


@dataclass
class ImportResult:
    dry_run: bool
    encoding: str = ""
    delimiter: str = ""
    rows: list[CourseRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: list[Course] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors if error.row})

    def add(self, row: int | None, column: str, message: str) -> None:
        self.errors.append(RowError(row=row, column=column, message=str(message)))


# --- Reading the file --------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), otherwise Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 (BOM)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "Windows-1252"


def detect_delimiter(text: str) -> str:
    """Semicolon (what German Excel writes) or comma, judged by the header line."""
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=";,").delimiter
    except csv.Error:
        return ";" if header.count(";") >= header.count(",") else ","


def _read(file, result: ImportResult) -> list[list[str]] | None:
    data = file.read(MAX_FILE_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        result.add(None, "", _("The file is larger than 1 MB. Please split it into several files."))
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        result.add(None, "", _("The file is saved as UTF-16. Please save it as CSV in UTF-8 or Windows-1252."))
        return None
    try:
        text, result.encoding = decode(data)
    except UnicodeDecodeError:
        result.add(None, "", _("The file cannot be read. Please save it as CSV in UTF-8 or Windows-1252."))
        return None
    if not text.strip():
        result.add(None, "", _("The file is empty."))
        return None
    result.delimiter = detect_delimiter(text)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter))
    except csv.Error:
        result.add(None, "", _("The file is not a valid CSV file."))
        return None


def _header(cells: list[str], number: int, result: ImportResult) -> list[Column | None]:
    """The column each cell of a row belongs to (None for an empty header cell)."""
    columns: list[Column | None] = []
    seen: set[str] = set()
    for cell in cells:
        name = cell.strip()
        column = COLUMN_BY_KEY.get(_key(name)) if name else None
        if name and column is None:
            result.add(number, name, _("Unknown column. Please use the column names from the instructions."))
        elif column is not None and column.field in seen:
            result.add(number, name, _("This column appears twice."))
            column = None
        elif column is not None:
            seen.add(column.field)
        columns.append(column)
    for column in COLUMNS:
        if column.required and column.field not in seen:
            result.add(number, column.name, _("This column is missing."))
    return columns


# --- Reading the values ------------------------------------------------------------------------------------


class _BadValueError(Exception):
    """A cell whose text cannot be read; the message says why."""


def _choice(table: dict[str, str], allowed: dict) -> callable:
    def parse(text: str):
        value = table.get(_key(text))
        if value is None:
            examples = ", ".join(f"„{texts[0]}“" for texts in allowed.values())
            raise _BadValueError(
                _("“%(value)s” is not known. Allowed are: %(allowed)s.") % {"value": text, "allowed": examples}
            )
        return value

    return parse


def _level(text: str) -> str:
    value = LEVEL_VALUES.get(_key(text))
    if value is None:
        raise _BadValueError(
            _("“%(value)s” is not a German level. Allowed are A1, A2, B1, B2, C1, C2 (or 0 for no German yet).")
            % {"value": text}
        )
    return value


def _date(text: str) -> date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise _BadValueError(
        _("“%(value)s” is not a date. Please write it as DD.MM.YYYY, for example 01.09.2026.") % {"value": text}
    )


def _seats(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise _BadValueError(
            _("“%(value)s” is not a whole number. Please write digits, for example 12.") % {"value": text}
        )
    return int(text)


def _yes_no(text: str) -> bool:
    key = _key(text)
    if key in YES_VALUES:
        return True
    if key in NO_VALUES:
        return False
    raise _BadValueError(_("“%(value)s” is neither “ja” nor “nein”.") % {"value": text})


def _postal_code(text: str) -> str:
    """A postal code alone or in a place such as "29439 Lüchow"."""
    match = re.search(r"\b(\d{5})\b", text)
    if match is None:
        raise _BadValueError(_("“%(value)s” contains no five-digit postal code.") % {"value": text})
    return match.group(1)


PARSERS = {
    "kind": _choice(KINDS, KIND_VALUES),
    "level_from": _level,
    "level_to": _level,
    "delivery": _choice(DELIVERIES, DELIVERY_VALUES),
    "postal_code": _postal_code,
    "start_date": _date,
    "end_date": _date,
    "schedule": _choice(SCHEDULES, SCHEDULE_VALUES),
    "childcare": _yes_no,
    "seats_total": _seats,
    "cost": _choice(COSTS, COST_VALUES),
}
DEFAULTS = {"delivery": Delivery.IN_PERSON, "childcare": False}


def _parse_row(
    number: int, cells: list[str], columns: list[Column | None], names: dict[str, str], result: ImportResult
) -> CourseRow | None:
    """The course fields of one row, or None after reporting each problem with its row and column."""
    fields: dict = {}
    failed: set[str] = set()

    def fail(field_name: str, message: str) -> None:
        failed.add(field_name)
        result.add(number, names.get(field_name, COLUMN_BY_FIELD[field_name].name), message)

    for index, column in enumerate(columns):
        if column is None:
            continue
        text = cells[index].strip() if index < len(cells) else ""
        if not text:
            if column.required:
                fail(column.field, _("This cell must not be empty."))
            continue
        parser = PARSERS.get(column.field)
        try:
            fields[column.field] = parser(text) if parser else text
        except _BadValueError as error:
            fail(column.field, error.args[0])
    if any(cell.strip() for cell in cells[len(columns) :]):
        result.add(number, "", _("This row has more cells than the header has columns."))
        failed.add("")
    for name, value in DEFAULTS.items():
        fields.setdefault(name, value)
    if "end_date" not in failed and fields.get("end_date") and fields["end_date"] < date.today():
        fail("end_date", _("This course has already ended."))

    # The rules every course meets, checked on what could be read and reported against the file's columns.
    for field_name, messages in course_errors(Course(**fields)).items():
        if field_name in failed or field_name not in COLUMN_BY_FIELD:
            continue
        for message in messages:
            fail(field_name, message)
    return None if failed else CourseRow(row=number, fields=fields)


def course_csv_parse(*, file) -> ImportResult:
    """Read and check every row without saving anything."""
    result = ImportResult(dry_run=True)
    records = _read(file, result)
    if records is None:
        return result
    records = [
        (number, cells) for number, cells in enumerate(records, start=FIRST_ROW) if any(c.strip() for c in cells)
    ]
    if not records:
        result.add(None, "", _("The file is empty."))
        return result
    header_number, header_cells = records[0]
    columns = _header(header_cells, header_number, result)
    if result.errors:
        return result
    body = records[1:]
    if not body:
        result.add(None, "", _("The file has a header but no courses."))
        return result
    if len(body) > MAX_ROWS:
        result.add(None, "", _("The file has more than %(max)s courses. Please split it.") % {"max": MAX_ROWS})
        return result
    names = {column.field: cell.strip() for column, cell in zip(columns, header_cells, strict=True) if column}
    for number, cells in body:
        row = _parse_row(number, cells, columns, names, result)
        if row is not None:
            result.rows.append(row)
    return result


def course_csv_import(
    *, provider: Organisation, file, dry_run: bool, created_by: User, publish: bool = False
) -> ImportResult:
    """Check the file and, unless it is a dry run, create all its courses in one transaction or none at all."""
    _ensure_may_manage(created_by, provider)
    result = course_csv_parse(file=file)
    result.dry_run = dry_run
    if dry_run or not result.ok:
        return result
    try:
        with transaction.atomic():
            for row in result.rows:
                try:
                    result.created.append(
                        course_create(provider=provider, created_by=created_by, publish=publish, **row.fields)
                    )
                except ValidationError as error:
                    by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
                    for field_name, messages in by_field.items():
                        column = COLUMN_BY_FIELD.get(field_name)
                        for message in messages:
                            result.add(row.row, column.name if column else "", message)
            if result.errors:
                raise _RollbackError
    except _RollbackError:
        result.created = []
    return result


class _RollbackError(Exception):
    """Raised inside the transaction so that nothing of a failed import stays."""

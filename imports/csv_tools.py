"""Reading CSV files as German spreadsheet programs write them, shared by every importer (imports/importers/).

Semicolons or commas, UTF-8 with or without byte order mark, or Windows-1252; German headers and values.
Rows are numbered as the spreadsheet shows them, every problem is reported with its row and column, and
imports run in one transaction, so a file with one bad row imports nothing. Writing CSV files for download is
common/csv_export.py.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.vocabulary import GermanLevel

MAX_FILE_BYTES = 1024 * 1024
# A NUL character cannot be stored in a PostgreSQL text column; spreadsheets never mean one.
NUL = "\x00"
NUL_MESSAGE = gettext_lazy(
    "This cell contains an invisible control character (NUL). Please delete the cell's content and type it again."
)
FIRST_ROW = 1  # Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row 2.


def key(text: str) -> str:
    """Compare headers and values without case, spaces, hyphens or dots: "Job-BSK" = "jobbsk"."""
    return re.sub(r"[\s\-_.()/]+", "", (text or "").strip().lower())


@dataclass(frozen=True)
class Column:
    name: str  # the header as documented (German, in every language)
    field: str  # the field it fills
    required: bool
    aliases: tuple[str, ...] = ()
    help: str = ""  # what to write, in the reader's language (a lazy translation), for the column documentation
    values: tuple = ()  # (meaning, (accepted texts, ...)) pairs for columns with a fixed set of values


def columns_by_key(columns: Iterable[Column]) -> dict[str, Column]:
    """Each header spelling (name and aliases, compared by `key`) and its column."""
    return {key(alias): column for column in columns for alias in (column.name, *column.aliases)}


@dataclass
class RowError:
    row: int | None  # None for the file as a whole (unreadable, empty)
    column: str
    message: str


@dataclass
class ParsedRow:
    row: int
    fields: dict
    texts: dict = field(default_factory=dict)  # the cells as written, by field, for a preview


@dataclass
class ImportResult:
    dry_run: bool
    encoding: str = ""
    delimiter: str = ""
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: list = field(default_factory=list)

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


def read_records(file, result: ImportResult) -> list[tuple[int, list[str]]] | None:
    """The non-empty rows of a binary file with their spreadsheet numbers, or None after reporting why the
    file as a whole cannot be used. Nothing is written to disk."""
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
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter))
    except csv.Error:
        result.add(None, "", _("The file is not a valid CSV file."))
        return None
    records = [
        (number, cells) for number, cells in enumerate(records, start=FIRST_ROW) if any(c.strip() for c in cells)
    ]
    if not records:
        result.add(None, "", _("The file is empty."))
        return None
    return records


def read_header(
    cells: list[str], number: int, result: ImportResult, *, columns: list[Column], by_key: dict[str, Column]
) -> list[Column | None]:
    """The column each cell of the header belongs to (None for an empty header cell); unknown, repeated and
    missing required columns are reported in the header row."""
    found: list[Column | None] = []
    seen: set[str] = set()
    for cell in cells:
        name = cell.strip()
        column = by_key.get(key(name)) if name else None
        if NUL in name:
            result.add(number, name.replace(NUL, ""), NUL_MESSAGE)
        elif name and column is None:
            result.add(number, name, _("Unknown column. Please use the column names from the instructions."))
        elif column is not None and column.field in seen:
            result.add(number, name, _("This column appears twice."))
            column = None
        elif column is not None:
            seen.add(column.field)
        found.append(column)
    for column in columns:
        if column.required and column.field not in seen:
            result.add(number, column.name, _("This column is missing."))
    return found


def header_names(found: list[Column | None], header_cells: list[str]) -> dict[str, str]:
    """The file's own spelling of each column, so errors name the column as the reader sees it."""
    return {column.field: cell.strip() for column, cell in zip(found, header_cells, strict=False) if column}


@dataclass
class Table:
    """The checked header of a file and its data rows."""

    columns: list[Column | None]
    names: dict[str, str]
    body: list[tuple[int, list[str]]]


def read_table(
    file,
    result: ImportResult,
    *,
    columns: list[Column],
    by_key: dict[str, Column],
    max_rows: int,
    no_rows_message: str,
    too_many_message: str,
) -> Table | None:
    """Read the file and its header, or None after reporting why the file as a whole cannot be used."""
    records = read_records(file, result)
    if records is None:
        return None
    header_number, header_cells = records[0]
    found = read_header(header_cells, header_number, result, columns=columns, by_key=by_key)
    if result.errors:
        return None
    body = records[1:]
    if not body:
        result.add(None, "", no_rows_message)
        return None
    if len(body) > max_rows:
        result.add(None, "", too_many_message)
        return None
    return Table(columns=found, names=header_names(found, header_cells), body=body)


class RowCheck:
    """The fields of one row and the problems found in it, each reported under the file's own column name."""

    def __init__(self, *, number: int, result: ImportResult, names: dict[str, str], columns: dict[str, Column]):
        self.number = number
        self.result = result
        self.names = names
        self.columns = columns
        self.fields: dict = {}
        self.texts: dict[str, str] = {}
        self.failed: set[str] = set()

    def column_name(self, field_name: str) -> str:
        column = self.columns.get(field_name)
        return self.names.get(field_name) or (column.name if column else "")

    def fail(self, field_name: str, message: str) -> None:
        self.failed.add(field_name)
        self.result.add(self.number, self.column_name(field_name), message)

    def ok(self, *field_names: str) -> bool:
        """Whether these fields could be read (empty optional cells count as read)."""
        return not self.failed.intersection(field_names)

    def row(self) -> ParsedRow | None:
        return None if self.failed else ParsedRow(row=self.number, fields=self.fields, texts=self.texts)


def read_cells(
    number: int,
    cells: list[str],
    table: Table,
    result: ImportResult,
    *,
    columns: dict[str, Column],
    parsers: dict[str, Callable[[str], object]],
) -> RowCheck:
    """Read every cell of a row with its column's parser; empty required cells and unreadable values are
    reported. Empty optional cells are left out of the fields."""
    check = RowCheck(number=number, result=result, names=table.names, columns=columns)
    for index, column in enumerate(table.columns):
        if column is None:
            continue
        text = cells[index].strip() if index < len(cells) else ""
        if not text:
            if column.required:
                check.fail(column.field, _("This cell must not be empty."))
            continue
        if NUL in text:
            check.fail(column.field, NUL_MESSAGE)
            continue
        check.texts[column.field] = text
        parser = parsers.get(column.field)
        try:
            check.fields[column.field] = parser(text) if parser else text
        except BadValueError as error:
            check.fail(column.field, error.args[0])
    if any(cell.strip() for cell in cells[len(table.columns) :]):
        result.add(number, "", _("This row has more cells than the header has columns."))
        check.failed.add("")
    return check


# --- Reading the values ------------------------------------------------------------------------------------


class BadValueError(Exception):
    """A cell whose text cannot be read; the message says why."""


YES_VALUES = {key(v) for v in ["ja", "j", "x", "1", "yes", "wahr", "true"]}
NO_VALUES = {key(v) for v in ["nein", "n", "0", "no", "falsch", "false", ""]}
LEVEL_VALUES = {**{key(level): level for level in GermanLevel.values}, "a0": "0", "ohne": "0", "keine": "0"}


def lookup(table: dict) -> dict[str, str]:
    """{stored value: [texts]} as {key(text): stored value}; the stored value itself is accepted too."""
    return {key(text): value for value, texts in table.items() for text in (*texts, value)}


def choice_parser(table: dict) -> Callable[[str], str]:
    """A parser for one of a fixed set of values, given as {stored value: [accepted texts, the first shown]}."""
    known = lookup(table)

    def parse(text: str) -> str:
        value = known.get(key(text))
        if value is None:
            examples = ", ".join(f"„{texts[0]}“" for texts in table.values())
            raise BadValueError(
                _("“%(value)s” is not known. Allowed are: %(allowed)s.") % {"value": text, "allowed": examples}
            )
        return value

    return parse


def split_list(text: str) -> list[str]:
    """The items of a cell that lists several values, separated by commas or semicolons."""
    return [item.strip() for item in re.split(r"[,;]", text) if item.strip()]


def list_parser(table: dict) -> Callable[[str], list[str]]:
    """A parser for several values of a fixed set in one cell, separated by commas; each value counts once."""
    parse_one = choice_parser(table)

    def parse(text: str) -> list[str]:
        values: list[str] = []
        for item in split_list(text):
            value = parse_one(item)
            if value not in values:
                values.append(value)
        return values

    return parse


def parse_german_level(text: str) -> str:
    value = LEVEL_VALUES.get(key(text))
    if value is None:
        raise BadValueError(
            _("“%(value)s” is not a German level. Allowed are A1, A2, B1, B2, C1, C2 (or 0 for no German yet).")
            % {"value": text}
        )
    return value


def parse_date(text: str) -> date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise BadValueError(
        _("“%(value)s” is not a date. Please write it as DD.MM.YYYY, for example 01.09.2026.") % {"value": text}
    )


def parse_whole_number(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise BadValueError(
            _("“%(value)s” is not a whole number. Please write digits, for example 12.") % {"value": text}
        )
    return int(text)


def parse_yes_no(text: str) -> bool:
    value = key(text)
    if value in YES_VALUES:
        return True
    if value in NO_VALUES:
        return False
    raise BadValueError(_("“%(value)s” is neither “ja” nor “nein”.") % {"value": text})


def parse_postal_code(text: str) -> str:
    """A postal code alone or in a place such as "29439 Lüchow"."""
    match = re.search(r"\b(\d{5})\b", text)
    if match is None:
        raise BadValueError(_("“%(value)s” contains no five-digit postal code.") % {"value": text})
    return match.group(1)


def parse_postal_codes(text: str) -> list[str]:
    """Several postal codes separated by commas, semicolons or spaces ("30159, 30161 29439"); each once."""
    codes: list[str] = []
    for item in re.split(r"[\s,;]+", text.strip()):
        if not item:
            continue
        if not re.fullmatch(r"\d{5}", item):
            raise BadValueError(_("“%(value)s” is not a five-digit postal code.") % {"value": item})
        if item not in codes:
            codes.append(item)
    return codes


# --- Importing ---------------------------------------------------------------------------------------------


def report_validation_error(
    error: ValidationError, *, row: int, result: ImportResult, column_name: Callable[[str], str]
) -> None:
    """Each message of a service's ValidationError as an error of the row, under the column of its field."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    for field_name, messages in by_field.items():
        for message in messages:
            result.add(row, column_name(field_name), message)


class _RollbackError(Exception):
    """Raised inside the transaction so that nothing of a failed import (or of a trial run) stays."""


def import_all_or_nothing(
    result: ImportResult,
    *,
    create: Callable[[ParsedRow], object],
    column_name: Callable[[str], str],
    keep: bool = True,
) -> None:
    """Create every checked row in one transaction; a ValidationError of any row is reported under its row and
    column and undoes them all. With keep=False it is a trial run: every row is created through the same
    services, their errors are collected, and everything is undone (including mails queued with on_commit)."""
    try:
        with transaction.atomic():
            for row in result.rows:
                try:
                    with transaction.atomic():
                        created = create(row)
                except ValidationError as error:
                    report_validation_error(error, row=row.row, result=result, column_name=column_name)
                else:
                    result.created.append(created)
            if result.errors or not keep:
                raise _RollbackError
    except _RollbackError:
        result.created = []

"""Bulk import of a spreadsheet: a provider's courses, a partner's organisations, vacancies, candidates and mentors.

One pipeline for every kind (see docs/course-import.md and docs/partner-import.md). Every row is read and
checked first; then every readable row is created through the app's own services inside one transaction. A dry
run (the check before "Import") undoes that transaction in any case, so it reports exactly what the import
would; the import keeps it only if no row has a problem. So a file with one bad row imports nothing.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.models import User

from ..csv_tools import ImportResult, Table, import_all_or_nothing, read_cells, read_table
from .base import Importer
from .candidates import CANDIDATES
from .courses import COURSES
from .mentors import MENTORS
from .organisations import ORGANISATIONS
from .vacancies import VACANCIES

IMPORTERS: dict[str, Importer] = {
    importer.kind: importer for importer in (COURSES, ORGANISATIONS, VACANCIES, CANDIDATES, MENTORS)
}
# What the partner import page offers; courses are imported for one provider, on the course import page.
PARTNER_KINDS = (ORGANISATIONS.kind, VACANCIES.kind, CANDIDATES.kind, MENTORS.kind)


def importer_for(kind: str) -> Importer:
    try:
        return IMPORTERS[kind]
    except KeyError:
        raise ValueError(f"Unknown import kind {kind!r}.") from None


def _same(value) -> str:
    """How repeated values in one file are compared: without case and repeated spaces."""
    return " ".join(str(value).split()).casefold()


def csv_parse(*, importer: Importer, file, by: User) -> tuple[ImportResult, Table | None]:
    """Read and check every row of the file for the person importing it; nothing is saved."""
    result = ImportResult(dry_run=True)
    table = read_table(
        file,
        result,
        columns=list(importer.columns),
        by_key=importer.by_key,
        max_rows=importer.max_rows,
        no_rows_message=str(importer.no_rows_message),
        too_many_message=str(importer.too_many_message) % {"max": importer.max_rows},
    )
    if table is None:
        return result, None
    first_row: dict[str, int] = {}
    for number, cells in table.body:
        check = read_cells(number, cells, table, result, columns=importer.by_field, parsers=importer.parsers)
        for name, value in importer.defaults.items():
            check.fields.setdefault(name, value)
        if importer.unique and importer.unique in check.fields:
            value = _same(check.fields[importer.unique])
            if value in first_row:
                check.fail(
                    importer.unique,
                    _("“%(value)s” is in row %(row)s already. Each may appear only once in a file.")
                    % {"value": check.texts[importer.unique], "row": first_row[value]},
                )
            else:
                first_row[value] = number
        # Where a row belongs is judged before the rules across its cells, so a place outside the coordinator's
        # region is named as such rather than by a rule the row's other cells break.
        if importer.in_region is not None:
            importer.in_region(check, by)
        if importer.check is not None:
            importer.check(check)
        row = check.row()
        if row is not None:
            result.rows.append(row)
    return result, table


def csv_import(*, kind: str, file, dry_run: bool, by: User, options: dict | None = None) -> ImportResult:
    """Check the file and, unless it is a dry run, create all its rows in one transaction or none at all.

    Each kind names who may import it: coordinators (for their own region) and admins import a partner's
    lists; a course provider's staff and the coordinators of its region import its courses (options: provider,
    publish). Imported candidates and mentors get their invitation e-mail after commit.
    """
    importer = importer_for(kind)
    options = options or {}
    if not importer.may_import(by, **options):
        raise PermissionDenied
    result, table = csv_parse(importer=importer, file=file, by=by)
    result.dry_run = dry_run
    if table is None or not result.rows:
        return result

    def column_name(field_name: str) -> str:
        column = importer.by_field.get(field_name)
        return (table.names.get(field_name) or column.name) if column else ""

    import_all_or_nothing(
        result,
        create=lambda row: importer.create(dict(row.fields), by, **options),
        column_name=column_name,
        keep=not dry_run,
    )
    result.errors.sort(key=lambda error: error.row or 0)
    return result

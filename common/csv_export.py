"""Writing CSV files that spreadsheet programs open safely; every CSV the portal hands out goes through here.

Excel and LibreOffice evaluate a cell that starts with = + - @ (or a tab or carriage return before one of
them) as a formula, so a region name such as `=HYPERLINK("https://evil.example","Bericht")` would become a
live link or worse (CSV injection, OWASP). Such text cells are written with a leading apostrophe, which the
spreadsheet shows as plain text; numbers stay numbers.
"""

import csv
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value) -> object:
    """The value as a spreadsheet must read it: text that could start a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeCsvWriter:
    """csv.writer whose rows are neutralised cell by cell."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row) -> None:
        self._writer.writerow([csv_safe_cell(cell) for cell in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def csv_download(*, filename: str, delimiter: str = ";") -> tuple[HttpResponse, SafeCsvWriter]:
    """An attachment response in UTF-8 with a byte-order mark (so Excel reads umlauts) and its safe writer."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, SafeCsvWriter(response, delimiter=delimiter)

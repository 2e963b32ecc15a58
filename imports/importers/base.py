"""What every import shares: a kind is its columns, their parsers and the service that creates a row."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.selectors import user_coordinates_any_postal_code

from ..csv_tools import Column, ParsedRow, RowCheck, columns_by_key
from ..services import IMPORT_ROLES

YES_NO_EMPTY_NO = _("“ja” or “nein” (empty = “nein”).")
YES_NO_EMPTY_YES = _("“ja” or “nein” (empty = “ja”).")
LIST_HINT = _("Several values are separated by commas.")


def yes_no(meaning, *, default: bool = False) -> str:
    """The documentation of a yes/no column: what "ja" means, and what an empty cell means."""
    return format_lazy("{} – {}", capfirst(meaning), YES_NO_EMPTY_YES if default else YES_NO_EMPTY_NO)


def several(text) -> str:
    return format_lazy("{} {}", text, LIST_HINT)


def described(table: dict, labels) -> tuple:
    """(meaning in the reader's language, accepted texts) for each value, for the column documentation."""
    names = dict(labels)
    return tuple((names.get(value, value), tuple(texts)) for value, texts in table.items())


def preview_cells(importer: "Importer", row: ParsedRow) -> dict:
    """A checked row as the preview shows it: the cells of the preview fields as the file has them."""
    return {"row": row.row, "cells": [row.texts.get(name, "") for name in importer.preview]}


@dataclass(frozen=True)
class Importer:
    kind: str
    label: str  # what the rows are, plural, translated lazily: "Organisations"
    intro: str  # one sentence on what a row creates
    columns: tuple[Column, ...]
    parsers: dict[str, Callable]
    # (fields: dict, by: User, **options) -> the created object, through the app's services. The options are
    # what the upload form asked besides the file (the course provider, whether to publish).
    create: Callable
    example: str  # file name in docs/examples
    done: Callable[..., str]  # (count, **options) -> the success message for a number of imported rows
    defaults: dict = field(default_factory=dict)
    unique: str = ""  # a field whose value may appear only once in a file
    check: Callable[[RowCheck], None] | None = None  # rules across the cells of one row
    preview: tuple[str, ...] = ()  # the fields shown in the table of checked rows
    in_region: Callable[[RowCheck, User], None] | None = None  # a coordinator's rows must lie in their region
    roles: tuple[str, ...] = IMPORT_ROLES  # who may import this kind
    # A further rule on who may import with these options (a course provider's staff, for their provider only).
    permits: Callable[..., bool] | None = None  # (by: User, **options) -> bool
    max_rows: int = 1000
    no_rows_message: str = _("The file has a header but no rows.")
    too_many_message: str = _("The file has more than %(max)s rows. Please split it.")
    preview_row: Callable[["Importer", ParsedRow], dict] = preview_cells  # one checked row for the preview

    def preview_of(self, row: ParsedRow) -> dict:
        return self.preview_row(self, row)

    def may_import(self, by: User, **options) -> bool:
        return by.has_role(*self.roles) and (self.permits is None or self.permits(by, **options))

    @cached_property
    def by_field(self) -> dict[str, Column]:
        return {column.field: column for column in self.columns}

    @cached_property
    def by_key(self) -> dict[str, Column]:
        return columns_by_key(self.columns)

    @property
    def preview_columns(self) -> list[Column]:
        return [self.by_field[name] for name in self.preview]

    @property
    def example_path(self):
        return settings.BASE_DIR / "docs" / "examples" / self.example


def require_in_region(check: RowCheck, by: User, field: str = "postal_code") -> None:
    """A coordinator imports people and offers of their own region only (admins everywhere): the row's postal
    code must lie in it."""
    code = check.fields.get(field)
    if by.role != Role.COORDINATOR or not code or not check.ok(field):
        return
    if not user_coordinates_any_postal_code(user=by, postal_codes=[code]):
        check.fail(
            field,
            gettext("%(code)s is not in your region “%(region)s”. Coordinators import only for their own region.")
            % {"code": code, "region": by.region.name},
        )

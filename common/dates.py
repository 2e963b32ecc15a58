"""Dates people type or import lie within a plausible range around today.

A typo such as 9999-12-31 or 1900-01-01 is caught with a clear message instead of being stored, and no later
arithmetic on a stored date (an offer open a year past its start, a time zone conversion) can overflow.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# How far from today a date of an offer, a course or an event may lie.
PLAN_YEARS_BACK = 5
PLAN_YEARS_AHEAD = 5


def years_after(day: date, years: int) -> date:
    """The same day `years` later (or earlier, for a negative number); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def date_range_error(
    value: date | None,
    *,
    years_back: int = PLAN_YEARS_BACK,
    years_ahead: int = PLAN_YEARS_AHEAD,
    today: date | None = None,
) -> ValidationError | None:
    """A translated error if the date lies outside [today - years_back, today + years_ahead], else None."""
    if value is None:
        return None
    if hasattr(value, "date"):  # a datetime: its day in the portal's time zone counts
        try:
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        except OverflowError:  # so far off that even the time zone conversion fails
            value = value.date()
    today = today or timezone.localdate()
    earliest, latest = years_after(today, -years_back), years_after(today, years_ahead)
    if earliest <= value <= latest:
        return None
    return ValidationError(
        _("Please enter a date between %(earliest)s and %(latest)s."),
        code="date_out_of_range",
        params={
            "earliest": date_format(earliest, "SHORT_DATE_FORMAT"),
            "latest": date_format(latest, "SHORT_DATE_FORMAT"),
        },
    )


def validate_date_range(value: date | None, **kwargs) -> None:
    error = date_range_error(value, **kwargs)
    if error is not None:
        raise error


def age_on(*, birth_date: date, day: date) -> int:
    """Completed years of life on the given day."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))

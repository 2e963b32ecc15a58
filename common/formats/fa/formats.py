"""Dates and times for Persian readers in Germany: the same as for Arabic (day before month, 24-hour clock,
Western digits); only the decimal and thousands separators follow Persian use."""

from common.formats.ar.formats import *  # noqa: F403 - a format module is read as a namespace of settings

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","

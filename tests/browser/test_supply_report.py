"""The supply report in a real browser: a coordinator on a phone in Arabic computes it and reads table and map."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from common.vocabulary import GermanLevel
from tests.factories import TEST_PASSWORD, CandidateProfileFactory, CoordinatorFactory, CourseFactory, RegionFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url_in(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def text_in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def test_coordinator_computes_and_reads_the_report_in_arabic_on_a_phone(live_server, phone_page):
    page = phone_page
    region = RegionFactory(name="Wendland", codes=["29439", "30159", "30161"])
    coordinator = CoordinatorFactory(region=region, preferred_language="ar")
    for _ in range(3):
        CandidateProfileFactory(postal_code="30159", german_level=GermanLevel.A2, travel_radius_km=25)
    CandidateProfileFactory(postal_code="29439", german_level=GermanLevel.A1)
    CourseFactory(
        postal_code="30161",
        level_from=GermanLevel.B1,
        level_to=GermanLevel.B1,
        seats_total=2,
        start_date=datetime.date.today() + datetime.timedelta(days=21),
    )

    page.goto(live_server.url + url_in("ar", "account_login"))
    page.locator('input[name="login"]').fill(coordinator.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    page.goto(live_server.url + url_in("ar", "courses:supply_report"))

    expect(page.locator("main")).to_contain_text(text_in("ar", "Not computed yet"))
    assert_accessible(page, "supply report, not computed (ar, phone)")
    page.get_by_role("button", name=text_in("ar", "Compute now")).click()

    row = page.locator("tbody tr", has=page.locator("th", has_text="B1")).first
    expect(row.locator("td")).to_have_text(["3", "2", "2", "1"])
    expect(page.locator("main")).to_contain_text("29439")
    image = page.locator(".supply-map img")
    assert "29439" in image.get_attribute("alt")
    # The map may load lazily below the fold: bring it into view and wait until it has been decoded.
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => { const map = document.querySelector('.supply-map img'); return map.complete; }")
    assert page.evaluate("document.querySelector('.supply-map img').naturalWidth") == 800
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the report scrolls sideways: {width}"
    assert_accessible(page, "supply report (ar, phone)")

"""The candidate's journey on a phone, measured (issue 13): from the landing page to an internship applied for,
in every language, counting taps; no page wider than the screen, axe clean, the header small.

A full walk (landing, log in, menu, offers, the offer, apply) in German, Arabic and Ukrainian; a shorter
check of the same pages in the other languages. `pytest -s` prints the figures for each language.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from applications.models import Application
from tests.factories import TEST_PASSWORD, CompleteCandidateProfileFactory, InternshipVacancyFactory, VacancyFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Praktikum im Lager"
MAX_TAPS = 20
MAX_HEADER_PX = 60
PHONE_HEIGHT_PX = 844


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def text_in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


class Walk:
    """A phone tab that counts what the person does: taps (a tap on a field included) and typed fields."""

    def __init__(self, page, language: str):
        self.page = page
        self.language = language
        self.taps = 0
        self.typed = 0

    def tap(self, locator) -> None:
        locator.click()
        self.taps += 1

    def type_into(self, locator, text: str) -> None:
        self.tap(locator)
        locator.fill(text)
        self.typed += 1

    def check_page(self, what: str, axe: bool = True) -> dict:
        """Fails when the page scrolls sideways or the header is tall; returns the page's measurements."""
        self.page.wait_for_load_state("load")
        sizes = self.page.evaluate(
            """() => ({width: document.documentElement.scrollWidth, viewport: window.innerWidth,
                       height: document.documentElement.scrollHeight,
                       header: Math.round(document.querySelector('.site-header').getBoundingClientRect().height)})"""
        )
        where = f"{what} ({self.language})"
        assert sizes["width"] <= sizes["viewport"], f"{where} scrolls sideways: {sizes}"
        assert sizes["header"] <= MAX_HEADER_PX, f"{where}: the header is {sizes['header']} px tall"
        if axe:
            assert_accessible(self.page, where)
        return sizes


def _offers(language: str):
    profile = CompleteCandidateProfileFactory(
        user__preferred_language=language, user__first_name="Amal", user__last_name="Haddad", postal_code="30159"
    )
    internship = InternshipVacancyFactory(
        title=TITLE, postal_code="30161", organisation__name="Bildungswerk Osnabrücker Land e. V."
    )
    VacancyFactory(status="published", title="Lagerhelfer (m/w/d) in Celle", postal_code="29221")
    return profile, internship


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
def test_a_candidate_applies_for_an_internship_on_a_phone_in_few_taps(live_server, phone_page, language):
    profile, internship = _offers(language)
    walk = Walk(phone_page, language)
    page = phone_page

    page.goto(live_server.url + url_in(language, "home"))
    landing = walk.check_page("landing page")

    walk.tap(page.locator("main").get_by_role("link", name=text_in(language, "Log in"), exact=True))
    walk.type_into(page.locator('input[name="login"]'), profile.user.email)
    walk.type_into(page.locator('input[name="password"]'), TEST_PASSWORD)
    walk.tap(page.locator("main form").locator("[type=submit]"))
    expect(page.locator('input[name="password"]')).to_have_count(0)

    # One control for the menu; the offers come from the profile's place, distance and wanted kinds.
    walk.tap(page.locator(".site-menu > summary"))
    walk.tap(page.locator(".site-menu").get_by_role("link", name=text_in(language, "Jobs and internships")))
    expect(page.locator("h1")).to_have_text(text_in(language, "Find jobs, trainings and internships"))
    results = walk.check_page("search results")
    heading_top = page.locator("#results-heading").bounding_box()["y"]
    assert heading_top < PHONE_HEIGHT_PX / 2, f"the results start {heading_top} px down"
    card = page.locator(".offer-card").filter(has_text=TITLE)
    card_height = card.bounding_box()["height"]
    assert card_height <= 220, f"an offer card is {card_height} px tall"

    walk.tap(card.get_by_role("link", name=TITLE))
    expect(page.locator("h1")).to_have_text(TITLE)
    detail = walk.check_page("offer")
    send = page.get_by_role("button", name=text_in(language, "Send to the employer"))
    send_at = send.bounding_box()["y"] + page.evaluate("window.scrollY")
    walk.tap(send)
    expect(page.locator(".site-messages")).to_be_visible()
    walk.check_page("offer after applying")

    assert Application.objects.filter(profile=profile, vacancy=internship).exists()
    assert walk.taps <= MAX_TAPS, f"{walk.taps} taps from the landing page to applied"
    print(
        f"\n[{language}] taps={walk.taps} typed={walk.typed} header={results['header']}px "
        f"landing={landing['height']}px results_at={heading_top:.0f}px results_page={results['height']}px "
        f"card={card_height:.0f}px offer_page={detail['height']}px apply_button_at={send_at:.0f}px"
    )


@pytest.mark.parametrize("language", ["en", "fa", "ru", "tr"])
def test_the_pages_of_the_journey_fit_a_phone_in_every_other_language(live_server, phone_page, language):
    profile, internship = _offers(language)
    walk = Walk(phone_page, language)
    page = phone_page
    page.goto(live_server.url + url_in(language, "account_login"))
    page.locator('input[name="login"]').fill(profile.user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    expect(page.locator('input[name="password"]')).to_have_count(0)

    page.goto(live_server.url + url_in(language, "vacancies:search"))
    results = walk.check_page("search results")
    expect(page.locator(".offer-card").filter(has_text=TITLE)).to_be_visible()
    page.goto(live_server.url + url_in(language, "vacancies:detail", pk=internship.pk))
    detail = walk.check_page("offer")
    expect(page.get_by_role("button", name=text_in(language, "Send to the employer"))).to_be_visible()
    print(f"\n[{language}] header={results['header']}px results={results['height']}px offer={detail['height']}px")


def test_after_showing_offers_the_results_heading_has_the_focus(live_server, phone_page):
    _offers("ar")
    page = phone_page
    page.goto(live_server.url + url_in("ar", "vacancies:search"))
    expect(page.locator(".search-filters__form")).to_be_hidden()  # folded into one line on a phone

    page.locator(".search-filters__summary").click()
    page.locator('input[name="q"]').fill("Lager")
    page.locator(".search-filters__form [type=submit]").click()

    expect(page.locator("#results-heading")).to_be_focused()
    expect(page.locator(".search-filters__form")).to_be_hidden()
    # Scrolled to the heading: near the top, unless the page ends before the heading can get there. The
    # scroll is smooth (Bootstrap), so wait for it to arrive rather than reading the first frame.
    page.wait_for_function(
        """() => document.querySelector("#results-heading").getBoundingClientRect().top < innerHeight / 4
                 || scrollY + innerHeight >= document.documentElement.scrollHeight - 1""",
        timeout=5000,
    )
    heading_top = page.locator("#results-heading").bounding_box()["y"]
    at_page_end = page.evaluate("scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    assert 0 <= heading_top < PHONE_HEIGHT_PX / 2
    assert heading_top < PHONE_HEIGHT_PX / 4 or at_page_end
    expect(page.locator(".search-filters__summary")).to_contain_text("Lager")

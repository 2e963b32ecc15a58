import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from occupations.services import occupation_catalogue_load

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def search_url(language: str) -> str:
    with translation.override(language):
        return reverse("occupations:search")


def test_on_a_phone_an_arabic_reader_finds_the_carpenter_by_the_russian_word(live_server, phone_page):
    # live_server flushes the tables after each test, the migrated catalogue included.
    occupation_catalogue_load()
    page = phone_page

    page.goto(live_server.url + search_url("ar"))
    assert_accessible(page, "occupation catalogue (ar, phone)")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("searchbox").fill("столяр")
    page.get_by_role("searchbox").press("Enter")

    first = page.locator(".occupation-result").first
    expect(first.locator("h3")).to_have_text("نجار")
    expect(first.locator('dd[lang="de"]')).to_have_text("Tischler/in")
    expect(first.locator("bdi")).to_have_text("Столяр")
    assert_accessible(page, "occupation search results (ar, phone)")


def test_the_whole_catalogue_in_ukrainian_is_accessible(live_server, page):
    occupation_catalogue_load()

    page.goto(live_server.url + search_url("uk"))

    expect(page.get_by_role("heading", name="Виробництво та обробка пластмас і деревини")).to_be_visible()
    assert_accessible(page, "occupation catalogue (uk)")

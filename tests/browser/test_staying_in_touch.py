"""Staying in touch in a real browser, in Arabic on a phone: the app installs (manifest, service worker) and keeps
opened pages readable offline, forgetting them on logout; a search is saved from its results; a conversation
about an application; an offer prints on one A4 page. Every page is checked with axe."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from alerts.models import SavedSearch
from conversations.models import Message
from tests.factories import (
    TEST_PASSWORD,
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
)

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def text_in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def log_in(page, live_server, user, language: str) -> None:
    page.goto(live_server.url + url_in(language, "account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    page.wait_for_load_state("load")


def kept(page, path: str) -> bool:
    return page.evaluate("path => caches.open('bruecke-pages').then(c => c.match(path)).then(r => !!r)", path)


def test_the_app_installs_keeps_opened_pages_offline_and_forgets_them_on_logout(
    live_server, phone_page_with_service_worker
):
    page = phone_page_with_service_worker
    profile = CompleteCandidateProfileFactory(user__preferred_language="ar")
    vacancy = PublishedVacancyFactory(title="Maler/in Altbau")
    vacancy_path = url_in("ar", "vacancies:detail", pk=vacancy.pk)
    log_in(page, live_server, profile.user, "ar")

    page.goto(live_server.url + url_in("ar", "home"))
    manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["start_url"] == "/ar/" and manifest["dir"] == "rtl" and manifest["display"] == "standalone"
    script_url = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)")
    assert script_url == live_server.url + "/sw.js"
    page.reload()
    assert page.evaluate("() => !!navigator.serviceWorker.controller")

    page.goto(live_server.url + vacancy_path)
    expect(page.locator("h1")).to_have_text("Maler/in Altbau")
    assert kept(page, vacancy_path)

    page.context.set_offline(True)
    page.goto(live_server.url + vacancy_path)
    expect(page.locator("h1")).to_have_text("Maler/in Altbau")
    page.goto(live_server.url + url_in("ar", "events:list"))  # never opened: the offline page, in Arabic
    expect(page.locator("h1")).to_have_text(text_in("ar", "You are offline"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-kept-pages] a").first).to_be_visible()
    assert_accessible(page, "offline page (ar, phone)")
    page.context.set_offline(False)

    page.goto(live_server.url + url_in("ar", "home"))
    page.locator(".site-menu > summary").click()  # on a phone the links are behind the menu button
    page.locator(".site-menu form[action$='/logout/'] button").click()
    page.wait_for_load_state("load")
    assert not kept(page, vacancy_path)


def test_a_candidate_saves_a_search_and_writes_to_the_employer_in_arabic(live_server, phone_page):
    page = phone_page
    application = ApplicationFactory(profile__user__preferred_language="ar", vacancy__title="Maler/in Neubau")
    candidate = application.profile.user
    log_in(page, live_server, candidate, "ar")

    page.goto(live_server.url + url_in("ar", "vacancies:search") + "?q=Maler&near=me")
    assert_accessible(page, "vacancy search with the save form (ar, phone)")
    page.get_by_label(text_in("ar", "Name of the search")).fill("دهان")
    page.get_by_role("button", name=text_in("ar", "Save search")).click()
    expect(page.locator("h1")).to_have_text("دهان")
    search = SavedSearch.objects.get(owner=candidate)
    assert search.near_me and "postal_code" not in search.params
    assert application.profile.postal_code not in page.url
    assert_accessible(page, "saved search (ar, phone)")

    page.goto(live_server.url + url_in("ar", "applications:detail", pk=application.pk))
    page.locator(".conversation-link a").click()
    page.get_by_label(text_in("ar", "Your message")).fill("مرحبا، متى أبدأ؟")
    page.get_by_role("button", name=text_in("ar", "Send")).click()
    expect(page.locator("#latest")).to_contain_text("مرحبا، متى أبدأ؟")
    assert Message.objects.get().author == candidate
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the conversation scrolls sideways: {width}"
    assert_accessible(page, "conversation (ar, phone)")
    page.goto(live_server.url + url_in("ar", "conversations:list"))
    assert_accessible(page, "conversations (ar, phone)")


def test_an_employer_searches_candidates_anonymously_and_saves_the_search(live_server, page):
    staff = EmployerStaffFactory()
    CompleteCandidateProfileFactory(visible_to_employers=True, user__last_name="Haddad")
    log_in(page, live_server, staff, "de")

    page.goto(live_server.url + url_in("de", "employers:candidate_search"))
    expect(page.locator(".candidate-results > li")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text("Haddad")
    assert_accessible(page, "candidate search (de)")
    page.get_by_role("button", name=text_in("de", "Save search")).click()
    expect(page).to_have_url(re.compile(r"/de/saved-searches/\d+/$"))
    assert_accessible(page, "saved candidate search (de)")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_offer_prints_on_one_a4_page(live_server, page, language):
    description = ("Wir suchen eine freundliche Verstärkung für unser Team im Altbau und auf Baustellen. " * 24).strip()
    vacancy = PublishedVacancyFactory(title="Maler/in Altbau und Fassade", description=description)

    page.goto(live_server.url + url_in(language, "vacancies:detail", pk=vacancy.pk))
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".print-only")).to_be_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)

    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the offer prints on {pages} pages in {language}"

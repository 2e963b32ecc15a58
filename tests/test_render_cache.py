"""The search pages reuse rendered fragments (common.render_cache) without ever showing anyone stale or another
person's content: an edit shows at once, each language keeps its own, and typed text or anything of the
reader is rendered afresh for every request."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from common.render_cache import fragments
from matching.services import match_recompute_for_vacancy
from tests.factories import CompleteCandidateProfileFactory, CourseFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_rendered_not_served_from_the_page_cache(settings):
    """What is measured here is the rendering of a page; the page cache for visitors who are not signed in
    would answer the second request without it (tests/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _no_fragments_yet():
    fragments.clear()
    yield
    fragments.clear()


def without_nonces(response) -> str:
    """The page without what differs per response by design (the CSP nonce, the CSRF token)."""
    html = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def kept_fragments() -> list[str]:
    return list(fragments._items.values())


def test_a_second_visit_shows_the_same_page_from_reused_fragments(client):
    PublishedVacancyFactory.create_batch(3)
    url = reverse("vacancies:search")
    first = client.get(url, {"kind": "job", "german_level": "B1"})
    kept = len(kept_fragments())
    second = client.get(url, {"kind": "job", "german_level": "B1"})

    assert kept > 3, "the filter fields and every card were kept"
    assert len(kept_fragments()) == kept, "nothing new was rendered for the same page"
    assert without_nonces(second) == without_nonces(first)
    assert re.search(r'value="job"[^>]*checked', without_nonces(second)), "the chosen kind stays ticked"


def german_needed(vacancy) -> str:
    return translation.gettext("German: %(level)s") % {"level": vacancy.get_german_level_required_display()}


def test_an_edited_vacancy_shows_its_new_facts_at_once(client):
    vacancy = PublishedVacancyFactory(title="Maler/in gesucht", german_level_required="B1")
    url = reverse("vacancies:search")
    first = client.get(url).content.decode()
    assert "Maler/in gesucht" in first and german_needed(vacancy) in first

    vacancy.title = "Lackierer/in gesucht"
    vacancy.german_level_required = "A2"
    vacancy.save()
    page = client.get(url).content.decode()

    assert "Lackierer/in gesucht" in page
    assert "Maler/in gesucht" not in page
    assert german_needed(vacancy) in page


def test_each_language_keeps_its_own_fragments(client):
    vacancy = PublishedVacancyFactory(german_level_required="B1")
    with translation.override("de"):
        german = client.get(reverse("vacancies:search")).content.decode()
        in_german = german_needed(vacancy)
    with translation.override("en"):
        english = client.get(reverse("vacancies:search")).content.decode()
        in_english = german_needed(vacancy)

    assert in_german != in_english
    assert in_german in german and in_english not in german
    assert in_english in english and in_german not in english


def test_typed_text_is_never_kept(client):
    PublishedVacancyFactory(title="Koch/Köchin gesucht")
    client.get(reverse("vacancies:search"), {"q": "Privatsache Koch", "postal_code": "30159", "radius": "25"})
    client.get(reverse("courses:search"), {"postal_code": "30159"})

    kept = kept_fragments()
    assert kept
    assert not any("Privatsache" in html or 'value="30159"' in html for html in kept)


def test_the_readers_home_and_fit_are_rendered_for_them_alone(client):
    profile = CompleteCandidateProfileFactory(postal_code="30159")
    vacancy = PublishedVacancyFactory(postal_code="30159", occupation=profile.occupations.first().occupation)
    match_recompute_for_vacancy(vacancy=vacancy)  # a fit for this reader, if the vacancy fits
    client.force_login(profile.user)

    page = client.get(reverse("vacancies:search")).content.decode()

    assert "Ab meinem Wohnort: 30159 Hannover" in page
    assert not any("Wohnort" in html or "Passt zu Ihnen" in html for html in kept_fragments())


def test_a_course_with_fewer_seats_shows_them_at_once(client):
    course = CourseFactory(seats_total=12, seats_left=5)
    url = reverse("courses:search")
    assert "5 freie Plätze" in client.get(url).content.decode()

    course.seats_left = 4
    course.save()
    page = client.get(url).content.decode()

    assert "4 freie Plätze" in page
    assert "5 freie Plätze" not in page

"""The search pages reuse rendered fragments (portal.render_cache) without ever showing anyone stale or another
person's content: an edit shows at once, each language keeps its own, and typed text or anything of the
reader is rendered afresh for every request."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from matching.services import match_recompute_for_vacancy
from portal.render_cache import fragments
from tests.factories import CompleteCandidateProfileFactory, CourseFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


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


def test_an_edited_vacancy_shows_its_new_facts_at_once(client):
    vacancy = PublishedVacancyFactory(title="Maler/in gesucht", hours_per_week=38)
    url = reverse("vacancies:search")
    assert "Maler/in gesucht" in client.get(url).content.decode()

    vacancy.title = "Lackierer/in gesucht"
    vacancy.hours_per_week = 20
    vacancy.save()
    page = client.get(url).content.decode()

    assert "Lackierer/in gesucht" in page
    assert "Maler/in gesucht" not in page
    assert "20 Stunden pro Woche" in page


def test_each_language_keeps_its_own_fragments(client):
    PublishedVacancyFactory(hours_per_week=38)
    with translation.override("de"):
        german = client.get(reverse("vacancies:search")).content.decode()
    with translation.override("en"):
        english = client.get(reverse("vacancies:search")).content.decode()

    assert "38 Stunden pro Woche" in german
    assert "38 hours a week" in english
    assert "38 hours a week" not in german


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
    assert "5 von 12 Plätzen frei" in client.get(url).content.decode()

    course.seats_left = 4
    course.save()

    assert "4 von 12 Plätzen frei" in client.get(url).content.decode()

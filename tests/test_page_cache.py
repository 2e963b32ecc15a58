"""Visitors who are not signed in get the public search and finder pages from the page cache (common.page_cache):
the same page a fresh rendering would give, never a signed-in person's page, never an outdated one after a
vacancy is published, closed or edited, one entry per language and search, and nothing kept that shows an error
or a message."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from common.page_cache import HEADER
from employers.models import VacancyStatus
from employers.services import vacancies_expire, vacancies_expire_due, vacancy_expire, vacancy_publish, vacancy_update
from tests.factories import (
    CandidateFactory,
    CompleteCandidateProfileFactory,
    CourseFactory,
    EventFactory,
    OccupationFactory,
    PublishedVacancyFactory,
    VacancyFactory,
)

pytestmark = pytest.mark.django_db

VACANCIES = reverse("vacancies:search")


@pytest.fixture(params=["worker", "cache"])
def store(request, settings):
    """Both places a page may be kept: each worker's memory and the configured cache."""
    settings.PAGE_CACHE_STORE = request.param
    settings.PAGE_CACHE_SECONDS = 60
    return request.param


def served_from_cache(response) -> bool:
    return response.get(HEADER) == "hit"


@pytest.mark.usefixtures("store")
@pytest.mark.parametrize(
    "url",
    [
        reverse("vacancies:search"),
        reverse("vacancies:search") + "?q=Maler&postal_code=30159&radius=25",
        reverse("courses:search"),
        reverse("events:list"),
        reverse("occupations:search"),
        reverse("occupations:search") + "?q=Maler",
    ],
)
def test_the_second_visit_is_served_without_a_query_and_is_the_same_page(
    client, settings, url, django_assert_num_queries
):
    PublishedVacancyFactory.create_batch(3)
    CourseFactory()
    EventFactory()
    first = client.get(url)
    assert first.status_code == 200 and not served_from_cache(first)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert served_from_cache(second)
    assert second.status_code == 200
    assert second.content == first.content
    settings.PAGE_CACHE_SECONDS = 0
    fresh = client.get(url)
    assert fresh.content == second.content, "byte for byte what a fresh rendering gives"
    for header in ("Content-Type", "Content-Language", "Vary", "Content-Security-Policy", "X-Frame-Options"):
        assert second[header] == fresh[header], header
    assert "Cookie" in second["Vary"], "a shared cache must not give this page to the signed-in"
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert not second.cookies


@pytest.mark.usefixtures("store")
def test_a_signed_in_candidate_never_gets_the_visitors_page_and_never_leaves_one(client):
    PublishedVacancyFactory(title="Maler/in im Team")
    anonymous = client.get(VACANCIES)
    assert 'href="/en/vacancies/"' in anonymous.content.decode()

    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)
    for _visit in range(2):
        signed_in = client.get(VACANCIES)
        assert not served_from_cache(signed_in)
        html = signed_in.content.decode()
        assert "Maler/in im Team" in html
        assert 'name="csrfmiddlewaretoken"' in html, "their switcher is the form that stores the choice"
        assert 'href="/en/vacancies/"' not in html

    client.logout()
    client.cookies.clear()
    visitor = client.get(VACANCIES + "?kind=job")
    assert not served_from_cache(visitor)
    # What the candidate saw was never kept: a visitor's page comes fresh, and the next one from the cache.
    client.force_login(CandidateFactory())
    client.get(VACANCIES + "?kind=internship")
    client.logout()
    client.cookies.clear()
    first = client.get(VACANCIES + "?kind=internship")
    assert not served_from_cache(first)
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert served_from_cache(client.get(VACANCIES + "?kind=internship"))


@pytest.mark.usefixtures("store")
def test_publishing_editing_and_closing_through_the_services_show_on_the_next_visit(client):
    draft = VacancyFactory(title="Gärtner/in gesucht")
    assert "Gärtner/in gesucht" not in client.get(VACANCIES).content.decode()
    assert served_from_cache(client.get(VACANCIES))

    vacancy_publish(vacancy=draft)
    published = client.get(VACANCIES)
    assert not served_from_cache(published)
    assert "Gärtner/in gesucht" in published.content.decode()
    assert served_from_cache(client.get(VACANCIES))

    vacancy_update(vacancy=draft, title="Landschaftsgärtner/in gesucht")
    edited = client.get(VACANCIES).content.decode()
    assert "Landschaftsgärtner/in gesucht" in edited

    vacancy_expire(vacancy=draft)
    closed = client.get(VACANCIES).content.decode()
    assert "Landschaftsgärtner/in gesucht" not in closed


@pytest.mark.usefixtures("store")
def test_closing_in_bulk_shows_on_the_next_visit(client):
    overdue = PublishedVacancyFactory(title="Koch/Köchin bis gestern")
    gone = PublishedVacancyFactory(title="Bäcker/in aus der Jobbörse")
    overdue.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    overdue.save(update_fields=["expires_on"])
    html = client.get(VACANCIES).content.decode()
    assert "Koch/Köchin bis gestern" in html and "Bäcker/in aus der Jobbörse" in html
    assert served_from_cache(client.get(VACANCIES))

    assert vacancies_expire_due() == 1  # the daily closing of expired offers, one update() for all
    html = client.get(VACANCIES).content.decode()
    assert "Koch/Köchin bis gestern" not in html and "Bäcker/in aus der Jobbörse" in html

    assert served_from_cache(client.get(VACANCIES))
    assert vacancies_expire(vacancy_ids=[gone.pk]) == [gone.pk]  # offers gone from the Jobbörse
    gone.refresh_from_db()
    assert gone.status == VacancyStatus.EXPIRED
    assert "Bäcker/in aus der Jobbörse" not in client.get(VACANCIES).content.decode()


@pytest.mark.usefixtures("store")
def test_each_language_and_each_search_has_its_own_entry(client):
    PublishedVacancyFactory(title="Maler/in gesucht")
    PublishedVacancyFactory(title="Koch/Köchin gesucht")
    german = client.get("/de/vacancies/")
    english = client.get("/en/vacancies/")
    assert not served_from_cache(english)
    assert german["Content-Language"] == "de" and english["Content-Language"] == "en"
    assert '<html lang="en"' in english.content.decode()

    painters = client.get("/de/vacancies/?q=Maler")
    cooks = client.get("/de/vacancies/?q=Koch")
    assert not served_from_cache(cooks)
    assert "Koch/Köchin gesucht" in cooks.content.decode()
    assert "Koch/Köchin gesucht" not in painters.content.decode()

    # The same search however its parameters are ordered, and with empty ones left out.
    client.get("/de/vacancies/?kind=job&q=Maler")
    same = client.get("/de/vacancies/?q=Maler&german_level=&kind=job")
    assert served_from_cache(same)
    assert served_from_cache(client.get("/en/vacancies/"))


@pytest.mark.usefixtures("store")
def test_a_page_with_a_form_error_is_not_kept(client):
    PublishedVacancyFactory()
    url = VACANCIES + "?radius=25"  # a distance needs a postal code
    first = client.get(url)
    assert first.status_code == 200
    assert first.context["form"].errors
    assert not served_from_cache(client.get(url))


@pytest.mark.usefixtures("store")
def test_a_page_with_a_message_is_neither_served_from_the_cache_nor_kept(client):
    PublishedVacancyFactory()
    client.get(VACANCIES)
    assert served_from_cache(client.get(VACANCIES))

    client.force_login(CandidateFactory())
    client.post(reverse("account_logout"))  # "You have signed out." waits for the next page
    with_message = client.get(VACANCIES)
    assert not served_from_cache(with_message)
    assert with_message.context["messages"] and list(with_message.context["messages"])

    after = client.get(VACANCIES)
    assert served_from_cache(after)
    assert after.content != with_message.content, "the page with the message was not kept"


@pytest.mark.usefixtures("store")
def test_an_edited_occupation_shows_in_the_catalogue_on_the_next_visit(client):
    occupation = OccupationFactory(names={"de": "Fliesenleger/in", "en": "Tiler"})
    url = reverse("occupations:search")
    assert "Fliesenleger/in" in client.get(url).content.decode()
    assert served_from_cache(client.get(url))

    occupation.names = {**occupation.names, "de": "Fliesen-, Platten- und Mosaikleger/in"}
    occupation.save()
    assert "Fliesen-, Platten- und Mosaikleger/in" in client.get(url).content.decode()


def test_the_language_links_of_a_visitor_lead_to_the_same_page_in_the_other_language(client):
    html = client.get("/de/vacancies/?q=Maler&kind=job").content.decode()

    assert 'action="/i18n/setlang/"' not in html
    for code in ("en", "uk", "ar", "fa", "ru", "tr"):
        link = f'href="/{code}/vacancies/?q=Maler&amp;kind=job" hreflang="{code}" lang="{code}"'
        assert link in html, code
    assert 'href="/ar/vacancies/?q=Maler&amp;kind=job" hreflang="ar" lang="ar"\n               dir="rtl"' in html
    assert 'href="/de/vacancies/?q=Maler&amp;kind=job" hreflang="de" lang="de"' in html

    arabic = client.get("/ar/vacancies/?q=Maler&kind=job")
    assert arabic.status_code == 200
    assert arabic["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()

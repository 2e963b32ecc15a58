"""Search pages on a phone (issue 13): the filters fold into one summary line, results come first, compact cards."""

import re

import pytest
from django.urls import reverse

from tests.factories import CourseFactory, EventFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


def test_ten_per_page_shows_ten_and_the_list_says_so(client):
    PublishedVacancyFactory.create_batch(12)

    response = client.get(reverse("vacancies:search"), {"page_size": "10"})

    assert len(response.context["vacancies"]) == 10
    assert re.search(r'<option value="10" selected>', response.content.decode())


def test_without_a_choice_the_page_size_list_shows_the_size_in_use(client):
    PublishedVacancyFactory.create_batch(12)

    response = client.get(reverse("vacancies:search"), {"q": ""})
    content = response.content.decode()

    assert len(response.context["vacancies"]) == 12
    assert re.search(r'<option value="20" selected>', content)
    assert not re.search(r'<option value="10" selected>', content)


@pytest.mark.parametrize(
    ("url_name", "make"),
    [("vacancies:search", PublishedVacancyFactory), ("courses:search", CourseFactory), ("events:list", EventFactory)],
)
def test_the_filters_fold_into_a_summary_and_the_results_come_first(client, url_name, make):
    make(title="Gefunden")

    content = client.get(reverse(url_name)).content.decode()

    assert '<details class="search-filters" data-search-filters>' in content  # closed: results first
    assert content.index('class="search-filters__summary"') < content.index('id="results-heading"')
    assert content.index('id="results-heading"') < content.index("Gefunden")
    assert 'tabindex="-1"' in re.search(r'<h2 id="results-heading"[^>]*>', content).group(0)
    assert 'class="offer-card"' in content


def test_with_errors_the_filters_stand_open(client):
    content = client.get(reverse("vacancies:search"), {"page_size": "1000"}).content.decode()

    assert '<details class="search-filters" data-search-filters open>' in content


def test_a_compact_card_names_the_town_the_kind_and_the_german_needed(client):
    PublishedVacancyFactory(
        title="Lagerhelfer", postal_code="31535", organisation__name="Spedition Nord", german_level_required="A2"
    )

    content = client.get("/en/vacancies/", {"postal_code": "30159"}).content.decode()
    card = re.search(r'<article class="offer-card".*?</article>', content, re.S).group(0)

    assert "Lagerhelfer" in card and '<bdi lang="de">Spedition Nord</bdi>' in card
    assert "31535 Neustadt am Rübenberge" in card and "27 km" in card
    assert "German: A2" in card and "Start: as soon as possible" in card

"""The vacancy search at the scale of a state: stored search vector, typos, estimates, distance by rings, indexes."""

import pytest
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.pagination import SearchPaginator
from courses.lower_saxony import lower_saxony_postal_codes
from employers.models import SEARCH_CONFIG, Vacancy
from employers.selectors import vacancy_list_published, vacancy_text_search, vacancy_within
from employers.services import vacancy_update
from occupations.models import Occupation
from places.geo import coordinates_of, distance_km
from tests.factories import AdminFactory, OccupationFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search, pg_trgm and GIN indexes exist on PostgreSQL only"
)


def titles(response) -> list[str]:
    return [vacancy.title for vacancy in response.context["vacancies"]]


def test_beyond_the_threshold_the_page_says_more_than_and_counts_no_further(client, monkeypatch):
    monkeypatch.setattr(SearchPaginator, "estimate_above", 10)
    for number in range(12):
        PublishedVacancyFactory(title=f"Angebot {number}")

    first = client.get("/en/vacancies/", {"page_size": "10"}).content.decode()
    second = client.get("/en/vacancies/", {"page_size": "10", "page": "2"}).content.decode()

    assert "More than 10 offers found" in first and "Page 1<" in first and 'rel="next"' in first
    assert "12 offers found" in second and "Page 2 of 2" in second


def test_the_estimate_separates_thousands_as_the_reader_is_used_to(client, monkeypatch):
    monkeypatch.setattr(SearchPaginator, "estimate_above", 1000)
    monkeypatch.setattr(SearchPaginator, "count", 1001)

    assert "More than 1,000 offers found" in client.get("/en/vacancies/").content.decode()


NEAR_AND_FAR = ["30161", "30419", "31135", "38100", "37073", "49074", "26122"]  # Hannover outwards


def test_nearest_first_by_rings_gives_the_same_pages_as_sorting_every_offer(client, monkeypatch):
    for code in NEAR_AND_FAR * 2:
        PublishedVacancyFactory(title=f"Stelle {code}", postal_code=code)
    expected = [
        vacancy.title
        for vacancy in sorted(
            Vacancy.objects.published(),
            key=lambda v: (round(distance_km("30159", v.postal_code), 6), -v.published_at.timestamp(), -v.pk),
        )
    ]
    monkeypatch.setattr(SearchPaginator, "estimate_above", 5)  # many results: the rings are used

    with CaptureQueriesContext(connection) as queries:
        first = client.get(reverse("vacancies:search"), {"postal_code": "30159", "page_size": "10"})
    rows_query = queries.captured_queries[-2]["sql"]  # the rows of the page, before the transaction ends
    second = client.get(reverse("vacancies:search"), {"postal_code": "30159", "page_size": "10", "page": "2"})

    assert titles(first) == expected[:10]
    assert titles(second) == expected[10:]
    assert "BETWEEN" in rows_query  # looked for within a ring, though the search has no radius


def test_rings_stop_at_the_radius_searched():
    for code in NEAR_AND_FAR:
        PublishedVacancyFactory(postal_code=code)
    from employers.selectors import NEAREST_RINGS_KM, vacancy_nearest_narrowed

    smallest_ring = NEAREST_RINGS_KM[0]
    within = vacancy_within(vacancy_list_published(), postal_code="30159", radius_km=smallest_ring)
    within = within.order_by("distance_km")

    # No ring lies inside the smallest radius: the search itself is the narrowest.
    assert vacancy_nearest_narrowed(within, postal_code="30159", rows=1, radius_km=smallest_ring) is within


def test_beyond_the_smallest_ring_the_smallest_ring_holding_the_rows_is_chosen():
    from employers.selectors import vacancy_nearest_narrowed

    PublishedVacancyFactory(postal_code="30159")  # Hannover
    PublishedVacancyFactory(postal_code="38100")  # Braunschweig, about 57 km away
    nearest = vacancy_within(vacancy_list_published(), postal_code="30159", radius_km=None).order_by("distance_km")

    two = vacancy_nearest_narrowed(nearest, postal_code="30159", rows=2)
    three = vacancy_nearest_narrowed(nearest, postal_code="30159", rows=3)

    assert [v.postal_code for v in two] == ["30159", "38100"]
    assert "<= 100" in str(two.query)  # the 100 km ring, not the 200 km one
    assert three is nearest  # no ring holds three: the search as it is


def test_the_technical_administration_shows_the_vacancy_without_its_search_vector(client):
    vacancy = PublishedVacancyFactory(title="Koch/Köchin für die Kantine")
    client.force_login(AdminFactory())

    detail = client.get(reverse("admin:employers_vacancy_change", args=[vacancy.pk])).content.decode()

    assert "Koch/Köchin für die Kantine" in detail
    assert "search_vector" not in detail and "'kantin'" not in detail


@only_postgresql
def test_the_stored_search_vector_follows_every_change_of_the_title():
    vacancy = PublishedVacancyFactory(title="Lagerhelfer gesucht", description="Wareneingang.")

    vacancy_update(vacancy=vacancy, title="Gabelstaplerfahrer gesucht")

    def found(word):
        return vacancy_text_search(vacancy_list_published(), query=word).filter(pk=vacancy.pk).exists()

    assert found("Gabelstaplerfahrer") and found("Wareneingang")
    assert not found("Lagerhelfer")


@only_postgresql
@pytest.mark.parametrize("word", ["Koch", "Köchin"])
def test_both_forms_of_a_gender_inclusive_title_are_words_of_the_search_vector(word):
    vacancy = PublishedVacancyFactory(title="Koch/Köchin für die Kantine")

    vectors = Vacancy.objects.filter(search_vector=SearchQuery(word, config=SEARCH_CONFIG))

    assert list(vectors) == [vacancy]


@only_postgresql
def test_a_misspelt_word_still_finds_the_title(client):
    PublishedVacancyFactory(title="Elektroniker gesucht", occupation=OccupationFactory())
    PublishedVacancyFactory(title="Lagerhelfer gesucht", occupation=OccupationFactory())

    assert titles(client.get(reverse("vacancies:search"), {"q": "Elektronikr"})) == ["Elektroniker gesucht"]


@only_postgresql
def test_a_misspelt_occupation_finds_its_vacancies_whatever_their_title(client):
    carpenter = Occupation.objects.get(kldb_code="22342")
    PublishedVacancyFactory(title="Werkstatthilfe", occupation=carpenter)
    PublishedVacancyFactory(title="Lagerhelfer gesucht", occupation=OccupationFactory())

    assert titles(client.get(reverse("vacancies:search"), {"q": "Tischlr"})) == ["Werkstatthilfe"]


@pytest.fixture
def state_like_table():
    """Enough published vacancies across Lower Saxony for the planner to weigh its indexes, then ANALYZE."""
    organisation, occupation = PublishedVacancyFactory().organisation, OccupationFactory()
    codes = sorted(lower_saxony_postal_codes())[::5]
    Vacancy.objects.bulk_create(
        Vacancy(
            organisation=organisation,
            kind="job",
            title=f"Stelle Nummer {number}",
            description="Synthetische Stelle.",
            occupation=occupation,
            postal_code=codes[number % len(codes)],
            latitude=coordinates_of(codes[number % len(codes)])[0],
            longitude=coordinates_of(codes[number % len(codes)])[1],
            hours_per_week=38,
            status="published",
            published_at=timezone.now(),
        )
        for number in range(400)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE employers_vacancy")


def plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


@only_postgresql
def test_the_words_and_the_typos_of_the_text_search_are_looked_up_in_their_indexes(state_like_table):
    """Each condition vacancy_text_search joins with OR can use its GIN index (on 50,000 offers the planner
    combines them in a BitmapOr; on a few hundred it may as well read them all)."""
    words = Q(search_vector=SearchQuery("Koch", config=SEARCH_CONFIG, search_type="websearch"))
    typos = Q(TrigramWordSimilar(F("title"), "Koch"))

    assert "vacancy_search_vector" in plan(Vacancy.objects.filter(words).values("pk"))
    assert "vacancy_title_trigram" in plan(Vacancy.objects.filter(typos).values("pk"))


@only_postgresql
def test_the_distance_search_narrows_by_the_bounding_box_index(state_like_table):
    near = plan(vacancy_within(vacancy_list_published(), postal_code="30159", radius_km=25).values("pk"))

    assert "vacancy_status_geo" in near


@only_postgresql
def test_a_distance_search_for_one_kind_of_offer_reads_only_that_kind_in_the_index(state_like_table):
    internships = vacancy_list_published().filter(kind="internship", german_level_required__in=["0", "A1", "A2"])
    near = plan(vacancy_within(internships, postal_code="30159", radius_km=50).values("pk"))

    assert "vacancy_status_kind_geo" in near


@only_postgresql
def test_the_newest_offers_come_from_their_index_without_sorting_them_all(state_like_table):
    newest = plan(vacancy_list_published().order_by("-published_at", "-pk").values("pk")[:20])

    assert "vacancy_status_newest" in newest
    assert "Sort" not in newest

"""Every search and finder page takes a fixed number of queries, however many results it shows.

Each page is requested with a few results and again with many; the number of queries must be the same and
stay within the page's budget (counted with the user and the transaction's savepoints where they apply; the
session and the header's unread count come from the cache). The counts are printed for the closing note.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.models import ApplicationStatus
from common.pagination import SearchPaginator
from courses.models import RegistrationStatus
from courses.report_services import supply_report_refresh
from matching.services import match_recompute_for_vacancy
from occupations.models import Occupation
from tests.factories import (
    ActiveMentorshipFactory,
    ApplicationFactory,
    CandidateOccupationFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    CourseRegistrationFactory,
    EmployerStaffFactory,
    EventFactory,
    EventRegistrationFactory,
    OccupationFactory,
    PublishedVacancyFactory,
    VisibleCandidateProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_rendered_not_served_from_the_page_cache(settings):
    """What is measured here is the rendering of a page; the page cache for visitors who are not signed in
    would answer the second request without it (tests/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


HANNOVER = ["30159", "30161", "30163", "30165"]


def queries_of(client, url: str, params: dict | None = None) -> int:
    client.get(url, params)  # warm: what is cached after the first visit stays cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    if response.context is None:  # a signed-in finder page kept whole (common.scoped_cache)
        assert response["X-Scoped-Cache"] == "hit"
    else:
        page = response.context.get("page")
        assert page is None or page.object_list, "the page must show results for the count to mean something"
    return len(queries)


def assert_fixed(label: str, few: int, many: int, budget: int) -> None:
    print(f"{label}: {few} queries with few results, {many} with many (budget {budget})")
    assert few == many <= budget


# --- Vacancies -------------------------------------------------------------------------------------------------


def vacancies(count: int) -> None:
    """Carpenters' offers around Hannover, so that "نجار" (carpenter) finds them too."""
    carpenter = Occupation.objects.get(kldb_code="22342")
    for number in range(count):
        PublishedVacancyFactory(
            title=f"Angebot {number}", occupation=carpenter, postal_code=HANNOVER[number % len(HANNOVER)]
        )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "Angebot"},
        {"q": "نجار"},
        {"postal_code": "30159", "radius": "25"},
        {"postal_code": "30159"},
        {"postal_code": "30159", "radius": "50", "kind": "job", "german_level": "A2", "sort": "newest"},
    ],
    ids=["all", "text", "arabic", "radius", "nearest", "filters"],
)
def test_the_vacancy_search(client, params):
    url = reverse("vacancies:search")
    vacancies(2)
    few = queries_of(client, url, {**params, "page_size": "50"})
    vacancies(45)
    many = queries_of(client, url, {**params, "page_size": "50"})

    # savepoint ×2, field choices on the first visit only, count, rows
    assert_fixed(f"vacancy search {params}", few, many, budget=4)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="typo tolerance (pg_trgm) exists on PostgreSQL only")
def test_a_misspelt_vacancy_search_looks_once_more_for_similar_titles(client):
    url = reverse("vacancies:search")
    vacancies(2)
    few = queries_of(client, url, {"q": "Angebt", "page_size": "50"})
    vacancies(45)
    many = queries_of(client, url, {"q": "Angebt", "page_size": "50"})

    # savepoint ×2, count (nothing), titles much like the word, count, rows
    assert_fixed("vacancy search with a typo", few, many, budget=6)


def test_the_nearest_first_search_over_many_offers_stays_within_its_rings(client, monkeypatch):
    monkeypatch.setattr(SearchPaginator, "estimate_above", 3)
    vacancies(12)
    for code in ["31135", "38100", "37073", "26122"]:
        PublishedVacancyFactory(postal_code=code)

    shown = queries_of(client, reverse("vacancies:search"), {"postal_code": "30159", "page_size": "10"})

    # savepoint ×2, count, rows, the smallest ring and, if it does not hold the page, one query for the others
    print(f"nearest-first vacancy search with an estimated count: {shown} queries (budget 6)")
    assert shown <= 6


# --- Courses and events -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"postal_code": "29439"}, {"kind": "integration", "level": "A2", "postal_code": "30159", "radius_km": "25"}],
    ids=["all", "near", "filters"],
)
def test_the_course_finder(client, params):
    url = reverse("courses:search")
    places = ["29439", *HANNOVER]  # Lüchow and Hannover
    for code in places[:2]:
        CourseFactory(postal_code=code)
    few = queries_of(client, url, params)
    for number in range(25):
        CourseFactory(postal_code=places[number % len(places)])
    many = queries_of(client, url, params)

    assert_fixed(f"course finder {params}", few, many, budget=4)  # savepoint ×2, count, rows


def test_the_event_calendar(client):
    url = reverse("events:list")
    EventRegistrationFactory(event=EventFactory())
    few = queries_of(client, url)
    for _ in range(25):
        EventRegistrationFactory(event=EventFactory())
    many = queries_of(client, url)

    assert_fixed("event calendar", few, many, budget=4)  # savepoint ×2, count, rows with their counts


# --- The occupation catalogue -----------------------------------------------------------------------------------


def test_the_occupation_catalogue(client):
    url = reverse("occupations:search")

    few = queries_of(client, url, {"q": "marangoz"})
    many = queries_of(client, url, {"q": "er"})
    browse = queries_of(client, url)

    assert_fixed("occupation catalogue search", few, many, budget=3)  # savepoint ×2, the found occupations
    print(f"occupation catalogue, every occupation by field: {browse} queries")
    assert browse <= 3


# --- Coordinators, employers ------------------------------------------------------------------------------------


def candidates_with_a_history(count: int, offset: int = 0) -> None:
    for number in range(count):
        profile = CompleteCandidateProfileFactory(
            user__last_name=f"Person {offset + number}", postal_code=HANNOVER[number % len(HANNOVER)]
        )
        ActiveMentorshipFactory(profile=profile)
        CourseRegistrationFactory(profile=profile, status=RegistrationStatus.REGISTERED)
        ApplicationFactory(profile=profile, status=ApplicationStatus.AGREED)


# The three signed-in pages below are kept whole per region, vacancy or report (common.scoped_cache): counted
# once as rendered (nothing kept) and once as a second visit finds them (the page kept).
KEPT = pytest.mark.parametrize("kept", [False, True], ids=["rendered", "kept"])


@pytest.fixture
def scoped_cache(settings, request):
    settings.SCOPED_CACHE_SECONDS = 60 if request.node.callspec.params["kept"] else 0


@KEPT
@pytest.mark.usefixtures("scoped_cache")
def test_the_coordinators_caseload(client, kept):
    coordinator = CoordinatorFactory(region__name="Hannover", region__codes=HANNOVER)
    client.force_login(coordinator)
    url = reverse("mentoring:caseload")
    candidates_with_a_history(2)
    few = queries_of(client, url)
    candidates_with_a_history(20, offset=2)
    many = queries_of(client, url)

    # user, region, the figures, count, rows (the session and the unread count come from the cache; no
    # transaction: the page only reads); kept: no figures, count or rows
    assert_fixed("coordinator caseload", few, many, budget=2 if kept else 5)
    if kept:
        assert client.get(url).content.decode().count("<tr") == 23, "the kept page lists all 22 and a header row"


@KEPT
@pytest.mark.usefixtures("scoped_cache")
def test_an_employers_candidate_list(client, kept):
    employer = EmployerStaffFactory()
    painter = OccupationFactory()
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, occupation=painter)
    client.force_login(employer)
    url = reverse("matching:vacancy_candidates", kwargs={"pk": vacancy.pk})

    def candidates(count: int) -> None:
        for _ in range(count):
            CandidateOccupationFactory(profile=VisibleCandidateProfileFactory(), occupation=painter)
        match_recompute_for_vacancy(vacancy=vacancy)

    candidates(2)
    few = queries_of(client, url)
    candidates(12)
    many = queries_of(client, url)

    assert client.get(url).content.decode().count('class="card match-card"') == 14
    # user, vacancy (with the membership joined), matches, their occupations (2), contacts (the session and the
    # unread count come from the cache; no transaction); kept: no matches, occupations or contacts
    assert_fixed("employer's candidate list", few, many, budget=2 if kept else 6)


@KEPT
@pytest.mark.usefixtures("scoped_cache")
def test_the_supply_report(client, kept):
    coordinator = CoordinatorFactory(region__name="Hannover", region__codes=HANNOVER)
    client.force_login(coordinator)
    url = reverse("courses:supply_report")
    CourseFactory(start_date=timezone.localdate() + datetime.timedelta(days=7))
    supply_report_refresh(region=coordinator.region)
    few = queries_of(client, url)
    candidates_with_a_history(10)
    for _ in range(10):
        CourseFactory()
    supply_report_refresh(region=coordinator.region)
    many = queries_of(client, url)

    # user, region, report (its time of computation) (the session and the unread count come from the cache;
    # no transaction); rendered: and its figures
    assert_fixed("supply report", few, many, budget=3 if kept else 4)

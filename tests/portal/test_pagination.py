"""SearchPaginator: counts that stop early, pages fetched by id, a bounded number of queries."""

import pytest

from common.pagination import SearchPaginator
from employers.models import Vacancy
from tests.factories import PublishedVacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancies():
    """Seven published vacancies, newest first by title: V6 … V0."""
    return [PublishedVacancyFactory(title=f"V{number}") for number in range(7)]


def newest_first():
    return Vacancy.objects.published().select_related("organisation").order_by("-pk")


def titles(page) -> list[str]:
    return [vacancy.title for vacancy in page.object_list]


def test_below_the_threshold_the_count_is_exact_and_pages_are_numbered(vacancies):
    paginator = SearchPaginator(newest_first(), 3, estimate_above=10)

    page = paginator.get_page(2)

    assert (paginator.count, paginator.num_pages, paginator.is_estimate) == (7, 3, False)
    assert titles(page) == ["V3", "V2", "V1"]
    assert titles(paginator.get_page(3)) == ["V0"]


def test_above_the_threshold_it_says_more_than_and_the_next_page_stays_reachable(vacancies):
    paginator = SearchPaginator(newest_first(), 2, estimate_above=4)

    page = paginator.get_page(1)

    assert paginator.is_estimate
    assert paginator.estimate_floor == 4
    assert paginator.count == 5  # one more than it claims, so the page after the threshold exists
    assert titles(page) == ["V6", "V5"]
    assert page.has_next()


def test_a_page_beyond_the_threshold_counts_as_far_as_that_page(vacancies):
    page = SearchPaginator(newest_first(), 2, estimate_above=2).get_page(3)

    assert titles(page) == ["V2", "V1"]
    assert page.paginator.estimate_floor == 6
    assert page.paginator.is_estimate and page.has_next()
    last = SearchPaginator(newest_first(), 2, estimate_above=2).get_page(4)
    assert titles(last) == ["V0"] and not last.paginator.is_estimate and not last.has_next()


def test_a_page_number_past_the_end_shows_the_last_page(vacancies):
    page = SearchPaginator(newest_first(), 3, estimate_above=2).get_page(99)

    assert titles(page) == ["V0"]


def test_none_counts_everything(vacancies):
    paginator = SearchPaginator(newest_first(), 2, estimate_above=None)

    paginator.get_page(1)

    assert paginator.count == 7 and not paginator.is_estimate


def test_a_page_takes_two_queries_whatever_its_size_and_one_when_nothing_is_found(
    vacancies, django_assert_num_queries
):
    for per_page in (1, 7):
        with django_assert_num_queries(2):
            page = SearchPaginator(newest_first(), per_page).get_page(1)
            [vacancy.organisation.name for vacancy in page.object_list]
    with django_assert_num_queries(1):
        SearchPaginator(newest_first().filter(title="nothing"), 5).get_page(1)


def test_narrow_serves_the_ids_only_when_the_count_is_an_estimate(vacancies):
    calls = []

    def narrow(queryset, rows):
        calls.append(rows)
        return queryset.filter(title__in=["V6", "V5", "V4"])

    exact = SearchPaginator(newest_first(), 2, estimate_above=10, narrow=narrow).get_page(1)
    estimated = SearchPaginator(newest_first(), 2, estimate_above=3, narrow=narrow).get_page(1)

    assert titles(exact) == titles(estimated) == ["V6", "V5"]
    assert calls == [2]  # the rows needed up to the end of the page

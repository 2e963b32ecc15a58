"""A candidate can sort the vacancy search by how well each offer fits them."""

import pytest

from matching.services import match_recompute_for_candidate
from tests.matching import world

pytestmark = pytest.mark.django_db


def test_sorting_by_fit_puts_the_better_match_first_even_when_it_is_older(client):
    painter = world.occupation("33302", "Maler/in")
    profile = world.candidate(occupations=[(painter, 3)])
    better = world.vacancy(occupation=painter, title="Maler/in im Altbau")
    weaker = world.vacancy(occupation=painter, title="Maler/in im Schichtdienst", german_level_required="B2")
    match_recompute_for_candidate(profile=profile)
    client.force_login(profile.user)

    newest = client.get("/de/vacancies/", {"sort": "newest"}).context["vacancies"]
    by_fit = client.get("/de/vacancies/", {"sort": "fit"})

    assert [v.pk for v in newest] == [weaker.pk, better.pk]
    assert [v.pk for v in by_fit.context["vacancies"]] == [better.pk, weaker.pk]
    assert "Passt zu Ihnen:" in by_fit.content.decode()


def test_visitors_are_not_offered_sorting_by_fit(client):
    response = client.get("/de/vacancies/", {"sort": "fit"})

    assert response.status_code == 200
    assert 'value="fit"' not in response.content.decode()

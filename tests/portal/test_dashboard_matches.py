"""The candidate dashboard shows the best matches with their reasons and the pathways."""

import pytest
from django.urls import reverse

from matching.services import match_recompute_for_candidate
from tests.matching import world

pytestmark = pytest.mark.django_db


def test_dashboard_lists_a_fitting_vacancy_with_its_reason_in_the_readers_language(client):
    painter = world.occupation("33302", "Maler/in")
    profile = world.candidate(occupations=[(painter, 3)])
    world.vacancy(occupation=painter, title="Malergeselle (m/w/d) in Hannover")
    match_recompute_for_candidate(profile=profile)
    client.force_login(profile.user)

    response = client.get(reverse("portal:candidate_dashboard"))

    content = response.content.decode()
    assert "Malergeselle (m/w/d) in Hannover" in content
    assert "gleicher Beruf, 3 Jahre Berufserfahrung" in content


def test_dashboard_without_matches_says_they_come_once_the_profile_is_complete(client):
    profile = world.candidate()
    client.force_login(profile.user)

    response = client.get(reverse("portal:candidate_dashboard"))

    assert "Noch keine passenden Angebote" in response.content.decode()

"""The mentors a coordinator is offered for a request: the matching engine's ranking, limited to the region,
best first, each with readable reasons; pairs that cannot work are left out."""

import pytest
from django.utils import translation

from mentoring.selectors import mentor_assignment_options, mentor_proposals
from portal.models import CandidateLanguage
from tests.factories import ActiveMentorshipFactory, CandidateProfileFactory, MentorProfileFactory, MentorRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(coordinator):
    """A candidate in Hannover-Mitte (Arabic mother tongue, German A2) asking for help with jobs and paperwork."""
    profile = CandidateProfileFactory(postal_code="30159", german_level="A2")
    CandidateLanguage.objects.create(profile=profile, language="ar", level="native")
    return MentorRequestFactory(profile=profile, topics=["job_search", "paperwork"])


def proposals(request_, coordinator):
    with translation.override("en"):
        return mentor_proposals(mentor_request=request_, region=coordinator.region)


def test_the_mentor_who_shares_language_and_topics_comes_first_with_the_reasons(request_, coordinator):
    arabic = MentorProfileFactory(languages=["de", "ar"], postal_code="30161", helps_with=["job_search", "paperwork"])
    german = MentorProfileFactory(languages=["de"], postal_code="30161", helps_with=["job_search"])

    ranked = proposals(request_, coordinator)

    assert [mentor for mentor, _score, _reasons in ranked] == [arabic, german]
    (_first, first_score, first_reasons), (_second, second_score, second_reasons) = ranked
    assert first_score > second_score
    assert "helps with: Job search, Paperwork and authorities" in first_reasons
    assert "speaks Arabic" in first_reasons
    assert "has room for 2 more people" in first_reasons
    assert any(reason.endswith("km away") for reason in first_reasons)
    assert "helps with: Job search" in second_reasons
    assert "can talk in German" in second_reasons


def test_a_nearer_mentor_and_one_with_more_free_places_rank_higher(request_, coordinator):
    far = MentorProfileFactory(postal_code="30165", travel_radius_km=30)
    near = MentorProfileFactory(postal_code="30159", travel_radius_km=30, capacity=3)
    busy = MentorProfileFactory(postal_code="30159", travel_radius_km=30, capacity=2)
    ActiveMentorshipFactory(mentor=busy)

    ranked = [mentor for mentor, _score, _reasons in proposals(request_, coordinator)]

    assert ranked.index(near) < ranked.index(far)
    assert ranked.index(near) < ranked.index(busy)


def test_pairs_that_cannot_work_are_not_proposed(request_, coordinator):
    MentorProfileFactory(helps_with=["everyday_life"])  # none of the topics asked for
    MentorProfileFactory(postal_code="30165", travel_radius_km=1)  # the candidate is beyond the mentor's reach
    full = MentorProfileFactory(capacity=1)
    ActiveMentorshipFactory(mentor=full)
    MentorProfileFactory(approved_at=None)  # not approved yet
    MentorProfileFactory(postal_code="27472", travel_radius_km=200)  # another region
    fitting = MentorProfileFactory()

    assert [mentor for mentor, _score, _reasons in proposals(request_, coordinator)] == [fitting]


def test_a_mentor_who_already_accompanies_the_candidate_is_not_proposed_again(request_, coordinator):
    current = ActiveMentorshipFactory(profile=request_.profile, mentor__capacity=3).mentor
    other = MentorProfileFactory()

    assert [mentor for mentor, _score, _reasons in proposals(request_, coordinator)] == [other]
    assert current.capacity == 3


def test_suggest_for_my_region_scores_every_pair_as_the_single_request_does(request_, coordinator):
    MentorProfileFactory(languages=["de", "ar"], postal_code="30161", helps_with=["job_search", "paperwork"])
    MentorProfileFactory(languages=["de"], postal_code="30165", helps_with=["paperwork"], capacity=3)
    MentorProfileFactory(languages=["de", "fa"], postal_code="30163", helps_with=["job_search"], travel_radius_km=3)
    MentorProfileFactory(helps_with=["everyday_life"])

    _requests, _mentors, options = mentor_assignment_options(region=coordinator.region)

    single = {mentor.pk: score for mentor, score, _reasons in proposals(request_, coordinator)}
    assert len(single) == 3
    assert dict(options[request_.pk]) == single

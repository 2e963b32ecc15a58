"""Mentor proposals for a candidate's request, ranked, with the reasons; pair scores for an assignment."""

import pytest

from matching.selectors import mentor_pair_score, mentor_rank_for_candidate, mentor_score_matrix
from tests.factories import (
    ActiveMentorshipFactory,
    CompleteCandidateProfileFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    UnapprovedMentorProfileFactory,
)

pytestmark = pytest.mark.django_db


def test_mentors_are_ranked_by_fit_and_full_or_unapproved_ones_left_out():
    profile = CompleteCandidateProfileFactory()  # Hannover, Arabic mother tongue, A2 German
    speaks_arabic = MentorProfileFactory(languages=["de", "ar"])
    german_only = MentorProfileFactory(languages=["de"])
    full = MentorProfileFactory(capacity=1)
    ActiveMentorshipFactory(mentor=full)
    UnapprovedMentorProfileFactory()
    far_away = MentorProfileFactory(postal_code="37073", latitude=51.53, longitude=9.93)

    ranked = mentor_rank_for_candidate(profile=profile, topics=["job_search"])

    assert [mentor for mentor, _score, _reasons in ranked] == [speaks_arabic, german_only]
    assert far_away not in [mentor for mentor, *_ in ranked]
    _mentor, score, reasons = ranked[0]
    assert 0 < score <= 100
    assert any("Arabisch" in reason for reason in reasons)


def test_a_mentor_who_helps_with_none_of_the_topics_is_excluded():
    profile = CompleteCandidateProfileFactory()
    mentor = MentorProfileFactory(helps_with=["paperwork"])
    assert mentor_pair_score(profile=profile, topics=["job_search"], mentor=mentor) is None
    assert mentor_pair_score(profile=profile, topics=["paperwork"], mentor=mentor)[0] > 0


def test_pair_scores_for_an_assignment_leave_capacity_to_the_caller():
    request = MentorRequestFactory()
    full = MentorProfileFactory(capacity=1)
    ActiveMentorshipFactory(mentor=full)

    scores = mentor_score_matrix(requests=[request], mentors=[full])

    assert (request.pk, full.pk) in scores
    assert mentor_pair_score(profile=request.profile, topics=request.topics, mentor=full) is None
    assert mentor_pair_score(profile=request.profile, topics=request.topics, mentor=full, ignore_capacity=True)

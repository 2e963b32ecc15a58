"""Where the onboarding continues and how complete a profile is."""

import pytest
from django.utils import translation

from portal.models import OnboardingStep
from portal.selectors import (
    candidate_occupation_of,
    candidate_onboarding_next_step,
    candidate_profile_completeness,
)
from tests.factories import CandidateProfileFactory, CompleteCandidateProfileFactory

pytestmark = pytest.mark.django_db


def test_new_profile_is_0_percent_complete_and_misses_something_from_every_step():
    profile = CandidateProfileFactory()

    with translation.override("en"):
        percent, missing = candidate_profile_completeness(profile=profile)

    assert percent == 0
    assert "Add your German level" in missing
    assert "Add your postal code" in missing
    assert {item.step for item in missing} == set(OnboardingStep.values)


def test_complete_profile_is_100_percent_with_nothing_missing():
    assert candidate_profile_completeness(profile=CompleteCandidateProfileFactory()) == (100, [])


def test_half_filled_profile_lies_in_between_and_names_only_what_is_missing():
    profile = CompleteCandidateProfileFactory(postal_code="", childcare_needed=None)

    with translation.override("en"):
        percent, missing = candidate_profile_completeness(profile=profile)

    assert 0 < percent < 100
    assert list(missing) == ["Add your postal code", "Answer the questions about childcare and shift work"]
    assert [item.step for item in missing] == ["place", "circumstances"]


def test_missing_items_are_translated():
    profile = CandidateProfileFactory()

    with translation.override("uk"):
        _percent, missing = candidate_profile_completeness(profile=profile)

    assert missing[0] != "Add your German level"


def test_no_german_yet_counts_as_an_answer_once_the_step_is_saved():
    profile = CompleteCandidateProfileFactory(german_level="0")

    assert candidate_profile_completeness(profile=profile)[0] == 100
    profile.completed_steps = ["experience", "wishes", "place", "circumstances"]
    assert candidate_profile_completeness(profile=profile)[0] < 100


def test_onboarding_continues_with_the_first_step_not_saved():
    assert candidate_onboarding_next_step(profile=CandidateProfileFactory()) == "languages"
    assert candidate_onboarding_next_step(profile=CandidateProfileFactory(completed_steps=["languages", "place"])) == (
        "experience"
    )
    assert candidate_onboarding_next_step(profile=CompleteCandidateProfileFactory()) is None


def test_an_occupation_entry_is_found_only_on_its_own_profile():
    owner = CompleteCandidateProfileFactory()
    entry = owner.occupations.get()

    assert candidate_occupation_of(profile=owner, pk=entry.pk) == entry
    assert candidate_occupation_of(profile=CandidateProfileFactory(), pk=entry.pk) is None

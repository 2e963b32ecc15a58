"""The profile model keeps its invariants in the database and names its answers in the reader's language."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from portal.models import CandidateOccupation, CandidateProfile, OnboardingStep
from tests.factories import CandidateProfileFactory, CompleteCandidateProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "value"), [("hours_per_week", 0), ("hours_per_week", 49), ("travel_radius_km", 201)])
def test_database_refuses_hours_and_radius_out_of_range(field, value):
    profile = CandidateProfileFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateProfile.objects.filter(pk=profile.pk).update(**{field: value})

    assert getattr(CandidateProfile.objects.get(pk=profile.pk), field) is None


def test_database_refuses_more_than_50_years_of_experience():
    entry = CompleteCandidateProfileFactory().occupations.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateOccupation.objects.filter(pk=entry.pk).update(years_experience=51)

    assert CandidateOccupation.objects.get(pk=entry.pk).years_experience == 5


def test_onboarding_steps_are_numbered_and_linked_in_order():
    steps = OnboardingStep.values

    assert [OnboardingStep.number(step) for step in steps] == [1, 2, 3, 4, 5]
    assert [OnboardingStep.after(step) for step in steps] == [*steps[1:], None]
    assert [OnboardingStep.before(step) for step in steps] == [None, *steps[:-1]]


def test_looking_for_labels_follow_the_catalogue_order_in_the_readers_language():
    profile = CandidateProfileFactory(looking_for=["language_course", "job"])

    with translation.override("en"):
        english = profile.looking_for_labels()
    with translation.override("uk"):
        ukrainian = profile.looking_for_labels()

    assert english == ["Job", "Language course"]
    assert ukrainian[0] != "Job"
    assert len(ukrainian) == 2


def test_has_completed_names_the_saved_steps():
    profile = CandidateProfileFactory(completed_steps=["languages", "place"])

    assert [step for step in OnboardingStep.values if profile.has_completed(step)] == ["languages", "place"]

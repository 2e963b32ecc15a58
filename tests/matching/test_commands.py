"""The commands: explaining one candidate's matches, and the synthetic state-wide data for benchmarks."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from courses.models import Course
from employers.models import Vacancy
from mentoring.models import MentorProfile
from portal.models import CandidateProfile

from . import world

pytestmark = pytest.mark.django_db


def test_explain_matches_shows_each_part_of_a_candidates_matches():
    painter = world.occupation("33302")
    profile = world.candidate(occupations=[(painter, 3)])
    job = world.vacancy(occupation=painter, title="Maler/in Hannover-Linden")
    out = StringIO()

    call_command("explain_matches", profile.user.email, "--recompute", "--language", "en", stdout=out)

    text = out.getvalue()
    assert "Recomputed: 1 new" in text
    assert f"#{job.pk} Maler/in Hannover-Linden" in text
    assert "occupation_same {'years': 3}" in text
    assert "same occupation, 3 years of experience" in text


def test_explain_matches_refuses_an_unknown_address():
    with pytest.raises(CommandError):
        call_command("explain_matches", "nobody@example.org")


def test_the_generator_creates_the_requested_numbers_the_same_way_each_time():
    def generate():
        sizes = ["--candidates=40", "--vacancies=30", "--courses=10", "--mentors=5"]
        call_command("generate_state_data", *sizes, "--delete", "--force", stdout=StringIO())
        return sorted(CandidateProfile.objects.values_list("german_level", "postal_code", "travel_radius_km"))

    first = generate()
    assert CandidateProfile.objects.count() == 40
    assert (Vacancy.objects.count(), Course.objects.count(), MentorProfile.objects.count()) == (30, 10, 5)
    assert generate() == first
    assert CandidateProfile.objects.count() == 40

"""The demo mentoring: approved mentors, candidates waiting in their regions, one active mentorship with a note."""

import pytest
from django.urls import reverse

from accounts.models import User
from demo.data.people import MENTORS
from demo.services import demo_mentoring_seed
from mentoring.models import MentorProfile, MentorRequest, Mentorship, MentorshipEvent, MentorshipNote

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _rows() -> dict[str, list]:
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (MentorProfile, MentorRequest, Mentorship, MentorshipEvent, MentorshipNote)
    }


def test_every_demo_mentor_is_approved_and_one_mentorship_is_active_with_a_note():
    assert MentorProfile.objects.approved().count() == len(MENTORS)
    mentorship = Mentorship.objects.get(status="active")
    assert mentorship.profile.user.email == "kandidatin@demo.example.org"
    assert mentorship.notes.count() == 1
    assert MentorRequest.objects.filter(status="waiting").count() == 3


def test_seeding_again_changes_nothing():
    before = _rows()

    demo_mentoring_seed()

    assert _rows() == before


def test_the_hannover_coordinator_finds_a_proposal_for_a_waiting_demo_candidate(client):
    request = MentorRequest.objects.get(profile__user__email="ahmad@demo.example.org")
    client.force_login(User.objects.get(email="kuemmerer@demo.example.org"))

    page = client.get(reverse("mentoring:request_detail", kwargs={"pk": request.pk})).content.decode()

    assert "Sabine Meyer" in page

"""Mentor onboarding and approval, and what a mentor sees of the people they accompany."""

import pytest
from django.urls import reverse

from mentoring.models import MentorProfile
from notifications.models import Notification
from places.geo import coordinates_of
from tests.factories import (
    ActiveMentorshipFactory,
    MentorFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    MentorshipFactory,
    UnapprovedMentorProfileFactory,
)

pytestmark = pytest.mark.django_db

PROFILE = {
    "languages": ["de", "tr"],
    "postal_code": "30163",
    "travel_radius_km": "12",
    "capacity": "2",
    "helps_with": ["paperwork", "everyday_life"],
    "availability": ["weekends"],
    "about": "Sozialarbeiterin, spreche Türkisch.",
}


def test_a_mentor_creates_a_profile_that_waits_for_approval(client, coordinator):
    user = MentorFactory()
    client.force_login(user)

    response = client.post(reverse("mentoring:mentor_profile"), PROFILE)

    assert response.status_code == 302
    mentor = MentorProfile.objects.get(user=user)
    assert mentor.languages == ["de", "tr"]
    assert (mentor.latitude, mentor.longitude) == coordinates_of("30163")
    assert mentor.capacity == 2
    assert not mentor.is_approved
    assert Notification.objects.filter(recipient=coordinator, kind="mentor_awaits_approval").exists()


def test_an_unknown_postal_code_is_an_error_next_to_the_field_and_saves_nothing(client):
    client.force_login(MentorFactory())

    response = client.post(reverse("mentoring:mentor_profile"), {**PROFILE, "postal_code": "00000"})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="#id_postal_code"' in page
    assert "00000" in page
    assert not MentorProfile.objects.exists()


def test_a_profile_needs_a_language_and_a_topic(client):
    client.force_login(MentorFactory())

    response = client.post(reverse("mentoring:mentor_profile"), {**PROFILE, "languages": [], "helps_with": []})

    assert 'href="#id_languages_0"' in response.content.decode()
    assert 'href="#id_helps_with_0"' in response.content.decode()
    assert not MentorProfile.objects.exists()


def test_the_coordinator_approves_a_mentor_who_can_then_be_proposed(client, coordinator):
    mentor = UnapprovedMentorProfileFactory(postal_code="30161", user__last_name="Neu")
    request = MentorRequestFactory()
    client.force_login(coordinator)
    detail = reverse("mentoring:request_detail", kwargs={"pk": request.pk})
    assert "Neu" not in client.get(detail).content.decode()

    client.post(reverse("mentoring:mentor_approve", kwargs={"pk": mentor.pk}))

    mentor.refresh_from_db()
    assert mentor.is_approved
    assert mentor.approved_by == coordinator
    assert Notification.objects.filter(recipient=mentor.user, kind="mentor_approved").exists()
    assert "Neu" in client.get(detail).content.decode()


def test_a_mentor_sees_name_and_contact_only_once_both_have_accepted(client):
    mentor = MentorProfileFactory(capacity=3)
    proposed = MentorshipFactory(mentor=mentor, profile__user__last_name="Wartemann")
    active = ActiveMentorshipFactory(mentor=mentor, profile__user__last_name="Begleitet")
    client.force_login(mentor.user)

    dashboard = client.get(reverse("mentoring:mentor_dashboard")).content.decode()
    proposal = client.get(reverse("mentoring:mentorship_detail", kwargs={"pk": proposed.pk})).content.decode()

    assert "Begleitet" in dashboard
    assert active.profile.user.email in dashboard
    assert "Wartemann" not in dashboard
    assert proposed.profile.user.email not in dashboard
    assert "Wartemann" not in proposal
    assert proposed.profile.user.email not in proposal
    assert reverse("mentoring:mentorship_step", kwargs={"pk": proposed.pk, "action": "accept"}) in proposal

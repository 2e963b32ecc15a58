"""Proposed → accepted by both → active ⇄ paused → ended (with a reason); declining puts the request back."""

import pytest
from django.urls import reverse

from mentoring.models import MentorRequestStatus, Mentorship, MentorshipStatus, MentorshipStep
from notifications.models import Notification
from tests.factories import (
    ActiveMentorshipFactory,
    CandidateFactory,
    MentorFactory,
    MentorRequestFactory,
    MentorshipFactory,
)

pytestmark = pytest.mark.django_db


def step(client, user, mentorship, action, **data):
    client.force_login(user)
    return client.post(reverse("mentoring:mentorship_step", kwargs={"pk": mentorship.pk, "action": action}), data)


def reload(mentorship) -> Mentorship:
    return Mentorship.objects.get(pk=mentorship.pk)


def test_a_proposal_becomes_accepted_only_when_candidate_and_mentor_both_accept(client):
    mentorship = MentorshipFactory()

    step(client, mentorship.profile.user, mentorship, "accept")
    assert reload(mentorship).status == MentorshipStatus.PROPOSED
    assert reload(mentorship).candidate_accepted_at is not None

    response = step(client, mentorship.mentor.user, mentorship, "accept")

    assert response.status_code == 302
    assert reload(mentorship).status == MentorshipStatus.ACCEPTED
    assert Notification.objects.filter(recipient=mentorship.profile.user, kind="mentorship_accepted").exists()
    assert list(mentorship.events.values_list("step", flat=True)) == [
        MentorshipStep.CANDIDATE_ACCEPTED,
        MentorshipStep.MENTOR_ACCEPTED,
    ]


def test_the_mentor_starts_pauses_resumes_and_ends_a_mentorship_with_a_reason(client):
    mentorship = MentorshipFactory(status=MentorshipStatus.ACCEPTED)
    mentor = mentorship.mentor.user

    step(client, mentor, mentorship, "activate")
    assert reload(mentorship).status == MentorshipStatus.ACTIVE
    step(client, mentor, mentorship, "pause", **{"pause-reason": "Urlaub bis Ende August"})
    assert reload(mentorship).status == MentorshipStatus.PAUSED
    step(client, mentor, mentorship, "activate")
    assert reload(mentorship).status == MentorshipStatus.ACTIVE
    step(client, mentor, mentorship, "end", **{"end-reason": "Arbeitsvertrag unterschrieben, Ziel erreicht."})

    ended = reload(mentorship)
    assert ended.status == MentorshipStatus.ENDED
    assert ended.ended_reason == "Arbeitsvertrag unterschrieben, Ziel erreicht."
    assert list(ended.events.values_list("step", flat=True)) == ["activated", "paused", "resumed", "ended"]
    assert Notification.objects.filter(recipient=mentorship.profile.user, kind="mentorship_ended").exists()


def test_ending_without_a_reason_is_refused_with_an_error_next_to_the_field(client):
    mentorship = ActiveMentorshipFactory()

    response = step(client, mentorship.mentor.user, mentorship, "end", **{"end-reason": "  "})

    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert reload(mentorship).status == MentorshipStatus.ACTIVE


def test_the_coordinator_of_the_region_can_pause_and_end(client, coordinator):
    mentorship = ActiveMentorshipFactory()

    step(client, coordinator, mentorship, "pause")
    assert reload(mentorship).status == MentorshipStatus.PAUSED
    step(client, coordinator, mentorship, "end", **{"end-reason": "Umzug nach Bremen"})

    assert reload(mentorship).status == MentorshipStatus.ENDED
    assert reload(mentorship).events.last().actor == coordinator


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (MentorshipStatus.PROPOSED, "activate"),  # not accepted by both yet
        (MentorshipStatus.PROPOSED, "pause"),
        (MentorshipStatus.ACCEPTED, "pause"),  # has not started
        (MentorshipStatus.ACTIVE, "accept"),
        (MentorshipStatus.ACTIVE, "activate"),
        (MentorshipStatus.ENDED, "activate"),  # ended is final
        (MentorshipStatus.ENDED, "end"),
    ],
)
def test_steps_that_do_not_follow_from_the_status_are_refused(client, status, action):
    mentorship = MentorshipFactory(status=status, ended_reason="Ende" if status == MentorshipStatus.ENDED else "")

    response = step(client, mentorship.mentor.user, mentorship, action, **{f"{action}-reason": "Grund"})

    assert response.status_code == 404
    assert reload(mentorship).status == status


def test_the_candidate_cannot_start_or_end_the_mentorship(client):
    mentorship = MentorshipFactory(status=MentorshipStatus.ACCEPTED)

    assert step(client, mentorship.profile.user, mentorship, "activate").status_code == 404
    assert step(client, mentorship.profile.user, mentorship, "end", **{"end-reason": "x"}).status_code == 404
    assert reload(mentorship).status == MentorshipStatus.ACCEPTED


def test_outsiders_cannot_touch_a_mentorship(client, other_coordinator):
    mentorship = MentorshipFactory()

    for outsider in (CandidateFactory(), MentorFactory(), other_coordinator):
        assert step(client, outsider, mentorship, "accept").status_code == 404
        assert client.get(reverse("mentoring:mentorship_detail", kwargs={"pk": mentorship.pk})).status_code == 404
    assert reload(mentorship).candidate_accepted_at is None


def test_declining_a_proposal_ends_it_and_puts_the_request_back_on_the_list(client, coordinator):
    mentorship = MentorshipFactory()

    response = step(client, mentorship.mentor.user, mentorship, "decline", **{"decline-reason": "Zu wenig Zeit"})

    assert response.status_code == 302
    declined = reload(mentorship)
    assert declined.status == MentorshipStatus.ENDED
    assert declined.ended_reason == "Zu wenig Zeit"
    assert declined.request.status == MentorRequestStatus.WAITING
    assert Notification.objects.filter(recipient=coordinator, kind="mentorship_declined_coordinator").exists()
    assert Notification.objects.filter(recipient=mentorship.profile.user, kind="mentorship_declined").exists()


def test_declining_needs_a_reason(client):
    mentorship = MentorshipFactory()

    response = step(client, mentorship.profile.user, mentorship, "decline", **{"decline-reason": ""})

    assert response.status_code == 400
    assert reload(mentorship).status == MentorshipStatus.PROPOSED


def test_an_ended_mentorship_frees_the_mentors_place_for_a_new_proposal(client, coordinator):
    mentorship = ActiveMentorshipFactory(mentor__capacity=1)
    waiting = MentorRequestFactory()
    assign = reverse("mentoring:request_assign", kwargs={"pk": waiting.pk})
    client.force_login(coordinator)

    client.post(assign, {"mentor": mentorship.mentor.pk})
    assert not Mentorship.objects.filter(request=waiting).exists()

    step(client, coordinator, mentorship, "end", **{"end-reason": "Ziel erreicht"})
    client.post(assign, {"mentor": mentorship.mentor.pk})

    assert Mentorship.objects.get(request=waiting).status == MentorshipStatus.PROPOSED

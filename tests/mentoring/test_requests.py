"""Candidates ask for a mentor; coordinators assign one from the ranked proposals or confirm a whole suggestion."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from mentoring.assignment import assignment_optimal
from mentoring.models import MentorRequest, MentorRequestStatus, Mentorship, MentorshipStatus
from mentoring.selectors import mentor_assignment_options
from notifications.models import Notification
from tests.factories import (
    ActiveMentorshipFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    UnapprovedMentorProfileFactory,
)

pytestmark = pytest.mark.django_db


def test_a_candidate_asks_for_a_mentor_and_the_coordinator_hears_about_it(client, coordinator):
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)

    response = client.post(
        reverse("mentoring:request"), {"topics": ["paperwork", "german_practice"], "message": "Briefe vom Amt"}
    )

    assert response.status_code == 302
    request = MentorRequest.objects.get(profile=profile)
    assert request.topics == ["paperwork", "german_practice"]
    assert request.status == MentorRequestStatus.WAITING
    assert Notification.objects.filter(recipient=coordinator, kind="mentor_requested").exists()
    page = client.get(reverse("mentoring:request")).content.decode()
    assert reverse("mentoring:request_withdraw") in page


def test_asking_needs_a_topic_and_a_postal_code(client):
    profile = CandidateProfileFactory(postal_code="")
    client.force_login(profile.user)

    no_topic = client.post(reverse("mentoring:request"), {"topics": [], "message": ""})
    no_place = client.post(reverse("mentoring:request"), {"topics": ["paperwork"]})

    assert no_topic.status_code == 200
    assert 'class="error-summary' in no_topic.content.decode()
    with translation.override("de"):
        message = translation.gettext(
            "Please add your postal code to your profile first, so that a coordinator near you can find a mentor."
        )
    assert message in no_place.content.decode()
    assert not MentorRequest.objects.exists()


def test_a_candidate_cannot_ask_twice_but_can_withdraw(client):
    request = MentorRequestFactory()
    client.force_login(request.profile.user)

    client.post(reverse("mentoring:request"), {"topics": ["paperwork"]})
    assert MentorRequest.objects.count() == 1

    client.post(reverse("mentoring:request_withdraw"))
    request.refresh_from_db()
    assert request.status == MentorRequestStatus.WITHDRAWN


def test_the_coordinator_sees_ranked_proposals_with_reasons_and_assigns_one(client, coordinator):
    request = MentorRequestFactory(topics=["job_search"])
    best = MentorProfileFactory(languages=["de", "ar"], postal_code="30159", user__last_name="Erstens")
    second = MentorProfileFactory(languages=["de"], postal_code="30165", user__last_name="Zweitens")
    UnapprovedMentorProfileFactory(user__last_name="Ungeprueft")
    client.force_login(coordinator)

    page = client.get(reverse("mentoring:request_detail", kwargs={"pk": request.pk})).content.decode()

    assert page.index("Erstens") < page.index("Zweitens")
    assert "Ungeprueft" not in page
    with translation.override("de"):
        reason = translation.gettext("speaks %(languages)s") % {"languages": translation.gettext("Arabic")}
    assert reason in page

    response = client.post(reverse("mentoring:request_assign", kwargs={"pk": request.pk}), {"mentor": second.pk})

    mentorship = Mentorship.objects.get(request=request)
    assert response.url == reverse("mentoring:mentorship_detail", kwargs={"pk": mentorship.pk})
    assert mentorship.mentor == second
    assert mentorship.status == MentorshipStatus.PROPOSED
    assert mentorship.proposed_by == coordinator
    request.refresh_from_db()
    assert request.status == MentorRequestStatus.ASSIGNED
    assert Notification.objects.filter(recipient=second.user, kind="mentorship_proposed_mentor").exists()
    assert Notification.objects.filter(recipient=request.profile.user, kind="mentorship_proposed_candidate").exists()
    assert best.mentorships.count() == 0


def test_assigning_a_mentor_without_a_free_place_is_refused(client, coordinator):
    request = MentorRequestFactory()
    full = MentorProfileFactory(capacity=1)
    ActiveMentorshipFactory(mentor=full)
    client.force_login(coordinator)

    response = client.post(
        reverse("mentoring:request_assign", kwargs={"pk": request.pk}), {"mentor": full.pk}, follow=True
    )

    assert not Mentorship.objects.filter(request=request).exists()
    assert full.user.get_full_name() in response.content.decode()


def waiting_requests(count: int) -> list[MentorRequest]:
    return [MentorRequestFactory(topics=["job_search"], profile__user__last_name=f"Kandidat{i}") for i in range(count)]


def test_suggest_preselects_the_optimal_assignment_and_confirm_proposes_it(client, coordinator):
    requests = waiting_requests(3)
    MentorProfileFactory(capacity=2, postal_code="30161")
    MentorProfileFactory(capacity=1, languages=["de"], postal_code="30165")
    _requests, _mentors, options = mentor_assignment_options(region=coordinator.region)
    capacities = {mentor.pk: mentor.capacity for mentor in _mentors.values()}
    optimal = assignment_optimal(options=options, capacities=capacities)
    client.force_login(coordinator)

    page = client.get(reverse("mentoring:suggest")).content.decode()

    for request in requests:
        selected = re.search(
            rf'name="request_{request.pk}".*?<option value="(\d*)"[^>]* selected>', page, flags=re.DOTALL
        )
        assert selected.group(1) == str(optimal[request.pk])

    data = {f"request_{pk}": str(mentor) for pk, mentor in optimal.items()}
    response = client.post(reverse("mentoring:suggest"), data)

    assert response.status_code == 302
    proposed = dict(Mentorship.objects.values_list("request_id", "mentor_id"))
    assert proposed == optimal
    assert all(m.status == MentorshipStatus.PROPOSED for m in Mentorship.objects.all())


def test_the_coordinator_can_change_a_suggestion_before_confirming(client, coordinator):
    first, second = waiting_requests(2)
    mentor = MentorProfileFactory(capacity=2)
    client.force_login(coordinator)

    client.post(reverse("mentoring:suggest"), {f"request_{first.pk}": str(mentor.pk), f"request_{second.pk}": ""})

    assert list(Mentorship.objects.values_list("request_id", "mentor_id")) == [(first.pk, mentor.pk)]
    second.refresh_from_db()
    assert second.status == MentorRequestStatus.WAITING


def test_confirming_more_people_than_a_mentor_has_places_saves_nothing(client, coordinator):
    requests = waiting_requests(3)
    mentor = MentorProfileFactory(capacity=2)
    client.force_login(coordinator)

    response = client.post(reverse("mentoring:suggest"), {f"request_{r.pk}": str(mentor.pk) for r in requests})

    assert response.status_code == 400
    assert mentor.user.get_full_name() in response.content.decode()
    assert not Mentorship.objects.exists()
    assert MentorRequest.objects.filter(status=MentorRequestStatus.WAITING).count() == 3


def test_confirming_rechecks_places_taken_since_the_suggestion(client, coordinator):
    first, second = waiting_requests(2)
    mentor = MentorProfileFactory(capacity=2)
    client.force_login(coordinator)
    client.get(reverse("mentoring:suggest"))
    ActiveMentorshipFactory(mentor=mentor)  # a colleague assigned someone meanwhile

    response = client.post(
        reverse("mentoring:suggest"), {f"request_{first.pk}": str(mentor.pk), f"request_{second.pk}": str(mentor.pk)}
    )

    assert response.status_code == 400
    assert not Mentorship.objects.filter(request__in=[first, second]).exists()

"""A coordinator sees only their region: candidates, requests and mentors elsewhere are 404. Admins see all."""

import pytest
from django.urls import reverse

from mentoring.models import Mentorship
from tests.factories import (
    CandidateFactory,
    CompleteCandidateProfileFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    UnapprovedMentorProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cuxhaven_request():
    return MentorRequestFactory(profile__postal_code="27472", profile__user__last_name="Nordsee")


def test_a_coordinator_cannot_open_the_timeline_of_a_candidate_of_another_region(client, coordinator):
    elsewhere = CompleteCandidateProfileFactory(postal_code="27472", user__last_name="Nordsee")
    client.force_login(coordinator)

    response = client.get(reverse("mentoring:timeline", kwargs={"public_id": elsewhere.public_id}))

    assert response.status_code == 404
    assert elsewhere.user.last_name not in response.content.decode()


def test_a_coordinator_opens_the_timeline_of_a_candidate_of_the_own_region(client, coordinator):
    here = CompleteCandidateProfileFactory(postal_code="30163")
    client.force_login(coordinator)

    response = client.get(reverse("mentoring:timeline", kwargs={"public_id": here.public_id}))

    assert response.status_code == 200
    assert here.user.get_full_name() in response.content.decode()


def test_a_coordinator_cannot_open_or_assign_a_request_of_another_region(client, coordinator, cuxhaven_request):
    mentor = MentorProfileFactory()
    client.force_login(coordinator)

    assert client.get(reverse("mentoring:request_detail", kwargs={"pk": cuxhaven_request.pk})).status_code == 404
    response = client.post(
        reverse("mentoring:request_assign", kwargs={"pk": cuxhaven_request.pk}), {"mentor": mentor.pk}
    )

    assert response.status_code == 404
    assert not Mentorship.objects.exists()


def test_a_coordinator_cannot_approve_or_assign_a_mentor_of_another_region(client, coordinator):
    cuxhaven_mentor = UnapprovedMentorProfileFactory(postal_code="27474")
    approved_elsewhere = MentorProfileFactory(postal_code="27474", travel_radius_km=200)
    request = MentorRequestFactory()
    client.force_login(coordinator)

    approve = client.post(reverse("mentoring:mentor_approve", kwargs={"pk": cuxhaven_mentor.pk}))
    assign = client.post(
        reverse("mentoring:request_assign", kwargs={"pk": request.pk}), {"mentor": approved_elsewhere.pk}
    )

    assert approve.status_code == 404
    assert assign.status_code == 404
    cuxhaven_mentor.refresh_from_db()
    assert cuxhaven_mentor.approved_at is None
    assert not Mentorship.objects.exists()


def test_lists_show_only_the_own_region(client, coordinator, cuxhaven_request):
    here = MentorRequestFactory(profile__postal_code="30161", profile__user__last_name="Leinemann")
    UnapprovedMentorProfileFactory(postal_code="27474", user__last_name="Fernmentor")
    UnapprovedMentorProfileFactory(postal_code="30159", user__last_name="Nahmentor")
    client.force_login(coordinator)

    requests = client.get(reverse("mentoring:request_list")).content.decode()
    caseload = client.get(reverse("mentoring:caseload")).content.decode()
    mentors = client.get(reverse("mentoring:mentor_approvals")).content.decode()

    assert here.profile.user.last_name in requests
    assert cuxhaven_request.profile.user.last_name not in requests
    assert here.profile.user.last_name in caseload
    assert cuxhaven_request.profile.user.last_name not in caseload
    assert "Nahmentor" in mentors
    assert "Fernmentor" not in mentors


def test_an_admin_sees_every_region(client, admin, cuxhaven_request):
    here = MentorRequestFactory(profile__postal_code="30161", profile__user__last_name="Leinemann")
    client.force_login(admin)

    requests = client.get(reverse("mentoring:request_list")).content.decode()
    timeline = client.get(reverse("mentoring:timeline", kwargs={"public_id": cuxhaven_request.profile.public_id}))
    detail = client.get(reverse("mentoring:request_detail", kwargs={"pk": cuxhaven_request.pk}))

    assert here.profile.user.last_name in requests
    assert cuxhaven_request.profile.user.last_name in requests
    assert timeline.status_code == 200
    assert detail.status_code == 200


def test_an_admin_can_narrow_the_caseload_to_one_region(client, admin, coordinator, cuxhaven_request):
    here = MentorRequestFactory(profile__postal_code="30161", profile__user__last_name="Leinemann")
    client.force_login(admin)

    page = client.get(reverse("mentoring:caseload"), {"region": coordinator.region.pk}).content.decode()

    assert here.profile.user.last_name in page
    assert cuxhaven_request.profile.user.last_name not in page


@pytest.mark.parametrize("name", ["caseload", "request_list", "suggest", "mentor_approvals"])
def test_candidates_and_mentors_cannot_open_the_workspace(client, name):
    for user in (CandidateFactory(), MentorProfileFactory().user):
        client.force_login(user)
        assert client.get(reverse(f"mentoring:{name}")).status_code == 403

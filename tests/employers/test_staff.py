"""Colleagues: an organisation admin invites them by e-mail (in their language), they create their account
from the link, and the admin can remove them again."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from accounts.models import Invitation, Role, User
from accounts.selectors import invitation_accept_path, invitation_token
from accounts.services import invitation_send, invitations_purge_expired
from applications.models import ApplicationStatus
from employers.models import Membership
from tests.factories import (
    TEST_PASSWORD,
    ApplicationFactory,
    CandidateFactory,
    CoordinatorInvitationFactory,
    CourseProviderOrganisationFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
    StaffInvitationFactory,
)

from .helpers import colleague_of, field_error, text_of, url

pytestmark = pytest.mark.django_db

PASSWORD = "Streichen-und-Tapezieren-7"


def accept_path_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/employer/invitation/\S+/)", message.body).group(1)


def test_admin_invites_a_colleague_who_creates_an_account_from_the_email_in_turkish(
    client, django_capture_on_commit_callbacks
):
    admin = EmployerStaffFactory()
    organisation = admin.membership.organisation
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("staff"), {"email": "Mehmet.Kaya@Example.org", "language": "tr"})

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.organisation, invitation.email, invitation.invited_by) == (
        organisation,
        "mehmet.kaya@example.org",
        admin,
    )
    assert invitation.sent_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mehmet.kaya@example.org"]
    assert message.extra_headers["Content-Language"] == "tr"
    assert message.subject == f"[Brücke] Davet: Brücke'de {organisation.name}'a katılın"
    assert "davet edildiniz" in message.body
    path = accept_path_from(message)
    assert path.startswith("/tr/") and "mehmet" not in path
    assert "mehmet.kaya@example.org" in text_of(client.get(url("staff")))

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert organisation.name in text_of(page)
    response = client.post(
        path, {"first_name": "Mehmet", "last_name": "Kaya", "password1": PASSWORD, "password2": PASSWORD}
    )

    assert response.status_code == 302
    colleague = User.objects.get(email="mehmet.kaya@example.org")
    assert colleague.role == Role.EMPLOYER
    assert colleague.preferred_language == "tr"
    assert colleague.membership.organisation == organisation
    assert not colleague.membership.is_admin
    assert EmailAddress.objects.get(user=colleague).verified
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    dashboard = client.get(url("dashboard"))
    assert dashboard.status_code == 200
    assert organisation.name in text_of(dashboard)


def test_a_course_providers_colleague_becomes_provider_staff(client):
    invitation = StaffInvitationFactory(organisation=CourseProviderOrganisationFactory())

    client.post(
        invitation_accept_path(invitation=invitation),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )

    colleague = User.objects.get(email=invitation.email)
    assert colleague.role == Role.PROVIDER
    assert colleague.membership.organisation == invitation.organisation


def test_an_invitation_link_works_only_once(client):
    invitation = StaffInvitationFactory()
    path = invitation_accept_path(invitation=invitation)
    data = {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD}
    client.post(path, data)
    client.logout()

    response = client.get(path)

    assert response.status_code == 404
    assert Membership.objects.filter(organisation=invitation.organisation).count() == 1


def test_a_forged_or_expired_invitation_link_is_refused(client):
    expired = StaffInvitationFactory(created_at=timezone.now() - timedelta(days=15))

    assert client.get(invitation_accept_path(invitation=expired)).status_code == 404
    assert client.get(url("staff_invitation_accept", token="1:forged")).status_code == 404


def test_a_coordinator_invitation_link_is_no_staff_invitation(client):
    coordinator_invitation = CoordinatorInvitationFactory()

    response = client.get(url("staff_invitation_accept", token=invitation_token(invitation=coordinator_invitation)))

    assert response.status_code == 404
    assert client.get(invitation_accept_path(invitation=coordinator_invitation)).status_code == 200


def test_somebody_logged_in_cannot_accept_an_invitation(client):
    invitation = StaffInvitationFactory()
    client.force_login(CandidateFactory())

    response = client.post(
        invitation_accept_path(invitation=invitation),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 409
    assert not User.objects.filter(email=invitation.email).exists()


def test_mismatched_passwords_create_no_account(client):
    invitation = StaffInvitationFactory()

    response = client.post(
        invitation_accept_path(invitation=invitation),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )

    assert response.status_code == 200
    assert "Die beiden Passwörter stimmen nicht überein." in field_error(response, "password2")
    assert not User.objects.filter(email=invitation.email).exists()


def test_inviting_an_address_with_an_account_answers_as_for_any_address_and_sends_the_invitation(
    client, django_capture_on_commit_callbacks
):
    CandidateFactory(email="taken@example.org")
    client.force_login(EmployerStaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url("staff"), {"email": "taken@example.org", "language": "de"}, follow=True)
        unknown = client.post(url("staff"), {"email": "nobody@example.org", "language": "de"}, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert [str(m) for m in known.context["messages"]] == [str(m) for m in unknown.context["messages"]]
    assert sorted(message.to[0] for message in mail.outbox) == ["nobody@example.org", "taken@example.org"]


def test_an_organisation_sends_at_most_ten_invitations_an_hour(client):
    client.force_login(EmployerStaffFactory())
    for n in range(10):
        assert client.post(url("staff"), {"email": f"person{n}@example.org", "language": "de"}).status_code == 302

    response = client.post(url("staff"), {"email": "one-more@example.org", "language": "de"})

    assert response.status_code == 200
    assert field_error(response, "email")
    assert Invitation.objects.count() == 10
    other_organisation = EmployerStaffFactory()
    client.force_login(other_organisation)
    assert client.post(url("staff"), {"email": "one-more@example.org", "language": "de"}).status_code == 302


def test_staff_without_an_organisation_accept_an_invitation_after_logging_in(client):
    former = EmployerStaffFactory(email="former@example.org")
    former.membership.delete()
    invitation = StaffInvitationFactory(email="former@example.org", organisation=CourseProviderOrganisationFactory())
    path = invitation_accept_path(invitation=invitation)

    anonymous = client.get(path)
    assert anonymous.status_code == 200
    assert "/accounts/login/" in anonymous.content.decode() or "login" in anonymous.content.decode()
    client.force_login(former)
    assert client.get(path).status_code == 200
    response = client.post(path)

    assert response.status_code == 302
    former.refresh_from_db()
    assert former.membership.organisation == invitation.organisation
    assert former.role == Role.PROVIDER
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert User.objects.filter(email="former@example.org").count() == 1


def test_a_candidate_invited_under_their_address_stays_a_candidate(client):
    candidate = CandidateFactory(email="candidate@example.org")
    invitation = StaffInvitationFactory(email="candidate@example.org")
    client.force_login(candidate)

    response = client.post(invitation_accept_path(invitation=invitation))

    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.role == Role.CANDIDATE
    assert not Membership.objects.filter(user=candidate).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_someone_else_logged_in_cannot_take_an_invitation_for_an_existing_account(client):
    EmployerStaffFactory(email="owner@example.org").membership.delete()
    invitation = StaffInvitationFactory(email="owner@example.org")
    client.force_login(EmployerStaffFactory())

    response = client.post(invitation_accept_path(invitation=invitation))

    assert response.status_code == 409
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_inviting_the_same_person_twice_is_refused_while_the_first_invitation_is_valid(client):
    admin = EmployerStaffFactory()
    client.force_login(admin)
    client.post(url("staff"), {"email": "neu@example.org", "language": "de"})

    response = client.post(url("staff"), {"email": "neu@example.org", "language": "de"})

    assert response.status_code == 200
    assert "Diese Person wurde schon eingeladen" in field_error(response, "email")
    assert Invitation.objects.count() == 1


def test_staff_who_are_not_admins_see_colleagues_but_cannot_invite(client):
    admin = EmployerStaffFactory(first_name="Ayşe", last_name="Yilmaz")
    client.force_login(colleague_of(admin))

    page = client.get(url("staff"))
    response = client.post(url("staff"), {"email": "neu@example.org", "language": "de"})

    assert page.status_code == 200
    assert "Ayşe Yilmaz" in text_of(page)
    assert 'name="email"' not in page.content.decode()
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_admin_removes_a_colleague_who_can_no_longer_log_in_and_whose_steps_stay_in_the_history(client):
    admin = EmployerStaffFactory()
    colleague = colleague_of(admin, email="weg@example.org", first_name="Jonas", last_name="Berg")
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=admin.membership.organisation))
    client.force_login(colleague)
    client.post(url("application_detail", pk=application.pk), {"to_status": "declined"})
    client.force_login(admin)

    response = client.post(url("staff_remove", pk=colleague.membership.pk), follow=True)

    assert "Jonas Berg gehört nicht mehr zu Ihrer Organisation." in text_of(response)
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert not Membership.objects.filter(user=colleague).exists()
    assert "weg@example.org" not in text_of(client.get(url("staff")))
    assert application.events.get(status=ApplicationStatus.DECLINED).actor == colleague
    client.logout()
    assert not client.login(email="weg@example.org", password=TEST_PASSWORD)


def test_an_admin_cannot_remove_themselves(client):
    admin = EmployerStaffFactory()
    client.force_login(admin)

    response = client.post(url("staff_remove", pk=admin.membership.pk), follow=True)

    assert "Sie können sich nicht selbst entfernen." in text_of(response)
    assert Membership.objects.filter(pk=admin.membership.pk).exists()
    admin.refresh_from_db()
    assert admin.is_active


def test_removing_needs_post(client):
    admin = EmployerStaffFactory()
    colleague = colleague_of(admin)
    client.force_login(admin)

    assert client.get(url("staff_remove", pk=colleague.membership.pk)).status_code == 405
    assert Membership.objects.filter(user=colleague).exists()


def test_admin_makes_a_colleague_admin_who_then_edits_the_profile_and_cannot_lose_own_rights(client):
    admin = EmployerStaffFactory()
    colleague = colleague_of(admin)
    client.force_login(admin)

    client.post(url("staff_admin", pk=colleague.membership.pk), {"is_admin": "1"})

    colleague.membership.refresh_from_db()
    assert colleague.membership.is_admin
    client.force_login(colleague)
    assert client.get(url("organisation_edit")).status_code == 200

    response = client.post(url("staff_admin", pk=colleague.membership.pk), {"is_admin": "0"}, follow=True)
    assert "Sie können sich die Admin-Rechte nicht selbst entziehen." in text_of(response)
    colleague.membership.refresh_from_db()
    assert colleague.membership.is_admin

    client.post(url("staff_admin", pk=admin.membership.pk), {"is_admin": "0"})
    admin.membership.refresh_from_db()
    assert not admin.membership.is_admin


def test_sending_an_invitation_twice_sends_one_email():
    invitation = StaffInvitationFactory()

    assert invitation_send(invitation=invitation) is True
    assert invitation_send(invitation=invitation) is False

    assert len(mail.outbox) == 1


def test_expired_unaccepted_invitations_are_purged_and_others_kept():
    StaffInvitationFactory(created_at=timezone.now() - timedelta(days=20))
    fresh = StaffInvitationFactory()
    accepted = StaffInvitationFactory(created_at=timezone.now() - timedelta(days=20), accepted_at=timezone.now())

    assert invitations_purge_expired() == 1

    assert set(Invitation.objects.values_list("pk", flat=True)) == {fresh.pk, accepted.pk}


def test_the_invitation_email_shows_the_organisation_name_as_written(django_capture_on_commit_callbacks):
    invitation = StaffInvitationFactory(organisation__name="Müller & Söhne <Bau>", language="de")

    invitation_send(invitation=invitation)

    assert "Müller & Söhne <Bau>" in mail.outbox[0].subject
    assert "Müller & Söhne <Bau>" in mail.outbox[0].body

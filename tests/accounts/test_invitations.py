import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, InvitationKind, Role, User
from accounts.selectors import invitation_accept_path
from accounts.services import invitation_send, invitations_purge_expired
from tests.factories import AdminFactory, CandidateFactory, CoordinatorInvitationFactory, RegionFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Leuchtturm-Cuxhaven-27"


def accept_path_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/accounts/invitation/\S+/)", message.body).group(1)


def test_admin_invites_a_coordinator_who_creates_their_account_from_the_email(
    client, django_capture_on_commit_callbacks
):
    region = RegionFactory(name="Landkreis Cuxhaven", codes=["27472", "27474"])
    client.force_login(AdminFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:admin_dashboard"),
            {"email": "Kuemmerer@Example.org", "region": region.pk, "language": "tr"},
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get(kind=InvitationKind.COORDINATOR)
    assert invitation.email == "kuemmerer@example.org"
    assert invitation.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kuemmerer@example.org"]
    assert "Landkreis Cuxhaven" in mail.outbox[0].subject
    assert mail.outbox[0].extra_headers["Content-Language"] == "tr"
    assert "kuemmerer@example.org" not in accept_path_from(mail.outbox[0])

    client.logout()
    path = accept_path_from(mail.outbox[0])
    assert path.startswith("/tr/")
    response = client.post(
        path, {"first_name": "Jana", "last_name": "Kuhn", "password1": PASSWORD, "password2": PASSWORD}
    )

    assert response.status_code == 302
    coordinator = User.objects.get(email="kuemmerer@example.org")
    assert coordinator.role == Role.COORDINATOR
    assert coordinator.region == region
    assert coordinator.preferred_language == "tr"
    assert EmailAddress.objects.get(user=coordinator).verified
    dashboard = client.get(reverse("mentoring:coordinator_dashboard"))
    assert dashboard.status_code == 200
    assert "27472, 27474" in dashboard.content.decode()


def test_an_invitation_link_works_only_once(client):
    invitation = CoordinatorInvitationFactory()
    path = invitation_accept_path(invitation=invitation)
    data = {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD}
    client.post(path, data)
    client.logout()

    response = client.get(path)

    assert response.status_code == 404
    assert User.objects.filter(role=Role.COORDINATOR).count() == 1


def test_a_forged_or_expired_invitation_link_is_refused(client):
    invitation = CoordinatorInvitationFactory(created_at=timezone.now() - timedelta(days=15))

    assert client.get(invitation_accept_path(invitation=invitation)).status_code == 404
    assert client.get(reverse("accounts:invitation_accept", kwargs={"token": "1:forged"})).status_code == 404


def test_mismatched_passwords_create_no_account_and_say_why(client):
    invitation = CoordinatorInvitationFactory()

    response = client.post(
        invitation_accept_path(invitation=invitation),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )

    assert response.status_code == 200
    assert 'href="#id_password2"' in response.content.decode()
    assert not User.objects.filter(role=Role.COORDINATOR).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_inviting_an_existing_account_is_a_form_error_and_sends_nothing(client, django_capture_on_commit_callbacks):
    CandidateFactory(email="taken@example.org")
    client.force_login(AdminFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:admin_dashboard"),
            {"email": "taken@example.org", "region": RegionFactory().pk, "language": "de"},
        )

    assert response.status_code == 200
    assert "Es gibt bereits ein Konto mit dieser E-Mail-Adresse" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_sending_an_invitation_twice_sends_one_email():
    invitation = CoordinatorInvitationFactory()

    assert invitation_send(invitation=invitation) is True
    assert invitation_send(invitation=invitation) is False

    assert len(mail.outbox) == 1


def test_expired_unaccepted_invitations_are_purged_and_others_kept():
    expired = CoordinatorInvitationFactory(created_at=timezone.now() - timedelta(days=20))
    fresh = CoordinatorInvitationFactory()

    assert invitations_purge_expired() == 1

    assert not Invitation.objects.filter(pk=expired.pk).exists()
    assert Invitation.objects.filter(pk=fresh.pk).exists()

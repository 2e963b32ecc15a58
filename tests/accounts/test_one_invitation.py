"""One invitation model for coordinators, organisation staff and imported accounts: one token, one send task,
one purge, an acceptance of each kind's own, and the links sent before the three tables were merged."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, InvitationKind, Role, User
from accounts.selectors import LEGACY_INVITATION_SALTS, invitation_accept_path, invitation_token
from accounts.services import coordinator_invitation_accept, invitations_purge_expired
from accounts.tasks import send_invitation
from employers.models import Membership
from employers.services import staff_invitation_accept
from imports.services import account_invitation_accept
from notifications.models import OutboxEmail
from tests.factories import (
    TEST_PASSWORD,
    CoordinatorInvitationFactory,
    CourseProviderOrganisationFactory,
    ImportedAccountInvitationFactory,
    OrganisationFactory,
    RegionFactory,
    StaffInvitationFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    InvitationKind.COORDINATOR: CoordinatorInvitationFactory,
    InvitationKind.STAFF: StaffInvitationFactory,
    InvitationKind.IMPORTED_ACCOUNT: ImportedAccountInvitationFactory,
}
URL_NAMES = {
    InvitationKind.COORDINATOR: "accounts:invitation_accept",
    InvitationKind.STAFF: "employers:staff_invitation_accept",
    InvitationKind.IMPORTED_ACCOUNT: "imports:invitation_accept",
}
NEW_ACCOUNT = {"first_name": "Jana", "last_name": "Kuhn", "password1": TEST_PASSWORD, "password2": TEST_PASSWORD}
KINDS = list(InvitationKind)
TWENTY_DAYS_AGO = timedelta(days=20)


def _form_for(kind: str) -> dict:
    if kind == InvitationKind.IMPORTED_ACCOUNT:
        return {"password1": TEST_PASSWORD, "password2": TEST_PASSWORD}
    return NEW_ACCOUNT


def test_an_admins_coordinator_invitation_is_accepted_from_its_link(client):
    region = RegionFactory(name="Heidekreis")
    invitation = CoordinatorInvitationFactory(email="heide@example.org", region=region, language="uk")

    response = client.post(invitation_accept_path(invitation=invitation), NEW_ACCOUNT)

    assert response.status_code == 302
    user = User.objects.get(email="heide@example.org")
    assert (user.role, user.region, user.preferred_language) == (Role.COORDINATOR, region, "uk")
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_a_staff_invitation_is_accepted_from_its_link_into_the_organisation(client):
    organisation = CourseProviderOrganisationFactory()
    invitation = StaffInvitationFactory(email="kollegin@example.org", organisation=organisation)

    response = client.post(invitation_accept_path(invitation=invitation), NEW_ACCOUNT)

    assert response.status_code == 302
    user = User.objects.get(email="kollegin@example.org")
    assert user.role == Role.PROVIDER
    assert Membership.objects.get(user=user).organisation == organisation
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_an_imported_accounts_invitation_is_accepted_by_setting_a_password(client):
    invitation = ImportedAccountInvitationFactory(user__email="importiert@example.org")
    assert not invitation.user.has_usable_password()

    response = client.post(invitation_accept_path(invitation=invitation), _form_for(InvitationKind.IMPORTED_ACCOUNT))

    assert response.status_code == 302
    assert client.login(email="importiert@example.org", password=TEST_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


@pytest.mark.parametrize("kind", KINDS)
def test_an_expired_invitation_link_is_refused_for_every_kind(client, kind):
    invitation = FACTORIES[kind](created_at=timezone.now() - timedelta(days=15))
    users_before = User.objects.count()

    assert client.get(invitation_accept_path(invitation=invitation)).status_code == 404
    assert client.post(invitation_accept_path(invitation=invitation), _form_for(kind)).status_code == 404

    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert User.objects.count() == users_before


def test_an_invitation_that_expires_while_the_form_is_open_is_refused_by_each_acceptance():
    long_ago = timezone.now() - timedelta(days=15)
    names = {"first_name": "A", "last_name": "B", "password": TEST_PASSWORD}
    accepts = [
        (CoordinatorInvitationFactory(created_at=long_ago), coordinator_invitation_accept, names),
        (StaffInvitationFactory(created_at=long_ago), staff_invitation_accept, names),
        (ImportedAccountInvitationFactory(created_at=long_ago), account_invitation_accept, {"password": TEST_PASSWORD}),
    ]
    for invitation, accept, fields in accepts:
        with pytest.raises(ValidationError):
            accept(invitation=invitation, **fields)
        invitation.refresh_from_db()
        assert invitation.accepted_at is None


@pytest.mark.parametrize("kind", KINDS)
def test_a_token_opens_only_its_own_kinds_page(client, kind):
    invitation = FACTORIES[kind]()
    token = invitation_token(invitation=invitation)

    for other in KINDS:
        status = client.get(reverse(URL_NAMES[other], kwargs={"token": token})).status_code
        assert status == (200 if other == kind else 404), other


@pytest.mark.parametrize("kind", KINDS)
def test_links_sent_before_the_merge_still_open_the_moved_invitation(client, kind):
    """The old tables signed their own id with their own salt; the merge kept that id as legacy_id."""
    moved = FACTORIES[kind](legacy_id=7)
    FACTORIES[kind]()  # another invitation, which could have the id 7 of the new table
    old_link = reverse(URL_NAMES[kind], kwargs={"token": signing.dumps(7, salt=LEGACY_INVITATION_SALTS[kind])})

    response = client.post(old_link, _form_for(kind))

    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.accepted_at is not None
    assert Invitation.objects.accepted().count() == 1


def test_an_old_link_naming_an_id_that_was_never_moved_is_refused(client):
    invitation = StaffInvitationFactory()  # made after the merge: no legacy id
    old_token = signing.dumps(invitation.pk, salt=LEGACY_INVITATION_SALTS[InvitationKind.STAFF])

    assert client.get(reverse(URL_NAMES[InvitationKind.STAFF], kwargs={"token": old_token})).status_code == 404


def test_the_purge_removes_expired_invitations_of_every_kind_and_keeps_the_rest():
    expired = [factory(created_at=timezone.now() - TWENTY_DAYS_AGO) for factory in FACTORIES.values()]
    fresh = [factory() for factory in FACTORIES.values()]
    accepted = [
        factory(created_at=timezone.now() - TWENTY_DAYS_AGO, accepted_at=timezone.now() - TWENTY_DAYS_AGO)
        for factory in FACTORIES.values()
    ]

    assert invitations_purge_expired() == 3

    assert not Invitation.objects.filter(pk__in=[invitation.pk for invitation in expired]).exists()
    assert set(Invitation.objects.values_list("pk", flat=True)) == {i.pk for i in fresh + accepted}
    # The imported account itself stays: its owner can still set a password with "forgot password".
    assert User.objects.filter(pk=expired[2].user_id).exists()


def test_one_send_task_sends_every_kind_once_in_its_language_with_its_own_link():
    invitations = [
        CoordinatorInvitationFactory(email="koordination@example.org", language="fa"),
        StaffInvitationFactory(email="team@example.org", language="tr"),
        ImportedAccountInvitationFactory(user__email="import@example.org", user__preferred_language="ru"),
    ]

    for invitation in invitations:
        assert send_invitation(invitation.pk) is True
        assert send_invitation(invitation.pk) is False  # a redelivered task

    assert OutboxEmail.objects.count() == 3
    sent = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    expected = {
        "koordination@example.org": ("fa", r"/fa/\S*accounts/invitation/"),
        "team@example.org": ("tr", r"/tr/\S*employer/invitation/"),
        "import@example.org": ("ru", r"/ru/\S*coordinator/import/invitation/"),
    }
    for address, (language, link) in expected.items():
        assert sent[address].extra_headers["Content-Language"] == language
        assert re.search(link, sent[address].body), sent[address].body
    assert all(invitation.sent_at for invitation in Invitation.objects.all())


def test_an_invitation_carries_only_its_own_kinds_data():
    region, organisation = RegionFactory(), OrganisationFactory()
    wrong = [
        {"kind": InvitationKind.STAFF, "email": "a@example.org", "language": "de", "region": region},
        {"kind": InvitationKind.COORDINATOR, "email": "a@example.org", "language": "de", "organisation": organisation},
        {"kind": InvitationKind.COORDINATOR, "email": "", "language": "de", "region": region},
        {"kind": InvitationKind.IMPORTED_ACCOUNT, "email": "a@example.org"},
    ]
    for fields in wrong:
        with pytest.raises(IntegrityError), transaction.atomic():
            Invitation.objects.create(**fields)


def test_the_nightly_run_sends_invitations_whose_send_task_was_lost_and_purges_the_expired():
    from accounts.tasks import expire_invitations

    two_hours_ago = timezone.now() - timedelta(hours=2)
    lost = StaffInvitationFactory(email="verloren@example.org", created_at=two_hours_ago)
    deactivated = ImportedAccountInvitationFactory(created_at=two_hours_ago, user__is_active=False)
    expired = CoordinatorInvitationFactory(created_at=timezone.now() - TWENTY_DAYS_AGO)

    assert expire_invitations() == 1

    assert [message.to for message in mail.outbox] == [["verloren@example.org"]]
    lost.refresh_from_db()
    deactivated.refresh_from_db()
    assert lost.sent_at is not None
    assert deactivated.sent_at is None
    assert not Invitation.objects.filter(pk=expired.pk).exists()

"""Every role exports and deletes its own data: candidates, employer and course-provider staff, mentors and
coordinators. Staff leave their organisation first; nothing about the person stays behind."""

import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from employers.models import Membership, Vacancy
from matching.models import Match, MatchKind
from mentoring.models import MentorshipNote
from notifications.models import NotificationPreference
from portal.models import CandidateProfile
from privacy.selectors import EXPORT_EXEMPT, EXPORT_SECTIONS, candidate_data_export
from privacy.services import DELETED_REPR, account_delete
from tests.documents.helpers import stored_files
from tests.employers.helpers import colleague_of
from tests.factories import (
    FACTORY_BY_ROLE,
    TEST_PASSWORD,
    ActiveMentorshipFactory,
    CompleteCandidateProfileFactory,
    DocumentFactory,
    EmployerStaffFactory,
    EventRegistrationFactory,
    PublishedVacancyFactory,
)

pytestmark = pytest.mark.django_db

SELF_SERVICE_ROLES = [Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR, Role.COORDINATOR]


@pytest.mark.parametrize("role", SELF_SERVICE_ROLES)
def test_every_role_downloads_and_reads_its_own_data(client, role):
    user = FACTORY_BY_ROLE[role](email=f"{role}@example.org")
    client.force_login(user)

    download = client.get(reverse("privacy:export_json"))
    page = client.get(reverse("privacy:export_page"))

    assert download.status_code == page.status_code == 200
    data = json.loads(download.content)
    assert data["account"]["email"] == f"{role}@example.org"
    assert f"{role}@example.org" in page.content.decode()
    # Reading the export creates nothing: staff and mentors get no candidate profile from it.
    assert CandidateProfile.objects.filter(user=user).exists() == (role == Role.CANDIDATE and bool(data["profile"]))


@pytest.mark.parametrize("role", SELF_SERVICE_ROLES)
def test_every_role_deletes_its_own_account(client, role, django_capture_on_commit_callbacks):
    user = FACTORY_BY_ROLE[role]()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_staff_leave_their_organisation_whose_offers_stay(client):
    admin = EmployerStaffFactory()
    organisation = admin.membership.organisation
    colleague = colleague_of(admin, is_admin=True)
    vacancy = PublishedVacancyFactory(organisation=organisation, created_by=admin)
    client.force_login(admin)

    response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=admin.pk).exists()
    assert list(Membership.objects.filter(organisation=organisation).values_list("user", flat=True)) == [colleague.pk]
    vacancy = Vacancy.objects.get(pk=vacancy.pk)
    assert vacancy.organisation == organisation
    assert vacancy.created_by is None


def test_the_last_admin_of_an_organisation_with_colleagues_is_asked_to_hand_over_first(client):
    admin = EmployerStaffFactory()
    organisation = admin.membership.organisation
    colleague_of(admin)
    client.force_login(admin)

    response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 200
    assert organisation.name in response.content.decode()
    assert "admin" in response.content.decode().lower()
    assert User.objects.filter(pk=admin.pk).exists()
    assert Membership.objects.filter(user=admin, is_admin=True).exists()


def test_the_only_member_of_an_organisation_may_delete_and_the_organisation_stays():
    admin = EmployerStaffFactory()
    organisation = admin.membership.organisation

    account_delete(user=admin)

    assert not User.objects.filter(pk=admin.pk).exists()
    organisation.refresh_from_db()


def test_the_export_holds_mentoring_events_matches_and_notification_settings():
    mentorship = ActiveMentorshipFactory()
    profile = mentorship.profile
    user = profile.user
    MentorshipNote.objects.create(
        mentorship=mentorship, author=mentorship.mentor.user, date=timezone.localdate(), text="Bewerbung geübt"
    )
    EventRegistrationFactory(user=user, checked_in_at=timezone.now())
    vacancy = PublishedVacancyFactory(title="Maler/in in Hannover")
    Match.objects.create(profile=profile, kind=MatchKind.VACANCY, vacancy=vacancy, score=80, parts=[], fingerprint=1)
    NotificationPreference.objects.create(user=user, match_digest=False)

    data = candidate_data_export(user=user)

    assert data["mentor_requests"][0]["topics"] == ["job_search"]
    assert data["mentorships"][0]["notes"][0]["text"] == "Bewerbung geübt"
    assert data["event_registrations"][0]["checked_in_at"] is not None
    assert data["matches"][0]["offer"] == "Maler/in in Hannover"
    assert data["notification_settings"]["match_digest"] is False
    mentor_data = candidate_data_export(user=mentorship.mentor.user)
    assert mentor_data["mentor_profile"]["postal_code"] == "30159"
    assert mentor_data["mentorships"][0]["notes"][0]["by_you"] is True


def person_models() -> dict[str, str]:
    """Every model with a path to a person: rows owned through cascading keys from the user, and rows that name
    a user by any key. Label → how it was reached."""
    owned = {User}
    changed = True
    while changed:
        changed = False
        for model in apps.get_models(include_auto_created=True):
            if model in owned:
                continue
            for field in model._meta.concrete_fields:
                if (
                    field.is_relation
                    and field.related_model in owned
                    and field.remote_field.on_delete is models.CASCADE
                ):
                    owned.add(model)
                    changed = True
                    break
    found = {model._meta.label: "owned" for model in owned}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                found.setdefault(model._meta.label, f"names the person in {field.name}")
    return found


def test_every_model_with_a_path_to_a_person_is_in_the_export_or_exempt_with_a_reason():
    exported = {label for section in EXPORT_SECTIONS for label in section.models}

    missing = {label: how for label, how in person_models().items() if label not in exported | set(EXPORT_EXEMPT)}

    assert missing == {}, f"Add these to a section of privacy.selectors.EXPORT_SECTIONS: {missing}"
    assert not exported & set(EXPORT_EXEMPT)


def test_deleting_scrubs_the_admin_log_and_removes_the_emptied_document_folder(django_capture_on_commit_callbacks):
    profile = CompleteCandidateProfileFactory(user__first_name="Amal", user__last_name="Haddad")
    user = profile.user
    DocumentFactory(owner=user)
    for target in (user, profile):
        LogEntry.objects.create(
            user=FACTORY_BY_ROLE[Role.ADMIN](),
            content_type=ContentType.objects.get_for_model(target),
            object_id=str(target.pk),
            object_repr="Amal Haddad",
            action_flag=CHANGE,
            change_message="Changed Amal Haddad",
        )
    folders_before = {path.parent for path in stored_files()}
    assert folders_before

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=user)

    entries = LogEntry.objects.all()
    assert entries.count() == 2
    assert {entry.object_repr for entry in entries} == {DELETED_REPR}
    assert all("Haddad" not in entry.change_message for entry in entries)
    assert not any(folder.exists() for folder in folders_before)


def test_deleting_a_candidate_removes_their_stored_matches():
    profile = CompleteCandidateProfileFactory()
    Match.objects.create(
        profile=profile, kind=MatchKind.VACANCY, vacancy=PublishedVacancyFactory(), score=70, parts=[], fingerprint=2
    )

    account_delete(user=profile.user)

    assert not Match.objects.filter(profile_id=profile.pk).exists()


def test_a_mentor_with_a_current_mentorship_is_asked_to_end_it_first(client):
    mentorship = ActiveMentorshipFactory()
    mentor = mentorship.mentor.user
    client.force_login(mentor)

    response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 200
    assert User.objects.filter(pk=mentor.pk).exists()
    mentorship.refresh_from_db()

"""A candidate downloads everything held about them: as a JSON file and as a readable page."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from common.vocabulary import LanguageLevel
from documents.services import document_share
from notifications.services import notification_create
from portal.models import CandidateProfile, ContactGrant, WorkPermit
from portal.services import contact_grant_give
from privacy.selectors import EXPORT_SECTIONS, candidate_data_export
from tests.factories import (
    FACTORY_BY_ROLE,
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    CourseRegistrationFactory,
    DocumentFactory,
    EmployerStaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    """A complete profile with a work permit, a shared document and an employer who may contact them."""
    profile = CompleteCandidateProfileFactory(
        user__first_name="Amal", user__last_name="Haddad", user__email="amal.haddad@example.org", work_permit="yes"
    )
    employer = EmployerStaffFactory(membership__organisation__name="Tischlerei Beispiel GmbH")
    document = DocumentFactory(owner=profile.user, title="Gesellenbrief")
    document_share(document=document, organisation=employer.membership.organisation)
    contact_grant_give(
        profile=profile, organisation=employer.membership.organisation, reason=ContactGrant.Reason.APPLIED
    )
    return profile


def test_json_export_is_a_download_with_everything_held(client, profile):
    client.force_login(profile.user)

    response = client.get(reverse("privacy:export_json"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="bruecke-my-data.json"'
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == "amal.haddad@example.org"
    assert (data["account"]["first_name"], data["account"]["last_name"]) == ("Amal", "Haddad")
    assert data["account"]["role"]["code"] == "candidate"
    assert data["account"]["date_joined"]
    assert data["email_addresses"] == [{"email": "amal.haddad@example.org", "verified": True, "primary": True}]
    assert data["profile"]["public_id"] == str(profile.public_id)
    assert data["profile"]["work_permit"]["code"] == "yes"
    assert data["profile"]["german_level"]["code"] == "A2"
    assert data["profile"]["postal_code"] == "30159"
    assert [kind["code"] for kind in data["profile"]["looking_for"]] == ["job", "internship"]
    with translation.override("de"):
        native = str(LanguageLevel.NATIVE.label)
    assert data["languages"] == [
        {"language": {"code": "ar", "label": "Arabisch"}, "level": {"code": "native", "label": native}}
    ]
    [occupation] = data["occupations"]
    occupation_row = profile.occupations.get().occupation
    assert occupation["kldb_code"] == occupation_row.kldb_code
    assert occupation["isco_code"] == occupation_row.isco_code
    assert occupation["name"] == occupation_row.name("de")
    assert occupation["years_experience"] == 5
    [document] = data["documents"]
    assert document["title"] == "Gesellenbrief"
    assert document["content_type"] == "application/pdf"
    assert document["shared_with"] == ["Tischlerei Beispiel GmbH"]
    assert [grant["organisation"] for grant in data["contact_grants"]] == ["Tischlerei Beispiel GmbH"]


def test_json_export_holds_document_metadata_but_never_the_content_or_storage_path(client, profile):
    client.force_login(profile.user)
    document = profile.user.documents.get()
    with document.file.open("rb") as stored:
        content = stored.read()

    body = client.get(reverse("privacy:export_json")).content

    assert content not in body
    assert document.file.name.encode() not in body


def test_every_profile_field_is_in_the_export(profile):
    data = candidate_data_export(user=profile.user)

    expected = {field.name for field in type(profile)._meta.concrete_fields} - {"id", "user"}
    assert expected <= set(data["profile"])


def test_each_candidate_gets_only_their_own_data(client, profile):
    other = CompleteCandidateProfileFactory(user__email="someone.else@example.org")
    client.force_login(other.user)

    body = client.get(reverse("privacy:export_json")).content.decode()

    assert "someone.else@example.org" in body
    assert "amal.haddad@example.org" not in body
    assert "Gesellenbrief" not in body


@pytest.mark.parametrize("role", [Role.ADMIN])
@pytest.mark.parametrize("name", ["privacy:export_json", "privacy:export_page"])
def test_operators_have_no_self_service_export(client, profile, role, name):
    client.force_login(FACTORY_BY_ROLE[role]())

    response = client.get(reverse(name))

    assert response.status_code == 403
    assert "amal.haddad@example.org" not in response.content.decode()


@pytest.mark.parametrize("name", ["privacy:export_json", "privacy:export_page"])
def test_anonymous_visitor_must_log_in_to_export(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_readable_page_shows_every_section_in_the_readers_language(client, profile):
    client.force_login(profile.user)

    response = client.get(reverse("privacy:export_page"))

    page = response.content.decode()
    assert response.status_code == 200
    for section in EXPORT_SECTIONS:
        assert f'id="export-{section.key}"' in page
    assert "amal.haddad@example.org" in page
    assert "Gesellenbrief" in page
    assert "Tischlerei Beispiel GmbH" in page
    with translation.override("de"):
        assert str(WorkPermit.YES.label) in page


def test_readable_page_renders_right_to_left_in_arabic(client, profile):
    client.force_login(profile.user)

    with translation.override("ar"):
        url = reverse("privacy:export_page")
        response = client.get(url)

    assert url.startswith("/ar/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "جميع بياناتي" in page
    assert "amal.haddad@example.org" in page
    with translation.override("ar"):
        assert str(WorkPermit.YES.label) in page


def test_export_holds_applications_course_registrations_and_notifications(client):
    application = ApplicationFactory(message="Ich bin Maler.")
    user = application.profile.user
    document = DocumentFactory(owner=user, title="Gesellenbrief")
    application.documents.add(document)
    registration = CourseRegistrationFactory(profile=application.profile)
    notification_create(
        recipient=user,
        kind="application_status_changed",
        params={"title": application.vacancy.title, "status": "invited"},
        email=False,
    )
    client.force_login(user)

    data = json.loads(client.get(reverse("privacy:export_json")).content)

    [exported] = data["applications"]
    assert exported["vacancy"] == application.vacancy.title
    assert exported["organisation"] == application.vacancy.organisation.name
    assert exported["message"] == "Ich bin Maler."
    assert exported["status"]["code"] == "submitted"
    assert exported["documents"] == ["Gesellenbrief"]
    assert [step["status"]["code"] for step in exported["history"]] == ["submitted"]
    assert [r["course"] for r in data["course_registrations"]] == [registration.course.title]
    [notice] = data["notifications"]
    assert application.vacancy.title in notice["text"]
    page = client.get(reverse("privacy:export_page")).content.decode()
    assert registration.course.title in page
    assert "Ich bin Maler." in page


def test_a_candidate_without_a_profile_reads_privacy_and_export_pages_without_one_being_created(client):
    candidate = FACTORY_BY_ROLE[Role.CANDIDATE]()
    client.force_login(candidate)

    overview = client.get(reverse("privacy:overview"))
    download = client.get(reverse("privacy:export_json"))
    page = client.get(reverse("privacy:export_page"))

    assert overview.status_code == download.status_code == page.status_code == 200
    assert "Ihr Profil ist für Arbeitgeber verborgen." in overview.content.decode()
    assert json.loads(download.content)["account"]["email"] == candidate.email
    assert not CandidateProfile.objects.filter(user=candidate).exists()

"""What an employer sees of a candidate: nothing without consent, an anonymous profile with it, and who the
candidate is only after they applied there or accepted contact."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from documents.services import document_share
from portal.models import ContactGrant, WorkPermit
from portal.selectors import candidate_profile_for_employer
from portal.services import contact_grant_give
from tests.factories import (
    FACTORY_BY_ROLE,
    CompleteCandidateProfileFactory,
    DocumentFactory,
    EmployerStaffFactory,
    VisibleCandidateProfileFactory,
)

pytestmark = pytest.mark.django_db

NAME = {"user__first_name": "Amal", "user__last_name": "Haddad", "user__email": "amal.haddad@example.org"}


def detail_url(profile):
    return reverse("employers:candidate_detail", args=[profile.public_id])


@pytest.fixture
def employer(client):
    employer = EmployerStaffFactory()
    client.force_login(employer)
    return employer


def give_contact(profile, employer):
    contact_grant_give(
        profile=profile, organisation=employer.membership.organisation, reason=ContactGrant.Reason.APPLIED
    )


def assert_no_identity(page: str):
    for secret in ("Amal", "Haddad", "amal.haddad@example.org", "mailto:"):
        assert secret not in page


def test_a_hidden_candidate_does_not_exist_for_an_employer(client, employer):
    profile = CompleteCandidateProfileFactory(**NAME)

    response = client.get(detail_url(profile))

    assert response.status_code == 404
    assert_no_identity(response.content.decode())


def test_a_visible_candidate_is_shown_anonymously(client, employer):
    profile = VisibleCandidateProfileFactory(**NAME, work_permit=WorkPermit.YES)
    DocumentFactory(owner=profile.user, title="Gesellenbrief")

    response = client.get(detail_url(profile))

    page = response.content.decode()
    assert response.status_code == 200
    assert profile.occupations.get().occupation.name("de") in page
    assert "A2" in page
    assert "Postleitzahlbereich 301…" in page
    assert "25 km" in page
    assert_no_identity(page)
    assert "Gesellenbrief" not in page
    with translation.override("de"):
        assert str(WorkPermit.YES.label) not in page
        assert str(type(profile)._meta.get_field("work_permit").verbose_name) not in page


def test_withdrawing_consent_hides_the_candidate_again(client, employer):
    profile = VisibleCandidateProfileFactory(**NAME)
    candidate_client = Client()
    candidate_client.force_login(profile.user)
    assert client.get(detail_url(profile)).status_code == 200

    candidate_client.post(reverse("privacy:visibility"), {"visible": "no"})
    assert client.get(detail_url(profile)).status_code == 404

    candidate_client.post(reverse("privacy:visibility"), {"visible": "yes"})
    assert client.get(detail_url(profile)).status_code == 200


def test_after_applying_the_employer_sees_name_email_and_shared_documents_only(client, employer):
    profile = VisibleCandidateProfileFactory(**NAME)
    shared = DocumentFactory(owner=profile.user, title="Gesellenbrief")
    DocumentFactory(owner=profile.user, title="Nicht geteiltes Zeugnis")
    elsewhere = DocumentFactory(owner=profile.user, title="Woanders geteilt")
    document_share(document=shared, organisation=employer.membership.organisation)
    document_share(document=elsewhere, organisation=EmployerStaffFactory().membership.organisation)
    give_contact(profile, employer)

    page = client.get(detail_url(profile)).content.decode()

    assert "Amal Haddad" in page
    assert 'href="mailto:amal.haddad@example.org"' in page
    assert "Gesellenbrief" in page
    assert reverse("documents:download", args=[shared.public_id]) in page
    assert "Nicht geteiltes Zeugnis" not in page
    assert "Woanders geteilt" not in page


def test_a_contact_grant_opens_the_profile_even_when_it_is_not_visible(client, employer):
    profile = CompleteCandidateProfileFactory(**NAME, work_permit=WorkPermit.YES)
    give_contact(profile, employer)

    response = client.get(detail_url(profile))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Amal Haddad" in page
    with translation.override("de"):
        assert str(WorkPermit.YES.label) not in page


def test_a_grant_for_another_employer_reveals_nothing_to_this_one(client, employer):
    hidden = CompleteCandidateProfileFactory(**NAME)
    visible = VisibleCandidateProfileFactory(user__first_name="Amal", user__last_name="Haddad")
    other_employer = EmployerStaffFactory()
    give_contact(hidden, other_employer)
    give_contact(visible, other_employer)

    assert client.get(detail_url(hidden)).status_code == 404
    page = client.get(detail_url(visible)).content.decode()
    assert_no_identity(page)


def test_a_deactivated_candidate_is_not_shown(client, employer):
    profile = VisibleCandidateProfileFactory()
    give_contact(profile, employer)
    profile.user.is_active = False
    profile.user.save(update_fields=["is_active"])

    assert client.get(detail_url(profile)).status_code == 404


def test_the_selector_never_returns_the_work_permit_or_contact_without_a_grant(employer):
    profile = VisibleCandidateProfileFactory(work_permit=WorkPermit.YES)

    view = candidate_profile_for_employer(organisation=employer.membership.organisation, public_id=profile.public_id)

    assert view["contact"] is None
    assert view["documents"] == []
    assert view["district"] == "301"
    assert "work_permit" not in view
    assert "postal_code" not in view


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.EMPLOYER])
def test_other_roles_are_refused(client, role):
    profile = VisibleCandidateProfileFactory(**NAME)
    client.force_login(FACTORY_BY_ROLE[role]())

    response = client.get(detail_url(profile))

    assert response.status_code == 403
    assert_no_identity(response.content.decode())


def test_another_candidate_cannot_read_a_profile_even_with_its_id(client):
    profile = VisibleCandidateProfileFactory(**NAME)
    client.force_login(CompleteCandidateProfileFactory().user)

    response = client.get(detail_url(profile))

    assert response.status_code == 403
    assert_no_identity(response.content.decode())


def test_anonymous_visitor_must_log_in(client):
    profile = VisibleCandidateProfileFactory()

    response = client.get(detail_url(profile))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_links_on_the_page_carry_no_personal_data(client, employer):
    profile = VisibleCandidateProfileFactory(**NAME)
    document = DocumentFactory(owner=profile.user, title="Gesellenbrief")
    document_share(document=document, organisation=employer.membership.organisation)
    give_contact(profile, employer)

    page = client.get(detail_url(profile)).content.decode()

    urls = [url for url in re.findall(r'(?:href|action)="([^"]+)"', page) if not url.startswith("mailto:")]
    assert urls
    for url in urls + [detail_url(profile)]:
        for secret in ("amal", "haddad", "example.org", "gesellenbrief"):
            assert secret not in url.lower()

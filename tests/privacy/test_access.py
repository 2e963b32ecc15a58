"""Documents and the privacy overview serve candidates only, export and deletion every role but the operators;
URLs never carry personal data."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from documents.services import document_share
from tests.factories import (
    FACTORY_BY_ROLE,
    CompleteCandidateProfileFactory,
    DocumentFactory,
    EmployerStaffFactory,
)

pytestmark = pytest.mark.django_db

# (URL name, method) of every candidate-only page; {doc} stands for a document's public id.
CANDIDATE_PAGES = [
    ("documents:list", "get"),
    ("documents:upload", "post"),
    ("documents:delete", "post"),
    ("privacy:overview", "get"),
    ("privacy:visibility", "post"),
]
# Pages every person has for their own data; only the operators (admins) have none.
OWN_DATA_PAGES = [
    ("privacy:export_json", "get"),
    ("privacy:export_page", "get"),
    ("privacy:delete_account", "get"),
    ("privacy:delete_account", "post"),
]


def url_for(name, document):
    return reverse(name, args=[document.public_id]) if name == "documents:delete" else reverse(name)


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.CANDIDATE])
@pytest.mark.parametrize(("name", "method"), CANDIDATE_PAGES)
def test_other_roles_are_refused(client, role, name, method):
    document = DocumentFactory()
    client.force_login(FACTORY_BY_ROLE[role]())

    response = getattr(client, method)(url_for(name, document))

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method"), OWN_DATA_PAGES)
def test_operators_have_no_self_service_data_pages(client, name, method):
    client.force_login(FACTORY_BY_ROLE[Role.ADMIN]())

    response = getattr(client, method)(reverse(name))

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method"), CANDIDATE_PAGES + OWN_DATA_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name, method):
    document = DocumentFactory()

    response = getattr(client, method)(url_for(name, document))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_no_link_or_form_on_the_candidate_pages_carries_personal_data(client):
    profile = CompleteCandidateProfileFactory(
        user__first_name="Amal", user__last_name="Haddad", user__email="amal.haddad@example.org"
    )
    document = DocumentFactory(owner=profile.user, title="Gesellenbrief Amal")
    document_share(document=document, organisation=EmployerStaffFactory().membership.organisation)
    client.force_login(profile.user)

    urls = []
    for name in ["documents:list", "privacy:overview", "privacy:export_page", "privacy:delete_account"]:
        urls.append(reverse(name))
        urls += re.findall(r'(?:href|action)="([^"]+)"', client.get(reverse(name)).content.decode())

    assert reverse("documents:download", args=[document.public_id]) in urls
    for url in urls:
        for secret in ("amal", "haddad", "example.org", "gesellenbrief"):
            assert secret not in url.lower(), url

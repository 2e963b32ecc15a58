"""Documents are served only to their owner and to staff of organisations they were shared with."""

import uuid

import pytest
from django.urls import reverse

from accounts.models import Role
from documents.services import document_share
from tests.factories import (
    FACTORY_BY_ROLE,
    CandidateFactory,
    DocumentFactory,
    EmployerStaffFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


def stored_bytes(document) -> bytes:
    with document.file.open("rb") as stored:
        return stored.read()


def download(client, document):
    return client.get(reverse("documents:download", args=[document.public_id]))


def test_owner_downloads_the_document_as_a_private_attachment(client):
    document = DocumentFactory()
    client.force_login(document.owner)

    response = download(client, document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored_bytes(document)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="lebenslauf.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("title", "kind", "filename"),
    [
        ('Zeugnis "Müller" ../../etc/passwd', "certificate", "zeugnis-muller-etcpasswd.pdf"),
        ("سيرة ذاتية", "cv", "cv.pdf"),
        ("Сертифікат", "certificate", "certificate.pdf"),
    ],
)
def test_download_file_name_is_plain_ascii_from_the_title(client, title, kind, filename):
    document = DocumentFactory(title=title, kind=kind)
    client.force_login(document.owner)

    response = download(client, document)

    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_content_type_header_is_the_stored_type(client):
    document = DocumentFactory(content_type="image/png")
    client.force_login(document.owner)

    response = download(client, document)

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('.png"')


def test_another_candidate_gets_not_found(client):
    document = DocumentFactory()
    client.force_login(CandidateFactory())

    assert download(client, document).status_code == 404


def test_employer_without_a_share_gets_not_found(client):
    document = DocumentFactory()
    client.force_login(EmployerStaffFactory())

    assert download(client, document).status_code == 404


def test_employer_with_a_share_downloads_it(client):
    document = DocumentFactory()
    employer = EmployerStaffFactory()
    document_share(document=document, organisation=employer.membership.organisation)
    client.force_login(employer)

    response = download(client, document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored_bytes(document)


def test_colleague_in_the_same_organisation_also_downloads_a_shared_document(client):
    document = DocumentFactory()
    employer = EmployerStaffFactory()
    document_share(document=document, organisation=employer.membership.organisation)
    colleague = MembershipFactory(organisation=employer.membership.organisation).user
    client.force_login(colleague)

    assert download(client, document).status_code == 200


def test_employer_of_another_organisation_gets_not_found_for_a_shared_document(client):
    document = DocumentFactory()
    document_share(document=document, organisation=EmployerStaffFactory().membership.organisation)
    client.force_login(EmployerStaffFactory())

    assert download(client, document).status_code == 404


def test_shared_document_is_closed_once_the_candidate_is_deactivated(client):
    document = DocumentFactory()
    employer = EmployerStaffFactory()
    document_share(document=document, organisation=employer.membership.organisation)
    document.owner.is_active = False
    document.owner.save(update_fields=["is_active"])
    client.force_login(employer)

    assert download(client, document).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client):
    document = DocumentFactory()
    url = reverse("documents:download", args=[document.public_id])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MENTOR, Role.PROVIDER, Role.ADMIN])
def test_other_roles_get_not_found(client, role):
    document = DocumentFactory()
    client.force_login(FACTORY_BY_ROLE[role]())

    assert download(client, document).status_code == 404


def test_an_unknown_document_looks_the_same_as_a_forbidden_one(client):
    document = DocumentFactory()
    client.force_login(CandidateFactory())

    forbidden = download(client, document)
    unknown = client.get(reverse("documents:download", args=[uuid.uuid4()]))

    assert forbidden.status_code == unknown.status_code == 404
    assert forbidden.templates[0].name == unknown.templates[0].name == "404.html"


def test_a_document_whose_file_is_gone_is_not_found(client):
    document = DocumentFactory()
    document.file.storage.delete(document.file.name)
    client.force_login(document.owner)

    assert download(client, document).status_code == 404

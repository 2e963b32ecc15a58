import pytest
from django.urls import reverse

from documents.models import Document, DocumentShare
from documents.services import document_share
from tests.factories import CandidateFactory, DocumentFactory, EmployerStaffFactory

from .helpers import stored_files

pytestmark = pytest.mark.django_db


def test_owner_deletes_a_document_and_its_file(client, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    kept = DocumentFactory(owner=document.owner)
    document_share(document=document, organisation=EmployerStaffFactory().membership.organisation)
    client.force_login(document.owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:delete", args=[document.public_id]))

    assert response.status_code == 302
    assert response.url == reverse("documents:list")
    assert list(Document.objects.all()) == [kept]
    assert not DocumentShare.objects.exists()
    assert [path.name for path in stored_files()] == [kept.file.name.rsplit("/", 1)[-1]]


def test_another_candidate_cannot_delete_a_document(client, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    client.force_login(CandidateFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:delete", args=[document.public_id]))

    assert response.status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()
    assert len(stored_files()) == 1


def test_deleting_needs_a_post(client):
    document = DocumentFactory()
    client.force_login(document.owner)

    response = client.get(reverse("documents:delete", args=[document.public_id]))

    assert response.status_code == 405
    assert Document.objects.filter(pk=document.pk).exists()


def test_sharing_twice_with_the_same_organisation_keeps_one_share():
    document = DocumentFactory()
    organisation = EmployerStaffFactory().membership.organisation

    first = document_share(document=document, organisation=organisation)
    second = document_share(document=document, organisation=organisation)

    assert first == second
    assert DocumentShare.objects.count() == 1


def test_the_list_says_with_whom_a_document_is_shared(client):
    document = DocumentFactory()
    organisation = EmployerStaffFactory().membership.organisation
    document_share(document=document, organisation=organisation)
    client.force_login(document.owner)

    page = client.get(reverse("documents:list")).content.decode()

    assert organisation.name in page

"""Uploading CVs and certificates: only real PDF, JPEG and PNG files of at most 10 MB, nothing stored otherwise."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from documents.models import MAX_DOCUMENT_BYTES, Document
from documents.services import MAX_DOCUMENTS_PER_OWNER, document_upload
from tests.factories import CandidateFactory, DocumentFactory

from .helpers import error_summary, field_error, stored_files
from .samples import FAKE_PDF_EXE, JPEG, PDF, PNG, TEXT, pdf_of_size, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def post_upload(client, file, title="Lebenslauf", kind="cv"):
    return client.post(reverse("documents:upload"), {"title": title, "kind": kind, "file": file})


@pytest.mark.parametrize(
    ("name", "content", "expected_type"),
    [("cv.pdf", PDF, "application/pdf"), ("zeugnis.jpg", JPEG, "image/jpeg"), ("zeugnis.png", PNG, "image/png")],
)
def test_candidate_uploads_a_real_pdf_jpeg_or_png(client, candidate, name, content, expected_type):
    response = post_upload(client, upload(name, content), title="Zeugnis Schweißer")

    assert response.status_code == 302
    assert response.url == reverse("documents:list")
    document = Document.objects.get(owner=candidate)
    [path] = stored_files()
    assert (document.title, document.content_type, document.size) == (
        "Zeugnis Schweißer",
        expected_type,
        path.stat().st_size,
    )
    if expected_type == "application/pdf":
        assert path.read_bytes() == content
    else:  # images are stored re-encoded: the same picture, written anew
        with Image.open(io.BytesIO(content)) as sent, Image.open(path) as stored:
            assert stored.size == sent.size and stored.format == sent.format
    assert "Zeugnis Schweißer" in client.get(reverse("documents:list")).content.decode()


def test_stored_file_name_is_random_and_does_not_carry_the_uploaded_name(client, candidate):
    post_upload(client, upload("Amal_Haddad_Lebenslauf.pdf", PDF))

    [path] = stored_files()
    assert "Amal" not in str(path)
    assert "Lebenslauf" not in str(path)
    assert path.suffix == ""
    assert path.parent.name == str(candidate.pk)


def test_the_type_comes_from_the_content_not_from_the_name_or_the_browser(client, candidate):
    post_upload(client, upload("cv.pdf", PNG, content_type="application/pdf"))

    document = Document.objects.get(owner=candidate)
    assert document.content_type == "image/png"
    assert document.extension == "png"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("cv.pdf", FAKE_PDF_EXE, "application/pdf"),
        ("setup.exe", FAKE_PDF_EXE, "application/octet-stream"),
        ("cv.pdf", TEXT, "application/pdf"),
        ("lebenslauf.txt", TEXT, "text/plain"),
        ("bild.png", b"GIF89a\x01\x00\x01\x00", "image/png"),
    ],
)
def test_files_that_are_not_pdf_jpeg_or_png_are_rejected_next_to_the_field(
    client, candidate, name, content, content_type
):
    response = post_upload(client, upload(name, content, content_type))

    assert response.status_code == 200
    page = response.content.decode()
    assert "keine PDF-, JPEG- oder PNG-Datei" in field_error(page, "file")
    assert "keine PDF-, JPEG- oder PNG-Datei" in error_summary(page)
    assert not Document.objects.exists()
    assert stored_files() == []


def test_a_file_one_byte_over_10_mb_is_rejected_with_the_limit_named(client, candidate, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    too_large = pdf_of_size(MAX_DOCUMENT_BYTES + 1)

    response = post_upload(client, upload("cv.pdf", too_large))

    assert response.status_code == 200
    error = field_error(response.content.decode(), "file")
    assert "zu groß" in error
    assert "10,0 MB" in error
    assert not Document.objects.exists()
    assert stored_files() == []


def test_a_file_of_exactly_10_mb_is_accepted(client, candidate):
    exactly = pdf_of_size(MAX_DOCUMENT_BYTES)

    response = post_upload(client, upload("cv.pdf", exactly))

    assert response.status_code == 302
    assert Document.objects.get(owner=candidate).size == MAX_DOCUMENT_BYTES


def test_an_overlong_title_is_rejected_and_nothing_is_stored(client, candidate):
    response = post_upload(client, upload("cv.pdf", PDF), title="L" * 121)

    assert response.status_code == 200
    assert "höchstens 120 Zeichen" in field_error(response.content.decode(), "title")
    assert not Document.objects.exists()
    assert stored_files() == []


def test_a_missing_file_and_title_are_reported_next_to_their_fields(client, candidate):
    response = client.post(reverse("documents:upload"), {"title": "", "kind": "cv"})

    page = response.content.decode()
    assert field_error(page, "title")
    assert field_error(page, "file")
    assert not Document.objects.exists()


def test_an_unknown_kind_is_rejected(client, candidate):
    response = post_upload(client, upload("cv.pdf", PDF), kind="passport")

    assert field_error(response.content.decode(), "kind")
    assert not Document.objects.exists()


def test_a_candidate_can_keep_at_most_20_documents(client, candidate):
    DocumentFactory.create_batch(MAX_DOCUMENTS_PER_OWNER, owner=candidate)
    files_before = stored_files()

    response = post_upload(client, upload("cv.pdf", PDF))

    assert response.status_code == 200
    assert "höchstens 20 Dokumente" in field_error(response.content.decode(), "file")
    assert "höchstens 20 Dokumente" in error_summary(response.content.decode())
    assert Document.objects.filter(owner=candidate).count() == MAX_DOCUMENTS_PER_OWNER
    assert stored_files() == files_before


def test_the_upload_form_sends_files_and_says_which_formats_are_allowed(client, candidate):
    page = client.get(reverse("documents:list")).content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert f'action="{reverse("documents:upload")}"' in page
    assert "PDF, JPEG oder PNG, höchstens 10,0\xa0MB" in page


def test_the_list_shows_only_the_candidates_own_documents(client, candidate):
    DocumentFactory(owner=candidate, title="Mein Zeugnis")
    DocumentFactory(title="Fremdes Zeugnis")

    page = client.get(reverse("documents:list")).content.decode()

    assert "Mein Zeugnis" in page
    assert "Fremdes Zeugnis" not in page


def test_the_service_checks_the_file_too_whoever_calls_it():
    owner = CandidateFactory()

    with pytest.raises(ValidationError) as raised:
        document_upload(owner=owner, title="CV", kind="cv", uploaded_file=upload("cv.pdf", FAKE_PDF_EXE))

    assert "file" in raised.value.error_dict
    assert not Document.objects.exists()
    assert stored_files() == []

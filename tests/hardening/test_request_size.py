"""Request size caps (issue 12, point 11): a body announced above the limit is refused before it is read,
and a file that streams in beyond the document limit stops the reading there."""

import io

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from common.uploads import SizeLimitUploadHandler, request_size_limit, upload_was_cut
from documents.models import MAX_DOCUMENT_BYTES, Document
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class CountingInput(io.BytesIO):
    """A request body that remembers how much of it was read."""

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes = getattr(self, "read_bytes", 0) + len(data)
        return data

    def readline(self, size=-1):
        data = super().readline(size)
        self.read_bytes = getattr(self, "read_bytes", 0) + len(data)
        return data


def multipart(file_bytes: int) -> tuple[bytes, str]:
    boundary = "BrueckeBoundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nScan\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncv\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%PDF-1.4\n"
        + b"0" * file_bytes
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def test_the_limits_are_set_and_match_the_document_limit():
    assert settings.UPLOAD_MAX_FILE_BYTES == MAX_DOCUMENT_BYTES
    assert MAX_DOCUMENT_BYTES < settings.UPLOAD_MAX_REQUEST_BYTES <= MAX_DOCUMENT_BYTES + 2 * MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 3 * MB
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 3 * MB
    assert settings.FILE_UPLOAD_HANDLERS[0] == "common.uploads.SizeLimitUploadHandler"


def test_a_60_mb_body_is_refused_with_413_before_a_byte_is_read(client):
    client.force_login(CandidateFactory())
    body = CountingInput(b"x" * 1024)

    response = client.generic(
        "POST", reverse("documents:upload"), data=b"", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * MB), **{"wsgi.input": body},
    )  # fmt: skip

    assert response.status_code == 413
    assert "10" in response.content.decode()  # the limit in MB, in the reader's language
    assert getattr(body, "read_bytes", 0) == 0
    assert not Document.objects.exists()


def test_the_413_answer_is_the_middleware_s_own_for_any_address():
    request = RequestFactory().post("/de/", data=b"", content_type="text/plain", CONTENT_LENGTH=str(13 * MB))
    request.user = CandidateFactory()
    request.LANGUAGE_CODE = "de"

    response = request_size_limit(lambda request: pytest.fail("the view must not run"))(request)

    assert response.status_code == 413


def test_a_file_growing_beyond_the_limit_stops_the_reading_there():
    body, content_type = multipart(MAX_DOCUMENT_BYTES + MB // 2)
    stream = CountingInput(body)
    request = RequestFactory().generic(
        "POST", "/de/candidate/documents/upload/", data=b"", CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(len(body)), **{"wsgi.input": stream},
    )  # fmt: skip
    request.upload_handlers = [SizeLimitUploadHandler(request)]

    files = request.FILES

    assert "file" not in files
    assert request.POST["title"] == "Scan"
    assert upload_was_cut(request)
    assert stream.read_bytes < MAX_DOCUMENT_BYTES + 256 * 1024  # not the whole body


def test_a_cut_upload_shows_the_size_error_next_to_the_file_field(client):
    candidate = CandidateFactory()
    client.force_login(candidate)
    body, content_type = multipart(MAX_DOCUMENT_BYTES + MB // 2)

    response = client.generic("POST", reverse("documents:upload"), data=body, content_type=content_type)

    assert response.status_code == 200
    assert "10" in response.content.decode() and 'id="id_file_error"' in response.content.decode()
    assert not Document.objects.filter(owner=candidate).exists()

"""What is inside an upload (issue 12, point 12), tested with real crafted files: PDFs must be well-formed
and free of scripts and HTML, images are decoded within a pixel limit and stored re-encoded, so HTML hidden
in a JPEG, metadata such as the GPS position of a photo, and decompression bombs never reach the disk."""

import io
import struct
import zlib

import pytest
from django.urls import reverse
from PIL import Image

from documents.models import Document
from documents.validators import MAX_IMAGE_PIXELS
from tests.factories import CandidateFactory

from .helpers import field_error, stored_files
from .samples import JPEG, PNG, _png_chunk, pdf_document, upload

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>fetch('/de/candidate/my-data/export/bruecke-my-data.json')</script></body></html>"


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def post(client, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("documents:upload"), {"title": "Zeugnis", "kind": "cv", "file": upload(name, content, content_type)}
    )


def assert_refused(response, *words):
    assert response.status_code == 200
    error = field_error(response.content.decode(), "file")
    assert error, "no error next to the file field"
    assert not Document.objects.exists()
    assert stored_files() == []
    return error


# --- PDFs ---------------------------------------------------------------------------------------------------

PDF_HTML_POLYGLOT = pdf_document(b"<< /Length %d >>\nstream\n" % len(SCRIPT) + SCRIPT + b"\nendstream")
PDF_HTML_AFTER_EOF = pdf_document() + SCRIPT
PDF_OPEN_ACTION_SCRIPT = pdf_document(
    b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>", catalogue_extra=b"/OpenAction 4 0 R "
)
PDF_NAMED_SCRIPT = pdf_document(
    b"<< /JavaScript 5 0 R >>",
    b"<< /Names [(x) 6 0 R] >>",
    b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
    catalogue_extra=b"/Names 4 0 R ",
)
PDF_LAUNCH_LINK = pdf_document(
    b"[<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (cmd.exe) >> >>]",
    page_extra=b"/Annots 4 0 R ",
)
PDF_ATTACHMENT = pdf_document(
    b"<< /EmbeddedFiles << /Names [(x.exe) << /Type /Filespec /F (x.exe) >>] >> >>", catalogue_extra=b"/Names 4 0 R "
)
PDF_BROKEN = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nthis is not a PDF\n"
PDF_WITHOUT_PAGES = pdf_document().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0      ")


@pytest.mark.parametrize(
    "content",
    [PDF_HTML_POLYGLOT, PDF_HTML_AFTER_EOF, PDF_OPEN_ACTION_SCRIPT, PDF_NAMED_SCRIPT, PDF_LAUNCH_LINK, PDF_ATTACHMENT],
    ids=["html-in-a-stream", "html-after-eof", "open-action-script", "named-script", "launch-link", "attachment"],
)
def test_pdfs_with_html_scripts_or_packed_files_are_refused(client, candidate, content):
    assert_refused(post(client, "cv.pdf", content, "application/pdf"))


@pytest.mark.parametrize("content", [PDF_BROKEN, PDF_WITHOUT_PAGES], ids=["broken", "no-pages"])
def test_pdfs_that_do_not_parse_or_have_no_page_are_refused(client, candidate, content):
    assert_refused(post(client, "cv.pdf", content, "application/pdf"))


def test_a_plain_pdf_is_stored_unchanged(client, candidate):
    content = pdf_document(b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Lebenslauf) Tj ET\nendstream")

    response = post(client, "cv.pdf", content, "application/pdf")

    assert response.status_code == 302
    [path] = stored_files()
    assert path.read_bytes() == content


# --- Images -------------------------------------------------------------------------------------------------


def jpeg_with_comment(comment: bytes) -> bytes:
    """The sample JPEG with a comment segment (COM) right after its start marker."""
    return JPEG[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + JPEG[2:]


JPEG_HTML_POLYGLOT = jpeg_with_comment(SCRIPT) + SCRIPT  # in a comment and after the end of the image


def test_a_jpeg_html_polyglot_is_stored_without_the_html(client, candidate):
    response = post(client, "foto.jpg", JPEG_HTML_POLYGLOT, "image/jpeg")

    assert response.status_code == 302
    [path] = stored_files()
    stored = path.read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.startswith(b"\xff\xd8\xff")
    with Image.open(path) as image:
        assert image.size == (16, 16)
    assert Document.objects.get().size == len(stored)


def test_the_gps_position_of_a_photo_is_not_stored(client, candidate):
    image = Image.new("RGB", (40, 30), "white")
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 22.0, 30.0), 4: (9.0, 44.0, 10.0)}  # GPSInfo: latitude, longitude
    exif[0x010F] = "Handy GmbH"  # camera maker
    sent = io.BytesIO()
    image.save(sent, format="JPEG", exif=exif)
    assert Image.open(io.BytesIO(sent.getvalue())).getexif()

    post(client, "foto.jpg", sent.getvalue(), "image/jpeg")

    [path] = stored_files()
    with Image.open(path) as stored:
        assert not stored.getexif()
        assert stored.size == (40, 30)


def test_a_png_with_html_in_a_text_chunk_is_stored_without_it(client, candidate):
    png = PNG[:-12] + _png_chunk(b"tEXt", b"Comment\x00" + SCRIPT) + PNG[-12:]

    post(client, "scan.png", png, "image/png")

    [path] = stored_files()
    assert b"<script" not in path.read_bytes()


def png_bomb(width: int, height: int) -> bytes:
    """A real decompression bomb: a grey picture of width x height whose pixels compress to almost nothing."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def test_a_png_decompression_bomb_is_refused_before_it_is_decoded(client, candidate):
    bomb = png_bomb(12_000, 12_000)  # 144 megapixels in about 140 KB
    assert len(bomb) < 200_000 and 12_000 * 12_000 > MAX_IMAGE_PIXELS

    error = assert_refused(post(client, "scan.png", bomb, "image/png"))

    assert "144" in error and "40" in error


def test_a_truncated_image_is_refused(client, candidate):
    truncated = JPEG[: len(JPEG) // 2]

    assert_refused(post(client, "foto.jpg", truncated, "image/jpeg"))


def test_an_image_that_only_starts_like_a_png_is_refused(client, candidate):
    assert_refused(post(client, "scan.png", b"\x89PNG\r\n\x1a\n" + b"not an image at all", "image/png"))

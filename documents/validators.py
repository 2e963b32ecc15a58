"""Checks on uploaded files: the size, the real type read from the file's first bytes, and the structure.

A file is judged by what it is, never by its name or the browser's claim. PDFs must parse as PDF, contain at
least one page and no active content (JavaScript, launch actions, embedded files) and no HTML markup that a
browser could run if the file were ever shown inline (PDF/HTML polyglots). Images are decoded within a pixel
limit (against decompression bombs) and stored re-encoded, which drops anything hidden in them: trailing
HTML of a JPEG/HTML polyglot, comments, EXIF data with the place a photo was taken.
"""

import io
import re
import warnings

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader

from .models import MAX_DOCUMENT_BYTES

# The signatures that open each allowed format; nothing else (name, browser's claim) decides the type.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
HEADER_BYTES = max(len(signature) for signature, _type in SIGNATURES)
# 40 megapixels: more than any phone photo or A4 scan at 600 dpi (35 MP), and at most 160 MB to decode.
MAX_IMAGE_PIXELS = 40_000_000
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}
# Markup a browser would run if it ever sniffed the file as HTML (PDF/HTML polyglots). A real PDF keeps its
# text in compressed streams; the tags are long enough that compressed bytes do not spell them by chance.
HTML_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta)[\s>/]", re.I)
ACTIVE_ACTIONS = ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm")
MAX_CHECKED_PAGES = 500

NOT_ALLOWED = _("This file is not a PDF, JPEG or PNG file. Please upload your document in one of these formats.")
NOT_READABLE_PDF = _("This PDF file cannot be read. Please save it again as PDF, or upload a photo of each page.")
ACTIVE_CONTENT = _(
    "This PDF contains programs or hidden content, which Brücke does not accept. Please print it to a new PDF "
    "(for example with “Print as PDF”) and upload that."
)
NOT_READABLE_IMAGE = _("This image cannot be read. Please take the photo again or save it as JPEG or PNG.")
TOO_MANY_PIXELS = _(
    "This image is too large (%(pixels)s megapixels). Please upload a photo of at most %(limit)s megapixels."
)


def detect_content_type(uploaded_file) -> str | None:
    """The content type the file's first bytes announce, or None for anything that is not PDF, JPEG or PNG."""
    uploaded_file.seek(0)
    header = uploaded_file.read(HEADER_BYTES)
    uploaded_file.seek(0)
    for signature, content_type in SIGNATURES:
        if header.startswith(signature):
            return content_type
    return None


def validate_document_size(uploaded_file) -> None:
    if uploaded_file.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s). Please upload a file of at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(uploaded_file.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )


def _read_all(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    return data


def validate_pdf(uploaded_file) -> None:
    """A PDF that parses, has pages, and carries neither active content nor HTML."""
    data = _read_all(uploaded_file)
    if HTML_MARKUP.search(data):
        raise ValidationError(ACTIVE_CONTENT, code="pdf_active_content")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted or len(reader.pages) < 1:
            raise ValidationError(NOT_READABLE_PDF, code="pdf_not_readable")
        active = _has_active_content(reader)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on broken files
        raise ValidationError(NOT_READABLE_PDF, code="pdf_not_readable") from error
    if active:
        raise ValidationError(ACTIVE_CONTENT, code="pdf_active_content")


def _is_active(action) -> bool:
    action = action.get_object() if hasattr(action, "get_object") else action
    return hasattr(action, "get") and action.get("/S") in ACTIVE_ACTIONS


def _has_active_content(reader: PdfReader) -> bool:
    """Scripts, program launches or packed files anywhere a reader would act on them: the document's names,
    its opening action, the triggers (/AA) of the document and of each page, and the pages' links."""
    catalogue = reader.trailer["/Root"].get_object()
    names = catalogue.get("/Names")
    if names is not None and any(key in names.get_object() for key in ("/JavaScript", "/EmbeddedFiles")):
        return True
    if "/AA" in catalogue or "/AcroForm" in catalogue and "/XFA" in catalogue["/AcroForm"].get_object():
        return True
    if catalogue.get("/OpenAction") is not None and _is_active(catalogue["/OpenAction"]):
        return True
    for page in reader.pages[:MAX_CHECKED_PAGES]:
        if "/AA" in page:
            return True
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment" or "/AA" in annotation:
                return True
            if annotation.get("/A") is not None and _is_active(annotation["/A"]):
                return True
    return False


def _open_image(uploaded_file, content_type: str) -> Image.Image:
    """The image with its header read (not yet decoded), refused if it is not what it claims or too large."""
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow's own warning comes at 89 megapixels; the limit below is lower and says so in words.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(uploaded_file, formats=[PILLOW_FORMATS[content_type]])
    except Image.DecompressionBombError as error:
        raise _too_many_pixels(f"> {2 * Image.MAX_IMAGE_PIXELS // 1_000_000}") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(NOT_READABLE_IMAGE, code="image_not_readable") from error
    if image.width * image.height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(round(image.width * image.height / 1_000_000))
    return image


def _too_many_pixels(pixels) -> ValidationError:
    return ValidationError(
        TOO_MANY_PIXELS, code="image_too_many_pixels", params={"pixels": pixels, "limit": MAX_IMAGE_PIXELS // 1_000_000}
    )


def validate_document_file(uploaded_file) -> str:
    """Raise a translated ValidationError unless the file is a PDF, JPEG or PNG within the limits.

    Returns the content type detected from the file itself. Images are only checked up to their header here;
    `image_reencoded` decodes them when they are stored.
    """
    validate_document_size(uploaded_file)
    content_type = detect_content_type(uploaded_file)
    if content_type is None:
        raise ValidationError(NOT_ALLOWED, code="file_type_not_allowed")
    if content_type == "application/pdf":
        validate_pdf(uploaded_file)
    else:
        _open_image(uploaded_file, content_type)
    uploaded_file.seek(0)
    return content_type


def image_reencoded(uploaded_file, content_type: str) -> bytes:
    """The image decoded and written anew in its own format, upright, without metadata or anything appended."""
    image = _open_image(uploaded_file, content_type)
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
        # Comments, EXIF, XMP and text chunks stay behind; a PNG keeps only which colour is transparent.
        image.info = {key: value for key, value in image.info.items() if key == "transparency"}
        output = io.BytesIO()
        if content_type == "image/jpeg":
            image.convert("RGB").save(output, format="JPEG", quality=90, optimize=True)
        else:
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            image.save(output, format="PNG", optimize=True)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(NOT_READABLE_IMAGE, code="image_not_readable") from error
    finally:
        uploaded_file.seek(0)
    data = output.getvalue()
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s). Please upload a file of at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    return data

"""Checks on uploaded files: the size and the real type, read from the file's first bytes."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import MAX_DOCUMENT_BYTES

# The signatures that open each allowed format; nothing else (name, browser's claim) decides the type.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
HEADER_BYTES = max(len(signature) for signature, _type in SIGNATURES)


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


def validate_document_file(uploaded_file) -> str:
    """Raise a translated ValidationError unless the file is a PDF, JPEG or PNG within the size limit.

    Returns the content type detected from the file itself.
    """
    validate_document_size(uploaded_file)
    content_type = detect_content_type(uploaded_file)
    if content_type is None:
        raise ValidationError(
            _("This file is not a PDF, JPEG or PNG file. Please upload your document in one of these formats."),
            code="file_type_not_allowed",
        )
    return content_type

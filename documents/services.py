import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from employers.models import Organisation

from .models import Document, DocumentShare, private_storage
from .selectors import document_count_for_owner
from .validators import image_reencoded, validate_document_file

logger = logging.getLogger(__name__)

MAX_DOCUMENTS_PER_OWNER = 20


def document_file_remove_after_commit(*, names: list[str]) -> None:
    """Delete stored files once the rows pointing at them are gone for good (not if the transaction rolls back)."""

    def remove():
        for name in names:
            if name:
                private_storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def document_upload(*, owner: User, title: str, kind: str, uploaded_file) -> Document:
    """Store a checked PDF, or a JPEG or PNG re-encoded, under a random name; nothing is stored if any check
    fails."""
    try:
        content_type = validate_document_file(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from error
    # Lock the owner's row so two uploads at once cannot both pass the limit.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    if document_count_for_owner(owner=owner) >= MAX_DOCUMENTS_PER_OWNER:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("You can keep at most %(limit)s documents. Please delete one before uploading another."),
                    code="too_many_documents",
                    params={"limit": MAX_DOCUMENTS_PER_OWNER},
                )
            }
        )
    content = uploaded_file
    if content_type != "application/pdf":
        # Stored as decoded and written anew: nothing hidden in the original file survives.
        try:
            content = ContentFile(image_reencoded(uploaded_file, content_type))
        except ValidationError as error:
            raise ValidationError({"file": error.error_list}) from error
    document = Document(
        owner=owner,
        title=title.strip(),
        kind=kind,
        content_type=content_type,
        size=content.size,
    )
    document.full_clean(exclude=["file"])
    # The browser's file name never reaches the disk: the model's upload_to picks a random one.
    document.file.save("upload", content, save=False)
    try:
        document.save()
    except Exception:
        private_storage.delete(document.file.name)
        raise
    logger.info("document uploaded id=%s owner=%s", document.pk, owner.pk)
    return document


@transaction.atomic
def document_delete(*, document: Document) -> None:
    name = document.file.name
    document_id = document.pk
    document.delete()
    document_file_remove_after_commit(names=[name])
    logger.info("document deleted id=%s", document_id)


def document_share(*, document: Document, organisation: Organisation) -> DocumentShare:
    """Let the staff of this organisation open the document (called when the owner applies there)."""
    share, _created = DocumentShare.objects.get_or_create(document=document, organisation=organisation)
    return share

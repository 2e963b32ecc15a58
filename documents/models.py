"""Candidates' CVs and certificates: private files, served only to the owner and those they shared them with."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT/private with no URL: they can only be reached through a view that checks access."""

    @cached_property
    def base_location(self):
        # Read on use (and again after MEDIA_ROOT changes), so tests and deployments can move it.
        return os.path.join(settings.MEDIA_ROOT, "private")

    def url(self, name):
        raise ValueError("Private documents have no URL; serve them through documents.views.")


private_storage = PrivateStorage()


def _document_path(instance, filename):
    # A random name: the original file name may carry personal data and never becomes a path.
    return f"documents/{instance.owner_id}/{uuid.uuid4().hex}"


class DocumentKind(models.TextChoices):
    CV = "cv", _("CV")
    CERTIFICATE = "certificate", _("Certificate")
    OTHER = "other", _("Other document")


class Document(models.Model):
    """An uploaded PDF, JPEG or PNG whose type was checked from its content."""

    CONTENT_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="documents", verbose_name=_("owner")
    )
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind of document"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(_("file"), storage=private_storage, upload_to=_document_path, max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(content_type__in=["application/pdf", "image/jpeg", "image/png"]),
                name="document_content_type_allowed",
            ),
            models.CheckConstraint(condition=models.Q(size__lte=MAX_DOCUMENT_BYTES), name="document_size_limit"),
        ]

    def __str__(self):
        return self.title

    @property
    def extension(self) -> str:
        return self.CONTENT_TYPES[self.content_type]


class DocumentShare(models.Model):
    """The owner shared this document with an organisation (when applying, in a later issue)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="shares", verbose_name=_("document"))
    organisation = models.ForeignKey(
        "employers.Organisation",
        on_delete=models.CASCADE,
        related_name="shared_documents",
        verbose_name=_("organisation"),
    )
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    class Meta:
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")
        constraints = [models.UniqueConstraint(fields=["document", "organisation"], name="document_share_once")]

    def __str__(self):
        return f"{self.document_id} → {self.organisation_id}"

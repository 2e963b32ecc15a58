from django.db.models import QuerySet

from accounts.models import User

from .models import Document, DocumentShare


def document_list_for_owner(*, owner: User) -> QuerySet[Document]:
    return Document.objects.filter(owner=owner).prefetch_related("shares__organisation").order_by("-uploaded_at")


def document_count_for_owner(*, owner: User) -> int:
    return Document.objects.filter(owner=owner).count()


def document_accessible_by(*, user: User, public_id) -> Document | None:
    """The document if this person may open it: its owner, or staff of an organisation it was shared with.

    Shared documents stay closed once the owner's account is deactivated. Everyone else gets None, whether
    or not the document exists.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    document = Document.objects.filter(public_id=public_id).select_related("owner").first()
    if document is None:
        return None
    if document.owner_id == user.pk:
        return document
    membership = getattr(user, "membership", None)
    if membership is None or not document.owner.is_active:
        return None
    shared = DocumentShare.objects.filter(document=document, organisation_id=membership.organisation_id).exists()
    return document if shared else None


def document_list_shared_with(*, owner: User, organisation) -> QuerySet[Document]:
    """The owner's documents shared with this organisation (what its staff may open)."""
    return Document.objects.filter(owner=owner, shares__organisation=organisation).order_by("-uploaded_at")

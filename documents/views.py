from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from common.permissions import role_required
from common.uploads import upload_was_cut

from .forms import DocumentUploadForm
from .models import Document
from .selectors import document_accessible_by, document_list_for_owner
from .services import MAX_DOCUMENTS_PER_OWNER, document_delete, document_upload


def _add_service_errors(form, error: ValidationError) -> None:
    """The service's errors next to the form's fields; errors about anything else go on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _list_page(request, form):
    return render(
        request,
        "documents/document_list.html",
        {
            "form": form,
            "documents": document_list_for_owner(owner=request.user),
            "limit": MAX_DOCUMENTS_PER_OWNER,
        },
    )


@role_required(Role.CANDIDATE)
def document_list(request):
    return _list_page(request, DocumentUploadForm())


@role_required(Role.CANDIDATE)
def document_upload_view(request):
    """The upload form posts here; with errors the list page shows again with each error next to its field."""
    if request.method != "POST":
        return _list_page(request, DocumentUploadForm())
    form = DocumentUploadForm(request.POST, request.FILES, upload_cut=upload_was_cut(request))
    if form.is_valid():
        try:
            document_upload(
                owner=request.user,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("Your document has been uploaded."))
            return redirect("documents:list")
    return _list_page(request, form)


@login_required
def document_download(request, public_id):
    """Only the owner and staff of organisations it was shared with; for everyone else it does not exist."""
    document = document_accessible_by(user=request.user, public_id=public_id)
    if document is None:
        raise Http404
    filename = f"{slugify(document.title) or document.kind}.{document.extension}"
    try:
        stored = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(stored, as_attachment=True, filename=filename, content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(Role.CANDIDATE)
@require_POST
def document_remove(request, public_id):
    document = get_object_or_404(Document, public_id=public_id, owner=request.user)
    document_delete(document=document)
    messages.success(request, _("The document has been deleted."))
    return redirect("documents:list")

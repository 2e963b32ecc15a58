import base64
import io

from django.contrib import messages
from django.contrib.auth import login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.models import InvitationKind, Role
from accounts.permissions import role_required
from accounts.selectors import invitation_from_token

from .forms import ImportForm, SetPasswordForm
from .importers import IMPORTERS, Importer, partner_csv_import
from .services import IMPORT_ROLES, account_invitation_accept

IMPORT_SALT = "imports.partner-file"
IMPORT_MAX_AGE = 60 * 60


def _importer(kind: str) -> Importer:
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise Http404
    return importer


# never_cache: the page carries the checked file (personal data) in a form field; no cache may keep it.
@never_cache
@role_required(*IMPORT_ROLES)
def import_start(request):
    """Upload checks the file (dry run) and shows every bad row; "Import" then creates all rows or none."""
    context = {"importers": list(IMPORTERS.values())}

    if request.method == "POST" and "token" in request.POST:
        try:
            payload = signing.loads(request.POST["token"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
        except signing.BadSignature:
            messages.error(request, _("The check of your file has expired. Please upload it again."))
            return redirect("imports:start")
        if payload["user"] != request.user.pk:
            raise PermissionDenied
        importer = _importer(payload["kind"])
        result = partner_csv_import(
            kind=importer.kind,
            file=io.BytesIO(base64.b64decode(payload["data"])),
            dry_run=False,
            by=request.user,
        )
        if result.ok:
            messages.success(request, importer.done(len(result.created)))
            return redirect("imports:start")
        context.update({"form": ImportForm(initial={"kind": importer.kind}), "result": result, "importer": importer})
        return render(request, "imports/start.html", context)

    form = ImportForm(request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        importer = _importer(form.cleaned_data["kind"])
        data = form.cleaned_data["file"].read()
        result = partner_csv_import(kind=importer.kind, file=io.BytesIO(data), dry_run=True, by=request.user)
        context.update(
            {
                "result": result,
                "importer": importer,
                "file_name": form.cleaned_data["file"].name,
                "preview": [
                    {"row": row.row, "cells": [row.texts.get(name, "") for name in importer.preview]}
                    for row in result.rows
                ],
            }
        )
        if result.ok:
            context["token"] = signing.dumps(
                {"user": request.user.pk, "kind": importer.kind, "data": base64.b64encode(data).decode("ascii")},
                salt=IMPORT_SALT,
                compress=True,
            )
    context["form"] = form
    return render(request, "imports/start.html", context)


@role_required(*IMPORT_ROLES)
def import_columns(request, kind: str):
    """The columns of one kind of file, in the reader's language (the column names stay German)."""
    return render(request, "imports/columns.html", {"importer": _importer(kind)})


@role_required(*IMPORT_ROLES)
def import_example(request, kind: str):
    importer = _importer(kind)
    response = HttpResponse(importer.example_path.read_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{importer.example}"'
    return response


def invitation_accept(request, token: str):
    """An imported candidate or mentor chooses a password and is logged in."""
    invitation = invitation_from_token(token=token, kind=InvitationKind.IMPORTED_ACCOUNT)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_logged_in.html", status=409)
    form = SetPasswordForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        user = account_invitation_accept(invitation=invitation, password=form.cleaned_data["password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Brücke. Your password is set."))
        return redirect("dashboard")
    return render(
        request,
        "imports/invitation_accept.html",
        {"form": form, "email": invitation.user.email, "is_mentor": invitation.user.role == Role.MENTOR},
    )

import base64
import io

from django.contrib import messages
from django.contrib.auth import login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.models import InvitationKind, Role
from accounts.selectors import invitation_from_token
from common.permissions import role_required
from courses.selectors import course_provider_of_staff

from .forms import CourseImportForm, ImportForm, SetPasswordForm, UploadForm
from .importers import COURSES, IMPORTERS, PARTNER_KINDS, Importer, csv_import
from .services import IMPORT_ROLES, account_invitation_accept

IMPORT_SALT = "imports.file"
IMPORT_MAX_AGE = 60 * 60


def _importer(kind: str) -> Importer:
    if kind not in PARTNER_KINDS:
        raise Http404
    return IMPORTERS[kind]


def _import_flow(request, *, form_class: type[UploadForm], url_name: str, done_url: str, template: str, context):
    """Every import, one flow: the upload is checked (a dry run that shows the rows or every problem) and signed
    with the person and the options they chose; "Import" sends the signed file back and creates all rows or none.
    """
    context = {**context, "action": reverse(url_name)}

    if request.method == "POST" and "token" in request.POST:
        try:
            payload = signing.loads(request.POST["token"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
        except signing.BadSignature:
            messages.error(request, _("The check of your file has expired. Please upload it again."))
            return redirect(url_name)
        if payload["user"] != request.user.pk:
            raise PermissionDenied
        # The options are judged again: a coordinator may have lost the provider's region meanwhile.
        checked = form_class(payload["form"], user=request.user, checked=True)
        if not checked.is_valid() or checked.importer.kind != payload["kind"]:
            raise PermissionDenied
        importer, options = checked.importer, checked.options()
        result = csv_import(
            kind=importer.kind,
            file=io.BytesIO(base64.b64decode(payload["data"])),
            dry_run=False,
            by=request.user,
            options=options,
        )
        if result.ok:
            messages.success(request, importer.done(len(result.created), **options))
            return redirect(done_url)
        form = form_class(initial=payload["form"], user=request.user)
        context.update({"form": form, "result": result, "importer": importer, "options": options})
        return render(request, template, context)

    form = form_class(
        request.POST or None, request.FILES or None, user=request.user, initial={"kind": request.GET.get("kind")}
    )
    if request.method == "POST" and form.is_valid():
        importer, options = form.importer, form.options()
        data = form.cleaned_data["file"].read()
        result = csv_import(kind=importer.kind, file=io.BytesIO(data), dry_run=True, by=request.user, options=options)
        context.update(
            {
                "result": result,
                "options": options,
                "importer": importer,
                "file_name": form.cleaned_data["file"].name,
                "preview": [importer.preview_of(row) for row in result.rows],
            }
        )
        if result.ok:
            context["token"] = signing.dumps(
                {
                    "user": request.user.pk,
                    "kind": importer.kind,
                    "form": form.options_data(),
                    "data": base64.b64encode(data).decode("ascii"),
                },
                salt=IMPORT_SALT,
                compress=True,
            )
    context["form"] = form
    return render(request, template, context)


# never_cache: the pages carry the checked file (personal data) in a form field; no cache may keep it.
@never_cache
@role_required(*IMPORT_ROLES)
def import_start(request):
    """A partner's list of organisations, vacancies, candidates or mentors."""
    return _import_flow(
        request,
        form_class=ImportForm,
        url_name="imports:start",
        done_url="imports:start",
        template="imports/start.html",
        context={"importers": [IMPORTERS[kind] for kind in PARTNER_KINDS]},
    )


@never_cache
@role_required(*COURSES.roles)
def course_import(request):
    """A provider's courses: staff import for their own provider, coordinators for one of their region."""
    is_coordinator = request.user.role == Role.COORDINATOR
    own = None if is_coordinator else course_provider_of_staff(user=request.user)
    if not is_coordinator and own is None:
        raise PermissionDenied
    return _import_flow(
        request,
        form_class=CourseImportForm,
        url_name="course_import",
        done_url="course_import" if is_coordinator else "courses:provider_dashboard",
        template="imports/courses.html",
        context={"is_coordinator": is_coordinator, "provider": own},
    )


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

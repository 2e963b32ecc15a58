import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from common.permissions import role_required
from portal.selectors import candidate_profile_of, contact_grant_list_for_profile
from portal.services import candidate_profile_ensure, candidate_visibility_set

from .forms import AccountDeleteForm, VisibilityForm
from .selectors import candidate_data_export, candidate_data_export_readable
from .services import SELF_DELETING_ROLES, account_delete

EXPORT_FILENAME = "bruecke-my-data.json"


def _overview_page(request, form=None):
    # A read: someone who has not started their profile yet sees the defaults, and still has no profile after.
    profile = candidate_profile_of(user=request.user)
    visible = profile is not None and profile.visible_to_employers
    if form is None:
        form = VisibilityForm(initial={"visible": "yes" if visible else "no"})
    grants = contact_grant_list_for_profile(profile=profile) if profile is not None else []
    return render(request, "privacy/overview.html", {"profile": profile, "form": form, "grants": grants})


@role_required(Role.CANDIDATE)
def overview(request):
    return _overview_page(request)


@role_required(Role.CANDIDATE)
@require_POST
def visibility(request):
    form = VisibilityForm(request.POST)
    if not form.is_valid():
        return _overview_page(request, form)
    visible = form.cleaned_data["visible"]
    candidate_visibility_set(profile=candidate_profile_ensure(user=request.user), visible=visible)
    if visible:
        messages.success(request, _("Employers can now find your anonymous profile."))
    else:
        messages.success(request, _("Your profile is now hidden from employers."))
    return redirect("privacy:overview")


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*SELF_DELETING_ROLES)
def export_json(request):
    data = candidate_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
    return _private(response)


@role_required(*SELF_DELETING_ROLES)
def export_page(request):
    export = candidate_data_export_readable(user=request.user)
    return _private(render(request, "privacy/export_page.html", {"export": export}))


@role_required(*SELF_DELETING_ROLES)
def delete_account(request):
    """Every role but the operators deletes their own account here; staff leave their organisation with it."""
    if request.method != "POST":
        return render(request, "privacy/delete_account.html", {"form": AccountDeleteForm(user=request.user)})
    form = AccountDeleteForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            account_delete(user=request.user)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            logout(request)
            messages.success(request, _("Your account and all your data have been deleted."))
            return redirect("home")
    return render(request, "privacy/delete_account.html", {"form": form})

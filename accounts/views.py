from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from common.permissions import role_required

from .forms import CoordinatorInviteForm, InvitationAcceptForm, VerificationResendForm
from .models import InvitationKind, Role
from .selectors import invitation_from_token, invitation_list_pending
from .services import (
    coordinator_invitation_accept,
    coordinator_invite,
    email_verification_resend,
    rate_limit_consume,
    user_set_language,
)

DASHBOARD_BY_ROLE = {
    Role.CANDIDATE: "portal:candidate_dashboard",
    Role.EMPLOYER: "employers:dashboard",
    Role.PROVIDER: "courses:provider_dashboard",
    Role.MENTOR: "mentoring:mentor_dashboard",
    Role.COORDINATOR: "mentoring:coordinator_dashboard",
    Role.ADMIN: "accounts:admin_dashboard",
}


@login_required
def dashboard(request):
    """Each role lands on its own dashboard."""
    return redirect(DASHBOARD_BY_ROLE[request.user.role])


@role_required(Role.ADMIN)
def admin_dashboard(request):
    form = CoordinatorInviteForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        coordinator_invite(
            email=form.cleaned_data["email"],
            region=form.cleaned_data["region"],
            language=form.cleaned_data["language"],
            invited_by=request.user,
        )
        messages.success(request, _("The invitation is on its way."))
        return redirect("accounts:admin_dashboard")
    return render(
        request,
        "accounts/admin_dashboard.html",
        {"form": form, "invitations": invitation_list_pending(kind=InvitationKind.COORDINATOR)},
    )


def invitation_accept(request, token):
    invitation = invitation_from_token(token=token, kind=InvitationKind.COORDINATOR)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        return render(request, "accounts/invitation_logged_in.html", status=409)
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = coordinator_invitation_accept(
            invitation=invitation,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome to Brücke. You are now the coordinator for %(region)s.") % {"region": invitation.region.name},
        )
        return redirect("dashboard")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})


@require_POST
def language_switch(request):
    """Django's set_language, which also remembers the choice on the account (used for e-mails)."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(user=request.user, language=language)
    return set_language(request)


# A new confirmation link: three times an hour for one address, ten times an hour from one network address.
RESEND_PER_ADDRESS = 3
RESEND_PER_IP = 10
HOUR = 60 * 60


def verification_resend(request):
    """Anyone may ask; the answer is the same whether or not the address has an account waiting."""
    form = VerificationResendForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        ip = get_adapter().get_client_ip(request)
        allowed = rate_limit_consume(action="resend_ip", key=ip, limit=RESEND_PER_IP, period_seconds=HOUR)
        allowed = allowed and rate_limit_consume(
            action="resend_address", key=email, limit=RESEND_PER_ADDRESS, period_seconds=HOUR
        )
        if not allowed:
            form.add_error(
                None, _("You have asked several times already. Please wait an hour, and look in your spam folder.")
            )
        else:
            email_verification_resend(request=request, email=email)
            messages.success(
                request,
                _(
                    "If this address is waiting to be confirmed, we have sent the e-mail again. "
                    "Please look in your inbox and spam folder."
                ),
            )
            return redirect("accounts:verification_resend")
    return render(request, "account/verification_resend.html", {"form": form})

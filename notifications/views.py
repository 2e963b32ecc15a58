"""Every logged-in person's notices, in their language, with ways to mark them read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from common.permissions import role_required

from .digests import match_digest_enabled, notification_preference_set, unsubscribe_token_user
from .forms import DigestPreferenceForm
from .selectors import notification_list_for, notification_of
from .services import notification_mark_read, notifications_mark_all_read
from .texts import notification_text

PAGE_SIZE = 25
# The people who receive digests of new matches and so can switch them off.
DIGEST_ROLES = (Role.CANDIDATE, Role.EMPLOYER)


@login_required
def notification_list(request):
    page = Paginator(notification_list_for(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    items = [{"notification": notification, "text": notification_text(notification)} for notification in page]
    preference_form = None
    if request.user.role in DIGEST_ROLES:
        preference_form = DigestPreferenceForm(initial={"match_digest": match_digest_enabled(user=request.user)})
    return render(
        request,
        "notifications/notification_list.html",
        {"page": page, "items": items, "preference_form": preference_form},
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    """Mark one notice read; with `open`, go on to what it is about."""
    notification = notification_of(user=request.user, pk=pk)
    if notification is None:
        raise Http404
    notification_mark_read(notification=notification)
    link = notification.link
    if "open" in request.POST and link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect(link)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(recipient=request.user)
    return redirect("notifications:list")


@role_required(*DIGEST_ROLES)
@require_POST
def notification_preferences(request):
    form = DigestPreferenceForm(request.POST)
    if form.is_valid():  # a single checkbox: always valid, unticked means off
        notification_preference_set(user=request.user, match_digest=form.cleaned_data["match_digest"])
        messages.success(request, _("Your e-mail settings are saved."))
    return redirect("notifications:list")


# The signed token is the proof, not a session: the link works without logging in, and mail programs'
# one-click unsubscribe (RFC 8058) POSTs without cookies or a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET only asks (mail scanners open links), POST switches the digest of new matches off."""
    user = unsubscribe_token_user(token=token)
    if user is None:
        raise Http404
    if request.method == "POST":
        notification_preference_set(user=user, match_digest=False)
        response = render(request, "notifications/unsubscribe_done.html")
    else:
        response = render(request, "notifications/unsubscribe.html")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response

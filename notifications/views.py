"""Every logged-in person's notices, in their language, with ways to mark them read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .selectors import notification_list_for, notification_of
from .services import notification_mark_read, notifications_mark_all_read
from .texts import notification_text

PAGE_SIZE = 25


@login_required
def notification_list(request):
    page = Paginator(notification_list_for(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    items = [{"notification": notification, "text": notification_text(notification)} for notification in page]
    return render(request, "notifications/notification_list.html", {"page": page, "items": items})


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

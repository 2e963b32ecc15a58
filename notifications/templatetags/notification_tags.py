from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from common import reader_parts
from notifications.selectors import notification_unread_count

register = template.Library()

# Stands in for the reader's unread badge in HTML that is reused for many readers (common.reader_parts).
UNREAD_BADGE = "unread-badge-of-this-request-7c21e4"


def unread_badge_html(request) -> str:
    """The header's badge with the number of unread notices, or nothing; one COUNT query per request."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if not hasattr(request, "_unread_notification_count"):
        request._unread_notification_count = notification_unread_count(user=user)
    count = request._unread_notification_count
    if not count:
        return ""
    return format_html(
        ' <span class="badge rounded-pill notification-badge">{}<span class="visually-hidden"> {}</span></span>',
        count,
        _("unread"),
    )


@register.simple_tag(takes_context=True)
def unread_badge(context) -> str:
    """The unread badge of whoever reads the page; a placeholder while the page or block is rendered for reuse."""
    if reader_parts.placeholders_in(context):
        return mark_safe(UNREAD_BADGE)  # noqa: S308 - a fixed text
    return unread_badge_html(context.get("request"))

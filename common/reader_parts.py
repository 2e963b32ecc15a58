"""What of a reused page belongs to its reader: kept as a placeholder, filled in for each request.

HTML rendered once and shown to many people (the navigation's `{% reuse %}` blocks, the signed-in finder pages
of common.scoped_cache) must hold nothing of any one of them. Two things on a signed-in page do belong to the
reader: the CSRF token of its forms (log out, the language switcher, a button on the page) and the number of
unread notices in the header. Rendered for reuse, each is a placeholder; `fill()` puts in the token and the
number of whoever asks, every time.

The apps above name their own placeholders in their AppConfig.ready (`register`; notifications: the unread
badge), so this module imports none of them.
"""

from collections.abc import Callable
from contextlib import contextmanager

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape

# Stands in for the reader's CSRF token; what `{% csrf_token %}` renders around it is Django's hidden input.
CSRF_TOKEN = "csrf-token-of-this-request-3f9a1c"  # noqa: S105 - a placeholder, not a secret
CSRF_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_TOKEN}">'
# Set on a template context (or a request) while rendering for reuse: the reader's parts become placeholders.
CONTEXT_FLAG = "reader_placeholders"

_fillers: dict[str, Callable[[HttpRequest], str]] = {}


def register(placeholder: str, fill: Callable[[HttpRequest], str]) -> None:
    """`fill(request)` gives the HTML (already escaped) that replaces `placeholder` for that request's reader."""
    _fillers[placeholder] = fill


def _csrf_token(request: HttpRequest) -> str:
    # One token for the whole response: each get_token() masks the secret anew, so the navigation's two copies
    # and the language form would otherwise carry three different (equally valid) strings.
    token = getattr(request, "_reader_csrf_token", None)
    if token is None:
        token = request._reader_csrf_token = escape(get_token(request))
    return token


register(CSRF_TOKEN, _csrf_token)


def placeholders_wanted(request: HttpRequest | None) -> bool:
    """True while a whole page is rendered for reuse (`rendering_for_reuse`)."""
    return bool(getattr(request, "_reader_placeholders", False))


def placeholders_in(context) -> bool:
    """True where a template context renders for reuse: a whole page kept (the request says so), or a
    `{% reuse %}` block (its context says so)."""
    return bool(context.get(CONTEXT_FLAG)) or placeholders_wanted(context.get("request"))


@contextmanager
def rendering_for_reuse(request: HttpRequest):
    """Render this request's page with placeholders for the reader's parts (see the CSRF context processor and
    the tags that register a placeholder)."""
    request._reader_placeholders = True
    try:
        yield
    finally:
        request._reader_placeholders = False


def fill(html: str, request: HttpRequest | None) -> str:
    """The reader's own parts in place of the placeholders. Without a request (a part rendered on its own, as
    `{% csrf_token %}` renders then) the CSRF field is left out and the other parts are empty."""
    if request is None:
        html = html.replace(CSRF_INPUT, "")
    for placeholder, filler in _fillers.items():
        if placeholder in html:
            html = html.replace(placeholder, "" if request is None else filler(request))
    return html

"""Whole search and finder pages for visitors who are not signed in (issue 11).

A visitor who is not signed in sees the same vacancy list, course finder, event calendar and occupation
catalogue as every other such visitor for the same address: nothing on those pages is theirs (no fit score,
no CSRF token: the language switcher is made of plain links for them, no CSP nonce). So the finished response
is kept and served again, for a request that skips the queries and the templates entirely.

Kept under a key made of the language, the path, the query string (parameters sorted, empty ones dropped, so
"?q=&kind=job" and "?kind=job" share a page), today's date and the version of the public listings. Services
give the listings a new version whenever a vacancy, course, event, organisation or occupation changes (every
save and delete of the models each app names in its AppConfig.ready with `PUBLIC_LISTINGS.watch`,
`public_listings_changed()` in the writers that update in bulk), so
the next request after a change renders afresh. A short time to live (PAGE_CACHE_SECONDS) is the safety net
for what no write announces, such as an event that has just ended.

Never served from or kept for: a signed-in user (their cards show their own fit), a request with messages
waiting to be shown, anything but GET, a response other than a plain 200, a response that sets a cookie, uses
the CSRF token or changes the session, or a page whose view refused it (`page_cache_refuse`, for a form with
errors).

Where: PAGE_CACHE_STORE "worker" keeps pages in a bounded store of each worker (the least recently used
dropped first), "cache" in the configured cache (Redis in production, the process's memory when embedded).
The version lives in the configured cache either way, so every worker sees a change at once.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpResponse
from django.utils import timezone, translation

from common.data_versions import DataVersion
from common.worker_store import RecentlyUsed, digest

PUBLIC_LISTINGS = DataVersion("page-cache:public-listings-version")
# Tells whether a response came from the page cache ("hit") or was rendered ("miss"); for the load benchmark
# and whoever looks at a response, never part of the page itself.
HEADER = "X-Page-Cache"

pages_in_worker = RecentlyUsed(settings.PAGE_CACHE_WORKER_PAGES)


# --- The version of the public listings ----------------------------------------------------------------------


def public_listings_version() -> str:
    return PUBLIC_LISTINGS.current()


def public_listings_changed() -> None:
    """Something the public lists show has changed: the next visitor gets freshly rendered pages."""
    PUBLIC_LISTINGS.changed()


# --- Pages -------------------------------------------------------------------------------------------------------


def page_cache_refuse(request) -> None:
    """This response must not be kept (a form with errors: what was typed goes back to the one who typed it)."""
    request._page_cache_refused = True


def messages_pending(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _may_serve(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.user.is_authenticated
        and not messages_pending(request)
    )


def response_keepable(request, response) -> bool:
    """A plain page that may be shown again to somebody else: a 200, whole, setting no cookie, changing no
    session, with no message waiting (for this page and the scoped pages of common.scoped_cache)."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.session.modified
        and not messages_pending(request)
    )


def _may_keep(request, response) -> bool:
    return (
        response_keepable(request, response)
        and not getattr(request, "_page_cache_refused", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not request.user.is_authenticated  # signed in while rendering
    )


def _key(request, version: str) -> str:
    parameters = sorted((name, value) for name, values in request.GET.lists() for value in values if value != "")
    parts = (version, translation.get_language(), request.path, parameters, timezone.localdate().isoformat())
    return "page-cache:page:" + digest(*parts)


def _get(key: str):
    if settings.PAGE_CACHE_STORE == "worker":
        return pages_in_worker.get_fresh(key)
    return cache.get(key)


def _set(key: str, page: tuple) -> None:
    if settings.PAGE_CACHE_STORE == "worker":
        pages_in_worker.set_for(key, page, settings.PAGE_CACHE_SECONDS)
    else:
        cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)


def _rendered(view, request, *args, **kwargs):
    """The view in a transaction of its own, as ATOMIC_REQUESTS would run it; a page from the cache needs none."""
    if not settings.DATABASES[DEFAULT_DB_ALIAS].get("ATOMIC_REQUESTS"):
        return view(request, *args, **kwargs)
    with transaction.atomic(using=DEFAULT_DB_ALIAS):
        return view(request, *args, **kwargs)


def cached_for_visitors(view):
    """Serve the view's page to visitors who are not signed in from the page cache (see the module's note)."""

    @transaction.non_atomic_requests
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_serve(request):
            return _rendered(view, request, *args, **kwargs)
        key = _key(request, public_listings_version())
        page = _get(key)
        if page is not None:
            headers, content = page
            response = HttpResponse(content, headers=dict(headers))
            response[HEADER] = "hit"
            return response
        response = _rendered(view, request, *args, **kwargs)
        if _may_keep(request, response):
            _set(key, (tuple(response.headers.items()), response.content))
            response[HEADER] = "miss"
        return response

    return wrapper

"""The signed-in finder pages, kept whole per scope: a coordinator's region, an employer's vacancy, a report.

The caseload, an employer's candidates of a vacancy and the supply report are personal pages: only those
allowed may see them. But every coordinator of a region sees the same caseload for the same filters, and every
member of an organisation the same candidates of its vacancy; only their CSRF tokens and their unread badges
differ. So the page is rendered once, with placeholders for those (common.reader_parts), and kept under a key
made of

- the scope (the region's id, the vacancy's and its organisation's id, the report's), which the view has
  checked the reader may see before it asks (places.selectors is the one rule for a coordinator's region), so a
  page of another scope is never asked for;
- the reader's role (an admin's page has a region picker, a coordinator's an overview link), the path with its
  query string, the language and today's date;
- what the view adds: `version()` (a vacancy's title, a report's time of computation) and `data_versions`
  (the version of the stored matches, which their one writer renews);
- the *candidate data version*: every save and delete of what these pages show (a candidate's profile,
  account, languages and occupations, mentorships and requests, course and event registrations, courses,
  applications, contact grants, occupations, a region's postal codes) gives a new one (each app names its
  models in its AppConfig.ready with `CANDIDATE_DATA.watch`, regions below; a writer that updates in bulk calls
  `candidate_data_changed()`), so the next request after a change renders
  afresh. Like the page cache's version, it is set at once and again after the commit.

Each request still signs the reader in, checks the scope and counts their unread notices; it skips the
queries and templates of the page itself. Never kept: a page with messages waiting, anything but GET, a
response other than a plain 200, one that sets a cookie or changes the session.

`SCOPED_CACHE_SECONDS` (60 s) is the safety net for what no write announces (the day's activity growing older,
a bulk update nobody announced); 0 switches the cache off.

Kept in each worker's memory (a bounded store, least recently used dropped first), never in the shared cache
and never in a log: the pages hold names of candidates. The version lives in the shared cache, so every worker
sees a change at once.
"""

from django.conf import settings
from django.db.models.signals import m2m_changed
from django.http import HttpResponse
from django.utils import timezone, translation

from common import reader_parts
from common.data_versions import DataVersion, versions_current
from common.page_cache import messages_pending, response_keepable
from common.worker_store import RecentlyUsed, digest

CANDIDATE_DATA = DataVersion("scoped-cache:candidate-data-version")

# Tells whether a page came from this cache ("hit") or was rendered and kept ("miss"); for the load benchmark.
HEADER = "X-Scoped-Cache"

pages_in_worker = RecentlyUsed(settings.SCOPED_CACHE_WORKER_PAGES)


def candidate_data_changed() -> None:
    """Something the caseload or an employer's candidate list shows has changed: render them afresh."""
    CANDIDATE_DATA.changed()


def _postal_codes_changed(sender, action: str = "", **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        candidate_data_changed()


def watch_regions() -> None:
    """Regions are below this module, so it watches them itself; the apps above name their own models."""
    from places.models import Region

    CANDIDATE_DATA.watch(Region)
    m2m_changed.connect(
        _postal_codes_changed, sender=Region.postal_codes.through, dispatch_uid="scoped_cache_region_postal_codes"
    )


def scoped_page(
    request, *, scope: tuple, render, version=None, data_versions: tuple[DataVersion, ...] = ()
) -> HttpResponse:
    """The response `render()` gives, kept for everyone who may see `scope` (see the module's note).

    `version()` and `data_versions`, when given, add what the candidate data version does not cover (the
    versions are read with it, in one round trip); asked only when the cache is on. The reader's parts are
    placeholders while `render()` runs and are filled in for every response.
    """
    seconds = settings.SCOPED_CACHE_SECONDS
    if seconds <= 0 or request.method != "GET" or messages_pending(request):
        return render()
    key = digest(
        "page",
        scope,
        version() if version else None,
        versions_current(CANDIDATE_DATA, *data_versions),
        request.user.role,
        request.path,
        request.META.get("QUERY_STRING", ""),
        translation.get_language(),
        timezone.localdate().isoformat(),
    )
    stored = pages_in_worker.get_fresh(key)
    if stored is not None:
        headers, html = stored
        response = HttpResponse(reader_parts.fill(html, request), headers=dict(headers))
        response[HEADER] = "hit"
        return response
    with reader_parts.rendering_for_reuse(request):
        response = render()
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return response
    html = response.content.decode(response.charset)
    if response_keepable(request, response):
        pages_in_worker.set_for(key, (tuple(response.headers.items()), html), seconds)
        response[HEADER] = "miss"
    response.content = reader_parts.fill(html, request)
    return response


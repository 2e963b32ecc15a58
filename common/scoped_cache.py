"""Rendered parts of the signed-in finder pages, kept per scope: a coordinator's region, an employer's vacancy.

The caseload, an employer's candidates of a vacancy and the supply report are personal pages, so no whole page
is kept and nothing is shared between scopes. But every coordinator of a region sees the same list of the
region's candidates, and every member of an organisation the same candidates of its vacancy: those parts are
rendered once and kept under a key made of

- the scope (the region's id, the vacancy's and its organisation's id), which the view has already checked the
  reader may see (places.selectors is the one rule for a coordinator's region), so a key of another scope is
  never asked for;
- everything else the part shows (filters, page, query string), the language and today's date;
- the *candidate data version*: every save and delete of what these parts show (a candidate's profile,
  account, languages and occupations, mentorships and requests, course and event registrations, courses,
  applications, contact grants, occupations, a region's postal codes) gives a new one (each app names its
  models in its AppConfig.ready with `CANDIDATE_DATA.watch`, regions below; a writer that updates in bulk calls
  `candidate_data_changed()`), so the next request after a change renders
  afresh. Like the page cache's version, it is set at once and again after the commit.

`SCOPED_CACHE_SECONDS` (60 s) is the safety net for what no write announces (the day's activity growing older,
a bulk update nobody announced); 0 switches the cache off.

A part is rendered without the request (`render_to_string` with its own context): no user, session, CSRF token
or nonce can end up in it. Kept in each worker's memory (a bounded store, least recently used dropped first),
never in the shared cache and never in a log: the parts hold names of candidates. The version lives in the
shared cache, so every worker sees a change at once.
"""

from django.conf import settings
from django.db.models.signals import m2m_changed
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from common.data_versions import DataVersion
from common.worker_store import RecentlyUsed, digest

CANDIDATE_DATA = DataVersion("scoped-cache:candidate-data-version")

parts_in_worker = RecentlyUsed(settings.SCOPED_CACHE_WORKER_PARTS)


def candidate_data_version() -> str:
    """The version the parts are kept under; "" while the cache is off, so nothing is read for nothing."""
    if settings.SCOPED_CACHE_SECONDS <= 0:
        return ""
    return CANDIDATE_DATA.current()


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


def scoped_part(*, name: str, scope: tuple, parts: tuple, render, version=None, data_version: str = "") -> str:
    """The HTML `render()` returns, kept for this scope, these parts, the language, the day and the version.

    `version()`, when given, adds what the candidate data version does not cover (the fingerprint of a
    vacancy's stored matches, written in bulk by the recomputation); asked only when the cache is on.
    `data_version`: the candidate data version when the view has read it already for another part (one read
    of the shared cache per request). `render` must use nothing of the request.
    """
    seconds = settings.SCOPED_CACHE_SECONDS
    if seconds <= 0:
        return render()
    key_parts = (
        name,
        scope,
        parts,
        version() if version else None,
        data_version or candidate_data_version(),
        translation.get_language(),
        timezone.localdate().isoformat(),
    )
    key = digest(*key_parts)
    stored = parts_in_worker.get_fresh(key)
    if stored is not None:
        return mark_safe(stored)  # noqa: S308 - rendered by the template engine, escaped there
    html = str(render())
    parts_in_worker.set_for(key, html, seconds)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there

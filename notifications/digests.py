"""The daily digest: one e-mail per person and day (a unique DigestDelivery row), the switch to turn it off and
the one-click unsubscribe link.

What goes into a digest comes from the apps above: matching sends the digests of new matches
(`matching.digests`), and other apps (saved searches, for instance) register a contributor whose news joins
the same message. Notifications imports nothing of theirs.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.core import signing
from django.db import transaction
from django.urls import reverse

from accounts.models import User
from common.batching import batched
from notifications.emails import absolute_url, email_send_templated

from .models import DigestDelivery, NotificationPreference

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# --- Settings and unsubscribing --------------------------------------------------------------------------------


def match_digest_enabled(*, user: User) -> bool:
    """Whether the person wants digests of new matches (everyone does until they switch them off)."""
    return not NotificationPreference.objects.filter(user=user, match_digest=False).exists()


def notification_preference_set(*, user: User, match_digest: bool) -> NotificationPreference:
    """Switch the digest of new matches on or off."""
    preference, created = NotificationPreference.objects.get_or_create(
        user=user, defaults={"match_digest": match_digest}
    )
    if not created and preference.match_digest != match_digest:
        preference.match_digest = match_digest
        preference.save(update_fields=["match_digest", "changed_at"])
    return preference


def unsubscribe_token_make(*, user: User) -> str:
    """A signed token for the unsubscribe link: no e-mail address in it, and it cannot be made up."""
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_user(*, token: str) -> User | None:
    """The active person a token was made for, or None for a forged or damaged token."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def unsubscribe_url_for(user: User) -> str:
    return absolute_url(reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token_make(user=user)}))


def unsubscribe_headers(url: str) -> dict:
    """RFC 2369 and RFC 8058: mail programs offer their own unsubscribe button, which POSTs to the link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- News from other apps ----------------------------------------------------------------------------------------
# Other apps (saved searches, for instance) add their news to the same daily message instead of sending their
# own: they register a contributor when they start, and notifications imports nothing of theirs.


@dataclass
class DigestSection:
    """One block of news in a digest, already in the recipient's language; URLs are absolute."""

    title: str
    count: int
    items: list[dict]  # each with "title", "detail" and "url"; empty when the news may only be counted
    url: str  # the page with all of it
    unsubscribe_url: str  # one click stops this block's news


@dataclass
class DigestNews:
    """What one contributor has for one person today."""

    sections: list[DigestSection]
    # Marks the news as announced (and leaves its notice in the portal); called once the e-mail is sent,
    # inside the same transaction.
    record: Callable[[], None]
    # The one-click link for the e-mail's List-Unsubscribe header: it stops everything the e-mail brought,
    # the digest of new matches too when `include_matches` is true.
    unsubscribe_url: Callable[[bool], str]


class DigestContributor(Protocol):
    def recipient_ids(self, *, now: datetime.datetime) -> set[int]:
        """The people who may have news (a superset is fine: `news_for` decides)."""

    def news_for(self, *, user: User, now: datetime.datetime) -> DigestNews | None:
        """The person's news now, or None; may lock rows so that two runs never announce the same thing."""


_contributors: list[DigestContributor] = []


def digest_contributor_register(contributor: DigestContributor) -> None:
    """Add a source of news to the daily digest (once per kind of contributor)."""
    if not any(type(known) is type(contributor) for known in _contributors):
        _contributors.append(contributor)


def digest_news_for(*, user: User, now: datetime.datetime) -> list[DigestNews]:
    return [news for contributor in _contributors if (news := contributor.news_for(user=user, now=now))]


def digest_news_sections(news: list[DigestNews]) -> list[DigestSection]:
    return [section for item in news for section in item.sections]


def digest_news_headers(*, news: list[DigestNews], include_matches: bool, fallback_url: str) -> dict:
    """One header for the whole e-mail: with news in it, the link stops all of it."""
    url = news[0].unsubscribe_url(include_matches) if news else fallback_url
    return unsubscribe_headers(url)


def news_digests_send(*, now: datetime.datetime, today: datetime.date, size: int) -> tuple[int, int]:
    """Digests for people who have news from other apps but got no digest today; returns (sent, failed)."""
    sent = failed = 0
    user_ids = set()
    for contributor in _contributors:
        user_ids |= contributor.recipient_ids(now=now)
    if not user_ids:
        return sent, failed
    served = set(DigestDelivery.objects.filter(sent_on=today, user_id__in=user_ids).values_list("user_id", flat=True))
    waiting = sorted(user_ids - served)
    for batch in batched(waiting, size):
        for user in User.objects.filter(pk__in=batch, is_active=True).order_by("pk"):
            try:
                if _news_digest_send(user=user, now=now, today=today):
                    sent += 1
            except Exception:
                logger.exception("News digest for user %s failed", user.pk)
                failed += 1
    return sent, failed


def _news_digest_send(*, user: User, now, today) -> bool:
    with transaction.atomic():
        # The unique delivery row makes a second run at the same moment wait, then find the day served.
        _delivery, created = DigestDelivery.objects.get_or_create(user=user, sent_on=today)
        if not created:
            return False
        news = digest_news_for(user=user, now=now)
        if not news:
            transaction.set_rollback(True)  # nothing sent: the day stays free for a digest later on
            return False
        language = user.preferred_language
        email_send_templated(
            to=user.email,
            language=language,
            template_prefix="notifications/email/digest_news",
            context={"sections": digest_news_sections(news)},
            headers=digest_news_headers(news=news, include_matches=False, fallback_url=""),
        )
        for item in news:
            item.record()
    return True

"""Digests of new matches: once a day candidates hear about their new good matches, and employers about new
consenting candidates for their vacancies, each as one notice in the portal and one e-mail in their language.

At most one digest per person and day (a unique DigestDelivery row), and no match is announced twice: to a
candidate `Match.notified_at` records it, to an organisation an EmployerMatchNotice row per vacancy and
candidate. Employers only learn how many candidates fit, never who they are, and only about candidates who
agreed to be found (visible to employers, or in contact with that organisation).

The writes of this feature and the few reads that only it needs live here together.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Protocol

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from employers.models import Organisation, Vacancy, VacancyStatus
from matching.models import Match, MatchKind
from matching.reasons import CANDIDATE, match_reasons
from matching.selectors import matches_new_since
from matching.services import match_mark_notified
from portal.emails import absolute_url, email_send_templated
from portal.models import ContactGrant

from .models import DigestDelivery, EmployerMatchNotice, NotificationPreference
from .services import notification_create

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# Matches found within this window count as new; older ones never announced (opted out back then, or below
# the score) are not announced as news any more.
LOOKBACK = datetime.timedelta(days=7)
# A candidate's e-mail lists the best few matches with their strongest reasons; the page shows them all.
EMAIL_MATCHES = 5
EMAIL_REASONS = 3


@dataclass
class DigestResult:
    candidates: int = 0  # candidates who got a digest
    candidate_matches: int = 0  # matches announced to them
    organisations: int = 0  # organisations whose staff got a digest
    employer_digests: int = 0  # staff members who got a digest
    employer_matches: int = 0  # vacancy matches announced to organisations
    failed: int = 0  # digests that could not be sent; the next run tries again
    news_digests: int = 0  # digests of news from other apps (saved searches) for people without new matches


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


def _unsubscribe_url(user: User) -> str:
    return absolute_url(reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token_make(user=user)}))


def _unsubscribe_headers(url: str) -> dict:
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


def _news_for(*, user: User, now: datetime.datetime) -> list[DigestNews]:
    return [news for contributor in _contributors if (news := contributor.news_for(user=user, now=now))]


def _news_sections(news: list[DigestNews]) -> list[DigestSection]:
    return [section for item in news for section in item.sections]


def _news_headers(*, news: list[DigestNews], include_matches: bool, fallback_url: str) -> dict:
    """One header for the whole e-mail: with news in it, the link stops all of it."""
    url = news[0].unsubscribe_url(include_matches) if news else fallback_url
    return _unsubscribe_headers(url)


def _news_digests_send(*, result: DigestResult, now, today, size: int) -> None:
    """Digests for people who have news from other apps but got no digest of matches today."""
    user_ids = set()
    for contributor in _contributors:
        user_ids |= contributor.recipient_ids(now=now)
    if not user_ids:
        return
    served = set(DigestDelivery.objects.filter(sent_on=today, user_id__in=user_ids).values_list("user_id", flat=True))
    for batch in _batched(sorted(user_ids - served), size):
        for user in User.objects.filter(pk__in=batch, is_active=True).order_by("pk"):
            try:
                if _news_digest_send(user=user, now=now, today=today):
                    result.news_digests += 1
            except Exception:
                logger.exception("News digest for user %s failed", user.pk)
                result.failed += 1


def _news_digest_send(*, user: User, now, today) -> bool:
    with transaction.atomic():
        # The unique delivery row makes a second run at the same moment wait, then find the day served.
        _delivery, created = DigestDelivery.objects.get_or_create(user=user, sent_on=today)
        if not created:
            return False
        news = _news_for(user=user, now=now)
        if not news:
            transaction.set_rollback(True)  # nothing sent: the day stays free for a digest later on
            return False
        language = user.preferred_language
        email_send_templated(
            to=user.email,
            language=language,
            template_prefix="notifications/email/digest_news",
            context={"sections": _news_sections(news)},
            headers=_news_headers(news=news, include_matches=False, fallback_url=""),
        )
        for item in news:
            item.record()
    return True


# --- Sending ----------------------------------------------------------------------------------------------------


def match_digests_send(*, now: datetime.datetime | None = None, min_score: int = 60, batch_size: int = 500) -> dict:
    """Send today's digests of new matches to candidates and to employers' staff; returns counts.

    Meant to run once a day; running it again the same day (or two runs at once) sends nothing more.
    One failing digest does not keep the others from going out, and is tried again on the next run.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = now - LOOKBACK
    result = DigestResult()
    _candidate_digests_send(result=result, now=now, today=today, since=since, min_score=min_score, size=batch_size)
    _employer_digests_send(result=result, now=now, today=today, since=since, min_score=min_score, size=batch_size)
    _news_digests_send(result=result, now=now, today=today, size=batch_size)
    return asdict(result)


def _batched(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# --- Candidates ---


def _candidate_matches_new(*, since: datetime.datetime, min_score: int) -> QuerySet[Match]:
    """New good vacancy and course matches nobody has told the candidate about (mentors are proposed by
    coordinators, not announced)."""
    return matches_new_since(since=since).filter(kind__in=(MatchKind.VACANCY, MatchKind.COURSE), score__gte=min_score)


def _candidate_digests_send(*, result: DigestResult, now, today, since, min_score: int, size: int) -> None:
    # One pass over the new matches finds the candidates; each batch then reads its candidates' matches at once.
    profile_ids = list(
        _candidate_matches_new(since=since, min_score=min_score)
        .exclude(profile__user__notification_preference__match_digest=False)
        .exclude(profile__user__digest_deliveries__sent_on=today)
        .order_by("profile_id")
        .values_list("profile_id", flat=True)
        .distinct()
    )
    for batch in _batched(profile_ids, size):
        pending = defaultdict(list)
        matches = _candidate_matches_new(since=since, min_score=min_score).filter(profile_id__in=batch)
        for match in matches.select_related("vacancy__organisation", "course__provider"):
            pending[match.profile_id].append(match)  # best first
        for profile_id, candidate_matches in pending.items():
            try:
                announced = _candidate_digest_send(matches=candidate_matches, now=now, today=today)
            except Exception:
                logger.exception("Match digest for candidate profile %s failed", profile_id)
                result.failed += 1
                continue
            if announced:
                result.candidates += 1
                result.candidate_matches += announced


def _candidate_digest_send(*, matches: list[Match], now, today) -> int:
    """One candidate's digest of these new matches; returns how many it announced (0: nothing sent)."""
    with transaction.atomic():
        # The row locks make a second run at the same moment wait, then find the matches announced.
        unannounced = set(
            Match.objects.select_for_update()
            .filter(pk__in=[match.pk for match in matches], notified_at__isnull=True)
            .values_list("pk", flat=True)
        )
        matches = [match for match in matches if match.pk in unannounced]
        if not matches:
            return 0
        user = matches[0].profile.user
        if not match_digest_enabled(user=user):
            return 0
        _delivery, created = DigestDelivery.objects.get_or_create(user=user, sent_on=today)
        if not created:
            return 0
        news = _news_for(user=user, now=now)
        notification_create(
            recipient=user,
            kind="match_digest_candidate",
            params={"count": len(matches)},
            url_name="matching:my_matches",
            email=False,
        )
        _candidate_email_send(user=user, matches=matches, news=news)
        match_mark_notified(matches=matches, at=now)
        for item in news:
            item.record()
    return len(matches)


def _candidate_email_send(*, user: User, matches: list[Match], news: list[DigestNews] = ()) -> None:
    language = user.preferred_language
    with translation.override(language):
        items = []
        for match in matches[:EMAIL_MATCHES]:
            if match.kind == MatchKind.VACANCY:
                offer, where = match.vacancy, match.vacancy.organisation.name
                url = reverse("vacancies:detail", kwargs={"pk": offer.pk})
            else:
                offer, where = match.course, match.course.provider.name
                url = reverse("courses:detail", kwargs={"pk": offer.pk})
            items.append(
                {
                    "title": offer.title,
                    "kind": str(offer.get_kind_display()),
                    "where": where,
                    "score": match.score,
                    "reasons": match_reasons(match.parts, audience=CANDIDATE)[:EMAIL_REASONS],
                    "url": absolute_url(url),
                }
            )
        matches_url = absolute_url(reverse("matching:my_matches"))
        unsubscribe_url = _unsubscribe_url(user)
    email_send_templated(
        to=user.email,
        language=language,
        template_prefix="notifications/email/digest_candidate",
        context={
            "count": len(matches),
            "items": items,
            "more": len(matches) - len(items),
            "matches_url": matches_url,
            "unsubscribe_url": unsubscribe_url,
            "sections": _news_sections(news),
        },
        headers=_news_headers(news=news, include_matches=True, fallback_url=unsubscribe_url),
    )


# --- Employers ---


def _employer_matches_new(*, since: datetime.datetime, min_score: int) -> QuerySet[Match]:
    """New good matches of published vacancies with candidates who agreed to be found by this organisation
    (the rule of `matching.selectors.candidate_cards_for_vacancy`), not yet announced to it."""
    in_contact = ContactGrant.objects.filter(
        profile_id=OuterRef("profile_id"), organisation_id=OuterRef("vacancy__organisation_id")
    )
    announced = EmployerMatchNotice.objects.filter(vacancy_id=OuterRef("vacancy_id"), profile_id=OuterRef("profile_id"))
    return (
        Match.objects.vacancies()
        .filter(
            score__gte=min_score,
            created_at__gt=since,
            vacancy__status=VacancyStatus.PUBLISHED,
            profile__user__is_active=True,
        )
        .filter(Q(profile__visible_to_employers=True) | Exists(in_contact))
        .exclude(Exists(announced))
    )


def _employer_digests_send(*, result: DigestResult, now, today, since, min_score: int, size: int) -> None:
    organisation_ids = list(
        _employer_matches_new(since=since, min_score=min_score)
        .order_by("vacancy__organisation_id")
        .values_list("vacancy__organisation_id", flat=True)
        .distinct()
    )
    for batch in _batched(organisation_ids, size):
        for organisation_id in batch:
            try:
                staff, announced = _organisation_digest_send(
                    organisation_id=organisation_id, now=now, today=today, since=since, min_score=min_score
                )
            except Exception:
                logger.exception("Match digest for organisation %s failed", organisation_id)
                result.failed += 1
                continue
            if staff:
                result.organisations += 1
                result.employer_digests += staff
                result.employer_matches += announced


def _organisation_digest_send(*, organisation_id: int, now, today, since, min_score: int) -> tuple[int, int]:
    """One organisation's digest to each of its staff; returns (staff reached, matches announced)."""
    with transaction.atomic():
        # The organisation's row serialises runs: a second one waits, then finds everything announced.
        if not Organisation.objects.select_for_update().filter(pk=organisation_id).exists():
            return 0, 0
        pairs = list(
            _employer_matches_new(since=since, min_score=min_score)
            .filter(vacancy__organisation_id=organisation_id)
            .values_list("vacancy_id", "profile_id")
        )
        if not pairs:
            return 0, 0
        counts = Counter(vacancy_id for vacancy_id, _profile_id in pairs)
        titles = dict(Vacancy.objects.filter(pk__in=counts).values_list("pk", "title"))
        vacancies = sorted(
            ({"pk": pk, "title": titles[pk], "count": count} for pk, count in counts.items()),
            key=lambda item: (-item["count"], item["title"], item["pk"]),
        )
        staff = (
            User.objects.filter(membership__organisation_id=organisation_id, role=Role.EMPLOYER, is_active=True)
            .exclude(notification_preference__match_digest=False)
            .exclude(digest_deliveries__sent_on=today)
            .order_by("pk")
        )
        reached = 0
        for user in staff:
            try:
                with transaction.atomic():
                    reached += _staff_digest_send(user=user, vacancies=vacancies, today=today, now=now)
            except Exception:
                # The others still get theirs; this person's digest is lost rather than sent twice to the rest.
                logger.exception("Match digest for employer user %s failed", user.pk)
        if not reached:
            # Nobody could be told today (all switched off, or all had a digest): keep the matches for later.
            return 0, 0
        EmployerMatchNotice.objects.bulk_create(
            [
                EmployerMatchNotice(
                    organisation_id=organisation_id, vacancy_id=vacancy_id, profile_id=profile_id, notified_at=now
                )
                for vacancy_id, profile_id in pairs
            ],
            batch_size=1000,
        )
    return reached, len(pairs)


def _staff_digest_send(*, user: User, vacancies: list[dict], today: datetime.date, now=None) -> int:
    _delivery, created = DigestDelivery.objects.get_or_create(user=user, sent_on=today)
    if not created:
        return 0
    news = _news_for(user=user, now=now or timezone.now())
    if len(vacancies) == 1:
        [vacancy] = vacancies
        notification_create(
            recipient=user,
            kind="match_digest_employer",
            params={"count": vacancy["count"], "title": vacancy["title"]},
            url_name="matching:vacancy_candidates",
            url_kwargs={"pk": vacancy["pk"]},
            email=False,
        )
    else:
        notification_create(
            recipient=user,
            kind="match_digest_employer_many",
            params={"count": len(vacancies)},
            url_name="employers:dashboard",
            email=False,
        )
    language = user.preferred_language
    with translation.override(language):
        items = [
            {
                "title": vacancy["title"],
                "count": vacancy["count"],
                "url": absolute_url(reverse("matching:vacancy_candidates", kwargs={"pk": vacancy["pk"]})),
            }
            for vacancy in vacancies
        ]
        unsubscribe_url = _unsubscribe_url(user)
    email_send_templated(
        to=user.email,
        language=language,
        template_prefix="notifications/email/digest_employer",
        context={"items": items, "unsubscribe_url": unsubscribe_url, "sections": _news_sections(news)},
        headers=_news_headers(news=news, include_matches=True, fallback_url=unsubscribe_url),
    )
    for item in news:
        item.record()
    return 1

"""Digests of new matches: once a day candidates hear about their new good matches, and employers about new
consenting candidates for their vacancies, each as one notice in the portal and one e-mail in their language.

At most one digest per person and day (notifications' DigestDelivery row), and no match is announced twice:
to a candidate `Match.notified_at` records it, to an organisation an EmployerMatchNotice row per vacancy and
candidate. Employers only learn how many candidates fit, never who they are, and only about candidates who
agreed to be found (visible to employers, or in contact with that organisation). News from other apps (saved
searches) joins the same e-mail through notifications' digest contributors.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from common.batching import batched
from employers.models import Organisation, Vacancy, VacancyStatus
from notifications.digests import (
    DigestNews,
    digest_news_for,
    digest_news_headers,
    digest_news_sections,
    match_digest_enabled,
    news_digests_send,
    unsubscribe_url_for,
)
from notifications.emails import absolute_url, email_send_templated
from notifications.models import DigestDelivery, EmployerMatchNotice
from notifications.services import notification_create
from portal.models import ContactGrant

from .models import Match, MatchKind
from .reasons import CANDIDATE, match_reasons
from .selectors import matches_new_since
from .services import match_mark_notified

logger = logging.getLogger(__name__)

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
    _employer_digests_send(result=result, now=now, today=today, since=since, min_score=min_score)
    sent, failed = news_digests_send(now=now, today=today, size=batch_size)
    result.news_digests += sent
    result.failed += failed
    return asdict(result)


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
    for batch in batched(profile_ids, size):
        pending = defaultdict(list)
        matches = _candidate_matches_new(since=since, min_score=min_score).filter(profile_id__in=batch)
        for match in matches.select_related("profile__user", "vacancy__organisation", "course__provider"):
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
        news = digest_news_for(user=user, now=now)
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
        unsubscribe_url = unsubscribe_url_for(user)
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
            "sections": digest_news_sections(news),
        },
        headers=digest_news_headers(news=news, include_matches=True, fallback_url=unsubscribe_url),
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


def _employer_digests_send(*, result: DigestResult, now, today, since, min_score: int) -> None:
    organisation_ids = list(
        _employer_matches_new(since=since, min_score=min_score)
        .order_by("vacancy__organisation_id")
        .values_list("vacancy__organisation_id", flat=True)
        .distinct()
    )
    # One organisation at a time, each in its own transaction: nothing is read per batch, so no batches.
    for organisation_id in organisation_ids:
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
    news = digest_news_for(user=user, now=now or timezone.now())
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
        unsubscribe_url = unsubscribe_url_for(user)
    email_send_templated(
        to=user.email,
        language=language,
        template_prefix="notifications/email/digest_employer",
        context={"items": items, "unsubscribe_url": unsubscribe_url, "sections": digest_news_sections(news)},
        headers=digest_news_headers(news=news, include_matches=True, fallback_url=unsubscribe_url),
    )
    for item in news:
        item.record()
    return 1

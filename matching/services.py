"""Writes of the matching app: recomputing the stored matches, in the background and idempotently.

Every recomputation goes through `match_recompute_candidates`: under a lock per block of candidate ids it reads
the candidates fresh (`facts.py`), lets the engine find their best vacancies and courses, and writes only the
difference to what is stored (`store.py`), in one transaction. Running it twice changes nothing; a worker
killed half-way leaves the old rows.

The nightly run skips candidates whose inputs are unchanged: a fingerprint per candidate (`MatchInputs`) covers
their facts, the versions of the grid cells of offers their radius reaches, the day where it matters, and the
engine version (docs/matching.md, "Recomputation when little changed").

Other apps do not call these directly: they call `match_recompute_later(...)` inside their write transaction,
which enqueues the Celery tasks once the transaction has committed, once per changed object.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from common.batching import batched
from common.transactions import on_commit_once
from courses.models import Course
from employers.models import Vacancy
from portal.models import CandidateProfile

from . import engine, pair_scoring, store
from .engine import CandidateFacts, Scored, VacancyFacts, VacancyTargets
from .facts import (
    Offers,
    among,
    candidate_facts_load,
    candidate_facts_reached_by,
    candidate_facts_reaching,
    course_facts_load,
    inputs_fingerprint,
    match_offers,
    offers_for,
    vacancy_facts_around,
    vacancy_facts_load,
)
from .models import Match, MatchInputs, MatchKind
from .store import (
    LOCK_BLOCK,
    RecomputeResult,
    fresh_rows,
    inputs_forget,
    inputs_remember,
    lock_blocks,
    write_difference,
)

logger = logging.getLogger(__name__)

# Candidate ids per chunk of the nightly recomputation; a multiple of LOCK_BLOCK.
CHUNK_SIZE = 2000
# How long a queued recomputation keeps others for the same object from being queued.
PENDING_SECONDS = 15 * 60


# --- Recomputation -------------------------------------------------------------------------------------------


def _recompute_block(
    profile_ids: list[int],
    id_range: tuple[int, int] | None = None,
    *,
    skip_unchanged: bool = False,
    today: datetime.date | None = None,
    offers: Offers | None = None,
) -> RecomputeResult:
    """Recompute these candidates (or every candidate in the id range) under the lock of their blocks.

    With `skip_unchanged`, candidates whose inputs have the fingerprint stored at their last recomputation are
    left alone, their stored matches unread.
    """
    today = today or timezone.localdate()
    if offers is None and id_range is not None:
        offers = match_offers(today=today)
    if id_range is None:
        blocks = {profile_id // LOCK_BLOCK for profile_id in profile_ids}
    else:
        blocks = range(id_range[0] // LOCK_BLOCK, id_range[1] // LOCK_BLOCK + 1)
    with transaction.atomic():
        lock_blocks(blocks)
        if id_range is not None:
            facts = candidate_facts_load(id_range=id_range, today=today)
        else:
            facts = candidate_facts_load(profile_ids=profile_ids, today=today)
        offers = offers or offers_for(facts, today)
        if not skip_unchanged:
            # Recomputed outside the nightly run, perhaps from only the offers near them: their inputs are not
            # recorded, so the next nightly run recomputes them once more rather than trust an old record.
            inputs_forget(profile_ids)
            result = write_difference(profile_ids, fresh_rows(facts, offers.vacancies, offers.courses), id_range)
            result.candidates = len(profile_ids)
            return result
        fingerprints = {c.id: inputs_fingerprint(c, offers.areas, today) for c in facts}
        inputs = MatchInputs.objects.all()
        if id_range is not None:
            inputs = inputs.filter(profile_id__gte=id_range[0], profile_id__lte=id_range[1])
        else:
            inputs = inputs.filter(profile_id__in=profile_ids)
        known = dict(inputs.values_list("profile_id", "fingerprint"))
        todo = [c for c in facts if known.get(c.id) != fingerprints[c.id]]
        # Candidates without facts (closed accounts) lose their matches: they are always written.
        gone = [pk for pk in profile_ids if pk not in fingerprints]
        fresh = fresh_rows(todo, offers.vacancies, offers.courses)
        written = sorted([c.id for c in todo] + gone)
        if len(todo) == len(facts):
            result = write_difference(profile_ids, fresh, id_range)
        elif id_range is not None and 2 * len(written) > len(profile_ids):
            # Most of the chunk: reading its stored rows by id range is quicker than by lists of ids.
            result = write_difference(written, fresh, id_range, only=set(written))
        else:
            result = write_difference(written, fresh)
        inputs_remember({c.id: fingerprints[c.id] for c in todo}, [c.id for c in todo if c.id in known])
        inputs_forget([pk for pk in gone if pk in known])
        result.candidates = len(profile_ids)
        result.skipped = len(facts) - len(todo)
        return result


def match_recompute_candidates(*, profile_ids: Iterable[int], today: datetime.date | None = None) -> RecomputeResult:
    """Recompute the stored vacancy and course matches of these candidates (deleted or closed ones lose theirs)."""
    result = RecomputeResult()
    ordered = sorted(set(profile_ids))
    # Many candidates (an online course reaches everybody) reach nearly every offer: read all, once.
    offers = match_offers(today=today) if len(ordered) > LOCK_BLOCK else None
    for batch in batched(ordered, CHUNK_SIZE):
        result.add(_recompute_block(batch, today=today, offers=offers))
    return result


def match_recompute_for_candidate(*, profile: CandidateProfile) -> RecomputeResult:
    return match_recompute_candidates(profile_ids=[profile.pk])


def match_recompute_chunk(*, first_id: int, last_id: int, today: datetime.date | None = None) -> RecomputeResult:
    """Recompute every candidate whose id lies in [first_id, last_id]: one part of the nightly run.

    Candidates whose inputs are unchanged since their last recomputation are skipped (`RecomputeResult.skipped`).
    """
    profile_ids = list(CandidateProfile.objects.filter(pk__range=(first_id, last_id)).values_list("pk", flat=True))
    if not profile_ids:
        return RecomputeResult()
    return _recompute_block(profile_ids, (first_id, last_id), skip_unchanged=True, today=today)


def match_recompute_all(*, chunk_size: int = CHUNK_SIZE) -> int:
    """Queue the recomputation of every candidate in chunks of ids that several workers share.

    Returns the number of chunks queued.
    """
    from .tasks import recompute_chunk

    if chunk_size % LOCK_BLOCK:
        raise ValueError("chunk_size must be a multiple of LOCK_BLOCK")
    bounds = CandidateProfile.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return 0
    chunks = 0
    for first in range(bounds["low"] - bounds["low"] % chunk_size, bounds["high"] + 1, chunk_size):
        recompute_chunk.delay(first, first + chunk_size - 1)
        chunks += 1
    return chunks


def candidates_affected_by(kind: str, target_id: int, scores: dict[int, int], limit: int) -> set[int]:
    """Candidates whose stored list may change: those holding the offer, and those it now reaches whose list
    has room or whose weakest stored match does not beat it."""
    field = "vacancy_id" if kind == MatchKind.VACANCY else "course_id"
    affected = set(Match.objects.filter(**{field: target_id}).values_list("profile_id", flat=True))
    # Those holding it are affected anyway: only the others' lists are counted.
    others = {profile_id: score for profile_id, score in scores.items() if profile_id not in affected}
    stats = store.lists_held(field, sorted(others))
    for profile_id, score in others.items():
        count, lowest = stats.get(profile_id, (0, None))
        if count < limit or score >= lowest:
            affected.add(profile_id)
    return affected


def _vacancy_scores(target: VacancyFacts | None, candidates: Iterable[CandidateFacts], today) -> dict[int, Scored]:
    """The changed vacancy as each candidate's list would hold it (only where it is a match at all)."""
    scores = {}
    if target is None:
        return scores
    for candidate in candidates:
        found = pair_scoring.score_vacancy(candidate, target, today=today)
        if found is not None and found[0] >= engine.MIN_SCORE:
            distance = engine.distance_tenths(candidate.location, target.location)
            scores[candidate.id] = Scored(target.id, found[0], distance, engine.dumps(found[1]))
    return scores


def _vacancy_lists(candidates: list[CandidateFacts], today: datetime.date) -> dict[int, dict[int, Scored]]:
    """Each candidate's best vacancies by id, from the vacancies around them only (their courses are left
    alone: after a vacancy changed, they are what they were)."""
    targets = VacancyTargets(vacancy_facts_around(candidates, today), today=today)
    return {
        candidate.id: {scored.target_id: scored for scored in targets.best_for(candidate)} for candidate in candidates
    }


def match_recompute_for_vacancy(*, vacancy: Vacancy) -> RecomputeResult:
    """After a vacancy changed: bring the lists of the candidates it may enter or leave up to date.

    Only this vacancy changed, so each affected candidate's list changes at most by it: it enters (pushing out
    the weakest stored match when the list is full), leaves, or moves. That delta is written instead of
    recomputing the candidates' whole lists against every offer around them. Where the stored rows cannot tell
    the answer – the vacancy fell or left a full list, so a vacancy never stored may now take its place – the
    candidate's vacancy list is recomputed from the vacancies around them (`RecomputeResult.relisted`); a
    candidate whose account is closed loses all their matches. Tests compare the result with a recomputation
    from scratch (tests/matching/test_recompute_skipping.py).
    """
    today = timezone.localdate()
    limit = engine.MAX_VACANCY_MATCHES
    found = vacancy_facts_load(vacancy_ids=[vacancy.pk], today=today)
    target = found[0] if found else None
    reaching = [] if target is None else candidate_facts_reached_by(target, today)
    reached = {candidate.id: candidate for candidate in reaching}
    found_scores = _vacancy_scores(target, reached.values(), today)
    scores = {pk: scored.score for pk, scored in found_scores.items()}
    affected = sorted(candidates_affected_by(MatchKind.VACANCY, vacancy.pk, scores, limit))
    if not affected:
        return RecomputeResult()
    with transaction.atomic():
        lock_blocks({profile_id // LOCK_BLOCK for profile_id in affected})
        # Under the lock, read afresh: the candidates may have changed since they were found.
        facts = {c.id: c for c in candidate_facts_load(profile_ids=affected, today=today)}
        # Candidates whose facts are still those they were found with keep their score; the others are scored anew.
        changed = [c for pk, c in facts.items() if reached.get(pk) != c]
        fresh = {pk: found_scores[pk] for pk, c in facts.items() if reached.get(pk) == c and pk in found_scores}
        fresh.update(_vacancy_scores(target, changed, today))
        of_affected = Match.objects.filter(among(Match, "profile_id", affected))
        others = of_affected.filter(vacancy_id__isnull=False).exclude(vacancy_id=vacancy.pk)
        held, weakest = store.vacancies_held(others, facts, limit)
        # The changed vacancy: where it stood when it was stored, from the distance its parts name.
        mine = {}
        for pk, profile_id, score, fingerprint, parts in of_affected.filter(vacancy_id=vacancy.pk).values_list(
            "pk", "profile_id", "score", "fingerprint", "parts"
        ):
            km = next((part[2]["km"] for part in parts if part[0] == "distance"), None)
            distance = None if km is None else round(km * 10)
            mine[profile_id] = (pk, fingerprint, None if distance is None else (-score, distance, vacancy.pk))
        inserted, updated, deleted, recompute, relist = [], [], [], [], []
        for profile_id in affected:
            count = held.get(profile_id, 0)
            new = fresh.get(profile_id)
            new_key = None if new is None else new.sort_key()
            weakest_key, weakest_pk = weakest.get(profile_id, (None, None))
            if profile_id not in facts:
                recompute.append(profile_id)  # a closed account loses all its matches
            elif profile_id in mine:
                pk, fingerprint, old_key = mine[profile_id]
                if count + 1 >= limit:
                    # A full list: a vacancy never stored may now come before the changed one, unless it still
                    # stands where it stood or before the weakest of the others.
                    stays = new_key is not None and (
                        (old_key is not None and new_key <= old_key)
                        or (weakest_key is not None and new_key < weakest_key)
                    )
                    if not stays:
                        relist.append(facts[profile_id])
                        continue
                if new is None:
                    deleted.append(pk)
                elif (new_fingerprint := store.row_fingerprint(new.parts_json)) != fingerprint:
                    updated.append((pk, new.score, new.parts_json, new_fingerprint))
            elif new is not None:
                if count >= limit:
                    if new_key > weakest_key:
                        continue  # not among the best
                    deleted.append(weakest_pk)
                key = (profile_id, MatchKind.VACANCY.value, vacancy.pk)
                inserted.append((key, new.score, new.parts_json, store.row_fingerprint(new.parts_json)))
        # The best vacancy never stored is found only among all of them: their lists are computed afresh, and
        # the difference to the stored rows written (the changed vacancy's and the one taking its place).
        stored: dict[int, dict[int, tuple[int, int]]] = {}
        if relist:
            rows = others.filter(among(Match, "profile_id", [candidate.id for candidate in relist]))
            for pk, profile_id, vacancy_id, fingerprint in rows.values_list(
                "pk", "profile_id", "vacancy_id", "fingerprint"
            ):
                stored.setdefault(profile_id, {})[vacancy_id] = (pk, fingerprint)
        for profile_id, best in (_vacancy_lists(relist, today) if relist else {}).items():
            rows = stored.get(profile_id, {})
            if profile_id in mine:
                rows[vacancy.pk] = mine[profile_id][:2]
            for vacancy_id, (pk, fingerprint) in rows.items():
                new = best.get(vacancy_id)
                if new is None:
                    deleted.append(pk)
                elif (new_fingerprint := store.row_fingerprint(new.parts_json)) != fingerprint:
                    updated.append((pk, new.score, new.parts_json, new_fingerprint))
            for vacancy_id, new in best.items():
                if vacancy_id not in rows:
                    key = (profile_id, MatchKind.VACANCY.value, vacancy_id)
                    inserted.append((key, new.score, new.parts_json, store.row_fingerprint(new.parts_json)))
        result = store.write_rows(inserted=inserted, updated=updated, deleted=deleted)
        result.relisted = len(relist)
        # Their inputs are not recorded: the next nightly run recomputes them once more, as after any change.
        inputs_forget(affected)
        if recompute:
            result.add(match_recompute_candidates(profile_ids=recompute, today=today))
        result.candidates = len(affected)
        return result


def match_recompute_for_course(*, course: Course) -> RecomputeResult:
    """After a course changed: recompute the candidates whose best courses it may enter or leave."""
    today = timezone.localdate()
    scores = {}
    facts = course_facts_load(today=today, course_ids=[course.pk])
    if facts:
        for candidate in candidate_facts_reaching(facts[0].location):
            found = pair_scoring.score_course(candidate, facts[0], today=today)
            if found is not None and found[0] >= engine.MIN_SCORE:
                scores[candidate.id] = found[0]
    affected = candidates_affected_by(MatchKind.COURSE, course.pk, scores, engine.MAX_COURSE_MATCHES)
    return match_recompute_candidates(profile_ids=affected)


# --- Queueing after a commit ---------------------------------------------------------------------------------


def _pending_key(kind: str, object_id: int) -> str:
    return f"matching:pending:{kind}:{object_id}"


def _enqueue(kind: str, object_id: int) -> None:
    """Queue one recomputation, unless the same one is queued and not yet started."""
    from . import tasks

    task = {
        "candidate": tasks.recompute_candidate,
        "vacancy": tasks.recompute_vacancy,
        "course": tasks.recompute_course,
    }[kind]
    key = _pending_key(kind, object_id)
    if not cache.add(key, 1, PENDING_SECONDS):
        return
    try:
        task.delay(object_id)
    except Exception:
        cache.delete(key)
        raise


def match_recompute_later(
    *, candidate_ids: Iterable[int] = (), vacancy_ids: Iterable[int] = (), course_ids: Iterable[int] = ()
) -> None:
    """Recompute the matches of these candidates, vacancies and courses once the current transaction commits.

    Call it from every service that changes what matching reads. Several calls for the same object in one
    transaction queue one task (`on_commit_once`); while that task waits in the queue, later changes do not
    queue another (the pending key in the cache; the task reads the data fresh when it starts). Nothing is
    queued for a transaction that rolls back.
    """
    for kind, ids in (("candidate", candidate_ids), ("vacancy", vacancy_ids), ("course", course_ids)):
        for object_id in dict.fromkeys(ids):
            if object_id is None:
                continue
            on_commit_once(
                ("matching-recompute", kind, object_id), functools.partial(_enqueue, kind, object_id), robust=True
            )


def match_recompute_started(*, kind: str, object_id: int) -> None:
    """A task for this object has started: changes from now on need a new one."""
    cache.delete(_pending_key(kind, object_id))


def match_mark_notified(*, matches: Iterable[Match], at: datetime.datetime | None = None) -> int:
    """Remember that the candidates were told about these matches (for digests)."""
    ids = [match.pk for match in matches]
    return Match.objects.filter(pk__in=ids, notified_at__isnull=True).update(notified_at=at or timezone.now())


def match_delete_for_account(user) -> int:
    """A person's account is being deleted: remove their stored matches under the lock every recomputation of
    their candidates takes, inside the deletion's transaction.

    `Match.profile` has no database constraint, so nothing else would stop a recomputation running at the same
    moment from writing rows for a profile that is gone: a recomputation that holds the lock finishes first and
    its rows are deleted here; one that starts later waits for the commit and finds no profile.
    """
    deleted = 0
    profile_id = CandidateProfile.objects.filter(user=user).values_list("pk", flat=True).first()
    if profile_id is not None:
        lock_blocks([profile_id // LOCK_BLOCK])
        deleted += Match.objects.filter(profile_id=profile_id).delete()[0]
    deleted += Match.objects.filter(mentor__user=user).delete()[0]
    return deleted

"""The bulk writer of the matching app: the stored matches of candidates and the record of their inputs.

`write_difference` compares fresh rows with the stored ones of the same candidates and writes only the
difference (new pairs inserted, changed ones updated, vanished ones deleted, unchanged ones untouched); on
PostgreSQL inserts and updates go through COPY, since a nightly chunk writes tens of thousands of rows.
`inputs_remember` / `inputs_forget` keep the `MatchInputs` fingerprints the nightly run skips candidates by.

Callers hold the lock of the candidates' blocks (`lock_blocks`) inside their transaction; which candidates to
recompute, and when, is decided in `services.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Count, Min
from django.db.models.expressions import RawSQL
from django.utils import timezone

from common.batching import batched
from common.data_versions import DataVersion

from . import engine
from .engine import CandidateFacts, CourseTargets, VacancyTargets
from .facts import among, hash64
from .models import Match, MatchInputs, MatchKind

# Renewed whenever stored matches are written (every recomputation writes through `write_rows`, in bulk and
# without signals), so a page kept with the matches it showed (an employer's candidates of a vacancy,
# common.scoped_cache) is rendered afresh. Deleting an account deletes its matches outside this writer; the
# profile's deletion renews the candidate data version those pages are kept under as well.
STORED_MATCHES = DataVersion("matching:stored-matches-version")

# Candidates are locked in blocks of consecutive ids, so a chunk takes a handful of locks, not thousands.
LOCK_BLOCK = 1000
LOCK_NAMESPACE = 61_006
BATCH = 500


@dataclass
class RecomputeResult:
    candidates: int = 0
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # Candidates left alone because nothing they are matched from changed since their last recomputation.
    skipped: int = 0
    # Candidates whose vacancy list was computed afresh after one vacancy changed, since it fell back in or left
    # their full list (services.match_recompute_for_vacancy).
    relisted: int = 0

    def add(self, other: RecomputeResult) -> None:
        for name in ("candidates", "inserted", "updated", "deleted", "unchanged", "skipped", "relisted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        return dict(self.__dict__)


# --- The record of a candidate's inputs ----------------------------------------------------------------------


def inputs_remember(fingerprints: dict[int, int], replaced: list[int]) -> None:
    """Record the inputs of the recomputed candidates; `replaced`: those that had a record."""
    inputs_forget(replaced)
    now = timezone.now()
    if not fingerprints:
        return
    if connection.vendor == "postgresql":
        # COPY: the first nightly run records 100,000 candidates; an upsert took 5 s of it, this takes well under 1.
        stamp = now.isoformat()
        with connection.cursor() as cursor:
            statement = f"COPY {MatchInputs._meta.db_table} (profile_id, fingerprint, computed_at) FROM STDIN"
            with cursor.cursor.copy(statement) as copy:
                copy.write("".join(f"{pk}\t{value}\t{stamp}\n" for pk, value in fingerprints.items()))
        return
    MatchInputs.objects.bulk_create(
        (MatchInputs(profile_id=pk, fingerprint=value, computed_at=now) for pk, value in fingerprints.items()),
        batch_size=BATCH,
    )


def inputs_forget(profile_ids: list[int]) -> None:
    for batch in batched(profile_ids, 5000):
        MatchInputs.objects.filter(among(MatchInputs, "profile_id", batch)).delete()


# --- Writing the difference ----------------------------------------------------------------------------------


_FINGERPRINT_PERSON = f"matching-v{engine.ENGINE_VERSION}".encode()


def row_fingerprint(parts_json: str) -> int:
    """A hash of the parts (and so of the score, their sum) and of the engine version."""
    return hash64(parts_json.encode(), _FINGERPRINT_PERSON, signed=True)


def fresh_rows(facts: Iterable[CandidateFacts], vacancies: VacancyTargets, courses: CourseTargets) -> dict:
    """(profile id, kind, target id) → (score, parts as JSON, fingerprint) for the candidates' best offers."""
    rows = {}
    for candidate in facts:
        for kind, found in (
            ("vacancy", vacancies.best_for(candidate)),
            ("course", courses.best_for(candidate)),
        ):
            for scored in found:
                rows[(candidate.id, kind, scored.target_id)] = (
                    scored.score,
                    scored.parts_json,
                    row_fingerprint(scored.parts_json),
                )
    return rows


def lock_blocks(blocks: Iterable[int]) -> None:
    """Serialise recomputations of the same candidates (PostgreSQL; SQLite writes one at a time anyway)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for block in sorted(set(blocks)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, block])


def stored_rows(profile_ids: list[int], id_range: tuple[int, int] | None) -> dict:
    """(profile id, kind, target id) → (pk, fingerprint) of the stored vacancy and course matches."""
    stored = {}
    # One query per kind, so that each uses its (profile, offer) unique index; a chunk reads 100,000 rows,
    # so they come as plain tuples.
    for kind, column in ((MatchKind.VACANCY.value, "vacancy_id"), (MatchKind.COURSE.value, "course_id")):
        matches = Match.objects.filter(**{f"{column}__isnull": False})
        if id_range is not None:
            batches = [matches.filter(profile_id__gte=id_range[0], profile_id__lte=id_range[1])]
        else:
            batches = [matches.filter(profile_id__in=batch) for batch in batched(profile_ids, BATCH)]
        for queryset in batches:
            sql, params = queryset.values_list("pk", "profile_id", column, "fingerprint").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                for pk, profile_id, target_id, fingerprint in cursor.fetchall():
                    stored[(profile_id, kind, target_id)] = (pk, fingerprint)
    return stored


def lists_held(field: str, profile_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per candidate among these, how many vacancies (`field` "vacancy_id") or courses ("course_id") they hold,
    and the lowest score among them; candidates holding none are left out."""
    held = Match.objects.filter(among(Match, "profile_id", profile_ids), **{f"{field}__isnull": False})
    held = held.order_by().values("profile_id")
    return {
        pk: (n, low)
        for pk, n, low in held.annotate(n=Count("pk"), low=Min("score")).values_list("profile_id", "n", "low")
    }


def vacancies_held(
    others, facts: dict[int, CandidateFacts], limit: int
) -> tuple[dict[int, int], dict[int, tuple[tuple[int, int, int], int]]]:
    """How many stored vacancies (`others`: the stored vacancy matches of some candidates but one vacancy's) each
    candidate holds, and of those whose list is full or one short of it the weakest in the engine's order, as
    ((score, distance, vacancy) sort key, pk).

    The weakest is the farthest, then newest, of those with the lowest score; the distance is taken from where
    the vacancy is now (one that moved has a recomputation of its own queued). Reading only those rows, not the
    whole lists, spares reading 50 rows for each of hundreds of candidates.
    """
    counted = others.order_by().values("profile_id").annotate(n=Count("pk"), low=Min("score"))
    held, full, lowest = {}, [], []
    for profile_id, count, low in counted.values_list("profile_id", "n", "low"):
        held[profile_id] = count
        if count >= limit - 1:
            full.append(profile_id)
            lowest.append(low)
    weakest: dict[int, tuple[tuple[int, int, int], int]] = {}
    if not full:
        return held, weakest
    # The pairs (candidate, lowest score) as two arrays: as hundreds of conditions, each row was checked
    # against every one of them.
    table = Match._meta.db_table
    pairs = f"({table}.profile_id, {table}.score) IN (SELECT * FROM unnest(%s::bigint[], %s::integer[]))"  # noqa: S608
    at_lowest = RawSQL(pairs, [full, lowest], output_field=BooleanField())  # noqa: S611
    for pk, profile_id, vacancy_id, score, latitude, longitude in others.filter(at_lowest).values_list(
        "pk", "profile_id", "vacancy_id", "score", "vacancy__latitude", "vacancy__longitude"
    ):
        candidate = facts.get(profile_id)
        distance = engine.distance_tenths(candidate.location, (latitude, longitude)) if candidate else 0
        key = (-score, distance, vacancy_id)
        if profile_id not in weakest or key > weakest[profile_id][0]:
            weakest[profile_id] = (key, pk)
    return held, weakest


NULL = "\\N"


def _copy_text(value) -> str:
    if value is None:
        return NULL
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _insert(rows: list[tuple], now) -> None:
    if connection.vendor == "postgresql":
        stamp = now.isoformat()
        table = Match._meta.db_table
        with connection.cursor() as cursor:
            statement = (
                f"COPY {table} (profile_id, kind, vacancy_id, course_id, score, parts, fingerprint, created_at, "  # noqa: S608
                "computed_at) FROM STDIN"
            )
            with cursor.cursor.copy(statement) as copy:
                for batch in batched(rows, 5000):
                    copy.write(
                        "".join(
                            f"{profile_id}\t{kind}\t{target_id if kind == 'vacancy' else NULL}\t"
                            f"{target_id if kind == 'course' else NULL}\t{score}\t{_copy_text(parts)}\t"
                            f"{fingerprint}\t{stamp}\t{stamp}\n"
                            for (profile_id, kind, target_id), score, parts, fingerprint in batch
                        )
                    )
        return
    Match.objects.bulk_create(
        (
            Match(
                profile_id=profile_id,
                kind=kind,
                vacancy_id=target_id if kind == MatchKind.VACANCY else None,
                course_id=target_id if kind == MatchKind.COURSE else None,
                score=score,
                parts=json.loads(parts),
                fingerprint=fingerprint,
                created_at=now,
                computed_at=now,
            )
            for (profile_id, kind, target_id), score, parts, fingerprint in rows
        ),
        batch_size=BATCH,
    )


def _update(rows: list[tuple], now) -> None:
    if connection.vendor == "postgresql":
        table = Match._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE matching_refresh (id bigint, score smallint, parts json, fingerprint bigint) "
                "ON COMMIT DROP"
            )
            with cursor.cursor.copy("COPY matching_refresh (id, score, parts, fingerprint) FROM STDIN") as copy:
                for batch in batched(rows, 5000):
                    copy.write(
                        "".join(
                            f"{pk}\t{score}\t{_copy_text(parts)}\t{fingerprint}\n"
                            for pk, score, parts, fingerprint in batch
                        )
                    )
            cursor.execute(
                f"UPDATE {table} AS m SET score = r.score, parts = r.parts, fingerprint = r.fingerprint, "  # noqa: S608
                "computed_at = %s FROM matching_refresh AS r WHERE m.id = r.id",
                [now],
            )
            cursor.execute("DROP TABLE matching_refresh")
        return
    Match.objects.bulk_update(
        [
            Match(pk=pk, score=score, parts=json.loads(parts), fingerprint=fingerprint, computed_at=now)
            for pk, score, parts, fingerprint in rows
        ],
        ["score", "parts", "fingerprint", "computed_at"],
        batch_size=BATCH,
    )


def write_difference(
    profile_ids: list[int],
    fresh: dict,
    id_range: tuple[int, int] | None = None,
    only: set[int] | None = None,
) -> RecomputeResult:
    """Write the difference between the fresh rows and the stored ones of these candidates (of the candidates
    in `id_range`, and among them `only` those when given)."""
    stored = stored_rows(profile_ids, id_range)
    if only is not None:
        stored = {key: value for key, value in stored.items() if key[0] in only}
    now = timezone.now()
    deleted = [pk for key, (pk, _fingerprint) in stored.items() if key not in fresh]
    updated = []
    unchanged = 0
    for key, (pk, fingerprint) in stored.items():
        new = fresh.get(key)
        if new is None:
            continue
        if new[2] == fingerprint:
            unchanged += 1
        else:
            updated.append((pk, *new))
    inserted = [(key, *value) for key, value in fresh.items() if key not in stored]
    result = write_rows(inserted=inserted, updated=updated, deleted=deleted, now=now)
    result.candidates = len(profile_ids)
    result.unchanged = unchanged
    return result


def write_rows(*, inserted: list[tuple], updated: list[tuple], deleted: list[int], now=None) -> RecomputeResult:
    """Write rows worked out by the caller: `inserted` as ((profile id, kind, target id), score, parts as JSON,
    fingerprint), `updated` as (pk, score, parts as JSON, fingerprint), `deleted` as pks."""
    now = now or timezone.now()
    for batch in batched(deleted, 5000):
        Match.objects.filter(pk__in=batch).delete()
    if updated:
        _update(updated, now)
    if inserted:
        _insert(inserted, now)
    if inserted or updated or deleted:
        STORED_MATCHES.changed()
    return RecomputeResult(inserted=len(inserted), updated=len(updated), deleted=len(deleted))

"""Writes of the matching app: recomputing the stored matches, in the background and idempotently.

Every recomputation goes through `match_recompute_candidates`: under a lock per block of candidate ids it reads
the candidates fresh, lets the engine find their best vacancies and courses, and writes only the difference to
what is stored (new pairs inserted, changed ones updated, vanished ones deleted, unchanged ones untouched), in
one transaction. Running it twice changes nothing; a worker killed half-way leaves the old rows.

The nightly run skips candidates whose inputs are unchanged: a fingerprint per candidate (`MatchInputs`) covers
their facts, the versions of the grid cells of offers their radius reaches, the day where it matters, and the
engine version (docs/matching.md, "Recomputation when little changed").

Other apps do not call these directly: they call `match_recompute_later(...)` inside their write transaction,
which enqueues the Celery tasks once the transaction has committed, once per changed object.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from common.dates import age_on
from common.vocabulary import GermanLevel, OfferKind
from courses.models import Course, Delivery
from employers.models import Vacancy
from places.geo import coordinates_of
from portal.models import CandidateOccupation, CandidateProfile, RecognitionStatus

from . import engine, reference
from .engine import CandidateFacts, CourseFacts, CourseTargets, VacancyFacts, VacancyTargets
from .models import Match, MatchInputs, MatchKind

logger = logging.getLogger(__name__)

# Candidate ids per chunk of the nightly recomputation; a multiple of LOCK_BLOCK.
CHUNK_SIZE = 2000
# Candidates are locked in blocks of consecutive ids, so a chunk takes a handful of locks, not thousands.
LOCK_BLOCK = 1000
LOCK_NAMESPACE = 61_006
# How long a queued recomputation keeps others for the same object from being queued.
PENDING_SECONDS = 15 * 60
# Offers are kept in a worker's memory between tasks while unchanged, but not longer than this.
TARGETS_MAX_AGE_SECONDS = 60 * 60
BATCH = 500

_OFFER_KINDS = frozenset(OfferKind.values)
# GermanLevel.rank builds the list of values on every call; loading 50,000 offers called it 100,000 times.
_GERMAN_RANK = {value: GermanLevel.rank(value) for value in GermanLevel.values}


def _rank(level: str) -> int:
    return _GERMAN_RANK.get(level, 0)


@dataclass
class RecomputeResult:
    candidates: int = 0
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    # Candidates left alone because nothing they are matched from changed since their last recomputation.
    skipped: int = 0

    def add(self, other: RecomputeResult) -> None:
        for name in ("candidates", "inserted", "updated", "deleted", "unchanged", "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- Facts from the database ---------------------------------------------------------------------------------

_CANDIDATE_FIELDS = (
    "pk", "german_level", "looking_for", "hours_per_week", "earliest_start", "postal_code", "travel_radius_km",
    "transport", "childcare_needed", "shift_work_possible", "driving_licences", "recognition_status", "birth_date",
)  # fmt: skip


def _candidate_facts(row: tuple, occupations: tuple, today: datetime.date) -> CandidateFacts:
    (pk, german, looking_for, hours, earliest_start, postal_code, radius, transport, childcare, shifts) = row[:10]
    licences, recognition, birth_date = row[10:]
    return CandidateFacts(
        id=pk,
        german=_rank(german),
        looking_for=frozenset(looking_for or ()) & _OFFER_KINDS,
        hours=hours,
        earliest_start=earliest_start,
        location=coordinates_of(postal_code) if postal_code else None,
        radius_km=radius or engine.DEFAULT_RADIUS_KM,
        transport=transport or "",
        occupations=occupations,
        childcare_needed=childcare,
        shift_work_possible=shifts,
        licences=engine.licences_held(licences or ()),
        recognised=recognition == RecognitionStatus.FULL,
        age=None if birth_date is None else age_on(birth_date=birth_date, day=today),
    )


def candidate_facts_load(
    *,
    profile_ids: Iterable[int] | None = None,
    id_range: tuple[int, int] | None = None,
    today: datetime.date | None = None,
):
    """Facts of the active candidates among the given ids (or id range, or all when neither is given)."""
    profiles = CandidateProfile.objects.filter(user__is_active=True)
    occupations = CandidateOccupation.objects.all()
    if id_range is not None:
        profiles = profiles.filter(pk__range=id_range)
        occupations = occupations.filter(profile_id__gte=id_range[0], profile_id__lte=id_range[1])
    elif profile_ids is not None:
        profile_ids = list(profile_ids)
        profiles = profiles.filter(pk__in=profile_ids)
        occupations = occupations.filter(profile_id__in=profile_ids)
    by_profile: dict[int, list[tuple[int, int]]] = {}
    for profile_id, kldb, years in occupations.values_list("profile_id", "occupation__kldb_code", "years_experience"):
        by_profile.setdefault(profile_id, []).append((int(kldb), years))
    today = today or timezone.localdate()
    return [
        _candidate_facts(row, tuple(sorted(by_profile.get(row[0], ()))), today)
        for row in profiles.order_by("pk").values_list(*_CANDIDATE_FIELDS)
    ]


def _candidate_facts_reaching(location: tuple[float, float] | None, batch: int = 5_000) -> Iterator[CandidateFacts]:
    """Facts of the active candidates whose travel radius reaches `location` (all of them when None: online).

    Reads only postal codes and radii of everybody, and the full facts of those within reach.
    """
    profiles = CandidateProfile.objects.filter(user__is_active=True)
    if location is None:
        ids = list(profiles.values_list("pk", flat=True))
    else:
        distances: dict[str, int | None] = {}
        ids = []
        for pk, postal_code, radius in profiles.exclude(postal_code="").values_list(
            "pk", "postal_code", "travel_radius_km"
        ):
            if postal_code not in distances:
                place = coordinates_of(postal_code)
                distances[postal_code] = engine.distance_tenths(place, location) if place else None
            distance = distances[postal_code]
            reach = min(radius or engine.DEFAULT_RADIUS_KM, engine.MAX_RADIUS_KM) * 10
            if distance is not None and distance <= reach:
                ids.append(pk)
    for chunk in _batched(sorted(ids), batch):
        yield from candidate_facts_load(profile_ids=chunk)


_VACANCY_FIELDS = (
    "pk", "kind", "occupation__kldb_code", "german_level_required", "latitude", "longitude", "hours_per_week",
    "shift_work", "start_date", "support_childcare", "driving_licences_required", "recognition_required",
    "occupation__regulated", "expires_on",
)  # fmt: skip


def vacancy_needs_recognition(*, kind: str, recognition_required: bool, regulated: bool) -> bool:
    """A job needs a recognised qualification where the offer says so and in every regulated occupation (a
    nurse's job cannot be done without it). Offers to start or try an occupation (Ausbildung, EQ, internship,
    Hospitation, work trial) never do: they are how people get there."""
    return kind == OfferKind.JOB and (recognition_required or regulated)


def _vacancy_facts(row: tuple) -> VacancyFacts:
    pk, kind, kldb, german, latitude, longitude, hours, shift_work, start_date, childcare = row[:10]
    licences, recognition_required, regulated, expires_on = row[10:]
    return VacancyFacts(
        id=pk,
        kind=kind,
        kldb=int(kldb),
        german=_rank(german),
        location=(latitude, longitude),
        hours=hours,
        shift_work=shift_work,
        start_date=start_date,
        childcare=childcare,
        licences=frozenset(licences or ()),
        recognition=vacancy_needs_recognition(
            kind=kind, recognition_required=recognition_required, regulated=regulated
        ),
        closes_on=expires_on,
    )


def _open_vacancies(today: datetime.date | None = None):
    """Published vacancies still open today (an offer open until yesterday takes no more applications)."""
    today = today or timezone.localdate()
    return Vacancy.objects.published().filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))


def vacancy_facts_load(
    *,
    vacancy_ids: Iterable[int] | None = None,
    today: datetime.date | None = None,
    area: tuple[float, float, float, float] | None = None,
) -> list[VacancyFacts]:
    """Facts of published vacancies still open (all, those among the ids, or those within the area given as
    (lowest latitude, highest latitude, lowest longitude, highest longitude))."""
    vacancies = _open_vacancies(today)
    if vacancy_ids is not None:
        vacancies = vacancies.filter(pk__in=list(vacancy_ids))
    if area is not None:
        vacancies = vacancies.filter(latitude__range=area[:2], longitude__range=area[2:])
    return [_vacancy_facts(row) for row in vacancies.values_list(*_VACANCY_FIELDS)]


_COURSE_FIELDS = (
    "pk", "kind", "level_from", "level_to", "delivery", "latitude", "longitude", "start_date", "end_date",
    "schedule", "childcare", "subject", "seats_left", "waiting_list_open",
)  # fmt: skip


def course_facts_load(
    *,
    today: datetime.date,
    course_ids: Iterable[int] | None = None,
    area: tuple[float, float, float, float] | None = None,
) -> list[CourseFacts]:
    """Facts of published courses that have not ended and take people, with a seat or on a waiting list (all,
    those among the ids, or the online ones and those within the area, as in `vacancy_facts_load`)."""
    courses = (
        Course.objects.published().filter(end_date__gte=today).filter(Q(seats_left__gt=0) | Q(waiting_list_open=True))
    )
    if course_ids is not None:
        courses = courses.filter(pk__in=list(course_ids))
    if area is not None:
        courses = courses.filter(Q(delivery=Delivery.ONLINE) | Q(latitude__range=area[:2], longitude__range=area[2:]))
    facts = []
    for row in courses.values_list(*_COURSE_FIELDS):
        pk, kind, level_from, level_to, delivery, lat, lon, start, end, schedule, childcare = row[:11]
        subject, seats_left, waiting_list = row[11:]
        online = delivery == Delivery.ONLINE
        if not online and lat is None:
            continue  # a course meeting in person at an unknown place reaches nobody
        facts.append(
            CourseFacts(
                id=pk,
                kind=kind,
                level_from=_rank(level_from),
                level_to=_rank(level_to),
                location=None if online else (lat, lon),
                start_date=start,
                end_date=end,
                schedule=schedule,
                childcare=childcare,
                subject=subject or "",
                seats_left=seats_left,
                waiting_list=waiting_list,
            )
        )
    return facts


_targets_cache: dict = {}


def _version(queryset) -> tuple:
    found = queryset.aggregate(n=Count("pk"), latest=Max("updated_at"), ids=Sum("pk"))
    return found["n"], found["latest"], found["ids"]


def _targets_key(today: datetime.date) -> tuple:
    return (
        connection.settings_dict["NAME"],
        today,
        _version(_open_vacancies(today)),
        _version(Course.objects.published().filter(end_date__gte=today)),
    )


class Offers:
    """Offers as the engine scores them, and the versions of the areas they lie in (worked out when first asked
    for: only the nightly run needs them)."""

    def __init__(self, vacancies: list[VacancyFacts], courses: list[CourseFacts], *, today: datetime.date):
        self.today = today
        self.vacancies = VacancyTargets(vacancies, today=today)
        self.courses = CourseTargets(courses, today=today)
        self._areas: OfferAreas | None = None

    @property
    def areas(self) -> OfferAreas:
        if self._areas is None:
            self._areas = OfferAreas(self.vacancies.facts, self.courses.facts, today=self.today)
        return self._areas


def _offers_load(today: datetime.date, area: tuple[float, float, float, float] | None = None) -> Offers:
    return Offers(vacancy_facts_load(today=today, area=area), course_facts_load(today=today, area=area), today=today)


def _cached_offers(key: tuple) -> Offers | None:
    cached = _targets_cache.get("targets")
    if cached and cached[0] == key and time.monotonic() - cached[1] < TARGETS_MAX_AGE_SECONDS:
        return cached[2]
    return None


def match_offers(*, today: datetime.date | None = None) -> Offers:
    """All published vacancies and courses, kept in this process while they are unchanged."""
    today = today or timezone.localdate()
    key = _targets_key(today)
    offers = _cached_offers(key)
    if offers is None:
        offers = _offers_load(today)
        _targets_cache["targets"] = (key, time.monotonic(), offers)
    return offers


def match_targets(*, today: datetime.date | None = None) -> tuple[VacancyTargets, CourseTargets]:
    """All published vacancies and courses as engine targets, kept in this process while they are unchanged."""
    offers = match_offers(today=today)
    return offers.vacancies, offers.courses


def _offers_for(facts: list[CandidateFacts], today: datetime.date) -> Offers:
    """Offers enough to recompute these few candidates: all of them when this process holds them unchanged,
    otherwise only those in the cells the candidates reach (after one offer changed, reading all 50,000 again
    would cost seconds for a few dozen candidates)."""
    offers = _cached_offers(_targets_key(today))
    if offers is not None:
        return offers
    return _offers_load(today, _area_reached(facts))


def match_targets_forget() -> None:
    """Drop the offers kept in memory, so the next recomputation reads them anew (tests, bulk changes)."""
    _targets_cache.clear()


# --- Skipping candidates whose inputs have not changed --------------------------------------------------------

# Offers are grouped in the cells of a grid of latitude × longitude, about 11 × 10 km in Lower Saxony. A
# candidate's inputs include the version of the box of cells around their travel radius, so a changed offer
# sends only the candidates around it through the nightly recomputation again.
CELL_LAT, CELL_LON = 0.1, 0.15
# A little less than a degree of latitude on the earth (111.2 km), so that a box is never too small.
KM_PER_DEGREE = 111.0
_MASK = (1 << 64) - 1
_INPUTS_PERSON = f"inputs-v{engine.ENGINE_VERSION}".encode()


def _hash(value) -> int:
    """A stable 64-bit hash (not Python's `hash`, which differs between processes) of plain values: numbers,
    strings, dates, None, and lists and tuples of them."""
    data = repr(value).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=_INPUTS_PERSON).digest(), "big")


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_LAT), math.floor(longitude / CELL_LON)


def _reach_cells(candidate: CandidateFacts) -> tuple[int, int, int, int] | None:
    """First and last row and column of the cells that a box around the candidate's radius touches (None
    without a place: such a candidate reaches online courses only)."""
    if candidate.location is None:
        return None
    latitude, longitude = candidate.location
    km = engine.radius_tenths(candidate) / 10 + 1  # a kilometre more: distances are rounded to 100 m
    d_lat = km / KM_PER_DEGREE
    # A degree of longitude is shortest on the box's side nearest the pole: measured there, the box is wide enough.
    d_lon = km / (KM_PER_DEGREE * math.cos(math.radians(min(abs(latitude) + d_lat, 89.0))))
    first_row, first_column = _cell(latitude - d_lat, longitude - d_lon)
    last_row, last_column = _cell(latitude + d_lat, longitude + d_lon)
    return first_row, last_row, first_column, last_column


def _area_reached(facts: list[CandidateFacts]) -> tuple[float, float, float, float]:
    """The area (latitudes, longitudes) covering every cell the candidates reach, one cell wider on each side so
    that rounding at a cell's edge never leaves an offer of a reached cell out."""
    boxes = [box for box in map(_reach_cells, facts) if box is not None]
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)  # online courses only
    first_row, last_row = min(b[0] for b in boxes) - 1, max(b[1] for b in boxes) + 2
    first_column, last_column = min(b[2] for b in boxes) - 1, max(b[3] for b in boxes) + 2
    return first_row * CELL_LAT, last_row * CELL_LAT, first_column * CELL_LON, last_column * CELL_LON


def _vacancy_state(vacancy: VacancyFacts, today: datetime.date) -> list:
    """Everything the engine reads of a vacancy, and its state relative to the day: whether it says "closing
    soon". (Whether it is still open decides whether it is loaded at all; its start only counts against a
    candidate who can start later, and those are recomputed every day.)"""
    closes_soon = vacancy.closes_on is not None and 0 <= (vacancy.closes_on - today).days <= engine.CLOSING_SOON_DAYS
    return [
        "vacancy", vacancy.id, vacancy.kind, vacancy.kldb, vacancy.german, vacancy.location, vacancy.hours,
        vacancy.shift_work, vacancy.start_date, vacancy.childcare, sorted(vacancy.licences), vacancy.recognition,
        vacancy.closes_on, closes_soon,
    ]  # fmt: skip


def _course_state(course: CourseFacts, today: datetime.date) -> list:
    """Everything the engine reads of a course, and its start relative to the day as a candidate who can start
    now sees it: running, starting within the "soon" window, or later."""
    if course.start_date < today:
        start = "running"
    elif (course.start_date - today).days <= engine.COURSE_START_SOON_DAYS:
        start = "soon"
    else:
        start = "later"
    return [
        "course", course.id, course.kind, course.level_from, course.level_to, course.location, course.start_date,
        course.end_date, course.schedule, course.childcare, course.subject, course.seats_left, course.waiting_list,
        start,
    ]  # fmt: skip


class OfferAreas:
    """Versions of the offers by cell: the sum of a hash of each offer's state, kept as prefix sums so that the
    version of any box of cells takes four look-ups. Online courses have one version of their own."""

    def __init__(self, vacancies: Iterable[VacancyFacts], courses: Iterable[CourseFacts], *, today: datetime.date):
        cells: dict[tuple[int, int], int] = {}
        self.online = 0
        for state, location in [(_vacancy_state(v, today), v.location) for v in vacancies] + [
            (_course_state(c, today), c.location) for c in courses
        ]:
            if location is None:
                self.online = (self.online + _hash(state)) & _MASK
                continue
            cell = _cell(*location)
            cells[cell] = (cells.get(cell, 0) + _hash(state)) & _MASK
        if not cells:
            self.first_row = self.first_column = 0
            self.prefix = [[0]]
            return
        self.first_row = min(row for row, _column in cells)
        self.first_column = min(column for _row, column in cells)
        rows = max(row for row, _column in cells) - self.first_row + 1
        columns = max(column for _row, column in cells) - self.first_column + 1
        prefix = [[0] * (columns + 1) for _ in range(rows + 1)]
        for r in range(rows):
            running = 0
            for c in range(columns):
                running = (running + cells.get((r + self.first_row, c + self.first_column), 0)) & _MASK
                prefix[r + 1][c + 1] = (prefix[r][c + 1] + running) & _MASK
        self.prefix = prefix

    def version(self, first_row: int, last_row: int, first_column: int, last_column: int) -> int:
        """Version of the offers in the box of cells (inclusive); cells outside the grid hold no offers."""
        rows, columns = len(self.prefix) - 1, len(self.prefix[0]) - 1
        r0, r1 = max(first_row - self.first_row, 0), min(last_row - self.first_row, rows - 1)
        c0, c1 = max(first_column - self.first_column, 0), min(last_column - self.first_column, columns - 1)
        if r0 > r1 or c0 > c1:
            return 0
        p = self.prefix
        return (p[r1 + 1][c1 + 1] - p[r0][c1 + 1] - p[r1 + 1][c0] + p[r0][c0]) & _MASK


def _candidate_state(candidate: CandidateFacts, today: datetime.date) -> list:
    """Everything the engine reads of a candidate (their age in years included), in a stable order.

    A candidate who can start only later is scored against offers starting "now", whose start is today: their
    results change every day, so the day is part of their inputs.
    """
    if candidate.earliest_start is None or candidate.earliest_start <= today:
        available = "now"
    else:
        available = [candidate.earliest_start, today]
    return [
        candidate.id, candidate.german, sorted(candidate.looking_for), candidate.hours, available, candidate.location,
        candidate.radius_km, candidate.transport, candidate.occupations, candidate.childcare_needed,
        candidate.shift_work_possible, sorted(candidate.licences), candidate.recognised, candidate.age,
    ]  # fmt: skip


def inputs_fingerprint(candidate: CandidateFacts, areas: OfferAreas, today: datetime.date) -> int:
    """A hash of everything a candidate's vacancy and course matches are computed from, and of the engine
    version: equal hashes mean a recomputation would store the same rows."""
    box = _reach_cells(candidate)
    near = areas.version(*box) if box is not None else 0
    online = areas.online if engine.courses_help(candidate) else 0
    value = _hash([_candidate_state(candidate, today), near, online])
    return value - (1 << 64) if value >= 1 << 63 else value  # a signed bigint


def _remember_inputs(fingerprints: dict[int, int], replaced: list[int]) -> None:
    """Record the inputs of the recomputed candidates; `replaced`: those that had a record."""
    _forget_inputs(replaced)
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


def _forget_inputs(profile_ids: list[int]) -> None:
    for batch in _batched(profile_ids, 5000):
        MatchInputs.objects.filter(profile_id__in=batch).delete()


# --- Writing the difference ----------------------------------------------------------------------------------


_FINGERPRINT_PERSON = f"matching-v{engine.ENGINE_VERSION}".encode()


def _fingerprint(parts_json: str) -> int:
    """A hash of the parts (and so of the score, their sum) and of the engine version."""
    digest = hashlib.blake2b(parts_json.encode(), digest_size=8, person=_FINGERPRINT_PERSON).digest()
    return int.from_bytes(digest, "big", signed=True)


def _fresh_rows(facts: Iterable[CandidateFacts], vacancies: VacancyTargets, courses: CourseTargets) -> dict:
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
                    _fingerprint(scored.parts_json),
                )
    return rows


def _lock(blocks: Iterable[int]) -> None:
    """Serialise recomputations of the same candidates (PostgreSQL; SQLite writes one at a time anyway)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for block in sorted(set(blocks)):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, block])


def _stored(profile_ids: list[int], id_range: tuple[int, int] | None) -> dict:
    """(profile id, kind, target id) → (pk, fingerprint) of the stored vacancy and course matches."""
    stored = {}
    # One query per kind, so that each uses its (profile, offer) unique index; a chunk reads 100,000 rows,
    # so they come as plain tuples.
    for kind, column in ((MatchKind.VACANCY.value, "vacancy_id"), (MatchKind.COURSE.value, "course_id")):
        matches = Match.objects.filter(**{f"{column}__isnull": False})
        if id_range is not None:
            batches = [matches.filter(profile_id__gte=id_range[0], profile_id__lte=id_range[1])]
        else:
            batches = [matches.filter(profile_id__in=batch) for batch in _batched(profile_ids, BATCH)]
        for queryset in batches:
            sql, params = queryset.values_list("pk", "profile_id", column, "fingerprint").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                for pk, profile_id, target_id, fingerprint in cursor.fetchall():
                    stored[(profile_id, kind, target_id)] = (pk, fingerprint)
    return stored


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
                for batch in _batched(rows, 5000):
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
                for batch in _batched(rows, 5000):
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


def _write(
    profile_ids: list[int],
    fresh: dict,
    id_range: tuple[int, int] | None = None,
    only: set[int] | None = None,
) -> RecomputeResult:
    """Write the difference between the fresh rows and the stored ones of these candidates (of the candidates
    in `id_range`, and among them `only` those when given)."""
    stored = _stored(profile_ids, id_range)
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
    for batch in _batched(deleted, 5000):
        Match.objects.filter(pk__in=batch).delete()
    if updated:
        _update(updated, now)
    if inserted:
        _insert(inserted, now)
    return RecomputeResult(
        candidates=len(profile_ids),
        inserted=len(inserted),
        updated=len(updated),
        deleted=len(deleted),
        unchanged=unchanged,
    )


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
        _lock(blocks)
        if id_range is not None:
            facts = candidate_facts_load(id_range=id_range, today=today)
        else:
            facts = candidate_facts_load(profile_ids=profile_ids, today=today)
        offers = offers or _offers_for(facts, today)
        if not skip_unchanged:
            # Recomputed outside the nightly run, perhaps from only the offers near them: their inputs are not
            # recorded, so the next nightly run recomputes them once more rather than trust an old record.
            _forget_inputs(profile_ids)
            result = _write(profile_ids, _fresh_rows(facts, offers.vacancies, offers.courses), id_range)
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
        fresh = _fresh_rows(todo, offers.vacancies, offers.courses)
        written = sorted([c.id for c in todo] + gone)
        if len(todo) == len(facts):
            result = _write(profile_ids, fresh, id_range)
        elif id_range is not None and 2 * len(written) > len(profile_ids):
            # Most of the chunk: reading its stored rows by id range is quicker than by lists of ids.
            result = _write(written, fresh, id_range, only=set(written))
        else:
            result = _write(written, fresh)
        _remember_inputs({c.id: fingerprints[c.id] for c in todo}, [c.id for c in todo if c.id in known])
        _forget_inputs([pk for pk in gone if pk in known])
        result.candidates = len(profile_ids)
        result.skipped = len(facts) - len(todo)
        return result


def match_recompute_candidates(*, profile_ids: Iterable[int], today: datetime.date | None = None) -> RecomputeResult:
    """Recompute the stored vacancy and course matches of these candidates (deleted or closed ones lose theirs)."""
    result = RecomputeResult()
    ordered = sorted(set(profile_ids))
    # Many candidates (an online course reaches everybody) reach nearly every offer: read all, once.
    offers = match_offers(today=today) if len(ordered) > LOCK_BLOCK else None
    for batch in _batched(ordered, CHUNK_SIZE):
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


def _affected_by(kind: str, target_id: int, scores: dict[int, int], limit: int) -> set[int]:
    """Candidates whose stored list may change: those holding the offer, and those it now reaches whose list
    has room or whose weakest stored match does not beat it."""
    field = "vacancy_id" if kind == MatchKind.VACANCY else "course_id"
    affected = set(Match.objects.filter(**{field: target_id}).values_list("profile_id", flat=True))
    ids = sorted(scores)
    for batch in _batched(ids, BATCH):
        stats = {
            row["profile_id"]: (row["n"], row["low"])
            for row in Match.objects.filter(**{f"{field}__isnull": False}, profile_id__in=batch)
            .values("profile_id")
            .annotate(n=Count("pk"), low=Min("score"))
        }
        for profile_id in batch:
            count, lowest = stats.get(profile_id, (0, None))
            if count < limit or scores[profile_id] >= lowest:
                affected.add(profile_id)
    return affected


def match_recompute_for_vacancy(*, vacancy: Vacancy) -> RecomputeResult:
    """After a vacancy changed: recompute exactly the candidates whose best matches it may enter or leave."""
    today = timezone.localdate()
    scores = {}
    facts = vacancy_facts_load(vacancy_ids=[vacancy.pk])
    if facts:
        for candidate in _candidate_facts_reaching(facts[0].location):
            found = reference.score_vacancy(candidate, facts[0], today=today)
            if found is not None and found[0] >= engine.MIN_SCORE:
                scores[candidate.id] = found[0]
    affected = _affected_by(MatchKind.VACANCY, vacancy.pk, scores, engine.MAX_VACANCY_MATCHES)
    return match_recompute_candidates(profile_ids=affected)


def match_recompute_for_course(*, course: Course) -> RecomputeResult:
    """After a course changed: recompute the candidates whose best courses it may enter or leave."""
    today = timezone.localdate()
    scores = {}
    facts = course_facts_load(today=today, course_ids=[course.pk])
    if facts:
        for candidate in _candidate_facts_reaching(facts[0].location):
            found = reference.score_course(candidate, facts[0], today=today)
            if found is not None and found[0] >= engine.MIN_SCORE:
                scores[candidate.id] = found[0]
    affected = _affected_by(MatchKind.COURSE, course.pk, scores, engine.MAX_COURSE_MATCHES)
    return match_recompute_candidates(profile_ids=affected)


# --- Queueing after a commit ---------------------------------------------------------------------------------


def _pending_key(kind: str, object_id: int) -> str:
    return f"matching:pending:{kind}:{object_id}"


def _enqueue_after_commit(kind: str, object_id: int):
    """An on-commit callback that queues one recomputation, unless the same one is queued and not yet started."""

    def enqueue() -> None:
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

    enqueue.matching_recompute = (kind, object_id)
    return enqueue


def match_recompute_later(
    *, candidate_ids: Iterable[int] = (), vacancy_ids: Iterable[int] = (), course_ids: Iterable[int] = ()
) -> None:
    """Recompute the matches of these candidates, vacancies and courses once the current transaction commits.

    Call it from every service that changes what matching reads. Several calls for the same object in one
    transaction queue one task; while that task waits in the queue, later changes do not queue another (the
    task reads the data fresh when it starts). Nothing is queued for a transaction that rolls back.
    """
    db = transaction.get_connection()
    pending = {getattr(func, "matching_recompute", None) for _savepoints, func, _robust in db.run_on_commit}
    for kind, ids in (("candidate", candidate_ids), ("vacancy", vacancy_ids), ("course", course_ids)):
        for object_id in dict.fromkeys(ids):
            if object_id is None or (kind, object_id) in pending:
                continue
            pending.add((kind, object_id))
            transaction.on_commit(_enqueue_after_commit(kind, object_id), robust=True)


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
        _lock([profile_id // LOCK_BLOCK])
        deleted += Match.objects.filter(profile_id=profile_id).delete()[0]
    deleted += Match.objects.filter(mentor__user=user).delete()[0]
    return deleted

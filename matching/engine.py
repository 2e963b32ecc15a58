"""The matching engine: scores candidate–offer pairs from plain facts, fast enough for the whole state.

Nothing in here touches the database. Services load facts (`CandidateFacts`, `VacancyFacts`, `CourseFacts`,
`MentorFacts`), the engine returns the best matches of one candidate with their score (0–100) and its parts,
and the services store them. `reference.py` scores the same rules pair by pair in plain Python; a test holds
the two to identical results.

The fast path works per candidate on numpy arrays of all published offers:

* offers are grouped by place, and a candidate only looks at the places within their travel radius
  (straight-line distances between places are computed once per place pair and kept);
* hard limits (kind not wanted, German far below the minimum, too far, course level not fitting) remove
  offers before anything else is computed;
* the remaining offers are scored with a handful of array operations, and only the best `limit` by
  (score, nearest, oldest offer) become Python objects with their parts.

A score is the sum of its parts' points. Each part is `[code, points, params]`; `reasons.py` turns it into
words in the reader's language when a page is shown, so nothing stored depends on a language.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from places.geo import haversine_km

# Bump when a rule or a weight changes: every stored match is then rewritten by the next recomputation.
ENGINE_VERSION = 1

MAX_VACANCY_MATCHES = 50
MAX_COURSE_MATCHES = 20
# Pairs below this score are not worth showing and are not stored.
MIN_SCORE = 30

DEFAULT_RADIUS_KM = 25
MAX_RADIUS_KM = 200

# German on the CEFR scale, as stored (portal.vocabulary.GermanLevel.values); the index is the rank.
GERMAN_LEVELS = ("0", "A1", "A2", "B1", "B2", "C1", "C2")
B1 = 3
A2 = 2

VACANCY_KINDS = ("job", "ausbildung", "eq", "internship", "hospitation", "work_trial")
LANGUAGE_COURSE = "language_course"
# Short offers in which a candidate can try an occupation; pathways propose them beside a course.
TRIAL_KINDS = ("internship", "hospitation", "work_trial")
WORK_KINDS = frozenset({"job", "internship", "hospitation", "work_trial"})
TRAINING_KINDS = frozenset({"ausbildung", "eq"})

COURSE_KINDS = ("integration", "literacy", "women_parents", "job_bsk", "azubi_bsk", "vocational", "other")
FULL_TIME = "full_time"

# --- Weights. Vacancy: 35 + 20 + 20 + 5 + 8 + 6 + 3 + 3 = 100 ------------------------------------------------
OCCUPATION_SAME = 30
EXPERIENCE_BONUS_MAX = 5  # one point per year of experience in the same occupation
OCCUPATION_RELATED = 20  # same KldB Berufsgruppe (first three digits)
OCCUPATION_FIELD = 12  # same KldB Berufshauptgruppe (first two digits)
GERMAN_ENOUGH = 20
GERMAN_ONE_BELOW = 8
GERMAN_TWO_BELOW = 0
GERMAN_MAX_GAP = 2  # more levels below the stated minimum exclude the pair
DISTANCE_POINTS = 20
KIND_WANTED = 5
HOURS_FIT, HOURS_FIT_WITHIN = 8, 4
HOURS_NEAR, HOURS_NEAR_WITHIN = 4, 10
START_FIT = 6
START_SOON, START_SOON_DAYS = 3, 30
CHILDCARE_POINTS = 3
SHIFT_POINTS, SHIFT_UNKNOWN = 3, 1

# --- Weights. Course: 40 + 10 + 20 + 10 + 5 + 5 + 10 = 100 --------------------------------------------------
LEVEL_START = 40  # the course starts at the candidate's level
LEVEL_CONTINUE = 25  # the candidate can join a course that is already above its start level
LEVEL_BELOW = 15  # the course starts one level above the candidate's
COURSE_KIND_FIT, COURSE_KIND_OTHER = 10, 4
COURSE_PLACE = 20
COURSE_START_SOON, COURSE_START_SOON_DAYS = 10, 90
COURSE_START_LATER = 6
COURSE_START_OTHER = 3
COURSE_CHILDCARE = 5
COURSE_SCHEDULE_FIT, COURSE_SCHEDULE_FULL_TIME = 5, 2
COURSE_KIND_WANTED = 10

# --- Weights. Mentor: 30 + 40 + 20 + 10 = 100 ----------------------------------------------------------------
MENTOR_DISTANCE = 30
MENTOR_TOPICS = 40
MENTOR_TOPICS_NONE_ASKED = 20
MENTOR_LANGUAGE_SHARED = 20
MENTOR_GERMAN_B1, MENTOR_GERMAN_A2 = 12, 6
MENTOR_FREE_SEVERAL, MENTOR_FREE_ONE = 10, 6


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """What matching needs to know about a candidate; `location` is the postal code's centroid."""

    id: int
    german: int = 0
    looking_for: frozenset[str] = frozenset()
    hours: int | None = None
    earliest_start: datetime.date | None = None
    location: tuple[float, float] | None = None
    radius_km: int = DEFAULT_RADIUS_KM
    transport: str = ""  # "public", "car" or "" (not stated, counted as public transport)
    occupations: tuple[tuple[int, int], ...] = ()  # (KldB code as a number, years of experience)
    childcare_needed: bool | None = None
    shift_work_possible: bool | None = None
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class VacancyFacts:
    id: int
    kind: str
    kldb: int
    german: int
    location: tuple[float, float]
    hours: int
    shift_work: bool = False
    start_date: datetime.date | None = None
    childcare: bool = False


@dataclass(frozen=True, slots=True)
class CourseFacts:
    """A course; `location` is None for an online course."""

    id: int
    kind: str
    level_from: int
    level_to: int
    location: tuple[float, float] | None
    start_date: datetime.date
    end_date: datetime.date
    schedule: str = "part_time"
    childcare: bool = False


@dataclass(frozen=True, slots=True)
class MentorFacts:
    id: int
    location: tuple[float, float] | None
    radius_km: int
    free_places: int
    helps_with: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Scored:
    """One match: the offer, its score, the distance in tenths of a km (0 online) and the parts as JSON."""

    target_id: int
    score: int
    distance: int
    parts_json: str

    @property
    def parts(self) -> list:
        return json.loads(self.parts_json)

    def sort_key(self) -> tuple[int, int, int]:
        """Best first: higher score, then nearer, then the older offer (lower id)."""
        return (-self.score, self.distance, self.target_id)


dumps = json.JSONEncoder(separators=(",", ":")).encode


@lru_cache(maxsize=1 << 17)
def _json(builder, *args) -> str:
    """A part as JSON; the same few parts recur across millions of matches, so each is encoded once."""
    return dumps(builder(*args))


def _parts_json(fragments: list[str]) -> str:
    return "[" + ",".join(fragments) + "]"


def distance_tenths(a: tuple[float, float], b: tuple[float, float]) -> int:
    """Straight-line distance between two places in tenths of a kilometre."""
    return round(haversine_km(a, b) * 10)


def radius_tenths(candidate: CandidateFacts) -> int:
    return max(1, min(candidate.radius_km, MAX_RADIUS_KM)) * 10


def travel_points(distance: int, radius: int, transport: str, full: int) -> int:
    """Points for the way there: full on the doorstep, none at the edge of the radius.

    A kilometre by bus and train costs more than by car, so without a car distances count a quarter more.
    """
    effective = distance if transport == "car" else distance * 5 // 4
    return full * max(radius - effective, 0) // radius


def available_from(candidate: CandidateFacts, today: datetime.date) -> datetime.date:
    return max(candidate.earliest_start or today, today)


def course_kind_fits(candidate: CandidateFacts, kind: str) -> bool:
    """Whether a kind of course suits the candidate's German and plans."""
    if kind == "literacy":
        return candidate.german == 0
    if kind == "integration":
        return candidate.german < B1
    if kind == "women_parents":
        return candidate.german < B1 and candidate.childcare_needed is True
    if kind in ("job_bsk", "vocational"):
        return candidate.german >= A2 and bool(candidate.looking_for & WORK_KINDS)
    if kind == "azubi_bsk":
        return bool(candidate.looking_for & TRAINING_KINDS)
    return False


def _ordinal(day: datetime.date | None, today: datetime.date) -> int:
    return max(day or today, today).toordinal()


# --- Vacancies ---------------------------------------------------------------------------------------------


class _Places:
    """Offers grouped by place (and by group, e.g. the kind of offer), with cached distances from a
    candidate's place to every offer place."""

    def __init__(
        self, locations: Sequence[tuple[float, float] | None], groups: Sequence[int] | None = None, group_count: int = 1
    ):
        places = sorted({location for location in locations if location is not None})
        index = {place: n for n, place in enumerate(places)}
        self.places = places
        self.place_of = np.array([index[loc] if loc is not None else -1 for loc in locations], dtype=np.int64)
        group_of = np.zeros(len(locations), dtype=np.int64) if groups is None else np.asarray(groups, dtype=np.int64)
        self.groups = group_count
        located = np.flatnonzero(self.place_of >= 0)
        # One run of offers per (group, place): offers of a group at a place are consecutive in `order`.
        slot = group_of[located] * len(places) + self.place_of[located]
        self.order = located[np.argsort(slot, kind="stable")].astype(np.int64)
        boundaries = np.arange(self.groups * len(places) + 1)
        self.starts = np.searchsorted(np.sort(slot), boundaries).astype(np.int64)
        self.online = np.flatnonzero(self.place_of < 0).astype(np.int64)
        self._rows: dict[tuple[float, float], np.ndarray] = {}

    def distances_from(self, origin: tuple[float, float]) -> np.ndarray:
        row = self._rows.get(origin)
        if row is None:
            row = np.fromiter(
                (distance_tenths(origin, place) for place in self.places), dtype=np.int64, count=len(self.places)
            )
            self._rows[origin] = row
        return row

    def within(self, row: np.ndarray, radius: int, groups: Iterable[int] | None = None) -> np.ndarray:
        """Positions of the offers (of the given groups) whose place lies within `radius` tenths of a km."""
        near = np.flatnonzero(row <= radius)
        if not near.size:
            return np.empty(0, dtype=np.int64)
        if groups is None:
            groups = range(self.groups)
        slots = np.concatenate([near + group * len(self.places) for group in groups])
        starts = self.starts[slots]
        counts = self.starts[slots + 1] - starts
        offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
        return self.order[offsets]


def _top(key: np.ndarray, limit: int) -> np.ndarray:
    """Indices of the `limit` largest keys, largest first (keys are unique)."""
    if key.size > limit:
        chosen = np.argpartition(-key, limit - 1)[:limit]
    else:
        chosen = np.arange(key.size)
    return chosen[np.argsort(-key[chosen], kind="stable")]


def _occupation_points(candidate: CandidateFacts, codes: np.ndarray) -> np.ndarray:
    """Best occupation points of the candidate for each KldB code in `codes`."""
    points = np.zeros(codes.size, dtype=np.int64)
    for kldb, years in candidate.occupations:
        same = OCCUPATION_SAME + min(years, EXPERIENCE_BONUS_MAX)
        these = np.where(
            codes == kldb,
            same,
            np.where(
                codes // 100 == kldb // 100,
                OCCUPATION_RELATED,
                np.where(codes // 1000 == kldb // 1000, OCCUPATION_FIELD, 0),
            ),
        )
        np.maximum(points, these, out=points)
    return points


def occupation_part(points: int, years: int) -> list:
    if points >= OCCUPATION_SAME:
        return ["occupation_same", points, {"years": years}]
    if points == OCCUPATION_RELATED:
        return ["occupation_related", points, {}]
    if points == OCCUPATION_FIELD:
        return ["occupation_field", points, {}]
    return ["occupation_other", 0, {}]


class VacancyTargets:
    """All published vacancies as arrays, sorted by id, for scoring many candidates against them."""

    def __init__(self, vacancies: Iterable[VacancyFacts], *, today: datetime.date):
        vacancies = sorted(vacancies, key=lambda v: v.id)
        self.today = today
        self.facts = vacancies
        self.size = len(vacancies)
        self.ids = np.array([v.id for v in vacancies], dtype=np.int64)
        self.kind = np.array([VACANCY_KINDS.index(v.kind) for v in vacancies], dtype=np.int64)
        codes = sorted({v.kldb for v in vacancies})
        code_index = {code: n for n, code in enumerate(codes)}
        self.codes = np.array(codes, dtype=np.int64)
        self.code_of = np.array([code_index[v.kldb] for v in vacancies], dtype=np.int64)
        self.german = np.array([v.german for v in vacancies], dtype=np.int64)
        self.hours = np.array([v.hours for v in vacancies], dtype=np.int64)
        self.shift = np.array([v.shift_work for v in vacancies], dtype=bool)
        self.childcare = np.array([v.childcare for v in vacancies], dtype=bool)
        self.start = np.array([_ordinal(v.start_date, today) for v in vacancies], dtype=np.int64)
        self.places = _Places([v.location for v in vacancies], groups=self.kind, group_count=len(VACANCY_KINDS))

    def best_for(self, candidate: CandidateFacts, *, limit: int = MAX_VACANCY_MATCHES) -> list[Scored]:
        """The candidate's best vacancies, best first."""
        if candidate.location is None or not self.size:
            return []
        radius = radius_tenths(candidate)
        row = self.places.distances_from(candidate.location)
        wanted = [
            n for n, kind in enumerate(VACANCY_KINDS) if not candidate.looking_for or kind in candidate.looking_for
        ]
        if not wanted:
            return []
        pos = self.places.within(row, radius, wanted)
        gap = self.german[pos] - candidate.german
        keep = gap <= GERMAN_MAX_GAP
        pos, gap = pos[keep], gap[keep]
        if not pos.size:
            return []

        occupation = _occupation_points(candidate, self.codes)[self.code_of[pos]]
        german = np.where(gap <= 0, GERMAN_ENOUGH, np.where(gap == 1, GERMAN_ONE_BELOW, GERMAN_TWO_BELOW))
        distance = row[self.places.place_of[pos]]
        effective = distance if candidate.transport == "car" else distance * 5 // 4
        travel = DISTANCE_POINTS * np.maximum(radius - effective, 0) // radius
        kind = KIND_WANTED if candidate.looking_for else 0
        if candidate.hours is None:
            hours = HOURS_FIT
        else:
            difference = np.abs(self.hours[pos] - candidate.hours)
            hours = np.where(
                difference <= HOURS_FIT_WITHIN, HOURS_FIT, np.where(difference <= HOURS_NEAR_WITHIN, HOURS_NEAR, 0)
            )
        available = available_from(candidate, self.today).toordinal()
        start = self.start[pos]
        start_points = np.where(
            start >= available, START_FIT, np.where(available - start <= START_SOON_DAYS, START_SOON, 0)
        )
        if candidate.childcare_needed is True:
            childcare = np.where(self.childcare[pos], CHILDCARE_POINTS, 0)
        else:
            childcare = CHILDCARE_POINTS
        shift_if_asked = {True: SHIFT_POINTS, None: SHIFT_UNKNOWN, False: 0}[candidate.shift_work_possible]
        shift = np.where(self.shift[pos], shift_if_asked, SHIFT_POINTS)

        total = occupation + german + travel + kind + hours + start_points + childcare + shift
        keep = total >= MIN_SCORE
        if not keep.any():
            return []
        total, pos, distance = total[keep], pos[keep], distance[keep]
        m = self.size
        key = total * ((MAX_RADIUS_KM * 10 + 1) * m) + (MAX_RADIUS_KM * 10 - distance) * m + (m - 1 - pos)
        chosen = _top(key, limit)
        years = dict(candidate.occupations)
        rows = zip(
            pos[chosen].tolist(),
            total[chosen].tolist(),
            distance[chosen].tolist(),
            occupation[keep][chosen].tolist(),
            strict=True,
        )
        radius = radius_tenths(candidate)
        available = available_from(candidate, self.today)
        wanted = bool(candidate.looking_for)
        scored = []
        for p, t, d, o in rows:
            vacancy = self.facts[p]
            parts = _parts_json(
                [
                    _json(occupation_part, o, years.get(vacancy.kldb, 0)),
                    _json(german_part, candidate.german, vacancy.german),
                    _json(distance_part, d, radius, candidate.transport),
                    _json(kind_part, wanted, vacancy.kind, KIND_WANTED),
                    _json(hours_part, candidate.hours, vacancy.hours),
                    _json(start_part, available, max(vacancy.start_date or self.today, self.today)),
                    _json(childcare_part, candidate.childcare_needed, vacancy.childcare, CHILDCARE_POINTS),
                    _json(shift_part, candidate.shift_work_possible, vacancy.shift_work),
                ]
            )
            scored.append(Scored(vacancy.id, t, d, parts))
        return scored


# Part builders shared by the fast path; reference.py spells out the same rules on its own.


def german_part(have: int, need: int) -> list:
    if need == 0:
        return ["german_not_needed", GERMAN_ENOUGH, {}]
    params = {"have": GERMAN_LEVELS[have], "need": GERMAN_LEVELS[need]}
    gap = need - have
    if gap <= 0:
        return ["german_enough", GERMAN_ENOUGH, params]
    return ["german_gap", GERMAN_ONE_BELOW if gap == 1 else GERMAN_TWO_BELOW, params]


def distance_part(distance: int, radius: int, transport: str) -> list:
    return [
        "distance",
        travel_points(distance, radius, transport, DISTANCE_POINTS),
        {"km": distance / 10, "transport": transport},
    ]


def kind_part(wanted: bool, kind: str, points: int) -> list:
    """`wanted`: the candidate said what they look for (and this kind is among it)."""
    if wanted:
        return ["kind_wanted", points, {"kind": kind}]
    return ["kind_open", 0, {"kind": kind}]


def hours_part(wanted: int | None, hours: int) -> list:
    if wanted is None:
        return ["hours_open", HOURS_FIT, {"hours": hours}]
    difference = abs(hours - wanted)
    params = {"hours": hours, "wanted": wanted}
    if difference <= HOURS_FIT_WITHIN:
        return ["hours_fit", HOURS_FIT, params]
    if difference <= HOURS_NEAR_WITHIN:
        return ["hours_near", HOURS_NEAR, params]
    return ["hours_far", 0, params]


def start_part(available: datetime.date, start: datetime.date) -> list:
    """`available`: when the candidate can start; `start`: when the offer starts (today at the earliest)."""
    if start >= available:
        return ["start_fit", START_FIT, {}]
    points = START_SOON if (available - start).days <= START_SOON_DAYS else 0
    return ["start_early", points, {"start": start.isoformat(), "available": available.isoformat()}]


def childcare_part(needed: bool | None, offered: bool, points: int) -> list:
    if needed is not True:
        return ["childcare_not_needed", points, {}]
    if offered:
        return ["childcare_offered", points, {}]
    return ["childcare_missing", 0, {}]


def shift_part(possible: bool | None, shift_work: bool) -> list:
    if not shift_work:
        return ["shift_none", SHIFT_POINTS, {}]
    if possible is True:
        return ["shift_ok", SHIFT_POINTS, {}]
    if possible is None:
        return ["shift_unknown", SHIFT_UNKNOWN, {}]
    return ["shift_not_possible", 0, {}]


# --- Courses -----------------------------------------------------------------------------------------------


class CourseTargets:
    """All published courses that have not ended, as arrays sorted by id."""

    def __init__(self, courses: Iterable[CourseFacts], *, today: datetime.date):
        courses = sorted((c for c in courses if c.end_date >= today), key=lambda c: c.id)
        self.today = today
        self.facts = courses
        self.size = len(courses)
        self.kind = np.array([COURSE_KINDS.index(c.kind) for c in courses], dtype=np.int64)
        self.level_from = np.array([c.level_from for c in courses], dtype=np.int64)
        self.level_to = np.array([c.level_to for c in courses], dtype=np.int64)
        self.start = np.array([c.start_date.toordinal() for c in courses], dtype=np.int64)
        self.full_time = np.array([c.schedule == FULL_TIME for c in courses], dtype=bool)
        self.childcare = np.array([c.childcare for c in courses], dtype=bool)
        self.places = _Places([c.location for c in courses])

    def best_for(self, candidate: CandidateFacts, *, limit: int = MAX_COURSE_MATCHES) -> list[Scored]:
        if not self.size or (candidate.looking_for and LANGUAGE_COURSE not in candidate.looking_for):
            return []
        radius = radius_tenths(candidate)
        if candidate.location is not None:
            row = self.places.distances_from(candidate.location)
            near = self.places.within(row, radius)
            pos = np.concatenate([near, self.places.online])
            distance = np.concatenate([row[self.places.place_of[near]], np.zeros(self.places.online.size, np.int64)])
        else:
            pos = self.places.online
            distance = np.zeros(pos.size, dtype=np.int64)
        level_from, level_to = self.level_from[pos], self.level_to[pos]
        keep = (candidate.german < level_to) & (candidate.german >= level_from - 1)
        pos, distance, level_from = pos[keep], distance[keep], level_from[keep]
        if not pos.size:
            return []

        level = np.where(
            candidate.german == level_from,
            LEVEL_START,
            np.where(candidate.german > level_from, LEVEL_CONTINUE, LEVEL_BELOW),
        )
        fits = np.array(
            [COURSE_KIND_FIT if course_kind_fits(candidate, kind) else COURSE_KIND_OTHER for kind in COURSE_KINDS]
        )
        kind = fits[self.kind[pos]]
        online = self.places.place_of[pos] < 0
        effective = distance if candidate.transport == "car" else distance * 5 // 4
        place = np.where(online, COURSE_PLACE, COURSE_PLACE * np.maximum(radius - effective, 0) // radius)
        available = available_from(candidate, self.today).toordinal()
        start = self.start[pos]
        start_points = np.where(
            start >= available,
            np.where(start - available <= COURSE_START_SOON_DAYS, COURSE_START_SOON, COURSE_START_LATER),
            COURSE_START_OTHER,
        )
        if candidate.childcare_needed is True:
            childcare = np.where(self.childcare[pos], COURSE_CHILDCARE, 0)
            schedule = np.where(self.full_time[pos], COURSE_SCHEDULE_FULL_TIME, COURSE_SCHEDULE_FIT)
        else:
            childcare, schedule = COURSE_CHILDCARE, COURSE_SCHEDULE_FIT
        wanted = COURSE_KIND_WANTED if candidate.looking_for else 0

        total = level + kind + place + start_points + childcare + schedule + wanted
        keep = total >= MIN_SCORE
        if not keep.any():
            return []
        total, pos, distance = total[keep], pos[keep], distance[keep]
        m = self.size
        key = total * ((MAX_RADIUS_KM * 10 + 1) * m) + (MAX_RADIUS_KM * 10 - distance) * m + (m - 1 - pos)
        chosen = _top(key, limit)
        fitting = {kind: course_kind_fits(candidate, kind) for kind in COURSE_KINDS}
        available = available_from(candidate, self.today)
        wanted = bool(candidate.looking_for)
        scored = []
        for p, t, d in zip(pos[chosen].tolist(), total[chosen].tolist(), distance[chosen].tolist(), strict=True):
            course = self.facts[p]
            parts = _parts_json(
                [
                    _json(level_part, candidate.german, course.level_from, course.level_to),
                    _json(course_kind_part, fitting[course.kind], course.kind),
                    _json(course_place_part, course.location is None, d, radius, candidate.transport),
                    _json(course_start_part, available, course.start_date, self.today),
                    _json(childcare_part, candidate.childcare_needed, course.childcare, COURSE_CHILDCARE),
                    _json(schedule_part, candidate.childcare_needed, course.schedule),
                    _json(kind_part, wanted, LANGUAGE_COURSE, COURSE_KIND_WANTED),
                ]
            )
            scored.append(Scored(course.id, t, d, parts))
        return scored


def level_part(have: int, level_from: int, level_to: int) -> list:
    if have == level_from:
        return ["level_start", LEVEL_START, {"from": GERMAN_LEVELS[level_from], "to": GERMAN_LEVELS[level_to]}]
    if have > level_from:
        return ["level_continue", LEVEL_CONTINUE, {"have": GERMAN_LEVELS[have], "to": GERMAN_LEVELS[level_to]}]
    return ["level_below", LEVEL_BELOW, {"have": GERMAN_LEVELS[have], "from": GERMAN_LEVELS[level_from]}]


def course_kind_part(fits: bool, kind: str) -> list:
    if fits:
        return ["course_kind_fit", COURSE_KIND_FIT, {"kind": kind}]
    return ["course_kind_other", COURSE_KIND_OTHER, {"kind": kind}]


def course_place_part(online: bool, distance: int, radius: int, transport: str) -> list:
    if online:
        return ["online", COURSE_PLACE, {}]
    return [
        "distance",
        travel_points(distance, radius, transport, COURSE_PLACE),
        {"km": distance / 10, "transport": transport},
    ]


def course_start_part(available: datetime.date, start: datetime.date, today: datetime.date) -> list:
    if start >= available:
        if (start - available).days <= COURSE_START_SOON_DAYS:
            return ["course_start_soon", COURSE_START_SOON, {"start": start.isoformat()}]
        return ["course_start_later", COURSE_START_LATER, {"start": start.isoformat()}]
    if start < today:
        return ["course_running", COURSE_START_OTHER, {"start": start.isoformat()}]
    return ["course_start_early", COURSE_START_OTHER, {"start": start.isoformat(), "available": available.isoformat()}]


def schedule_part(childcare_needed: bool | None, schedule: str) -> list:
    if childcare_needed is True and schedule == FULL_TIME:
        return ["schedule_full_time", COURSE_SCHEDULE_FULL_TIME, {}]
    return ["schedule_fit", COURSE_SCHEDULE_FIT, {"schedule": schedule}]


# --- Mentors (few enough to score pair by pair) --------------------------------------------------------------


def score_mentor(
    candidate: CandidateFacts, mentor: MentorFacts, topics: Iterable[str], *, ignore_capacity: bool = False
):
    """(score, parts) of a mentor for a candidate's request, or None when the pair is excluded.

    Excluded: a mentor without a free place (unless `ignore_capacity`, for an assignment that weighs capacity
    itself), a candidate outside the mentor's radius, a mentor who helps with none of the topics asked for.
    """
    topics = frozenset(topics)
    if not ignore_capacity and mentor.free_places <= 0:
        return None
    parts = []
    if candidate.location is not None and mentor.location is not None:
        radius = max(1, min(mentor.radius_km, MAX_RADIUS_KM)) * 10
        distance = distance_tenths(candidate.location, mentor.location)
        if distance > radius:
            return None
        parts.append(["mentor_distance", MENTOR_DISTANCE * (radius - distance) // radius, {"km": distance / 10}])
    else:
        parts.append(["mentor_distance_unknown", 0, {}])
    if topics:
        shared = topics & mentor.helps_with
        if not shared:
            return None
        parts.append(["mentor_topics", MENTOR_TOPICS * len(shared) // len(topics), {"topics": sorted(shared)}])
    else:
        parts.append(["mentor_topics_open", MENTOR_TOPICS_NONE_ASKED, {}])
    languages = candidate.languages & mentor.languages
    if languages:
        parts.append(["mentor_language", MENTOR_LANGUAGE_SHARED, {"languages": sorted(languages)}])
    elif candidate.german >= B1:
        parts.append(["mentor_german", MENTOR_GERMAN_B1, {}])
    elif candidate.german >= A2:
        parts.append(["mentor_german", MENTOR_GERMAN_A2, {}])
    else:
        parts.append(["mentor_no_language", 0, {}])
    free = max(mentor.free_places, 0)
    parts.append(
        ["mentor_free", MENTOR_FREE_SEVERAL if free >= 2 else MENTOR_FREE_ONE if free == 1 else 0, {"free": free}]
    )
    return sum(part[1] for part in parts), parts

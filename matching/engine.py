"""The matching engine: scores candidate–offer pairs from plain facts, fast enough for the whole state.

Nothing in here touches the database. Services load facts (`CandidateFacts`, `VacancyFacts`, `CourseFacts`,
`MentorFacts`), the engine returns the best matches of one candidate with their score (0–100) and its parts,
and the services store them. `pair_scoring.py` scores the same rules pair by pair in plain Python; a test holds
the two to identical results.

The fast path works per candidate on numpy arrays of all published offers:

* offers are grouped by place, and a candidate only looks at the places within their travel radius
  (straight-line distances between places are computed once per place pair and kept);
* the gates of docs/matching.md (too far for the means of transport, kind not wanted, German two levels
  below the minimum, shift work the candidate cannot do, a missing driving-licence class, a skilled job in an
  unrelated occupation, a recognition the candidate does not have yet; for courses: level not fitting, full
  without a waiting list) remove offers before anything else is computed;
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
ENGINE_VERSION = 2

MAX_VACANCY_MATCHES = 50
MAX_COURSE_MATCHES = 20
# Pairs below this score are not worth showing and are not stored.
MIN_SCORE = 30

DEFAULT_RADIUS_KM = 25
MAX_RADIUS_KM = 200

# German on the CEFR scale, as stored (common.vocabulary.GermanLevel.values); the index is the rank.
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

# --- Weights. Vacancy: 35 + 25 + 15 + 5 + 7 + 5 + 5 + 3 = 100 ------------------------------------------------
OCCUPATION_SAME = 30
EXPERIENCE_BONUS_MAX = 5  # one point per year of experience in the same occupation
OCCUPATION_RELATED = 20  # same KldB Berufsgruppe (first three digits)
OCCUPATION_FIELD = 12  # same KldB Berufshauptgruppe (first two digits)
# Years in an occupation of the same field that open a skilled job of that field to a career changer.
FIELD_EXPERIENCE_YEARS = 2
# German weighs more than the whole way there: one level too low costs all of it, more levels close the gate.
GERMAN_ENOUGH = 25
GERMAN_ONE_BELOW = 0
GERMAN_MAX_GAP = 1  # more levels below the stated minimum: only through a pathway
DISTANCE_POINTS = 15
KIND_WANTED = 5
HOURS_FIT, HOURS_FIT_WITHIN = 7, 4
HOURS_NEAR, HOURS_NEAR_WITHIN = 3, 10
START_FIT = 5
START_SOON, START_SOON_DAYS = 2, 30
CHILDCARE_POINTS = 5
SHIFT_POINTS, SHIFT_UNKNOWN = 3, 1
# KldB requirement level (fifth digit): 1 helper, 2 skilled, 3 specialist, 4 expert.
HELPER_LEVEL = 1
# Offers in which anybody may start or try an occupation: no occupation gate.
OPEN_TO_CAREER_CHANGERS = frozenset({"internship", "hospitation", "work_trial", "eq", "ausbildung"})
# An offer closing within this many days says so first.
CLOSING_SOON_DAYS = 2

# --- Bands, named on the page. A score means the same everywhere: the higher, the better the fit. -----------
BAND_VERY_GOOD = 80
BAND_GOOD = 60

# --- Weights. Course: 35 + 10 + 5 + 15 + 10 + 5 + 5 + 5 + 10 = 100 ------------------------------------------
LEVEL_START = 35  # the course starts at the candidate's level
LEVEL_CONTINUE = 22  # the candidate can join a course that is already above its start level
LEVEL_BELOW = 13  # the course starts one level above the candidate's
COURSE_KIND_FIT, COURSE_KIND_OTHER = 10, 4
COURSE_SUBJECT_FIT, COURSE_SUBJECT_GENERAL = 5, 2  # another field's subject: none
COURSE_PLACE = 15
COURSE_START_SOON, COURSE_START_SOON_DAYS = 10, 90
COURSE_START_LATER = 6
COURSE_START_OTHER = 3
COURSE_SEATS = 5  # a free seat; a full course with an open waiting list gets none
COURSE_CHILDCARE = 5
COURSE_SCHEDULE_FIT, COURSE_SCHEDULE_FULL_TIME = 5, 2
COURSE_KIND_WANTED = 10  # "language course" ticked
B2 = 4  # from B2 on, a course helps only those who ask for one or want an Ausbildung
# Age band in which most people start an Ausbildung: an Azubi-BSK suits them even without stated plans.
AZUBI_AGE = (16, 24)

# The vocational subjects of job-related courses (courses.models.CourseSubject) and the KldB
# Berufshauptgruppen (first two digits) they prepare for. The one place this mapping lives.
SUBJECT_FIELDS: dict[str, frozenset[int]] = {
    "care": frozenset({81, 82}),
    "crafts": frozenset({22, 32, 33, 34}),
    "industry": frozenset({21, 23, 24, 25, 26, 27, 28}),
    "commerce": frozenset({61, 62, 71, 72, 73}),
    "hospitality": frozenset({29, 63}),
    "logistics": frozenset({51, 52}),
    "it": frozenset({43}),
    "education": frozenset({83, 84}),
    "agriculture": frozenset({11, 12}),
}

# Driving-licence classes and the classes each one includes (Fahrerlaubnis-Verordnung, § 6).
LICENCE_INCLUDES: dict[str, frozenset[str]] = {
    "A": frozenset({"A2", "A1", "AM"}),
    "A2": frozenset({"A1", "AM"}),
    "A1": frozenset({"AM"}),
    "B": frozenset({"AM", "L"}),
    "BE": frozenset({"B", "AM", "L"}),
    "C1": frozenset({"B", "AM", "L"}),
    "C1E": frozenset({"C1", "BE", "B", "AM", "L"}),
    "C": frozenset({"C1", "B", "AM", "L"}),
    "CE": frozenset({"C", "C1", "C1E", "BE", "B", "AM", "L", "T"}),
    "D1": frozenset({"B", "AM", "L"}),
    "D1E": frozenset({"D1", "BE", "B", "AM", "L"}),
    "D": frozenset({"D1", "B", "AM", "L"}),
    "DE": frozenset({"D", "D1", "D1E", "BE", "B", "AM", "L"}),
    "T": frozenset({"L", "AM"}),
}

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
    licences: frozenset[str] = frozenset()  # driving-licence classes held, with those they include
    recognised: bool = False  # a foreign qualification fully recognised in Germany
    age: int | None = None  # only for Ausbildung and Azubi-BSK fit


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
    licences: frozenset[str] = frozenset()  # driving-licence classes required
    recognition: bool = False  # a recognised qualification is required (regulated occupation)
    closes_on: datetime.date | None = None


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
    subject: str = ""  # courses.models.CourseSubject; empty for general German
    seats_left: int = 1
    waiting_list: bool = False  # a full course takes names for its waiting list


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


def effective_tenths(distance, transport: str):
    """The way there as it feels: without a car a kilometre counts a quarter more (bus and train take longer)."""
    return distance if transport == "car" else distance * 5 // 4


def reach_tenths(candidate: CandidateFacts) -> int:
    """The farthest straight-line distance within the candidate's radius for their means of transport: the
    largest distance whose effective length (`effective_tenths`) is at most the radius."""
    radius = radius_tenths(candidate)
    return radius if candidate.transport == "car" else (4 * radius + 3) // 5


def travel_points(distance: int, radius: int, transport: str, full: int) -> int:
    """Points for the way there: full on the doorstep, none at the edge of the radius."""
    return full * max(radius - effective_tenths(distance, transport), 0) // radius


def available_from(candidate: CandidateFacts, today: datetime.date) -> datetime.date:
    return max(candidate.earliest_start or today, today)


def licences_held(classes: Iterable[str]) -> frozenset[str]:
    """The classes of a driving licence together with the classes they include (CE includes C and B, …)."""
    held = set()
    for licence in classes:
        held.add(licence)
        held |= LICENCE_INCLUDES.get(licence, frozenset())
    return frozenset(held)


def band(score: int) -> str:
    """The band named on the page: "very_good", "good" or "support" (possible with support)."""
    if score >= BAND_VERY_GOOD:
        return "very_good"
    if score >= BAND_GOOD:
        return "good"
    return "support"


def requirement_level(kldb: int) -> int:
    """The KldB requirement level, the fifth digit: 1 helper, 2 skilled, 3 specialist, 4 expert."""
    return kldb % 10


def skilled_job(kind: str, kldb: int) -> bool:
    """A skilled job (not a helper job, not an offer to start or try an occupation) needs the candidate's
    occupation, or one related to it."""
    return kind not in OPEN_TO_CAREER_CHANGERS and requirement_level(kldb) != HELPER_LEVEL


def wants_training(candidate: CandidateFacts) -> bool:
    return bool(candidate.looking_for & TRAINING_KINDS)


def in_azubi_age(candidate: CandidateFacts) -> bool:
    return candidate.age is not None and AZUBI_AGE[0] <= candidate.age <= AZUBI_AGE[1]


def courses_help(candidate: CandidateFacts) -> bool:
    """Everybody below B2, everybody who wants an Ausbildung or EQ, and everybody who asks for a course."""
    return candidate.german < B2 or wants_training(candidate) or LANGUAGE_COURSE in candidate.looking_for


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
        return wants_training(candidate) or (not candidate.looking_for and in_azubi_age(candidate))
    return False


def candidate_fields(candidate: CandidateFacts) -> frozenset[int]:
    """The KldB Berufshauptgruppen (first two digits) of the candidate's occupations."""
    return frozenset(kldb // 1000 for kldb, _years in candidate.occupations)


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


def _occupation_points(candidate: CandidateFacts, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best occupation points of the candidate for each KldB code in `codes`, and whether the candidate's
    occupations back a skilled job in it (same, related, or the same field with enough years)."""
    points = np.zeros(codes.size, dtype=np.int64)
    backed = np.zeros(codes.size, dtype=bool)
    for kldb, years in candidate.occupations:
        same = OCCUPATION_SAME + min(years, EXPERIENCE_BONUS_MAX)
        related = codes // 100 == kldb // 100
        field = codes // 1000 == kldb // 1000
        these = np.where(
            codes == kldb, same, np.where(related, OCCUPATION_RELATED, np.where(field, OCCUPATION_FIELD, 0))
        )
        np.maximum(points, these, out=points)
        backed |= related | (field & (years >= FIELD_EXPERIENCE_YEARS))
    return points, backed


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
        self.skilled_job = np.array([skilled_job(v.kind, v.kldb) for v in vacancies], dtype=bool)
        self.german = np.array([v.german for v in vacancies], dtype=np.int64)
        self.hours = np.array([v.hours for v in vacancies], dtype=np.int64)
        self.shift = np.array([v.shift_work for v in vacancies], dtype=bool)
        self.childcare = np.array([v.childcare for v in vacancies], dtype=bool)
        self.recognition = np.array([v.recognition for v in vacancies], dtype=bool)
        # The few distinct sets of required licence classes; a candidate holds each set or not.
        self.licence_sets = sorted({v.licences for v in vacancies}, key=sorted)
        licence_index = {classes: n for n, classes in enumerate(self.licence_sets)}
        self.licences_of = np.array([licence_index[v.licences] for v in vacancies], dtype=np.int64)
        self.start = np.array([_ordinal(v.start_date, today) for v in vacancies], dtype=np.int64)
        self.places = _Places([v.location for v in vacancies], groups=self.kind, group_count=len(VACANCY_KINDS))
        # The parts that depend on the vacancy alone, encoded once.
        self.requirements = [[_json(*extra) for extra in requirement_parts(v, today)] for v in vacancies]

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
        pos = self.places.within(row, reach_tenths(candidate), wanted)
        gap = self.german[pos] - candidate.german
        keep = gap <= GERMAN_MAX_GAP
        if candidate.shift_work_possible is False:
            keep &= ~self.shift[pos]
        if not candidate.recognised:
            keep &= ~self.recognition[pos]
        if len(self.licence_sets) > 1 or self.licence_sets[0]:
            held = licences_held(candidate.licences)
            holds = np.array([classes <= held for classes in self.licence_sets], dtype=bool)
            keep &= holds[self.licences_of[pos]]
        points_by_code, backed_by_code = _occupation_points(candidate, self.codes)
        keep &= ~self.skilled_job[pos] | backed_by_code[self.code_of[pos]]
        pos, gap = pos[keep], gap[keep]
        if not pos.size:
            return []

        occupation = points_by_code[self.code_of[pos]]
        german = np.where(gap <= 0, GERMAN_ENOUGH, GERMAN_ONE_BELOW)
        distance = row[self.places.place_of[pos]]
        travel = DISTANCE_POINTS * np.maximum(radius - effective_tenths(distance, candidate.transport), 0) // radius
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
        shift_if_asked = SHIFT_POINTS if candidate.shift_work_possible else SHIFT_UNKNOWN
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
        available = available_from(candidate, self.today)
        wanted = bool(candidate.looking_for)
        scored = []
        for p, t, d, o in rows:
            vacancy = self.facts[p]
            fragments = [
                _json(occupation_part, o, years.get(vacancy.kldb, 0)),
                _json(german_part, candidate.german, vacancy.german),
                _json(distance_part, d, radius, candidate.transport),
                _json(kind_part, wanted, vacancy.kind, KIND_WANTED),
                _json(hours_part, candidate.hours, vacancy.hours),
                _json(start_part, available, max(vacancy.start_date or self.today, self.today)),
                _json(childcare_part, candidate.childcare_needed, vacancy.childcare, CHILDCARE_POINTS),
                _json(shift_part, candidate.shift_work_possible, vacancy.shift_work),
            ]
            fragments.extend(self.requirements[p])
            scored.append(Scored(vacancy.id, t, d, _parts_json(fragments)))
        return scored


# Part builders shared by the fast path; pair_scoring.py spells out the same rules on its own.


def german_part(have: int, need: int) -> list:
    if need == 0:
        return ["german_not_needed", GERMAN_ENOUGH, {}]
    params = {"have": GERMAN_LEVELS[have], "need": GERMAN_LEVELS[need]}
    if need <= have:
        return ["german_enough", GERMAN_ENOUGH, params]
    return ["german_gap", GERMAN_ONE_BELOW, params]


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
    """Shift work the candidate cannot do is a gate; this part only meets the other cases."""
    if not shift_work:
        return ["shift_none", SHIFT_POINTS, {}]
    if possible is True:
        return ["shift_ok", SHIFT_POINTS, {}]
    return ["shift_unknown", SHIFT_UNKNOWN, {}]


def _requirement_parts(licences: frozenset[str], recognition: bool, closes_on: datetime.date | None, today):
    parts = []
    if licences:
        parts.append(("licence_ok", tuple(sorted(licences))))
    if recognition:
        parts.append(("recognition_ok",))
    if closes_on is not None and 0 <= (closes_on - today).days <= CLOSING_SOON_DAYS:
        parts.append(("closes_soon", closes_on))
    return parts


def _licence_ok(classes: tuple[str, ...]) -> list:
    return ["licence_ok", 0, {"classes": list(classes)}]


def _recognition_ok() -> list:
    return ["recognition_ok", 0, {}]


def _closes_soon(closes_on: datetime.date) -> list:
    return ["closes_soon", 0, {"date": closes_on.isoformat()}]


_REQUIREMENT_BUILDERS = {"licence_ok": _licence_ok, "recognition_ok": _recognition_ok, "closes_soon": _closes_soon}


def requirement_parts(vacancy: VacancyFacts, today: datetime.date) -> list[tuple]:
    """(builder, *args) of the parts worth no points that say what the candidate meets or must hurry for: a
    required licence held, a required recognition held, an offer closing within two days."""
    return [
        (_REQUIREMENT_BUILDERS[code], *args)
        for code, *args in _requirement_parts(vacancy.licences, vacancy.recognition, vacancy.closes_on, today)
    ]


# --- Courses -----------------------------------------------------------------------------------------------


class CourseTargets:
    """All published courses that have not ended, as arrays sorted by id; full courses without a waiting
    list are left out."""

    def __init__(self, courses: Iterable[CourseFacts], *, today: datetime.date):
        courses = sorted(
            (c for c in courses if c.end_date >= today and (c.seats_left > 0 or c.waiting_list)), key=lambda c: c.id
        )
        self.today = today
        self.facts = courses
        self.size = len(courses)
        self.kind = np.array([COURSE_KINDS.index(c.kind) for c in courses], dtype=np.int64)
        subjects = [""] + sorted(SUBJECT_FIELDS)
        self.subjects = subjects
        self.subject = np.array([subjects.index(c.subject) if c.subject in subjects else 0 for c in courses], np.int64)
        self.level_from = np.array([c.level_from for c in courses], dtype=np.int64)
        self.level_to = np.array([c.level_to for c in courses], dtype=np.int64)
        self.start = np.array([c.start_date.toordinal() for c in courses], dtype=np.int64)
        self.full_time = np.array([c.schedule == FULL_TIME for c in courses], dtype=bool)
        self.childcare = np.array([c.childcare for c in courses], dtype=bool)
        self.seats = np.array([c.seats_left > 0 for c in courses], dtype=bool)
        self.places = _Places([c.location for c in courses])

    def best_for(self, candidate: CandidateFacts, *, limit: int = MAX_COURSE_MATCHES) -> list[Scored]:
        if not self.size or not courses_help(candidate):
            return []
        radius = radius_tenths(candidate)
        if candidate.location is not None:
            row = self.places.distances_from(candidate.location)
            near = self.places.within(row, reach_tenths(candidate))
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
        fields = candidate_fields(candidate)
        subject_points = np.array([subject_part(fields, subject)[1] for subject in self.subjects], dtype=np.int64)
        subject = subject_points[self.subject[pos]]
        online = self.places.place_of[pos] < 0
        effective = effective_tenths(distance, candidate.transport)
        place = np.where(online, COURSE_PLACE, COURSE_PLACE * np.maximum(radius - effective, 0) // radius)
        available = available_from(candidate, self.today).toordinal()
        start = self.start[pos]
        start_points = np.where(
            start >= available,
            np.where(start - available <= COURSE_START_SOON_DAYS, COURSE_START_SOON, COURSE_START_LATER),
            COURSE_START_OTHER,
        )
        seats = np.where(self.seats[pos], COURSE_SEATS, 0)
        if candidate.childcare_needed is True:
            childcare = np.where(self.childcare[pos], COURSE_CHILDCARE, 0)
            schedule = np.where(self.full_time[pos], COURSE_SCHEDULE_FULL_TIME, COURSE_SCHEDULE_FIT)
        else:
            childcare, schedule = COURSE_CHILDCARE, COURSE_SCHEDULE_FIT
        asked = LANGUAGE_COURSE in candidate.looking_for
        wanted = COURSE_KIND_WANTED if asked else 0

        total = level + kind + subject + place + start_points + seats + childcare + schedule + wanted
        keep = total >= MIN_SCORE
        if not keep.any():
            return []
        total, pos, distance = total[keep], pos[keep], distance[keep]
        m = self.size
        key = total * ((MAX_RADIUS_KM * 10 + 1) * m) + (MAX_RADIUS_KM * 10 - distance) * m + (m - 1 - pos)
        chosen = _top(key, limit)
        fitting = {kind: course_kind_fits(candidate, kind) for kind in COURSE_KINDS}
        available = available_from(candidate, self.today)
        scored = []
        for p, t, d in zip(pos[chosen].tolist(), total[chosen].tolist(), distance[chosen].tolist(), strict=True):
            course = self.facts[p]
            parts = _parts_json(
                [
                    _json(level_part, candidate.german, course.level_from, course.level_to),
                    _json(course_kind_part, fitting[course.kind], course.kind),
                    _json(subject_part, fields, course.subject),
                    _json(course_place_part, course.location is None, d, radius, candidate.transport),
                    _json(course_start_part, available, course.start_date, self.today),
                    _json(seats_part, course.seats_left),
                    _json(childcare_part, candidate.childcare_needed, course.childcare, COURSE_CHILDCARE),
                    _json(schedule_part, candidate.childcare_needed, course.schedule),
                    _json(kind_part, asked, LANGUAGE_COURSE, COURSE_KIND_WANTED),
                ]
            )
            scored.append(Scored(course.id, t, d, parts))
        return scored


def subject_part(fields: frozenset[int], subject: str) -> list:
    if subject not in SUBJECT_FIELDS:
        return ["subject_general", COURSE_SUBJECT_GENERAL, {}]
    if fields & SUBJECT_FIELDS[subject]:
        return ["subject_fit", COURSE_SUBJECT_FIT, {"subject": subject}]
    return ["subject_other", 0, {"subject": subject}]


def seats_part(seats_left: int) -> list:
    if seats_left > 0:
        return ["seats_free", COURSE_SEATS, {"seats": seats_left}]
    return ["waiting_list", 0, {}]


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

"""Scoring one candidate against one offer: the matching rules spelled out pair by pair in plain Python.

Production uses it where one pair (or one offer against many candidates) is scored: which candidates a changed
vacancy or course reaches and how well (`services.match_recompute_for_vacancy` / `_for_course`), and a
candidate lifted to a goal's German level for pathways (`selectors.pathways_for_candidate`). The fast engine
(`engine.py`), which scores one candidate against all offers at once, must find exactly what these functions
find for every pair; tests/matching/test_engine.py holds it to that.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from . import engine as e
from .engine import CandidateFacts, CourseFacts, Scored, VacancyFacts


def _level(rank: int) -> str:
    return e.GERMAN_LEVELS[rank]


def _radius(candidate: CandidateFacts) -> int:
    """The candidate's travel radius in tenths of a km (1 to 200 km)."""
    return max(1, min(candidate.radius_km, e.MAX_RADIUS_KM)) * 10


def _reach(candidate: CandidateFacts, distance: int) -> bool:
    """Within the radius for the means of transport: without a car a kilometre counts a quarter more."""
    radius = _radius(candidate)
    effective = distance if candidate.transport == "car" else distance * 5 // 4
    return effective <= radius


def _travel(distance: int, radius: int, transport: str, full: int) -> int:
    if transport == "car":
        effective = distance
    else:
        effective = distance * 5 // 4
    if effective >= radius:
        return 0
    return full * (radius - effective) // radius


def _available(candidate: CandidateFacts, today: datetime.date) -> datetime.date:
    if candidate.earliest_start is None or candidate.earliest_start < today:
        return today
    return candidate.earliest_start


def _occupation(candidate: CandidateFacts, kldb: int) -> tuple[list, bool]:
    """The best occupation part, and whether an occupation of the candidate backs a skilled job in `kldb`."""
    best = ["occupation_other", 0, {}]
    backed = False
    for code, years in candidate.occupations:
        mine, theirs = str(code).zfill(5), str(kldb).zfill(5)
        if code == kldb:
            part = ["occupation_same", e.OCCUPATION_SAME + min(years, e.EXPERIENCE_BONUS_MAX), {"years": years}]
            backed = True
        elif mine[:3] == theirs[:3]:
            part = ["occupation_related", e.OCCUPATION_RELATED, {}]
            backed = True
        elif mine[:2] == theirs[:2]:
            part = ["occupation_field", e.OCCUPATION_FIELD, {}]
            backed = backed or years >= e.FIELD_EXPERIENCE_YEARS
        else:
            continue
        if part[1] > best[1]:
            best = part
    return best, backed


def _childcare(candidate: CandidateFacts, offered: bool, points: int) -> list:
    if candidate.childcare_needed is True:
        if offered:
            return ["childcare_offered", points, {}]
        return ["childcare_missing", 0, {}]
    return ["childcare_not_needed", points, {}]


def _kind(candidate: CandidateFacts, kind: str, points: int) -> list:
    if candidate.looking_for:
        return ["kind_wanted", points, {"kind": kind}]
    return ["kind_open", 0, {"kind": kind}]


def _holds(candidate: CandidateFacts, required: frozenset[str]) -> bool:
    held = set(candidate.licences)
    for licence in candidate.licences:
        held |= e.LICENCE_INCLUDES.get(licence, set())
    return required <= held


def vacancy_gate(candidate: CandidateFacts, vacancy: VacancyFacts) -> str | None:
    """The first gate that keeps the pair from being a plain match, or None when it is open."""
    if candidate.location is None:
        return "no_place"
    if candidate.looking_for and vacancy.kind not in candidate.looking_for:
        return "kind"
    if not _reach(candidate, e.distance_tenths(candidate.location, vacancy.location)):
        return "distance"
    if vacancy.german - candidate.german >= 2:
        return "german"
    if vacancy.shift_work and candidate.shift_work_possible is False:
        return "shift"
    if not _holds(candidate, vacancy.licences):
        return "licence"
    skilled = vacancy.kldb % 10 != 1 and vacancy.kind not in (
        "internship",
        "hospitation",
        "work_trial",
        "eq",
        "ausbildung",
    )
    if skilled and not _occupation(candidate, vacancy.kldb)[1]:
        return "occupation"
    if vacancy.recognition and not candidate.recognised:
        return "recognition"
    return None


def score_vacancy(candidate: CandidateFacts, vacancy: VacancyFacts, *, today: datetime.date, gates: bool = True):
    """(score, parts) of a vacancy for a candidate, or None when a gate closes the pair.

    `gates=False` scores a pair whatever the gates say (pathways: how well would it fit once they are passed).
    """
    if candidate.location is None:
        return None
    if gates and vacancy_gate(candidate, vacancy) is not None:
        return None
    radius = _radius(candidate)
    distance = e.distance_tenths(candidate.location, vacancy.location)
    gap = vacancy.german - candidate.german

    parts = [_occupation(candidate, vacancy.kldb)[0]]

    if vacancy.german == 0:
        parts.append(["german_not_needed", e.GERMAN_ENOUGH, {}])
    else:
        levels = {"have": _level(candidate.german), "need": _level(vacancy.german)}
        if gap <= 0:
            parts.append(["german_enough", e.GERMAN_ENOUGH, levels])
        else:
            parts.append(["german_gap", e.GERMAN_ONE_BELOW, levels])

    parts.append(
        [
            "distance",
            _travel(distance, radius, candidate.transport, e.DISTANCE_POINTS),
            {"km": distance / 10, "transport": candidate.transport},
        ]
    )
    parts.append(_kind(candidate, vacancy.kind, e.KIND_WANTED))

    if candidate.hours is None:
        parts.append(["hours_open", e.HOURS_FIT, {"hours": vacancy.hours}])
    else:
        hours = {"hours": vacancy.hours, "wanted": candidate.hours}
        difference = abs(vacancy.hours - candidate.hours)
        if difference <= e.HOURS_FIT_WITHIN:
            parts.append(["hours_fit", e.HOURS_FIT, hours])
        elif difference <= e.HOURS_NEAR_WITHIN:
            parts.append(["hours_near", e.HOURS_NEAR, hours])
        else:
            parts.append(["hours_far", 0, hours])

    available = _available(candidate, today)
    start = vacancy.start_date if vacancy.start_date is not None and vacancy.start_date > today else today
    if start >= available:
        parts.append(["start_fit", e.START_FIT, {}])
    else:
        points = e.START_SOON if (available - start).days <= e.START_SOON_DAYS else 0
        parts.append(["start_early", points, {"start": start.isoformat(), "available": available.isoformat()}])

    parts.append(_childcare(candidate, vacancy.childcare, e.CHILDCARE_POINTS))

    if not vacancy.shift_work:
        parts.append(["shift_none", e.SHIFT_POINTS, {}])
    elif candidate.shift_work_possible is True:
        parts.append(["shift_ok", e.SHIFT_POINTS, {}])
    else:
        parts.append(["shift_unknown", e.SHIFT_UNKNOWN, {}])

    if vacancy.licences:
        parts.append(["licence_ok", 0, {"classes": sorted(vacancy.licences)}])
    if vacancy.recognition:
        parts.append(["recognition_ok", 0, {}])
    if vacancy.closes_on is not None and 0 <= (vacancy.closes_on - today).days <= e.CLOSING_SOON_DAYS:
        parts.append(["closes_soon", 0, {"date": vacancy.closes_on.isoformat()}])

    return sum(part[1] for part in parts), parts


def _course_kind_fits(candidate: CandidateFacts, kind: str) -> bool:
    german = candidate.german
    wants = candidate.looking_for
    young = candidate.age is not None and 16 <= candidate.age <= 24
    return {
        "literacy": german == 0,
        "integration": german < e.B1,
        "women_parents": german < e.B1 and candidate.childcare_needed is True,
        "job_bsk": german >= e.A2 and bool(wants & {"job", "internship", "hospitation", "work_trial"}),
        "vocational": german >= e.A2 and bool(wants & {"job", "internship", "hospitation", "work_trial"}),
        "azubi_bsk": bool(wants & {"ausbildung", "eq"}) or (not wants and young),
    }.get(kind, False)


def score_course(candidate: CandidateFacts, course: CourseFacts, *, today: datetime.date):
    """(score, parts) of a course for a candidate, or None when a gate closes the pair."""
    wants = candidate.looking_for
    if not (candidate.german < 4 or wants & {"ausbildung", "eq"} or e.LANGUAGE_COURSE in wants):
        return None
    if course.end_date < today:
        return None
    if course.seats_left <= 0 and not course.waiting_list:
        return None
    if candidate.german >= course.level_to or candidate.german < course.level_from - 1:
        return None
    radius = _radius(candidate)
    if course.location is None:
        distance = 0
    else:
        if candidate.location is None:
            return None
        distance = e.distance_tenths(candidate.location, course.location)
        if not _reach(candidate, distance):
            return None

    parts = []
    if candidate.german == course.level_from:
        parts.append(["level_start", e.LEVEL_START, {"from": _level(course.level_from), "to": _level(course.level_to)}])
    elif candidate.german > course.level_from:
        parts.append(
            ["level_continue", e.LEVEL_CONTINUE, {"have": _level(candidate.german), "to": _level(course.level_to)}]
        )
    else:
        parts.append(
            ["level_below", e.LEVEL_BELOW, {"have": _level(candidate.german), "from": _level(course.level_from)}]
        )

    if _course_kind_fits(candidate, course.kind):
        parts.append(["course_kind_fit", e.COURSE_KIND_FIT, {"kind": course.kind}])
    else:
        parts.append(["course_kind_other", e.COURSE_KIND_OTHER, {"kind": course.kind}])

    if course.subject not in e.SUBJECT_FIELDS:
        parts.append(["subject_general", e.COURSE_SUBJECT_GENERAL, {}])
    elif any(kldb // 1000 in e.SUBJECT_FIELDS[course.subject] for kldb, _years in candidate.occupations):
        parts.append(["subject_fit", e.COURSE_SUBJECT_FIT, {"subject": course.subject}])
    else:
        parts.append(["subject_other", 0, {"subject": course.subject}])

    if course.location is None:
        parts.append(["online", e.COURSE_PLACE, {}])
    else:
        parts.append(
            [
                "distance",
                _travel(distance, radius, candidate.transport, e.COURSE_PLACE),
                {"km": distance / 10, "transport": candidate.transport},
            ]
        )

    available = _available(candidate, today)
    start = course.start_date
    if start >= available and (start - available).days <= e.COURSE_START_SOON_DAYS:
        parts.append(["course_start_soon", e.COURSE_START_SOON, {"start": start.isoformat()}])
    elif start >= available:
        parts.append(["course_start_later", e.COURSE_START_LATER, {"start": start.isoformat()}])
    elif start < today:
        parts.append(["course_running", e.COURSE_START_OTHER, {"start": start.isoformat()}])
    else:
        parts.append(
            [
                "course_start_early",
                e.COURSE_START_OTHER,
                {"start": start.isoformat(), "available": available.isoformat()},
            ]
        )

    if course.seats_left > 0:
        parts.append(["seats_free", e.COURSE_SEATS, {"seats": course.seats_left}])
    else:
        parts.append(["waiting_list", 0, {}])
    parts.append(_childcare(candidate, course.childcare, e.COURSE_CHILDCARE))
    if candidate.childcare_needed is True and course.schedule == e.FULL_TIME:
        parts.append(["schedule_full_time", e.COURSE_SCHEDULE_FULL_TIME, {}])
    else:
        parts.append(["schedule_fit", e.COURSE_SCHEDULE_FIT, {"schedule": course.schedule}])
    if e.LANGUAGE_COURSE in wants:
        parts.append(["kind_wanted", e.COURSE_KIND_WANTED, {"kind": e.LANGUAGE_COURSE}])
    else:
        parts.append(["kind_open", 0, {"kind": e.LANGUAGE_COURSE}])

    return sum(part[1] for part in parts), parts


def best_vacancies(
    candidate: CandidateFacts,
    vacancies: Iterable[VacancyFacts],
    *,
    today: datetime.date,
    limit: int = e.MAX_VACANCY_MATCHES,
) -> list[Scored]:
    """Every vacancy scored, the excluded and weak ones dropped, the best `limit` kept."""
    scored = []
    for vacancy in vacancies:
        result = score_vacancy(candidate, vacancy, today=today)
        if result is None or result[0] < e.MIN_SCORE:
            continue
        score, parts = result
        distance = e.distance_tenths(candidate.location, vacancy.location)
        scored.append(Scored(vacancy.id, score, distance, e.dumps(parts)))
    scored.sort(key=lambda s: (-s.score, s.distance, s.target_id))
    return scored[:limit]


def best_courses(
    candidate: CandidateFacts,
    courses: Iterable[CourseFacts],
    *,
    today: datetime.date,
    limit: int = e.MAX_COURSE_MATCHES,
) -> list[Scored]:
    scored = []
    for course in courses:
        result = score_course(candidate, course, today=today)
        if result is None or result[0] < e.MIN_SCORE:
            continue
        score, parts = result
        distance = 0 if course.location is None else e.distance_tenths(candidate.location, course.location)
        scored.append(Scored(course.id, score, distance, e.dumps(parts)))
    scored.sort(key=lambda s: (-s.score, s.distance, s.target_id))
    return scored[:limit]

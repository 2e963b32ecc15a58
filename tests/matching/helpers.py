"""Facts for engine tests: a candidate in Hannover and offers around Lower Saxony."""

import datetime

from matching.engine import CandidateFacts, CourseFacts, VacancyFacts
from places.geo import coordinates_of

TODAY = datetime.date(2026, 3, 2)
HANNOVER = coordinates_of("30159")
LANGENHAGEN = coordinates_of("30851")  # about 6 km north of Hannover's centre
NIENBURG = coordinates_of("31582")  # about 45 km north-west
GOETTINGEN = coordinates_of("37073")  # about 100 km south
PAINTER, VARNISHER, PLASTERER, COOK = 33302, 33301, 33201, 29302


def candidate(**changes) -> CandidateFacts:
    values = {
        "id": 1,
        "german": 2,
        "looking_for": frozenset({"job"}),
        "hours": 38,
        "location": HANNOVER,
        "radius_km": 30,
        "transport": "car",
        "occupations": ((PAINTER, 5),),
        "childcare_needed": False,
        "shift_work_possible": True,
    }
    values.update(changes)
    return CandidateFacts(**values)


def vacancy(**changes) -> VacancyFacts:
    values = {"id": 10, "kind": "job", "kldb": PAINTER, "german": 2, "location": LANGENHAGEN, "hours": 38}
    values.update(changes)
    return VacancyFacts(**values)


def course(**changes) -> CourseFacts:
    values = {
        "id": 20,
        "kind": "job_bsk",
        "level_from": 2,
        "level_to": 3,
        "location": LANGENHAGEN,
        "start_date": TODAY + datetime.timedelta(days=20),
        "end_date": TODAY + datetime.timedelta(days=140),
    }
    values.update(changes)
    return CourseFacts(**values)


def parts_by_code(parts) -> dict:
    return {code: (points, params) for code, points, params in parts}

"""Small worlds of candidates, vacancies and courses in the database, built from the shared factories."""

import datetime

from django.utils import timezone

from tests.factories import (
    CandidateOccupationFactory,
    CandidateProfileFactory,
    CourseFactory,
    OccupationFactory,
    OccupationFieldFactory,
    PublishedVacancyFactory,
)


def occupation(kldb: str = "33302", name: str = "Maler/in"):
    field = OccupationFieldFactory(code=kldb[:2])
    return OccupationFactory(kldb_code=kldb, field=field, names={"de": name, "en": name, "ar": name})


def candidate(*, occupations=(), **fields):
    """A candidate in Hannover with A2 German looking for a job or a language course, 30 km by public transport."""
    values = {
        "german_level": "A2",
        "looking_for": ["job", "language_course"],
        "hours_per_week": 38,
        "postal_code": "30159",
        "travel_radius_km": 30,
        "transport": "public",
        "childcare_needed": False,
        "shift_work_possible": True,
        "visible_to_employers": True,
    }
    values.update(fields)
    profile = CandidateProfileFactory(**values)
    for entry, years in occupations:
        CandidateOccupationFactory(profile=profile, occupation=entry, years_experience=years)
    return profile


def vacancy(*, occupation, **fields):
    values = {"postal_code": "30159", "german_level_required": "A2", "hours_per_week": 38}
    values.update(fields)
    if values.get("kind") in ("eq", "internship", "hospitation", "work_trial"):
        values.setdefault("duration_weeks", 2)
    return PublishedVacancyFactory(occupation=occupation, **values)


def course(**fields):
    values = {
        "kind": "job_bsk",
        "level_from": "A2",
        "level_to": "B1",
        "postal_code": "30159",
        "start_date": timezone.localdate() + datetime.timedelta(days=30),
    }
    values.update(fields)
    return CourseFactory(**values)

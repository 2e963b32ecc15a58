"""Celery tasks of the matching engine: thin, take ids, read fresh rows, call one service, retry on failure.

Every task is idempotent (a recomputation writes only the difference to what is stored), so a retry or a
redelivery after a killed worker (acks_late) changes nothing that a single run would not.
"""

from celery import shared_task

from courses.models import Course
from employers.models import Vacancy
from portal.models import CandidateProfile

from .digests import match_digests_send
from .services import (
    match_recompute_all,
    match_recompute_chunk,
    match_recompute_for_candidate,
    match_recompute_for_course,
    match_recompute_for_vacancy,
    match_recompute_started,
)

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "retry_backoff_max": 600, "max_retries": 5}


@shared_task(**RETRY)
def recompute_candidate(profile_id: int) -> dict:
    match_recompute_started(kind="candidate", object_id=profile_id)
    profile = CandidateProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        return {}
    return match_recompute_for_candidate(profile=profile).as_dict()


@shared_task(**RETRY)
def recompute_vacancy(vacancy_id: int) -> dict:
    match_recompute_started(kind="vacancy", object_id=vacancy_id)
    vacancy = Vacancy.objects.filter(pk=vacancy_id).first()
    if vacancy is None:
        return {}  # deleted: its matches went with it
    return match_recompute_for_vacancy(vacancy=vacancy).as_dict()


@shared_task(**RETRY)
def recompute_course(course_id: int) -> dict:
    match_recompute_started(kind="course", object_id=course_id)
    course = Course.objects.filter(pk=course_id).first()
    if course is None:
        return {}
    return match_recompute_for_course(course=course).as_dict()


@shared_task(**RETRY)
def recompute_chunk(first_id: int, last_id: int) -> dict:
    return match_recompute_chunk(first_id=first_id, last_id=last_id).as_dict()


@shared_task(**RETRY)
def recompute_all() -> int:
    """The nightly full recomputation: queues one task per chunk of candidate ids."""
    return match_recompute_all()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def send_match_digests() -> dict:
    """Every morning: the day's digests of new matches (a retry or a second run sends nothing twice)."""
    return match_digests_send()

"""Recomputation after a commit: queued once per change, never for a rolled-back one (real commits here)."""

import pytest
from celery.signals import before_task_publish, task_prerun
from django.db import transaction

from config.celery import app as celery_app
from employers.services import vacancy_mark_filled, vacancy_publish
from matching.models import Match, MatchKind
from matching.services import match_recompute_for_candidate, match_recompute_later
from matching.tasks import recompute_candidate
from tests.factories import DraftVacancyFactory

from . import world

pytestmark = pytest.mark.django_db(transaction=True)


def stored(profile, kind=MatchKind.VACANCY):
    field = "vacancy_id" if kind == MatchKind.VACANCY else "course_id"
    return {getattr(m, field): m.score for m in Match.objects.filter(profile=profile, kind=kind)}


@pytest.fixture
def painter():
    return world.occupation("33302", "Maler/in")


def test_a_profile_change_recomputes_through_the_task_after_commit(painter):
    profile = world.candidate(occupations=[(painter, 2)], travel_radius_km=5)
    nienburg = world.vacancy(occupation=painter, postal_code="31582")
    recompute_candidate.delay(profile.pk)
    assert nienburg.pk not in stored(profile)

    with transaction.atomic():
        profile.travel_radius_km = 60
        profile.save()
        match_recompute_later(candidate_ids=[profile.pk])
        assert nienburg.pk not in stored(profile)  # nothing happens before the commit

    assert nienburg.pk in stored(profile)


@pytest.fixture
def task_runs():
    runs = []

    def count(sender=None, task_id=None, task=None, args=None, **kwargs):
        runs.append((task.name, tuple(args)))

    task_prerun.connect(count)
    yield runs
    task_prerun.disconnect(count)


def test_the_same_change_recomputes_once_however_often_it_is_announced(painter, task_runs):
    profile = world.candidate(occupations=[(painter, 2)])
    world.vacancy(occupation=painter)
    with transaction.atomic():
        match_recompute_later(candidate_ids=[profile.pk])
        with transaction.atomic():
            match_recompute_later(candidate_ids=[profile.pk, profile.pk])
        match_recompute_later(candidate_ids=[profile.pk])

    assert task_runs == [("matching.tasks.recompute_candidate", (profile.pk,))]
    assert len(stored(profile)) == 1


def test_a_rolled_back_change_queues_nothing(painter, task_runs):
    profile = world.candidate(occupations=[(painter, 2)])
    with transaction.atomic():
        match_recompute_later(candidate_ids=[profile.pk])
        try:
            with transaction.atomic():
                match_recompute_later(vacancy_ids=[12345])
                raise RuntimeError("the form was invalid")
        except RuntimeError:
            pass
    assert task_runs == [("matching.tasks.recompute_candidate", (profile.pk,))]


@pytest.fixture
def queued():
    """Tasks go to an in-memory broker of their own instead of running; every message sent is recorded."""
    sent = []

    def record(sender=None, body=None, **kwargs):
        sent.append((sender, list(body[0])))

    def use(url):
        # Pools are kept per broker URL; the app only forgets which one it uses, so nothing is closed.
        celery_app.conf.broker_url = url
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager = False
    use("memory://matching-tests/")
    before_task_publish.connect(record)
    yield sent
    before_task_publish.disconnect(record)
    celery_app.conf.task_always_eager = previous[0]
    use(previous[1])


def test_a_queued_recomputation_is_not_queued_again_before_it_starts(painter, queued):
    profile = world.candidate(occupations=[(painter, 2)])
    for _change in range(3):
        with transaction.atomic():
            match_recompute_later(candidate_ids=[profile.pk])
    assert queued == [("matching.tasks.recompute_candidate", [profile.pk])]

    recompute_candidate.apply(args=[profile.pk])  # a worker takes the task: later changes need a new one
    with transaction.atomic():
        match_recompute_later(candidate_ids=[profile.pk])
    assert len(queued) == 2


def test_publishing_and_filling_a_vacancy_updates_matches_after_commit(painter):
    profile = world.candidate(occupations=[(painter, 2)])
    draft = DraftVacancyFactory(occupation=painter, postal_code="30851")
    match_recompute_for_candidate(profile=profile)
    assert stored(profile) == {}

    with transaction.atomic():
        vacancy_publish(vacancy=draft)
        assert stored(profile) == {}
    assert draft.pk in stored(profile)

    with transaction.atomic():
        vacancy_mark_filled(vacancy=draft)
    assert stored(profile) == {}


def test_saving_the_place_step_in_the_onboarding_recomputes_the_candidates_matches(client, painter):
    profile = world.candidate(occupations=[(painter, 2)], travel_radius_km=5)
    nienburg = world.vacancy(occupation=painter, postal_code="31582")
    recompute_candidate.delay(profile.pk)
    assert nienburg.pk not in stored(profile)
    client.force_login(profile.user)

    response = client.post(
        "/de/candidate/onboarding/place/",
        {"postal_code": profile.postal_code, "travel_radius_km": 80, "transport": "public", "action": "continue"},
    )

    assert response.status_code == 302
    assert nienburg.pk in stored(profile)


def test_publishing_a_course_recomputes_the_candidates_near_it(painter):
    from courses.services import course_publish
    from tests.factories import DraftCourseFactory

    profile = world.candidate(occupations=[(painter, 2)], german_level="A2", looking_for=["job", "language_course"])
    course = DraftCourseFactory(postal_code=profile.postal_code, level_from="A2", level_to="B1")
    recompute_candidate.delay(profile.pk)
    assert course.pk not in stored(profile, MatchKind.COURSE)

    with transaction.atomic():
        course_publish(course=course)

    assert course.pk in stored(profile, MatchKind.COURSE)

"""The nightly Celery beat job closes published vacancies whose date has passed."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from employers.models import Vacancy, VacancyStatus
from employers.services import vacancies_expire_due
from employers.tasks import expire_vacancies
from tests.factories import DraftVacancyFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_the_job_expires_published_vacancies_whose_date_has_passed_and_nothing_else():
    due = PublishedVacancyFactory(expires_on=days(-1))
    long_due = PublishedVacancyFactory(expires_on=days(-40))
    today = PublishedVacancyFactory(expires_on=days(0))
    future = PublishedVacancyFactory(expires_on=days(10))
    open_ended = PublishedVacancyFactory(expires_on=None)
    draft = DraftVacancyFactory(expires_on=days(-1))

    assert expire_vacancies.delay().get() == 2

    status = dict(Vacancy.objects.values_list("pk", "status"))
    assert status[due.pk] == status[long_due.pk] == VacancyStatus.EXPIRED
    assert status[today.pk] == status[future.pk] == status[open_ended.pk] == VacancyStatus.PUBLISHED
    assert status[draft.pk] == VacancyStatus.DRAFT


def test_running_the_job_twice_changes_nothing_the_second_time():
    vacancy = PublishedVacancyFactory(expires_on=days(-1))
    expire_vacancies.delay()
    vacancy.refresh_from_db()
    updated_at = vacancy.updated_at

    assert expire_vacancies.delay().get() == 0

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.EXPIRED
    assert vacancy.updated_at == updated_at


def test_the_job_works_in_batches_until_everything_due_is_closed():
    PublishedVacancyFactory.create_batch(5, expires_on=days(-2))

    assert vacancies_expire_due(batch_size=2) == 5

    assert not Vacancy.objects.published().exists()


def test_an_expired_vacancy_is_gone_from_the_published_list():
    vacancy = PublishedVacancyFactory(expires_on=days(-1))

    expire_vacancies.delay()

    assert not Vacancy.objects.published().filter(pk=vacancy.pk).exists()


def test_celery_beat_runs_the_job_every_night():
    schedule = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "employers.tasks.expire_vacancies" in schedule
    assert "accounts.tasks.expire_invitations" in schedule

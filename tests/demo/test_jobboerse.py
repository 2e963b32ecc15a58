"""`make run` shows imported Jobbörse offers without a network: the recorded sample goes through the sync."""

import pytest

from demo.services import demo_seed
from employers.models import Vacancy, VacancySource, VacancyStatus
from jobboerse.models import Listing, ListingStatus, SyncRun, SyncRunStatus
from jobboerse.recorded import load_sample

pytestmark = pytest.mark.django_db


def test_the_demo_imports_the_recorded_sample_once_and_links_the_demo_employers_own_offer():
    demo_seed()
    run = SyncRun.objects.get()
    imported = Vacancy.objects.filter(source=VacancySource.JOBBOERSE, status=VacancyStatus.PUBLISHED)

    assert run.status == SyncRunStatus.COMPLETED and run.seen == len(load_sample())
    assert imported.count() == run.added >= 0.9 * run.seen - run.linked - run.unmapped
    assert run.added + run.linked + run.unmapped == run.seen
    linked = Listing.objects.get(status=ListingStatus.LINKED)
    assert (linked.vacancy.organisation.name, linked.vacancy.source) == ("Lahe Logistik GmbH", VacancySource.BRUECKE)
    # Every imported offer dates from the day of seeding on.
    assert not imported.filter(start_date__lt=run.started_at.date()).exists()

    demo_seed()

    again = SyncRun.objects.latest("started_at")
    assert (again.added, again.updated, again.expired) == (0, 0, 0)
    assert Vacancy.objects.filter(source=VacancySource.JOBBOERSE).count() == imported.count()

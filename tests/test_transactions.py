"""common.transactions.on_commit_once: work asked for many times in one transaction runs once after the commit,
never for what was rolled back (real commits here)."""

import pytest
from django.db import transaction

from common.transactions import on_commit_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ran():
    return []


def test_many_calls_in_one_transaction_run_once_after_the_commit(ran):
    with transaction.atomic():
        for _ in range(3):
            on_commit_once("announce", lambda: ran.append("announce"))
        with transaction.atomic():
            on_commit_once("announce", lambda: ran.append("announce"))
        on_commit_once("other", lambda: ran.append("other"))
        assert ran == []  # nothing before the commit
    assert ran == ["announce", "other"]


def test_each_transaction_runs_its_own(ran):
    for _ in range(2):
        with transaction.atomic():
            on_commit_once("announce", lambda: ran.append("announce"))
            on_commit_once("announce", lambda: ran.append("announce"))
    assert ran == ["announce", "announce"]


def test_nothing_runs_for_a_rolled_back_transaction_and_the_next_one_still_runs(ran):
    with pytest.raises(RuntimeError), transaction.atomic():
        on_commit_once("announce", lambda: ran.append("rolled back"))
        raise RuntimeError
    with transaction.atomic():
        on_commit_once("announce", lambda: ran.append("committed"))
    assert ran == ["committed"]


def test_a_call_in_a_rolled_back_savepoint_does_not_stop_the_same_call_outside_it(ran):
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            on_commit_once("announce", lambda: ran.append("inside"))
            raise RuntimeError
        on_commit_once("announce", lambda: ran.append("outside"))
    assert ran == ["outside"]


def test_a_call_outside_a_rolled_back_savepoint_still_runs(ran):
    with transaction.atomic():
        on_commit_once("announce", lambda: ran.append("outside"))
        with pytest.raises(RuntimeError), transaction.atomic():
            on_commit_once("announce", lambda: ran.append("inside"))
            raise RuntimeError
    assert ran == ["outside"]


def test_outside_a_transaction_it_runs_at_once(ran):
    on_commit_once("announce", lambda: ran.append("announce"))
    on_commit_once("announce", lambda: ran.append("announce"))
    assert ran == ["announce", "announce"]

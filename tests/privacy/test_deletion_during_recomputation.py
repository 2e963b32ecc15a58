"""A candidate deleted while the recomputation writes their matches leaves no match behind (PostgreSQL)."""

import threading

import psycopg
import pytest
from django.db import connection

from matching.models import Match, MatchKind
from matching.store import LOCK_BLOCK, LOCK_NAMESPACE
from privacy.services import account_delete
from tests.conftest import skip_or_fail
from tests.factories import CompleteCandidateProfileFactory, PublishedVacancyFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_deletion_waits_for_a_running_recomputation_and_removes_the_rows_it_wrote():
    if connection.vendor != "postgresql":
        skip_or_fail("Needs PostgreSQL (advisory locks).")
    profile = CompleteCandidateProfileFactory()
    vacancy = PublishedVacancyFactory()
    db = connection.settings_dict
    # A second session plays the recomputation: it holds the candidate's block lock while it writes a match.
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], dbname=db["NAME"]
    ) as recomputation:
        recomputation.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, profile.pk // LOCK_BLOCK])
        done = threading.Event()

        def delete():
            try:
                account_delete(user=profile.user)
            finally:
                connection.close()
                done.set()

        deleting = threading.Thread(target=delete)
        deleting.start()
        assert not done.wait(1.5), "the deletion did not wait for the recomputation's lock"
        recomputation.execute(
            "INSERT INTO matching_match (profile_id, kind, vacancy_id, score, parts, fingerprint, created_at, "
            "computed_at) VALUES (%s, %s, %s, 75, '[]', 1, now(), now())",
            [profile.pk, MatchKind.VACANCY, vacancy.pk],
        )
        recomputation.commit()
        deleting.join(30)

    assert done.is_set()
    assert not Match.objects.filter(profile_id=profile.pk).exists()

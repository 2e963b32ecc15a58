"""The sync against a local Jobbörse: paging, new, changed, vanished and malformed ads, faults and resuming."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from werkzeug import Response

from applications.services import application_submit
from employers.models import Organisation, Vacancy, VacancySource, VacancyStatus
from employers.services import vacancy_unpublish
from jobboerse import services
from jobboerse.client import CircuitBreaker
from jobboerse.models import Listing, ListingStatus, OccupationMapping, SyncRun, SyncRunStatus
from jobboerse.services import jobboerse_sync
from matching.models import Match
from occupations.models import Occupation
from tests.factories import (
    AdminFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    OrganisationFactory,
    PublishedVacancyFactory,
)

from .ads import job_details
from .conftest import HANNOVER, TODAY

pytestmark = pytest.mark.django_db


def sync(api_client):
    return jobboerse_sync(source=api_client, areas=HANNOVER, today=TODAY)


def test_new_ads_become_published_offers_marked_as_from_the_jobboerse(jobboerse, api_client):
    jobboerse.put(
        job_details("10000-1190000001-S", title="Lagerhelfer (m/w/d)"),
        job_details("10000-1190000002-S", title="Ausbildung Koch (m/w/d)", beruf="Koch/Köchin", offer="AUSBILDUNG"),
    )

    run = sync(api_client)

    assert (run.status, run.added, run.seen, run.failed, run.unmapped) == (SyncRunStatus.COMPLETED, 2, 2, 0, 0)
    assert run.search_complete and run.queries_done == run.queries_total == 12
    job = Vacancy.objects.get(external_reference="10000-1190000001-S")
    assert (job.status, job.source, job.kind, job.occupation.kldb_code) == ("published", "jobboerse", "job", "51311")
    assert job.external_url == "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1190000001-S"
    assert job.organisation.name == "Weser Logistik GmbH"
    assert job.organisation.is_external and not job.organisation.memberships.exists()
    assert job.fixed_term is False
    # Both ads have the same employer: one stand-in organisation.
    assert Vacancy.objects.get(external_reference="10000-1190000002-S").organisation == job.organisation


def test_search_results_are_paged_through(jobboerse, api_client, monkeypatch):
    monkeypatch.setattr(services, "PAGE_SIZE", 2)
    jobboerse.put(*(job_details(f"10000-119000000{n}-S") for n in range(5)))

    run = sync(api_client)

    assert run.added == 5
    full_time = [r.args.to_dict() for r in jobboerse.requests("/pc/v4/jobs") if r.args["arbeitszeit"] == "vz"]
    pages = [(r["angebotsart"], r["page"]) for r in full_time]
    assert pages == [("1", "1"), ("1", "2"), ("1", "3"), ("4", "1"), ("34", "1")]


def test_an_ad_found_by_several_searches_is_imported_once(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S", models=("VOLLZEIT", "SCHICHT_NACHTARBEIT_WOCHENENDE")))

    run = sync(api_client)

    assert run.added == 1 and Vacancy.objects.count() == 1
    assert Listing.objects.get().working_times == ["vz", "snw"]
    assert len(jobboerse.requests("/jobdetails/")) == 1


def test_a_second_run_without_changes_fetches_no_details_and_changes_nothing(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S"))
    sync(api_client)
    before = Vacancy.objects.values_list("updated_at", flat=True).get()

    run = sync(api_client)

    assert (run.added, run.updated, run.expired, run.seen) == (0, 0, 0, 1)
    assert len(jobboerse.requests("/jobdetails/")) == 1
    assert Vacancy.objects.values_list("updated_at", flat=True).get() == before


def test_a_changed_ad_updates_its_offer(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S", title="Lagerhelfer (m/w/d)"))
    sync(api_client)
    jobboerse.put(
        job_details(
            "10000-1190000001-S",
            title="Lagerhelfer (m/w/d) Teilzeit",
            models=("TEILZEIT",),
            modified="2026-11-28T08:00",
        )
    )

    run = sync(api_client)

    assert (run.added, run.updated) == (0, 1)
    vacancy = Vacancy.objects.get()
    assert (vacancy.title, vacancy.hours_per_week, vacancy.status) == ("Lagerhelfer (m/w/d) Teilzeit", 20, "published")


def test_a_vanished_ad_expires_and_its_matches_are_dropped(jobboerse, api_client, django_capture_on_commit_callbacks):
    candidate = CompleteCandidateProfileFactory(postal_code="30159")
    jobboerse.put(job_details("10000-1190000001-S", beruf="Helfer/in - Lagerwirtschaft"))
    jobboerse.put(job_details("10000-1190000002-S", title="Staplerfahrer (m/w/d)", beruf="Staplerfahrer/in"))
    with django_capture_on_commit_callbacks(execute=True):
        sync(api_client)
    gone = Vacancy.objects.get(external_reference="10000-1190000001-S")
    assert Match.objects.filter(profile=candidate, vacancy=gone).exists()
    jobboerse.remove("10000-1190000001-S")
    # The test's transaction never commits; a real commit empties this list, so matching queues anew.
    connection.run_on_commit.clear()

    with django_capture_on_commit_callbacks(execute=True):
        run = sync(api_client)

    assert run.expired == 1
    gone.refresh_from_db()
    assert gone.status == VacancyStatus.EXPIRED
    assert Listing.objects.get(refnr="10000-1190000001-S").status == ListingStatus.GONE
    assert not Match.objects.filter(vacancy=gone).exists()
    assert Vacancy.objects.get(external_reference="10000-1190000002-S").status == VacancyStatus.PUBLISHED


def test_an_ad_that_comes_back_is_published_again(jobboerse, api_client):
    ad = job_details("10000-1190000001-S")
    jobboerse.put(ad)
    sync(api_client)
    jobboerse.remove("10000-1190000001-S")
    sync(api_client)
    jobboerse.put(ad)

    run = sync(api_client)

    assert run.updated == 1
    assert Vacancy.objects.get().status == VacancyStatus.PUBLISHED


def test_malformed_entries_are_counted_and_the_rest_imported(jobboerse, api_client):
    broken = job_details("10000-1190000002-S")
    broken["freieBezeichnung"] = broken["hauptberuf"] = ""
    jobboerse.put(job_details("10000-1190000001-S"), broken)

    def search_with_an_entry_without_refnr(request):
        first_search = request.args.get("arbeitszeit") == "vz" and request.args.get("angebotsart") == "1"
        if request.path.endswith("/pc/v4/jobs") and first_search:
            body = jobboerse.recorded.search(**request.args.to_dict())
            body["stellenangebote"].append({"beruf": "Koch/Köchin", "arbeitgeber": "Ohne Nummer"})
            import json

            return Response(json.dumps(body), content_type="application/json")
        return None

    jobboerse.faults.append(search_with_an_entry_without_refnr)

    run = sync(api_client)

    assert run.status == SyncRunStatus.COMPLETED
    assert (run.added, run.failed) == (1, 2)
    listing = Listing.objects.get(refnr="10000-1190000002-S")
    assert (listing.status, listing.last_error) == (ListingStatus.FAILED, "no title")
    assert not Vacancy.objects.filter(external_reference="10000-1190000002-S").exists()


def test_a_429_during_the_sync_is_waited_out(jobboerse, api_client, sleeps):
    jobboerse.put(job_details("10000-1190000001-S"))
    told = []

    def too_many_once(request):
        if "/jobdetails/" in request.path and not told:
            told.append(request)
            return Response("{}", status=429, headers={"Retry-After": "2"})
        return None

    jobboerse.faults.append(too_many_once)

    run = sync(api_client)

    assert (run.status, run.added) == (SyncRunStatus.COMPLETED, 1)
    assert 2.0 in sleeps


def test_a_run_failing_halfway_keeps_what_it_stored_and_the_next_one_resumes(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S"), job_details("10000-1190000002-S"))
    stalled = []

    def second_details_time_out(request):
        if request.path.endswith("/pc/v4/jobdetails/MTAwMDAtMTE5MDAwMDAwMi1T") and not stalled:
            time.sleep(0.6)  # longer than the client's timeout, every attempt
            return Response("{}", content_type="application/json")
        return None

    jobboerse.faults.append(second_details_time_out)
    api_client._http.timeout = __import__("httpx").Timeout(0.1)

    failed = sync(api_client)

    assert failed.status == SyncRunStatus.FAILED and "timeout" in failed.error
    assert Vacancy.objects.get().external_reference == "10000-1190000001-S"  # the first ad is fully imported
    assert Listing.objects.get(refnr="10000-1190000002-S").needs_details  # the second one waits
    assert failed.expired == 0

    stalled.append(True)
    CircuitBreaker().reset()
    resumed = sync(api_client)

    assert resumed.pk == failed.pk and resumed.resumed == 1
    assert resumed.status == SyncRunStatus.COMPLETED
    assert Vacancy.objects.filter(source=VacancySource.JOBBOERSE).count() == 2
    assert SyncRun.objects.count() == 1


def test_a_failed_search_expires_nothing(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S"))
    sync(api_client)
    jobboerse.faults.append(lambda request: Response("down", status=500) if "/pc/v4/jobs" in request.path else None)

    run = sync(api_client)

    assert run.status == SyncRunStatus.FAILED and not run.search_complete
    assert Vacancy.objects.get().status == VacancyStatus.PUBLISHED


def test_while_the_circuit_is_open_a_run_is_recorded_as_skipped(jobboerse, api_client):
    CircuitBreaker(threshold=1).failure()

    run = sync(api_client)

    assert run.status == SyncRunStatus.SKIPPED
    assert jobboerse.requests("/") == []


def test_a_search_with_more_results_than_the_api_pages_through_is_split(jobboerse, api_client, monkeypatch):
    monkeypatch.setattr(services, "MAX_RESULTS_PER_SEARCH", 1)
    jobboerse.put(job_details("10000-1190000001-S", fixed_term="BEFRISTET"), job_details("10000-1190000002-S"))

    run = sync(api_client)

    assert run.added == 2 and run.search_complete
    split = {r.args.get("befristung") for r in jobboerse.requests("/pc/v4/jobs") if r.args["angebotsart"] == "1"}
    assert split >= {"1", "2"}


def test_an_employers_own_offer_in_bruecke_is_linked_instead_of_shown_twice(jobboerse, api_client):
    own = PublishedVacancyFactory(
        organisation=OrganisationFactory(name="Weser Logistik GmbH & Co. KG"),
        title="Lagerhelfer (m/w/d)",
        postal_code="30159",
    )
    jobboerse.put(job_details("10000-1190000001-S", employer="Weser Logistik GmbH", title="Lagerhelfer (m/w/d)"))

    run = sync(api_client)

    assert (run.linked, run.added) == (1, 0)
    listing = Listing.objects.get()
    assert (listing.status, listing.vacancy) == (ListingStatus.LINKED, own)
    assert not Vacancy.objects.filter(source=VacancySource.JOBBOERSE).exists()


def test_an_offer_the_employer_publishes_later_replaces_the_import(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S", employer="Weser Logistik GmbH", title="Lagerhelfer (m/w/d)"))
    sync(api_client)
    imported = Vacancy.objects.get()
    own = PublishedVacancyFactory(
        organisation=OrganisationFactory(name="Weser Logistik GmbH"), title="Lagerhelfer (m/w/d)", postal_code="30159"
    )

    run = sync(api_client)

    assert run.linked == 1
    imported.refresh_from_db()
    assert imported.status == VacancyStatus.EXPIRED
    assert Listing.objects.get().vacancy == own


def test_an_imported_offer_a_moderator_took_offline_stays_offline(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S"))
    sync(api_client)
    vacancy_unpublish(vacancy=Vacancy.objects.get(), by=AdminFactory(), reason="Unseriös")
    jobboerse.put(job_details("10000-1190000001-S", title="Lagerhelfer (m/w/d) neu", modified="2026-11-29T09:00"))

    sync(api_client)

    vacancy = Vacancy.objects.get()
    assert (vacancy.title, vacancy.status) == ("Lagerhelfer (m/w/d) neu", VacancyStatus.DRAFT)


def test_an_unplaced_occupation_waits_for_a_coordinator_whose_mapping_is_remembered(
    jobboerse, api_client, django_capture_on_commit_callbacks
):
    jobboerse.put(job_details("10000-1190000001-S", beruf="Sozialassistent/in", title="Sozialassistent (m/w/d)"))
    run = sync(api_client)
    assert (run.added, run.unmapped) == (0, 1)
    mapping = OccupationMapping.objects.get(text="Sozialassistent/in")
    from occupations.models import Occupation

    educator = Occupation.objects.get(kldb_code="83112")
    with django_capture_on_commit_callbacks(execute=True):
        services.occupation_mapping_set(mapping=mapping, occupation=educator, by=CoordinatorFactory())

    assert Vacancy.objects.get().occupation == educator
    assert Listing.objects.get().status == ListingStatus.IMPORTED
    jobboerse.put(job_details("10000-1190000002-S", beruf="Sozialassistent/in", title="Sozialassistent Kita"))

    later = sync(api_client)

    assert (later.added, later.unmapped) == (1, 0)
    assert Vacancy.objects.get(external_reference="10000-1190000002-S").occupation == educator


def test_only_coordinators_and_admins_map_occupations(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S", beruf="Sozialassistent/in", title="Sozialassistent (m/w/d)"))
    sync(api_client)
    from django.core.exceptions import PermissionDenied

    from occupations.models import Occupation

    with pytest.raises(PermissionDenied):
        services.occupation_mapping_set(
            mapping=OccupationMapping.objects.get(),
            occupation=Occupation.objects.first(),
            by=CandidateProfileFactory().user,
        )


def test_candidates_apply_for_an_imported_offer_at_the_source_not_in_bruecke(jobboerse, api_client):
    from django.core.exceptions import ValidationError

    jobboerse.put(job_details("10000-1190000001-S"))
    sync(api_client)

    with pytest.raises(ValidationError):
        application_submit(profile=CompleteCandidateProfileFactory(), vacancy=Vacancy.objects.get())


def test_a_run_fetches_a_bounded_number_of_details_and_the_next_one_goes_on(jobboerse, api_client):
    jobboerse.put(*(job_details(f"10000-119000000{n}-S") for n in range(3)))

    first = jobboerse_sync(source=api_client, areas=HANNOVER, today=TODAY, max_details=2)
    second = sync(api_client)

    assert (first.status, first.added, second.added) == (SyncRunStatus.COMPLETED, 2, 1)
    assert Vacancy.objects.count() == 3


def _queries_of_three_runs(jobboerse, api_client, ads: int) -> list[int]:
    """Queries of a first import of `ads` ads (each of another employer, every third with an occupation the
    rules cannot place), of a run where all of them changed, and of one where all are gone."""
    refnrs = [f"10000-12{ads:02d}{n:06d}-S" for n in range(ads)]
    for n, refnr in enumerate(refnrs):
        beruf = f"Sonderberuf {n}" if n % 3 == 2 else "Helfer/in - Lagerwirtschaft"
        title = f"Sondertätigkeit {n}" if n % 3 == 2 else "Lagerhelfer (m/w/d)"
        jobboerse.put(job_details(refnr, employer=f"Firma {n} GmbH", beruf=beruf, title=title))
    counts = []
    with CaptureQueriesContext(connection) as first:
        assert sync(api_client).added == ads - ads // 3
    counts.append(len(first))
    for refnr in refnrs:
        jobboerse.put(job_details(refnr, title="Lagerhelfer (m/w/d) Teilzeit", modified="2026-11-28T08:00"))
    with CaptureQueriesContext(connection) as changed:
        run = sync(api_client)
    assert (run.updated, run.added) == (ads - ads // 3, ads // 3)  # the unplaced ones became placeable
    counts.append(len(changed))
    for refnr in refnrs:
        jobboerse.remove(refnr)
    with CaptureQueriesContext(connection) as gone:
        assert sync(api_client).expired == ads
    counts.append(len(gone))
    assert Vacancy.objects.filter(status=VacancyStatus.PUBLISHED).count() == 0
    return counts


def test_a_run_needs_the_same_number_of_queries_for_a_few_ads_as_for_many(jobboerse, api_client):
    few = _queries_of_three_runs(jobboerse, api_client, 3)
    for model in (Listing, Vacancy, OccupationMapping, SyncRun):
        model.objects.all().delete()
    Organisation.objects.filter(is_external=True).delete()

    many = _queries_of_three_runs(jobboerse, api_client, 12)

    # All ads fit on one result page and one batch of details: the queries per page do not grow with its size.
    assert many == few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="adds a check constraint to a table")
def test_an_ad_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_imported(jobboerse, api_client):
    # A rule only the database knows (none of the vacancy checks in Python sees it): the batch is refused whole,
    # then its ads are imported one by one.
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE employers_vacancy ADD CONSTRAINT test_no_forbidden_title CHECK (title <> 'Verbotene Stelle')"
        )
    jobboerse.put(
        job_details("10000-1190000001-S", employer="Erste GmbH"),
        job_details("10000-1190000002-S", title="Verbotene Stelle", employer="Zweite GmbH"),
        job_details("10000-1190000003-S", employer="Dritte GmbH"),
    )

    run = sync(api_client)

    assert (run.status, run.added, run.failed) == (SyncRunStatus.COMPLETED, 2, 1)
    refused = Listing.objects.get(refnr="10000-1190000002-S")
    assert refused.status == ListingStatus.FAILED and not refused.needs_details
    assert "test_no_forbidden_title" in refused.last_error
    imported = Vacancy.objects.filter(source=VacancySource.JOBBOERSE)
    assert sorted(imported.values_list("organisation__name", flat=True)) == ["Dritte GmbH", "Erste GmbH"]
    # The refused ad's stand-in employer went with it.
    assert not Organisation.objects.filter(name="Zweite GmbH").exists()


def test_an_imported_job_in_a_regulated_occupation_needs_a_recognised_qualification(jobboerse, api_client):
    Occupation.objects.filter(kldb_code="51311").update(regulated=True)
    jobboerse.put(
        job_details("10000-1190000001-S"),
        job_details("10000-1190000002-S", title="Ausbildung Lagerhelfer (m/w/d)", offer="AUSBILDUNG"),
    )

    sync(api_client)

    job, training = (Vacancy.objects.get(external_reference=f"10000-119000000{n}-S") for n in (1, 2))
    assert job.recognition_required and not training.recognition_required

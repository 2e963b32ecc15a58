"""The supply report as coordinators and admins see it: cached page, CSV, map, the job that fills the cache."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from common.vocabulary import GermanLevel
from courses.models import SupplyReport
from courses.report_services import supply_report_refresh
from courses.tasks import refresh_supply_reports
from tests.factories import (
    FACTORY_BY_ROLE,
    AdminFactory,
    CandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
REPORT_URLS = [
    "courses:supply_report",
    "courses:supply_report_state",
    "courses:supply_report_csv",
    "courses:supply_report_map",
]


@pytest.fixture
def region():
    region = RegionFactory(name="Wendland und Hannover", codes=["30159", "30161", "29439"])
    for _ in range(3):
        CandidateProfileFactory(postal_code="30159", german_level=GermanLevel.A2, travel_radius_km=25)
    CandidateProfileFactory(postal_code="29439", german_level=GermanLevel.A1)
    CourseFactory(
        postal_code="30161",
        level_from=GermanLevel.B1,
        level_to=GermanLevel.B1,
        seats_total=2,
        seats_left=2,
        start_date=datetime.date.today() + datetime.timedelta(days=21),
    )
    return region


@pytest.fixture
def coordinator(region):
    return CoordinatorFactory(region=region)


def parse_svg(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (our own output, parsed to prove it is well-formed XML)


def fake_report(region, **levels) -> SupplyReport:
    """A stored report whose numbers no computation would give, to prove pages only read the cache."""
    rows = [
        {"level": level, "demand": 0, "seats": 0, "courses": 0, "matched": 0, "unmet": 0}
        for level in ["A1", "A2", "B1", "B2", "C1", "C2"]
    ]
    for row in rows:
        row.update(levels.get(row["level"], {}))
    data = {
        "levels": rows,
        "totals": {"demand": 777, "seats": 555, "courses": 9, "matched": 444, "unmet": 333},
        "areas_without_course": [{"postal_code": "29439", "candidates": 12, "nearest_course_km": 98.7}],
        "unmet_places": [{"postal_code": "29439", "lat": 52.98, "lon": 11.16, "unmet": 12}],
        "course_places": [{"postal_code": "30161", "lat": 52.38, "lon": 9.75, "courses": 1, "seats": 2}],
        "extent": [6.6, 51.3, 11.6, 53.91],
        "region_points": [],
    }
    return SupplyReport.objects.create(region=region, data=data, computed_at="2026-03-02T10:20:00+01:00")


# --- the job -----------------------------------------------------------------------------------------------


def test_refresh_stores_the_region_report_with_its_numbers_and_duration(region):
    refresh_supply_reports.delay(scope="region", region_id=region.pk)

    report = SupplyReport.objects.get(region=region)
    b1 = next(row for row in report.data["levels"] if row["level"] == "B1")
    assert (b1["demand"], b1["seats"], b1["unmet"]) == (3, 2, 1)
    assert report.duration_ms >= 0 and report.computed_at is not None


def test_refresh_of_all_reports_stores_the_state_and_every_region_and_changes_nothing_when_repeated(region):
    other = RegionFactory(name="Stadt Osnabrück", codes=["49074"])

    assert refresh_supply_reports.delay().get() == 3
    assert refresh_supply_reports.delay().get() == 3

    assert SupplyReport.objects.count() == 3
    state = SupplyReport.objects.get(region__isnull=True)
    assert state.data["scope"] == "state" and state.data["totals"]["demand"] == 4
    assert SupplyReport.objects.get(region=other).data["totals"]["demand"] == 0


def test_refresh_updates_the_stored_report_when_candidates_change(region):
    first = supply_report_refresh(region=region)
    CandidateProfileFactory(postal_code="30161", german_level=GermanLevel.A2)

    second = supply_report_refresh(region=region)

    assert second.pk == first.pk
    assert second.data["totals"]["demand"] == 5


def test_the_refresh_runs_every_hour():
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["courses.tasks.refresh_supply_reports"].minute == {20}


# --- the page ----------------------------------------------------------------------------------------------


def test_coordinator_sees_the_cached_numbers_of_their_region(client, coordinator, region):
    fake_report(region, B1={"demand": 321, "seats": 123, "matched": 120, "unmet": 201})
    client.force_login(coordinator)

    response = client.get(reverse("courses:supply_report"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Wendland und Hannover" in page
    assert "321" in page and "201" in page and "777" in page and "333" in page
    assert "29439" in page and "98,7" in page
    assert SupplyReport.objects.get(region=region).data["totals"]["demand"] == 777  # nothing recomputed


def test_page_uses_a_fixed_small_number_of_queries_whatever_the_data(client, coordinator, region, settings):
    settings.SCOPED_CACHE_SECONDS = 0  # the page rendered each time (kept whole: tests/test_scoped_cache.py)
    fake_report(region)
    client.force_login(coordinator)
    client.get(reverse("courses:supply_report"))  # the header's unread count is kept after the first page
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("courses:supply_report"))
    for _ in range(20):
        CandidateProfileFactory(postal_code="30159", german_level=GermanLevel.NONE)
        CourseFactory(postal_code="30161")

    with CaptureQueriesContext(connection) as many:
        client.get(reverse("courses:supply_report"))

    assert len(many) == len(few) <= 6  # user, region, report (its figures read as shown), savepoints


def test_without_a_report_the_page_says_so_and_computes_nothing(client, coordinator, region):
    client.force_login(coordinator)

    response = client.get(reverse("courses:supply_report"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Noch nicht berechnet" in page and "Jetzt berechnen" in page and 'method="post"' in page
    assert not SupplyReport.objects.exists()


def test_compute_now_enqueues_the_job_after_commit_and_returns_to_the_page(
    client, coordinator, region, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("courses:supply_report"))

    assert len(callbacks) == 1
    assert response.status_code == 302 and response.url == reverse("courses:supply_report")
    assert SupplyReport.objects.get(region=region).data["totals"]["demand"] == 4
    page = client.get(response.url).content.decode()
    assert "Der Bericht wird berechnet." in page
    assert "Stufe des nächsten Kurses" in page and "So zählen wir" in page


def test_repeated_compute_requests_enqueue_the_job_only_once(
    client, coordinator, region, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("courses:supply_report"))
        client.post(reverse("courses:supply_report"))
        client.post(reverse("courses:supply_report_state"))

    assert len(callbacks) == 2  # the region once, the state once


def test_state_report_is_open_to_coordinators(client, coordinator):
    fake_report(None)
    client.force_login(coordinator)

    response = client.get(reverse("courses:supply_report_state"))

    assert response.status_code == 200
    assert "777" in response.content.decode()


def test_coordinator_cannot_see_another_region_by_changing_the_address(client, coordinator, region):
    other = RegionFactory(name="Landkreis Emsland", codes=["49716"])
    fake_report(region, A1={"demand": 11})
    fake_report(other, A1={"demand": 99999})
    client.force_login(coordinator)

    for name in ["courses:supply_report", "courses:supply_report_csv", "courses:supply_report_map"]:
        response = client.get(reverse(name), {"region": other.pk})
        content = response.content.decode("utf-8-sig")
        assert response.status_code == 200
        assert "Landkreis Emsland" not in content and "99999" not in content


def test_admin_sees_the_state_and_may_pick_any_region(client, region):
    other = RegionFactory(name="Landkreis Emsland", codes=["49716"])
    fake_report(None)
    fake_report(other, A1={"demand": 4242})
    client.force_login(AdminFactory())

    state = client.get(reverse("courses:supply_report")).content.decode()
    picked = client.get(reverse("courses:supply_report"), {"region": other.pk}).content.decode()

    assert "777" in state and "Wendland und Hannover" in state  # offered in the region picker
    assert "4242" in picked and f'value="{other.pk}" selected' in picked
    assert f"{reverse('courses:supply_report_csv')}?region={other.pk}" in picked
    assert client.get(reverse("courses:supply_report"), {"region": 999999}).status_code == 404


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR])
@pytest.mark.parametrize("name", REPORT_URLS)
def test_other_roles_are_refused(client, region, role, name):
    fake_report(None)
    client.force_login(FACTORY_BY_ROLE[role]())

    assert client.get(reverse(name)).status_code == 403
    assert client.post(reverse("courses:supply_report")).status_code == 403
    assert SupplyReport.objects.count() == 1


@pytest.mark.parametrize("name", REPORT_URLS)
def test_anonymous_visitors_must_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_coordinator_dashboard_links_to_the_report(client, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("mentoring:coordinator_dashboard")).content.decode()

    assert reverse("courses:supply_report") in page


# --- CSV and map -------------------------------------------------------------------------------------------


def test_csv_download_holds_the_levels_and_the_areas_without_a_course(client, coordinator, region):
    supply_report_refresh(region=region)
    client.force_login(coordinator)

    response = client.get(reverse("courses:supply_report_csv"))

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="supply-report-wendland-und-hannover-')
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Berichtsgebiet", "Wendland und Hannover"]
    assert ["B1", "3", "2", "2", "1"] in rows
    assert ["A2", "1", "0", "0", "1"] in rows
    area = next(row for row in rows if row and row[0] == "29439")
    assert area[1] == "1" and "," in area[2]  # German decimal comma


def test_state_csv_for_a_coordinator(client, coordinator):
    fake_report(None)
    client.force_login(coordinator)

    rows = client.get(reverse("courses:supply_report_csv"), {"scope": "state"}).content.decode("utf-8-sig")

    assert "777;555;444;333" in rows


def test_csv_and_map_are_missing_until_a_report_exists(client, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("courses:supply_report_csv")).status_code == 404
    assert client.get(reverse("courses:supply_report_map")).status_code == 404


def test_map_is_well_formed_svg_with_a_title_a_description_and_markers(client, coordinator, region):
    CourseFactory(postal_code="29451", start_date=datetime.date.today() + datetime.timedelta(days=200))
    supply_report_refresh(region=region)
    client.force_login(coordinator)

    response = client.get(reverse("courses:supply_report_map"))

    assert response["Content-Type"].startswith("image/svg+xml")
    root = parse_svg(response.content)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 800 ")
    assert root.get("aria-labelledby") == "supply-map-title supply-map-desc"
    assert "Wendland und Hannover" in root.find(f"{SVG}title").text
    assert "30159 (1)" in root.find(f"{SVG}desc").text
    groups = {group.get("class"): group for group in root.iter(f"{SVG}g")}
    assert len(groups["courses"].findall(f"{SVG}path")) == 1  # the course in Hannover; 29451 starts too late
    unmet = groups["unmet"].findall(f"{SVG}circle")
    assert [circle.find(f"{SVG}title").text.split(":")[0] for circle in unmet] == ["29439", "30159"]
    assert groups["legend"].findall(f"{SVG}text")


def test_map_escapes_the_region_name(client):
    region = RegionFactory(name='Nord & "Süd" <Test>', codes=["30159"])
    supply_report_refresh(region=region)
    client.force_login(CoordinatorFactory(region=region))

    root = parse_svg(client.get(reverse("courses:supply_report_map")).content)

    assert root.find(f"{SVG}title").text.endswith('Nord & "Süd" <Test>')


def test_page_shows_the_map_with_a_text_alternative(client, coordinator, region):
    supply_report_refresh(region=region)
    client.force_login(coordinator)

    page = client.get(reverse("courses:supply_report")).content.decode()

    assert f'src="{reverse("courses:supply_report_map")}"' in page
    assert 'alt="' in page and "30159 (1)" in page

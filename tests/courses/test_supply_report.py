"""The supply report's numbers on a small hand-made region, and the rules behind them."""

import datetime
import random

import pytest

from common.vocabulary import GermanLevel, OfferKind
from courses.lower_saxony import lower_saxony_postal_codes
from courses.models import CourseStatus, Delivery
from courses.supply import _Grid, _Place, supply_report_compute
from places.geo import haversine_km
from tests.factories import CandidateProfileFactory, CourseFactory, OnlineCourseFactory, RegionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


def candidate(postal_code: str, level: str, *, radius: int | None = None, looking_for=None, **user):
    return CandidateProfileFactory(
        postal_code=postal_code,
        german_level=level,
        travel_radius_km=radius,
        looking_for=looking_for or [OfferKind.JOB],
        **{f"user__{key}": value for key, value in user.items()},
    )


def course(postal_code: str, level_from: str, level_to: str, seats: int, *, starts_in: int = 21, **fields):
    return CourseFactory(
        postal_code=postal_code,
        level_from=level_from,
        level_to=level_to,
        start_date=TODAY + datetime.timedelta(days=starts_in),
        **{"seats_total": seats, "seats_left": seats, **fields},
    )


def by_level(report: dict) -> dict[str, dict]:
    return {row["level"]: row for row in report["levels"]}


@pytest.fixture
def hand_made_region():
    """3 candidates at A2 in Hannover, 1 at A1 in Lüchow; a B1 course in Hannover, one too late, one online."""
    region = RegionFactory(name="Handmade", codes=["30159", "30161", "29439"])
    for _ in range(3):
        candidate("30159", GermanLevel.A2, radius=25)
    candidate("29439", GermanLevel.A1)
    course("30161", GermanLevel.B1, GermanLevel.B1, 2, starts_in=21)
    course("29439", GermanLevel.A2, GermanLevel.A2, 12, starts_in=150)
    OnlineCourseFactory(
        level_from=GermanLevel.A1,
        level_to=GermanLevel.A2,
        seats_total=5,
        seats_left=5,
        start_date=TODAY + datetime.timedelta(days=10),
    )
    return region


def test_hand_made_region_counts_demand_seats_and_unmet_per_level(hand_made_region):
    report = supply_report_compute(region=hand_made_region, today=TODAY)

    levels = by_level(report)
    assert levels["B1"] == {"level": "B1", "demand": 3, "seats": 2, "courses": 1, "matched": 2, "unmet": 1}
    assert levels["A2"] == {"level": "A2", "demand": 1, "seats": 5, "courses": 1, "matched": 1, "unmet": 0}
    assert levels["A1"] == {"level": "A1", "demand": 0, "seats": 5, "courses": 1, "matched": 0, "unmet": 0}
    assert levels["C2"]["demand"] == 0 and levels["C2"]["seats"] == 0
    assert report["totals"] == {"demand": 4, "seats": 7, "courses": 2, "matched": 3, "unmet": 1}
    assert report["unmet_places"] == [
        {
            "postal_code": "30159",
            "lat": pytest.approx(52.3745, abs=1e-3),
            "lon": pytest.approx(9.7373, abs=1e-3),
            "unmet": 1,
        }
    ]


def test_luechow_has_no_course_within_30_km_because_its_only_course_starts_too_late(hand_made_region):
    report = supply_report_compute(region=hand_made_region, today=TODAY)

    assert [(area["postal_code"], area["candidates"]) for area in report["areas_without_course"]] == [("29439", 1)]
    assert 100 < report["areas_without_course"][0]["nearest_course_km"] < 130  # the Hannover course


def test_course_places_on_the_map_are_those_starting_within_three_months(hand_made_region):
    report = supply_report_compute(region=hand_made_region, today=TODAY)

    assert [(place["postal_code"], place["courses"], place["seats"]) for place in report["course_places"]] == [
        ("30161", 1, 2)
    ]
    assert report["scope"] == "region" and report["region_name"] == "Handmade"


def test_only_candidates_below_b1_or_looking_for_a_course_need_one():
    region = RegionFactory(codes=["30159"])
    candidate("30159", GermanLevel.NONE)  # needs A1
    candidate("30159", GermanLevel.B1)  # fine without a course
    candidate("30159", GermanLevel.B1, looking_for=[OfferKind.LANGUAGE_COURSE])  # needs B2
    candidate("30159", GermanLevel.C2, looking_for=[OfferKind.LANGUAGE_COURSE])  # nothing above C2
    candidate("30159", GermanLevel.A1, is_active=False)  # deactivated account
    CandidateProfileFactory(postal_code="", german_level=GermanLevel.A1)  # no place known

    levels = by_level(supply_report_compute(region=region, today=TODAY))

    assert {level: row["demand"] for level, row in levels.items() if row["demand"]} == {"A1": 1, "B2": 1}


def test_draft_cancelled_full_and_late_courses_offer_no_seats():
    region = RegionFactory(codes=["30159"])
    candidate("30159", GermanLevel.A2)
    course("30159", GermanLevel.B1, GermanLevel.B1, 4, status=CourseStatus.DRAFT)
    course("30159", GermanLevel.B1, GermanLevel.B1, 4, status=CourseStatus.CANCELLED)
    course("30159", GermanLevel.B1, GermanLevel.B1, 4, seats_left=0)
    course("30159", GermanLevel.B1, GermanLevel.B1, 4, starts_in=-1)
    course("30159", GermanLevel.B1, GermanLevel.B1, 4, starts_in=91)
    course("30159", GermanLevel.B1, GermanLevel.B1, 3, starts_in=90)  # the last day of the window counts

    levels = by_level(supply_report_compute(region=region, today=TODAY))

    assert (levels["B1"]["seats"], levels["B1"]["courses"], levels["B1"]["unmet"]) == (3, 1, 0)


def test_a_course_beyond_the_travel_radius_is_out_of_reach_but_a_hybrid_one_is_not():
    region = RegionFactory(codes=["30159"])
    candidate("30159", GermanLevel.A2, radius=10)
    course("38100", GermanLevel.B1, GermanLevel.B1, 5)  # Braunschweig, about 60 km away
    assert by_level(supply_report_compute(region=region, today=TODAY))["B1"]["seats"] == 0

    course("38100", GermanLevel.B1, GermanLevel.B1, 4, delivery=Delivery.HYBRID)
    levels = by_level(supply_report_compute(region=region, today=TODAY))
    assert (levels["B1"]["seats"], levels["B1"]["matched"]) == (4, 1)


def test_seats_go_to_the_nearest_candidates_first():
    region = RegionFactory(codes=["30159", "30855"])
    candidate("30855", GermanLevel.A2)  # Langenhagen, about 10 km from the course
    candidate("30159", GermanLevel.A2)  # the course's own postal code
    course("30159", GermanLevel.B1, GermanLevel.B1, 1)

    report = supply_report_compute(region=region, today=TODAY)

    assert [(place["postal_code"], place["unmet"]) for place in report["unmet_places"]] == [("30855", 1)]


def test_a_course_for_several_levels_gives_each_seat_only_once():
    region = RegionFactory(codes=["30159"])
    for _ in range(2):
        candidate("30159", GermanLevel.NONE)
        candidate("30159", GermanLevel.A2)
    course("30159", GermanLevel.A1, GermanLevel.B1, 3)

    report = supply_report_compute(region=region, today=TODAY)

    levels = by_level(report)
    assert (levels["A1"]["seats"], levels["B1"]["seats"]) == (3, 3)
    assert (levels["A1"]["matched"], levels["B1"]["matched"]) == (2, 1)  # lower levels first
    assert report["totals"] == {"demand": 4, "seats": 3, "courses": 1, "matched": 3, "unmet": 1}


def test_state_report_counts_lower_saxony_and_a_region_report_only_its_postal_codes(hand_made_region):
    candidate("49074", GermanLevel.A2)  # Osnabrück, Lower Saxony but not the region
    candidate("28195", GermanLevel.A2)  # Bremen, not Lower Saxony
    candidate("20095", GermanLevel.A2)  # Hamburg

    state = supply_report_compute(today=TODAY)
    region = supply_report_compute(region=hand_made_region, today=TODAY)

    assert by_level(state)["B1"]["demand"] == 4
    assert by_level(region)["B1"]["demand"] == 3
    assert state["scope"] == "state" and state["region_id"] is None
    assert {area["postal_code"] for area in state["areas_without_course"]} == {"29439", "49074"}


@pytest.mark.parametrize(
    ("postal_code", "in_lower_saxony"),
    [
        ("30159", True),  # Hannover
        ("29439", True),  # Lüchow
        ("49074", True),  # Osnabrück
        ("26757", True),  # Borkum
        ("37073", True),  # Göttingen
        ("21335", True),  # Lüneburg
        ("19273", True),  # Amt Neuhaus, north of the Elbe
        ("28816", True),  # Stuhr, next to Bremen
        ("28195", False),  # Bremen
        ("27568", False),  # Bremerhaven
        ("21073", False),  # Hamburg-Harburg, south of the Elbe
        ("48143", False),  # Münster
        ("32423", False),  # Minden
        ("29410", False),  # Salzwedel
        ("34117", False),  # Kassel
    ],
)
def test_lower_saxony_is_told_apart_from_its_neighbours(postal_code, in_lower_saxony):
    assert (postal_code in lower_saxony_postal_codes()) is in_lower_saxony


def test_the_grid_finds_exactly_the_places_a_full_search_finds():
    rng = random.Random(5)
    places = [_Place(postal_code="", lat=rng.uniform(47.3, 55.0), lon=rng.uniform(5.9, 15.0)) for _ in range(400)]
    grid = _Grid(places)

    for _ in range(60):
        lat, lon, radius = rng.uniform(47.3, 55.0), rng.uniform(5.9, 15.0), rng.choice([1, 10, 30, 80, 200])
        expected = {i for i, p in enumerate(places) if haversine_km((lat, lon), (p.lat, p.lon)) <= radius}
        assert {index for _distance, index in grid.within(lat, lon, radius)} == expected

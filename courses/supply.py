"""The supply report: for each German level, candidates who need a next course versus seats within their reach.

How it counts (the report page says the same in plain words):

* Demand. A candidate needs a next course one level above their own (no German → A1, A1 → A2, …,
  C1 → C2; C2 needs none) when the account is an active candidate account, the profile has a known
  postal code, and the candidate looks for a language course or has German below B1.
* Offered courses. Published, starting between today and today + 90 days, with seats left. A course
  serves a needed level when its range level_from … level_to includes it.
* Seats within reach. The seats left of offered courses that take place within the candidate's travel
  radius (30 km when the profile does not say) and of every online or hybrid course (those count for
  everybody). Per level, each course's seats count once in a report however many candidates reach it.
* Matched seats and unmet demand. Seats are handed out greedily, nearest first: every pair of a
  candidate postal code and a course place within reach, sorted by distance, gives the free seats of
  the courses there to the candidates there who still wait (lower levels first). Then the seats of
  online and hybrid courses still free go to whoever still waits: lower levels first, larger waiting
  groups first. A course's seats are shared by all the levels it covers, so no seat is given twice.
  Unmet = demand − matched seats, never below 0.
* Each report shares the seats out among its own candidates only: a course near a region's border,
  and every online course, counts in each region it serves.
* Areas without a course within 30 km: the postal codes where candidates who need a course live and
  no offered in-person or hybrid course of any level takes place within 30 km.

Everything is loaded once as plain tuples (two queries), course places are bucketed in a grid, and
candidates are grouped by postal code, needed level and travel radius, so the state-wide report on
50,000 candidates and 5,000 courses takes seconds.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import Role
from common.vocabulary import GermanLevel, OfferKind
from places.geo import EARTH_RADIUS_KM, coordinates_of, haversine_km
from places.models import Region
from portal.models import CandidateProfile

from .lower_saxony import bounds as lower_saxony_bounds
from .lower_saxony import lower_saxony_postal_codes
from .models import Course, Delivery

REPORT_VERSION = 1
WINDOW_DAYS = 90
DEFAULT_RADIUS_KM = 30
NO_COURSE_RADIUS_KM = 30
# Below this level every candidate counts as needing a course; from it on only those who look for one.
ALWAYS_NEEDS_BELOW = GermanLevel.B1
COURSE_LEVELS = GermanLevel.values[1:]  # A1 … C2: the levels a next course can be at
# GermanLevel.rank() as a table: it is called for every candidate, and Choices.values is rebuilt on each access.
_RANK = {value: rank for rank, value in enumerate(GermanLevel.values)}
_RANK_C2 = _RANK[GermanLevel.C2]
_RANK_ALWAYS_NEEDS_BELOW = _RANK[ALWAYS_NEEDS_BELOW]

_GRID_CELL_KM = 25.0
# A little less than the 111.2 km of a degree on haversine's sphere, and the cosine of Germany's northern
# tip: so cells are at least _GRID_CELL_KM wide and high everywhere in Germany (47°–55.1° north).
_KM_PER_DEGREE = 110.0
_CELL_LAT = _GRID_CELL_KM / _KM_PER_DEGREE
_CELL_LON = _GRID_CELL_KM / (_KM_PER_DEGREE * math.cos(math.radians(55.1)))


@dataclass
class _Course:
    pk: int
    rank_from: int
    rank_to: int
    seats: int
    remote: bool  # online or hybrid: within reach for everybody
    place: int | None  # index into _Inputs.places when it meets in person

    def covers(self, rank: int) -> bool:
        return self.rank_from <= rank <= self.rank_to


@dataclass
class _Place:
    """Where offered in-person or hybrid courses meet: one postal-code centroid or stored coordinate."""

    postal_code: str
    lat: float
    lon: float
    courses: list[int] = field(default_factory=list)  # indices into _Inputs.courses, by start date


class _Grid:
    """Course places bucketed by coordinates, to find those within a radius without looking at all."""

    def __init__(self, places: list[_Place]):
        self.places = places
        self.cells: dict[tuple[int, int], list[tuple[int, float, float, float]]] = defaultdict(list)
        for index, place in enumerate(places):
            phi, lam = math.radians(place.lat), math.radians(place.lon)
            self.cells[self._cell(place.lat, place.lon)].append((index, phi, lam, math.cos(phi)))

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL_LAT), math.floor(lon / _CELL_LON)

    def within(self, lat: float, lon: float, radius_km: float) -> list[tuple[float, int]]:
        """(distance in km, place index) of every place within radius_km."""
        row, col = self._cell(lat, lon)
        rings = math.ceil(radius_km / _GRID_CELL_KM)
        phi, lam = math.radians(lat), math.radians(lon)
        cos_phi = math.cos(phi)
        sin, asin, sqrt = math.sin, math.asin, math.sqrt
        diameter = 2 * EARTH_RADIUS_KM
        found = []
        for r in range(row - rings, row + rings + 1):
            for c in range(col - rings, col + rings + 1):
                for index, phi2, lam2, cos2 in self.cells.get((r, c), ()):
                    # The haversine of places.geo.haversine_km, inlined: this is the hot loop.
                    h = sin((phi2 - phi) / 2) ** 2 + cos_phi * cos2 * sin((lam2 - lam) / 2) ** 2
                    distance = diameter * asin(sqrt(h))
                    if distance <= radius_km:
                        found.append((distance, index))
        return found

    def nearest_km(self, lat: float, lon: float) -> float | None:
        if not self.places:
            return None
        return min(haversine_km((lat, lon), (place.lat, place.lon)) for place in self.places)


@dataclass
class _Inputs:
    today: datetime.date
    # postal code -> {(needed level rank, travel radius km): number of candidates}
    candidates: dict[str, dict[tuple[int, int], int]]
    courses: list[_Course]
    places: list[_Place]
    grid: _Grid


def needs_next_course(*, german_level: str, looking_for) -> bool:
    """The demand rule: below B1 always, from B1 to C1 when looking for a language course, never at C2."""
    rank = _RANK.get(german_level, 0)
    if rank >= _RANK_C2:
        return False
    wants_course = isinstance(looking_for, list) and OfferKind.LANGUAGE_COURSE in looking_for
    return wants_course or rank < _RANK_ALWAYS_NEEDS_BELOW


def supply_inputs_load(*, today: datetime.date, postal_codes: set[str] | None = None) -> _Inputs:
    """Candidates (grouped) and offered courses, in two queries; postal_codes limits the candidates."""
    profiles = (
        CandidateProfile.objects.filter(user__is_active=True, user__role=Role.CANDIDATE)
        .exclude(postal_code="")
        .exclude(german_level=GermanLevel.C2)
    )
    if postal_codes is not None:
        profiles = profiles.filter(postal_code__in=sorted(postal_codes))
    candidates: dict[str, dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    rows = profiles.values_list("postal_code", "german_level", "travel_radius_km", "looking_for")
    for postal_code, german_level, radius, looking_for in rows.iterator(chunk_size=5000):
        if coordinates_of(postal_code) is None or not needs_next_course(
            german_level=german_level, looking_for=looking_for
        ):
            continue
        candidates[postal_code][(_RANK.get(german_level, 0) + 1, radius or DEFAULT_RADIUS_KM)] += 1

    offered = (
        Course.objects.published()
        .filter(start_date__gte=today, start_date__lte=today + datetime.timedelta(days=WINDOW_DAYS), seats_left__gt=0)
        .order_by("start_date", "pk")
        .values_list("pk", "level_from", "level_to", "delivery", "postal_code", "latitude", "longitude", "seats_left")
    )
    courses: list[_Course] = []
    places: list[_Place] = []
    place_index: dict[tuple[float, float], int] = {}
    for pk, level_from, level_to, delivery, postal_code, latitude, longitude, seats in offered:
        point = None
        if delivery != Delivery.ONLINE:
            point = (latitude, longitude) if latitude is not None and longitude is not None else None
            point = point or (coordinates_of(postal_code) if postal_code else None)
        place = None
        if point is not None:
            key = (round(point[0], 5), round(point[1], 5))
            if key not in place_index:
                place_index[key] = len(places)
                places.append(_Place(postal_code=postal_code, lat=point[0], lon=point[1]))
            place = place_index[key]
            places[place].courses.append(len(courses))
        courses.append(
            _Course(
                pk=pk,
                rank_from=_RANK.get(level_from, 0),
                rank_to=_RANK.get(level_to, 0),
                seats=seats,
                remote=delivery in (Delivery.ONLINE, Delivery.HYBRID),
                place=place,
            )
        )
    return _Inputs(today=today, candidates=candidates, courses=courses, places=places, grid=_Grid(places))


def _extent(codes: set[str] | frozenset[str], *, state: bool) -> list[float]:
    """[min_lon, min_lat, max_lon, max_lat] the map shows: the state, or the region with a margin."""
    if state:
        return [round(value, 4) for value in lower_saxony_bounds()]
    points = [point for point in map(coordinates_of, codes) if point is not None]
    if not points:
        return [round(value, 4) for value in lower_saxony_bounds()]
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    mid_lat, mid_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    # At least about 60 km across, plus a margin of about 15 km, so a small region still shows its surroundings.
    half_lat = max((max(lats) - min(lats)) / 2, 0.27) + 0.135
    half_lon = max((max(lons) - min(lons)) / 2, 0.44) + 0.22
    return [round(v, 4) for v in (mid_lon - half_lon, mid_lat - half_lat, mid_lon + half_lon, mid_lat + half_lat)]


def supply_report_from_inputs(
    inputs: _Inputs, *, codes: set[str] | frozenset[str], region: Region | None = None
) -> dict:
    """The report for the candidates living in `codes`, as JSON-ready data (see the module docstring)."""
    courses = inputs.courses
    seats_free = [course.seats for course in courses]

    # Candidate groups of this scope: [needed rank, radius, count, still waiting], lower levels first;
    # per postal code also the farthest each needed level reaches and how many still wait.
    groups: dict[str, list[list[int]]] = {}
    reach_of: dict[str, dict[int, int]] = {}
    waiting_at: dict[str, int] = {}
    for postal_code, by_need in inputs.candidates.items():
        if postal_code not in codes:
            continue
        code_groups = sorted([need, radius, count, count] for (need, radius), count in by_need.items())
        groups[postal_code] = code_groups
        reach: dict[int, int] = {}
        for need, radius, _count, _waiting in code_groups:
            reach[need] = max(reach.get(need, 0), radius)
        reach_of[postal_code] = reach
        waiting_at[postal_code] = sum(group[2] for group in code_groups)

    # Nearest first: every (distance, postal code, place) pair within the largest radius of the postal code.
    pairs = []
    for postal_code, reach in reach_of.items():
        lat, lon = coordinates_of(postal_code)
        for distance, place in inputs.grid.within(lat, lon, max(reach.values())):
            pairs.append((distance, postal_code, place))
    pairs.sort()

    place_free = [sum(seats_free[index] for index in place.courses) for place in inputs.places]
    reached_places: dict[int, set[int]] = defaultdict(set)  # needed rank -> places someone needing it reaches
    matched: dict[tuple[str, int], int] = defaultdict(int)
    for distance, postal_code, place_index in pairs:
        for need, radius in reach_of[postal_code].items():
            if distance <= radius:
                reached_places[need].add(place_index)
        if not waiting_at[postal_code] or not place_free[place_index]:
            continue
        place_courses = inputs.places[place_index].courses
        for group in groups[postal_code]:
            if not group[3] or group[1] < distance:
                continue
            need = group[0]
            for course_index in place_courses:
                free = seats_free[course_index]
                if free and courses[course_index].covers(need):
                    taken = min(free, group[3])
                    seats_free[course_index] -= taken
                    place_free[place_index] -= taken
                    waiting_at[postal_code] -= taken
                    group[3] -= taken
                    matched[(postal_code, need)] += taken
                    if not group[3]:
                        break
            if not place_free[place_index]:
                break

    remote = [index for index, course in enumerate(courses) if course.remote]
    for need in range(1, len(GermanLevel.values)):
        # Larger waiting groups first; sorted() is stable, so equal groups stay in postal-code order.
        waiting = sorted(
            (
                (postal_code, group)
                for postal_code in sorted(groups)
                for group in groups[postal_code]
                if group[0] == need and group[3]
            ),
            key=lambda item: -item[1][3],
        )
        position = 0
        for course_index in remote:
            if position == len(waiting):
                break
            if not courses[course_index].covers(need):
                continue
            while seats_free[course_index] and position < len(waiting):
                postal_code, group = waiting[position]
                taken = min(seats_free[course_index], group[3])
                seats_free[course_index] -= taken
                group[3] -= taken
                matched[(postal_code, need)] += taken
                if not group[3]:
                    position += 1

    levels = []
    all_reached: set[int] = set()
    for need, level in enumerate(COURSE_LEVELS, start=1):
        reached = {
            index
            for place_index in reached_places[need]
            for index in inputs.places[place_index].courses
            if courses[index].covers(need)
        }
        reached.update(index for index in remote if courses[index].covers(need))
        all_reached |= reached
        demand = sum(group[2] for code_groups in groups.values() for group in code_groups if group[0] == need)
        level_matched = sum(count for (_code, rank), count in matched.items() if rank == need)
        levels.append(
            {
                "level": level,
                "demand": demand,
                "seats": sum(courses[index].seats for index in reached),
                "courses": len(reached),
                "matched": level_matched,
                "unmet": max(demand - level_matched, 0),
            }
        )

    unmet_places = []
    areas_without_course = []
    for postal_code in sorted(groups):
        lat, lon = coordinates_of(postal_code)
        demand = sum(group[2] for group in groups[postal_code])
        unmet = sum(group[3] for group in groups[postal_code])
        if unmet:
            unmet_places.append(
                {"postal_code": postal_code, "lat": round(lat, 4), "lon": round(lon, 4), "unmet": unmet}
            )
        if not inputs.grid.within(lat, lon, NO_COURSE_RADIUS_KM):
            nearest = inputs.grid.nearest_km(lat, lon)
            areas_without_course.append(
                {
                    "postal_code": postal_code,
                    "candidates": demand,
                    "nearest_course_km": None if nearest is None else round(nearest, 1),
                }
            )

    state = region is None
    extent = _extent(codes, state=state)
    min_lon, min_lat, max_lon, max_lat = extent
    course_places = [
        {
            "postal_code": place.postal_code,
            "lat": round(place.lat, 4),
            "lon": round(place.lon, 4),
            "courses": len(place.courses),
            "seats": sum(courses[index].seats for index in place.courses),
        }
        for place in inputs.places
        if min_lon <= place.lon <= max_lon and min_lat <= place.lat <= max_lat
    ]
    course_places.sort(key=lambda place: (place["postal_code"], place["lat"], place["lon"]))

    demand_total = sum(level["demand"] for level in levels)
    matched_total = sum(level["matched"] for level in levels)
    return {
        "version": REPORT_VERSION,
        "scope": "state" if state else "region",
        "region_id": None if state else region.pk,
        "region_name": None if state else region.name,
        "today": inputs.today.isoformat(),
        "window_end": (inputs.today + datetime.timedelta(days=WINDOW_DAYS)).isoformat(),
        "default_radius_km": DEFAULT_RADIUS_KM,
        "no_course_radius_km": NO_COURSE_RADIUS_KM,
        "postal_codes": len(codes),
        "levels": levels,
        "totals": {
            "demand": demand_total,
            "seats": sum(courses[index].seats for index in all_reached),
            "courses": len(all_reached),
            "matched": matched_total,
            "unmet": max(demand_total - matched_total, 0),
        },
        "areas_without_course": areas_without_course,
        "unmet_places": unmet_places,
        "course_places": course_places,
        "extent": extent,
        "region_points": []
        if state
        else sorted([round(lat, 4), round(lon, 4)] for lat, lon in filter(None, map(coordinates_of, codes))),
    }


def supply_scope_codes(*, region: Region | None) -> set[str] | frozenset[str]:
    """The postal codes whose candidates a report counts: the region's, or all of Lower Saxony's."""
    if region is None:
        return lower_saxony_postal_codes()
    return set(region.postal_codes.values_list("code", flat=True))


def supply_report_compute(*, region: Region | None = None, today: datetime.date | None = None) -> dict:
    """The supply report of one coordinator region, or of Lower Saxony when region is None."""
    today = today or timezone.localdate()
    codes = supply_scope_codes(region=region)
    inputs = supply_inputs_load(today=today, postal_codes=None if region is None else set(codes))
    return supply_report_from_inputs(inputs, codes=codes, region=region)

"""Reads of the matching app's recomputation: the facts the engine scores, fresh from the database.

Candidates, vacancies and courses as `engine.CandidateFacts`, `VacancyFacts` and `CourseFacts` (and mentors as
`MentorFacts`, built in one place for every reader); all offers kept in a worker's memory while they are
unchanged (`match_offers`); and the versions of the offers by area that tell the nightly run which candidates
it may skip (`OfferAreas`, `inputs_fingerprint`; docs/matching.md, "Recomputation when little changed").

Nothing here writes: storing the matches is `store.py`, deciding what to recompute and when is `services.py`.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import math
import time
from collections.abc import Iterable, Iterator

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Count, Exists, IntegerField, Max, OuterRef, Q, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from common.batching import batched
from common.dates import age_on
from common.vocabulary import GermanLevel, OfferKind
from courses.models import Course, Delivery
from employers.models import Vacancy
from mentoring.models import MentorProfile
from occupations.models import Occupation
from places.geo import all_postal_codes, coordinates_of
from portal.models import CandidateOccupation, CandidateProfile, RecognitionStatus

from . import engine
from .engine import CandidateFacts, CourseFacts, CourseTargets, MentorFacts, VacancyFacts, VacancyTargets

# Offers are kept in a worker's memory between tasks while unchanged, but not longer than this.
TARGETS_MAX_AGE_SECONDS = 60 * 60

_OFFER_KINDS = frozenset(OfferKind.values)
# GermanLevel.rank builds the list of values on every call; loading 50,000 offers called it 100,000 times.
_GERMAN_RANK = {value: GermanLevel.rank(value) for value in GermanLevel.values}


def _rank(level: str) -> int:
    return _GERMAN_RANK.get(level, 0)


@functools.lru_cache(maxsize=1024)
def _decoded(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text) or ())


def _json_strings(value: str | list | None) -> tuple[str, ...]:
    """A JSON list of strings as `_raw_rows` hands it over: text on PostgreSQL, where the same few lists (kinds
    of offer, licence classes) recur across thousands of rows and each is decoded once."""
    if not value:
        return ()
    return _decoded(value) if isinstance(value, str) else tuple(value)


def among(model, column: str, ids: Iterable[int]) -> Q | RawSQL:
    """A filter: `column` of `model` (the queryset's own table) is one of these ids. On PostgreSQL the ids go over
    as one array: hundreds or thousands of them, one parameter each, took longer to hand over than the query ran."""
    ids = list(ids)
    if connection.vendor != "postgresql":
        return Q(**{f"{column}__in": ids})
    sql = f"{model._meta.db_table}.{column} = ANY(%s::bigint[])"
    return RawSQL(sql, [ids], output_field=BooleanField())  # noqa: S611 (the ids as a parameter)


def _raw_rows(queryset) -> list[tuple]:
    """The rows of a `values_list` queryset; on PostgreSQL as the driver returns them, JSON columns as text (for
    `_json_strings`): Django's converters decoded every JSON value anew, a third of reading thousands of facts.
    Other databases need the converters (SQLite hands dates over as text)."""
    if connection.vendor != "postgresql":
        return list(queryset)
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a condition no row can meet, such as an empty list of ids
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- Facts from the database ---------------------------------------------------------------------------------

_CANDIDATE_FIELDS = (
    "pk", "german_level", "looking_for", "hours_per_week", "earliest_start", "postal_code", "travel_radius_km",
    "transport", "childcare_needed", "shift_work_possible", "driving_licences", "recognition_status", "birth_date",
)  # fmt: skip


def _candidate_facts(row: tuple, occupations: tuple, today: datetime.date) -> CandidateFacts:
    """A candidate from a raw row of `_CANDIDATE_FIELDS` (JSON columns as text)."""
    (pk, german, looking_for, hours, earliest_start, postal_code, radius, transport, childcare, shifts) = row[:10]
    licences, recognition, birth_date = row[10:]
    return CandidateFacts(
        id=pk,
        german=_rank(german),
        looking_for=frozenset(_json_strings(looking_for)) & _OFFER_KINDS,
        hours=hours,
        earliest_start=earliest_start,
        location=coordinates_of(postal_code) if postal_code else None,
        radius_km=radius or engine.DEFAULT_RADIUS_KM,
        transport=transport or "",
        occupations=occupations,
        childcare_needed=childcare,
        shift_work_possible=shifts,
        licences=engine.licences_held(_json_strings(licences)),
        recognised=recognition == RecognitionStatus.FULL,
        age=None if birth_date is None else age_on(birth_date=birth_date, day=today),
    )


def candidate_facts_load(
    *,
    profile_ids: Iterable[int] | None = None,
    id_range: tuple[int, int] | None = None,
    today: datetime.date | None = None,
):
    """Facts of the active candidates among the given ids (or id range, or all when neither is given)."""
    profiles = CandidateProfile.objects.filter(user__is_active=True)
    occupations = CandidateOccupation.objects.all()
    if id_range is not None:
        profiles = profiles.filter(pk__range=id_range)
        occupations = occupations.filter(profile_id__gte=id_range[0], profile_id__lte=id_range[1])
    elif profile_ids is not None:
        profile_ids = list(profile_ids)
        profiles = profiles.filter(among(CandidateProfile, "id", profile_ids))
        occupations = occupations.filter(among(CandidateOccupation, "profile_id", profile_ids))
    return _facts_of(profiles, occupations, today)


def _facts_of(profiles, occupations, today: datetime.date | None) -> list[CandidateFacts]:
    """Facts of the profiles; `occupations`: a queryset holding at least theirs, or None to read those of the
    profiles found (by their ids)."""
    rows = _raw_rows(profiles.order_by("pk").values_list(*_CANDIDATE_FIELDS))
    if occupations is None:
        occupations = CandidateOccupation.objects.filter(among(CandidateOccupation, "profile_id", [r[0] for r in rows]))
    by_profile: dict[int, list[tuple[int, int]]] = {}
    for profile_id, kldb, years in _raw_rows(
        occupations.values_list("profile_id", "occupation__kldb_code", "years_experience")
    ):
        by_profile.setdefault(profile_id, []).append((int(kldb), years))
    today = today or timezone.localdate()
    return [_candidate_facts(row, tuple(sorted(by_profile.get(row[0], ()))), today) for row in rows]


def _reaching(location: tuple[float, float]) -> RawSQL | None:
    """A condition on candidate profiles: their travel radius, for their means of transport, reaches `location`
    (None: nobody's can).

    The distances are worked out once per postal code and handed over as two arrays, the radii compared in the
    database: reading every candidate's postal code and radius took most of the time after one vacancy changed,
    and so did handing thousands of postal codes or ids over one parameter each.
    """
    codes, distances = [], []
    # Every postal code a candidate may give (five digits, `validate_postal_code`) within the largest radius.
    # (Asking the database which codes candidates give took longer than this.)
    south, north, west, east = _box_around(location, engine.MAX_RADIUS_KM + 1)
    for code, place in all_postal_codes().items():
        if south <= place[0] <= north and west <= place[1] <= east:
            distance = engine.distance_tenths(place, location)
            if distance <= engine.MAX_RADIUS_KM * 10:
                codes.append(code)
                distances.append(distance)
    if not codes:
        return None
    # A radius of 0 or none counts as the default one, as in `radius_km`; without a car a kilometre counts a
    # quarter more, as in `engine.effective_tenths` (integer division, as there).
    profile = CandidateProfile._meta.db_table
    sql = (
        "EXISTS (SELECT 1 FROM unnest(%s::text[], %s::integer[]) AS r (code, distance) "  # noqa: S608
        f"WHERE r.code = {profile}.postal_code "
        f"AND LEAST(COALESCE(NULLIF({profile}.travel_radius_km, 0), %s), %s) * 10 "
        f">= CASE WHEN {profile}.transport = %s THEN r.distance ELSE r.distance * 5 / 4 END)"
    )
    params = [codes, distances, engine.DEFAULT_RADIUS_KM, engine.MAX_RADIUS_KM, "car"]
    # On the profiles as the queryset's own table, not in a subquery (which gives the table another name).
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611 (numbers and postal codes, as parameters)


def candidate_facts_reaching(location: tuple[float, float] | None, batch: int = 5_000) -> Iterator[CandidateFacts]:
    """Facts of the active candidates whose travel radius reaches `location` (all of them when None: online)."""
    if location is None:
        ids = sorted(CandidateProfile.objects.filter(user__is_active=True).values_list("pk", flat=True))
        for chunk in batched(ids, batch):
            yield from candidate_facts_load(profile_ids=chunk)
        return
    within = _reaching(location)
    if within is None:
        return
    yield from _facts_of(CandidateProfile.objects.filter(within, user__is_active=True), None, None)


def candidate_facts_reached_by(vacancy: VacancyFacts, today: datetime.date | None = None) -> list[CandidateFacts]:
    """Facts of the active candidates within whose reach the vacancy lies and whom its gates on the kind of
    offer, German, shift work, recognition and occupation may let through.

    After a vacancy changed, reading the 2,000–9,000 candidates within reach took most of the time, and fewer
    than one in five passes those gates: the database leaves out the others. The conditions here only narrow
    down; `pair_scoring.vacancy_gate` still decides, so they must never leave out a candidate it lets through
    (tests/matching/test_facts.py holds them to that).
    """
    within = _reaching(vacancy.location)
    if within is None:
        return []
    profiles = CandidateProfile.objects.filter(within, user__is_active=True)
    if vacancy.german > engine.GERMAN_MAX_GAP:
        enough = [level for level, rank in _GERMAN_RANK.items() if vacancy.german - rank <= engine.GERMAN_MAX_GAP]
        profiles = profiles.filter(german_level__in=enough)
    # Looking for this kind of offer, or for no kind of offer the engine knows (open to every kind).
    profiles = profiles.filter(
        Q(looking_for__contains=[vacancy.kind]) | ~Q(looking_for__has_any_keys=sorted(_OFFER_KINDS))
    )
    if vacancy.shift_work:
        profiles = profiles.exclude(shift_work_possible=False)
    if vacancy.recognition:
        profiles = profiles.filter(recognition_status=RecognitionStatus.FULL)
    if engine.skilled_job(vacancy.kind, vacancy.kldb):
        group, field = vacancy.kldb // 100, vacancy.kldb // 1000
        backing = (
            CandidateOccupation.objects.filter(profile_id=OuterRef("pk"))
            .annotate(code=Cast("occupation__kldb_code", IntegerField()))
            .filter(
                Q(code__gte=group * 100, code__lt=(group + 1) * 100)
                | Q(
                    code__gte=field * 1000,
                    code__lt=(field + 1) * 1000,
                    years_experience__gte=engine.FIELD_EXPERIENCE_YEARS,
                )
            )
        )
        profiles = profiles.filter(Exists(backing))
    return _facts_of(profiles, None, today)


_VACANCY_FIELDS = (
    "pk", "kind", "occupation__kldb_code", "german_level_required", "latitude", "longitude", "hours_per_week",
    "shift_work", "start_date", "support_childcare", "driving_licences_required", "recognition_required",
    "occupation__regulated", "expires_on",
)  # fmt: skip


def vacancy_needs_recognition(*, kind: str, recognition_required: bool, regulated: bool) -> bool:
    """A job needs a recognised qualification where the offer says so and in every regulated occupation (a
    nurse's job cannot be done without it). Offers to start or try an occupation (Ausbildung, EQ, internship,
    Hospitation, work trial) never do: they are how people get there."""
    return kind == OfferKind.JOB and (recognition_required or regulated)


def _vacancy_facts(row: tuple) -> VacancyFacts:
    """A vacancy from a raw row of `_VACANCY_FIELDS` (JSON columns as text)."""
    pk, kind, kldb, german, latitude, longitude, hours, shift_work, start_date, childcare = row[:10]
    licences, recognition_required, regulated, expires_on = row[10:]
    return VacancyFacts(
        id=pk,
        kind=kind,
        kldb=int(kldb),
        german=_rank(german),
        location=(latitude, longitude),
        hours=hours,
        shift_work=shift_work,
        start_date=start_date,
        childcare=childcare,
        licences=frozenset(_json_strings(licences)),
        recognition=vacancy_needs_recognition(
            kind=kind, recognition_required=recognition_required, regulated=regulated
        ),
        closes_on=expires_on,
    )


def open_vacancies(today: datetime.date | None = None):
    """Published vacancies still open today (an offer open until yesterday takes no more applications)."""
    today = today or timezone.localdate()
    return Vacancy.objects.published().filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))


def vacancy_facts_load(
    *,
    vacancy_ids: Iterable[int] | None = None,
    today: datetime.date | None = None,
    areas: list[tuple[float, float, float, float]] | None = None,
) -> list[VacancyFacts]:
    """Facts of published vacancies still open (all, those among the ids, or those within the areas, each given
    as (lowest latitude, highest latitude, lowest longitude, highest longitude))."""
    vacancies = open_vacancies(today)
    if vacancy_ids is not None:
        vacancies = vacancies.filter(pk__in=list(vacancy_ids))
    if areas is not None:
        vacancies = vacancies.filter(_within(areas))
    return [_vacancy_facts(row) for row in _raw_rows(vacancies.order_by().values_list(*_VACANCY_FIELDS))]


def vacancy_facts_around(candidates: list[CandidateFacts], today: datetime.date) -> list[VacancyFacts]:
    """Facts of the open vacancies that the main gates may let through for one of these candidates at least:
    all that recomputing their vacancy lists needs.

    The candidates a changed vacancy falls back in lists of sit around it, with radii up to 100 km: the areas
    they reach held 20,000–40,000 vacancies, reading and building the facts of all of them took most of the
    time, and a few thousand pass the gates of one of them. So the database applies the gates on distance (a
    box around the reach), kind, German, shift work and occupation for each candidate. They only narrow down:
    the engine applies every gate again, so they must never leave out a vacancy it lets through
    (tests/matching/test_facts.py holds them to that).
    """
    located = [candidate for candidate in candidates if candidate.location is not None]
    if not located:
        return []
    # The occupation gate as the ids of the occupations each candidate may take a skilled job in (and of helper
    # jobs, open to all): a list of numbers is quicker for the database to check than ranges of KldB codes.
    codes = {pk: int(code) for pk, code in Occupation.objects.values_list("pk", "kldb_code")}
    helper = {pk for pk, code in codes.items() if engine.requirement_level(code) == engine.HELPER_LEVEL}
    # Candidates at one place with the same reach share one box.
    places: dict[tuple[tuple[float, float], int], set] = {}
    for candidate in located:
        groups = {kldb // 100 for kldb, _years in candidate.occupations}
        fields = {kldb // 1000 for kldb, years in candidate.occupations if years >= engine.FIELD_EXPERIENCE_YEARS}
        backed = helper | {pk for pk, code in codes.items() if code // 100 in groups or code // 1000 in fields}
        gates = (
            candidate.german + engine.GERMAN_MAX_GAP,
            tuple(sorted(candidate.looking_for)),
            candidate.shift_work_possible is False,
            tuple(sorted(backed)),
        )
        places.setdefault((candidate.location, engine.reach_tenths(candidate)), set()).add(gates)
    # As SQL with arrays as parameters: built as querysets, the conditions of 60 candidates took longer to put
    # together and hand over than the database took to apply them.
    table = Vacancy._meta.db_table
    clauses, params, boxes = [], [], []
    for (location, reach), gate_sets in places.items():
        # A kilometre more than the reach: distances are rounded to 100 m.
        box = _box_around(location, reach / 10 + 1)
        boxes.append(box)
        alternatives = []
        params += box
        for most, kinds, no_shifts, backed in gate_sets:
            conditions = [f"{table}.german_level_required = ANY(%s::text[])"]
            params.append([level for level, rank in _GERMAN_RANK.items() if rank <= most])
            if kinds:
                conditions.append(f"{table}.kind = ANY(%s::text[])")
                params.append(list(kinds))
            if no_shifts:
                conditions.append(f"NOT {table}.shift_work")
            conditions.append(f"({table}.kind = ANY(%s::text[]) OR {table}.occupation_id = ANY(%s::bigint[]))")
            params += [sorted(engine.OPEN_TO_CAREER_CHANGERS), list(backed)]
            alternatives.append(f"({' AND '.join(conditions)})")
        clauses.append(
            f"({table}.latitude BETWEEN %s AND %s AND {table}.longitude BETWEEN %s AND %s "
            f"AND ({' OR '.join(alternatives)}))"
        )
    passing = RawSQL(" OR ".join(clauses), params, output_field=BooleanField())  # noqa: S611 (values as parameters)
    # The box around all of them first: it spares the database the conditions above for most vacancies.
    around = Q(
        latitude__range=(min(box[0] for box in boxes), max(box[1] for box in boxes)),
        longitude__range=(min(box[2] for box in boxes), max(box[3] for box in boxes)),
    )
    vacancies = open_vacancies(today).filter(around).filter(passing).order_by()
    return [_vacancy_facts(row) for row in _raw_rows(vacancies.values_list(*_VACANCY_FIELDS))]


_COURSE_FIELDS = (
    "pk", "kind", "level_from", "level_to", "delivery", "latitude", "longitude", "start_date", "end_date",
    "schedule", "childcare", "subject", "seats_left", "waiting_list_open",
)  # fmt: skip


def course_facts_load(
    *,
    today: datetime.date,
    course_ids: Iterable[int] | None = None,
    areas: list[tuple[float, float, float, float]] | None = None,
) -> list[CourseFacts]:
    """Facts of published courses that have not ended and take people, with a seat or on a waiting list (all,
    those among the ids, or the online ones and those within the areas, as in `vacancy_facts_load`)."""
    courses = (
        Course.objects.published().filter(end_date__gte=today).filter(Q(seats_left__gt=0) | Q(waiting_list_open=True))
    )
    if course_ids is not None:
        courses = courses.filter(pk__in=list(course_ids))
    if areas is not None:
        courses = courses.filter(Q(delivery=Delivery.ONLINE) | _within(areas))
    facts = []
    for row in courses.values_list(*_COURSE_FIELDS):
        pk, kind, level_from, level_to, delivery, lat, lon, start, end, schedule, childcare = row[:11]
        subject, seats_left, waiting_list = row[11:]
        online = delivery == Delivery.ONLINE
        if not online and lat is None:
            continue  # a course meeting in person at an unknown place reaches nobody
        facts.append(
            CourseFacts(
                id=pk,
                kind=kind,
                level_from=_rank(level_from),
                level_to=_rank(level_to),
                location=None if online else (lat, lon),
                start_date=start,
                end_date=end,
                schedule=schedule,
                childcare=childcare,
                subject=subject or "",
                seats_left=seats_left,
                waiting_list=waiting_list,
            )
        )
    return facts


_targets_cache: dict = {}


def _version(queryset) -> tuple:
    found = queryset.aggregate(n=Count("pk"), latest=Max("updated_at"), ids=Sum("pk"))
    return found["n"], found["latest"], found["ids"]


def _targets_key(today: datetime.date) -> tuple:
    return (
        connection.settings_dict["NAME"],
        today,
        _version(open_vacancies(today)),
        _version(Course.objects.published().filter(end_date__gte=today)),
    )


class Offers:
    """Offers as the engine scores them, and the versions of the areas they lie in (worked out when first asked
    for: only the nightly run needs them)."""

    def __init__(self, vacancies: list[VacancyFacts], courses: list[CourseFacts], *, today: datetime.date):
        self.today = today
        self.vacancies = VacancyTargets(vacancies, today=today)
        self.courses = CourseTargets(courses, today=today)
        self._areas: OfferAreas | None = None

    @property
    def areas(self) -> OfferAreas:
        if self._areas is None:
            self._areas = OfferAreas(self.vacancies.facts, self.courses.facts, today=self.today)
        return self._areas


def _offers_load(today: datetime.date, areas: list[tuple[float, float, float, float]] | None = None) -> Offers:
    return Offers(
        vacancy_facts_load(today=today, areas=areas), course_facts_load(today=today, areas=areas), today=today
    )


def _within(areas: list[tuple[float, float, float, float]]) -> Q:
    within = Q()
    for area in areas:
        within |= Q(latitude__range=area[:2], longitude__range=area[2:])
    return within


def _cached_offers(key: tuple) -> Offers | None:
    cached = _targets_cache.get("targets")
    if cached and cached[0] == key and time.monotonic() - cached[1] < TARGETS_MAX_AGE_SECONDS:
        return cached[2]
    return None


def match_offers(*, today: datetime.date | None = None) -> Offers:
    """All published vacancies and courses, kept in this process while they are unchanged."""
    today = today or timezone.localdate()
    key = _targets_key(today)
    offers = _cached_offers(key)
    if offers is None:
        offers = _offers_load(today)
        _targets_cache["targets"] = (key, time.monotonic(), offers)
    return offers


def match_targets(*, today: datetime.date | None = None) -> tuple[VacancyTargets, CourseTargets]:
    """All published vacancies and courses as engine targets, kept in this process while they are unchanged."""
    offers = match_offers(today=today)
    return offers.vacancies, offers.courses


def offers_for(facts: list[CandidateFacts], today: datetime.date) -> Offers:
    """Offers enough to recompute these few candidates: all of them when this process holds them unchanged,
    otherwise only those in the cells the candidates reach (after one offer changed, reading all 50,000 again
    would cost seconds for a few dozen candidates)."""
    offers = _cached_offers(_targets_key(today))
    if offers is not None:
        return offers
    return _offers_load(today, _areas_reached(facts))


def match_targets_forget() -> None:
    """Drop the offers kept in memory, so the next recomputation reads them anew (tests, bulk changes)."""
    _targets_cache.clear()


# --- Skipping candidates whose inputs have not changed --------------------------------------------------------

# Offers are grouped in the cells of a grid of latitude × longitude, about 11 × 10 km in Lower Saxony. A
# candidate's inputs include the version of the box of cells around their travel radius, so a changed offer
# sends only the candidates around it through the nightly recomputation again.
CELL_LAT, CELL_LON = 0.1, 0.15
# A little less than a degree of latitude on the earth (111.2 km), so that a box is never too small.
KM_PER_DEGREE = 111.0
# Up to this many candidates, the offers are read from the area each of them reaches rather than one around all.
SEPARATE_AREAS = 20
_MASK = (1 << 64) - 1
_INPUTS_PERSON = f"inputs-v{engine.ENGINE_VERSION}".encode()


def hash64(data: bytes, person: bytes, *, signed: bool = False) -> int:
    """A stable 64-bit hash (not Python's `hash`, which differs between processes); `person` keeps the hashes
    of different uses (and engine versions) apart. The one hash of the stored fingerprints."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=person).digest(), "big", signed=signed)


def _hash(value, *, signed: bool = False) -> int:
    """`hash64` of plain values: numbers, strings, dates, None, and lists and tuples of them."""
    return hash64(repr(value).encode(), _INPUTS_PERSON, signed=signed)


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_LAT), math.floor(longitude / CELL_LON)


def _box_around(location: tuple[float, float], km: float) -> tuple[float, float, float, float]:
    """Lowest and highest latitude, lowest and highest longitude of a box holding every place within `km`."""
    latitude, longitude = location
    d_lat = km / KM_PER_DEGREE
    # A degree of longitude is shortest on the box's side nearest the pole: measured there, the box is wide enough.
    d_lon = km / (KM_PER_DEGREE * math.cos(math.radians(min(abs(latitude) + d_lat, 89.0))))
    return latitude - d_lat, latitude + d_lat, longitude - d_lon, longitude + d_lon


def _reach_cells(candidate: CandidateFacts) -> tuple[int, int, int, int] | None:
    """First and last row and column of the cells that a box around the candidate's radius touches (None
    without a place: such a candidate reaches online courses only)."""
    if candidate.location is None:
        return None
    # A kilometre more: distances are rounded to 100 m.
    south, north, west, east = _box_around(candidate.location, engine.radius_tenths(candidate) / 10 + 1)
    first_row, first_column = _cell(south, west)
    last_row, last_column = _cell(north, east)
    return first_row, last_row, first_column, last_column


def _areas_reached(facts: list[CandidateFacts]) -> list[tuple[float, float, float, float]]:
    """Areas (latitudes, longitudes) covering every cell the candidates reach, one cell wider on each side so
    that rounding at a cell's edge never leaves an offer of a reached cell out: one per candidate for a few
    of them (those a changed vacancy reaches sit around it, and the one box around them all holds four times the
    offers), else one around them all."""
    boxes = [box for box in map(_reach_cells, facts) if box is not None]
    if not boxes:
        return [(0.0, 0.0, 0.0, 0.0)]  # online courses only
    if len(boxes) > SEPARATE_AREAS:
        rows, columns = [b[0] for b in boxes] + [b[1] for b in boxes], [b[2] for b in boxes] + [b[3] for b in boxes]
        boxes = [(min(rows), max(rows), min(columns), max(columns))]
    return [
        ((b[0] - 1) * CELL_LAT, (b[1] + 2) * CELL_LAT, (b[2] - 1) * CELL_LON, (b[3] + 2) * CELL_LON)
        for b in sorted(set(boxes))
    ]


def _vacancy_state(vacancy: VacancyFacts, today: datetime.date) -> list:
    """Everything the engine reads of a vacancy, and its state relative to the day: whether it says "closing
    soon". (Whether it is still open decides whether it is loaded at all; its start only counts against a
    candidate who can start later, and those are recomputed every day.)"""
    closes_soon = vacancy.closes_on is not None and 0 <= (vacancy.closes_on - today).days <= engine.CLOSING_SOON_DAYS
    return [
        "vacancy", vacancy.id, vacancy.kind, vacancy.kldb, vacancy.german, vacancy.location, vacancy.hours,
        vacancy.shift_work, vacancy.start_date, vacancy.childcare, sorted(vacancy.licences), vacancy.recognition,
        vacancy.closes_on, closes_soon,
    ]  # fmt: skip


def _course_state(course: CourseFacts, today: datetime.date) -> list:
    """Everything the engine reads of a course, and its start relative to the day as a candidate who can start
    now sees it: running, starting within the "soon" window, or later."""
    if course.start_date < today:
        start = "running"
    elif (course.start_date - today).days <= engine.COURSE_START_SOON_DAYS:
        start = "soon"
    else:
        start = "later"
    return [
        "course", course.id, course.kind, course.level_from, course.level_to, course.location, course.start_date,
        course.end_date, course.schedule, course.childcare, course.subject, course.seats_left, course.waiting_list,
        start,
    ]  # fmt: skip


class OfferAreas:
    """Versions of the offers by cell: the sum of a hash of each offer's state, kept as prefix sums so that the
    version of any box of cells takes four look-ups. Online courses have one version of their own."""

    def __init__(self, vacancies: Iterable[VacancyFacts], courses: Iterable[CourseFacts], *, today: datetime.date):
        cells: dict[tuple[int, int], int] = {}
        self.online = 0
        for state, location in [(_vacancy_state(v, today), v.location) for v in vacancies] + [
            (_course_state(c, today), c.location) for c in courses
        ]:
            if location is None:
                self.online = (self.online + _hash(state)) & _MASK
                continue
            cell = _cell(*location)
            cells[cell] = (cells.get(cell, 0) + _hash(state)) & _MASK
        if not cells:
            self.first_row = self.first_column = 0
            self.prefix = [[0]]
            return
        self.first_row = min(row for row, _column in cells)
        self.first_column = min(column for _row, column in cells)
        rows = max(row for row, _column in cells) - self.first_row + 1
        columns = max(column for _row, column in cells) - self.first_column + 1
        prefix = [[0] * (columns + 1) for _ in range(rows + 1)]
        for r in range(rows):
            running = 0
            for c in range(columns):
                running = (running + cells.get((r + self.first_row, c + self.first_column), 0)) & _MASK
                prefix[r + 1][c + 1] = (prefix[r][c + 1] + running) & _MASK
        self.prefix = prefix

    def version(self, first_row: int, last_row: int, first_column: int, last_column: int) -> int:
        """Version of the offers in the box of cells (inclusive); cells outside the grid hold no offers."""
        rows, columns = len(self.prefix) - 1, len(self.prefix[0]) - 1
        r0, r1 = max(first_row - self.first_row, 0), min(last_row - self.first_row, rows - 1)
        c0, c1 = max(first_column - self.first_column, 0), min(last_column - self.first_column, columns - 1)
        if r0 > r1 or c0 > c1:
            return 0
        p = self.prefix
        return (p[r1 + 1][c1 + 1] - p[r0][c1 + 1] - p[r1 + 1][c0] + p[r0][c0]) & _MASK


def _candidate_state(candidate: CandidateFacts, today: datetime.date) -> list:
    """Everything the engine reads of a candidate (their age in years included), in a stable order.

    A candidate who can start only later is scored against offers starting "now", whose start is today: their
    results change every day, so the day is part of their inputs.
    """
    if candidate.earliest_start is None or candidate.earliest_start <= today:
        available = "now"
    else:
        available = [candidate.earliest_start, today]
    return [
        candidate.id, candidate.german, sorted(candidate.looking_for), candidate.hours, available, candidate.location,
        candidate.radius_km, candidate.transport, candidate.occupations, candidate.childcare_needed,
        candidate.shift_work_possible, sorted(candidate.licences), candidate.recognised, candidate.age,
    ]  # fmt: skip


def inputs_fingerprint(candidate: CandidateFacts, areas: OfferAreas, today: datetime.date) -> int:
    """A hash of everything a candidate's vacancy and course matches are computed from, and of the engine
    version: equal hashes mean a recomputation would store the same rows."""
    box = _reach_cells(candidate)
    near = areas.version(*box) if box is not None else 0
    online = areas.online if engine.courses_help(candidate) else 0
    return _hash([_candidate_state(candidate, today), near, online], signed=True)  # a signed bigint


# --- Mentors -------------------------------------------------------------------------------------------------


def mentor_facts(mentor: MentorProfile, current: int | None = None) -> MentorFacts:
    """A mentor as the engine scores them. `current`: their mentorships that take up a place; by default the
    `current_mentorships` annotated on the mentor, else counted (one query)."""
    if current is None:
        current = getattr(mentor, "current_mentorships", None)
    if current is None:
        current = mentor.mentorships.current().count()
    if mentor.latitude is not None and mentor.longitude is not None:
        location = (mentor.latitude, mentor.longitude)
    else:
        location = coordinates_of(mentor.postal_code)
    return MentorFacts(
        id=mentor.pk,
        location=location,
        radius_km=mentor.travel_radius_km,
        free_places=mentor.capacity - current,
        helps_with=frozenset(mentor.helps_with or ()),
        languages=frozenset(mentor.languages or ()),
    )

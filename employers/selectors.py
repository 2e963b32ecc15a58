import math
from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from accounts.models import ORGANISATION_ROLES, Role, User
from accounts.selectors import user_coordinates_any_postal_code
from applications.models import EMPLOYER_TRANSITIONS, Application, ApplicationEvent, ApplicationStatus
from documents.models import Document
from occupations.models import Occupation
from occupations.selectors import occupation_ids_for_search, occupation_search
from places.geo import EARTH_RADIUS_KM, coordinates_of
from places.models import PostalCode
from places.selectors import user_region_q

from .models import SEARCH_CONFIG, Membership, Organisation, Vacancy, VacancyStatus, search_words


def organisation_of(*, user: User) -> Organisation | None:
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


def organisation_coordinated_by(*, organisation: Organisation, user: User) -> bool:
    """Whether a coordinator may act for the organisation (import its offers): it has a site in their region.
    Admins act for every organisation."""
    if user.role == Role.ADMIN:
        return user.is_active
    return user_coordinates_any_postal_code(user=user, postal_codes=list(organisation.locations or []))


def organisation_list_coordinated_by(*, user: User, organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Those of the organisations the user may act for (see organisation_coordinated_by), in one query."""
    if user.role == Role.ADMIN:
        return organisations
    # The places rule for postal codes; the user's codes are read once rather than once per organisation.
    codes = set(PostalCode.objects.filter(user_region_q(user=user, field="code")).values_list("code", flat=True))
    return organisations.filter(
        pk__in=[pk for pk, locations in organisations.values_list("pk", "locations") if codes & set(locations or [])]
    )


def organisation_public(*, pk: int) -> Organisation | None:
    return Organisation.objects.filter(pk=pk).first()


def is_organisation_admin(*, user: User, organisation: Organisation) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.organisation_id == organisation.pk and membership.is_admin


# --- Staff -------------------------------------------------------------------------------------------------


def membership_list_for_organisation(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("-is_admin", "user__last_name", "user__first_name", "pk")
    )


def membership_of_organisation(*, organisation: Organisation | None, pk: int) -> Membership | None:
    if organisation is None:
        return None
    return Membership.objects.select_related("user").filter(organisation=organisation, pk=pk).first()


# --- Vacancies ---------------------------------------------------------------------------------------------


def vacancy_list_published() -> QuerySet[Vacancy]:
    """Published vacancies with everything a result list shows, in a fixed number of queries.

    The search vector stays in the database: it is for finding rows, not for showing them.
    """
    return (
        Vacancy.objects.published()
        .select_related("organisation", "occupation", "occupation__field")
        .defer("search_vector")
    )


def vacancy_list_for_organisation(*, organisation: Organisation) -> QuerySet[Vacancy]:
    """The organisation's vacancies with their application counts (one query)."""
    return (
        Vacancy.objects.filter(organisation=organisation)
        .select_related("occupation")
        .annotate(
            application_count=Count("applications", distinct=True),
            open_application_count=Count(
                "applications",
                filter=~Q(applications__status__in=["hired", "declined", "withdrawn"]),
                distinct=True,
            ),
            new_application_count=Count("applications", filter=Q(applications__status="submitted"), distinct=True),
        )
        .order_by("status", "-created_at")
    )


def vacancy_of_organisation(*, organisation: Organisation | None, pk: int) -> Vacancy | None:
    """A vacancy only if it belongs to the organisation; anybody else's is as good as absent."""
    if organisation is None:
        return None
    return Vacancy.objects.select_related("occupation", "organisation").filter(organisation=organisation, pk=pk).first()


@dataclass(frozen=True)
class VacancyActions:
    """What the organisation's staff may do with its vacancy now, for the buttons (the services check again)."""

    change: bool = False
    publish: bool = False
    see_published: bool = False  # the page candidates read, and the candidates who fit
    mark_filled: bool = False


def vacancy_actions(*, vacancy: Vacancy, user: User) -> VacancyActions:
    """A filled vacancy is done (a new one offers it again); a draft or an expired one can be published."""
    membership = getattr(user, "membership", None)
    if (
        user.role not in ORGANISATION_ROLES
        or membership is None
        or membership.organisation_id != vacancy.organisation_id
    ):
        return VacancyActions()
    status = vacancy.status
    return VacancyActions(
        change=status != VacancyStatus.FILLED,
        publish=status in (VacancyStatus.DRAFT, VacancyStatus.EXPIRED),
        see_published=status == VacancyStatus.PUBLISHED,
        mark_filled=status != VacancyStatus.FILLED,
    )


def vacancy_list_open_of_organisation(*, organisation: Organisation) -> QuerySet[Vacancy]:
    """What the public organisation page lists: published offers only."""
    return vacancy_list_published().filter(organisation=organisation).order_by("-published_at", "-pk")


def vacancy_list_for_moderation(*, user: User) -> QuerySet[Vacancy]:
    """Published vacancies a moderator looks after: a coordinator those in their region, an admin all."""
    return vacancy_list_published().filter(user_region_q(user=user)).order_by("-published_at", "-pk")


def vacancy_for_moderation(*, user: User, pk: int) -> Vacancy | None:
    return vacancy_list_for_moderation(user=user).filter(pk=pk).first()


def occupation_choices_for_vacancy(*, query: str, vacancy: Vacancy | None = None) -> tuple[QuerySet | None, int]:
    """The occupations a search finds for the picker, and how many it found.

    The vacancy's own occupation stays in the list so a change does not lose it; without a query the
    queryset is None, which means the whole catalogue.
    """
    query = " ".join((query or "").split())
    if not query:
        return None, 0
    found = [occupation.pk for occupation in occupation_search(query=query)]
    keep = [vacancy.occupation_id] if vacancy is not None and vacancy.occupation_id else []
    return Occupation.objects.filter(pk__in=found + keep).select_related("field"), len(found)


# --- Applications, as the employer sees them ----------------------------------------------------------------


def application_of_organisation(*, organisation: Organisation | None, pk: int) -> Application | None:
    """An application to one of the organisation's vacancies; anybody else's is as good as absent."""
    if organisation is None:
        return None
    return (
        Application.objects.select_related("vacancy", "vacancy__organisation", "profile", "profile__user")
        .filter(vacancy__organisation=organisation, pk=pk)
        .first()
    )


def application_pipeline(*, vacancy: Vacancy) -> list[dict]:
    """The vacancy's applications grouped by status, in the order they move through, each group with its count."""
    applications = (
        Application.objects.filter(vacancy=vacancy).select_related("profile__user").order_by("created_at", "pk")
    )
    groups = {status: [] for status in ApplicationStatus.values}
    for application in applications:
        groups[application.status].append(application)
    return [
        {"status": status, "label": ApplicationStatus(status).label, "applications": groups[status]}
        for status in ApplicationStatus.values
    ]


def application_history(*, application: Application) -> QuerySet[ApplicationEvent]:
    return application.events.select_related("actor").order_by("created_at", "pk")


def application_documents_for_organisation(*, application: Application) -> QuerySet[Document]:
    """The documents sent with the application that the organisation may still open."""
    return (
        application.documents.filter(shares__organisation_id=application.vacancy.organisation_id, owner__is_active=True)
        .distinct()
        .order_by("title", "pk")
    )


def application_next_steps(*, application: Application) -> list[tuple[str, str]]:
    """The steps the employer may take next, as (status, label)."""
    return [(status, ApplicationStatus(status).label) for status in EMPLOYER_TRANSITIONS.get(application.status, ())]


def vacancy_text_search(queryset: QuerySet[Vacancy], *, query: str, typos: bool = False) -> QuerySet[Vacancy]:
    """Free text in any of the seven languages.

    The words match German title and description (PostgreSQL full-text search on the stored, indexed
    vector with the German configuration, so "Pflegekräfte" finds "Pflegekraft"; plain substring search on
    SQLite), and the whole query also matches the occupation catalogue in every language, so "نجار" finds a
    German "Tischler/in" vacancy and "Tischlr" the Tischler/in ones (the catalogue lookup is cached). With
    `typos` (PostgreSQL), offers whose title has a word much like the query are found too: for a search
    that finds nothing otherwise, see vacancy_ids_with_similar_title.
    """
    query = " ".join((query or "").split())[:100]
    if not query:
        return queryset
    matches = Q(occupation_id__in=occupation_ids_for_search(query=query, limit=50))
    if connection.vendor == "postgresql":
        matches |= Q(search_vector=SearchQuery(search_words(query), config=SEARCH_CONFIG, search_type="websearch"))
        if typos:
            matches |= Q(pk__in=vacancy_ids_with_similar_title(query=query))
    else:
        text_match = Q()
        for word in query.split():
            text_match &= Q(title__icontains=word) | Q(description__icontains=word)
        matches |= text_match
    return queryset.filter(matches)


def vacancy_ids_with_similar_title(*, query: str) -> list[int]:
    """Published offers whose title has a word much like the query (pg_trgm word similarity of at least 0.6).

    Read as a list through the title's trigram index, in one query without an order or a limit: given
    either, PostgreSQL may walk the whole table comparing every title, as it cannot tell how few titles a
    misspelt word is like. Only for searches that find nothing otherwise, so the list stays short.
    """
    if connection.vendor != "postgresql":
        return []
    similar = Vacancy.objects.published().filter(TrigramWordSimilar(F("title"), query)).order_by()
    return list(similar.values_list("pk", flat=True))


def vacancy_within(queryset: QuerySet[Vacancy], *, postal_code: str, radius_km: float | None) -> QuerySet[Vacancy]:
    """Annotate `distance_km` from a postal code and keep those within the radius (if one is given).

    A bounding box narrows the rows first (it can use the index), then the great-circle distance decides.
    """
    origin = coordinates_of(postal_code)
    if origin is None:
        return queryset.none()
    queryset = queryset.annotate(distance_km=great_circle_km(*origin))
    return _near(queryset, origin=origin, radius_km=radius_km) if radius_km else queryset


# Around a place, the nearest offers are looked for within these distances first.
NEAREST_RINGS_KM = (5, 10, 25, 50, 100, 200)


def vacancy_nearest_narrowed(
    queryset: QuerySet[Vacancy], *, postal_code: str, rows: int, radius_km: float | None = None
) -> QuerySet[Vacancy]:
    """The same first `rows` offers of a nearest-first queryset, looked for only within the smallest ring
    around the postal code that holds that many, so the database computes and sorts the distances of those
    offers rather than of every offer in the state. Every offer outside a ring is farther away than every
    offer inside it, so the ring's first rows are the same.

    At most two queries: one for the smallest ring, which holds the page in towns and cities, and one that
    chooses among the others. Compiling a ring's query costs about as much as running it, so the others are
    compiled only when the smallest is not enough.

    The queryset must come from vacancy_within with the same postal code (within `radius_km`, if given).
    """
    origin = coordinates_of(postal_code)
    if origin is None or rows <= 0:
        return queryset
    rings = [ring_km for ring_km in NEAREST_RINGS_KM if not radius_km or ring_km < radius_km]
    if not rings:
        return queryset
    smallest = _near(queryset, origin=origin, radius_km=rings[0])
    if smallest.order_by()[:rows].count() == rows:
        return smallest
    wider = [_near(queryset, origin=origin, radius_km=ring_km) for ring_km in rings[1:]]
    chosen = _first_ring_holding(wider, rows=rows)
    return chosen if chosen is not None else queryset


def _first_ring_holding(rings: list[QuerySet], *, rows: int) -> QuerySet | None:
    """The first of the rings (smallest first) with at least `rows` rows, or None, in one query.

    Each ring is counted only up to `rows` in a subquery of a CASE; PostgreSQL runs such a subquery only
    when its branch is reached, so the rings beyond the first that holds enough are never read.
    """
    if not rings:
        return None
    branches, params = [], []
    for position, ring in enumerate(rings):
        sql, ring_params = ring.order_by().values("pk")[:rows].query.sql_with_params()
        # Only SQL compiled by the ORM and an integer go into the text; every value stays a parameter.
        branches.append(f"WHEN (SELECT COUNT(*) FROM ({sql}) AS ring) >= %s THEN {position:d}")  # noqa: S608
        params.extend([*ring_params, rows])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT CASE {' '.join(branches)} ELSE -1 END", params)
        position = cursor.fetchone()[0]
    return rings[position] if position >= 0 else None


def _near(queryset: QuerySet, *, origin: tuple[float, float], radius_km: float) -> QuerySet:
    """Rows of a queryset annotated with `distance_km` (from origin) that lie within the radius."""
    latitude, longitude = origin
    lat_delta = radius_km / 111.2
    lon_delta = radius_km / (111.2 * max(math.cos(math.radians(latitude)), 0.01))
    return queryset.filter(
        latitude__range=(latitude - lat_delta, latitude + lat_delta),
        longitude__range=(longitude - lon_delta, longitude + lon_delta),
        distance_km__lte=radius_km,
    )


def great_circle_km(latitude: float, longitude: float):
    """Haversine distance from a point to each row's latitude/longitude, as a database expression."""
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    lat2, lon2 = Radians(F("latitude")), Radians(F("longitude"))
    half_chord = Power(Sin((lat2 - Value(lat1)) / 2), 2) + Value(math.cos(lat1)) * Cos(lat2) * Power(
        Sin((lon2 - Value(lon1)) / 2), 2
    )
    return ExpressionWrapper(Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(half_chord)), output_field=FloatField())

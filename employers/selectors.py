import math

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from accounts.models import User
from places.geo import EARTH_RADIUS_KM, coordinates_of

from .models import Organisation, Vacancy


def organisation_of(*, user: User) -> Organisation | None:
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None


# --- Vacancies ---------------------------------------------------------------------------------------------


def vacancy_list_published() -> QuerySet[Vacancy]:
    """Published vacancies with everything a result list shows, in a fixed number of queries."""
    return Vacancy.objects.published().select_related("organisation", "occupation", "occupation__field")


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
        )
        .order_by("status", "-created_at")
    )


def vacancy_of_organisation(*, organisation: Organisation | None, pk: int) -> Vacancy | None:
    """A vacancy only if it belongs to the organisation; anybody else's is as good as absent."""
    if organisation is None:
        return None
    return Vacancy.objects.select_related("occupation", "organisation").filter(organisation=organisation, pk=pk).first()


def vacancy_text_search(queryset: QuerySet[Vacancy], *, query: str) -> QuerySet[Vacancy]:
    """Free text in any of the seven languages.

    The words match German title and description (PostgreSQL full-text search with the German
    configuration, so "Pflegekräfte" finds "Pflegekraft"; plain substring search on SQLite), and the
    whole query also matches the occupation catalogue in every language, so "نجار" finds a German
    "Tischler/in" vacancy.
    """
    from occupations.selectors import occupation_search

    query = " ".join((query or "").split())[:100]
    if not query:
        return queryset
    occupation_ids = [occupation.pk for occupation in occupation_search(query=query, limit=50)]
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config="german") + SearchVector(
            "description", weight="B", config="german"
        )
        text_match = Q(
            pk__in=Vacancy.objects.annotate(search=vector)
            .filter(search=SearchQuery(query, config="german", search_type="websearch"))
            .values("pk")
        )
    else:
        text_match = Q()
        for word in query.split():
            text_match &= Q(title__icontains=word) | Q(description__icontains=word)
    return queryset.filter(text_match | Q(occupation_id__in=occupation_ids))


def vacancy_within(queryset: QuerySet[Vacancy], *, postal_code: str, radius_km: float | None) -> QuerySet[Vacancy]:
    """Annotate `distance_km` from a postal code and keep those within the radius (if one is given).

    A bounding box narrows the rows first (it can use the index), then the great-circle distance decides.
    """
    origin = coordinates_of(postal_code)
    if origin is None:
        return queryset.none()
    latitude, longitude = origin
    if radius_km:
        lat_delta = radius_km / 111.2
        lon_delta = radius_km / (111.2 * max(math.cos(math.radians(latitude)), 0.01))
        queryset = queryset.filter(
            latitude__range=(latitude - lat_delta, latitude + lat_delta),
            longitude__range=(longitude - lon_delta, longitude + lon_delta),
        )
    queryset = queryset.annotate(distance_km=great_circle_km(latitude, longitude))
    if radius_km:
        queryset = queryset.filter(distance_km__lte=radius_km)
    return queryset


def great_circle_km(latitude: float, longitude: float):
    """Haversine distance from a point to each row's latitude/longitude, as a database expression."""
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    lat2, lon2 = Radians(F("latitude")), Radians(F("longitude"))
    half_chord = Power(Sin((lat2 - Value(lat1)) / 2), 2) + Value(math.cos(lat1)) * Cos(lat2) * Power(
        Sin((lon2 - Value(lon1)) / 2), 2
    )
    return ExpressionWrapper(Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(half_chord)), output_field=FloatField())

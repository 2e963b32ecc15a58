"""Reads for courses: the course finder with its level-based proposal, and the lists of providers and candidates."""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When

from accounts.models import Role, User
from common.vocabulary import GermanLevel
from employers.models import Organisation
from employers.selectors import great_circle_km, organisation_list_coordinated_by, organisation_of
from places.geo import coordinates_of
from portal.models import CandidateProfile

from .models import Course, CourseRegistration, CourseStatus, Delivery, RegistrationStatus

ONLINE_INCLUDE, ONLINE_ONLY, ONLINE_EXCLUDE = "include", "only", "exclude"
# Courses a person can follow from home; a hybrid course can be joined online too.
REMOTE_DELIVERIES = (Delivery.ONLINE, Delivery.HYBRID)


@dataclass(frozen=True)
class CourseFilters:
    kind: str = ""
    level: str = ""
    postal_code: str = ""
    radius_km: int | None = None
    online: str = ONLINE_INCLUDE
    childcare: bool = False
    schedule: str = ""
    start_within_weeks: int | None = None
    # The searcher's own German level: not a filter, it decides which courses come first.
    my_level: str = ""


def next_sensible_level(level: str) -> str:
    """The level to learn next: no German yet → A1, A2 → B1; at C2 there is nothing higher."""
    values = [value for value in GermanLevel.values if value != GermanLevel.NONE]
    rank = GermanLevel.rank(level)
    return values[min(rank, len(values) - 1)]


def course_search(*, filters: CourseFilters, today: date | None = None) -> QuerySet[Course]:
    """Published courses that have not ended, filtered, with the proposal for the searcher's level first.

    Each course carries `proposal_rank` (0: covers the next level and starts at or above the searcher's
    level, 1: covers the next level but starts lower, 2: the rest) and, when a postal code is given,
    `distance_km` (empty for online courses). Order: proposal, distance, start date.
    """
    today = today or date.today()
    queryset = Course.objects.published().filter(end_date__gte=today).select_related("provider")
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.level:
        queryset = queryset.filter(level_from__lte=filters.level, level_to__gte=filters.level)
    if filters.schedule:
        queryset = queryset.filter(schedule=filters.schedule)
    if filters.childcare:
        queryset = queryset.filter(childcare=True)
    if filters.start_within_weeks:
        queryset = queryset.filter(start_date__lte=today + timedelta(weeks=filters.start_within_weeks))
    if filters.online == ONLINE_ONLY:
        queryset = queryset.filter(delivery__in=REMOTE_DELIVERIES)
    elif filters.online == ONLINE_EXCLUDE:
        queryset = queryset.exclude(delivery=Delivery.ONLINE)

    ordering = []
    if filters.my_level:
        proposed = next_sensible_level(filters.my_level)
        covers = Q(level_from__lte=proposed, level_to__gte=proposed)
        queryset = queryset.annotate(
            proposal_rank=Case(
                When(covers & Q(level_from__gte=filters.my_level), then=Value(0)),
                When(covers, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        ordering.append("proposal_rank")

    origin = coordinates_of(filters.postal_code) if filters.postal_code else None
    if origin is not None:
        queryset = _within(queryset, origin=origin, radius_km=filters.radius_km, online=filters.online)
        ordering.append(F("distance_km").asc(nulls_last=True))
    return queryset.order_by(*ordering, "start_date", "pk")


def _within(queryset: QuerySet[Course], *, origin: tuple[float, float], radius_km: int | None, online: str):
    """Annotate the distance and keep courses within the radius; online ones count as near when wanted."""
    latitude, longitude = origin
    queryset = queryset.annotate(distance_km=great_circle_km(latitude, longitude))
    if not radius_km:
        return queryset
    lat_delta = radius_km / 111.2
    lon_delta = radius_km / (111.2 * max(math.cos(math.radians(latitude)), 0.01))
    # The bounding box lets the database narrow the rows before the exact distance decides.
    near = Q(
        latitude__range=(latitude - lat_delta, latitude + lat_delta),
        longitude__range=(longitude - lon_delta, longitude + lon_delta),
        distance_km__lte=radius_km,
    )
    if online == ONLINE_EXCLUDE:
        return queryset.filter(near)
    return queryset.filter(near | Q(delivery__in=REMOTE_DELIVERIES))


def course_detail(*, pk: int) -> Course | None:
    """A course anybody may look at: published or cancelled (drafts only through the provider's pages)."""
    return (
        Course.objects.filter(pk=pk, status__in=[CourseStatus.PUBLISHED, CourseStatus.CANCELLED])
        .select_related("provider")
        .first()
    )


def course_of_provider(*, provider: Organisation | None, pk: int) -> Course | None:
    """A course only if it belongs to the provider; anybody else's is as good as absent."""
    if provider is None:
        return None
    return Course.objects.filter(provider=provider, pk=pk).first()


def course_list_for_provider(*, provider: Organisation) -> QuerySet[Course]:
    """The provider's courses with the number of seats taken and people waiting (one query)."""
    return (
        Course.objects.filter(provider=provider)
        .annotate(
            registered_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
            waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )
        .order_by("status", "start_date", "pk")
    )


def course_provider_of_staff(*, user: User) -> Organisation | None:
    """The course provider a staff member works for; None for staff of an organisation without courses."""
    organisation = organisation_of(user=user)
    return organisation if organisation is not None and organisation.is_course_provider else None


def course_provider_choices(*, user: User | None = None) -> QuerySet[Organisation]:
    """Every course provider, or those a coordinator may act for: with a site in their region."""
    providers = Organisation.objects.filter(is_course_provider=True).order_by("name")
    if user is None or user.role != Role.COORDINATOR:
        return providers
    return organisation_list_coordinated_by(user=user, organisations=providers)


def registration_of(*, course: Course, profile: CandidateProfile) -> CourseRegistration | None:
    return CourseRegistration.objects.filter(course=course, profile=profile).first()


def registration_count_active(*, course: Course) -> int:
    """How many people hold a seat or wait for one."""
    return course.registrations.exclude(status=RegistrationStatus.CANCELLED).count()


def registration_list_for_profile(*, profile: CandidateProfile) -> QuerySet[CourseRegistration]:
    """The candidate's registrations, newest course first, with their place on a waiting list."""
    ahead = (
        CourseRegistration.objects.filter(course=OuterRef("course"), status=RegistrationStatus.WAITING)
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk")))
        .order_by()
        .values("course")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        CourseRegistration.objects.filter(profile=profile)
        .select_related("course", "course__provider")
        .annotate(
            waiting_position=Case(
                When(status=RegistrationStatus.WAITING, then=Subquery(ahead, output_field=IntegerField())),
                default=None,
                output_field=IntegerField(),
            )
        )
        .order_by(
            Case(When(status=RegistrationStatus.CANCELLED, then=Value(1)), default=Value(0)), "course__start_date"
        )
    )


def waiting_position(*, registration: CourseRegistration) -> int | None:
    """1 for the first person waiting; None for anyone not on the waiting list."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    return (
        CourseRegistration.objects.filter(course_id=registration.course_id, status=RegistrationStatus.WAITING)
        .filter(
            Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lte=registration.pk)
        )
        .count()
    )

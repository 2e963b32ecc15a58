"""Reads for mentoring and the coordinator workspace.

A coordinator's scope is their region: candidates and mentors whose postal code lies in it. Admins see
everything (scope None) or choose one region. Everything here returns only what the scope allows, so a
view that finds nothing answers 404.
"""

import dataclasses
import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.selectors import user_coordinates_postal_code
from applications.models import Application, ApplicationEvent, ApplicationStatus
from courses.models import CourseRegistration, CourseStatus, RegistrationStatus
from events.models import EventRegistration
from events.models import RegistrationStatus as EventRegistrationStatus
from matching import engine
from matching.facts import candidate_facts_load, mentor_facts
from matching.selectors import mentor_rank_for_candidate
from places.geo import haversine_km
from places.models import Region
from places.selectors import candidate_list_in_region, candidate_region_q, coordinator_region, region_q
from portal.models import CandidateLanguage, CandidateProfile

from .assignment import assignment_greedy, assignment_optimal, assignment_total, top_k
from .models import (
    HelpTopic,
    MentorProfile,
    MentorRequest,
    MentorRequestStatus,
    Mentorship,
    MentorshipEvent,
    MentorshipNote,
    MentorshipStatus,
)

# A candidate "has a mentor" once both sides said yes, until the mentorship ends.
WITH_MENTOR_STATUSES = (MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED)
INACTIVE_AFTER_DAYS = 30
SUGGESTION_TOP_K = 20
KM_PER_DEGREE_LATITUDE = 111.2

ROLE_CANDIDATE, ROLE_MENTOR, ROLE_COORDINATOR = "candidate", "mentor", "coordinator"


# --- Scope and permissions ---------------------------------------------------------------------------------


def region_of_coordinator(*, user: User, region_id: str | None = None) -> Region | None:
    """A coordinator's own region; for an admin the chosen region or None for all (an unknown id is all).
    The rule is places.selectors.coordinator_region's."""
    return coordinator_region(user=user, chosen_region_id=region_id)


def coordinators_for_postal_code(*, postal_code: str) -> QuerySet[User]:
    """The coordinators responsible for a place (several regions may share a postal code)."""
    if not postal_code:
        return User.objects.none()
    return User.objects.coordinators().filter(is_active=True, region__postal_codes__code=postal_code).distinct()


def mentorship_role_of(*, user: User, mentorship: Mentorship) -> str | None:
    """How the user takes part in a mentorship: candidate, mentor, coordinator, or None for outsiders."""
    if not user.is_authenticated:
        return None
    if user.role == Role.CANDIDATE and mentorship.profile.user_id == user.pk:
        return ROLE_CANDIDATE
    if user.role == Role.MENTOR and mentorship.mentor.user_id == user.pk:
        return ROLE_MENTOR
    if user.role in (Role.COORDINATOR, Role.ADMIN) and user_coordinates_postal_code(
        user=user, postal_code=mentorship.profile.postal_code
    ):
        return ROLE_COORDINATOR
    return None


def mentorship_notes_visible_to(*, user: User, mentorship: Mentorship) -> bool:
    """Notes are for the mentor and the coordinators only; never the candidate, never an employer."""
    return mentorship_role_of(user=user, mentorship=mentorship) in (ROLE_MENTOR, ROLE_COORDINATOR)


def mentorship_contact_visible_to(*, user: User, mentorship: Mentorship) -> bool:
    """Names and addresses once both sides said yes, while the mentorship lasts; the coordinators always."""
    role = mentorship_role_of(user=user, mentorship=mentorship)
    if role == ROLE_COORDINATOR:
        return True
    return role is not None and mentorship.status in WITH_MENTOR_STATUSES


def mentorship_for_user(*, user: User, pk: int) -> Mentorship | None:
    """The mentorship if the user takes part in it; anybody else's is as good as absent."""
    mentorship = Mentorship.objects.select_related("mentor__user", "profile__user", "request").filter(pk=pk).first()
    if mentorship is None or mentorship_role_of(user=user, mentorship=mentorship) is None:
        return None
    return mentorship


# --- Mentors -----------------------------------------------------------------------------------------------


def mentor_profile_of(*, user: User) -> MentorProfile | None:
    return MentorProfile.objects.filter(user=user).first()


def mentors_in_region(*, region: Region | None) -> QuerySet[MentorProfile]:
    """The scope's mentors, each with `current_mentorships` (those that take up a place), as matching expects."""
    return (
        MentorProfile.objects.filter(region_q(region=region), user__is_active=True)
        .annotate(
            current_mentorships=Count(
                "mentorships", filter=~Q(mentorships__status=MentorshipStatus.ENDED), distinct=True
            )
        )
        .select_related("user")
    )


def mentor_in_region(*, region: Region | None, pk: int) -> MentorProfile | None:
    return mentors_in_region(region=region).filter(pk=pk).first()


def mentor_list_awaiting_approval(*, region: Region | None) -> QuerySet[MentorProfile]:
    return mentors_in_region(region=region).awaiting_approval().order_by("created_at", "pk")


def mentor_list_approved(*, region: Region | None) -> QuerySet[MentorProfile]:
    return mentors_in_region(region=region).approved().order_by("user__last_name", "user__first_name", "pk")


def mentorships_of_mentor(*, mentor: MentorProfile) -> QuerySet[Mentorship]:
    return (
        mentor.mentorships.select_related("profile__user", "request")
        .prefetch_related("profile__languages")
        .order_by("-updated_at", "-pk")
    )


# --- Candidates' requests ----------------------------------------------------------------------------------


def mentor_request_waiting_of(*, profile: CandidateProfile) -> MentorRequest | None:
    return profile.mentor_requests.filter(status=MentorRequestStatus.WAITING).first()


def mentorship_current_of(*, profile: CandidateProfile) -> Mentorship | None:
    """The candidate's mentorship that is not over yet (proposed, accepted, active or paused)."""
    return profile.mentorships.current().select_related("mentor__user").order_by("-created_at").first()


def mentor_request_list_waiting(*, region: Region | None) -> QuerySet[MentorRequest]:
    return (
        MentorRequest.objects.filter(
            candidate_region_q(region=region, profile="profile__"), status=MentorRequestStatus.WAITING
        )
        .select_related("profile__user")
        .prefetch_related(Prefetch("profile__languages", queryset=CandidateLanguage.objects.order_by("pk")))
        .order_by("created_at", "pk")
    )


def mentor_request_in_region(*, region: Region | None, pk: int) -> MentorRequest | None:
    return (
        MentorRequest.objects.filter(candidate_region_q(region=region, profile="profile__"), pk=pk)
        .select_related("profile__user")
        .first()
    )


def mentor_proposals(*, mentor_request: MentorRequest, region: Region | None) -> list:
    """Approved mentors of the scope who can take the candidate, best first, with score and reasons."""
    taken = Mentorship.objects.current().filter(profile=mentor_request.profile).values("mentor")
    mentors = mentors_in_region(region=region).approved().exclude(pk__in=taken)
    return mentor_rank_for_candidate(profile=mentor_request.profile, topics=mentor_request.topics, mentors=mentors)


# --- "Suggest for my region": the optimal assignment -------------------------------------------------------


@dataclass
class SuggestionRow:
    request: MentorRequest
    options: list[tuple[MentorProfile, int]]  # the candidate's best mentors, best first
    chosen: MentorProfile | None
    score: int = 0
    field_name: str = ""


@dataclass
class Suggestion:
    rows: list[SuggestionRow]
    mentors: dict[int, MentorProfile]
    total: int
    greedy_total: int
    assigned: int
    options: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def mentor_assignment_options(
    *, region: Region | None, k: int = SUGGESTION_TOP_K
) -> tuple[list[MentorRequest], dict[int, MentorProfile], dict[int, list[tuple[int, int]]]]:
    """The scope's waiting requests, its approved mentors, and each request's best k (mentor pk, score).

    Scores come from the matching engine (the same as the proposals for one request), computed in bulk:
    candidate facts in one go, and only for mentors within reach of the candidate's place.
    """
    requests = list(mentor_request_list_waiting(region=region))
    mentors = {mentor.pk: mentor for mentor in mentors_in_region(region=region).approved()}
    mentors_facts = [
        mentor_facts(mentor) for mentor in mentors.values() if mentor.capacity > mentor.current_mentorships
    ]
    profile_ids = [request.profile_id for request in requests]
    languages: dict[int, set[str]] = {}
    for profile_id, language in CandidateLanguage.objects.filter(profile_id__in=profile_ids).values_list(
        "profile_id", "language"
    ):
        languages.setdefault(profile_id, set()).add(language)
    facts = {
        candidate.id: dataclasses.replace(candidate, languages=frozenset(languages.get(candidate.id, ())))
        for candidate in candidate_facts_load(profile_ids=profile_ids)
    }
    reach: dict[tuple[float, float] | None, list[engine.MentorFacts]] = {}
    options: dict[int, list[tuple[int, int]]] = {}
    for request in requests:
        candidate = facts.get(request.profile_id)
        if candidate is None:
            options[request.pk] = []
            continue
        if candidate.location not in reach:
            reach[candidate.location] = _in_reach(candidate.location, mentors_facts)
        scored = []
        for mentor in reach[candidate.location]:
            found = engine.score_mentor(candidate, mentor, request.topics, ignore_capacity=True)
            if found is not None:
                scored.append((mentor.id, found[0]))
        options[request.pk] = top_k(scored, k)
    return requests, mentors, options


def _in_reach(point: tuple[float, float] | None, mentors: list[engine.MentorFacts]) -> list[engine.MentorFacts]:
    """Mentors who might reach the place; clearly too far ones are skipped before any scoring."""
    if point is None:
        return mentors
    latitude, longitude = point
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
    near = []
    for mentor in mentors:
        if mentor.location is not None:
            limit = mentor.radius_km * 1.1 + 1
            if abs(mentor.location[0] - latitude) * KM_PER_DEGREE_LATITUDE > limit:
                continue
            if abs(mentor.location[1] - longitude) * km_per_degree_longitude > limit:
                continue
            if haversine_km(point, mentor.location) > limit:
                continue
        near.append(mentor)
    return near


def mentor_assignment_suggest(*, region: Region | None, k: int = SUGGESTION_TOP_K, optimise: bool = True) -> Suggestion:
    """Every waiting request of the scope with the mentor the optimal assignment gives it (or none).

    With `optimise=False` only the options are computed (to check a confirmed suggestion).
    """
    requests, mentors, options = mentor_assignment_options(region=region, k=k)
    capacities = {pk: max(mentor.capacity - mentor.current_mentorships, 0) for pk, mentor in mentors.items()}
    chosen = assignment_optimal(options=options, capacities=capacities) if optimise else {}
    greedy = assignment_greedy(options=options, capacities=capacities) if optimise else {}
    fits = {pk: dict(choices) for pk, choices in options.items()}
    rows = [
        SuggestionRow(
            request=request,
            options=[(mentors[mentor_pk], score) for mentor_pk, score in options[request.pk]],
            chosen=mentors.get(chosen.get(request.pk)),
            score=fits[request.pk].get(chosen.get(request.pk), 0),
        )
        for request in requests
    ]
    return Suggestion(
        rows=rows,
        mentors=mentors,
        total=assignment_total(options=options, assignment=chosen),
        greedy_total=assignment_total(options=options, assignment=greedy),
        assigned=len(chosen),
        options=options,
    )


# --- Caseload ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseloadFilters:
    no_mentor: bool = False
    inactive: bool = False
    german_level: str = ""
    waiting_for_course: bool = False
    application_in_progress: bool = False


def _latest(queryset: QuerySet, field_name: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field_name}").values(field_name)[:1])


def _caseload_states(today: datetime.date) -> dict[str, Exists]:
    """Where each candidate stands, as conditions on the candidate's profile row."""
    profile = OuterRef("pk")
    mentorships = Mentorship.objects.filter(profile=profile)
    registrations = CourseRegistration.objects.filter(profile=profile)
    applications = Application.objects.filter(profile=profile)
    return {
        "has_mentor": Exists(mentorships.filter(status__in=WITH_MENTOR_STATUSES)),
        "mentor_proposed": Exists(mentorships.filter(status=MentorshipStatus.PROPOSED)),
        "waiting_for_mentor": Exists(MentorRequest.objects.filter(profile=profile, status=MentorRequestStatus.WAITING)),
        "in_course": Exists(
            registrations.filter(status=RegistrationStatus.REGISTERED, course__end_date__gte=today).exclude(
                course__status=CourseStatus.CANCELLED
            )
        ),
        "waiting_for_course": Exists(registrations.filter(status=RegistrationStatus.WAITING)),
        "application_in_progress": Exists(applications.open()),
        "in_trial": Exists(applications.filter(status=ApplicationStatus.AGREED)),
        "hired": Exists(applications.filter(status=ApplicationStatus.HIRED)),
    }


def caseload_queryset(*, region: Region | None, today: datetime.date | None = None) -> QuerySet[CandidateProfile]:
    """The candidates of the scope, each with what the caseload shows and filters by."""
    profile = OuterRef("pk")
    floor = F("created_at")
    return (
        candidate_list_in_region(region=region)
        .select_related("user")
        .annotate(
            **_caseload_states(today or timezone.localdate()),
            last_activity=Greatest(
                F("updated_at"),
                Coalesce(_latest(ApplicationEvent.objects.filter(application__profile=profile), "created_at"), floor),
                Coalesce(_latest(CourseRegistration.objects.filter(profile=profile), "updated_at"), floor),
                Coalesce(_latest(Mentorship.objects.filter(profile=profile), "updated_at"), floor),
                Coalesce(_latest(MentorRequest.objects.filter(profile=profile), "updated_at"), floor),
                Coalesce(_latest(EventRegistration.objects.filter(user=OuterRef("user")), "updated_at"), floor),
            ),
        )
    )


def caseload_list(
    *, region: Region | None, filters: CaseloadFilters, now: datetime.datetime | None = None
) -> QuerySet[CandidateProfile]:
    now = now or timezone.now()
    queryset = caseload_queryset(region=region, today=timezone.localdate(now))
    if filters.no_mentor:
        queryset = queryset.filter(has_mentor=False)
    if filters.inactive:
        queryset = queryset.filter(last_activity__lt=now - datetime.timedelta(days=INACTIVE_AFTER_DAYS))
    if filters.german_level:
        queryset = queryset.filter(german_level=filters.german_level)
    if filters.waiting_for_course:
        queryset = queryset.filter(waiting_for_course=True)
    if filters.application_in_progress:
        queryset = queryset.filter(application_in_progress=True)
    return queryset.order_by("user__last_name", "user__first_name", "pk")


def caseload_counts(*, region: Region | None) -> dict[str, int]:
    """The figures at the top of the caseload, for the whole scope, in one query."""
    states = _caseload_states(timezone.localdate())
    return candidate_list_in_region(region=region).aggregate(
        candidates=Count("pk"),
        with_mentor=Count("pk", filter=Q(states["has_mentor"])),
        in_course=Count("pk", filter=Q(states["in_course"])),
        in_trial=Count("pk", filter=Q(states["in_trial"])),
        hired=Count("pk", filter=Q(states["hired"])),
    )


# --- Timeline ----------------------------------------------------------------------------------------------

KIND_PROFILE, KIND_APPLICATION, KIND_COURSE, KIND_EVENT, KIND_MENTORING = (
    "profile",
    "application",
    "course",
    "event",
    "mentoring",
)


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime | datetime.date
    kind: str
    text: str
    detail: str = ""

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.when, datetime.datetime):
            return self.when
        return timezone.make_aware(datetime.datetime.combine(self.when, datetime.time(23, 59)))

    @property
    def date_only(self) -> bool:
        return not isinstance(self.when, datetime.datetime)


def candidate_timeline(*, profile: CandidateProfile) -> list[TimelineEntry]:
    """Everything that happened in the candidate's case, newest first, in the reader's language.

    Profile changes are known as the creation, the last change and the last change of visibility.
    """
    entries = [TimelineEntry(profile.created_at, KIND_PROFILE, _("Profile created"))]
    if profile.updated_at - profile.created_at > datetime.timedelta(minutes=1):
        entries.append(TimelineEntry(profile.updated_at, KIND_PROFILE, _("Profile last changed")))
    if profile.visibility_changed_at:
        text = _("Profile shown to employers") if profile.visible_to_employers else _("Profile hidden from employers")
        entries.append(TimelineEntry(profile.visibility_changed_at, KIND_PROFILE, text))

    for event in ApplicationEvent.objects.filter(application__profile=profile).select_related(
        "application__vacancy__organisation"
    ):
        vacancy = event.application.vacancy
        entries.append(
            TimelineEntry(
                event.created_at,
                KIND_APPLICATION,
                _("Application for “%(title)s” (%(organisation)s): %(status)s")
                % {
                    "title": vacancy.title,
                    "organisation": vacancy.organisation.name,
                    "status": ApplicationStatus(event.status).label,
                },
            )
        )

    for registration in CourseRegistration.objects.filter(profile=profile).select_related("course"):
        title = registration.course.title
        entries.append(
            TimelineEntry(
                registration.created_at, KIND_COURSE, _("Signed up for the course “%(title)s”") % {"title": title}
            )
        )
        if registration.updated_at - registration.created_at > datetime.timedelta(seconds=5):
            entries.append(
                TimelineEntry(
                    registration.updated_at,
                    KIND_COURSE,
                    _("Course “%(title)s”: %(status)s")
                    % {"title": title, "status": RegistrationStatus(registration.status).label},
                )
            )

    for registration in EventRegistration.objects.filter(user=profile.user).select_related("event"):
        title = registration.event.title
        entries.append(
            TimelineEntry(
                registration.created_at, KIND_EVENT, _("Signed up for the event “%(title)s”") % {"title": title}
            )
        )
        if registration.checked_in_at:
            entries.append(
                TimelineEntry(
                    registration.checked_in_at, KIND_EVENT, _("Took part in the event “%(title)s”") % {"title": title}
                )
            )
        if registration.status == EventRegistrationStatus.CANCELLED:
            entries.append(
                TimelineEntry(
                    registration.updated_at, KIND_EVENT, _("Cancelled the event “%(title)s”") % {"title": title}
                )
            )

    for request in profile.mentor_requests.all():
        topics = ", ".join(str(HelpTopic(topic).label) for topic in request.topics if topic in HelpTopic.values)
        entries.append(
            TimelineEntry(
                request.created_at,
                KIND_MENTORING,
                _("Asked for a mentor: %(topics)s") % {"topics": topics},
                request.message,
            )
        )
        if request.status == MentorRequestStatus.WITHDRAWN:
            entries.append(TimelineEntry(request.updated_at, KIND_MENTORING, _("Withdrew the request for a mentor")))

    for event in MentorshipEvent.objects.filter(mentorship__profile=profile).select_related("mentorship__mentor__user"):
        entries.append(
            TimelineEntry(
                event.created_at,
                KIND_MENTORING,
                _("Mentorship with %(mentor)s: %(step)s")
                % {"mentor": event.mentorship.mentor.user.get_full_name(), "step": event.get_step_display()},
                event.reason,
            )
        )
    for note in MentorshipNote.objects.filter(mentorship__profile=profile).select_related("author"):
        author = note.author.get_full_name() if note.author else _("someone no longer registered")
        entries.append(
            TimelineEntry(note.date, KIND_MENTORING, _("Note by %(author)s") % {"author": author}, note.text)
        )

    entries.sort(key=lambda entry: entry.sort_key, reverse=True)
    return entries


# --- Mentorship details ------------------------------------------------------------------------------------


def mentorship_notes(*, mentorship: Mentorship) -> QuerySet[MentorshipNote]:
    return mentorship.notes.select_related("author")


def mentorship_events(*, mentorship: Mentorship) -> QuerySet[MentorshipEvent]:
    return mentorship.events.select_related("actor")

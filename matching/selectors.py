"""Reads of the matching app: a candidate's matches and pathways, a vacancy's candidates, mentor proposals."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.models import Role, User
from courses.models import Course, Delivery
from employers.models import Vacancy
from mentoring.models import MentorProfile, MentorRequest, MentorshipStatus
from places.geo import coordinates_of
from portal.models import CandidateProfile, ContactGrant
from portal.vocabulary import GermanLevel

from . import engine, reference
from .engine import CandidateFacts, MentorFacts, VacancyFacts
from .models import Match, MatchKind
from .reasons import CANDIDATE, COORDINATOR, EMPLOYER, match_reasons
from .services import candidate_facts_load, course_facts_load

PATHWAY_LIMIT = 5
# A pathway needs a goal the candidate fits well once the German is there ...
PATHWAY_MIN_SCORE = 60
# ... and a German gap one course (or two in a row) can close.
PATHWAY_MAX_GAP = 3
PATHWAY_GOAL_KINDS = ("job", "ausbildung", "eq")


@dataclass
class MatchView:
    """A stored match with its offer and the reasons in the reader's language."""

    match: Match
    target: Vacancy | Course
    score: int
    reasons: list[str]
    distance_km: float | None


def _sort_key(match: Match) -> tuple:
    distance = match.distance_km
    return (-match.score, 0 if distance is None else distance, match.target_id)


def match_list_for_candidate(
    *, profile: CandidateProfile, kind: str = MatchKind.VACANCY, limit: int | None = None
) -> list[MatchView]:
    """The candidate's matches of one kind, best first; offers taken offline since are left out."""
    matches = Match.objects.filter(profile=profile, kind=kind)
    if kind == MatchKind.VACANCY:
        matches = matches.filter(vacancy__isnull=False, vacancy__in=Vacancy.objects.published()).select_related(
            "vacancy__organisation", "vacancy__occupation"
        )
    elif kind == MatchKind.COURSE:
        matches = matches.filter(
            course__isnull=False, course__in=Course.objects.published().filter(end_date__gte=timezone.localdate())
        ).select_related("course__provider")
    else:
        raise ValueError(kind)
    ordered = sorted(matches, key=_sort_key)[:limit]
    return [
        MatchView(
            match=match,
            target=match.target,
            score=match.score,
            reasons=match_reasons(match.parts, audience=CANDIDATE),
            distance_km=match.distance_km,
        )
        for match in ordered
    ]


def match_overview_for_candidate(*, profile: CandidateProfile, limit: int = 3) -> dict:
    """The top vacancies and courses for the candidate's dashboard."""
    return {
        "vacancies": match_list_for_candidate(profile=profile, kind=MatchKind.VACANCY, limit=limit),
        "courses": match_list_for_candidate(profile=profile, kind=MatchKind.COURSE, limit=limit),
    }


def matches_new_since(*, since: datetime.datetime, kind: str | None = None) -> QuerySet[Match]:
    """Matches found after `since` that nobody has told the candidate about yet, of offers still open.

    For digests: group by `profile_id`, send, then `services.match_mark_notified(matches=...)`.
    """
    matches = Match.objects.not_notified().filter(created_at__gt=since, profile__user__is_active=True)
    if kind is not None:
        matches = matches.filter(kind=kind)
    published_vacancies = Vacancy.objects.published()
    open_courses = Course.objects.published().filter(end_date__gte=timezone.localdate())
    return (
        matches.filter(
            Q(kind=MatchKind.VACANCY, vacancy__in=published_vacancies)
            | Q(kind=MatchKind.COURSE, course__in=open_courses)
            | Q(kind=MatchKind.MENTOR)
        )
        .select_related("profile__user", "vacancy", "course")
        .order_by("profile_id", "-score", "pk")
    )


# --- Employers: the best consenting candidates of a vacancy ------------------------------------------------


@dataclass
class CandidateCard:
    """What an employer may see of a matching candidate before contact: nothing that identifies them."""

    public_id: str
    occupations: list[tuple[str, int]]
    german_level: str
    district: str
    distance_km: float | None
    score: int
    reasons: list[str]
    has_contact: bool


def vacancy_of_employer(*, user: User, pk: int) -> Vacancy | None:
    """The vacancy if the user works for the organisation that offers it."""
    membership = getattr(user, "membership", None)
    if user.role != Role.EMPLOYER or membership is None:
        return None
    return Vacancy.objects.filter(pk=pk, organisation_id=membership.organisation_id).first()


def candidate_cards_for_vacancy(*, vacancy: Vacancy, limit: int = 50) -> list[CandidateCard]:
    """The best-fitting candidates of a vacancy who agreed to be seen: visible to employers, or in contact with
    this organisation. Anonymous: occupations, German level, district, distance, score and reasons."""
    granted = ContactGrant.objects.filter(organisation_id=vacancy.organisation_id).values("profile_id")
    matches = (
        Match.objects.filter(vacancy=vacancy, profile__user__is_active=True)
        .filter(Q(profile__visible_to_employers=True) | Q(profile_id__in=granted))
        .select_related("profile")
        .prefetch_related("profile__occupations__occupation")
        .order_by("-score", "profile_id")[:limit]
    )
    matches = list(matches)
    contacts = set(
        ContactGrant.objects.filter(
            organisation_id=vacancy.organisation_id, profile_id__in=[m.profile_id for m in matches]
        ).values_list("profile_id", flat=True)
    )
    levels = dict(GermanLevel.choices)
    return [
        CandidateCard(
            public_id=str(match.profile.public_id),
            occupations=[
                (entry.occupation.name(), entry.years_experience) for entry in match.profile.occupations.all()
            ],
            german_level=str(levels.get(match.profile.german_level, "")),
            district=match.profile.postal_code[:3],
            distance_km=match.distance_km,
            score=match.score,
            reasons=match_reasons(match.parts, audience=EMPLOYER),
            has_contact=match.profile_id in contacts,
        )
        for match in matches
    ]


# --- Coordinators --------------------------------------------------------------------------------------------


def candidate_in_region(*, user: User, public_id) -> CandidateProfile | None:
    """A candidate living in the coordinator's region (by postal code), else None."""
    if user.role != Role.COORDINATOR or user.region_id is None:
        return None
    return (
        CandidateProfile.objects.filter(
            public_id=public_id,
            user__is_active=True,
            postal_code__in=user.region.postal_codes.values("code"),
        )
        .select_related("user")
        .first()
    )


# --- Pathways ------------------------------------------------------------------------------------------------


@dataclass
class Pathway:
    """A way to a vacancy the candidate fits except for German: a course that closes the gap, near both places,
    and where there is one, a short offer to try the occupation meanwhile."""

    vacancy: Vacancy
    course: Course
    trial: Vacancy | None
    score: int  # the vacancy's score once the German is there
    have: str
    need: str
    reasons: list[str]


def _near(a, b, radius_tenths: int) -> bool:
    return a is not None and b is not None and engine.distance_tenths(a, b) <= radius_tenths


def _course_rank(course, vacancy: VacancyFacts, candidate: CandidateFacts) -> tuple:
    fitting_kinds = ("azubi_bsk",) if vacancy.kind in engine.TRAINING_KINDS else ("job_bsk", "vocational")
    distance = 0 if course.location is None else engine.distance_tenths(candidate.location, course.location)
    return (0 if course.kind in fitting_kinds else 1, course.start_date, distance, course.id)


def pathways_for_candidate(
    *, profile: CandidateProfile, limit: int = PATHWAY_LIMIT, audience: str = CANDIDATE
) -> list[Pathway]:
    """Vacancies the candidate fits except for German, each with the course that closes the gap."""
    facts = candidate_facts_load(profile_ids=[profile.pk])
    if not facts or facts[0].location is None or not facts[0].occupations:
        return []
    candidate = facts[0]
    today = timezone.localdate()
    radius = engine.radius_tenths(candidate)

    groups = Q()
    for kldb, _years in candidate.occupations:
        groups |= Q(occupation__kldb_code__startswith=f"{kldb:05d}"[:3])
    related = {
        vacancy.pk: vacancy
        for vacancy in Vacancy.objects.published().filter(groups).select_related("organisation", "occupation")
    }
    if not related:
        return []
    facts_by_id = {v.id: v for v in _vacancy_facts(related.values())}

    goals = []
    for vacancy in facts_by_id.values():
        gap = vacancy.german - candidate.german
        if vacancy.kind not in PATHWAY_GOAL_KINDS or not 1 <= gap <= PATHWAY_MAX_GAP:
            continue
        lifted = reference.score_vacancy(dataclasses.replace(candidate, german=vacancy.german), vacancy, today=today)
        if lifted is None or lifted[0] < PATHWAY_MIN_SCORE:
            continue
        if lifted[1][0][0] not in ("occupation_same", "occupation_related"):
            continue
        goals.append((lifted[0], vacancy, lifted[1]))
    if not goals:
        return []

    courses = _pathway_courses(candidate, today, max_level=max(goal[1].german for goal in goals))
    course_objects = Course.objects.in_bulk([course.id for course in courses])
    trials = [
        v
        for v in facts_by_id.values()
        if v.kind in engine.TRIAL_KINDS
        and v.german <= candidate.german
        and engine.distance_tenths(candidate.location, v.location) <= radius
    ]

    pathways = []
    for score, vacancy, parts in sorted(goals, key=lambda goal: (-goal[0], goal[1].id)):
        closing = [
            course
            for course in courses
            if course.level_to >= vacancy.german
            and (course.location is None or _near(course.location, vacancy.location, radius))
        ]
        if not closing:
            continue
        course = min(closing, key=lambda c: _course_rank(c, vacancy, candidate))
        same_occupation = [t for t in trials if t.kldb == vacancy.kldb and t.id != vacancy.id]
        trial = min(
            same_occupation,
            key=lambda t: (engine.distance_tenths(candidate.location, t.location), t.id),
            default=None,
        )
        have, need = engine.GERMAN_LEVELS[candidate.german], engine.GERMAN_LEVELS[vacancy.german]
        shown = [
            ["german_gap", 0, {"have": have, "need": need}] if part[0].startswith("german_") else part for part in parts
        ]
        pathways.append(
            Pathway(
                vacancy=related[vacancy.id],
                course=course_objects[course.id],
                trial=related[trial.id] if trial else None,
                score=score,
                have=have,
                need=need,
                reasons=match_reasons(shown, audience=audience),
            )
        )
        if len(pathways) >= limit:
            break
    return pathways


def _vacancy_facts(vacancies: Iterable[Vacancy]) -> list[VacancyFacts]:
    return [
        VacancyFacts(
            id=v.pk,
            kind=v.kind,
            kldb=int(v.occupation.kldb_code),
            german=GermanLevel.rank(v.german_level_required),
            location=(v.latitude, v.longitude),
            hours=v.hours_per_week,
            shift_work=v.shift_work,
            start_date=v.start_date,
            childcare=v.support_childcare,
        )
        for v in vacancies
    ]


def _pathway_courses(candidate: CandidateFacts, today: datetime.date, *, max_level: int):
    """Upcoming courses the candidate can join that lead above their level, online or within their radius."""
    levels = engine.GERMAN_LEVELS
    entry = levels[min(candidate.german + 1, len(levels) - 1)]
    lat, lon = candidate.location
    reach = engine.radius_tenths(candidate) / 10 / 111 + 0.05
    courses = Course.objects.published().filter(
        start_date__gte=today,
        level_from__lte=entry,
        level_to__gt=levels[candidate.german],
    )
    courses = courses.filter(
        Q(delivery=Delivery.ONLINE)
        | Q(latitude__range=(lat - reach, lat + reach), longitude__range=(lon - 2 * reach, lon + 2 * reach))
    )
    ids = list(courses.values_list("pk", flat=True))
    radius = engine.radius_tenths(candidate)
    return [
        course
        for course in course_facts_load(today=today, course_ids=ids)
        if course.location is None or _near(candidate.location, course.location, radius)
    ]


# --- Mentors -------------------------------------------------------------------------------------------------


def _mentor_facts(mentor: MentorProfile, current: int) -> MentorFacts:
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


def _candidate_with_languages(profile: CandidateProfile) -> CandidateFacts:
    facts = candidate_facts_load(profile_ids=[profile.pk])
    languages = frozenset(profile.languages.values_list("language", flat=True))
    if facts:
        return dataclasses.replace(facts[0], languages=languages)
    # A closed account is not matched with offers, but its facts still describe the person.
    return CandidateFacts(
        id=profile.pk,
        german=GermanLevel.rank(profile.german_level),
        location=coordinates_of(profile.postal_code) if profile.postal_code else None,
        languages=languages,
    )


def _with_current(mentors: QuerySet[MentorProfile]) -> QuerySet[MentorProfile]:
    return mentors.annotate(
        current_mentorships=Count("mentorships", filter=~Q(mentorships__status=MentorshipStatus.ENDED))
    )


def mentor_pair_score(
    *,
    profile: CandidateProfile,
    topics: Iterable[str],
    mentor: MentorProfile,
    current_mentorships: int | None = None,
    ignore_capacity: bool = False,
) -> tuple[int, list] | None:
    """(score 0–100, parts) of a mentor for a candidate's request, or None when excluded.

    `current_mentorships` defaults to the mentor's mentorships that are not ended; `ignore_capacity=True`
    scores a mentor without free places too (for an assignment that handles capacity itself).
    """
    if current_mentorships is None:
        current_mentorships = mentor.mentorships.current().count()
    return engine.score_mentor(
        _candidate_with_languages(profile),
        _mentor_facts(mentor, current_mentorships),
        topics,
        ignore_capacity=ignore_capacity,
    )


def mentor_rank_for_candidate(
    *,
    profile: CandidateProfile,
    topics: Iterable[str],
    mentors: Iterable[MentorProfile] | None = None,
    audience: str = COORDINATOR,
) -> list[tuple[MentorProfile, int, list[str]]]:
    """Approved mentors with a free place who fit the request, best first, with the reasons in words."""
    if mentors is None:
        mentors = _with_current(MentorProfile.objects.approved())
    topics = list(topics)
    candidate = _candidate_with_languages(profile)
    ranked = []
    for mentor in mentors:
        current = getattr(mentor, "current_mentorships", None)
        if current is None:
            current = mentor.mentorships.current().count()
        found = engine.score_mentor(candidate, _mentor_facts(mentor, current), topics)
        if found is not None:
            ranked.append((mentor, found[0], found[1]))
    ranked.sort(key=lambda item: (-item[1], item[0].pk))
    return [(mentor, score, match_reasons(parts, audience=audience)) for mentor, score, parts in ranked]


def mentor_score_matrix(
    *, requests: Iterable[MentorRequest], mentors: Iterable[MentorProfile] | None = None
) -> dict[tuple[int, int], tuple[int, list]]:
    """(request id, mentor id) → (score, parts) for every pair not excluded, capacity left to the caller.

    For an optimal assignment of many requests at once: each mentor's free places are
    `capacity - current_mentorships` (annotated on the default mentors).
    """
    if mentors is None:
        mentors = _with_current(MentorProfile.objects.approved())
    mentor_facts = []
    for mentor in mentors:
        current = getattr(mentor, "current_mentorships", None)
        if current is None:
            current = mentor.mentorships.current().count()
        mentor_facts.append(_mentor_facts(mentor, current))
    scores = {}
    for request in requests:
        candidate = _candidate_with_languages(request.profile)
        for facts in mentor_facts:
            found = engine.score_mentor(candidate, facts, request.topics, ignore_capacity=True)
            if found is not None:
                scores[(request.pk, facts.id)] = found
    return scores


def vacancy_annotate_fit(queryset: QuerySet[Vacancy], *, profile: CandidateProfile) -> QuerySet[Vacancy]:
    """Add `fit_score`: the candidate's stored match score for each vacancy (None where it is no match)."""
    scores = Match.objects.filter(profile=profile, vacancy=OuterRef("pk")).values("score")[:1]
    return queryset.annotate(fit_score=Subquery(scores))

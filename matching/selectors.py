"""Reads of the matching app: a candidate's matches and pathways, a vacancy's candidates, mentor proposals."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.models import Role, User
from common.vocabulary import GermanLevel
from courses.models import Course, Delivery
from employers.models import Vacancy
from mentoring.models import MentorProfile, MentorRequest, MentorshipStatus
from places.geo import coordinates_of
from portal.models import CandidateProfile, ContactGrant

from . import engine, pair_scoring
from .engine import CandidateFacts, VacancyFacts
from .facts import candidate_facts_load, course_facts_load, mentor_facts, open_vacancies, vacancy_needs_recognition
from .models import Match, MatchKind
from .reasons import CANDIDATE, CARD_REASONS, COORDINATOR, EMPLOYER, band_label, match_reasons

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

    @property
    def band(self) -> str:
        return engine.band(self.score)

    @property
    def band_label(self) -> str:
        return band_label(self.score)

    @property
    def card_reasons(self) -> list[str]:
        """The reasons a card has room for: blockers and gaps come first, so none of those is cut."""
        return self.reasons[:CARD_REASONS]


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

    @property
    def band(self) -> str:
        return engine.band(self.score)

    @property
    def band_label(self) -> str:
        return band_label(self.score)

    @property
    def card_reasons(self) -> list[str]:
        """The reasons a card has room for: blockers and gaps come first, so none of those is cut."""
        return self.reasons[:CARD_REASONS]


def vacancy_of_employer(*, user: User, pk: int) -> Vacancy | None:
    """The vacancy if the user works for the organisation that offers it (one query, the membership joined).

    Only what the candidate list needs of it: its title and organisation (a vacancy row is wide, with its
    texts and search vector).
    """
    if user.role != Role.EMPLOYER:
        return None
    found = Vacancy.objects.filter(pk=pk, organisation__memberships__user=user)
    return found.only("pk", "title", "organisation_id").first()


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


# --- Pathways ------------------------------------------------------------------------------------------------

# The official finder of the authority that recognises a foreign qualification (BIBB, Federal Government).
RECOGNITION_FINDER_URL = "https://www.anerkennung-in-deutschland.de/"


@dataclass
class Pathway:
    """A way to a vacancy the candidate fits except for German or a recognition: up to two courses in date order
    that reach the level needed (the first starting at or below the candidate's level, each near both places),
    a recognition step where the occupation is regulated, and where there is one, a short offer to try the
    occupation meanwhile.

    `ready_on` is when the last course ends (today when no course is needed); `before_start` and
    `before_close` say whether that is in time for the vacancy (None: it has no start or closing date).
    """

    vacancy: Vacancy
    courses: list[Course]
    trial: Vacancy | None
    score: int  # how well the vacancy fits once the steps are done: for ordering, never shown as a promise
    have: str
    need: str
    ready_on: datetime.date
    before_start: bool | None
    before_close: bool | None
    recognition_status: str | None  # the candidate's status when a recognition step is needed, else None
    reasons: list[str]
    recognition_url: str = RECOGNITION_FINDER_URL

    @property
    def course(self) -> Course | None:
        return self.courses[0] if self.courses else None

    @property
    def holds(self) -> bool:
        """The candidate can get there before the offer closes."""
        return self.before_close is not False


def _near(a, b, radius_tenths: int) -> bool:
    return a is not None and b is not None and engine.distance_tenths(a, b) <= radius_tenths


def _course_rank(course, vacancy: VacancyFacts) -> int:
    fitting_kinds = ("azubi_bsk",) if vacancy.kind in engine.TRAINING_KINDS else ("job_bsk", "vocational")
    return 0 if course.kind in fitting_kinds else 1


def course_chain(candidate: CandidateFacts, courses, *, need: int, vacancy: VacancyFacts, radius: int):
    """The course chain that brings the candidate to `need` soonest: one course, or two where the second starts
    after the first ends and at most at the level the first reaches. The first starts at or below the
    candidate's level. Every course is online or near the vacancy (the candidate reaches each by selection).
    None when no chain reaches the level."""
    usable = [c for c in courses if c.location is None or _near(c.location, vacancy.location, radius)]
    firsts = [c for c in usable if c.level_from <= candidate.german < c.level_to]
    chains = [(c,) for c in firsts if c.level_to >= need]
    for first in firsts:
        if first.level_to >= need:
            continue
        chains.extend(
            (first, second)
            for second in usable
            if second.level_from <= first.level_to < second.level_to
            and second.level_to >= need
            and second.start_date >= first.end_date
        )
    if not chains:
        return None
    return min(
        chains,
        key=lambda chain: (
            chain[-1].end_date,
            len(chain),
            sum(_course_rank(c, vacancy) for c in chain),
            [c.start_date for c in chain],
            [c.id for c in chain],
        ),
    )


def pathways_for_candidate(
    *, profile: CandidateProfile, limit: int = PATHWAY_LIMIT, audience: str = CANDIDATE
) -> list[Pathway]:
    """Vacancies the candidate fits except for German or a missing recognition, each with the steps there."""
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
        for vacancy in open_vacancies(today).filter(groups).select_related("organisation", "occupation")
    }
    if not related:
        return []
    facts_by_id = {v.id: v for v in _vacancy_facts(related.values())}

    goals = []
    for vacancy in facts_by_id.values():
        gap = vacancy.german - candidate.german
        needs_recognition = vacancy.recognition and not candidate.recognised
        if vacancy.kind not in PATHWAY_GOAL_KINDS or gap > PATHWAY_MAX_GAP or (gap < 1 and not needs_recognition):
            continue
        # Everything else must already fit: the steps close the German gap and the recognition, nothing more.
        lifted_candidate = dataclasses.replace(candidate, german=max(candidate.german, vacancy.german), recognised=True)
        lifted = pair_scoring.score_vacancy(lifted_candidate, vacancy, today=today)  # None: another gate closes it
        if lifted is None or lifted[0] < PATHWAY_MIN_SCORE:
            continue
        if lifted[1][0][0] not in ("occupation_same", "occupation_related"):
            continue
        goals.append((lifted[0], vacancy, lifted[1], needs_recognition))
    if not goals:
        return []

    courses = _pathway_courses(candidate, today)
    course_objects = Course.objects.in_bulk([course.id for course in courses])
    trials = [
        v
        for v in facts_by_id.values()
        if v.kind in engine.TRIAL_KINDS
        and v.german <= candidate.german
        and engine.distance_tenths(candidate.location, v.location) <= radius
    ]

    pathways = []
    for score, vacancy, parts, needs_recognition in goals:
        chain = ()
        if vacancy.german > candidate.german:
            chain = course_chain(candidate, courses, need=vacancy.german, vacancy=vacancy, radius=radius)
            if chain is None:
                continue
        ready_on = chain[-1].end_date if chain else today
        same_occupation = [t for t in trials if t.kldb == vacancy.kldb and t.id != vacancy.id]
        trial = min(
            same_occupation,
            key=lambda t: (engine.distance_tenths(candidate.location, t.location), t.id),
            default=None,
        )
        have, need = engine.GERMAN_LEVELS[candidate.german], engine.GERMAN_LEVELS[vacancy.german]
        shown = []
        for part in parts:
            if part[0].startswith("german_") and vacancy.german > candidate.german:
                shown.append(["german_gap", 0, {"have": have, "need": need}])
            elif part[0] != "recognition_ok" or not needs_recognition:
                shown.append(part)
        pathways.append(
            Pathway(
                vacancy=related[vacancy.id],
                courses=[course_objects[course.id] for course in chain],
                trial=related[trial.id] if trial else None,
                score=score,
                have=have,
                need=need,
                ready_on=ready_on,
                before_start=None if vacancy.start_date is None else ready_on <= vacancy.start_date,
                before_close=None if vacancy.closes_on is None else ready_on <= vacancy.closes_on,
                recognition_status=(profile.recognition_status or "") if needs_recognition else None,
                reasons=match_reasons(shown, audience=audience),
            )
        )
    # Pathways that hold before the offer closes first, then the better fit, then the sooner.
    pathways.sort(key=lambda p: (not p.holds, -p.score, p.ready_on, p.vacancy.pk))
    return pathways[:limit]


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
            licences=frozenset(v.driving_licences_required or ()),
            recognition=vacancy_needs_recognition(
                kind=v.kind, recognition_required=v.recognition_required, regulated=v.occupation.regulated
            ),
            closes_on=v.expires_on,
        )
        for v in vacancies
    ]


def _pathway_courses(candidate: CandidateFacts, today: datetime.date):
    """Upcoming courses that lead above the candidate's level, online or within their reach."""
    levels = engine.GERMAN_LEVELS
    lat, lon = candidate.location
    reach = engine.radius_tenths(candidate) / 10 / 111 + 0.05
    courses = Course.objects.published().filter(start_date__gte=today, level_to__gt=levels[candidate.german])
    courses = courses.filter(
        Q(delivery=Delivery.ONLINE)
        | Q(latitude__range=(lat - reach, lat + reach), longitude__range=(lon - 2 * reach, lon + 2 * reach))
    )
    ids = list(courses.values_list("pk", flat=True))
    within = engine.reach_tenths(candidate)
    return [
        course
        for course in course_facts_load(today=today, course_ids=ids)
        if course.location is None or _near(candidate.location, course.location, within)
    ]


# --- Mentors -------------------------------------------------------------------------------------------------


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
        mentor_facts(mentor, current_mentorships),
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
        found = engine.score_mentor(candidate, mentor_facts(mentor), topics)
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
    mentors_facts = [mentor_facts(mentor) for mentor in mentors]
    scores = {}
    for request in requests:
        candidate = _candidate_with_languages(request.profile)
        for facts in mentors_facts:
            found = engine.score_mentor(candidate, facts, request.topics, ignore_capacity=True)
            if found is not None:
                scores[(request.pk, facts.id)] = found
    return scores


def vacancy_annotate_fit(queryset: QuerySet[Vacancy], *, profile: CandidateProfile) -> QuerySet[Vacancy]:
    """Add `fit_score`: the candidate's stored match score for each vacancy (None where it is no match)."""
    scores = Match.objects.filter(profile=profile, vacancy=OuterRef("pk")).values("score")[:1]
    return queryset.annotate(fit_score=Subquery(scores))

"""Seeding the demo data (`demo/data/`) into a believable Lower Saxony, loaded by `manage.py seed_demo`.

Running the seed again creates and changes nothing (only the supply reports and matches, caches computed from the
data, are computed anew): people are found by e-mail address, organisations by name, regions by name, vacancies
and courses by organisation and title, and applications and course registrations by candidate and offer. Passwords
are set only when an account is created. Every postal code is checked.

Dates are counted from the day of seeding, so the demo never goes stale: a vacancy, course or event keeps its
dates until it has started or expired, and only then moves to the same distance from today. Everything
is written through the apps' services, as a person using the portal would. The demo people are made up,
so no e-mail goes out about them (see `_demo_notifications_settle`).

One function per area, called by `demo_seed` in the order the areas refer to each other.
"""

import functools
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from applications.models import Application
from applications.services import application_submit, application_transition
from common.vocabulary import OfferKind
from courses.models import Course, CourseRegistration, CourseStatus
from courses.report_services import supply_reports_refresh_all
from courses.services import course_create, course_publish, course_register, course_update
from employers.models import Membership, Organisation, Vacancy, VacancyStatus
from employers.offer_vocabulary import TASKS_BY_FIELD
from employers.services import (
    organisation_create_with_admin,
    organisation_profile_update,
    vacancy_create,
    vacancy_recognition_default,
    vacancy_update,
)
from events.models import Event, EventStatus
from events.selectors import registration_of
from events.services import event_create, event_publish, event_register, event_update
from jobboerse.areas import LOWER_SAXONY_DISTRICTS
from jobboerse.recorded import RecordedJobboerse, load_sample
from jobboerse.services import jobboerse_sync
from matching.services import match_recompute_all
from mentoring.models import MentorProfile
from mentoring.selectors import coordinators_for_postal_code
from mentoring.services import (
    mentor_approve,
    mentor_profile_save,
    mentor_request_create,
    mentorship_accept,
    mentorship_activate,
    mentorship_note_add,
    mentorship_propose,
)
from notifications.models import Notification
from occupations.models import Occupation
from places.geo import is_known_postal_code
from places.models import Region
from places.services import region_save
from portal.models import CandidateProfile, OnboardingStep, driving_licences_in_order
from portal.services import (
    candidate_circumstances_save,
    candidate_experience_save,
    candidate_languages_save,
    candidate_occupation_add,
    candidate_occupation_remove,
    candidate_place_save,
    candidate_profile_ensure,
    candidate_visibility_set,
    candidate_wishes_save,
)

from .data.courses import COURSE_REGISTRATIONS, COURSES
from .data.events import EVENTS
from .data.mentoring import ACTIVE, MENTOR_PROFILES, WAITING_REQUESTS
from .data.organisations import ORGANISATIONS
from .data.people import (
    ADMIN,
    CANDIDATE_PROFILES,
    CANDIDATES,
    COORDINATORS,
    DEMO_DOMAIN,
    EXTRA_CANDIDATE_PROFILES,
    EXTRA_CANDIDATES,
    MENTORS,
    VISIBLE_CANDIDATES,
)
from .data.regions import REGIONS
from .data.vacancies import APPLICATIONS, VACANCIES

Organisations = dict[str, tuple[Organisation, User]]  # by name: the organisation and its demo staff account
Profiles = dict[str, CandidateProfile]  # by the candidate's e-mail address


def demo_seed(*, with_jobboerse: bool = True) -> dict[str, str]:
    """Create the demo data where it is missing; return one login e-mail per role, in Role order.

    Then the supply reports and matches, which are computed from it. `with_jobboerse=False` leaves out the
    200 recorded Jobbörse ads, which take seconds to import and are not needed where only the rest is looked at.
    """
    with transaction.atomic():
        started = timezone.now()
        today = timezone.localdate(started)
        _demo_data_check()
        occupations = Occupation.objects.in_bulk(_demo_occupation_codes(), field_name="kldb_code")

        regions = demo_regions_seed()
        profiles = demo_candidates_seed(occupations=occupations)
        organisations = demo_organisations_seed()
        team = demo_team_seed(regions=regions)
        vacancies = demo_vacancies_seed(organisations=organisations, occupations=occupations, today=today)
        courses = demo_courses_seed(organisations=organisations, today=today)
        demo_applications_seed(profiles=profiles, vacancies=vacancies, organisations=organisations)
        demo_course_registrations_seed(profiles=profiles, courses=courses)
        for email in VISIBLE_CANDIDATES:
            candidate_visibility_set(profile=profiles[email], visible=True)
        demo_mentoring_seed()
        demo_events_seed()
        if with_jobboerse:
            demo_jobboerse_seed(today=today)

        _demo_notifications_settle(since=started)
        # Caches computed from what was seeded, not demo data: recomputing them only updates the same rows.
        supply_reports_refresh_all()
        match_recompute_all()

    # The main candidates (not the extra ones, who are listed after them) and the first staff account of each kind.
    users = [
        *(profiles[person["email"]].user for person in CANDIDATES),
        *(staff for _organisation, staff in organisations.values()),
        *team,
    ]
    logins: dict[str, str] = {}
    for user in users:
        logins.setdefault(user.role, user.email)
    return {role: logins[role] for role in Role.values}


def demo_regions_seed() -> dict[str, Region]:
    """The coordinator regions by name; region_save sets exactly these codes, equal codes change nothing."""
    return {region["name"]: region_save(name=region["name"], postal_codes=region["postal_codes"]) for region in REGIONS}


def demo_candidates_seed(*, occupations: dict[str, Occupation]) -> Profiles:
    """The candidates' accounts and completed onboarding: the main candidates, then the extra ones."""
    profiles: Profiles = {}
    for people, wanted_profiles in [(CANDIDATES, CANDIDATE_PROFILES), (EXTRA_CANDIDATES, EXTRA_CANDIDATE_PROFILES)]:
        for person in people:
            user = _user_ensure(role=Role.CANDIDATE, **person)
            profiles[user.email] = _candidate_profile_ensure(
                user=user, wanted=wanted_profiles[user.email], occupations=occupations
            )
    return profiles


def demo_organisations_seed() -> Organisations:
    """Employers and course providers, each with its staff account (the admin of the organisation) and profile."""
    organisations: Organisations = {}
    for organisation in ORGANISATIONS:
        staff = _user_ensure(
            role=Role.EMPLOYER if organisation["is_employer"] else Role.PROVIDER, **organisation["staff"]
        )
        seeded = _organisation_ensure(
            name=organisation["name"],
            is_employer=organisation["is_employer"],
            is_course_provider=organisation["is_course_provider"],
            staff=staff,
        )
        _organisation_profile_ensure(organisation=seeded, staff=staff, wanted=organisation["profile"])
        organisations[seeded.name] = (seeded, staff)
    return organisations


def demo_team_seed(*, regions: dict[str, Region]) -> list[User]:
    """The accounts of the mentors, the coordinators (one per region) and the admin, in that order."""
    return [
        *(_user_ensure(role=Role.MENTOR, **person) for person in MENTORS),
        *(
            _user_ensure(role=Role.COORDINATOR, **{**person, "region": regions[person["region"]]})
            for person in COORDINATORS
        ),
        _user_ensure(role=Role.ADMIN, is_staff=True, is_superuser=True, **ADMIN),
    ]


def demo_vacancies_seed(
    *, organisations: Organisations, occupations: dict[str, Occupation], today: date
) -> dict[tuple[str, str], Vacancy]:
    """The published demo vacancies by (organisation name, title)."""
    return {
        (spec["organisation"], spec["title"]): _vacancy_ensure(
            spec=spec, organisations=organisations, occupations=occupations, today=today
        )
        for spec in VACANCIES
    }


def demo_courses_seed(*, organisations: Organisations, today: date) -> dict[tuple[str, str], Course]:
    """The published demo courses by (provider name, title)."""
    return {
        (spec["provider"], spec["title"]): _course_ensure(spec=spec, organisations=organisations, today=today)
        for spec in COURSES
    }


def demo_applications_seed(
    *, profiles: Profiles, vacancies: dict[tuple[str, str], Vacancy], organisations: Organisations
) -> None:
    for spec in APPLICATIONS:
        organisation_name, _title = spec["vacancy"]
        _application_ensure(
            spec=spec,
            profile=profiles[spec["candidate"]],
            vacancy=vacancies[spec["vacancy"]],
            staff=organisations[organisation_name][1],
        )


def demo_course_registrations_seed(*, profiles: Profiles, courses: dict[tuple[str, str], Course]) -> None:
    for spec in COURSE_REGISTRATIONS:
        for email in spec["candidates"]:
            _course_registration_ensure(profile=profiles[email], course=courses[(spec["provider"], spec["title"])])


@transaction.atomic
def demo_mentoring_seed() -> None:
    """Approve the demo mentors, let three candidates wait for a mentor and start one mentorship with a note.

    Needs the demo accounts; only what is missing is created, existing demo state is left as it is.
    """
    for email, wanted in MENTOR_PROFILES.items():
        user = User.objects.filter(email=email, role=Role.MENTOR).first()
        if user is None:
            continue
        mentor = MentorProfile.objects.filter(user=user).first()
        if mentor is None or any(_differs(getattr(mentor, name), value) for name, value in wanted.items()):
            mentor = mentor_profile_save(user=user, **wanted)
        if not mentor.is_approved:
            mentor_approve(mentor=mentor, approved_by=_coordinator_for(mentor.postal_code))

    for email, (topics, message) in WAITING_REQUESTS.items():
        profile = CandidateProfile.objects.filter(user__email=email).first()
        if profile is not None and not profile.mentor_requests.exists() and profile.postal_code:
            mentor_request_create(profile=profile, topics=topics, message=message)

    profile = CandidateProfile.objects.filter(user__email=ACTIVE["candidate"]).first()
    mentor = MentorProfile.objects.filter(user__email=ACTIVE["mentor"]).select_related("user").first()
    if profile is None or mentor is None or profile.mentor_requests.exists() or not profile.postal_code:
        return
    request = mentor_request_create(profile=profile, topics=ACTIVE["topics"], message=ACTIVE["message"])
    mentorship = mentorship_propose(
        mentor_request=request, mentor=mentor, proposed_by=_coordinator_for(profile.postal_code)
    )
    mentorship = mentorship_accept(mentorship=mentorship, user=profile.user)
    mentorship = mentorship_accept(mentorship=mentorship, user=mentor.user)
    mentorship = mentorship_activate(mentorship=mentorship, user=mentor.user)
    mentorship_note_add(
        mentorship=mentorship,
        author=mentor.user,
        text=ACTIVE["note"],
        date=timezone.localdate() - timedelta(days=3),
    )


@transaction.atomic
def demo_events_seed() -> list[Event]:
    """Create the demo events and a few registrations where they are missing; returns the events.

    Needs the demo organisations and accounts. An event which has started moves to its next date, so the demo
    always shows upcoming events.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    events = []
    for spec in EVENTS:
        organiser = _demo_user(spec["organiser"])
        organisations = list(Organisation.objects.filter(name__in=spec["participating"]).order_by("name"))
        if len(organisations) != len(spec["participating"]):
            raise ValueError("Demo employers of the job fair are missing: seed the organisations first (demo_seed).")
        event = Event.objects.filter(organiser=organiser, title=spec["fields"]["title"]).first()
        if event is None:
            event = event_create(
                created_by=organiser,
                participating_organisations=organisations,
                publish=True,
                **spec["fields"],
                **_moments(spec, today),
            )
        elif event.status != EventStatus.CANCELLED:
            event = _event_restore(event, spec, organiser, organisations, now=now, today=today)
        events.append(event)
        for email, confirms in spec["registrants"]:
            user = _demo_user(email)
            if registration_of(event=event, user=user) is None:
                try:
                    event_register(event=event, user=user, confirms_target_group=confirms, now=now)
                except ValidationError:
                    pass  # full or closed: the demo does not force anybody in
    return events


def demo_jobboerse_seed(*, today: date) -> None:
    """The recorded Lower Saxony sample of the Jobbörse, imported offline through the real sync.

    The demo so shows imported offers (marked as such), an employer's own offer linked instead of shown twice, and
    occupations waiting for a coordinator. The sample's dates move with the day of seeding; seeding again the same
    day changes nothing.
    """
    jobboerse_sync(source=RecordedJobboerse(load_sample(today=today)), areas=list(LOWER_SAXONY_DISTRICTS), today=today)


# --- The steps of each area: find what exists, put it back to the demo state, create what is missing ---


def _demo_occupation_codes() -> set[str]:
    profiles = [*CANDIDATE_PROFILES.values(), *EXTRA_CANDIDATE_PROFILES.values()]
    return {code for profile in profiles for code, _years in profile["occupations"]} | {
        spec["occupation"] for spec in VACANCIES
    }


def _demo_data_check() -> None:
    """Refuse demo data that could only be seeded half: unknown postal codes or occupations."""
    postal_codes = {
        *(code for region in REGIONS for code in region["postal_codes"]),
        *(profile["postal_code"] for profile in [*CANDIDATE_PROFILES.values(), *EXTRA_CANDIDATE_PROFILES.values()]),
        *(code for organisation in ORGANISATIONS for code in organisation["profile"]["locations"]),
        *(spec["postal_code"] for spec in [*VACANCIES, *COURSES] if spec["postal_code"]),
    }
    unknown = sorted(code for code in postal_codes if not is_known_postal_code(code))
    if unknown:
        raise ValueError(f"Unknown postal codes in the demo data: {', '.join(unknown)}")
    codes = _demo_occupation_codes()
    missing = sorted(codes - set(Occupation.objects.filter(kldb_code__in=codes).values_list("kldb_code", flat=True)))
    if missing:
        raise ValueError(
            f"Occupations of the demo data missing from the catalogue: {', '.join(missing)} "
            "(manage.py load_occupations loads it)"
        )


def _demo_notifications_settle(*, since: datetime) -> None:
    """Count the notifications the seed caused as e-mailed, so none is sent.

    The demo people are made up: mail to them would only print their addresses into the terminal of
    `make run` (console backend) or go nowhere. The notices themselves stay in the portal.
    """
    Notification.objects.filter(
        created_at__gte=since, emailed_at__isnull=True, recipient__email__endswith=f"@{DEMO_DOMAIN}"
    ).update(emailed_at=timezone.now())


@functools.cache
def _demo_password_hash(password: str, hashers: tuple[str, ...]) -> str:
    """One hash (and salt) for every demo account: they share a public password anyway, and hashing it fifty
    times over would take most of the seed's time. Keyed by the hashers, so a changed setting hashes anew."""
    return make_password(password)


def _user_ensure(
    *,
    email: str,
    role: str,
    first_name: str,
    last_name: str,
    preferred_language: str = "de",
    region: Region | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """The demo account with a verified primary address; an existing one is put back to the demo state."""
    wanted = {
        "role": role,
        "first_name": first_name,
        "last_name": last_name,
        "preferred_language": preferred_language,
        "region": region,
        "is_staff": is_staff,
        "is_superuser": is_superuser,
    }
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, **wanted)
        user.password = _demo_password_hash(settings.DEMO_PASSWORD, tuple(settings.PASSWORD_HASHERS))
        user.save(update_fields=["password"])
    else:
        changed = [field for field, value in wanted.items() if getattr(user, field) != value]
        if changed:
            for field in changed:
                setattr(user, field, wanted[field])
            user.save(update_fields=changed)

    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user


def _organisation_ensure(*, name: str, is_employer: bool, is_course_provider: bool, staff: User) -> Organisation:
    organisation = Organisation.objects.filter(name=name).order_by("pk").first()
    if organisation is None:
        return organisation_create_with_admin(
            name=name, admin=staff, is_employer=is_employer, is_course_provider=is_course_provider
        )

    wanted = {"is_employer": is_employer, "is_course_provider": is_course_provider}
    changed = [field for field, value in wanted.items() if getattr(organisation, field) != value]
    if changed:
        for field in changed:
            setattr(organisation, field, wanted[field])
        organisation.save(update_fields=changed)
    # A staff account deleted and seeded again has lost its membership; there is no service for adding
    # a colleague yet, so the demo restores it directly.
    Membership.objects.get_or_create(user=staff, defaults={"organisation": organisation, "is_admin": True})
    return organisation


def _organisation_profile_ensure(*, organisation: Organisation, staff: User, wanted: dict) -> Organisation:
    changed = {name: value for name, value in wanted.items() if getattr(organisation, name) != value}
    if changed:
        organisation = organisation_profile_update(organisation=organisation, by=staff, **changed)
    return organisation


_SUPPORT_FLAGS = ["language", "mentor", "paperwork", "housing", "childcare"]


def _vacancy_fields(spec: dict, occupations: dict[str, Occupation]) -> dict:
    """The vacancy as vacancy_create takes it, without its dates."""
    return {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "occupation": occupations[spec["occupation"]],
        "german_level_required": spec["german"],
        "useful_languages": spec.get("languages", []),
        "postal_code": spec["postal_code"],
        "hours_per_week": spec["hours"],
        "shift_work": spec.get("shift", False),
        "duration_weeks": spec.get("weeks"),
        "is_paid": spec.get("paid", True),
        **{f"support_{flag}": flag in spec.get("support", []) for flag in _SUPPORT_FLAGS},
        # Readable offers: the typical tasks of the occupation's field, times and papers in fixed terms.
        "tasks": spec.get("tasks", TASKS_BY_FIELD.get(occupations[spec["occupation"]].field.code, [])[:3]),
        "working_times": spec.get("times", ["early", "late"] if spec.get("shift") else ["day"]),
        "what_to_bring": spec.get("bring", ["id", "cv"]),
        "summary_simple_german": spec.get("summary", ""),
        "driving_licences_required": spec.get("licences", []),
        # Written out, so that seeding again finds nothing changed; the same default the form and import use.
        "recognition_required": spec.get(
            "recognition",
            vacancy_recognition_default(occupation=occupations[spec["occupation"]], kind=spec["kind"]),
        ),
    }


def _vacancy_dates(spec: dict, today: date) -> dict:
    starts_in = spec["starts_in"]
    return {
        "start_date": None if starts_in is None else today + timedelta(days=starts_in),
        "expires_on": today + timedelta(days=spec["open_for"]),
    }


def _vacancy_ensure(
    *, spec: dict, organisations: dict[str, tuple[Organisation, User]], occupations: dict[str, Occupation], today: date
) -> Vacancy:
    """The published demo vacancy; one that has started, expired or been taken offline moves to fresh dates.

    A vacancy somebody marked as filled while trying the demo stays filled.
    """
    organisation, staff = organisations[spec["organisation"]]
    fields = _vacancy_fields(spec, occupations)
    vacancy = Vacancy.objects.filter(organisation=organisation, title=spec["title"]).order_by("pk").first()
    if vacancy is None:
        return vacancy_create(
            organisation=organisation, created_by=staff, publish=True, **fields, **_vacancy_dates(spec, today)
        )
    if vacancy.status == VacancyStatus.FILLED:
        return vacancy
    stale = (
        vacancy.status != VacancyStatus.PUBLISHED
        or (vacancy.start_date is not None and vacancy.start_date < today)
        or (vacancy.expires_on is not None and vacancy.expires_on < today)
    )
    wanted = {**fields, **(_vacancy_dates(spec, today) if stale else {})}
    changed = {name: value for name, value in wanted.items() if getattr(vacancy, name) != value}
    if changed or vacancy.status != VacancyStatus.PUBLISHED:
        vacancy = vacancy_update(vacancy=vacancy, publish=vacancy.status != VacancyStatus.PUBLISHED, **changed)
    return vacancy


def _course_fields(spec: dict) -> dict:
    """The course as course_create takes it, without its dates."""
    organisation = next(o for o in ORGANISATIONS if o["name"] == spec["provider"])
    level_from, level_to = spec["levels"]
    return {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "level_from": level_from,
        "level_to": level_to,
        "delivery": spec["delivery"],
        "postal_code": spec["postal_code"],
        "schedule": spec["schedule"],
        "childcare": spec.get("childcare", False),
        "seats_total": spec["seats"],
        "waiting_list_open": spec.get("waiting_list", True),
        "subject": spec.get("subject", ""),
        "cost": spec["cost"],
        "contact_name": organisation["profile"]["contact_name"],
        "contact_email": organisation["profile"]["contact_email"],
    }


def _course_dates(spec: dict, today: date) -> dict:
    start = today + timedelta(days=spec["starts_in"])
    return {"start_date": start, "end_date": start + timedelta(weeks=spec["weeks"])}


def _course_ensure(*, spec: dict, organisations: dict[str, tuple[Organisation, User]], today: date) -> Course:
    """The published demo course; one that has started moves to fresh dates. A cancelled one stays cancelled."""
    provider, staff = organisations[spec["provider"]]
    fields = _course_fields(spec)
    course = Course.objects.filter(provider=provider, title=spec["title"]).order_by("pk").first()
    if course is None:
        return course_create(provider=provider, created_by=staff, publish=True, **fields, **_course_dates(spec, today))
    if course.status == CourseStatus.CANCELLED:
        return course
    wanted = {**fields, **(_course_dates(spec, today) if course.start_date < today else {})}
    changed = {name: value for name, value in wanted.items() if getattr(course, name) != value}
    if changed:
        course = course_update(course=course, **changed)
    if course.status != CourseStatus.PUBLISHED:
        course = course_publish(course=course)
    return course


def _application_ensure(*, spec: dict, profile: CandidateProfile, vacancy: Vacancy, staff: User) -> None:
    """Apply once, then take the employer's steps; an existing application is left as it is."""
    if (
        vacancy.status != VacancyStatus.PUBLISHED
        or Application.objects.filter(profile=profile, vacancy=vacancy).exists()
    ):
        return
    application = application_submit(profile=profile, vacancy=vacancy, message=spec["message"], kind=spec["kind"])
    for status in spec["steps"]:
        application = application_transition(application=application, to_status=status, actor=staff)


def _course_registration_ensure(*, profile: CandidateProfile, course: Course) -> None:
    """Register once; a registration the candidate cancelled while trying the demo stays cancelled."""
    if (
        course.status != CourseStatus.PUBLISHED
        or CourseRegistration.objects.filter(course=course, profile=profile).exists()
    ):
        return
    course_register(course=course, profile=profile)


def _candidate_profile_ensure(*, user: User, wanted: dict, occupations: dict[str, Occupation]) -> CandidateProfile:
    """The demo candidate's completed onboarding, written through the onboarding services.

    A profile already in the demo state is left alone, so seeding again changes nothing (not even updated_at).
    """
    profile = candidate_profile_ensure(user=user)
    if _profile_state(profile) == _wanted_state(wanted):
        return profile

    candidate_languages_save(
        profile=profile,
        german_level=wanted["german_level"],
        german_certificate=wanted["german_certificate"],
        other_languages=wanted["other_languages"],
    )
    candidate_experience_save(
        profile=profile,
        school_education=wanted["school_education"],
        vocational_education=wanted["vocational_education"],
        foreign_qualification=wanted["foreign_qualification"],
        recognition_status=wanted["recognition_status"],
    )
    wanted_occupations = {occupations[code]: years for code, years in wanted["occupations"]}
    for entry in profile.occupations.select_related("occupation"):
        if entry.occupation not in wanted_occupations:
            candidate_occupation_remove(profile=profile, candidate_occupation=entry)
    for occupation, years in wanted_occupations.items():
        candidate_occupation_add(profile=profile, occupation=occupation, years_experience=years)
    candidate_wishes_save(
        profile=profile,
        looking_for=wanted["looking_for"],
        hours_per_week=wanted["hours_per_week"],
        earliest_start=None,
    )
    candidate_place_save(
        profile=profile,
        postal_code=wanted["postal_code"],
        travel_radius_km=wanted["travel_radius_km"],
        transport=wanted["transport"],
        driving_licences=wanted["driving_licences"],
    )
    candidate_circumstances_save(
        profile=profile,
        childcare_needed=wanted["childcare_needed"],
        shift_work_possible=wanted["shift_work_possible"],
        work_permit=wanted["work_permit"],
        birth_date=wanted["birth_date"],
    )
    return profile


_PROFILE_FIELDS = [
    "german_level", "german_certificate", "school_education", "vocational_education", "foreign_qualification",
    "recognition_status", "looking_for", "hours_per_week", "postal_code", "travel_radius_km", "transport",
    "driving_licences", "childcare_needed", "shift_work_possible", "work_permit", "birth_date",
]  # fmt: skip


def _profile_state(profile: CandidateProfile) -> dict:
    return {
        **{name: getattr(profile, name) for name in _PROFILE_FIELDS},
        "earliest_start": profile.earliest_start,
        "completed_steps": profile.completed_steps,
        "other_languages": list(profile.languages.values_list("language", "level")),
        "occupations": sorted(profile.occupations.values_list("occupation__kldb_code", "years_experience")),
    }


def _wanted_state(wanted: dict) -> dict:
    return {
        **{name: wanted[name] for name in _PROFILE_FIELDS},
        # As the services store them: in catalogue order.
        "looking_for": [kind for kind in OfferKind.values if kind in wanted["looking_for"]],
        "driving_licences": driving_licences_in_order(wanted["driving_licences"]),
        "earliest_start": None,
        "completed_steps": list(OnboardingStep.values),
        "other_languages": list(wanted["other_languages"]),
        "occupations": sorted(wanted["occupations"]),
    }


def _differs(current, wanted) -> bool:
    if isinstance(wanted, list):
        return sorted(current) != sorted(wanted)
    return current != wanted


def _coordinator_for(postal_code: str) -> User:
    """The demo coordinator of the place, or the demo admin where no region covers it."""
    coordinator = coordinators_for_postal_code(postal_code=postal_code).order_by("pk").first()
    return coordinator or User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk").first()


def _moments(spec: dict, today) -> dict:
    day = today + timedelta(days=spec["days_ahead"])
    starts_at = timezone.make_aware(datetime.combine(day, spec["start"]))
    deadline_day = day - timedelta(days=spec["deadline_days_before"])
    deadline = min(timezone.make_aware(datetime.combine(deadline_day, time(23, 59, 59))), starts_at)
    return {
        "starts_at": starts_at,
        "ends_at": timezone.make_aware(datetime.combine(day, spec["end"])),
        "registration_deadline": deadline,
    }


def _demo_user(email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        raise ValueError(f"Demo account {email} is missing: seed the people first (demo_seed).")
    return user


def _event_restore(event: Event, spec: dict, organiser: User, organisations: list, *, now, today) -> Event:
    """Put a demo event back to the demo state; its dates change only once it has started."""
    wanted = dict(spec["fields"])
    if event.starts_at <= now:
        wanted.update(_moments(spec, today))
    changed = {name: value for name, value in wanted.items() if getattr(event, name) != value}
    same_employers = {o.pk for o in event.participating_organisations.all()} == {o.pk for o in organisations}
    if changed or not same_employers:
        event = event_update(event=event, by=organiser, participating_organisations=organisations, **changed)
    if event.status == EventStatus.DRAFT:
        event = event_publish(event=event, by=organiser, now=now)
    return event

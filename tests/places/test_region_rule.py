"""One region rule for every page of the coordinators.

Which candidates a coordinator sees must not depend on the page: the caseload, a candidate's timeline, the
pathways, the mentor requests, and everything that goes by place (events, vacancy moderation, mentors). A
page that shows a candidate another page hides leaks that person. The world below has the awkward cases: a
postal code two regions share, the code next door that belongs to no region of ours, a profile without a
postal code, a closed account, and a profile whose account is no longer a candidate's.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from accounts.selectors import user_coordinates_postal_code
from employers.selectors import vacancy_list_for_moderation
from events.selectors import event_list_managed, event_may_manage
from mentoring.selectors import (
    CaseloadFilters,
    caseload_list,
    mentor_request_list_waiting,
    mentors_in_region,
    region_of_coordinator,
)
from places.selectors import candidate_in_region, candidate_list_for_coordinator, coordinator_region
from tests.factories import (
    AdminFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    EventFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    VacancyFactory,
)

pytestmark = pytest.mark.django_db

HANNOVER = ["30159", "30161", "30163", "30165"]
# Laatzen shares 30165 with Hannover: the code lies on the border of both.
LAATZEN = ["30165", "30880"]

# Candidate by last name: (postal code, active account, candidate role).
PEOPLE = {
    "Innenstadt": ("30161", True, True),
    "Grenzweg": ("30165", True, True),  # in both regions
    "Nebenan": ("30167", True, True),  # the next code, in neither region
    "Nordsee": ("27472", True, True),
    "Ohneort": ("", True, True),
    "Geschlossen": ("30161", False, True),
    "Rollenwechsel": ("30161", True, False),
}
SEEN_BY_HANNOVER = {"Innenstadt", "Grenzweg"}
SEEN_BY_LAATZEN = {"Grenzweg"}
SEEN_BY_ADMIN = {"Innenstadt", "Grenzweg", "Nebenan", "Nordsee", "Ohneort"}


@pytest.fixture
def world():
    hannover = CoordinatorFactory(region__name="Hannover", region__codes=HANNOVER)
    laatzen = CoordinatorFactory(region__name="Laatzen", region__codes=LAATZEN)
    profiles = {}
    for name, (code, active, candidate) in PEOPLE.items():
        if code:
            profile = CompleteCandidateProfileFactory(postal_code=code, user__last_name=name)
        else:
            profile = CandidateProfileFactory(user__last_name=name)
        profile.user.is_active = active
        profile.user.role = Role.CANDIDATE if candidate else Role.MENTOR
        profile.user.save(update_fields=["is_active", "role"])
        MentorRequestFactory(profile=profile)
        profiles[name] = profile
    return {"hannover": hannover, "laatzen": laatzen, "admin": AdminFactory(), "profiles": profiles}


def _names(profiles) -> set[str]:
    return {profile.user.last_name for profile in profiles}


def _seen_by_selectors(user, profiles) -> dict[str, set[str]]:
    region = region_of_coordinator(user=user)
    return {
        "caseload": _names(caseload_list(region=region, filters=CaseloadFilters())),
        "requests": _names(request.profile for request in mentor_request_list_waiting(region=region)),
        "coordinator's candidates": _names(candidate_list_for_coordinator(user=user)),
        "one candidate": {
            name for name, profile in profiles.items() if candidate_in_region(user=user, public_id=profile.public_id)
        },
    }


def _seen_on_pages(client, user, profiles) -> dict[str, set[str]]:
    client.force_login(user)
    caseload = client.get(reverse("mentoring:caseload")).content.decode()
    requests = client.get(reverse("mentoring:request_list")).content.decode()
    pages = {
        "caseload page": {name for name in profiles if name in caseload},
        "request page": {name for name in profiles if name in requests},
        "timeline page": set(),
    }
    if user.role == Role.COORDINATOR:  # the pathways are a coordinator's page only
        pages["pathways page"] = set()
    for name, profile in profiles.items():
        timeline = client.get(reverse("mentoring:timeline", kwargs={"public_id": profile.public_id}))
        assert timeline.status_code in (200, 404)
        if timeline.status_code == 200:
            pages["timeline page"].add(name)
        if "pathways page" in pages:
            pathways = client.get(reverse("matching:candidate_pathways", kwargs={"public_id": profile.public_id}))
            assert pathways.status_code in (200, 404)
            if pathways.status_code == 200:
                pages["pathways page"].add(name)
    return pages


@pytest.mark.parametrize(
    ("who", "expected"),
    [("hannover", SEEN_BY_HANNOVER), ("laatzen", SEEN_BY_LAATZEN), ("admin", SEEN_BY_ADMIN)],
)
def test_every_page_and_selector_sees_the_same_candidates(client, world, who, expected):
    user = world[who]

    seen = {**_seen_by_selectors(user, world["profiles"]), **_seen_on_pages(client, user, world["profiles"])}

    assert seen == dict.fromkeys(seen, expected)


def test_the_same_postal_codes_count_as_the_region_for_events_vacancies_and_mentors(world):
    hannover = world["hannover"]
    codes = ["30159", "30165", "30167", "27472", "30880"]
    events = {code: EventFactory(postal_code=code) for code in codes}
    vacancies = {code: VacancyFactory(postal_code=code, status="published") for code in codes}
    mentors = {code: MentorProfileFactory(postal_code=code) for code in codes}

    coordinated = {code for code in codes if user_coordinates_postal_code(user=hannover, postal_code=code)}
    seen = {
        "events managed": {code for code, event in events.items() if event in event_list_managed(user=hannover)},
        "event may manage": {code for code, event in events.items() if event_may_manage(user=hannover, event=event)},
        "moderation": {
            code for code, vacancy in vacancies.items() if vacancy in vacancy_list_for_moderation(user=hannover)
        },
        "mentors": {
            code
            for code, mentor in mentors.items()
            if mentor in mentors_in_region(region=region_of_coordinator(user=hannover))
        },
    }

    assert coordinated == {"30159", "30165"}
    assert seen == dict.fromkeys(seen, coordinated)


def test_a_coordinator_without_a_region_sees_nobody_rather_than_everybody(world):
    # The database refuses such an account; one half set up in memory must still see nothing, because the
    # admins' "no region" means the whole state.
    with pytest.raises(IntegrityError), transaction.atomic():
        CoordinatorFactory(region=None)
    coordinator = world["hannover"]
    coordinator.region = None
    inside = world["profiles"]["Innenstadt"]
    own_event = EventFactory(organiser=coordinator, postal_code="30159")
    EventFactory(postal_code="30161")

    assert not candidate_list_for_coordinator(user=coordinator).exists()
    assert candidate_in_region(user=coordinator, public_id=inside.public_id) is None
    assert not user_coordinates_postal_code(user=coordinator, postal_code="30161")
    assert not vacancy_list_for_moderation(user=coordinator).exists()
    assert list(event_list_managed(user=coordinator)) == [own_event]
    with pytest.raises(PermissionDenied):
        coordinator_region(user=coordinator)
    with pytest.raises(PermissionDenied):
        region_of_coordinator(user=coordinator)

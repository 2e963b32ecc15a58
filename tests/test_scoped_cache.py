"""Parts of the signed-in finder pages kept per region or vacancy (common.scoped_cache): a change shows on the
next visit, and nobody ever gets a part of a region or vacancy that is not theirs."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import SupplyReport
from courses.report_services import supply_report_refresh
from matching import store
from matching.models import Match
from matching.services import match_recompute_for_vacancy
from notifications.services import notification_create
from places.services import region_save
from tests.factories import (
    ActiveMentorshipFactory,
    AdminFactory,
    CandidateOccupationFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    EmployerStaffFactory,
    OccupationFactory,
    PublishedVacancyFactory,
    VisibleCandidateProfileFactory,
)

pytestmark = pytest.mark.django_db

HANNOVER = ["30159", "30161"]
BRAUNSCHWEIG = ["38100", "38102"]
CASELOAD = reverse("mentoring:caseload")


@pytest.fixture(autouse=True)
def _scoped_cache_on(settings):
    settings.SCOPED_CACHE_SECONDS = 60


def candidate(last_name: str, postal_code: str = "30159"):
    return CompleteCandidateProfileFactory(user__first_name="Amal", user__last_name=last_name, postal_code=postal_code)


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def hannover():
    return CoordinatorFactory(region__name="Hannover", region__codes=HANNOVER)


@pytest.fixture
def braunschweig():
    return CoordinatorFactory(region__name="Braunschweig", region__codes=BRAUNSCHWEIG)


# --- Caseload ----------------------------------------------------------------------------------------------------


def test_the_second_visit_reuses_the_list_and_shows_the_same_page(client, hannover, settings):
    candidate("Haddad")
    client.force_login(hannover)
    first = queries_of(client, CASELOAD)
    second = queries_of(client, CASELOAD)
    kept = client.get(CASELOAD).content.decode()

    assert second <= first - 3, "the figures, the count and the rows come from the kept parts"
    settings.SCOPED_CACHE_SECONDS = 0
    fresh = client.get(CASELOAD).content.decode()
    strip = lambda html: [line for line in html.splitlines() if "csrfmiddlewaretoken" not in line]  # noqa: E731
    assert strip(kept) == strip(fresh), "the same page a fresh rendering gives, but for the reader's CSRF token"


def test_a_new_candidate_in_the_region_shows_at_once_and_only_in_that_region(client, hannover, braunschweig):
    candidate("Haddad")
    candidate("Kowalski", postal_code="38100")
    client.force_login(hannover)
    assert "Haddad" in client.get(CASELOAD).content.decode()
    client.force_login(braunschweig)
    assert "Haddad" not in client.get(CASELOAD).content.decode()

    candidate("Nouri")

    client.force_login(hannover)
    page = client.get(CASELOAD)
    assert "Nouri" in page.content.decode()
    assert 'data-count="candidates">2<' in page.content.decode()
    client.force_login(braunschweig)
    page = client.get(CASELOAD).content.decode()
    assert "Nouri" not in page and "Haddad" not in page and "Kowalski" in page
    assert 'data-count="candidates">1<' in page


def test_a_coordinator_asking_for_another_regions_list_gets_their_own(client, hannover, braunschweig):
    candidate("Haddad")
    client.force_login(hannover)
    client.get(CASELOAD)
    client.get(CASELOAD, {"region": hannover.region.pk})  # an admin's parameter, ignored for a coordinator

    client.force_login(braunschweig)
    for params in ({}, {"region": hannover.region.pk}):
        page = client.get(CASELOAD, params).content.decode()
        assert "Haddad" not in page
        assert 'data-count="candidates">0<' in page


def test_changes_of_a_candidate_show_at_once(client, hannover):
    profile = candidate("Haddad")
    client.force_login(hannover)
    assert 'data-count="with_mentor">0<' in client.get(CASELOAD).content.decode()

    ActiveMentorshipFactory(profile=profile)
    page = client.get(CASELOAD).content.decode()
    assert 'data-count="with_mentor">1<' in page

    profile.user.last_name = "Haddad-Nouri"
    profile.user.save()
    assert "Haddad-Nouri" in client.get(CASELOAD).content.decode()

    profile.postal_code = "38100"  # moved away: no longer this region's
    profile.save()
    assert "Haddad" not in client.get(CASELOAD).content.decode()


def test_a_region_given_more_postal_codes_shows_their_candidates_at_once(client, hannover):
    candidate("Kowalski", postal_code="38100")
    client.force_login(hannover)
    assert "Kowalski" not in client.get(CASELOAD).content.decode()

    region_save(name="Hannover", postal_codes=[*HANNOVER, "38100"], region=hannover.region)

    assert "Kowalski" in client.get(CASELOAD).content.decode()


def test_filters_and_pages_each_have_their_own_part(client, hannover):
    candidate("Haddad")
    ActiveMentorshipFactory(profile=candidate("Nouri"))
    client.force_login(hannover)
    assert "Nouri" in client.get(CASELOAD).content.decode()
    page = client.get(CASELOAD, {"no_mentor": "on"}).content.decode()
    assert "Nouri" not in page and "Haddad" in page
    assert "Nouri" in client.get(CASELOAD).content.decode()


# --- An employer's candidates of a vacancy ---------------------------------------------------------------------


@pytest.fixture
def painter():
    return OccupationFactory()


def visible_painter(painter):
    profile = VisibleCandidateProfileFactory()
    CandidateOccupationFactory(profile=profile, occupation=painter)
    return profile


def cards(client, vacancy) -> str:
    with translation.override("en"):
        url = reverse("matching:vacancy_candidates", kwargs={"pk": vacancy.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_match_shows_on_the_employers_list_at_once(client, painter):
    employer = EmployerStaffFactory()
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, occupation=painter)
    visible_painter(painter)
    match_recompute_for_vacancy(vacancy=vacancy)
    client.force_login(employer)
    assert cards(client, vacancy).count('class="card match-card"') == 1

    newcomer = visible_painter(painter)
    match_recompute_for_vacancy(vacancy=vacancy)  # writes the matches in bulk, without signals

    page = cards(client, vacancy)
    assert page.count('class="card match-card"') == 2
    assert str(newcomer.public_id) in page

    newcomer.visible_to_employers = False
    newcomer.save()
    assert str(newcomer.public_id) not in cards(client, vacancy)


def test_a_changed_score_shows_at_once(client, painter):
    employer = EmployerStaffFactory()
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, occupation=painter)
    visible_painter(painter)
    match_recompute_for_vacancy(vacancy=vacancy)
    client.force_login(employer)
    match = Match.objects.get(vacancy=vacancy)
    assert f"Fits {match.score} of 100" in cards(client, vacancy)

    # As the recomputation writes a changed match: in bulk, through the matching app's one writer, no signals.
    store.write_rows(
        inserted=[], updated=[(match.pk, match.score - 7, json.dumps(match.parts), match.fingerprint + 1)], deleted=[]
    )

    assert f"Fits {match.score - 7} of 100" in cards(client, vacancy)


def test_another_employer_never_sees_the_candidates_of_a_vacancy(client, painter):
    employer, other = EmployerStaffFactory(), EmployerStaffFactory()
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, occupation=painter)
    # Another occupation, in Emden: far beyond the candidate's 25 km, so no candidate fits it.
    their_own = PublishedVacancyFactory(
        organisation=other.membership.organisation, occupation=OccupationFactory(), postal_code="26721"
    )
    profile = visible_painter(painter)
    match_recompute_for_vacancy(vacancy=vacancy)
    match_recompute_for_vacancy(vacancy=their_own)
    client.force_login(employer)
    assert str(profile.public_id) in cards(client, vacancy)

    client.force_login(other)
    assert client.get(reverse("matching:vacancy_candidates", kwargs={"pk": vacancy.pk})).status_code == 404
    page = cards(client, their_own)
    assert str(profile.public_id) not in page and 'class="card match-card"' not in page


# --- Supply report -----------------------------------------------------------------------------------------------


def test_a_recomputed_supply_report_shows_at_once(client, hannover):
    url = reverse("courses:supply_report")
    CourseFactory(start_date=timezone.localdate() + datetime.timedelta(days=7))
    report = supply_report_refresh(region=hannover.region)
    client.force_login(hannover)
    assert f"<td>{report.data['totals']['demand']}</td>" in client.get(url).content.decode()

    # As a recomputation stores it (nothing else changed, so no other version moved on).
    data = {**report.data, "totals": {**report.data["totals"], "demand": 4711}}
    SupplyReport.objects.filter(pk=report.pk).update(data=data, computed_at=timezone.now())

    assert "<td>4711</td>" in client.get(url).content.decode()


# --- The navigation, reused for every reader: each keeps their own CSRF token -----------------------------------


def test_the_reused_navigation_carries_each_readers_own_csrf_token(hannover, braunschweig):
    from django.test import Client

    tokens = []
    for coordinator in (hannover, braunschweig):
        client = Client(enforce_csrf_checks=True)
        client.force_login(coordinator)
        page = client.get(CASELOAD).content.decode()
        assert "csrf-token-of-this-request" not in page
        found = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert len(found) == 1, "the same token in the navigation, its copy in the menu and the language form"
        token = found.pop()
        tokens.append(client.cookies["csrftoken"].value)
        assert client.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302
        assert client.get(CASELOAD).status_code == 302, "logged out with the token of the reused navigation"
    assert tokens[0] != tokens[1]


# --- Whole pages kept per scope: each reader still gets their own token, badge and messages ------------------


def unread_for(user, count: int) -> None:
    for _ in range(count):
        notification_create(
            recipient=user, kind="application_withdrawn", params={"title": "Maler/in"}, url_name="home", email=False
        )


def badges(page: str) -> list[str]:
    return re.findall(r'notification-badge">(\d+)<', page)


def tokens_in(page: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


def test_a_colleague_gets_the_kept_page_with_their_own_token_and_unread_badge(hannover):
    from django.test import Client

    candidate("Haddad")
    colleague = CoordinatorFactory(region=hannover.region)
    unread_for(hannover, 3)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(hannover)
    second.force_login(colleague)

    rendered = first.get(CASELOAD)
    kept = second.get(CASELOAD)

    assert rendered["X-Scoped-Cache"] == "miss" and kept["X-Scoped-Cache"] == "hit"
    assert "Haddad" in kept.content.decode()
    assert badges(rendered.content.decode()) == ["3", "3", "3"], "the menu button and the navigation's two copies"
    assert badges(kept.content.decode()) == [], "the colleague has read everything"
    for response in (rendered, kept):
        assert "-of-this-request-" not in response.content.decode()
    mine, theirs = tokens_in(rendered.content.decode()), tokens_in(kept.content.decode())
    assert len(mine) == len(theirs) == 1 and mine != theirs
    # The token on the kept page is the colleague's own: it logs them out.
    assert second.post(reverse("account_logout"), {"csrfmiddlewaretoken": theirs.pop()}).status_code == 302
    assert second.get(CASELOAD).status_code == 302

    unread_for(colleague, 1)
    first.force_login(colleague)
    again = first.get(CASELOAD)
    assert again["X-Scoped-Cache"] == "hit" and badges(again.content.decode()) == ["1", "1", "1"]


def test_an_admin_and_a_coordinator_of_the_same_region_each_get_their_own_page(client, hannover):
    candidate("Haddad")
    client.force_login(hannover)
    coordinators = client.get(CASELOAD, {"region": hannover.region.pk}).content.decode()
    client.force_login(AdminFactory())
    admins = client.get(CASELOAD, {"region": hannover.region.pk})

    assert admins["X-Scoped-Cache"] == "miss"
    assert 'class="region-choice' in admins.content.decode() and 'class="region-choice' not in coordinators
    assert "Haddad" in admins.content.decode()


def test_compute_now_on_a_kept_report_page_works_and_its_message_is_shown_not_kept(hannover):
    from django.test import Client

    url = reverse("courses:supply_report")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(hannover)
    second.force_login(CoordinatorFactory(region=hannover.region))
    assert first.get(url)["X-Scoped-Cache"] == "miss"
    page = second.get(url)
    assert page["X-Scoped-Cache"] == "hit" and "Compute now" not in page.content.decode()
    assert "Jetzt berechnen" in page.content.decode()

    asked = second.post(url, {"csrfmiddlewaretoken": tokens_in(page.content.decode()).pop()})
    assert asked.status_code == 302, "the reader's own token from the kept page is accepted"

    shown = second.get(asked.url)
    assert "Der Bericht wird berechnet" in shown.content.decode()
    assert "X-Scoped-Cache" not in shown, "a page with a message waiting is rendered for its reader, never kept"
    after = second.get(url)
    assert after["X-Scoped-Cache"] == "hit", "the report is not there yet: the page kept before"
    assert "Der Bericht wird berechnet" not in after.content.decode()

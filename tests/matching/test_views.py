"""The pages: a candidate's matches, an employer's matching candidates, a coordinator's view of pathways."""

import pytest
from django.urls import reverse

from matching.services import match_recompute_all, match_recompute_for_candidate
from tests.factories import (
    CandidateFactory,
    CoordinatorFactory,
    EmployerStaffFactory,
    MentorFactory,
    RegionFactory,
)

from . import world
from .test_pathways import example, painter  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_a_candidate_sees_their_matches_with_the_reasons(client, painter):  # noqa: F811
    profile = world.candidate(occupations=[(painter, 3)])
    world.vacancy(occupation=painter, title="Maler/in für Altbausanierung")
    world.course(title="Job-BSK B1 am Abend")
    match_recompute_for_candidate(profile=profile)
    client.force_login(profile.user)

    response = client.get(reverse("matching:my_matches"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Maler/in für Altbausanierung" in content
    assert "Job-BSK B1 am Abend" in content
    assert "gleicher Beruf, 3 Jahre Berufserfahrung" in content


def test_a_candidate_reads_the_reasons_in_arabic(client, painter):  # noqa: F811
    profile = world.candidate(occupations=[(painter, 3)])
    world.vacancy(occupation=painter)
    match_recompute_for_candidate(profile=profile)
    client.force_login(profile.user)

    content = client.get("/ar/matching/my-matches/").content.decode()

    assert "نفس المهنة، 3 سنوات خبرة" in content
    assert 'dir="rtl"' in content


def test_a_candidate_sees_the_pathway_on_their_matches_page(client, example):  # noqa: F811
    profile, job, course, shadowing = example
    client.force_login(profile.user)
    content = client.get(reverse("matching:my_matches")).content.decode()
    assert course.title in content and shadowing.title in content and job.title in content


def test_a_new_candidate_without_a_profile_sees_an_empty_page(client):
    client.force_login(CandidateFactory())
    response = client.get(reverse("matching:my_matches"))
    assert response.status_code == 200


@pytest.mark.parametrize("role_factory", [EmployerStaffFactory, MentorFactory])
def test_only_candidates_have_a_matches_page(client, role_factory):
    client.force_login(role_factory())
    assert client.get(reverse("matching:my_matches")).status_code == 403


def test_visitors_must_log_in(client):
    response = client.get(reverse("matching:my_matches"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Employers ------------------------------------------------------------------------------------------------


@pytest.fixture
def vacancy_with_candidates(painter):  # noqa: F811
    employer = EmployerStaffFactory()
    job = world.vacancy(occupation=painter, organisation=employer.membership.organisation)
    visible = world.candidate(occupations=[(painter, 7)], visible_to_employers=True)
    hidden = world.candidate(occupations=[(painter, 9)], visible_to_employers=False)
    match_recompute_all()
    return employer, job, visible, hidden


def test_an_employer_sees_the_consenting_candidates_of_their_vacancy_anonymously(client, vacancy_with_candidates):
    employer, job, visible, hidden = vacancy_with_candidates
    client.force_login(employer)

    response = client.get(reverse("matching:vacancy_candidates", kwargs={"pk": job.pk}))

    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("employers:candidate_detail", kwargs={"public_id": visible.public_id}) in content
    assert "7 Jahre Berufserfahrung" in content
    assert "Postleitzahlbereich 301" in content
    assert visible.user.email not in content and visible.user.last_name not in content


def test_candidates_who_are_not_visible_never_appear_to_employers(client, vacancy_with_candidates):
    employer, job, _visible, hidden = vacancy_with_candidates
    client.force_login(employer)
    content = client.get(reverse("matching:vacancy_candidates", kwargs={"pk": job.pk})).content.decode()
    assert str(hidden.public_id) not in content
    assert "9 Jahre Berufserfahrung" not in content


def test_a_hidden_candidate_in_contact_with_the_organisation_appears(client, vacancy_with_candidates):
    from portal.services import contact_grant_give

    employer, job, _visible, hidden = vacancy_with_candidates
    contact_grant_give(profile=hidden, organisation=job.organisation, reason="applied")
    client.force_login(employer)
    content = client.get(reverse("matching:vacancy_candidates", kwargs={"pk": job.pk})).content.decode()
    assert str(hidden.public_id) in content


def test_another_organisations_vacancy_is_not_found(client, vacancy_with_candidates):
    _employer, job, _visible, _hidden = vacancy_with_candidates
    client.force_login(EmployerStaffFactory())
    assert client.get(reverse("matching:vacancy_candidates", kwargs={"pk": job.pk})).status_code == 404


def test_candidates_cannot_see_a_vacancys_candidates(client, vacancy_with_candidates):
    _employer, job, visible, _hidden = vacancy_with_candidates
    client.force_login(visible.user)
    assert client.get(reverse("matching:vacancy_candidates", kwargs={"pk": job.pk})).status_code == 403


# --- Coordinators ---------------------------------------------------------------------------------------------


def test_a_coordinator_sees_the_pathways_of_a_candidate_in_their_region(client, example):  # noqa: F811
    profile, _job, course, shadowing = example
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["31535", "31582"]))
    client.force_login(coordinator)

    response = client.get(reverse("matching:candidate_pathways", kwargs={"public_id": profile.public_id}))

    content = response.content.decode()
    assert response.status_code == 200
    assert course.title in content and shadowing.title in content


def test_a_coordinator_of_another_region_gets_not_found(client, example):  # noqa: F811
    profile, *_rest = example
    client.force_login(CoordinatorFactory(region=RegionFactory(codes=["30159"])))
    url = reverse("matching:candidate_pathways", kwargs={"public_id": profile.public_id})
    assert client.get(url).status_code == 404


def test_employers_cannot_see_pathways(client, example):  # noqa: F811
    profile, *_rest = example
    client.force_login(EmployerStaffFactory())
    url = reverse("matching:candidate_pathways", kwargs={"public_id": profile.public_id})
    assert client.get(url).status_code == 403


def test_the_band_is_named_and_the_german_gap_comes_first_a_card_shows_five_reasons_the_full_page_all(
    client,
    painter,  # noqa: F811
):
    profile = world.candidate(occupations=[(painter, 3)], hours_per_week=20, childcare_needed=True)
    world.vacancy(occupation=painter, german_level_required="B1", title="Maler/in mit B1", expires_on=None)
    match_recompute_for_candidate(profile=profile)
    client.force_login(profile.user)

    content = client.get("/en/matching/my-matches/").content.decode()

    # 33 occupation + 0 German + 15 way + 5 kind + 0 hours + 5 start + 0 childcare + 3 shifts = 61: "good".
    assert "<strong>Good</strong> · Fits 61 of 100" in content
    reasons = content.split('class="match-card__reasons"')[1].split("</ul>")[0]
    items = [item.split("</li>")[0] for item in reasons.split("<li>")[1:]]
    assert items[:3] == ["your German A2 – B1 needed", "no childcare offered", "38 hours a week, you want 20"]
    assert len(items) == 7  # the full list page shows every reason
    dashboard = client.get(reverse("portal:candidate_dashboard")).content.decode()
    card = dashboard.split('class="match-card__reasons"')[1].split("</ul>")[0]
    assert card.count("<li>") == 5


def test_employers_read_the_gaps_first_on_anonymous_cards_at_most_five(client, painter):  # noqa: F811
    employer = EmployerStaffFactory()
    job = world.vacancy(occupation=painter, organisation=employer.membership.organisation, german_level_required="B1")
    world.candidate(occupations=[(painter, 4)], hours_per_week=20, childcare_needed=True)
    match_recompute_all()
    client.force_login(employer)

    content = client.get(f"/en/matching/vacancies/{job.pk}/candidates/").content.decode()

    card = content.split('class="match-card__reasons"')[1].split("</ul>")[0]
    items = [item.split("</li>")[0] for item in card.split("<li>")[1:]]
    assert items[:2] == ["German A2 – B1 needed", "needs childcare, none offered"]
    assert len(items) == 5

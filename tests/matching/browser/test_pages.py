"""The matching pages in a real browser: a candidate in Arabic on a phone, an employer on a desktop; accessible."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from matching.services import match_recompute_all
from tests.browser.axe import assert_accessible
from tests.factories import TEST_PASSWORD, EmployerStaffFactory

from .. import world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def log_in(page, live_server, user, language: str) -> None:
    page.goto(live_server.url + url_in(language, "account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()


@pytest.fixture
def painting_world():
    painter = world.occupation("33302", "Maler/in")
    employer = EmployerStaffFactory()
    job = world.vacancy(
        occupation=painter, organisation=employer.membership.organisation, title="Maler/in (m/w/d) in Hannover"
    )
    world.vacancy(occupation=painter, postal_code="31582", german_level_required="B1", title="Maler/in Nienburg")
    world.course(kind="job_bsk", level_from="A2", level_to="B1", postal_code="31582", title="Job-BSK B1 Nienburg")
    profile = world.candidate(
        occupations=[(painter, 4)], postal_code="31535", travel_radius_km=40, user__preferred_language="ar"
    )
    match_recompute_all()
    return employer, job, profile


def test_a_candidate_reads_matches_reasons_and_pathway_in_arabic_on_a_phone(live_server, phone_page, painting_world):
    _employer, job, profile = painting_world
    page = phone_page
    log_in(page, live_server, profile.user, "ar")

    page.goto(live_server.url + url_in("ar", "matching:my_matches"))

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("link", name=job.title)).to_be_visible()
    expect(page.get_by_text("نفس المهنة، 4 سنوات خبرة").first).to_be_visible()
    expect(page.get_by_role("link", name="Job-BSK B1 Nienburg").first).to_be_visible()
    assert_accessible(page)


def test_an_employer_sees_anonymous_matching_candidates(live_server, page, painting_world):
    employer, job, profile = painting_world
    log_in(page, live_server, employer, "de")

    page.goto(live_server.url + url_in("de", "matching:vacancy_candidates", pk=job.pk))

    expect(page.get_by_role("heading", level=1)).to_have_text("Passende Bewerberinnen und Bewerber")
    expect(page.get_by_text("Maler/in, 4 Jahre Erfahrung")).to_be_visible()
    expect(page.get_by_text(profile.user.email)).to_have_count(0)
    assert_accessible(page)

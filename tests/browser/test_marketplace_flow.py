"""The marketplace end to end (issue 4): an employer posts an internship in German on a desktop, a candidate
searching in Arabic on a phone finds it and applies, the employer invites them, and the candidate sees it."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from applications.models import Application, ApplicationStatus
from employers.models import Vacancy, VacancyKind, VacancyStatus
from occupations.services import occupation_catalogue_load
from tests.factories import TEST_PASSWORD, CompleteCandidateProfileFactory, EmployerStaffFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Praktikum in der Tischlerwerkstatt"


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def text_in(language: str, message: str, **params) -> str:
    with translation.override(language):
        text = translation.gettext(message)
    return text % params if params else text


def log_in(page, live_server, user, language: str) -> None:
    page.goto(live_server.url + url_in(language, "account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    expect(page.locator('input[name="password"]')).to_have_count(0)


def test_employer_posts_an_internship_a_candidate_searching_in_arabic_applies_and_is_invited(
    live_server, page, phone_page
):
    # live_server flushed the catalogue the migration loaded; the search finds occupations by their terms.
    occupation_catalogue_load()
    employer = EmployerStaffFactory(preferred_language="de", first_name="Heinz", last_name="Hüsing")
    profile = CompleteCandidateProfileFactory(
        user__preferred_language="ar", user__first_name="Ahmad", user__last_name="Al-Hassan", postal_code="30159"
    )
    candidate = phone_page

    # The employer narrows the occupation list, describes the internship and publishes it.
    log_in(page, live_server, employer, "de")
    page.goto(live_server.url + url_in("de", "employers:vacancy_create"))
    assert_accessible(page, "new vacancy (de)")
    page.locator('input[name="q"]').fill("Tischler")
    page.locator("form.occupation-search [type=submit]").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page, "new vacancy with occupations found (de)")
    form = page.locator("form.vacancy-form")
    form.get_by_label(text_in("de", VacancyKind.INTERNSHIP.label), exact=True).check()
    form.locator('input[name="title"]').fill(TITLE)
    form.locator('select[name="occupation"]').select_option(label="Tischler/in")
    form.locator('textarea[name="description"]').fill(
        "Drei Wochen Holz, Maschinen und Montage kennenlernen. Deutsch A1 reicht, wir zeigen viel."
    )
    form.locator('select[name="german_level_required"]').select_option("A1")
    form.locator('input[name="postal_code"]').fill("30159")
    form.locator('input[name="hours_per_week"]').fill("35")
    form.locator('input[name="duration_weeks"]').fill("3")
    form.get_by_role("button", name=text_in("de", "Publish"), exact=True).click()

    expect(page.locator(".site-messages")).to_contain_text(
        text_in("de", "The vacancy is published. Candidates can find it now.")
    )
    vacancy = Vacancy.objects.get(title=TITLE)
    assert (vacancy.status, vacancy.kind, vacancy.occupation.kldb_code) == (
        VacancyStatus.PUBLISHED, VacancyKind.INTERNSHIP, "22342"
    )  # fmt: skip
    assert_accessible(page, "vacancy published (de)")

    # The candidate searches in Arabic on a phone, finds the internship and applies.
    log_in(candidate, live_server, profile.user, "ar")
    candidate.goto(live_server.url + url_in("ar", "vacancies:search"))
    expect(candidate.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(candidate, "vacancy search (ar, phone)")
    candidate.locator(".search-filters__summary").click()  # on a phone the filters fold into one line
    candidate.locator('input[name="q"]').fill("نجار")
    candidate.get_by_role("button", name=text_in("ar", "Show offers")).click()
    result = candidate.get_by_role("link", name=TITLE, exact=True)
    expect(result).to_be_visible()
    assert_accessible(candidate, "vacancy search results for نجار (ar, phone)")
    result.click()
    expect(candidate.locator("h1")).to_have_text(TITLE)
    assert_accessible(candidate, "vacancy detail (ar, phone)")
    candidate.locator('textarea[name="message"]').fill("مرحبا، أنا نجار منذ خمس سنوات.")
    candidate.get_by_role("button", name=text_in("ar", "Send to the employer")).click()
    expect(candidate.locator(".site-messages")).to_contain_text(
        text_in("ar", "Sent. %(organisation)s can now see your profile and the documents you chose.",
                organisation=vacancy.organisation.name)
    )  # fmt: skip
    application = Application.objects.get(profile=profile, vacancy=vacancy)
    assert application.status == ApplicationStatus.SUBMITTED
    assert_accessible(candidate, "application sent (ar, phone)")

    # The employer opens the application from the vacancy and invites the candidate.
    page.goto(live_server.url + url_in("de", "employers:vacancy_detail", pk=vacancy.pk))
    assert_accessible(page, "vacancy with one application (de)")
    page.get_by_role("link", name="Ahmad Al-Hassan").click()
    expect(page.locator("main")).to_contain_text("مرحبا، أنا نجار منذ خمس سنوات.")
    assert_accessible(page, "application (de)")
    page.get_by_role("button", name=text_in("de", "Invite"), exact=True).click()
    expect(page.locator(".dashboard-header .badge")).to_have_text(text_in("de", ApplicationStatus.INVITED.label))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INVITED
    assert_accessible(page, "application after inviting (de)")

    # The candidate sees the invitation in Arabic in their list of applications.
    candidate.goto(live_server.url + url_in("ar", "applications:list"))
    entry = candidate.locator(".application-list li").filter(has_text=TITLE)
    expect(entry).to_contain_text(f"{text_in('ar', 'Status:')} {text_in('ar', ApplicationStatus.INVITED.label)}")
    assert_accessible(candidate, "my applications (ar, phone)")

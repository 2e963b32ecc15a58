"""A new candidate completes the onboarding in Ukrainian on a phone, without horizontal scrolling."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from portal.models import CandidateProfile, OnboardingStep
from tests.factories import TEST_PASSWORD, CandidateFactory, OccupationFactory, OccupationFieldFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGE = "uk"


def url_in(name: str, **kwargs) -> str:
    with translation.override(LANGUAGE):
        return reverse(name, kwargs=kwargs)


def text_in(message: str, **params) -> str:
    with translation.override(LANGUAGE):
        text = translation.gettext(message)
    return text % params if params else text


def assert_fits_the_phone(page, where: str) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{where} scrolls sideways: {width[0]} px content in a {width[1]} px window"


def check_step(page, live_server, step: str) -> None:
    """The step's own page, numbered, accessible and as wide as the phone."""
    expect(page).to_have_url(live_server.url + url_in("portal:onboarding_step", step=step))
    number = OnboardingStep.number(step)
    expect(page.locator("main h1")).to_have_text(text_in(OnboardingStep(step).label))
    expect(page.locator("#onboarding-progress-label")).to_have_text(
        text_in("Step %(number)s of %(total)s", number=number, total=len(OnboardingStep.values))
    )
    expect(page.locator("progress.onboarding-progress")).to_have_attribute("value", str(number))
    assert_accessible(page, f"onboarding step {step} ({LANGUAGE})")
    assert_fits_the_phone(page, f"onboarding step {step}")


def click(page, label: str) -> None:
    page.locator("main").get_by_role("button", name=text_in(label), exact=True).click()


def test_new_candidate_completes_the_onboarding_in_ukrainian_on_a_phone(live_server, phone_page):
    page = phone_page
    nurse = OccupationFactory(
        field=OccupationFieldFactory(code="99", names={"de": "Gesundheit (Test)", "uk": "Охорона здоров'я (тест)"}),
        kldb_code="99302",
        names={"de": "Pflegefachmann/-frau (Test)", "uk": "Медична сестра / медичний брат (тест)"},
    )
    candidate = CandidateFactory(preferred_language=LANGUAGE)
    start = timezone.localdate() + timedelta(days=14)

    # Log in through the login form; the dashboard invites to start.
    page.goto(live_server.url + url_in("account_login"))
    page.locator('input[name="login"]').fill(candidate.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    expect(page).to_have_url(live_server.url + url_in("portal:candidate_dashboard"))
    expect(page.locator("main")).to_contain_text(text_in("Your profile is %(percent)s %% complete.", percent=0))
    assert_accessible(page, "candidate dashboard before onboarding (uk)")
    page.locator("main").get_by_role("link", name=text_in("Start"), exact=True).click()

    # 1 Languages
    check_step(page, live_server, "languages")
    page.locator('input[name="german_level"][value="B1"]').check()
    page.locator('select[name="german_certificate"]').select_option("telc")
    page.locator('select[name="languages-0-language"]').select_option("uk")
    page.locator('select[name="languages-0-level"]').select_option("native")
    page.locator('select[name="languages-1-language"]').select_option("ru")
    page.locator('select[name="languages-1-level"]').select_option("C1")
    click(page, "Save and continue")

    # 2 Work and training: add the occupation, then the rest of the step
    check_step(page, live_server, "experience")
    page.locator('select[name="occupation"]').select_option(str(nurse.pk))
    page.locator('input[name="years_experience"]').fill("12")
    click(page, "Add occupation")
    expect(page.locator("main .onboarding-list")).to_contain_text(nurse.name(LANGUAGE))
    check_step(page, live_server, "experience")
    page.locator('select[name="school_education"]').select_option("upper_secondary")
    page.locator('select[name="vocational_education"]').select_option("vocational_school")
    page.locator('input[name="foreign_qualification"]').fill("Медична сестра, медичний коледж (Україна)")
    page.locator('select[name="recognition_status"]').select_option("in_progress")
    click(page, "Save and continue")

    # 3 What you are looking for
    check_step(page, live_server, "wishes")
    page.locator('input[name="looking_for"][value="job"]').check()
    page.locator('input[name="looking_for"][value="language_course"]').check()
    page.locator('input[name="hours_per_week"]').fill("30")
    page.locator('input[name="earliest_start"]').fill(start.isoformat())
    click(page, "Save and continue")

    # 4 Where, first with an unknown postal code: a translated error next to the field
    check_step(page, live_server, "place")
    page.locator('input[name="postal_code"]').fill("00000")
    page.locator('input[name="travel_radius_km"]').fill("20")
    page.locator('input[name="transport"][value="public"]').check()
    click(page, "Save and continue")
    unknown = text_in("We do not know the postal code %(code)s. Please check the five digits.", code="00000")
    expect(page.locator("#div_id_postal_code .invalid-feedback")).to_have_text(unknown)
    expect(page.locator(".error-summary")).to_contain_text(unknown)
    assert_accessible(page, "place step with an error (uk)")
    assert_fits_the_phone(page, "place step with an error")
    page.locator('input[name="postal_code"]').fill("49076")
    click(page, "Save and continue")

    # 5 Circumstances; the work permit stays at "prefer not to say"
    check_step(page, live_server, "circumstances")
    expect(page.locator('input[name="work_permit"][value=""]')).to_be_checked()
    page.locator('input[name="childcare_needed"][value="True"]').check()
    page.locator('input[name="shift_work_possible"][value="False"]').check()
    click(page, "Save and finish")

    # Straight on to the offers that fit, then the profile: complete, every answer in Ukrainian
    expect(page).to_have_url(live_server.url + url_in("matching:my_matches"))
    expect(page.locator("main h1")).to_have_text(text_in("Your matches"))
    page.goto(live_server.url + url_in("portal:profile"))
    main = page.locator("main")
    expect(main).to_contain_text(text_in("Your profile is %(percent)s %% complete.", percent=100))
    expect(page.locator("progress.profile-completeness__bar")).to_have_attribute("value", "100")
    for label in [
        "Job",
        "Language course",
        "Mother tongue",
        "telc certificate",
        "Recognition in progress",
        "Public transport only",
        "I prefer not to say",
    ]:
        expect(main).to_contain_text(text_in(label))
    expect(main).to_contain_text(nurse.name(LANGUAGE))
    expect(main).to_contain_text("49076")
    assert text_in("Job") != "Job", "the Ukrainian catalogue is not compiled"
    assert_accessible(page, "profile page (uk)")
    assert_fits_the_phone(page, "profile page")

    profile = CandidateProfile.objects.get(user=candidate)
    assert profile.completed_steps == list(OnboardingStep.values)
    assert (profile.german_level, profile.postal_code, profile.earliest_start) == ("B1", "49076", start)
    assert list(profile.languages.values_list("language", "level")) == [("uk", "native"), ("ru", "C1")]
    assert list(profile.occupations.values_list("occupation", "years_experience")) == [(nurse.pk, 12)]

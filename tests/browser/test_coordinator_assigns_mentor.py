"""A coordinator opens a request, reads the ranked proposals with their reasons and assigns a mentor."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from mentoring.models import Mentorship, MentorshipStatus
from portal.models import CandidateLanguage
from tests.factories import (
    TEST_PASSWORD,
    ActiveMentorshipFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    MentorFactory,
    MentorProfileFactory,
    MentorRequestFactory,
)

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def text_in(lang: str, message: str, **params) -> str:
    with translation.override(lang):
        text = translation.gettext(message)
    return text % params if params else text


def log_in(page, live_server, user, language: str) -> None:
    page.goto(live_server.url + url_in(language, "account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()


def test_coordinator_assigns_the_mentor_who_speaks_the_candidates_language(live_server, page):
    coordinator = CoordinatorFactory(region__name="Region Hannover", region__codes=["30159", "30161", "30163"])
    profile = CandidateProfileFactory(
        postal_code="30159", german_level="A1", user__first_name="Amina", user__last_name="Haddad"
    )
    CandidateLanguage.objects.create(profile=profile, language="ar", level="native")
    request = MentorRequestFactory(profile=profile, topics=["paperwork", "job_search"], message="Briefe vom Amt")
    MentorProfileFactory(
        languages=["de"],
        postal_code="30161",
        helps_with=["job_search"],
        user__first_name="Jörg",
        user__last_name="Lange",
    )
    MentorProfileFactory(
        languages=["de", "ar"],
        postal_code="30163",
        helps_with=["paperwork", "job_search"],
        user__first_name="Hiba",
        user__last_name="Darwish",
    )

    log_in(page, live_server, coordinator, "de")
    page.goto(live_server.url + url_in("de", "mentoring:coordinator_dashboard"))
    assert_accessible(page, "coordinator dashboard")
    page.get_by_role("link", name=text_in("de", "Requests for a mentor")).first.click()
    assert_accessible(page, "requests for a mentor")
    page.get_by_role("link", name="Amina Haddad").click()

    expect(page).to_have_url(live_server.url + url_in("de", "mentoring:request_detail", pk=request.pk))
    proposals = page.locator(".proposal")
    expect(proposals).to_have_count(2)
    expect(proposals.first).to_contain_text("Hiba Darwish")
    expect(proposals.first).to_contain_text(text_in("de", "speaks %(languages)s", languages=text_in("de", "Arabic")))
    expect(proposals.nth(1)).to_contain_text("Jörg Lange")
    assert_accessible(page, "request with proposals")

    proposals.first.get_by_role("button", name=text_in("de", "Assign")).click()

    mentorship = Mentorship.objects.get(request=request)
    expect(page).to_have_url(live_server.url + url_in("de", "mentoring:mentorship_detail", pk=mentorship.pk))
    expect(page.locator(".mentorship-status")).to_have_text(text_in("de", "Proposed"))
    assert mentorship.status == MentorshipStatus.PROPOSED
    assert mentorship.mentor.user.last_name == "Darwish"
    assert_accessible(page, "proposed mentorship")

    page.goto(live_server.url + url_in("de", "mentoring:suggest"))
    assert_accessible(page, "suggest for my region")
    page.goto(live_server.url + url_in("de", "mentoring:caseload"))
    assert_accessible(page, "caseload")
    page.goto(live_server.url + url_in("de", "mentoring:timeline", public_id=profile.public_id))
    assert_accessible(page, "timeline")
    page.goto(live_server.url + url_in("de", "mentoring:mentor_approvals"))
    assert_accessible(page, "mentor approvals")


def test_a_mentor_writes_a_profile_and_a_note_and_a_candidate_asks_in_arabic(live_server, page, phone_page):
    CoordinatorFactory(region__name="Region Hannover", region__codes=["30159", "30161", "30163"])
    mentor_user = MentorFactory()
    log_in(page, live_server, mentor_user, "de")
    page.goto(live_server.url + url_in("de", "mentoring:mentor_dashboard"))
    assert_accessible(page, "mentor dashboard without profile")
    page.get_by_role("link", name=text_in("de", "Create your profile")).click()
    page.get_by_label(text_in("de", "German"), exact=True).check()
    page.get_by_label(text_in("de", "Your postal code")).fill("00000")
    page.get_by_role("button", name=text_in("de", "Save profile")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "mentor profile with errors")
    page.get_by_label(text_in("de", "Your postal code")).fill("30163")
    page.get_by_label(text_in("de", "Paperwork and authorities")).check()
    page.get_by_role("button", name=text_in("de", "Save profile")).click()
    expect(page).to_have_url(live_server.url + url_in("de", "mentoring:mentor_dashboard"))
    assert_accessible(page, "mentor dashboard waiting for approval")

    mentorship = ActiveMentorshipFactory(mentor=mentor_user.mentor_profile)
    page.goto(live_server.url + url_in("de", "mentoring:mentorship_detail", pk=mentorship.pk))
    page.get_by_role("textbox", name=text_in("de", "Note")).fill("Erstes Treffen im Stadtteilzentrum.")
    page.get_by_role("button", name=text_in("de", "Save note")).click()
    expect(page.locator("#notes")).to_contain_text("Erstes Treffen im Stadtteilzentrum.")
    assert_accessible(page, "mentorship with a note")

    candidate = CompleteCandidateProfileFactory(user__preferred_language="ar")
    log_in(phone_page, live_server, candidate.user, "ar")
    phone_page.goto(live_server.url + url_in("ar", "mentoring:request"))
    expect(phone_page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(phone_page, "ask for a mentor (ar, phone)")
    phone_page.get_by_label(text_in("ar", "German practice")).check()
    phone_page.get_by_role("button", name=text_in("ar", "Ask for a mentor")).click()
    expect(phone_page.locator(".site-messages")).to_contain_text(
        text_in("ar", "Thank you. A coordinator in your region will look for a mentor for you.")
    )
    assert_accessible(phone_page, "request waiting (ar, phone)")
    assert candidate.mentor_requests.get().topics == ["german_practice"]

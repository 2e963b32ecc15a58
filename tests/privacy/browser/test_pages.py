"""A candidate manages documents and consent in a real browser, in German and in Arabic; every page passes axe."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from documents.models import Document
from documents.services import document_share
from portal.models import ContactGrant
from portal.services import contact_grant_give
from tests.browser.axe import assert_accessible
from tests.documents.samples import FAKE_PDF_EXE, PDF
from tests.factories import TEST_PASSWORD, CompleteCandidateProfileFactory, DocumentFactory, EmployerStaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def url_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def log_in(page, live_server, email):
    page.goto(live_server.url + url_in("de", "account_login"))
    page.locator('input[name="login"]').fill(email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    expect(page).not_to_have_url(live_server.url + url_in("de", "account_login"))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_candidate_uploads_a_document_and_switches_visibility(live_server, page, language):
    profile = CompleteCandidateProfileFactory()
    organisation = EmployerStaffFactory().membership.organisation
    document_share(document=DocumentFactory(owner=profile.user, title="Zeugnis"), organisation=organisation)
    contact_grant_give(profile=profile, organisation=organisation, reason=ContactGrant.Reason.APPLIED)
    log_in(page, live_server, profile.user.email)

    page.goto(live_server.url + url_in(language, "documents:list"))
    assert_accessible(page, f"documents ({language})")
    form = page.locator("main form[enctype]")
    form.locator('input[name="title"]').fill("Lebenslauf")
    form.locator('input[name="file"]').set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": FAKE_PDF_EXE}]
    )
    form.locator("[type=submit]").click()
    expect(page.locator("#id_file_error")).to_be_visible()
    assert_accessible(page, f"documents with an error ({language})")
    assert Document.objects.filter(owner=profile.user).count() == 1

    form = page.locator("main form[enctype]")
    form.locator('input[name="title"]').fill("Lebenslauf")
    form.locator('input[name="file"]').set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    form.locator("[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Lebenslauf")
    assert Document.objects.filter(owner=profile.user).count() == 2

    page.goto(live_server.url + url_in(language, "privacy:overview"))
    assert_accessible(page, f"privacy overview ({language})")
    page.locator('input[name="visible"][value="yes"]').check()
    page.locator('main form[action$="/visibility/"] [type=submit]').click()
    expect(page.locator('input[name="visible"][value="yes"]')).to_be_checked()
    profile.refresh_from_db()
    assert profile.visible_to_employers is True

    page.goto(live_server.url + url_in(language, "privacy:export_page"))
    assert_accessible(page, f"data export ({language})")

    page.goto(live_server.url + url_in(language, "privacy:delete_account"))
    assert_accessible(page, f"account deletion ({language})")


def test_employer_sees_an_anonymous_candidate(live_server, page):
    profile = CompleteCandidateProfileFactory(visible_to_employers=True)
    employer = EmployerStaffFactory()
    log_in(page, live_server, employer.email)

    page.goto(live_server.url + url_in("de", "employers:candidate_detail", profile.public_id))
    assert_accessible(page, "employer's view of a candidate")
    expect(page.locator("h1")).to_have_text("Anonyme Bewerberin / anonymer Bewerber")

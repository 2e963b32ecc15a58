import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import Role, User

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "amal.haddad@example.org"
PASSWORD = "Sonnenblume-2026-Hannover"
CONFIRMATION_PATH = re.compile(r"/accounts/confirm-email/[^/\s]+/")


def url_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def text_in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def confirmation_path(body: str) -> str:
    """The path of the confirmation link; its host may be the live server's or 'testserver'."""
    for word in body.split():
        path = urlsplit(word).path
        if CONFIRMATION_PATH.search(path):
            return path
    raise AssertionError(f"No confirmation link in the e-mail:\n{body}")


def test_candidate_signs_up_verifies_email_and_sees_rtl_dashboard_in_arabic(live_server, page):
    def visit(path):
        page.goto(live_server.url + path)

    def submit_main_form():
        page.locator("main form").locator("[type=submit]").click()

    # Sign up in German, keeping the preselected role.
    visit(url_in("de", "account_signup"))
    assert_accessible(page, "sign-up page (de)")
    expect(page.locator('input[name="role"][value="candidate"]')).to_be_checked()
    page.locator('input[name="email"]').fill(EMAIL)
    page.locator('input[name="password1"]').fill(PASSWORD)
    page.locator('input[name="password2"]').fill(PASSWORD)
    submit_main_form()

    expect(page).to_have_url(live_server.url + url_in("de", "account_email_verification_sent"))
    expect(page.locator("h1")).to_have_text(text_in("de", "Check your e-mail"))
    user = User.objects.get(email=EMAIL)
    assert (user.role, user.preferred_language) == (Role.CANDIDATE, "de")
    assert not EmailAddress.objects.filter(user=user, verified=True).exists()

    # Confirm the address through the link in the e-mail.
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[-1]
    assert message.to == [EMAIL]
    path = confirmation_path(message.body)
    visit(path)
    expect(page.locator("h1")).to_have_text(text_in("de", "Confirm your e-mail address"))
    assert_accessible(page, "e-mail confirmation page (de)")
    submit_main_form()

    # Confirming signs the person in straight away: no second login.
    page.wait_for_load_state()
    assert EmailAddress.objects.filter(user=user, email=EMAIL, verified=True).exists()
    assert urlsplit(page.url).path != url_in("de", "account_login")
    visit(url_in("de", "portal:candidate_dashboard"))

    expect(page).to_have_url(live_server.url + url_in("de", "portal:candidate_dashboard"))
    expect(page.locator("h1")).to_have_text(text_in("de", "My dashboard"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    # Switch to Arabic: same page, right to left, and remembered on the account.
    page.locator(".language-menu > summary").click()
    page.locator('[data-language="ar"]').click()

    expect(page).to_have_url(live_server.url + url_in("ar", "portal:candidate_dashboard"))
    assert urlsplit(page.url).path.startswith("/ar/")
    expect(page.locator("h1")).to_have_text(text_in("ar", "My dashboard"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator('[data-language="ar"]')).to_have_attribute("aria-current", "true")
    assert_accessible(page, "candidate dashboard (ar)")
    user.refresh_from_db()
    assert user.preferred_language == "ar"

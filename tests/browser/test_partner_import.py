"""The partner import in a real browser: a coordinator on a phone in Farsi (right to left) checks a file with a
bad row, corrects it and imports it."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from employers.models import Organisation
from tests.factories import TEST_PASSWORD, CoordinatorFactory
from tests.imports.conftest import STATEWIDE_CODES

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLE = settings.BASE_DIR / "docs" / "examples" / "organisationen-beispiel.csv"


def url_in(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def text_in(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def test_coordinator_checks_corrects_and_imports_organisations_in_farsi_on_a_phone(live_server, phone_page, tmp_path):
    page = phone_page
    coordinator = CoordinatorFactory(preferred_language="fa", region__codes=STATEWIDE_CODES)
    bad = tmp_path / "organisationen.csv"
    bad.write_bytes(EXAMPLE.read_bytes().replace(b"29439, 29451", b"29439, 99999"))

    page.goto(live_server.url + url_in("fa", "account_login"))
    page.locator('input[name="login"]').fill(coordinator.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()
    page.goto(live_server.url + url_in("fa", "imports:start"))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert_accessible(page, "partner import (fa, phone)")

    page.get_by_role("radio", name=text_in("fa", "Organisations")).check()
    page.locator('input[type="file"]').set_input_files(str(bad))
    page.get_by_role("button", name=text_in("fa", "Check the file")).click()

    errors = page.locator("table.import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first.locator("td")).to_contain_text(["2", "Standorte", "99999"])
    assert_accessible(page, "partner import with errors (fa, phone)")
    assert not Organisation.objects.exists()

    page.get_by_role("radio", name=text_in("fa", "Organisations")).check()
    page.locator('input[type="file"]').set_input_files(str(EXAMPLE))
    page.get_by_role("button", name=text_in("fa", "Check the file")).click()
    expect(page.locator("table.import-preview tbody tr")).to_have_count(5)
    assert_accessible(page, "partner import, checked (fa, phone)")
    page.locator("main form").filter(has=page.locator('input[name="token"]')).locator("[type=submit]").click()

    expect(page.locator("main")).to_contain_text(text_in("fa", "Import a partner's spreadsheet"))
    assert Organisation.objects.count() == 5
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"

    with translation.override("fa"):
        columns = reverse("imports:columns", kwargs={"kind": "candidates"})
    page.goto(live_server.url + columns)
    expect(page.locator("main")).to_contain_text("Deutschniveau")
    assert_accessible(page, "candidate columns (fa, phone)")

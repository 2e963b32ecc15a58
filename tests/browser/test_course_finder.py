"""Course finder and CSV upload in a real browser: right-to-left Arabic on a phone, accessible on every page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from courses.models import CourseRegistration, RegistrationStatus
from tests.factories import TEST_PASSWORD, CandidateProfileFactory, CourseFactory, ProviderStaffFactory

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def test_candidate_finds_the_suggested_course_and_registers_in_arabic_on_a_phone(live_server, phone_page):
    page = phone_page
    profile = CandidateProfileFactory(
        german_level="A2", postal_code="30159", travel_radius_km=25, user__preferred_language="ar"
    )
    start = datetime.date.today() + datetime.timedelta(days=10)
    CourseFactory(title="Alphakurs", level_from="0", level_to="A1", postal_code="30159", start_date=start)
    CourseFactory(title="B1-Kurs Hannover", level_from="A2", level_to="B1", postal_code="30161", seats_total=1)

    log_in(page, live_server, profile.user, "ar")
    page.goto(live_server.url + url_in("ar", "courses:search"))

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text(text_in("ar", "Suggested for your level: %(level)s", level="B1"))
    expect(page.locator(".course-list__item h3").first).to_have_text("B1-Kurs Hannover")
    assert_accessible(page, "course finder (ar, phone)")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the course finder scrolls sideways: {width}"

    page.get_by_role("link", name="B1-Kurs Hannover").click()
    assert_accessible(page, "course detail (ar, phone)")
    page.get_by_role("button", name=text_in("ar", "Register for this course")).click()

    expect(page.locator(".site-messages")).to_contain_text(
        text_in("ar", "You have a seat in “%(title)s”.", title="B1-Kurs Hannover")
    )
    assert CourseRegistration.objects.get(profile=profile).status == RegistrationStatus.REGISTERED
    assert_accessible(page, "course detail after registering (ar, phone)")
    page.get_by_role("link", name=text_in("ar", "My courses and waiting lists")).first.click()
    expect(page.locator("main")).to_contain_text("B1-Kurs Hannover")
    assert_accessible(page, "my courses (ar, phone)")


def test_provider_checks_a_csv_file_sees_the_bad_row_and_then_imports_a_good_one(live_server, page, tmp_path):
    staff = ProviderStaffFactory()
    year = datetime.date.today().year + 1
    header = "Titel;Kursart;Niveau von;Niveau bis;Online;PLZ;Beginn;Ende;Zeitmodell;Kinderbetreuung;Plätze;Kosten"
    dates = f"01.09.{year};28.02.{year + 1}"
    good = f"Integrationskurs Lüchow;Integrationskurs;A1;B1;präsenz;29439;{dates};Teilzeit;ja;16;gefördert"
    bad_file, good_file = tmp_path / "fehler.csv", tmp_path / "kurse.csv"
    bad_file.write_bytes(f"{header}\r\n{good}\r\n{good.replace(';B1;', ';D7;')}\r\n".encode("cp1252"))
    good_file.write_bytes(f"{header}\r\n{good}\r\n".encode("cp1252"))

    log_in(page, live_server, staff, "de")
    page.goto(live_server.url + url_in("de", "courses:provider_dashboard"))
    assert_accessible(page, "provider dashboard without courses")
    page.get_by_role("link", name="Kurse aus einer CSV-Datei hochladen").click()
    assert_accessible(page, "CSV upload")

    page.locator('input[name="file"]').set_input_files(str(bad_file))
    page.get_by_role("button", name="Datei prüfen").click()
    errors = page.locator("table.import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("Niveau bis")
    expect(errors.first).to_contain_text("D7")
    assert_accessible(page, "CSV check with errors")

    page.locator('input[name="file"]').set_input_files(str(good_file))
    page.get_by_role("button", name="Datei prüfen").click()
    expect(page.locator("table.import-preview")).to_contain_text("Integrationskurs Lüchow")
    assert_accessible(page, "CSV check without errors")
    page.get_by_role("button", name="1 Kurs importieren").click()

    expect(page).to_have_url(live_server.url + url_in("de", "courses:provider_dashboard"))
    expect(page.locator("table.course-table")).to_contain_text("Integrationskurs Lüchow")
    assert_accessible(page, "provider dashboard with a course")

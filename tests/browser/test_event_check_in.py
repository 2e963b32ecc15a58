"""On the day of the event the organiser checks people in on a phone: one large button per person."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from events.models import EventRegistration
from tests.factories import (
    TEST_PASSWORD,
    CandidateFactory,
    CoordinatorFactory,
    EventFactory,
    EventRegistrationFactory,
    JobFairFactory,
    MentorFactory,
    PublishedVacancyFactory,
    RegionFactory,
)

from .axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGE = "de"


def url_in(name: str, **kwargs) -> str:
    with translation.override(LANGUAGE):
        return reverse(name, kwargs=kwargs)


def text_in(message: str, **params) -> str:
    with translation.override(LANGUAGE):
        text = translation.gettext(message)
    return text % params if params else text


def named(action: str, person: str) -> re.Pattern:
    """A button's accessible name: the visible action and, for screen readers, whose row it is."""
    return re.compile(rf"^{re.escape(action)}\s*:\s*{re.escape(person)}$")


def log_in(page, live_server, user) -> None:
    page.goto(live_server.url + url_in("account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form").locator("[type=submit]").click()


def test_the_organiser_checks_in_a_registrant_on_a_phone(live_server, phone_page):
    page = phone_page
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["30159"]), preferred_language=LANGUAGE)
    now = timezone.now()
    event = EventFactory(
        organiser=coordinator,
        title="Jobmesse für Frauen",
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(hours=3),
    )
    amal = EventRegistrationFactory(event=event, user=CandidateFactory(first_name="Amal", last_name="Saleh"))
    EventRegistrationFactory(event=event, user=MentorFactory(first_name="Gerda", last_name="Wilkens"))

    log_in(page, live_server, coordinator)
    page.goto(live_server.url + url_in("events:check_in", pk=event.pk))

    expect(page.locator("main h1")).to_have_text(text_in("Check-in"))
    expect(page.locator(".check-in__count")).to_have_text(
        text_in("%(checked_in)s of %(count)s checked in", checked_in=0, count=2)
    )
    assert_accessible(page, "check-in page (phone)")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the check-in page scrolls sideways: {width}"
    row = page.locator(f"#person-{amal.public_id}")
    button = page.get_by_role("button", name=named(text_in("Check in"), "Amal Saleh"))
    expect(button).to_have_count(1)
    box = button.bounding_box()
    assert box["height"] >= 44, f"the check-in button is too small to tap: {box}"

    button.tap()

    expect(row).to_have_class(re.compile(r"check-in__person--done"))
    expect(row.get_by_role("button", name=named(text_in("Undo"), "Amal Saleh"))).to_be_visible()
    expect(page.locator(".check-in__count")).to_have_text(
        text_in("%(checked_in)s of %(count)s checked in", checked_in=1, count=2)
    )
    expect(page.locator(".site-messages")).to_contain_text(text_in("%(name)s is checked in.", name="Amal Saleh"))
    assert_accessible(page, "check-in page after a check-in (phone)")
    assert EventRegistration.objects.get(pk=amal.pk).checked_in_at is not None
    assert EventRegistration.objects.exclude(pk=amal.pk).get().checked_in_at is None


def test_a_candidate_registers_for_the_job_fair_for_women_in_arabic_on_a_phone(live_server, phone_page):
    page = phone_page
    fair = JobFairFactory(title="Jobmesse für Frauen", capacity=1)
    fair.participating_organisations.add(fair.organisation)
    PublishedVacancyFactory(organisation=fair.organisation, title="Lagerhelferin")
    candidate = CandidateFactory(preferred_language="ar")

    log_in(page, live_server, candidate)
    with translation.override("ar"):
        page.goto(live_server.url + reverse("events:list"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, "event list (ar, phone)")
    page.get_by_role("link", name="Jobmesse für Frauen").click()
    expect(page.locator("main")).to_contain_text("Lagerhelferin")
    assert_accessible(page, "job fair (ar, phone)")

    with translation.override("ar"):
        register = translation.gettext("Register for this event")
        confirm = translation.gettext("I confirm that I am a woman. This event is for women only.")
        missing = translation.gettext("Please confirm that you belong to the group this event is meant for.")
    page.get_by_role("button", name=register).click()
    expect(page.locator(".error-summary")).to_contain_text(missing)
    assert_accessible(page, "job fair with the missing confirmation (ar, phone)")
    page.get_by_label(confirm).check()
    page.get_by_role("button", name=register).click()

    expect(page.locator("main")).to_contain_text(text_in_ar("You have a place at this event."))
    assert EventRegistration.objects.get(user=candidate).status == "registered"
    assert_accessible(page, "job fair after registering (ar, phone)")


def text_in_ar(message: str) -> str:
    with translation.override("ar"):
        return translation.gettext(message)


def test_the_event_form_is_accessible_and_reports_errors_next_to_the_fields(live_server, page):
    coordinator = CoordinatorFactory(region=RegionFactory(codes=["29439"]), preferred_language=LANGUAGE)
    day = timezone.localdate() + datetime.timedelta(days=10)
    log_in(page, live_server, coordinator)
    page.goto(live_server.url + url_in("events:create"))
    assert_accessible(page, "new event form")

    page.get_by_label(text_in("Information event on mentoring and Patenschaft")).check()
    page.get_by_label(text_in("Title")).fill("Infoabend Patenschaft")
    page.get_by_label(text_in("Date")).fill(day.isoformat())
    page.get_by_label(text_in("Starts at")).fill("18:00")
    page.get_by_label(text_in("Ends at")).fill("20:00")
    page.get_by_label(text_in("Postal code of the place")).fill("30159")
    page.get_by_label(text_in("Number of places")).fill("30")
    page.get_by_role("button", name=text_in("Save as draft")).click()

    region_error = text_in(
        "The postal code %(code)s is not in your region %(region)s.", code="30159", region=coordinator.region.name
    )
    expect(page.locator(".error-summary")).to_contain_text(region_error)
    expect(page.get_by_label(text_in("Postal code of the place"))).to_have_class(re.compile(r"is-invalid"))
    assert_accessible(page, "new event form with errors")

    page.get_by_label(text_in("Postal code of the place")).fill("29439")
    page.get_by_role("button", name=text_in("Save as draft")).click()

    expect(page.locator(".site-messages")).to_contain_text(
        text_in("The event “%(title)s” is saved as a draft.", title="Infoabend Patenschaft")
    )
    assert_accessible(page, "events I organise")

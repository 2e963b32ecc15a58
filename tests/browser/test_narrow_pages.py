"""No page scrolls sideways on the narrowest phones (320 CSS pixels), in German and right-to-left Arabic (issue 13).

One page of every kind, for the role that sees it; tables turn into stacked cards, long words wrap.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from courses.models import CourseRegistration
from tests.factories import (
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    EmployerStaffFactory,
    EventFactory,
    EventRegistrationFactory,
    InternshipVacancyFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    ProviderStaffFactory,
    UnapprovedMentorProfileFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW_PHONE = {"width": 320, "height": 640}
LONG_GERMAN_TITLE = "Ausbildung Fachkraft für Kreislauf- und Abfallwirtschaft (m/w/d) – Entsorgungsbetriebe"


def _signed_in(browser, live_server, user):
    """A narrow phone tab with the user's session, set as a cookie instead of typing the password."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=NARROW_PHONE, is_mobile=True, has_touch=True, service_workers="block")
    context.set_default_timeout(10_000)
    if user is not None:
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context


def _pages_by_user():
    """(user or None, url name, kwargs) for one page of every kind."""
    coordinator = CoordinatorFactory(first_name="Jürgen", last_name="Kümmerer-Oberhausen")
    candidate = CompleteCandidateProfileFactory(user__first_name="Amal", user__last_name="Haddad")
    employer = EmployerStaffFactory(membership__organisation__name="Bildungswerk Osnabrücker Land e. V.")
    vacancy = InternshipVacancyFactory(organisation=employer.membership.organisation, title=LONG_GERMAN_TITLE)
    ApplicationFactory(profile=candidate, vacancy=vacancy)
    provider = ProviderStaffFactory()
    course = CourseFactory(provider=provider.membership.organisation, title=LONG_GERMAN_TITLE)
    CourseRegistration.objects.create(profile=candidate, course=course, status="registered")
    event = EventFactory(organiser=coordinator, title=LONG_GERMAN_TITLE)
    EventRegistrationFactory(event=event, user=candidate.user)
    UnapprovedMentorProfileFactory(user__first_name="Marie-Luise", user__last_name="Schmidt-Bergmann")
    MentorProfileFactory()
    MentorRequestFactory(profile=candidate)
    return [
        (None, "home", {}),
        (None, "vacancies:search", {}),
        (None, "vacancies:detail", {"pk": vacancy.pk}),
        (None, "courses:search", {}),
        (None, "courses:detail", {"pk": course.pk}),
        (None, "events:list", {}),
        (None, "events:detail", {"pk": event.pk}),
        (None, "account_login", {}),
        (None, "account_signup", {}),
        (None, "pages:contact", {}),
        (candidate.user, "portal:candidate_dashboard", {}),
        (candidate.user, "portal:profile", {}),
        (candidate.user, "applications:list", {}),
        (candidate.user, "courses:my_registrations", {}),
        (candidate.user, "notifications:list", {}),
        (employer, "employers:dashboard", {}),
        (employer, "employers:vacancy_create", {}),
        (provider, "courses:provider_dashboard", {}),
        (coordinator, "mentoring:coordinator_dashboard", {}),
        (coordinator, "mentoring:caseload", {}),
        (coordinator, "mentoring:mentor_approvals", {}),
        (coordinator, "mentoring:request_list", {}),
        (coordinator, "events:manage", {}),
        (coordinator, "events:participants", {"pk": event.pk}),
    ]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_no_page_is_wider_than_a_narrow_phone(live_server, browser, language):
    pages = _pages_by_user()
    too_wide = []
    for user in dict.fromkeys(user for user, _name, _kwargs in pages):
        context = _signed_in(browser, live_server, user) if user else None
        if context is None:
            context = browser.new_context(viewport=NARROW_PHONE, is_mobile=True, service_workers="block")
        tab = context.new_page()
        for _user, name, kwargs in (entry for entry in pages if entry[0] == user):
            with translation.override(language):
                path = reverse(name, kwargs=kwargs)
            response = tab.goto(live_server.url + path)
            assert response.ok, f"{path}: {response.status}"
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > NARROW_PHONE["width"]:
                too_wide.append(f"{path}: {width} px")
        context.close()

    assert not too_wide, f"wider than {NARROW_PHONE['width']} px ({language}): {too_wide}"

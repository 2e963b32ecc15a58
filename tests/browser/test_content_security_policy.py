"""The key pages work under the strict Content-Security-Policy: the browser reports no violation (issue 12).

This browser keeps the policy (the other browser tests bypass it to inject the axe check); a listener added
before any page script runs collects every `securitypolicyviolation` event, and the console is watched for
Chromium's "Refused to ..." messages.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from courses.report_services import supply_report_refresh
from tests.factories import (
    TEST_PASSWORD,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CourseFactory,
    EmployerStaffFactory,
    EventFactory,
    PublishedVacancyFactory,
)

from .conftest import PHONE_VIEWPORT, TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI || 'inline'} ${event.sourceFile}`);
});
"""


def url(name: str, language: str = "de", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(COLLECT_VIOLATIONS)
    tab = context.new_page()
    tab.console_refusals = []
    tab.on(
        "console",
        lambda message: "Content Security Policy" in message.text and tab.console_refusals.append(message.text),
    )
    yield tab
    context.close()


def visit(page, address: str) -> list[str]:
    """Open the page, wait until it and its images and style sheets have loaded, return what was refused."""
    response = page.goto(address)
    assert response is not None and response.status < 400, f"{address}: {response and response.status}"
    assert response.headers.get("content-security-policy"), address
    page.wait_for_load_state("load")
    return page.evaluate("window.__cspViolations") + page.console_refusals


def log_in(page, base: str, user) -> None:
    page.goto(base + url("account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state("load")


def test_key_pages_report_no_policy_violation(live_server, strict_page):
    page, base = strict_page, live_server.url
    vacancy = PublishedVacancyFactory()
    course = CourseFactory()
    event = EventFactory()
    candidate = CompleteCandidateProfileFactory().user
    employer = EmployerStaffFactory()
    coordinator = CoordinatorFactory()
    supply_report_refresh(region=coordinator.region)
    refused = {}

    public = [
        url("home"), url("home", "ar"), url("account_login"), url("account_signup"), url("vacancies:search"),
        url("vacancies:detail", pk=vacancy.pk), url("courses:search"), url("courses:detail", pk=course.pk),
        url("events:list"), url("events:detail", pk=event.pk), url("occupations:search"), url("admin:login"),
    ]  # fmt: skip
    for address in public:
        refused[address] = visit(page, base + address)

    for user, addresses in [
        (candidate, [url("portal:candidate_dashboard"), url("portal:onboarding_step", step="languages"),
                     url("documents:list"), url("privacy:overview"), url("account_email"),
                     url("notifications:list")]),
        (employer, [url("employers:vacancy_create"), url("employers:staff")]),
        (coordinator, [url("mentoring:caseload"), url("imports:start"), url("courses:supply_report")]),
    ]:  # fmt: skip
        page.context.clear_cookies()
        log_in(page, base, user)
        for address in addresses:
            refused[address] = visit(page, base + address)

    # The last page shows the supply map, an SVG image that must load under the policy too.
    assert page.evaluate("document.querySelector('.supply-map img').naturalWidth") > 0
    violations = {address: found for address, found in refused.items() if found}
    assert not violations, violations

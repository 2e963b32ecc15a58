"""Every kind of response carries the Content-Security-Policy and the Permissions-Policy (issue 12, point 9)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from courses.report_services import supply_report_refresh
from tests.factories import (
    AdminFactory,
    CandidateFactory,
    CoordinatorFactory,
    DocumentFactory,
    EmployerStaffFactory,
    EventFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


def assert_secured(response) -> None:
    policy = response["Content-Security-Policy"]
    directives = dict(item.strip().split(" ", 1) for item in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_a_public_page(client):
    assert_secured(client.get(reverse("home")))


def test_the_login_page_of_allauth(client):
    assert_secured(client.get(reverse("account_login")))


def test_a_form_page_rendered_by_crispy_forms_without_inline_style(client):
    client.force_login(EmployerStaffFactory())

    response = client.get(reverse("employers:vacancy_create"))

    assert_secured(response)
    content = response.content.decode()
    assert " style=" not in content and "<style" not in content
    assert "<script>" not in content and " on" + "click=" not in content


@pytest.mark.parametrize("status", [403, 404])
def test_error_pages(client, status):
    if status == 403:
        client.force_login(CandidateFactory())
        response = client.get(reverse("employers:dashboard"))
    else:
        response = client.get("/de/no-such-page/")

    assert response.status_code == status
    assert_secured(response)


def test_a_redirect(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert_secured(response)


def test_file_downloads_json_csv_svg_and_calendar(client):
    candidate = CandidateFactory()
    client.force_login(candidate)
    assert_secured(client.get(reverse("privacy:export_json")))
    document = DocumentFactory(owner=candidate)
    assert_secured(client.get(reverse("documents:download", kwargs={"public_id": document.public_id})))
    assert_secured(client.get(reverse("events:ics", kwargs={"pk": EventFactory().pk})))

    coordinator = CoordinatorFactory()
    supply_report_refresh(region=coordinator.region)
    client.force_login(coordinator)
    assert_secured(client.get(reverse("courses:supply_report_csv")))
    svg = client.get(reverse("courses:supply_report_map"))
    assert_secured(svg)
    assert b"style=" not in svg.content and b"<style" not in svg.content


def test_the_technical_administration(client):
    client.force_login(AdminFactory())

    assert_secured(client.get(reverse("admin:index")))


def test_no_template_of_the_portal_has_inline_script_style_or_event_handlers():
    offending = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for needle in ("<script>", "<script type=\"text/javascript\">", " style=\"", "<style", "javascript:"):
            if needle in text:
                offending.append(f"{path.relative_to(settings.BASE_DIR)}: {needle}")
        if any(f" on{event}=" in text for event in ("click", "load", "change", "submit", "input")):
            offending.append(f"{path.relative_to(settings.BASE_DIR)}: event handler attribute")

    assert not offending, "\n".join(offending)

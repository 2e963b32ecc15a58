"""Installable and readable offline: the manifest per language, the service worker for the whole site, the offline
page, pages of one login never kept for the next; share buttons and Open Graph tags on public offers."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import CandidateProfileFactory, CourseFactory, EventFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("language, direction", [("de", "ltr"), ("ar", "rtl"), ("uk", "ltr")])
def test_the_manifest_names_the_app_in_the_language_with_its_start_page(client, language, direction):
    response = client.get(url("webapp:manifest", language))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["id"] == "/" and manifest["scope"] == "/"
    assert manifest["start_url"] == f"/{language}/"
    assert (manifest["lang"], manifest["dir"], manifest["display"]) == (language, direction, "standalone")
    assert manifest["short_name"] == "Brücke" and manifest["name"]
    assert manifest["theme_color"] == "#1d4e89" and manifest["background_color"] == "#ffffff"
    icons = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert icons == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        png = Path(finders.find(icon["src"].removeprefix("/static/"))).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]


def test_every_page_links_the_manifest_and_loads_the_worker_from_a_file_without_inline_script(client):
    content = client.get(url("home", "ar")).content.decode()

    assert f'<link rel="manifest" href="{url("webapp:manifest", "ar")}">' in content
    assert 'data-service-worker="/sw.js"' in content
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content)
    assert "style=" not in content


def test_the_service_worker_covers_the_site_and_keeps_the_layout_and_an_offline_page_per_language(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    source = response.content.decode()
    config = json.loads(source.split("\n", 1)[0].removeprefix("self.BRUECKE_SW = ").removesuffix(";"))
    assert "/static/css/bruecke.css" in config["precache"]
    assert "/static/vendor/bootstrap/bootstrap.rtl.min.css" in config["precache"]
    assert config["offline"]["ar"] == "/ar/offline/" and "/de/offline/" in config["precache"]
    assert any(re.match(pattern, "/ar/vacancies/12/") for pattern in config["keep"])
    assert any(re.match(pattern, "/uk/candidate/applications/") for pattern in config["keep"])
    assert not any(re.match(pattern, "/de/candidate/documents/") for pattern in config["keep"])
    assert 'addEventListener("fetch"' in source


def test_the_offline_page_is_in_the_language_and_holds_nobodys_data(client):
    profile = CandidateProfileFactory(user__first_name="Samira")
    client.force_login(profile.user)

    content = client.get(url("webapp:offline", "ar")).content.decode()

    assert 'lang="ar" dir="rtl"' in content
    with translation.override("ar"):
        assert translation.gettext("You are offline") in content
    assert "Samira" not in content and profile.user.email not in content
    assert url("account_logout", "ar") not in content


def test_pages_carry_a_viewer_marker_that_changes_with_the_login_and_logging_out_clears_the_site(client):
    anonymous = client.get(url("home"))["X-Bruecke-Viewer"]
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    first = client.get(url("home"))["X-Bruecke-Viewer"]
    client.logout()
    client.force_login(profile.user)
    second = client.get(url("home"))["X-Bruecke-Viewer"]

    assert anonymous == "anonymous"
    assert len({anonymous, first, second}) == 3
    assert re.fullmatch(r"[0-9a-f]{20}", first) and first != str(profile.user.pk)  # a keyed hash, not the id

    response = client.post(url("account_logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in Client().get(url("home"))


def test_public_offers_have_open_graph_tags_a_share_button_and_print_the_address():
    vacancy = PublishedVacancyFactory(title="Maler/in <Altbau>", description="Streichen & Tapezieren")
    course = CourseFactory()
    event = EventFactory()
    client = Client()

    for page in (
        url("vacancies:detail", pk=vacancy.pk),
        url("courses:detail", pk=course.pk),
        url("events:detail", pk=event.pk),
    ):
        content = client.get(page).content.decode()
        assert '<meta property="og:type" content="website">' in content
        assert f'<meta property="og:url" content="http://testserver{page}">' in content
        assert "og:image" in content and "/static/img/app/icon-512.png" in content
        assert "data-share " in content and 'href="mailto:?subject=' in content
        assert f'<p class="print-only">http://testserver{page}</p>' in content
    content = client.get(url("vacancies:detail", pk=vacancy.pk)).content.decode()
    assert '<meta property="og:title" content="Maler/in &lt;Altbau&gt;">' in content
    assert '<meta property="og:description" content="Streichen &amp; Tapezieren">' in content
    assert 'rel="stylesheet" href="/static/css/print.css" media="print"' in content

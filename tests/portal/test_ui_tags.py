import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from common.templatetags.ui import active_filters, bdi, join_list, summarised
from employers.models import VacancyKind
from tests.factories import CoordinatorFactory, RegionFactory

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load ui %}" + source).render(Context(context))


def test_german_names_are_isolated_from_the_page_direction():
    assert bdi("Bildungswerk Osnabrücker Land e. V.") == "<bdi>Bildungswerk Osnabrücker Land e. V.</bdi>"
    assert render("{{ name|bdi }}", name="<b>Müller & Söhne</b>") == "<bdi>&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;</bdi>"
    assert bdi("") == ""


@pytest.mark.parametrize(("language", "joined"), [("de", "Arabisch, Deutsch"), ("ar", "Arabisch، Deutsch")])
def test_lists_use_the_readers_separator(language, joined):
    with translation.override(language):
        assert join_list(["Arabisch", "Deutsch"]) == joined


def test_joined_items_are_escaped():
    assert join_list(["<script>", "a & b"]) == "&lt;script&gt;, a &amp; b"


def test_long_lists_of_postal_codes_are_summarised():
    codes = [str(30000 + number) for number in range(101)]

    with translation.override("en"):
        assert summarised(codes) == "30000, 30001, 30002, 30003, 30004 and 96 more"
        assert summarised(codes[:3]) == "30000, 30001, 30002"


def test_the_summary_of_a_search_names_the_active_filters_and_not_the_display_settings(client):
    response = client.get(
        "/en/vacancies/", {"kind": VacancyKind.INTERNSHIP, "postal_code": "30159", "radius": "25", "page_size": "50"}
    )

    texts = active_filters(response.context["form"])

    assert texts == ["Internship (Praktikum)", "From town or postal code: 30159 Hannover", "25 km"]
    assert "Internship (Praktikum) · " in response.content.decode().replace("</bdi>", "").replace("<bdi>", "")


def test_a_search_without_filters_says_so(client):
    response = client.get("/en/events/")

    assert active_filters(response.context["form"]) == []
    assert "No filters" in response.content.decode()


def test_the_coordinator_dashboard_summarises_the_postal_codes_of_a_large_region(client):
    codes = ["30159", "30161", "30163", "30165", "30167", "30169", "30171", "30173"]
    coordinator = CoordinatorFactory(region=RegionFactory(codes=codes))
    client.force_login(coordinator)

    with translation.override("en"):
        url = reverse("mentoring:coordinator_dashboard")
    content = client.get(url).content.decode()

    assert "30159, 30161, 30163, 30165, 30167 and 3 more" in content
    assert "Show all 8 postal codes" in content

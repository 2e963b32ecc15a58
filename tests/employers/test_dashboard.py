"""The employer dashboard: the organisation's vacancies with status and application counts."""

import re

import pytest

from applications.models import ApplicationStatus
from employers.models import VacancyStatus
from employers.services import vacancy_unpublish
from tests.factories import (
    AdminFactory,
    ApplicationFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
)

from .helpers import text_of, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory()
    client.force_login(user)
    return user


def card_of(response, title: str) -> str:
    content = response.content.decode()
    start = content.index(f">{title}</a>") + 1
    return text_of_html(content[start : content.index("</li>", start)])


def text_of_html(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_dashboard_lists_the_organisations_vacancies_with_status_and_application_counts(client, employer):
    organisation = employer.membership.organisation
    busy = PublishedVacancyFactory(organisation=organisation, title="Maler/in")
    ApplicationFactory(vacancy=busy)
    ApplicationFactory(vacancy=busy, status=ApplicationStatus.INVITED)
    ApplicationFactory(vacancy=busy, status=ApplicationStatus.DECLINED)
    DraftVacancyFactory(organisation=organisation, title="Praktikum Küche")
    PublishedVacancyFactory(title="Fremdes Angebot")

    response = client.get(url("dashboard"))

    assert response.status_code == 200
    assert card_of(response, "Maler/in") == (
        "Maler/in Veröffentlicht Arbeitsstelle Alle Bewerbungen 3 Offene Bewerbungen 2 Neue Bewerbungen 1"
    )
    assert card_of(response, "Praktikum Küche").startswith("Praktikum Küche Entwurf")
    assert "Alle Bewerbungen 0" in card_of(response, "Praktikum Küche")
    assert "Fremdes Angebot" not in response.content.decode()
    assert f'href="{url("vacancy_detail", pk=busy.pk)}"' in response.content.decode()
    assert f'href="{url("vacancy_create")}"' in response.content.decode()


def test_a_vacancy_taken_offline_shows_the_reason_on_the_dashboard_and_its_page(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, title="Reinigungskraft")
    vacancy_unpublish(vacancy=vacancy, by=AdminFactory(), reason="Der Lohn liegt unter dem Mindestlohn.")

    dashboard = text_of(client.get(url("dashboard")))
    detail = text_of(client.get(url("vacancy_detail", pk=vacancy.pk)))

    assert "Von einer Koordinatorin oder einem Koordinator offline genommen" in dashboard
    assert "Reinigungskraft" in dashboard and "Der Lohn liegt unter dem Mindestlohn." in dashboard
    assert "Der Lohn liegt unter dem Mindestlohn." in detail
    assert "Erneut veröffentlichen" in detail


def test_republishing_clears_the_notice(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation)
    vacancy_unpublish(vacancy=vacancy, by=AdminFactory(), reason="Bitte Lohn angeben.")

    client.post(url("vacancy_publish", pk=vacancy.pk))

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.unpublished_reason == ""
    assert "Bitte Lohn angeben." not in text_of(client.get(url("dashboard")))


def test_an_organisation_without_vacancies_is_invited_to_create_one(client, employer):
    page = text_of(client.get(url("dashboard")))

    assert "Ihr erstes Stellenangebot" in page
    assert employer.membership.organisation.name in page

"""Coordinators (in their region) and admins (everywhere) take inappropriate vacancies offline with a reason
the employer sees."""

import re

import pytest
from django.core import mail

from employers.models import VacancyStatus
from notifications.models import Notification
from tests.factories import (
    AdminFactory,
    CoordinatorFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
)

from .helpers import colleague_of, error_summary, field_error, text_of, url

pytestmark = pytest.mark.django_db

PERSIAN = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory(region__name="Region Hannover", region__codes=["30159", "30161"])
    client.force_login(user)
    return user


def test_a_coordinator_sees_the_published_vacancies_of_the_region_only(client, coordinator):
    in_region = PublishedVacancyFactory(postal_code="30161", title="Koch/Köchin Hannover")
    PublishedVacancyFactory(postal_code="38100", title="Braunschweig")
    DraftVacancyFactory(postal_code="30159", title="Entwurf Hannover")

    response = client.get(url("moderation"))

    page = text_of(response)
    assert "Koch/Köchin Hannover" in page and in_region.organisation.name in page
    assert "Region Hannover" in page
    assert "Braunschweig" not in page
    assert "Entwurf Hannover" not in page
    assert f'href="{url("vacancy_unpublish", pk=in_region.pk)}"' in response.content.decode()


def test_an_admin_sees_all_published_vacancies(client):
    client.force_login(AdminFactory())
    PublishedVacancyFactory(postal_code="30161", title="Hannover")
    PublishedVacancyFactory(postal_code="38100", title="Braunschweig")

    page = text_of(client.get(url("moderation")))

    assert "Hannover" in page and "Braunschweig" in page


def test_the_unpublish_page_shows_the_vacancy_and_asks_for_a_reason(client, coordinator):
    vacancy = PublishedVacancyFactory(postal_code="30159", title="Lagerhelfer/in", description="Nur mit Auto.")

    response = client.get(url("vacancy_unpublish", pk=vacancy.pk))

    page = text_of(response)
    assert "Lagerhelfer/in" in page and "Nur mit Auto." in page
    assert 'name="reason"' in response.content.decode()


def test_coordinator_takes_a_vacancy_offline_and_the_employer_reads_why_in_their_language(
    client, coordinator, django_capture_on_commit_callbacks
):
    employer = EmployerStaffFactory(preferred_language="fa")
    colleague = colleague_of(employer, preferred_language="de")
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, postal_code="30159")
    reason = "Die Anzeige verlangt Deutsch als Muttersprache; das ist diskriminierend."

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("vacancy_unpublish", pk=vacancy.pk), {"reason": reason}, follow=True)

    assert "ist offline. Der Arbeitgeber wurde über den Grund informiert." in text_of(response)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.DRAFT
    assert (vacancy.unpublished_reason, vacancy.unpublished_by) == (reason, coordinator)
    assert vacancy.unpublished_at is not None
    assert vacancy.title not in text_of(client.get(url("moderation")))
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient[employer.email].extra_headers["Content-Language"] == "fa"
    assert PERSIAN.search(by_recipient[employer.email].subject)
    assert by_recipient[colleague.email].extra_headers["Content-Language"] == "de"
    assert "wurde offline genommen" in by_recipient[colleague.email].subject
    assert reason not in by_recipient[employer.email].body
    notice = Notification.objects.get(recipient=employer)
    assert notice.link == f"/fa/employer/vacancies/{vacancy.pk}/"

    client.force_login(employer)
    assert reason in text_of(client.get(url("vacancy_detail", pk=vacancy.pk)))


def test_without_a_reason_nothing_happens(client, coordinator):
    vacancy = PublishedVacancyFactory(postal_code="30159")

    response = client.post(url("vacancy_unpublish", pk=vacancy.pk), {"reason": "   "})

    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in field_error(response, "reason")
    assert "Dieses Feld ist zwingend erforderlich." in error_summary(response)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.unpublished_reason == ""


def test_a_draft_cannot_be_taken_offline(client, coordinator):
    draft = DraftVacancyFactory(postal_code="30159")

    assert client.post(url("vacancy_unpublish", pk=draft.pk), {"reason": "Unpassend"}).status_code == 404
    draft.refresh_from_db()
    assert draft.unpublished_reason == ""


def test_an_admin_takes_any_vacancy_offline(client):
    admin = AdminFactory()
    client.force_login(admin)
    vacancy = PublishedVacancyFactory(postal_code="38100")

    response = client.post(url("vacancy_unpublish", pk=vacancy.pk), {"reason": "Kein echtes Angebot."})

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert (vacancy.status, vacancy.unpublished_by) == (VacancyStatus.DRAFT, admin)

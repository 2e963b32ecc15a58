"""An employer creates, changes, publishes and closes its vacancies on one form page."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from employers.models import Vacancy, VacancyKind, VacancyStatus
from employers.selectors import VacancyActions, vacancy_actions
from occupations.models import Occupation
from tests.factories import (
    DraftVacancyFactory,
    EmployerStaffFactory,
    InternshipVacancyFactory,
    OccupationFactory,
    PublishedVacancyFactory,
)

from .helpers import error_summary, field_error, is_checked, text_of, url, vacancy_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory()
    client.force_login(user)
    return user


def test_employer_saves_a_draft_with_everything_the_form_asks(client, employer):
    occupation = OccupationFactory()
    start = timezone.localdate() + datetime.timedelta(days=30)
    expires = timezone.localdate() + datetime.timedelta(days=20)

    response = client.post(
        url("vacancy_create"),
        vacancy_form_data(
            occupation,
            shift_work="on",
            start_date=start.isoformat(),
            expires_on=expires.isoformat(),
            support=["support_language", "support_housing", "support_childcare"],
        ),
    )

    vacancy = Vacancy.objects.get()
    assert response.status_code == 302
    assert response.url == url("vacancy_detail", pk=vacancy.pk)
    assert vacancy.organisation == employer.membership.organisation
    assert vacancy.created_by == employer
    assert vacancy.status == VacancyStatus.DRAFT
    assert vacancy.published_at is None
    assert (vacancy.kind, vacancy.title, vacancy.occupation) == (VacancyKind.JOB, "Maler/in (m/w/d)", occupation)
    assert vacancy.german_level_required == "A2"
    assert vacancy.useful_languages == ["ar", "uk"]
    assert (vacancy.postal_code, vacancy.hours_per_week, vacancy.shift_work) == ("30159", 38, True)
    assert (vacancy.start_date, vacancy.expires_on, vacancy.duration_weeks) == (start, expires, None)
    assert vacancy.is_paid
    assert (vacancy.support_language, vacancy.support_mentor, vacancy.support_paperwork) == (True, False, False)
    assert (vacancy.support_housing, vacancy.support_childcare) == (True, True)
    assert vacancy.latitude == pytest.approx(52.37, abs=0.1)
    assert "Entwurf" in text_of(client.get(response.url))


def test_employer_publishes_a_new_vacancy_straight_away(client, employer):
    response = client.post(url("vacancy_create"), vacancy_form_data(action="publish"))

    vacancy = Vacancy.objects.get()
    assert response.status_code == 302
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.published_at is not None
    assert Vacancy.objects.published().filter(pk=vacancy.pk).exists()


def test_an_unpaid_internship_with_a_duration_is_saved(client, employer):
    response = client.post(
        url("vacancy_create"),
        vacancy_form_data(kind="internship", duration_weeks="6", is_paid=None, action="publish"),
    )

    assert response.status_code == 302
    vacancy = Vacancy.objects.get()
    assert (vacancy.kind, vacancy.duration_weeks, vacancy.is_paid) == (VacancyKind.INTERNSHIP, 6, False)


@pytest.mark.parametrize("kind", ["internship", "hospitation", "work_trial", "eq"])
def test_a_time_limited_offer_without_duration_shows_the_error_next_to_the_field_and_saves_nothing(
    client, employer, kind
):
    response = client.post(url("vacancy_create"), vacancy_form_data(kind=kind, action="publish"))

    assert response.status_code == 200
    expected = "Praktika, Hospitationen, Arbeitserprobungen und EQ brauchen eine Dauer in Wochen."
    assert field_error(response, "duration_weeks") == expected
    assert expected in error_summary(response)
    assert 'href="#id_duration_weeks"' in response.content.decode()
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("hours_per_week", "0", "Bitte geben Sie zwischen 1 und 48 Stunden pro Woche an."),
        ("hours_per_week", "60", "Bitte geben Sie zwischen 1 und 48 Stunden pro Woche an."),
        ("postal_code", "00000", "Die Postleitzahl 00000 ist uns nicht bekannt."),
        ("postal_code", "3015", "Eine deutsche Postleitzahl hat genau fünf Ziffern"),
        ("title", "M" * 161, "höchstens 160 Zeichen"),
        (
            "expires_on",
            (datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
            "Das Datum, bis zu dem das Angebot offen ist, liegt in der Vergangenheit.",
        ),
        ("duration_weeks", "200", "Bitte geben Sie eine Dauer zwischen 1 und 156 Wochen an."),
        ("occupation", "999999", "Bitte wählen Sie einen Beruf aus der Liste."),
    ],
)
@pytest.mark.parametrize("action", ["save", "publish"])
def test_bad_input_shows_the_translated_error_and_saves_nothing(client, employer, field, value, expected, action):
    response = client.post(url("vacancy_create"), vacancy_form_data(action=action, **{field: value}))

    assert response.status_code == 200
    assert expected in field_error(response, field)
    assert expected in error_summary(response)
    assert not Vacancy.objects.exists()


def test_a_rejected_change_leaves_the_vacancy_as_it_was(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, title="Alt")

    response = client.post(
        url("vacancy_edit", pk=vacancy.pk),
        vacancy_form_data(vacancy.occupation, title="Neu", kind="work_trial", hours_per_week="60"),
    )

    assert response.status_code == 200
    vacancy.refresh_from_db()
    assert (vacancy.title, vacancy.kind, vacancy.hours_per_week) == ("Alt", VacancyKind.JOB, 38)


def test_the_edit_form_starts_from_the_vacancy(client, employer):
    vacancy = InternshipVacancyFactory(
        organisation=employer.membership.organisation, useful_languages=["fa"], support_mentor=True
    )

    response = client.get(url("vacancy_edit", pk=vacancy.pk))

    content = response.content.decode()
    assert f'value="{vacancy.title}"' in content
    assert 'name="duration_weeks" value="6"' in content
    assert is_checked(response, "kind", "internship")
    assert is_checked(response, "useful_languages", "fa")
    assert not is_checked(response, "useful_languages", "ar")
    assert is_checked(response, "support", "support_mentor")
    assert not is_checked(response, "support", "support_housing")


def test_changing_a_published_vacancy_keeps_it_published(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation)
    published_at = vacancy.published_at

    response = client.post(
        url("vacancy_edit", pk=vacancy.pk),
        vacancy_form_data(vacancy.occupation, title="Maler/in ab sofort", hours_per_week="30", postal_code="38100"),
    )

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert (vacancy.title, vacancy.hours_per_week, vacancy.postal_code) == ("Maler/in ab sofort", 30, "38100")
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.published_at == published_at
    assert vacancy.latitude == pytest.approx(52.26, abs=0.1)  # Braunschweig now


def test_a_draft_is_published_from_its_edit_form(client, employer):
    vacancy = DraftVacancyFactory(organisation=employer.membership.organisation)

    client.post(url("vacancy_edit", pk=vacancy.pk), vacancy_form_data(vacancy.occupation, action="publish"))

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


def test_the_occupation_search_narrows_the_list_and_keeps_it_when_the_form_is_sent(client, employer):
    carpenter = Occupation.objects.get(names__de="Tischler/in")
    painter = Occupation.objects.get(names__de="Maler/in und Lackierer/in")

    response = client.get(url("vacancy_create"), {"q": "نجار"})

    content = response.content.decode()
    assert f'value="{carpenter.pk}"' in content
    assert f'value="{painter.pk}"' not in content
    assert "für „نجار“" in text_of(response) or "نجار" in text_of(response)

    response = client.post(url("vacancy_create") + "?q=Tischler", vacancy_form_data(carpenter))

    assert response.status_code == 302
    assert Vacancy.objects.get().occupation == carpenter


def test_without_a_search_every_occupation_is_offered_grouped_by_field(client, employer):
    content = client.get(url("vacancy_create")).content.decode()

    assert content.count("<optgroup") >= 5
    assert content.count("<option") > Occupation.objects.count()


def test_the_form_groups_its_fields_under_legends(client, employer):
    content = client.get(url("vacancy_create")).content.decode()

    for legend in ["Was Sie anbieten", "Sprachen", "Ort und Zeit", "Bezahlung und Unterstützung"]:
        assert f'<legend class="form-section__legend">{legend}</legend>' in content
    assert re.search(r'<input type="checkbox"[^>]* name="useful_languages" value="ar"', content)
    assert re.search(r'<input type="checkbox"[^>]* name="support" value="support_childcare"', content)


def test_a_new_vacancy_starts_at_the_organisations_first_location(client, employer):
    organisation = employer.membership.organisation
    organisation.locations = ["38100", "30159"]
    organisation.save()

    content = client.get(url("vacancy_create")).content.decode()

    assert 'name="postal_code" value="38100 Braunschweig"' in content


def test_marking_a_vacancy_filled_takes_it_offline_and_it_cannot_be_changed_any_more(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation)

    response = client.post(url("vacancy_mark_filled", pk=vacancy.pk))

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.FILLED
    assert client.get(url("vacancy_edit", pk=vacancy.pk)).status_code == 302
    client.post(url("vacancy_publish", pk=vacancy.pk))
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.FILLED


def test_an_expired_vacancy_is_published_again_once_its_date_lies_ahead(client, employer):
    vacancy = PublishedVacancyFactory(
        organisation=employer.membership.organisation,
        status=VacancyStatus.EXPIRED,
        expires_on=timezone.localdate() - datetime.timedelta(days=3),
    )

    response = client.post(url("vacancy_publish", pk=vacancy.pk), follow=True)

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.EXPIRED
    assert "Das Datum, bis zu dem das Angebot offen ist, liegt in der Vergangenheit." in text_of(response)

    later = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    client.post(url("vacancy_edit", pk=vacancy.pk), vacancy_form_data(vacancy.occupation, expires_on=later))
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.EXPIRED

    client.post(url("vacancy_publish", pk=vacancy.pk))

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED
    assert vacancy.expires_on.isoformat() == later


def test_publishing_needs_post(client, employer):
    vacancy = DraftVacancyFactory(organisation=employer.membership.organisation)

    assert client.get(url("vacancy_publish", pk=vacancy.pk)).status_code == 405
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.DRAFT


def test_searching_while_changing_a_vacancy_keeps_its_occupation_in_the_list(client, employer):
    painter = Occupation.objects.get(names__de="Maler/in und Lackierer/in")
    carpenter = Occupation.objects.get(names__de="Tischler/in")
    vacancy = DraftVacancyFactory(organisation=employer.membership.organisation, occupation=painter)

    response = client.get(url("vacancy_edit", pk=vacancy.pk), {"q": "Tischler"})

    content = response.content.decode()
    assert re.search(rf'<option value="{painter.pk}" selected>', content)
    assert f'<option value="{carpenter.pk}"' in content
    assert "1 Beruf gefunden für „Tischler“" in text_of(response)


def test_a_past_closing_date_is_refused_on_the_form_with_the_words_publishing_uses(client, employer):
    vacancy = DraftVacancyFactory(organisation=employer.membership.organisation)
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    response = client.post(url("vacancy_edit", pk=vacancy.pk), vacancy_form_data(vacancy.occupation, expires_on=past))

    assert (
        field_error(response, "expires_on")
        == "Das Datum, bis zu dem das Angebot offen ist, liegt in der Vergangenheit."
    )
    vacancy.refresh_from_db()
    assert vacancy.expires_on is None


@pytest.mark.parametrize(
    ("status", "buttons"),
    [
        (VacancyStatus.DRAFT, {"vacancy_edit", "vacancy_publish", "vacancy_mark_filled"}),
        (VacancyStatus.PUBLISHED, {"vacancy_edit", "vacancy_candidates", "vacancy_mark_filled"}),
        (VacancyStatus.EXPIRED, {"vacancy_edit", "vacancy_publish", "vacancy_mark_filled"}),
        (VacancyStatus.FILLED, set()),
    ],
)
def test_the_vacancy_page_offers_the_steps_its_status_allows(client, employer, status, buttons):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, status=status)
    page = client.get(url("vacancy_detail", pk=vacancy.pk)).content.decode()
    links = {
        "vacancy_edit": url("vacancy_edit", pk=vacancy.pk),
        "vacancy_publish": url("vacancy_publish", pk=vacancy.pk),
        "vacancy_mark_filled": url("vacancy_mark_filled", pk=vacancy.pk),
        "vacancy_candidates": reverse("matching:vacancy_candidates", kwargs={"pk": vacancy.pk}),
    }

    assert {name for name, link in links.items() if f'"{link}"' in page} == buttons


def test_staff_of_another_organisation_may_do_nothing_with_a_vacancy(employer):
    vacancy = DraftVacancyFactory()

    assert vacancy_actions(vacancy=vacancy, user=employer) == VacancyActions()
    assert vacancy_actions(
        vacancy=DraftVacancyFactory(organisation=employer.membership.organisation), user=employer
    ).change

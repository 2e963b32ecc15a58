"""An offer can need a driving-licence class and a recognised qualification; candidates see both on the offer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext, override

from employers.models import Vacancy
from employers.services import vacancy_create, vacancy_update
from tests.factories import EmployerStaffFactory, OccupationFactory, PublishedVacancyFactory

from .helpers import error_summary, field_error, is_checked, text_of, url, vacancy_form_data

pytestmark = pytest.mark.django_db


def german(message: str) -> str:
    """The message as a German-speaking employer reads it (the portal's default language)."""
    with override("de"):
        return gettext(message)


def english_page(client, vacancy) -> str:
    """The candidate's offer page in English."""
    with override("en"):
        return text_of(client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk})))


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory()
    client.force_login(user)
    return user


def test_an_offer_needing_licence_classes_stores_them_in_the_official_order(client, employer):
    response = client.post(url("vacancy_create"), vacancy_form_data(driving_licences_required=["CE", "B"]))

    assert response.status_code == 302
    assert Vacancy.objects.get().driving_licences_required == ["B", "CE"]


def test_an_unknown_licence_class_is_refused_next_to_the_field_and_nothing_is_saved(client, employer):
    response = client.post(url("vacancy_create"), vacancy_form_data(driving_licences_required=["B", "X9"]))

    assert response.status_code == 200
    assert field_error(response, "driving_licences_required")
    assert field_error(response, "driving_licences_required") in error_summary(response)
    assert not Vacancy.objects.exists()


def test_the_service_refuses_unknown_licence_classes_with_a_translated_error():
    employer = EmployerStaffFactory()
    with override("en"):
        with pytest.raises(ValidationError) as raised:
            vacancy_create(
                organisation=employer.membership.organisation,
                created_by=employer,
                kind="job",
                title="Fahrer/in",
                description="Touren im Umland.",
                occupation=OccupationFactory(),
                german_level_required="A2",
                postal_code="30159",
                hours_per_week=38,
                driving_licences_required=["B", "Z"],
            )
        assert raised.value.message_dict["driving_licences_required"] == [
            "Please choose the driving-licence classes from the list."
        ]
        assert not Vacancy.objects.exists()


@pytest.mark.parametrize(("regulated", "expected"), [(True, True), (False, False)])
def test_a_new_offer_needs_recognition_exactly_when_its_occupation_is_regulated(client, employer, regulated, expected):
    occupation = OccupationFactory(regulated=regulated)

    client.post(url("vacancy_create"), vacancy_form_data(occupation, recognition_required=""))

    assert Vacancy.objects.get().recognition_required is expected


@pytest.mark.parametrize("kind", ["ausbildung", "internship", "hospitation"])
def test_training_and_trials_in_a_regulated_occupation_need_no_recognition_by_default(client, employer, kind):
    occupation = OccupationFactory(regulated=True)

    client.post(
        url("vacancy_create"), vacancy_form_data(occupation, kind=kind, duration_weeks="4", recognition_required="")
    )

    assert Vacancy.objects.get().recognition_required is False


@pytest.mark.parametrize(("answer", "expected"), [("True", True), ("False", False)])
def test_the_employer_can_decide_recognition_against_the_occupations_flag(client, employer, answer, expected):
    occupation = OccupationFactory(regulated=not expected)

    client.post(url("vacancy_create"), vacancy_form_data(occupation, recognition_required=answer))

    assert Vacancy.objects.get().recognition_required is expected


def test_the_service_defaults_recognition_from_the_occupation_unless_given():
    employer = EmployerStaffFactory()
    regulated = OccupationFactory(regulated=True)
    common = {
        "organisation": employer.membership.organisation,
        "created_by": employer,
        "kind": "job",
        "title": "Pflegefachkraft (m/w/d)",
        "description": "Stationäre Pflege.",
        "german_level_required": "B2",
        "postal_code": "30159",
        "hours_per_week": 38,
    }

    by_default = vacancy_create(occupation=regulated, **common)
    explicit = vacancy_create(occupation=regulated, recognition_required=False, **common)
    unregulated = vacancy_create(occupation=OccupationFactory(), **common)

    assert (by_default.recognition_required, explicit.recognition_required) == (True, False)
    assert unregulated.recognition_required is False


def test_leaving_recognition_open_on_a_change_keeps_what_the_offer_said(client, employer):
    vacancy = PublishedVacancyFactory(organisation=employer.membership.organisation, recognition_required=True)

    vacancy_update(vacancy=vacancy, recognition_required=None, title="Neu")

    vacancy.refresh_from_db()
    assert (vacancy.title, vacancy.recognition_required) == ("Neu", True)


def test_the_edit_form_starts_from_the_offers_licence_and_recognition(client, employer):
    vacancy = PublishedVacancyFactory(
        organisation=employer.membership.organisation, driving_licences_required=["C"], recognition_required=True
    )

    response = client.get(url("vacancy_edit", pk=vacancy.pk))

    assert is_checked(response, "driving_licences_required", "C")
    assert not is_checked(response, "driving_licences_required", "B")
    assert is_checked(response, "recognition_required", "True")


def test_the_employers_own_offer_shows_licence_and_recognition(client, employer):
    occupation = OccupationFactory(regulated=True)
    vacancy = PublishedVacancyFactory(
        organisation=employer.membership.organisation,
        occupation=occupation,
        driving_licences_required=["B", "CE"],
        recognition_required=True,
    )

    page = text_of(client.get(url("vacancy_detail", pk=vacancy.pk)))

    assert f"{german('Driving licence needed')} B, CE" in page
    assert german("Recognised qualification needed") in page
    assert german("regulated occupation") in page


def test_a_candidate_reads_which_licence_and_recognition_the_offer_needs(client):
    occupation = OccupationFactory(regulated=True)
    vacancy = PublishedVacancyFactory(occupation=occupation, driving_licences_required=["B"], recognition_required=True)

    page = english_page(client, vacancy)

    assert "Driving licence class B needed" in page
    assert f"Recognised qualification needed: {occupation.names['en']}" in page


def test_several_licence_classes_are_named_together(client):
    vacancy = PublishedVacancyFactory(driving_licences_required=["C", "CE"])

    page = english_page(client, vacancy)

    assert "Driving licence classes C, CE needed" in page


def test_an_offer_without_licence_or_recognition_does_not_mention_them(client):
    vacancy = PublishedVacancyFactory()

    page = english_page(client, vacancy)

    assert "Driving licence" not in page
    assert "Recognised qualification" not in page

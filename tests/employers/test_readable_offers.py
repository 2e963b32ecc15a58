"""Readable offers: tasks, working times, what to bring and a contact, shown in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from employers.models import Vacancy
from employers.offer_glossary import glossary_forget, glossary_html
from occupations.models import OccupationTerm
from tests.factories import EmployerStaffFactory, OccupationFactory, PublishedVacancyFactory

from .helpers import url, vacancy_form_data

pytestmark = pytest.mark.django_db


def test_employer_saves_tasks_times_what_to_bring_contact_and_a_simple_summary(client):
    client.force_login(EmployerStaffFactory())

    response = client.post(
        url("vacancy_create"),
        vacancy_form_data(
            tasks=["carry_goods", "team_work"],
            working_times=["early", "weekend"],
            what_to_bring=["safety_shoes"],
            contact_person="Frau Yilmaz",
            contact_phone="0511 123456",
            summary_simple_german="Sie tragen Waren. Sie arbeiten früh.",
        ),
    )

    assert response.status_code == 302
    vacancy = Vacancy.objects.get()
    assert vacancy.tasks == ["carry_goods", "team_work"]
    assert vacancy.working_times == ["early", "weekend"]
    assert vacancy.what_to_bring == ["safety_shoes"]
    assert (vacancy.contact_person, vacancy.contact_phone) == ("Frau Yilmaz", "0511 123456")


def test_a_task_outside_the_list_is_refused_and_nothing_is_saved(client):
    client.force_login(EmployerStaffFactory())

    response = client.post(url("vacancy_create"), vacancy_form_data(tasks=["steal_cars"]))

    assert response.status_code == 200
    assert "tasks" in response.context["form"].errors
    assert not Vacancy.objects.exists()


def test_the_task_list_offers_the_tasks_of_the_occupations_field_first(client):
    client.force_login(EmployerStaffFactory())
    occupation = OccupationFactory(field__code="62")

    form = client.post(url("vacancy_create"), vacancy_form_data(occupation, title="")).context["form"]

    offered = [code for code, _label in form.fields["tasks"].choices]
    assert offered[:3] == ["stock_shelves", "operate_till", "advise_customers"]


def test_the_detail_page_shows_the_structured_parts_in_the_readers_language(client):
    vacancy = PublishedVacancyFactory(
        tasks=["operate_till"], working_times=["night"], what_to_bring=["id"], contact_person="Herr Brandt",
        summary_simple_german="Sie arbeiten an der Kasse.",
    )  # fmt: skip
    with translation.override("en"):
        page = client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()

    assert "Operate a till" in page and "Night shift" in page and "Passport or ID card" in page
    assert "Herr Brandt" in page
    assert 'lang="de"' in page and "Sie arbeiten" in page


def test_german_catalogue_words_in_the_text_show_their_translation_on_tap():
    occupation = OccupationFactory(names={"de": "Lagerist/in", "uk": "Комірник"})
    OccupationTerm.objects.create(occupation=occupation, language="de", text="Lagerist", normalised="lagerist")

    glossary_forget()
    html = glossary_html("Wir suchen einen Lagerist. Sie arbeiten an der Kasse & <b>packen</b>.", language="uk")

    assert '<details class="term"><summary class="term__word">Lagerist</summary>' in html
    assert '<span class="term__translation" lang="uk" dir="auto">Комірник</span>' in html
    assert "an der Kasse arbeiten" not in html  # only whole terms of the text
    assert "&lt;b&gt;packen&lt;/b&gt;" in html and "&amp;" in html
    assert glossary_html("Lagerist", language="de") == "Lagerist"

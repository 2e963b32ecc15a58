"""The organisation's public profile: edited by its admins, read by anybody."""

import pytest

from employers.models import Organisation, VacancyStatus
from tests.factories import (
    DraftVacancyFactory,
    EmployerStaffFactory,
    ProviderStaffFactory,
    PublishedVacancyFactory,
)

from .helpers import colleague_of, error_summary, field_error, text_of, url

pytestmark = pytest.mark.django_db

PROFILE = {
    "name": "Malerbetrieb Yilmaz GmbH",
    "sector": "crafts",
    "size": "10-49",
    "locations": "38100, 30159\n30159",
    "about": "Familienbetrieb seit 1998.",
    "best_practice_story": "In unserer Lehrwerkstatt können Interessierte einen Tag lang streichen und tapezieren.",
    "contact_name": "Ayşe Yilmaz",
    "contact_email": "ausbildung@maler-yilmaz.example",
    "contact_phone": "0511 123456",
}


def test_organisation_admin_edits_the_public_profile(client):
    admin = EmployerStaffFactory()
    client.force_login(admin)

    response = client.post(url("organisation_edit"), PROFILE)

    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=admin.membership.organisation_id)
    assert organisation.name == "Malerbetrieb Yilmaz GmbH"
    assert (organisation.sector, organisation.size) == ("crafts", "10-49")
    assert organisation.locations == ["30159", "38100"]
    assert organisation.best_practice_story.startswith("In unserer Lehrwerkstatt")
    assert (organisation.contact_name, organisation.contact_email) == ("Ayşe Yilmaz", "ausbildung@maler-yilmaz.example")


def test_the_form_starts_from_the_profile(client):
    admin = EmployerStaffFactory()
    Organisation.objects.filter(pk=admin.membership.organisation_id).update(locations=["30159"], about="Hallo")
    client.force_login(admin)

    content = client.get(url("organisation_edit")).content.decode()

    assert ">\n30159</textarea>" in content
    assert ">\nHallo</textarea>" in content


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("locations", "30159, 00000", "Die Postleitzahl 00000 ist uns nicht bekannt."),
        ("contact_email", "keine-adresse", "gültige E-Mail-Adresse"),
        ("name", "", "Dieses Feld ist zwingend erforderlich."),
        ("about", "x" * 2001, "höchstens 2000 Zeichen"),
    ],
)
def test_bad_input_shows_the_translated_error_and_saves_nothing(client, field, value, expected):
    admin = EmployerStaffFactory()
    before = admin.membership.organisation.name
    client.force_login(admin)

    response = client.post(url("organisation_edit"), {**PROFILE, field: value})

    assert response.status_code == 200
    assert expected in field_error(response, field)
    assert expected in error_summary(response)
    organisation = Organisation.objects.get(pk=admin.membership.organisation_id)
    assert (organisation.name, organisation.locations, organisation.about) == (before, [], "")


def test_staff_who_are_not_admins_cannot_edit_the_profile(client):
    admin = EmployerStaffFactory()
    client.force_login(colleague_of(admin))

    assert client.get(url("organisation_edit")).status_code == 403
    response = client.post(url("organisation_edit"), PROFILE)

    assert response.status_code == 403
    assert Organisation.objects.get(pk=admin.membership.organisation_id).name != PROFILE["name"]


def test_a_course_providers_admin_edits_its_profile_too(client):
    provider = ProviderStaffFactory()
    client.force_login(provider)

    response = client.post(url("organisation_edit"), {**PROFILE, "name": "Sprachschule Nord"})

    assert response.status_code == 302
    assert Organisation.objects.get(pk=provider.membership.organisation_id).name == "Sprachschule Nord"


def test_anybody_reads_the_public_page_with_open_offers_only(client):
    admin = EmployerStaffFactory(email="chefin@maler-yilmaz.example")
    organisation = admin.membership.organisation
    Organisation.objects.filter(pk=organisation.pk).update(**{**PROFILE, "locations": ["30159", "38100"]})
    open_offer = PublishedVacancyFactory(organisation=organisation, title="Maler/in gesucht")
    DraftVacancyFactory(organisation=organisation, title="Geheimer Entwurf")
    PublishedVacancyFactory(organisation=organisation, title="Schon besetzt", status=VacancyStatus.FILLED)

    response = client.get(url("organisation_public", pk=organisation.pk))

    assert response.status_code == 200
    page = text_of(response)
    for expected in [
        "Malerbetrieb Yilmaz GmbH",
        "Handwerk",
        "10–49 Beschäftigte",
        "30159, 38100",
        "Familienbetrieb seit 1998.",
        "In unserer Lehrwerkstatt",
        "Ayşe Yilmaz",
        "ausbildung@maler-yilmaz.example",
        "Maler/in gesucht",
    ]:
        assert expected in page, expected
    assert "Geheimer Entwurf" not in page
    assert "Schon besetzt" not in page
    assert "chefin@maler-yilmaz.example" not in page
    assert f'href="/de/vacancies/{open_offer.pk}/"' in response.content.decode()


def test_an_unknown_organisation_page_does_not_exist(client):
    assert client.get(url("organisation_public", pk=999999)).status_code == 404

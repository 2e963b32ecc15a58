"""The course import and the partner import are one pipeline: the same check page, the same signed confirmation,
the same refusals."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Course
from employers.models import Organisation
from tests.factories import CoordinatorFactory, CourseProviderOrganisationFactory
from tests.imports.conftest import STATEWIDE_CODES

pytestmark = pytest.mark.django_db

ORGANISATIONS = (settings.BASE_DIR / "docs" / "examples" / "organisationen-beispiel.csv").read_bytes()
COURSES = (
    "Titel;Kursart;Niveau von;Niveau bis;Online;PLZ;Beginn;Ende;Zeitmodell;Plätze;Kosten\r\n"
    "Integrationskurs Lüchow;Integrationskurs;A1;B1;präsenz;29439;01.09.2030;28.02.2031;Teilzeit;16;gefördert\r\n"
).encode()


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("liste.csv", data, content_type="text/csv")


@pytest.fixture
def coordinator(client):
    """A coordinator may use both pages: the partner import and the course import for a provider of the region."""
    user = CoordinatorFactory(region__codes=STATEWIDE_CODES)
    client.force_login(user)
    return user


@pytest.fixture
def provider():
    return CourseProviderOrganisationFactory(name="VHS Lüchow-Dannenberg", locations=["29439"])


def checked(client, provider):
    """The check of a valid file on each page: (page URL, response)."""
    courses_url, partner_url = reverse("course_import"), reverse("imports:start")
    return [
        (courses_url, client.post(courses_url, {"provider": provider.pk, "file": upload(COURSES)})),
        (partner_url, client.post(partner_url, {"kind": "organisations", "file": upload(ORGANISATIONS)})),
    ]


def nothing_imported() -> bool:
    return not Course.objects.exists() and not Organisation.objects.filter(name="Tischlerei Meyer GmbH").exists()


def test_courses_and_organisations_are_checked_on_the_same_page_with_a_signed_import_button(
    client, coordinator, provider
):
    for url, response in checked(client, provider):
        content = response.content.decode()
        assert "imports/flow.html" in [template.name for template in response.templates], url
        assert response.context["result"].ok, url
        assert "Ergebnis der Prüfung" in content  # "Result of the check"
        assert f'<form method="post" action="{url}">' in content  # the import button posts back to its page
        assert f'name="token" value="{response.context["token"]}"' in content
    assert nothing_imported()


def test_a_tampered_signed_upload_is_refused_alike_on_both_pages(client, coordinator, provider):
    refusals = []
    for url, response in checked(client, provider):
        token = response.context["token"]
        tampered = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]

        refused = client.post(url, {"token": tampered}, follow=True)

        assert refused.redirect_chain == [(url, 302)]
        refusals.append([str(message) for message in refused.context["messages"]])
    assert refusals[0] == refusals[1] == ["Die Prüfung Ihrer Datei ist abgelaufen. Bitte laden Sie sie erneut hoch."]
    assert nothing_imported()


def test_a_signed_upload_of_one_page_is_refused_on_the_other(client, coordinator, provider):
    (courses_url, courses), (partner_url, organisations) = checked(client, provider)

    assert client.post(courses_url, {"token": organisations.context["token"]}).status_code == 403
    assert client.post(partner_url, {"token": courses.context["token"]}).status_code == 403
    assert nothing_imported()


def test_the_chosen_provider_is_judged_again_when_importing(client, coordinator, provider):
    """A coordinator who no longer covers the provider's region between the check and "Import" imports nothing."""
    (courses_url, response), _ = checked(client, provider)
    provider.locations = ["01067"]  # outside the coordinator's region
    provider.save()

    assert client.post(courses_url, {"token": response.context["token"]}).status_code == 403
    assert not Course.objects.exists()


def test_both_pages_import_through_the_signed_confirmation(client, coordinator, provider):
    for url, response in checked(client, provider):
        assert client.post(url, {"token": response.context["token"]}).status_code == 302

    assert list(Course.objects.values_list("title", "provider")) == [("Integrationskurs Lüchow", provider.pk)]
    assert Organisation.objects.filter(name="Tischlerei Meyer GmbH").exists()

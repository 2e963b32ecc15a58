"""What candidates, coordinators and admins see of imported offers and of the import."""

import pytest
from django.urls import reverse as django_reverse
from django.utils import translation

from employers.models import Vacancy
from jobboerse.models import Listing, ListingStatus, OccupationMapping
from jobboerse.services import jobboerse_sync
from occupations.models import Occupation
from tests.factories import (
    AdminFactory,
    CandidateFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    EmployerStaffFactory,
)

from .ads import job_details
from .conftest import HANNOVER, TODAY

pytestmark = pytest.mark.django_db


def reverse(name, **kwargs):
    """English pages: the new strings are translated by the lead's translation pass."""
    with translation.override("en"):
        return django_reverse(name, **kwargs)


@pytest.fixture
def imported(jobboerse, api_client):
    jobboerse.put(
        job_details("10000-1190000001-S", title="Lagerhelfer (m/w/d)"),
        job_details("10000-1190000002-S", beruf="Sozialassistent/in", title="Sozialassistent (m/w/d) Kita"),
    )
    jobboerse_sync(source=api_client, areas=HANNOVER, today=TODAY)
    return Vacancy.objects.get(external_reference="10000-1190000001-S")


def test_an_imported_offer_says_where_it_comes_from_and_leads_there_to_apply(client, imported):
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)

    page = client.get(reverse("vacancies:detail", kwargs={"pk": imported.pk})).content.decode()

    # The compact card says "Jobbörse" and names the source in full for screen readers and on hover.
    assert "From the Jobbörse of the Bundesagentur für Arbeit" in page
    assert 'href="https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1190000001-S"' in page
    assert reverse("applications:apply", kwargs={"pk": imported.pk}) not in page


def test_imported_offers_are_found_in_the_search_marked_as_such(client, imported):
    page = client.get(reverse("vacancies:search"), {"q": "Lagerhelfer"}).content.decode()

    assert "Lagerhelfer (m/w/d)" in page
    # The compact card says "Jobbörse" and names the source in full for screen readers and on hover.
    assert "From the Jobbörse of the Bundesagentur für Arbeit" in page


def test_the_apply_page_of_an_imported_offer_leads_back_to_the_link(client, imported):
    client.force_login(CompleteCandidateProfileFactory().user)

    response = client.post(reverse("applications:apply", kwargs={"pk": imported.pk}), {"kind": "application"})

    assert response.status_code == 302
    assert response.url == reverse("vacancies:detail", kwargs={"pk": imported.pk})
    assert not imported.applications.exists()


def test_the_stand_in_employer_page_says_it_does_not_use_bruecke(client, imported):
    page = client.get(reverse("employers:organisation_public", kwargs={"pk": imported.organisation_id})).content
    assert b"This employer does not use Br" in page


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("jobboerse:overview", {"admin"}), ("jobboerse:occupations", {"admin", "coordinator"})],
)
def test_import_pages_are_for_their_roles_only(client, imported, name, allowed):
    assert client.get(reverse(name)).status_code == 302  # anonymous: log in first
    users = {
        "admin": AdminFactory(),
        "coordinator": CoordinatorFactory(),
        "candidate": CandidateFactory(),
        "employer": EmployerStaffFactory(),
    }
    for role, user in users.items():
        client.force_login(user)
        assert client.get(reverse(name)).status_code == (200 if role in allowed else 403), role


def test_the_admin_sees_each_run_with_its_figures(client, imported):
    client.force_login(AdminFactory())

    page = client.get(reverse("jobboerse:overview")).content.decode()

    assert "Completed" in page
    assert "1 occupation to map" in page


def test_a_coordinator_maps_an_occupation_and_the_waiting_ad_is_published(
    client, imported, django_capture_on_commit_callbacks
):
    mapping = OccupationMapping.objects.get(text="Sozialassistent/in")
    client.force_login(CoordinatorFactory())
    page = client.get(reverse("jobboerse:occupation_map", kwargs={"pk": mapping.pk})).content.decode()
    assert "Sozialassistent (m/w/d) Kita" in page
    educator = Occupation.objects.get(kldb_code="83112")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("jobboerse:occupation_map", kwargs={"pk": mapping.pk}), {"occupation": educator.pk}
        )

    assert response.status_code == 302
    listing = Listing.objects.get(refnr="10000-1190000002-S")
    assert listing.status == ListingStatus.IMPORTED
    assert listing.vacancy.occupation == educator and listing.vacancy.status == "published"
    # Mapped once: the page no longer offers it.
    assert client.get(reverse("jobboerse:occupation_map", kwargs={"pk": mapping.pk})).status_code == 404


def test_a_mapping_without_an_occupation_is_refused_with_an_error(client, imported):
    mapping = OccupationMapping.objects.get()
    client.force_login(CoordinatorFactory())

    response = client.post(reverse("jobboerse:occupation_map", kwargs={"pk": mapping.pk}), {"occupation": ""})

    assert response.status_code == 200
    assert "Please choose an occupation from the list." in response.content.decode()
    assert OccupationMapping.objects.get().occupation is None

"""A candidate's date of birth serves only apprenticeship fit: no page an employer opens ever shows it."""

import datetime

import pytest
from django.urls import reverse

from matching.services import match_recompute_all
from portal.selectors import candidate_profile_for_employer
from tests.factories import (
    ApplicationFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
    VisibleCandidateProfileFactory,
)

pytestmark = pytest.mark.django_db

BIRTH_DATE = datetime.date(1987, 11, 23)
# Every way a template or export could write the date (German, ISO, English, long).
WRITTEN_FORMS = ["23.11.1987", "1987-11-23", "11/23/1987", "23. November 1987", "Nov. 23, 1987"]


@pytest.fixture
def employer_with_candidate(client):
    """A visible candidate born 1987 who applied to the employer's offer, which shares who they are."""
    employer = EmployerStaffFactory()
    organisation = employer.membership.organisation
    profile = VisibleCandidateProfileFactory(birth_date=BIRTH_DATE)
    vacancy = PublishedVacancyFactory(organisation=organisation, occupation=profile.occupations.get().occupation)
    application = ApplicationFactory(profile=profile, vacancy=vacancy)
    match_recompute_all()
    client.force_login(employer)
    return employer, profile, vacancy, application


def assert_no_birth_date(content: str):
    for written in WRITTEN_FORMS:
        assert written not in content


def test_the_employers_view_of_a_candidate_has_no_birth_date(employer_with_candidate):
    employer, profile, _vacancy, _application = employer_with_candidate

    view = candidate_profile_for_employer(organisation=employer.membership.organisation, public_id=profile.public_id)

    assert view is not None and view["contact"] is not None
    assert "birth_date" not in view
    assert_no_birth_date(repr(view))


def test_no_page_an_employer_opens_shows_the_birth_date(client, employer_with_candidate):
    _employer, profile, vacancy, application = employer_with_candidate
    pages = {
        "candidate search": reverse("employers:candidate_search"),
        "anonymous card": reverse("employers:candidate_detail", args=[profile.public_id]),
        "application": reverse("employers:application_detail", args=[application.pk]),
        "offer": reverse("employers:vacancy_detail", args=[vacancy.pk]),
        "matching candidates": reverse("matching:vacancy_candidates", kwargs={"pk": vacancy.pk}),
        "dashboard": reverse("employers:dashboard"),
    }

    for name, address in pages.items():
        response = client.get(address)
        assert response.status_code == 200, name
        assert_no_birth_date(response.content.decode())
    # The candidate really is on the pages that list candidates, so the check above means something.
    assert str(profile.public_id) in client.get(pages["candidate search"]).content.decode()
    assert str(profile.public_id) in client.get(pages["matching candidates"]).content.decode()

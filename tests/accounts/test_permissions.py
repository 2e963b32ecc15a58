"""Every dashboard serves exactly one role: everyone else is refused, anonymous visitors must log in."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import FACTORY_BY_ROLE

pytestmark = pytest.mark.django_db

PAGE_FOR_ROLE = {
    Role.CANDIDATE: "portal:candidate_dashboard",
    Role.EMPLOYER: "employers:dashboard",
    Role.PROVIDER: "courses:provider_dashboard",
    Role.MENTOR: "mentoring:mentor_dashboard",
    Role.COORDINATOR: "mentoring:coordinator_dashboard",
    Role.ADMIN: "accounts:admin_dashboard",
}

ALL_PAIRS = [(role, page_role) for role in Role.values for page_role in PAGE_FOR_ROLE]


def test_every_role_has_a_dashboard():
    assert set(PAGE_FOR_ROLE) == set(Role.values)


@pytest.mark.parametrize(("role", "page_role"), ALL_PAIRS)
def test_each_role_sees_only_its_own_dashboard(client, role, page_role):
    client.force_login(FACTORY_BY_ROLE[role]())

    response = client.get(reverse(PAGE_FOR_ROLE[page_role]))

    if role == page_role:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()


@pytest.mark.parametrize("page_role", list(PAGE_FOR_ROLE))
def test_anonymous_visitor_is_sent_to_login(client, page_role):
    url = reverse(PAGE_FOR_ROLE[page_role])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={url}" in response.url


@pytest.mark.parametrize("role", Role.values)
def test_dashboard_sends_each_role_to_its_own_page(client, role):
    client.force_login(FACTORY_BY_ROLE[role]())

    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response.url == reverse(PAGE_FOR_ROLE[role])


def test_employer_dashboard_names_the_own_organisation(client):
    employer = FACTORY_BY_ROLE[Role.EMPLOYER]()
    client.force_login(employer)

    response = client.get(reverse("employers:dashboard"))

    assert employer.membership.organisation.name in response.content.decode()


def test_coordinator_dashboard_lists_the_postal_codes_of_the_region(client):
    coordinator = FACTORY_BY_ROLE[Role.COORDINATOR](region__codes=["27472", "27474"])
    client.force_login(coordinator)

    response = client.get(reverse("mentoring:coordinator_dashboard"))

    assert "27472, 27474" in response.content.decode()


def test_non_staff_cannot_open_the_technical_administration(client):
    client.force_login(FACTORY_BY_ROLE[Role.COORDINATOR]())

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url

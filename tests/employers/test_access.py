"""Who may open which employer page: anonymous visitors log in, other roles are refused, and another
organisation's vacancies, applications and colleagues do not exist for an employer."""

import pytest
from django.urls import reverse

from accounts.models import Role
from applications.models import Application, ApplicationStatus
from employers.models import Membership, Vacancy, VacancyStatus
from tests.factories import (
    FACTORY_BY_ROLE,
    ApplicationFactory,
    CoordinatorFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    MembershipFactory,
    PublishedVacancyFactory,
)

from .helpers import url

pytestmark = pytest.mark.django_db

ORGANISATION_ROLES = {Role.EMPLOYER, Role.PROVIDER}
MODERATOR_ROLES = {Role.COORDINATOR, Role.ADMIN}


def _vacancy(employer=None):
    organisation = employer.membership.organisation if employer else None
    return PublishedVacancyFactory(**({"organisation": organisation} if organisation else {}))


# (URL name, method, roles allowed, how to build the URL's kwargs from the acting employer or None)
PAGES = [
    ("dashboard", "get", {Role.EMPLOYER}, None),
    ("vacancy_create", "get", {Role.EMPLOYER}, None),
    ("vacancy_detail", "get", {Role.EMPLOYER}, "vacancy"),
    ("vacancy_edit", "get", {Role.EMPLOYER}, "vacancy"),
    ("vacancy_publish", "post", {Role.EMPLOYER}, "vacancy"),
    ("vacancy_mark_filled", "post", {Role.EMPLOYER}, "vacancy"),
    ("application_detail", "get", {Role.EMPLOYER}, "application"),
    ("organisation_edit", "get", ORGANISATION_ROLES, None),
    ("staff", "get", ORGANISATION_ROLES, None),
    ("staff_remove", "post", ORGANISATION_ROLES, "membership"),
    ("staff_admin", "post", ORGANISATION_ROLES, "membership"),
    ("moderation", "get", MODERATOR_ROLES, None),
    ("vacancy_unpublish", "get", MODERATOR_ROLES, "vacancy"),
]


def _kwargs(kind):
    if kind is None:
        return {}
    if kind == "vacancy":
        return {"pk": _vacancy().pk}
    if kind == "application":
        return {"pk": ApplicationFactory().pk}
    return {"pk": MembershipFactory().pk}


@pytest.mark.parametrize(("name", "method", "roles", "kind"), PAGES, ids=[page[0] for page in PAGES])
def test_anonymous_visitor_is_sent_to_log_in(client, name, method, roles, kind):
    target = url(name, **_kwargs(kind))

    response = getattr(client, method)(target)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


ROLE_CASES = [(page[0], page[1], page[3], role) for page in PAGES for role in Role.values if role not in page[2]]


@pytest.mark.parametrize(("name", "method", "kind", "role"), ROLE_CASES)
def test_other_roles_are_refused(client, name, method, kind, role):
    client.force_login(FACTORY_BY_ROLE[role]())

    response = getattr(client, method)(url(name, **_kwargs(kind)))

    assert response.status_code == 403


def test_employer_gets_404_for_another_organisations_vacancy_on_every_vacancy_page(client):
    client.force_login(EmployerStaffFactory())
    foreign = PublishedVacancyFactory()

    for name, method in [
        ("vacancy_detail", "get"),
        ("vacancy_edit", "get"),
        ("vacancy_edit", "post"),
        ("vacancy_publish", "post"),
        ("vacancy_mark_filled", "post"),
    ]:
        response = getattr(client, method)(url(name, pk=foreign.pk))
        assert response.status_code == 404, name

    foreign.refresh_from_db()
    assert foreign.status == VacancyStatus.PUBLISHED


def test_employer_cannot_publish_another_organisations_draft(client):
    client.force_login(EmployerStaffFactory())
    foreign = DraftVacancyFactory()

    response = client.post(url("vacancy_publish", pk=foreign.pk))

    assert response.status_code == 404
    assert Vacancy.objects.get(pk=foreign.pk).status == VacancyStatus.DRAFT


def test_employer_gets_404_for_another_organisations_application_and_it_stays_unseen(client):
    client.force_login(EmployerStaffFactory())
    foreign = ApplicationFactory()

    assert client.get(url("application_detail", pk=foreign.pk)).status_code == 404
    response = client.post(url("application_detail", pk=foreign.pk), {"to_status": "invited"})

    assert response.status_code == 404
    assert Application.objects.get(pk=foreign.pk).status == ApplicationStatus.SUBMITTED
    assert foreign.events.count() == 1


def test_organisation_admin_gets_404_for_colleagues_of_another_organisation(client):
    client.force_login(EmployerStaffFactory())
    foreign = MembershipFactory(is_admin=False)

    assert client.post(url("staff_remove", pk=foreign.pk)).status_code == 404
    assert client.post(url("staff_admin", pk=foreign.pk), {"is_admin": "1"}).status_code == 404

    foreign.refresh_from_db()
    assert not foreign.is_admin
    assert foreign.user.is_active


def test_coordinator_gets_404_for_a_vacancy_outside_the_region(client):
    client.force_login(CoordinatorFactory(region__codes=["27472"]))
    elsewhere = PublishedVacancyFactory(postal_code="30159")

    assert client.get(url("vacancy_unpublish", pk=elsewhere.pk)).status_code == 404
    response = client.post(url("vacancy_unpublish", pk=elsewhere.pk), {"reason": "Unpassend"})

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == VacancyStatus.PUBLISHED


def test_staff_of_an_organisation_who_are_not_its_admin_cannot_remove_colleagues(client):
    admin = EmployerStaffFactory()
    plain = MembershipFactory(organisation=admin.membership.organisation, user__role=Role.EMPLOYER).user
    client.force_login(plain)

    response = client.post(url("staff_remove", pk=admin.membership.pk))

    assert response.status_code == 403
    assert Membership.objects.filter(pk=admin.membership.pk).exists()

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from employers.models import Membership
from tests.factories import TEST_PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[\u0400-\u04ff]")
STRONG_PASSWORD = "Sonnenblume-2026-Hannover"


def signup_url(language="de"):
    with translation.override(language):
        return reverse("account_signup")


def login_url(language="de"):
    with translation.override(language):
        return reverse("account_login")


def post_signup(client, language="de", **fields):
    data = {"email": "amina@example.org", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD,
            "role": Role.CANDIDATE, "organisation_name": ""}
    data.update(fields)
    return client.post(signup_url(language), data)


def test_candidate_signup_stores_role_and_language_and_sends_verification_in_that_language(client):
    response = post_signup(client, language="uk")

    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert user.role == Role.CANDIDATE
    assert user.preferred_language == "uk"
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert CYRILLIC.search(mail.outbox[0].subject), mail.outbox[0].subject
    assert "/uk/accounts/confirm-email/" in mail.outbox[0].body


def test_employer_signup_creates_the_organisation_with_them_as_its_admin(client):
    post_signup(client, role=Role.EMPLOYER, organisation_name="Malerbetrieb Sonne GmbH", email="chef@example.org")

    membership = Membership.objects.get(user__email="chef@example.org")
    assert membership.user.role == Role.EMPLOYER
    assert membership.organisation.name == "Malerbetrieb Sonne GmbH"
    assert membership.is_admin
    assert membership.organisation.is_employer and not membership.organisation.is_course_provider


def test_course_provider_signup_creates_a_course_provider(client):
    post_signup(client, role=Role.PROVIDER, organisation_name="VHS Celle", email="kurse@example.org")

    organisation = Membership.objects.get(user__email="kurse@example.org").organisation
    assert organisation.is_course_provider


def test_employer_signup_without_organisation_is_refused_with_a_field_error_and_saves_nothing(client):
    response = post_signup(client, role=Role.EMPLOYER, organisation_name="  ")

    assert response.status_code == 200
    assert "Bitte geben Sie den Namen der Organisation an" in response.content.decode()
    assert 'href="#id_organisation_name"' in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_nobody_can_make_themselves_coordinator_or_admin_at_signup(client, role):
    response = post_signup(client, role=role)

    assert response.status_code == 200
    assert not User.objects.exists()


def test_unverified_person_cannot_log_in(client):
    post_signup(client)
    mail.outbox.clear()

    response = client.post(login_url(), {"login": "amina@example.org", "password": STRONG_PASSWORD})

    assert response.status_code == 302
    assert "confirm-email" in response.url
    assert "_auth_user_id" not in client.session


def test_login_lands_on_the_dashboard_in_the_language_stored_on_the_account(client):
    CandidateFactory(email="sara@example.org", preferred_language="ar")

    response = client.post(login_url("de"), {"login": "sara@example.org", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response.url == "/ar/dashboard/"
    assert response.cookies["django_language"].value == "ar"


def test_login_is_case_insensitive_for_the_email_address(client):
    CandidateFactory(email="omid@example.org")

    response = client.post(login_url(), {"login": "Omid@Example.org", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_password_reset_mail_is_written_in_the_account_language_not_the_page_language(client):
    CandidateFactory(email="ivan@example.org", preferred_language="ru")
    with translation.override("de"):
        url = reverse("account_reset_password")

    client.post(url, {"email": "ivan@example.org"})

    assert len(mail.outbox) == 1
    assert CYRILLIC.search(mail.outbox[0].subject), mail.outbox[0].subject


def test_verification_link_confirms_the_address_and_the_person_can_log_in(client):
    post_signup(client)
    path = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(path)
    login = client.post(login_url(), {"login": "amina@example.org", "password": STRONG_PASSWORD})

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="amina@example.org").verified
    assert login.status_code == 302
    assert login.url == "/de/dashboard/"

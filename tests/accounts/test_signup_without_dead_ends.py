"""Sign-up without dead ends: signed in right after confirming, and a way to get the e-mail again."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from accounts.views import RESEND_PER_ADDRESS
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Sonnenblume-2026-Hannover"


def url(name: str, language: str = "de") -> str:
    with translation.override(language):
        return reverse(name)


def sign_up(client, email="amina@example.org"):
    return client.post(
        url("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "role": Role.CANDIDATE, "organisation_name": ""},
    )


def confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(1)


def test_confirming_the_address_signs_the_person_in_straight_away(client):
    sign_up(client)

    response = client.post(confirmation_path(mail.outbox[0]))

    assert response.status_code == 302
    dashboard = client.get(response.url, follow=True)
    assert dashboard.context["user"].is_authenticated
    assert dashboard.context["user"].email == "amina@example.org"


def test_the_check_your_email_page_offers_to_send_it_again(client):
    response = sign_up(client)
    page = client.get(response.url).content.decode()

    assert url("accounts:verification_resend") in page


def test_the_confirmation_email_can_be_sent_again(client):
    sign_up(client)
    client.cookies.clear()

    response = client.post(url("accounts:verification_resend"), {"email": "AMINA@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["amina@example.org"]
    assert client.post(confirmation_path(mail.outbox[1])).status_code == 302


def test_asking_again_for_an_unknown_or_confirmed_address_says_the_same_and_sends_nothing(client):
    CandidateFactory(email="done@example.org")  # the factory's accounts are confirmed

    unknown = client.post(url("accounts:verification_resend"), {"email": "nobody@example.org"}, follow=True)
    confirmed = client.post(url("accounts:verification_resend"), {"email": "done@example.org"}, follow=True)

    assert mail.outbox == []
    assert [str(m) for m in unknown.context["messages"]] == [str(m) for m in confirmed.context["messages"]]


def test_sending_again_is_rate_limited_per_address_with_a_clear_error(client):
    sign_up(client)
    for _ in range(RESEND_PER_ADDRESS):
        client.post(url("accounts:verification_resend"), {"email": "amina@example.org"})

    response = client.post(url("accounts:verification_resend"), {"email": "amina@example.org"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert len(mail.outbox) == 1 + RESEND_PER_ADDRESS


def test_an_expired_link_leads_to_sending_a_new_one(client):
    page = client.get(url("account_login").replace("login/", "confirm-email/not-a-key/")).content.decode()

    assert url("accounts:verification_resend") in page

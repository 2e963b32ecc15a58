"""Impressum, privacy policy, accessibility statement and contact: edited by admins, linked in every footer."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.models import SitePage, SitePageKind
from portal.views import CONTACT_PER_ADDRESS
from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "de", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("kind", ["impressum", "privacy", "accessibility"])
def test_every_legal_page_is_linked_in_the_footer_and_has_a_default_text(client, kind):
    home = client.get(url("home")).content.decode()
    page = client.get(url("pages:page", kind=kind))

    assert f'href="{url("pages:page", kind=kind)}"' in home
    assert f'href="{url("pages:contact")}"' in home
    assert page.status_code == 200
    assert "[Vom Betreiber zu ergänzen]" in page.content.decode()


def test_a_page_shows_in_the_readers_language_else_in_english(client):
    SitePage.objects.create(kind=SitePageKind.PRIVACY, language="uk", title="Конфіденційність", body="Текст")

    ukrainian = client.get(url("pages:page", "uk", kind="privacy")).content.decode()
    arabic = client.get(url("pages:page", "ar", kind="privacy")).content.decode()

    assert "Конфіденційність" in ukrainian
    assert "Privacy policy" in arabic and 'lang="en"' in arabic


def test_the_admin_edits_a_page_and_the_text_shows_as_paragraphs_without_html(admin_client):
    page = SitePage.objects.get(kind=SitePageKind.IMPRINT, language="de")
    change = reverse("admin:portal_sitepage_change", args=[page.pk])

    body = "Land <b>Niedersachsen</b>\n\nZeile"
    admin_client.post(change, {"kind": "impressum", "language": "de", "title": "Impressum", "body": body})
    html = admin_client.get(url("pages:page", kind="impressum")).content.decode()

    assert "<p>Land &lt;b&gt;Niedersachsen&lt;/b&gt;</p>" in html
    assert "<p>Zeile</p>" in html


def test_the_impressum_credits_geonames(client):
    html = client.get(url("pages:page", kind="impressum")).content.decode()

    assert "https://www.geonames.org/" in html and "CC BY 4.0" in html


def test_an_unknown_page_is_not_found(client):
    assert client.get(url("pages:page", kind="secrets")).status_code == 404


def test_the_contact_form_reaches_the_admins_with_the_sender_to_reply_to(client):
    AdminFactory(email="admin@land.example")

    response = client.post(
        url("pages:contact", "ar"), {"name": "Amina", "email": "amina@example.org", "message": "مرحبا، سؤال"}
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["admin@land.example"]
    assert mail.outbox[0].reply_to == ["amina@example.org"]
    assert "مرحبا، سؤال" in mail.outbox[0].body


def test_the_contact_form_goes_to_the_configured_address_when_set(client, settings):
    settings.CONTACT_EMAILS = ["kontakt@land.example"]

    client.post(url("pages:contact"), {"email": "amina@example.org", "message": "Frage"})

    assert mail.outbox[0].to == ["kontakt@land.example"]


def test_a_contact_message_needs_an_address_and_text_and_sends_nothing_otherwise(client):
    AdminFactory(email="admin@land.example")

    response = client.post(url("pages:contact"), {"email": "not-an-address", "message": ""})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "message"}
    assert mail.outbox == []


def test_the_contact_form_is_rate_limited_per_address(client, caplog):
    AdminFactory(email="admin@land.example")
    for _ in range(CONTACT_PER_ADDRESS):
        client.post(url("pages:contact"), {"email": "amina@example.org", "message": "Frage"})

    response = client.post(url("pages:contact"), {"email": "amina@example.org", "message": "Frage"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert len(mail.outbox) == CONTACT_PER_ADDRESS
    assert "amina@example.org" not in caplog.text

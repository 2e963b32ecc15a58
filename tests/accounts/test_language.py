import pytest
from django.urls import reverse

from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def test_switching_language_keeps_the_page_and_stores_the_choice_on_the_account(client):
    candidate = CandidateFactory(preferred_language="de")
    client.force_login(candidate)

    response = client.post(reverse("set_language"), {"language": "fa", "next": "/de/candidate/"})

    assert response.status_code == 302
    assert response.url == "/fa/candidate/"
    candidate.refresh_from_db()
    assert candidate.preferred_language == "fa"


def test_farsi_and_arabic_pages_are_right_to_left_and_the_others_left_to_right(client):
    for language, direction in [("fa", "rtl"), ("ar", "rtl"), ("uk", "ltr"), ("tr", "ltr"), ("de", "ltr")]:
        html = client.get(f"/{language}/").content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        stylesheet = "bootstrap.rtl.min.css" if direction == "rtl" else "bootstrap.min.css"
        assert f"/static/vendor/bootstrap/{stylesheet}" in html


def test_anonymous_visitor_can_switch_language_without_an_account(client):
    response = client.post(reverse("set_language"), {"language": "tr", "next": "/de/accounts/login/"})

    assert response.status_code == 302
    assert response.url == "/tr/accounts/login/"


def test_unknown_language_changes_nothing(client):
    candidate = CandidateFactory(preferred_language="uk")
    client.force_login(candidate)

    client.post(reverse("set_language"), {"language": "xx", "next": "/uk/candidate/"})

    candidate.refresh_from_db()
    assert candidate.preferred_language == "uk"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "Anmelden"), ("en", "Log in"), ("uk", "Увійти"), ("ar", "تسجيل الدخول"), ("ru", "Войти"),
     ("tr", "Giriş yap"), ("fa", "ورود")],
)
def test_every_language_has_its_own_start_page(client, language, expected):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert expected in response.content.decode()


def test_language_switcher_names_each_language_in_that_language(client):
    html = client.get("/de/").content.decode()

    for code, name in [("uk", "Українська"), ("ar", "العربيّة"), ("tr", "Türkçe"), ("ru", "Русский")]:
        assert f'href="/{code}/" hreflang="{code}" lang="{code}"' in html
        assert name in html


def test_signed_in_switcher_posts_the_choice_so_it_is_stored_on_the_account(client):
    client.force_login(CandidateFactory(preferred_language="de"))

    html = client.get("/de/candidate/").content.decode()

    assert 'action="/i18n/setlang/" method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    for code, name in [("uk", "Українська"), ("ar", "العربيّة"), ("fa", "فارسی")]:
        assert f'value="{code}" lang="{code}"' in html
        assert name in html

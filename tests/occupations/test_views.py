import pytest
from django.urls import reverse
from django.utils import translation

from occupations.models import Occupation, OccupationField
from tests.factories import AdminFactory, CandidateFactory

pytestmark = pytest.mark.django_db


def search_url(language: str, query: str | None = None) -> str:
    with translation.override(language):
        url = reverse("occupations:search")
    return f"{url}?q={query}" if query is not None else url


def test_the_page_is_public_and_lives_under_the_language_prefix(client):
    assert search_url("uk") == "/uk/occupations/"

    response = client.get(search_url("de"))

    assert response.status_code == 200


def test_a_ukrainian_reader_finds_the_carpenter_by_the_arabic_word(client):
    response = client.get(search_url("uk", "نجّار"))

    content = response.content.decode()
    assert "Столяр" in content
    assert '<dd lang="de">Tischler/in</dd>' in content
    assert "Виробництво та обробка пластмас і деревини" in content
    assert "<dd>22342</dd>" in content and "<dd>7522</dd>" in content
    assert '<bdi lang="ar">نجار</bdi>' in content


def test_an_arabic_reader_sees_arabic_names_for_a_russian_query(client):
    response = client.get(search_url("ar", "столяр"))

    content = response.content.decode()
    assert 'dir="rtl"' in content
    assert "نجار" in content
    assert Occupation.objects.get(kldb_code="22342").field.name("ar") in content
    assert '<bdi lang="ru">Столяр</bdi>' in content


def test_without_a_query_the_whole_catalogue_is_listed_by_field_in_the_readers_language(client):
    response = client.get(search_url("ar"))

    content = response.content.decode()
    fields = OccupationField.objects.filter(occupations__isnull=False).distinct()
    assert content.count('class="occupation-group"') == fields.count()
    for field in fields:
        assert field.name("ar") in content
    assert content.count("ISCO ") >= Occupation.objects.count()
    assert '<span lang="de">Tischler/in</span>' in content


def test_a_search_without_results_says_so_and_offers_the_whole_list(client):
    response = client.get(search_url("de", "Zzzqqq"))

    content = response.content.decode()
    assert "Zzzqqq" in content
    assert 'class="occupation-result"' not in content
    assert f'href="{search_url("de")}"' in content


def test_a_too_long_query_shows_an_error_and_no_results(client):
    response = client.get(search_url("de", "Tischler" * 13))

    content = response.content.decode()
    assert "error-summary" in content
    assert 'class="occupation-result"' not in content
    assert 'class="occupation-group"' not in content


def test_the_admin_finds_occupations_by_any_spelling_of_a_term(client):
    client.force_login(AdminFactory())

    response = client.get(reverse("admin:occupations_occupation_changelist"), {"q": "نجّار"})

    assert response.status_code == 200
    assert "22342" in response.content.decode()
    assert "24422" not in response.content.decode()


def test_the_admin_only_shows_the_catalogue_which_comes_from_the_data_files(client):
    client.force_login(AdminFactory())
    tischler = Occupation.objects.get(kldb_code="22342")

    assert client.get(reverse("admin:occupations_occupation_add")).status_code == 403
    detail = client.get(reverse("admin:occupations_occupation_change", args=[tischler.pk]))
    assert detail.status_code == 200
    assert "Marangoz" in detail.content.decode()
    assert client.post(reverse("admin:occupations_occupation_delete", args=[tischler.pk])).status_code == 403


def test_people_without_staff_rights_cannot_open_the_catalogue_admin(client):
    client.force_login(CandidateFactory())

    response = client.get(reverse("admin:occupations_occupation_changelist"))

    assert response.status_code == 302

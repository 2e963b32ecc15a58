"""The public vacancy search: every filter, distances from real postal codes, sorting, paging, languages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from common.vocabulary import GermanLevel
from employers.models import VacancyKind, VacancyStatus
from occupations.models import OccupationTerm
from occupations.normalise import normalise
from tests.factories import (
    CandidateProfileFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    InternshipVacancyFactory,
    OccupationFactory,
    OccupationFieldFactory,
    PublishedVacancyFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("vacancies:search")


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    """The titles of the results, in the order shown."""
    return [vacancy.title for vacancy in response.context["vacancies"]]


def test_anyone_can_browse_published_vacancies(client):
    vacancy = PublishedVacancyFactory(title="Malerin gesucht")

    response = search(client)

    assert "Malerin gesucht" in response.content.decode()
    assert titles(response) == [vacancy.title]


def test_drafts_expired_and_filled_vacancies_never_appear(client):
    PublishedVacancyFactory(title="Offen")
    DraftVacancyFactory(title="Entwurf")
    PublishedVacancyFactory(title="Abgelaufen", status=VacancyStatus.EXPIRED)
    PublishedVacancyFactory(title="Besetzt", status=VacancyStatus.FILLED)

    response = search(client)

    assert titles(response) == ["Offen"]
    for hidden in ("Entwurf", "Abgelaufen", "Besetzt"):
        assert hidden not in response.content.decode()


def test_kind_filter_keeps_only_the_chosen_kinds(client):
    PublishedVacancyFactory(title="Job", kind=VacancyKind.JOB)
    InternshipVacancyFactory(title="Praktikum")
    PublishedVacancyFactory(title="Ausbildung", kind=VacancyKind.AUSBILDUNG)

    response = search(client, kind=[VacancyKind.INTERNSHIP, VacancyKind.AUSBILDUNG])

    assert sorted(titles(response)) == ["Ausbildung", "Praktikum"]


def test_occupational_field_filter_and_its_localised_names(client):
    care = OccupationFieldFactory(code="81")
    crafts = OccupationFieldFactory(code="22")
    PublishedVacancyFactory(title="Pflege", occupation=OccupationFactory(field=care))
    PublishedVacancyFactory(title="Tischlerei", occupation=OccupationFactory(field=crafts))

    response = search(client, field=care.pk)
    arabic = client.get(f"/ar/vacancies/?field={crafts.pk}")

    assert titles(response) == ["Pflege"]
    assert [vacancy.title for vacancy in arabic.context["vacancies"]] == ["Tischlerei"]
    assert f'<option value="{care.pk}">{care.name("ar")}</option>' in arabic.content.decode()
    assert care.name("ar") != care.name("de")


@pytest.mark.parametrize(
    ("radius", "expected"),
    [("10", ["Hannover"]), ("50", ["Hannover", "Neustadt"]), ("100", ["Hannover", "Neustadt"]), ("", None)],
)
def test_radius_keeps_offers_within_that_distance_of_the_postal_code(client, radius, expected):
    PublishedVacancyFactory(title="Cuxhaven", postal_code="27472")
    PublishedVacancyFactory(title="Neustadt", postal_code="31535")
    PublishedVacancyFactory(title="Hannover", postal_code="30161")

    response = search(client, postal_code="30159", radius=radius)

    # Without a radius every offer is listed, nearest first.
    assert titles(response) == (expected or ["Hannover", "Neustadt", "Cuxhaven"])


def test_results_show_the_rounded_distance(client):
    PublishedVacancyFactory(title="Neustadt", postal_code="31535")

    response = search(client, postal_code="30159")

    assert re.search(r'class="offer-card__distance">\s*27 km\s*<', response.content.decode())


def test_a_candidates_own_postal_code_is_the_default_origin_and_stays_out_of_urls(client):
    profile = CandidateProfileFactory(postal_code="27472")
    PublishedVacancyFactory(title="Hannover", postal_code="30159")
    PublishedVacancyFactory(title="Cuxhaven", postal_code="27472")
    client.force_login(profile.user)

    response = search(client)

    assert titles(response) == ["Cuxhaven", "Hannover"]
    html = response.content.decode()
    assert 'name="near" value="me"' in html and "checked" in html
    assert "27472 Cuxhaven" in html  # the label says which home it is
    assert 'value="27472' not in html  # nothing that a submitted form would put into the URL
    assert titles(search(client, near="me")) == ["Cuxhaven", "Hannover"]


def test_a_candidates_first_search_keeps_to_their_distance_and_wanted_kinds(client):
    profile = CandidateProfileFactory(
        postal_code="30159", travel_radius_km=30, looking_for=[VacancyKind.INTERNSHIP, "language_course"]
    )
    InternshipVacancyFactory(title="Praktikum Garbsen", postal_code="30823")  # about 10 km
    InternshipVacancyFactory(title="Praktikum Celle", postal_code="29221")  # about 36 km
    PublishedVacancyFactory(title="Arbeit Hannover", postal_code="30159", kind=VacancyKind.JOB)
    client.force_login(profile.user)

    response = search(client)

    assert titles(response) == ["Praktikum Garbsen"]
    assert response.context["form"]["radius"].value() == "30"
    widen_distance = response.context["widen_distance_url"]
    widen_kinds = response.context["widen_kinds_url"]
    assert "30159" not in widen_distance + widen_kinds
    assert titles(client.get(SEARCH + widen_distance)) == ["Praktikum Garbsen", "Praktikum Celle"]
    assert titles(client.get(SEARCH + widen_kinds)) == ["Arbeit Hannover", "Praktikum Garbsen"]


def test_visitors_and_employers_get_no_home_to_search_from(client):
    PublishedVacancyFactory(title="Hannover", postal_code="30159")

    response = search(client, near="me")

    assert "near" not in response.context["form"].fields
    assert titles(response) == ["Hannover"]
    assert response.context["widen_distance_url"] == ""


def test_a_town_name_is_a_place_to_search_from(client):
    PublishedVacancyFactory(title="Neustadt", postal_code="31535")

    response = search(client, postal_code="Hannover", radius="50")

    assert titles(response) == ["Neustadt"]
    assert re.search(r'class="offer-card__distance">\s*27 km\s*<', response.content.decode())


def test_a_typed_postal_code_replaces_the_candidates_own(client):
    profile = CandidateProfileFactory(postal_code="27472")
    PublishedVacancyFactory(title="Hannover", postal_code="30159")
    PublishedVacancyFactory(title="Cuxhaven", postal_code="27472")
    client.force_login(profile.user)

    response = search(client, postal_code="30159", radius="25")

    assert titles(response) == ["Hannover"]


@pytest.mark.parametrize(
    ("postal_code", "message"),
    [
        ("00000", "Die Postleitzahl 00000 ist uns nicht bekannt"),
        ("3015", "genau fünf Ziffern"),
    ],
)
def test_a_bad_postal_code_shows_an_error_next_to_the_field_and_no_results(client, postal_code, message):
    PublishedVacancyFactory(title="Hannover")

    response = search(client, postal_code=postal_code)

    assert titles(response) == []
    assert response.context["form"].errors["postal_code"]
    content = response.content.decode()
    assert message in content
    assert 'id="error_1_id_postal_code"' in content or "invalid-feedback" in content


def test_a_radius_without_a_postal_code_asks_for_one(client):
    PublishedVacancyFactory()

    response = search(client, postal_code="", radius="25")

    assert titles(response) == []
    assert "Bitte geben Sie eine Postleitzahl ein" in response.content.decode()


def test_german_level_ceiling_hides_offers_that_need_more_german(client):
    PublishedVacancyFactory(title="Ohne Deutsch", german_level_required=GermanLevel.NONE)
    PublishedVacancyFactory(title="A2", german_level_required=GermanLevel.A2)
    PublishedVacancyFactory(title="B2", german_level_required=GermanLevel.B2)

    response = search(client, german_level=GermanLevel.A2)

    assert sorted(titles(response)) == ["A2", "Ohne Deutsch"]


def test_hours_range_filter(client):
    for hours in (20, 30, 40):
        PublishedVacancyFactory(title=f"{hours} Stunden", hours_per_week=hours)

    response = search(client, hours_min="25", hours_max="35")

    assert titles(response) == ["30 Stunden"]


def test_hours_minimum_above_maximum_is_a_clear_error(client):
    PublishedVacancyFactory(hours_per_week=30)

    response = search(client, hours_min="40", hours_max="20")

    assert titles(response) == []
    assert response.context["form"].errors["hours_max"]


def test_start_date_filter_keeps_offers_starting_by_then_or_as_soon_as_possible(client):
    today = timezone.localdate()
    PublishedVacancyFactory(title="Sofort", start_date=None)
    PublishedVacancyFactory(title="Bald", start_date=today + datetime.timedelta(days=10))
    PublishedVacancyFactory(title="Später", start_date=today + datetime.timedelta(days=60))

    response = search(client, start_by=(today + datetime.timedelta(days=30)).isoformat())

    assert sorted(titles(response)) == ["Bald", "Sofort"]


def test_free_text_matches_title_and_description(client):
    PublishedVacancyFactory(title="Pflegekraft in Teilzeit", description="Altenheim in Hannover.")
    PublishedVacancyFactory(title="Lagerhelfer", description="Wir suchen Unterstützung im Lager.")
    PublishedVacancyFactory(title="Koch", description="Restaurant.")

    assert titles(search(client, q="Altenheim")) == ["Pflegekraft in Teilzeit"]
    assert titles(search(client, q="lagerhelfer")) == ["Lagerhelfer"]
    assert titles(search(client, q="Koch Restaurant")) == ["Koch"]
    assert titles(search(client, q="Koch Altenheim")) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="German stemming needs PostgreSQL full-text search")
def test_german_stemming_finds_the_singular_from_the_plural(client):
    PublishedVacancyFactory(title="Pflegekraft gesucht")
    PublishedVacancyFactory(title="Koch gesucht")

    response = search(client, q="Pflegekräfte")

    assert titles(response) == ["Pflegekraft gesucht"]


def test_sort_by_newest_puts_the_latest_first(client):
    now = timezone.now()
    PublishedVacancyFactory(title="Alt", postal_code="30159", published_at=now - datetime.timedelta(days=5))
    PublishedVacancyFactory(title="Neu", postal_code="27472", published_at=now)

    nearest = search(client, postal_code="30159")
    newest = search(client, postal_code="30159", sort="newest")
    without_origin = search(client, postal_code="", sort="distance")

    assert titles(nearest) == ["Alt", "Neu"]
    assert titles(newest) == ["Neu", "Alt"]
    assert titles(without_origin) == ["Neu", "Alt"]


def test_sorting_by_distance_is_offered_only_when_a_place_is_known(client):
    PublishedVacancyFactory()

    without = search(client, postal_code="").content.decode()
    with_place = search(client, postal_code="30159").content.decode()

    assert 'value="distance"' not in without
    assert 'value="distance"' in with_place


def test_results_are_paged_and_page_links_keep_the_filters(client):
    for number in range(12):
        PublishedVacancyFactory(title=f"Angebot {number}", kind=VacancyKind.JOB)

    first = search(client, kind="job", page_size="10")
    second = search(client, kind="job", page_size="10", page="2")

    assert len(titles(first)) == 10
    assert len(titles(second)) == 2
    next_link = re.search(r'href="([^"]+)" rel="next"', first.content.decode()).group(1)
    assert "kind=job" in next_link and "page_size=10" in next_link and "page=2" in next_link


def test_only_the_offered_page_sizes_are_accepted(client):
    PublishedVacancyFactory()

    response = search(client, page_size="1000")

    assert response.context["form"].errors["page_size"]


def test_query_count_does_not_grow_with_page_size(client, django_assert_max_num_queries):
    field = OccupationFieldFactory()
    for number in range(55):
        PublishedVacancyFactory(
            title=f"Angebot {number}",
            occupation=OccupationFactory(field=field),
            support_mentor=True,
            start_date=timezone.localdate(),
        )
    client.force_login(CandidateProfileFactory(postal_code="30159").user)
    search(client, q="Angebot")  # what the occupation catalogue finds for the words is cached from here on
    counts = {}
    for page_size in (10, 50):
        with CaptureQueriesContext(connection) as queries:
            response = search(client, page_size=str(page_size), q="Angebot", kind="job")
        assert len(titles(response)) == page_size
        counts[page_size] = len(queries)

    print(f"vacancy search page: {counts[10]} queries at page size 10, {counts[50]} at page size 50")
    assert counts[10] == counts[50]
    with django_assert_max_num_queries(counts[10]):
        search(client, page_size="50", q="Angebot", kind="job")


def test_arabic_results_show_the_facts_in_arabic_right_to_left(client):
    occupation = OccupationFactory(names={"de": "Tischler/in", "ar": "نجار", "en": "Carpenter"})
    InternshipVacancyFactory(
        title="Praktikum in der Tischlerei",
        occupation=occupation,
        german_level_required=GermanLevel.NONE,
        support_mentor=True,
        start_date=None,
    )

    response = client.get("/ar/vacancies/", {"postal_code": "30159"})
    content = response.content.decode()

    assert 'dir="rtl"' in content
    assert "نجار" in content
    with translation.override("ar"):
        for label in (
            VacancyKind.INTERNSHIP.label,
            "لا حاجة إلى اللغة الألمانية",  # No German needed
            "في أقرب وقت ممكن",  # As soon as possible
        ):
            assert str(label) in content
        assert str(VacancyKind.INTERNSHIP.label) != "Internship (Praktikum)"
    assert 'lang="de"' in content  # the employer's own words stay German and say so


def test_detail_page_shows_the_facts_and_links_the_organisation(client):
    vacancy = PublishedVacancyFactory(title="Maler/in", organisation__name="Malerbetrieb Sonne")

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))
    content = response.content.decode()

    assert response.status_code == 200
    assert "Maler/in" in content
    assert reverse("employers:organisation_public", kwargs={"pk": vacancy.organisation_id}) in content
    assert "Malerbetrieb Sonne" in content
    assert "38 Stunden pro Woche" in content


def test_detail_page_shows_the_distance_from_the_candidates_postal_code(client):
    vacancy = PublishedVacancyFactory(postal_code="31535")
    client.force_login(CandidateProfileFactory(postal_code="30159").user)

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))

    assert re.search(r"<dd>\s*27 km\s*</dd>", response.content.decode())


@pytest.mark.parametrize("status", [VacancyStatus.DRAFT, VacancyStatus.EXPIRED, VacancyStatus.FILLED])
def test_detail_page_of_an_unpublished_vacancy_is_not_found(client, status):
    vacancy = PublishedVacancyFactory(status=status)

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))

    assert response.status_code == 404


def test_visitors_are_asked_to_log_in_to_apply(client):
    vacancy = PublishedVacancyFactory()

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))
    content = response.content.decode()

    assert reverse("account_login") + "?next=" in content
    assert reverse("applications:apply", kwargs={"pk": vacancy.pk}) not in content


def test_employer_staff_see_no_apply_form(client):
    vacancy = PublishedVacancyFactory()
    client.force_login(EmployerStaffFactory())

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))

    assert reverse("applications:apply", kwargs={"pk": vacancy.pk}) not in response.content.decode()
    assert "Nur Bewerberinnen und Bewerber" in response.content.decode()


@pytest.fixture
def carpenter_vacancy():
    """A German Tischler vacancy whose occupation has names and synonyms in every language."""
    occupation = OccupationFactory(
        names={"de": "Tischler/in", "en": "Carpenter / joiner", "uk": "Столяр", "ar": "نجار", "fa": "نجار",
               "ru": "Столяр", "tr": "Marangoz"}
    )  # fmt: skip
    terms = {
        "de": ["Tischler/in", "Schreiner/in"], "en": ["Carpenter / joiner", "joiner"], "uk": ["Столяр", "тесляр"],
        "ar": ["نجار", "نجارة"], "fa": ["نجار", "درودگر"], "ru": ["Столяр", "плотник"], "tr": ["Marangoz", "doğramacı"],
    }  # fmt: skip
    for language, texts in terms.items():
        for number, text in enumerate(texts):
            OccupationTerm.objects.create(
                occupation=occupation, language=language, text=text, normalised=normalise(text), is_name=number == 0
            )
    PublishedVacancyFactory(title="Koch/Köchin gesucht", description="Restaurant in Hannover.")
    return PublishedVacancyFactory(
        title="Tischler/in (m/w/d) gesucht", description="Möbelbau in unserer Werkstatt.", occupation=occupation
    )


@pytest.mark.parametrize(
    "query", ["نجار", "درودگر", "столяр", "тесляр", "плотник", "marangoz", "Marangoz", "carpenter", "Schreiner"]
)
def test_an_occupation_typed_in_any_language_finds_the_german_vacancy(client, carpenter_vacancy, query):
    response = search(client, q=query)

    assert titles(response) == [carpenter_vacancy.title]

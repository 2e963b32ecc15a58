"""The onboarding steps and the profile page, through their URLs, as a candidate uses them."""

import itertools
import re
from datetime import timedelta
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import CandidateLanguage, CandidateProfile, OnboardingStep
from tests.factories import (
    CandidateFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    EmployerStaffFactory,
    MentorFactory,
    OccupationFactory,
    OccupationFieldFactory,
)

pytestmark = pytest.mark.django_db

STEPS = OnboardingStep.values


def step_url(step: str, language: str = "de", **query) -> str:
    with translation.override(language):
        url = reverse("portal:onboarding_step", kwargs={"step": step})
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def url_in(name: str, language: str = "de") -> str:
    with translation.override(language):
        return reverse(name)


def text_in(message: str, language: str = "de", **params) -> str:
    with translation.override(language):
        text = translation.gettext(message)
    return escape(text % params if params else text)


_codes = itertools.count(1)


def new_occupation(**names) -> "Occupation":  # noqa: F821
    """An occupation outside the catalogue the migration loaded (KldB has no field 99), with these names."""
    return OccupationFactory(
        field=OccupationFieldFactory(code="99"), kldb_code=f"99{next(_codes):03d}", names=names or {"de": "Testberuf"}
    )


def is_checked(content: str, name: str, value: str) -> bool:
    inputs = re.findall(rf'<input [^>]*name="{name}" value="{re.escape(value)}"[^>]*>', content)
    return len(inputs) == 1 and " checked" in inputs[0]


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def profile_of(user) -> CandidateProfile:
    return CandidateProfile.objects.get(user=user)


VALID = {
    "languages": {
        "german_level": "A2",
        "german_certificate": "",
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "ar",
        "languages-0-level": "native",
        "languages-1-language": "",
        "languages-1-level": "",
    },
    "experience": {
        "occupation": "",
        "years_experience": "",
        "school_education": "secondary",
        "vocational_education": "on_the_job",
        "foreign_qualification": "",
        "recognition_status": "",
    },
    "wishes": {"looking_for": ["job", "internship"], "hours_per_week": "30", "earliest_start": ""},
    "place": {"postal_code": "31535", "travel_radius_km": "30", "transport": "public"},
    "circumstances": {"childcare_needed": "False", "shift_work_possible": "True", "work_permit": ""},
}


# --- who may see what ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [step_url("languages"), url_in("portal:onboarding_resume"), url_in("portal:profile")])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(url_in("account_login"))


@pytest.mark.parametrize("factory", [EmployerStaffFactory, MentorFactory])
@pytest.mark.parametrize("url", [step_url("place"), url_in("portal:profile")])
def test_other_roles_are_refused(client, factory, url):
    client.force_login(factory())

    assert client.get(url).status_code == 403


def test_unknown_step_is_not_found(client, candidate):
    assert client.get(step_url("passport")).status_code == 404


def test_profile_page_shows_only_the_own_profile(client, candidate):
    other = CompleteCandidateProfileFactory(postal_code="49074")
    other.occupations.get().occupation.names = {"de": "Fremder Beruf"}
    other.occupations.get().occupation.save()

    response = client.get(url_in("portal:profile"))

    content = response.content.decode()
    assert "49074" not in content
    assert "Fremder Beruf" not in content


# --- each step -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
def test_each_step_shows_its_number_a_progress_bar_and_the_buttons(client, candidate, step):
    response = client.get(step_url(step))

    content = response.content.decode()
    number = STEPS.index(step) + 1
    assert response.status_code == 200
    assert text_in("Step %(number)s of %(total)s", number=number, total=5) in content
    assert f'<progress class="onboarding-progress" max="5" value="{number}"' in content
    assert text_in("Save and finish later") in content
    assert (text_in("Back") in content) == (number > 1)


@pytest.mark.parametrize("step", STEPS)
def test_saving_a_step_records_it_and_goes_to_the_next(client, candidate, step):
    response = client.post(step_url(step), {**VALID[step], "action": "continue"})

    following = OnboardingStep.after(step)
    assert response.status_code == 302
    assert response.url == (step_url(following) if following else url_in("matching:my_matches"))
    assert profile_of(candidate).completed_steps == [step]


@pytest.mark.parametrize("step", STEPS)
def test_save_and_finish_later_goes_to_the_dashboard(client, candidate, step):
    response = client.post(step_url(step), {**VALID[step], "action": "later"})

    assert response.status_code == 302
    assert response.url == url_in("portal:candidate_dashboard")
    assert profile_of(candidate).completed_steps == [step]


@pytest.mark.parametrize("step", STEPS)
def test_editing_a_step_from_the_profile_returns_there(client, candidate, step):
    CompleteCandidateProfileFactory(user=candidate)

    page = client.get(step_url(step, **{"return": "profile"})).content.decode()
    response = client.post(step_url(step, **{"return": "profile"}), {**VALID[step], "action": "continue"})

    assert f">{text_in('Save and continue')}</button>" not in page
    assert f">{text_in('Save')}</button>" in page
    assert response.status_code == 302
    assert response.url == url_in("portal:profile")


def test_languages_step_saves_german_level_and_other_languages(client, candidate):
    client.post(
        step_url("languages"),
        {
            **VALID["languages"],
            "german_level": "B1",
            "german_certificate": "telc",
            "languages-1-language": "en",
            "languages-1-level": "B2",
            "action": "continue",
        },
    )

    profile = profile_of(candidate)
    assert (profile.german_level, profile.german_certificate) == ("B1", "telc")
    assert list(profile.languages.values_list("language", "level")) == [("ar", "native"), ("en", "B2")]


def test_languages_step_shows_saved_languages_and_two_empty_rows(client, candidate):
    profile = CandidateProfileFactory(user=candidate, german_level="C1")
    CandidateLanguage.objects.create(profile=profile, language="tr", level="native")

    content = client.get(step_url("languages")).content.decode()

    assert 'name="languages-TOTAL_FORMS" value="3"' in content
    assert '<option value="tr" selected>' in content
    assert is_checked(content, "german_level", "C1")


def test_a_language_row_can_be_removed(client, candidate):
    profile = CandidateProfileFactory(user=candidate)
    CandidateLanguage.objects.create(profile=profile, language="tr", level="native")
    CandidateLanguage.objects.create(profile=profile, language="ku", level="B1")

    client.post(
        step_url("languages"),
        {
            "german_level": "A1",
            "languages-TOTAL_FORMS": "4",
            "languages-INITIAL_FORMS": "2",
            "languages-0-language": "tr",
            "languages-0-level": "native",
            "languages-1-language": "ku",
            "languages-1-level": "B1",
            "languages-1-DELETE": "on",
            "action": "continue",
        },
    )

    assert list(profile.languages.values_list("language", flat=True)) == ["tr"]


def test_save_and_add_more_languages_comes_back_with_new_empty_rows(client, candidate):
    response = client.post(step_url("languages"), {**VALID["languages"], "action": "more"})
    page = client.get(response.url).content.decode()

    assert response.url == step_url("languages")
    assert 'name="languages-TOTAL_FORMS" value="3"' in page


def test_a_language_without_level_is_an_error_next_to_the_level(client, candidate):
    response = client.post(
        step_url("languages"),
        {**VALID["languages"], "languages-1-language": "fa", "action": "continue"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_languages-1-level"' in content
    assert text_in("Please choose how well you speak this language.") in content
    assert not CandidateLanguage.objects.exists()
    assert profile_of(candidate).completed_steps == []


def test_the_same_language_twice_is_an_error(client, candidate):
    response = client.post(
        step_url("languages"),
        {**VALID["languages"], "languages-1-language": "ar", "languages-1-level": "B1", "action": "continue"},
    )

    assert text_in("You have listed this language twice.") in response.content.decode()
    assert not CandidateLanguage.objects.exists()


def test_a_certificate_without_german_level_is_an_error_next_to_the_certificate(client, candidate):
    response = client.post(
        step_url("languages"), {**VALID["languages"], "german_level": "0", "german_certificate": "dtz"}
    )

    content = response.content.decode()
    assert 'href="#id_german_certificate"' in content
    assert text_in("A certificate shows a German level. Please choose your level above.") in content
    assert profile_of(candidate).german_certificate == ""


def test_experience_step_adds_an_occupation_and_comes_back(client, candidate):
    painter = new_occupation(de="Fassadengestalter/in (Test)", uk="Фасадник (тест)")

    response = client.post(
        step_url("experience"),
        {**VALID["experience"], "occupation": painter.pk, "years_experience": "6", "action": "add"},
    )
    page = client.get(response.url).content.decode()

    assert response.url == step_url("experience")
    assert list(profile_of(candidate).occupations.values_list("occupation", "years_experience")) == [(painter.pk, 6)]
    assert "Fassadengestalter/in (Test)" in page
    assert text_in("Remove") in page


def test_add_without_an_occupation_is_an_error_next_to_the_select(client, candidate):
    response = client.post(step_url("experience"), {**VALID["experience"], "action": "add"})

    content = response.content.decode()
    assert 'href="#id_occupation"' in content
    assert text_in("Please choose the occupation you want to add.") in content
    assert profile_of(candidate).school_education == ""


def test_an_occupation_chosen_but_not_added_is_saved_with_continue(client, candidate):
    cook = new_occupation()

    client.post(
        step_url("experience"),
        {**VALID["experience"], "occupation": cook.pk, "years_experience": "2", "action": "continue"},
    )

    assert profile_of(candidate).occupations.get().occupation == cook


@pytest.mark.parametrize("years", ["51", "-1", "", "viele"])
def test_impossible_years_of_experience_are_an_error_and_save_nothing(client, candidate, years):
    cook = new_occupation()

    response = client.post(
        step_url("experience"),
        {**VALID["experience"], "occupation": cook.pk, "years_experience": years, "action": "continue"},
    )

    assert response.status_code == 200
    assert 'href="#id_years_experience"' in response.content.decode()
    profile = profile_of(candidate)
    assert (profile.occupations.count(), profile.school_education) == (0, "")


def test_over_long_foreign_qualification_is_an_error(client, candidate):
    response = client.post(
        step_url("experience"), {**VALID["experience"], "foreign_qualification": "x" * 201, "action": "continue"}
    )

    content = response.content.decode()
    assert 'href="#id_foreign_qualification"' in content
    assert "200" in content
    assert profile_of(candidate).completed_steps == []


def test_recognition_without_a_qualification_is_an_error(client, candidate):
    response = client.post(
        step_url("experience"), {**VALID["experience"], "recognition_status": "partial", "action": "continue"}
    )

    assert 'href="#id_foreign_qualification"' in response.content.decode()
    assert profile_of(candidate).recognition_status == ""


def test_experience_step_links_to_where_recognition_is_explained(client, candidate):
    content = client.get(step_url("experience")).content.decode()

    assert 'href="https://www.anerkennung-in-deutschland.de/"' in content
    assert "IQ Netzwerk Niedersachsen" in content


def test_removing_an_occupation(client, candidate):
    profile = CompleteCandidateProfileFactory(user=candidate)
    entry = profile.occupations.get()

    response = client.post(step_url("experience"), {"remove_occupation": entry.pk})

    assert response.url == step_url("experience")
    assert not profile.occupations.exists()


def test_nobody_removes_an_occupation_of_someone_else(client, candidate):
    CandidateProfileFactory(user=candidate)
    entry = CompleteCandidateProfileFactory().occupations.get()

    response = client.post(step_url("experience"), {"remove_occupation": entry.pk})

    assert response.status_code == 404
    assert entry.profile.occupations.count() == 1


def test_occupation_select_lists_the_catalogue_in_the_readers_language(client, candidate):
    occupation = new_occupation(de="Lehmbauer/in (Test)", uk="Майстер глиняного будівництва (тест)")

    german = client.get(step_url("experience")).content.decode()
    ukrainian = client.get(step_url("experience", "uk")).content.decode()

    assert f'<option value="{occupation.pk}">Lehmbauer/in (Test)</option>' in german
    assert f'<option value="{occupation.pk}">Майстер глиняного будівництва (тест)</option>' in ukrainian


def select_options(content: str) -> list[str]:
    select = re.search(r'<select name="occupation".*?</select>', content, re.S).group(0)
    return [label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)]


@pytest.mark.parametrize("query", ["столяр", "نجار", "marangoz"])
def test_searching_in_any_language_narrows_the_occupation_select(client, candidate, query):
    """The catalogue loaded by the migration: Tischler/in is found by its Ukrainian, Arabic and Turkish names."""
    content = client.get(step_url("experience"), {"q": query}).content.decode()

    options = select_options(content)
    assert "Tischler/in" in options
    assert "Bäcker/in" not in options
    assert len(options) < 20
    assert escape(f"„{query}“") in content or escape(f"“{query}”") in content


def test_a_search_without_results_says_so_and_offers_the_whole_catalogue(client, candidate):
    content = client.get(step_url("experience"), {"q": "qxqxqx"}).content.decode()

    assert (
        text_in(
            "No occupation found for “%(query)s”. Try another word, or choose from the whole list below.",
            query="qxqxqx",
        )
        in content
    )
    assert {"Tischler/in", "Bäcker/in"} <= set(select_options(content))


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "The date lies in the past. Please choose today or a later day."),
        (3 * 365, None),
    ],
)
def test_earliest_start_in_the_past_or_too_far_ahead_is_an_error(client, candidate, days, message):
    start = timezone.localdate() + timedelta(days=days)

    response = client.post(
        step_url("wishes"), {**VALID["wishes"], "earliest_start": start.isoformat(), "action": "continue"}
    )

    content = response.content.decode()
    assert 'href="#id_earliest_start"' in content
    if message:
        assert text_in(message) in content
    assert profile_of(candidate).looking_for == []


def test_impossible_date_is_an_error(client, candidate):
    response = client.post(
        step_url("wishes"), {**VALID["wishes"], "earliest_start": "2027-02-30", "action": "continue"}
    )

    assert 'href="#id_earliest_start"' in response.content.decode()
    assert profile_of(candidate).completed_steps == []


@pytest.mark.parametrize(("hours", "field_error"), [("0", True), ("49", True), ("48", False)])
def test_hours_per_week_from_1_to_48(client, candidate, hours, field_error):
    response = client.post(step_url("wishes"), {**VALID["wishes"], "hours_per_week": hours, "action": "continue"})

    assert (response.status_code == 200) == field_error
    if field_error:
        assert text_in("Please enter a number of hours from 1 to 48.") in response.content.decode()


def test_wishes_need_at_least_one_offer_kind(client, candidate):
    response = client.post(step_url("wishes"), {**VALID["wishes"], "looking_for": [], "action": "continue"})

    content = response.content.decode()
    assert 'href="#id_looking_for_0"' in content
    assert text_in("Please choose at least one thing you are looking for.") in content


def test_unknown_postal_code_is_an_error_next_to_the_field(client, candidate):
    response = client.post(step_url("place"), {**VALID["place"], "postal_code": "00000", "action": "continue"})

    content = response.content.decode()
    assert 'href="#id_postal_code"' in content
    assert text_in("We do not know the postal code %(code)s. Please check the five digits.", code="00000") in content
    assert profile_of(candidate).postal_code == ""


@pytest.mark.parametrize("radius", ["0", "201"])
def test_travel_radius_from_1_to_200(client, candidate, radius):
    response = client.post(step_url("place"), {**VALID["place"], "travel_radius_km": radius, "action": "continue"})

    assert text_in("Please enter a distance from 1 to 200 km.") in response.content.decode()
    assert profile_of(candidate).travel_radius_km is None


def test_car_without_a_car_licence_is_explained(client, candidate):
    response = client.post(
        step_url("place"), {**VALID["place"], "transport": "car", "driving_licences": ["AM"], "action": "continue"}
    )

    content = response.content.decode()
    assert 'href="#id_driving_licences_0"' in content
    assert (
        text_in(
            "To travel by your own car you need a car driving licence (class B). "
            "Please tick your licence classes, or choose public transport."
        )
        in content
    )
    assert profile_of(candidate).transport == ""


def test_unknown_driving_licence_class_is_an_error(client, candidate):
    response = client.post(step_url("place"), {**VALID["place"], "driving_licences": ["B", "X9"]})

    assert 'href="#id_driving_licences_0"' in response.content.decode()
    assert profile_of(candidate).driving_licences == []


def test_work_permit_is_optional_and_says_who_sees_it(client, candidate):
    page = client.get(step_url("circumstances")).content.decode()
    client.post(step_url("circumstances"), {**VALID["circumstances"], "action": "continue"})

    assert text_in("Are you allowed to work in Germany? (optional)") in page
    assert text_in("You do not have to answer. Only you can see this answer; employers and mentors cannot.") in page
    assert is_checked(page, "work_permit", "")
    assert profile_of(candidate).work_permit == ""


def test_circumstances_need_yes_or_no(client, candidate):
    response = client.post(step_url("circumstances"), {"work_permit": "yes", "action": "continue"})

    content = response.content.decode()
    assert 'href="#id_childcare_needed_0"' in content
    assert 'href="#id_shift_work_possible_0"' in content
    assert profile_of(candidate).work_permit == ""


def test_errors_are_translated(client, candidate):
    response = client.post(step_url("place", "uk"), {**VALID["place"], "travel_radius_km": "500"})

    assert text_in("Please enter a distance from 1 to 200 km.", "uk") in response.content.decode()
    assert text_in("Please enter a distance from 1 to 200 km.", "uk") != "Please enter a distance from 1 to 200 km."


# --- resume, profile and dashboard -----------------------------------------------------------------------


def test_resume_goes_to_the_first_step_not_saved(client, candidate):
    CandidateProfileFactory(user=candidate, completed_steps=["languages", "experience"])

    response = client.get(url_in("portal:onboarding_resume"))

    assert response.url == step_url("wishes")


def test_resume_goes_to_the_profile_when_everything_is_saved(client, candidate):
    CompleteCandidateProfileFactory(user=candidate)

    assert client.get(url_in("portal:onboarding_resume")).url == url_in("portal:profile")


def test_profile_page_shows_answers_in_the_readers_language_with_edit_links(client, candidate):
    profile = CompleteCandidateProfileFactory(user=candidate, driving_licences=["B"], work_permit="needs_approval")
    occupation = profile.occupations.get().occupation
    occupation.names = {"de": "Maler/in", "uk": "Маляр"}
    occupation.save()

    content = client.get(url_in("portal:profile", "uk")).content.decode()

    assert text_in("Your profile is %(percent)s %% complete.", "uk", percent=100).replace("%%", "%") in content
    assert "Маляр" in content
    assert text_in("Internship (Praktikum)", "uk") in content
    assert text_in("Only with approval of the immigration office", "uk") in content
    for step in STEPS:
        assert f'href="{step_url(step, "uk")}?return=profile"' in content
    assert f'href="{url_in("documents:list", "uk")}"' in content
    assert f'href="{url_in("privacy:overview", "uk")}"' in content


def test_profile_page_lists_what_is_missing_with_links_to_the_steps(client, candidate):
    CompleteCandidateProfileFactory(user=candidate, postal_code="")

    content = client.get(url_in("portal:profile")).content.decode()

    assert f'<a href="{step_url("place")}?return=profile">{text_in("Add your postal code")}</a>' in content
    assert 'value="87"' in content


def test_dashboard_of_a_new_candidate_offers_to_start(client, candidate):
    content = client.get(url_in("portal:candidate_dashboard")).content.decode()

    assert text_in("Your profile is %(percent)s %% complete.", percent=0).replace("%%", "%") in content
    assert f'href="{url_in("portal:onboarding_resume")}"' in content
    assert text_in("Start") in content


def test_dashboard_of_a_complete_profile_offers_to_edit_it(client, candidate):
    CompleteCandidateProfileFactory(user=candidate)

    content = client.get(url_in("portal:candidate_dashboard")).content.decode()

    assert text_in("Your profile is %(percent)s %% complete.", percent=100).replace("%%", "%") in content
    assert f'href="{url_in("portal:onboarding_resume")}"' not in content
    assert f'href="{url_in("portal:profile")}"' in content


def test_every_error_of_a_step_shows_in_the_first_round(client, candidate):
    yesterday = timezone.localdate() - timedelta(days=1)

    wishes = client.post(
        step_url("wishes"), {"looking_for": [], "hours_per_week": "99", "earliest_start": yesterday.isoformat()}
    )
    place = client.post(step_url("place"), {"postal_code": "31535", "transport": "car", "driving_licences": ["AM"]})

    for anchor in ["id_looking_for_0", "id_hours_per_week", "id_earliest_start"]:
        assert f'href="#{anchor}"' in wishes.content.decode()
    for anchor in ["id_travel_radius_km", "id_driving_licences_0"]:
        assert f'href="#{anchor}"' in place.content.decode()
    assert profile_of(candidate).completed_steps == []

"""Each onboarding step saves completely, or - on bad input - not at all."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.models import CandidateLanguage, CandidateOccupation, CandidateProfile, OnboardingStep
from portal.services import (
    candidate_circumstances_save,
    candidate_experience_save,
    candidate_languages_save,
    candidate_occupation_add,
    candidate_occupation_remove,
    candidate_place_save,
    candidate_profile_ensure,
    candidate_wishes_save,
)
from tests.factories import (
    CandidateFactory,
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    EmployerStaffFactory,
    OccupationFactory,
)

pytestmark = pytest.mark.django_db


def _stored(profile: CandidateProfile) -> CandidateProfile:
    return CandidateProfile.objects.get(pk=profile.pk)


def _errors(excinfo) -> dict[str, list[str]]:
    return excinfo.value.message_dict


# --- profile ---------------------------------------------------------------------------------------------


def test_profile_is_created_once_for_a_candidate():
    user = CandidateFactory()

    first = candidate_profile_ensure(user=user)
    second = candidate_profile_ensure(user=user)

    assert first.pk == second.pk
    assert CandidateProfile.objects.filter(user=user).count() == 1


def test_only_candidates_get_a_profile():
    with pytest.raises(ValueError):
        candidate_profile_ensure(user=EmployerStaffFactory())

    assert not CandidateProfile.objects.exists()


# --- languages -------------------------------------------------------------------------------------------


def test_languages_save_stores_german_level_certificate_and_other_languages():
    profile = CandidateProfileFactory()

    candidate_languages_save(
        profile=profile,
        german_level="B1",
        german_certificate="dtz",
        other_languages=[("ar", "native"), ("en", "B2")],
    )

    stored = _stored(profile)
    assert (stored.german_level, stored.german_certificate) == ("B1", "dtz")
    assert list(stored.languages.values_list("language", "level")) == [("ar", "native"), ("en", "B2")]
    assert stored.completed_steps == [OnboardingStep.LANGUAGES]


def test_languages_save_replaces_the_previous_list():
    profile = CandidateProfileFactory()
    candidate_languages_save(
        profile=profile, german_level="A1", german_certificate="", other_languages=[("fa", "native")]
    )

    candidate_languages_save(profile=profile, german_level="A2", german_certificate="", other_languages=[("ps", "C1")])

    assert list(CandidateLanguage.objects.filter(profile=profile).values_list("language", "level")) == [("ps", "C1")]
    assert _stored(profile).completed_steps == [OnboardingStep.LANGUAGES]


@pytest.mark.parametrize(
    ("german_level", "certificate", "others", "field"),
    [
        ("B7", "", [], "german_level"),
        ("B1", "cambridge", [], "german_certificate"),
        ("0", "telc", [], "german_certificate"),
        ("B1", "", [("xx", "B1")], "other_languages"),
        ("B1", "", [("ar", "fluent")], "other_languages"),
        ("B1", "", [("ar", "native"), ("ar", "B1")], "other_languages"),
    ],
)
def test_bad_language_input_saves_nothing(german_level, certificate, others, field):
    profile = CandidateProfileFactory()
    candidate_languages_save(
        profile=profile, german_level="A1", german_certificate="", other_languages=[("ku", "native")]
    )

    with pytest.raises(ValidationError) as excinfo:
        candidate_languages_save(
            profile=profile, german_level=german_level, german_certificate=certificate, other_languages=others
        )

    assert field in _errors(excinfo)
    stored = _stored(profile)
    assert (stored.german_level, stored.german_certificate) == ("A1", "")
    assert list(stored.languages.values_list("language", "level")) == [("ku", "native")]
    assert (profile.german_level, profile.german_certificate) == ("A1", ""), "the object in memory is unchanged"


# --- experience and occupations --------------------------------------------------------------------------


def test_experience_save_stores_education_and_foreign_qualification():
    profile = CandidateProfileFactory()

    candidate_experience_save(
        profile=profile,
        school_education="upper_secondary",
        vocational_education="vocational_school",
        foreign_qualification="  Krankenschwester (Ukraine) ",
        recognition_status="in_progress",
    )

    stored = _stored(profile)
    assert (stored.school_education, stored.vocational_education) == ("upper_secondary", "vocational_school")
    assert (stored.foreign_qualification, stored.recognition_status) == ("Krankenschwester (Ukraine)", "in_progress")
    assert stored.completed_steps == [OnboardingStep.EXPERIENCE]


def test_experience_save_with_an_occupation_adds_it():
    profile = CandidateProfileFactory()
    painter = OccupationFactory()

    candidate_experience_save(
        profile=profile,
        school_education="secondary",
        vocational_education="on_the_job",
        foreign_qualification="",
        recognition_status="",
        occupation=painter,
        years_experience=7,
    )

    assert list(profile.occupations.values_list("occupation", "years_experience")) == [(painter.pk, 7)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"school_education": "phd"}, "school_education"),
        ({"vocational_education": "apprentice"}, "vocational_education"),
        ({"foreign_qualification": "x" * 201}, "foreign_qualification"),
        ({"recognition_status": "done"}, "recognition_status"),
        ({"recognition_status": "full", "foreign_qualification": ""}, "foreign_qualification"),
        ({"occupation": "painter", "years_experience": 51}, "years_experience"),
        ({"occupation": "painter", "years_experience": None}, "years_experience"),
    ],
)
def test_bad_experience_input_saves_nothing(changes, field):
    profile = CandidateProfileFactory()
    if changes.get("occupation"):
        changes = {**changes, "occupation": OccupationFactory()}
    values = {
        "school_education": "secondary",
        "vocational_education": "none",
        "foreign_qualification": "Elektriker (Syrien)",
        "recognition_status": "not_started",
        **changes,
    }

    with pytest.raises(ValidationError) as excinfo:
        candidate_experience_save(profile=profile, **values)

    assert field in _errors(excinfo)
    stored = _stored(profile)
    assert (stored.school_education, stored.foreign_qualification, stored.completed_steps) == ("", "", [])
    assert not CandidateOccupation.objects.exists()


def test_adding_an_occupation_twice_changes_its_years():
    profile = CandidateProfileFactory()
    painter = OccupationFactory()
    candidate_occupation_add(profile=profile, occupation=painter, years_experience=3)

    candidate_occupation_add(profile=profile, occupation=painter, years_experience=4)

    assert list(profile.occupations.values_list("occupation", "years_experience")) == [(painter.pk, 4)]


@pytest.mark.parametrize("years", [-1, 51, None])
def test_years_of_experience_must_lie_between_0_and_50(years):
    profile = CandidateProfileFactory()

    with pytest.raises(ValidationError) as excinfo:
        candidate_occupation_add(profile=profile, occupation=OccupationFactory(), years_experience=years)

    assert list(_errors(excinfo)) == ["years_experience"]
    assert not CandidateOccupation.objects.exists()


@pytest.mark.parametrize("years", [0, 50])
def test_years_of_experience_accepts_the_limits(years):
    profile = CandidateProfileFactory()

    candidate_occupation_add(profile=profile, occupation=OccupationFactory(), years_experience=years)

    assert profile.occupations.get().years_experience == years


def test_removing_an_occupation_deletes_only_that_one():
    profile = CandidateProfileFactory()
    painter = candidate_occupation_add(profile=profile, occupation=OccupationFactory(), years_experience=2)
    cook = candidate_occupation_add(profile=profile, occupation=OccupationFactory(), years_experience=1)

    candidate_occupation_remove(profile=profile, candidate_occupation=painter)

    assert list(profile.occupations.all()) == [cook]


def test_nobody_removes_an_occupation_from_someone_elses_profile():
    owner = CompleteCandidateProfileFactory()
    intruder = CandidateProfileFactory()

    with pytest.raises(ValueError):
        candidate_occupation_remove(profile=intruder, candidate_occupation=owner.occupations.get())

    assert owner.occupations.count() == 1


# --- wishes ----------------------------------------------------------------------------------------------


def test_wishes_save_stores_offer_kinds_in_catalogue_order_without_repeats():
    profile = CandidateProfileFactory()
    start = timezone.localdate() + timedelta(days=30)

    candidate_wishes_save(
        profile=profile,
        looking_for=["language_course", "job", "job", "hospitation"],
        hours_per_week=20,
        earliest_start=start,
    )

    stored = _stored(profile)
    assert stored.looking_for == ["job", "hospitation", "language_course"]
    assert (stored.hours_per_week, stored.earliest_start) == (20, start)
    assert stored.completed_steps == [OnboardingStep.WISHES]


@pytest.mark.parametrize("days", [0, 2 * 365])
def test_earliest_start_may_be_today_or_up_to_two_years_ahead(days):
    profile = CandidateProfileFactory()
    start = timezone.localdate() + timedelta(days=days)

    candidate_wishes_save(profile=profile, looking_for=["job"], hours_per_week=40, earliest_start=start)

    assert _stored(profile).earliest_start == start


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"earliest_start": "yesterday"}, "earliest_start"),
        ({"earliest_start": "three years ahead"}, "earliest_start"),
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"hours_per_week": 49}, "hours_per_week"),
        ({"looking_for": ["job", "holiday"]}, "looking_for"),
    ],
)
def test_bad_wishes_save_nothing(changes, field):
    today = timezone.localdate()
    dates = {"yesterday": today - timedelta(days=1), "three years ahead": today + timedelta(days=3 * 365)}
    if "earliest_start" in changes:
        changes = {"earliest_start": dates[changes["earliest_start"]]}
    profile = CandidateProfileFactory()

    with pytest.raises(ValidationError) as excinfo:
        candidate_wishes_save(
            profile=profile,
            **{"looking_for": ["job"], "hours_per_week": 30, "earliest_start": None, **changes},
        )

    assert list(_errors(excinfo)) == [field]
    stored = _stored(profile)
    assert (stored.looking_for, stored.hours_per_week, stored.completed_steps) == ([], None, [])


# --- place -----------------------------------------------------------------------------------------------


def test_place_save_stores_postal_code_radius_transport_and_licences_in_order():
    profile = CandidateProfileFactory()

    candidate_place_save(
        profile=profile, postal_code=" 31535 ", travel_radius_km=40, transport="car", driving_licences=["T", "B"]
    )

    stored = _stored(profile)
    assert (stored.postal_code, stored.travel_radius_km, stored.transport) == ("31535", 40, "car")
    assert stored.driving_licences == ["B", "T"]
    assert stored.completed_steps == [OnboardingStep.PLACE]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"postal_code": "00000"}, "postal_code"),
        ({"postal_code": "3015"}, "postal_code"),
        ({"travel_radius_km": 0}, "travel_radius_km"),
        ({"travel_radius_km": 201}, "travel_radius_km"),
        ({"transport": "bicycle"}, "transport"),
        ({"driving_licences": ["B", "Z"]}, "driving_licences"),
        ({"transport": "car", "driving_licences": []}, "driving_licences"),
        ({"transport": "car", "driving_licences": ["AM", "A"]}, "driving_licences"),
    ],
)
def test_bad_place_input_saves_nothing(changes, field):
    profile = CandidateProfileFactory()

    with pytest.raises(ValidationError) as excinfo:
        candidate_place_save(
            profile=profile,
            **{
                "postal_code": "49074",
                "travel_radius_km": 25,
                "transport": "public",
                "driving_licences": [],
                **changes,
            },
        )

    assert list(_errors(excinfo)) == [field]
    stored = _stored(profile)
    assert (stored.postal_code, stored.travel_radius_km, stored.completed_steps) == ("", None, [])


def test_a_truck_licence_is_enough_for_the_car():
    profile = CandidateProfileFactory()

    candidate_place_save(
        profile=profile, postal_code="29439", travel_radius_km=60, transport="car", driving_licences=["CE"]
    )

    assert _stored(profile).transport == "car"


# --- circumstances ---------------------------------------------------------------------------------------


def test_circumstances_save_stores_answers_and_optional_work_permit():
    profile = CandidateProfileFactory()

    candidate_circumstances_save(profile=profile, childcare_needed=True, shift_work_possible=False, work_permit="")

    stored = _stored(profile)
    assert (stored.childcare_needed, stored.shift_work_possible, stored.work_permit) == (True, False, "")
    assert stored.completed_steps == [OnboardingStep.CIRCUMSTANCES]


def test_bad_work_permit_saves_nothing():
    profile = CandidateProfileFactory()

    with pytest.raises(ValidationError) as excinfo:
        candidate_circumstances_save(
            profile=profile, childcare_needed=False, shift_work_possible=True, work_permit="forever"
        )

    assert list(_errors(excinfo)) == ["work_permit"]
    assert _stored(profile).childcare_needed is None


# --- steps -----------------------------------------------------------------------------------------------


def test_completed_steps_follow_the_onboarding_order_whatever_order_they_are_saved_in():
    profile = CandidateProfileFactory()

    candidate_circumstances_save(profile=profile, childcare_needed=False, shift_work_possible=True, work_permit="yes")
    candidate_languages_save(profile=profile, german_level="A2", german_certificate="", other_languages=[])
    candidate_languages_save(profile=profile, german_level="B1", german_certificate="", other_languages=[])

    assert _stored(profile).completed_steps == ["languages", "circumstances"]

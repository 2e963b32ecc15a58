"""The date of birth: optional, range-checked, explained, kept in the candidate's own export."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from common.dates import age_on
from portal.services import candidate_circumstances_save
from privacy.selectors import candidate_data_export
from tests.factories import CandidateFactory, CandidateProfileFactory, CompleteCandidateProfileFactory

from .test_onboarding_views import VALID, profile_of, step_url, text_in

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Please check the date of birth: it must be for an age from %(min)s to %(max)s years."
IN_THE_FUTURE = "The date of birth lies in the future. Please check the year."


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    if (today.month, today.day) == (2, 29):
        today -= datetime.timedelta(days=1)
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


def test_the_step_asks_for_the_birth_date_as_optional_and_says_employers_never_see_it(client, candidate):
    page = client.get(step_url("circumstances")).content.decode()

    assert text_in("Your date of birth (optional)") in page
    assert (
        text_in(
            "You do not have to answer. We use it only to suggest apprenticeships and courses for future "
            "apprentices (Azubi-BSK) that suit your age. Employers never see your date of birth."
        )
        in page
    )


def test_the_step_saves_without_a_birth_date(client, candidate):
    response = client.post(step_url("circumstances"), {**VALID["circumstances"], "action": "continue"})

    assert response.status_code == 302
    assert profile_of(candidate).birth_date is None


def test_a_birth_date_is_saved_and_shown_on_the_candidates_own_profile(client, candidate):
    client.post(step_url("circumstances"), {**VALID["circumstances"], "birth_date": "2005-03-14", "action": "continue"})

    assert profile_of(candidate).birth_date == datetime.date(2005, 3, 14)
    with translation.override("de"):
        profile_page = client.get(reverse("portal:profile")).content.decode()
    assert "14.03.2005" in profile_page


@pytest.mark.parametrize(
    ("birth_date", "message", "params"),
    [
        (timezone.localdate() + datetime.timedelta(days=1), IN_THE_FUTURE, {}),
        (years_ago(13), OUT_OF_RANGE, {"min": 14, "max": 70}),
        (years_ago(71, days=1), OUT_OF_RANGE, {"min": 14, "max": 70}),
    ],
)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_impossible_birth_date_is_refused_in_the_readers_language(
    client, candidate, birth_date, message, params, language
):
    # The request activates its URL's language for the thread; override() puts the previous one back after.
    with translation.override(language):
        response = client.post(
            step_url("circumstances", language),
            {**VALID["circumstances"], "birth_date": birth_date.isoformat(), "action": "continue"},
        )

    content = response.content.decode()
    assert response.status_code == 200
    assert text_in(message, language, **params) in content
    assert 'href="#id_birth_date"' in content
    assert profile_of(candidate).birth_date is None


@pytest.mark.parametrize("age", [14, 70])
def test_the_ages_at_the_edges_are_accepted(age):
    profile = CandidateProfileFactory()

    candidate_circumstances_save(
        profile=profile, childcare_needed=False, shift_work_possible=True, work_permit="", birth_date=years_ago(age)
    )

    profile.refresh_from_db()
    assert age_on(birth_date=profile.birth_date, day=timezone.localdate()) == age


def test_the_service_refuses_a_future_birth_date_and_saves_nothing():
    profile = CandidateProfileFactory()

    with pytest.raises(ValidationError) as raised, translation.override("en"):
        candidate_circumstances_save(
            profile=profile,
            childcare_needed=True,
            shift_work_possible=False,
            work_permit="",
            birth_date=timezone.localdate() + datetime.timedelta(days=400),
        )

    assert raised.value.message_dict == {"birth_date": [IN_THE_FUTURE]}
    profile.refresh_from_db()
    assert (profile.birth_date, profile.childcare_needed) == (None, None)


def test_the_candidates_own_data_export_holds_the_birth_date():
    profile = CompleteCandidateProfileFactory(birth_date=datetime.date(1990, 6, 1))

    export = candidate_data_export(user=profile.user)

    assert export["profile"]["birth_date"] == datetime.date(1990, 6, 1)

"""The demo candidates have complete, believable profiles, and seeding again leaves them untouched."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from demo.data.people import CANDIDATES, EXTRA_CANDIDATES
from demo.services import demo_seed
from occupations.models import Occupation
from portal.models import CandidateLanguage, CandidateOccupation, CandidateProfile
from portal.selectors import candidate_profile_completeness

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _profile_rows() -> dict[str, list]:
    return {
        "profiles": list(CandidateProfile.objects.order_by("pk").values()),
        "languages": list(CandidateLanguage.objects.order_by("pk").values()),
        "occupations": list(CandidateOccupation.objects.order_by("pk").values()),
    }


def test_every_demo_candidate_has_a_complete_profile():
    profiles = CandidateProfile.objects.select_related("user")
    assert sorted(profile.user.email for profile in profiles) == sorted(
        person["email"] for person in [*CANDIDATES, *EXTRA_CANDIDATES]
    )
    for profile in profiles:
        assert candidate_profile_completeness(profile=profile) == (100, []), profile.user.email


def test_the_syrian_painter_lives_in_neustadt_am_ruebenberge():
    ahmad = CandidateProfile.objects.get(user__email="ahmad@demo.example.org")
    assert ahmad.postal_code == "31535"
    assert ahmad.occupations.first().occupation.name("de") == "Maler/in und Lackierer/in"
    assert ahmad.languages.filter(language="ar", level="native").exists()


def test_the_ukrainian_nurse_lives_in_osnabrueck_and_has_her_recognition_in_progress():
    olena = CandidateProfile.objects.get(user__email="kandidatin@demo.example.org")
    assert (olena.postal_code, olena.recognition_status) == ("49076", "in_progress")
    assert olena.occupations.get().occupation.kldb_code == "81302"


def test_the_afghan_candidate_in_luechow_dannenberg_speaks_a1_german():
    mariam = CandidateProfile.objects.get(user__email="mariam@demo.example.org")
    assert (mariam.german_level, mariam.postal_code) == ("A1", "29439")


def test_seeding_twice_leaves_the_profiles_untouched():
    rows = _profile_rows()

    demo_seed(with_jobboerse=False)

    assert _profile_rows() == rows


def test_seeding_puts_a_changed_profile_back_to_the_demo_state():
    ahmad = CandidateProfile.objects.get(user__email="ahmad@demo.example.org")
    CandidateProfile.objects.filter(pk=ahmad.pk).update(german_level="C2", looking_for=[])
    ahmad.occupations.all().delete()

    demo_seed(with_jobboerse=False)

    ahmad.refresh_from_db()
    assert (ahmad.german_level, ahmad.looking_for) == ("A2", ["job", "work_trial"])
    assert sorted(ahmad.occupations.values_list("occupation__kldb_code", flat=True)) == ["33212", "33302"]


def test_demo_candidate_sees_the_own_complete_profile_in_ukrainian(client, seeded_demo):
    email = seeded_demo["candidate"]
    client.force_login(User.objects.get(email=email))

    with translation.override("uk"):
        response = client.get(reverse("portal:profile"))
        complete = translation.gettext("Your profile is %(percent)s %% complete.") % {"percent": 100}

    content = response.content.decode()
    assert complete in content
    assert Occupation.objects.get(kldb_code="81302").name("uk") in content

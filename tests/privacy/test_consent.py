"""Being visible to employers is opt-in, explained in plain words, and can be withdrawn at any time."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import CandidateProfile
from portal.services import candidate_profile_ensure, candidate_visibility_set
from tests.factories import CandidateFactory, CompleteCandidateProfileFactory, VisibleCandidateProfileFactory

pytestmark = pytest.mark.django_db


def test_a_new_candidate_is_not_visible_and_the_page_says_so(client):
    candidate = CandidateFactory()
    client.force_login(candidate)

    response = client.get(reverse("privacy:overview"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ihr Profil ist für Arbeitgeber verborgen." in page
    assert re.search(r'<input type="radio"[^>]*value="no"[^>]*checked>', page)
    assert not re.search(r'<input type="radio"[^>]*value="yes"[^>]*checked>', page)
    # Reading the page creates nothing; the profile the onboarding creates later starts hidden too.
    assert not CandidateProfile.objects.filter(user=candidate).exists()
    assert candidate_profile_ensure(user=candidate).visible_to_employers is False


def test_the_page_explains_what_employers_see_and_what_they_never_see(client):
    client.force_login(CandidateFactory())

    page = client.get(reverse("privacy:overview")).content.decode()

    assert "die ersten drei Ziffern Ihrer Postleitzahl" in page
    assert "Arbeitgeber sehen nie Ihren Namen, Ihre E-Mail-Adresse, Ihre Dokumente" in page
    for name in ["documents:list", "privacy:export_page", "privacy:export_json", "privacy:delete_account"]:
        assert f'href="{reverse(name)}"' in page


def test_candidate_opts_in_and_the_change_is_recorded(client):
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)
    before = timezone.now()

    response = client.post(reverse("privacy:visibility"), {"visible": "yes"})

    assert response.status_code == 302
    assert response.url == reverse("privacy:overview")
    profile.refresh_from_db()
    assert profile.visible_to_employers is True
    assert profile.visibility_changed_at >= before
    assert "Arbeitgeber können Ihr anonymes Profil jetzt finden." in client.get(response.url).content.decode()


def test_candidate_withdraws_consent(client):
    profile = VisibleCandidateProfileFactory()
    client.force_login(profile.user)

    client.post(reverse("privacy:visibility"), {"visible": "no"})

    profile.refresh_from_db()
    assert profile.visible_to_employers is False
    assert profile.visibility_changed_at is not None


def test_an_invalid_choice_changes_nothing_and_is_shown_next_to_the_field(client):
    profile = VisibleCandidateProfileFactory()
    client.force_login(profile.user)

    response = client.post(reverse("privacy:visibility"), {"visible": "maybe"})

    assert response.status_code == 200
    assert 'id="id_visible_error"' in response.content.decode()
    profile.refresh_from_db()
    assert profile.visible_to_employers is True


def test_saving_the_same_choice_again_keeps_the_date_of_the_last_change():
    profile = CompleteCandidateProfileFactory()
    candidate_visibility_set(profile=profile, visible=True)
    changed_at = profile.visibility_changed_at

    candidate_visibility_set(profile=profile, visible=True)

    profile.refresh_from_db()
    assert profile.visibility_changed_at == changed_at


def test_visibility_can_only_be_changed_by_post(client):
    client.force_login(CandidateFactory())

    assert client.get(reverse("privacy:visibility")).status_code == 405

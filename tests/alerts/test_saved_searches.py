"""Saved searches: saved in one tap from the results, new offers in the one daily digest (never twice, in the
reader's language), one-click unsubscribe per search, only for their owner, exported and deleted with them."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from alerts.models import SavedSearch, SavedSearchAlert
from matching.digests import match_digests_send
from matching.services import match_recompute_for_candidate
from notifications.models import Notification
from privacy.selectors import candidate_data_export
from privacy.services import account_delete
from tests.factories import (
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    CourseFactory,
    EmployerStaffFactory,
    EventFactory,
    PublishedVacancyFactory,
    VisibleCandidateProfileFactory,
)
from tests.matching import world

pytestmark = pytest.mark.django_db

TOMORROW = datetime.timedelta(days=1)


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def save(client, search_kind, name="", **filters):
    data = {"search_kind": search_kind, "name": name}
    data.update(filters)
    return client.post(url("alerts:create"), data)


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def published_later(factory, **kwargs):
    """An offer that appears after the search was saved."""
    offer = factory(**kwargs)
    later = timezone.now() + datetime.timedelta(seconds=1)
    type(offer).objects.filter(pk=offer.pk).update(
        **({"published_at": later} if hasattr(offer, "published_at") else {"created_at": later})
    )
    return offer


@pytest.fixture
def candidate(client):
    profile = CompleteCandidateProfileFactory(user__preferred_language="de")
    client.force_login(profile.user)
    return profile


def test_a_candidate_saves_the_vacancy_search_shown_without_storing_their_own_postal_code(client, candidate):
    response = client.get(url("vacancies:search"), {"q": "Maler", "near": "me", "radius": "25"})
    content = response.content.decode()
    assert 'name="search_kind" value="vacancy"' in content
    assert candidate.postal_code not in re.findall(r'<form[^>]*saved-searches/save[^>]*>.*?</form>', content, re.S)[0]

    response = save(client, "vacancy", name="Malerarbeit", q="Maler", near="me", radius="25", sort="newest")

    search = SavedSearch.objects.get(owner=candidate.user)
    assert response.status_code == 302 and response["Location"] == url("alerts:detail", pk=search.pk)
    # The sort order is not part of the search; "near me" reads the profile whenever the search runs.
    assert search.params == {"near": ["me"], "q": ["Maler"], "radius": ["25"]}
    assert search.near_me is True
    assert candidate.postal_code not in str(search.params)


def test_typing_the_own_postal_code_is_saved_as_near_me_and_another_one_as_typed(client, candidate):
    save(client, "vacancy", postal_code=candidate.postal_code, radius="10")
    save(client, "vacancy", postal_code="49074", radius="10")

    own, other = SavedSearch.objects.order_by("pk")
    assert own.near_me and "postal_code" not in own.params
    assert not other.near_me and other.params["postal_code"] == ["49074"]


def test_saving_the_same_search_twice_leads_to_the_first_one(client, candidate):
    save(client, "course", kind="integration")
    response = save(client, "course", kind="integration", name="anders")

    [search] = SavedSearch.objects.all()
    assert response["Location"] == url("alerts:detail", pk=search.pk)


def test_a_search_with_errors_is_not_saved_and_the_reason_is_shown(client, candidate):
    response = save(client, "vacancy", radius="25", postal_code="1234x")

    assert not SavedSearch.objects.exists()
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Diese Suche enthält Fehler" in page.content.decode() or "errors" in page.content.decode()


def test_an_employer_may_not_save_a_candidates_vacancy_search_and_a_candidate_not_a_candidate_search(client):
    staff = EmployerStaffFactory()
    client.force_login(staff)
    assert save(client, "vacancy", q="Maler").status_code == 403
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    assert save(client, "candidate", german_level="A2").status_code == 403
    assert not SavedSearch.objects.exists()


def test_only_the_owner_sees_a_saved_search_and_visitors_are_sent_to_log_in(client, candidate):
    save(client, "event")
    search = SavedSearch.objects.get()
    assert client.get(url("alerts:detail", pk=search.pk)).status_code == 200

    client.force_login(CandidateProfileFactory().user)
    assert client.get(url("alerts:detail", pk=search.pk)).status_code == 404
    assert client.post(url("alerts:delete", pk=search.pk)).status_code == 404
    client.logout()
    response = client.get(url("alerts:detail", pk=search.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert SavedSearch.objects.filter(pk=search.pk).exists()


def test_new_offers_come_once_in_the_daily_digest_with_a_one_click_unsubscribe(client, candidate):
    save(client, "vacancy", name="Maler in der Nähe", q="Maler")
    search = SavedSearch.objects.get()
    # Published before the search was saved: not news.
    PublishedVacancyFactory(title="Maler alt", published_at=timezone.now() - TOMORROW)
    new = published_later(PublishedVacancyFactory, title="Maler im Neubau")

    result = match_digests_send()

    [message] = mails_to(candidate.user)
    assert result["news_digests"] == 1
    assert "Maler im Neubau" in message.body and "Maler alt" not in message.body
    assert "Maler in der Nähe" in message.body
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [notice] = Notification.objects.filter(recipient=candidate.user, kind="saved_search_news")
    assert notice.params == {"count": 1, "name": "Maler in der Nähe"}
    assert notice.link == url("alerts:detail", pk=search.pk)
    assert list(SavedSearchAlert.objects.values_list("offer_id", flat=True)) == [new.pk]

    # The same day nothing more; the next day the same offer is not news again, a newer one is.
    match_digests_send()
    match_digests_send(now=timezone.now() + TOMORROW)
    assert len(mails_to(candidate.user)) == 1
    newer = published_later(PublishedVacancyFactory, title="Maler an der Fassade")
    match_digests_send(now=timezone.now() + TOMORROW)
    assert len(mails_to(candidate.user)) == 2
    assert "Maler an der Fassade" in mails_to(candidate.user)[1].body
    assert "Maler im Neubau" not in mails_to(candidate.user)[1].body
    assert SavedSearchAlert.objects.filter(offer_id=newer.pk).exists()

    # One click (a POST without cookies, as mail programs send it) stops the news of this search.
    client.logout()
    path = urlsplit(header.strip("<>")).path
    assert client.get(path).status_code == 200
    assert SavedSearch.objects.get().alerts is True  # opening the link only asks
    assert client.post(path).status_code == 200
    assert SavedSearch.objects.get().alerts is False
    published_later(PublishedVacancyFactory, title="Maler auf dem Dach")
    match_digests_send(now=timezone.now() + 2 * TOMORROW)
    assert len(mails_to(candidate.user)) == 2


def test_new_matches_and_saved_search_news_come_in_one_email(client, candidate):
    painter = world.occupation("33302", "Maler/in")
    profile = world.candidate(occupations=[(painter, 3)], looking_for=["job"], user__preferred_language="ar")
    client.force_login(profile.user)
    save(client, "event", name="Alle Veranstaltungen")
    world.vacancy(occupation=painter, title="Maler/in Altbau")
    match_recompute_for_candidate(profile=profile)
    published_later(EventFactory, title="Jobmesse Hannover")

    match_digests_send()

    [message] = mails_to(profile.user)
    assert message.extra_headers["Content-Language"] == "ar"
    assert "Maler/in Altbau" in message.body and "Jobmesse Hannover" in message.body
    assert "Alle Veranstaltungen" in message.body
    # The header's one click stops everything this e-mail brought; each search has its own link in the body.
    assert "/alerts/" not in message.extra_headers["List-Unsubscribe"]
    assert "/saved-searches/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert message.body.count("/saved-searches/unsubscribe/") == 1
    assert set(Notification.objects.filter(recipient=profile.user).values_list("kind", flat=True)) == {
        "match_digest_candidate",
        "saved_search_news",
    }


def test_course_searches_from_the_own_place_follow_the_profile(client, candidate):
    client.get(url("courses:search"))  # the finder's first page starts from the candidate's own place
    save(client, "course", near="me", radius_km="25")
    search = SavedSearch.objects.get()
    assert search.near_me and search.params == {"near": ["me"], "radius_km": ["25"]}
    published_later(CourseFactory, title="Kurs in Hannover", postal_code="30161")
    published_later(CourseFactory, title="Kurs in München", postal_code="80331")

    match_digests_send()

    [message] = mails_to(candidate.user)
    assert "Kurs in Hannover" in message.body and "Kurs in München" not in message.body


def test_an_employer_hears_how_many_new_candidates_fit_without_learning_who(client):
    staff = EmployerStaffFactory(preferred_language="en")
    client.force_login(staff)
    response = client.get(url("employers:candidate_search", language="en"), {"german_level": "A2"})
    assert response.status_code == 200 and 'value="candidate"' in response.content.decode()
    save(client, "candidate", name="A2 and better", german_level="A2")
    newcomer = published_later(VisibleCandidateProfileFactory)
    CompleteCandidateProfileFactory()  # not visible to employers: never found

    match_digests_send()

    [message] = mails_to(staff)
    assert "A2 and better" in message.body and "1 new" in message.body
    assert newcomer.user.last_name not in message.body and newcomer.user.email not in message.body
    assert str(newcomer.public_id) not in message.body
    assert SavedSearchAlert.objects.get().offer_id == newcomer.pk


def test_saved_searches_are_in_the_data_export_and_go_with_the_account(client, candidate):
    save(client, "vacancy", name="Küche", q="Koch")

    export = candidate_data_export(user=candidate.user)

    [entry] = export["saved_searches"]
    assert entry["name"] == "Küche" and entry["alerts"] is True
    assert any("Koch" in line for line in entry["filters"])
    account_delete(user=candidate.user)
    assert not SavedSearch.objects.exists()


def test_the_owner_renames_switches_off_and_deletes_a_search(client, candidate):
    save(client, "event")
    search = SavedSearch.objects.get()

    client.post(url("alerts:rename", pk=search.pk), {"name": "  Messen  "})
    client.post(url("alerts:alerts", pk=search.pk), {})
    search.refresh_from_db()
    assert (search.name, search.alerts) == ("Messen", False)
    before = search.alerts_since
    client.post(url("alerts:alerts", pk=search.pk), {"alerts": "on"})
    search.refresh_from_db()
    assert search.alerts and search.alerts_since > before
    client.post(url("alerts:delete", pk=search.pk))
    assert not SavedSearch.objects.exists()


def test_an_event_drafted_before_the_search_was_saved_is_news_once_it_is_published(client, candidate):
    from events.services import event_publish
    from tests.factories import DraftEventFactory

    draft = DraftEventFactory(title="Jobmesse Celle")
    save(client, "event", name="Messen")

    match_digests_send()
    assert not mails_to(candidate.user)
    event_publish(event=draft, by=draft.organiser)
    match_digests_send(now=timezone.now() + TOMORROW)

    [message] = mails_to(candidate.user)
    assert "Jobmesse Celle" in message.body


def test_the_first_search_from_the_profile_is_saved_as_shown_from_home(client, candidate):
    content = client.get(url("vacancies:search")).content.decode()
    [form] = re.findall(r'<form[^>]*saved-searches/save[^>]*>.*?</form>', content, re.S)
    assert 'name="near" value="me"' in form
    assert candidate.postal_code not in form

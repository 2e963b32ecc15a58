"""Daily digests of new matches: one notice and one e-mail a day in the reader's language, never the same match
twice, a working unsubscribe link, and employers only ever hear (anonymously) about consenting candidates."""

import datetime
import re
import threading
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching.digests import match_digests_send
from matching.facts import match_targets_forget
from matching.models import Match
from matching.services import match_recompute_all, match_recompute_for_candidate
from matching.tasks import send_match_digests
from notifications.models import DigestDelivery, EmployerMatchNotice, Notification, NotificationPreference
from portal.services import contact_grant_give
from tests.conftest import skip_or_fail
from tests.factories import EmployerStaffFactory, MembershipFactory, MentorFactory
from tests.matching import world

pytestmark = pytest.mark.django_db

TOMORROW = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _offers_read_anew():
    """Workers keep offers in memory between tasks; each test starts from its own database."""
    match_targets_forget()
    yield
    match_targets_forget()


@pytest.fixture
def painter():
    return world.occupation("33302", "Maler/in")


@pytest.fixture
def varnisher():
    return world.occupation("33301", "Lackierer/in")


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def digest_notices(user):
    return list(Notification.objects.filter(recipient=user, kind__startswith="match_digest"))


def unsubscribe_path(message) -> str:
    [url] = re.findall(r"https?://\S+/notifications/unsubscribe/\S+/", message.body)
    return urlsplit(url).path


def digest_checkbox(content: str) -> str:
    [checkbox] = re.findall(r'<input[^>]*name="match_digest"[^>]*>', content)
    return checkbox


@pytest.fixture
def arabic_painter(painter, varnisher):
    """A candidate reading Arabic with two new good matches: a painting job and a varnishing job."""
    profile = world.candidate(occupations=[(painter, 3)], looking_for=["job"], user__preferred_language="ar")
    world.vacancy(occupation=painter, title="Maler/in Altbau")
    world.vacancy(occupation=varnisher, title="Lackierer/in Werkstatt")
    match_recompute_for_candidate(profile=profile)
    return profile


# --- Candidates -------------------------------------------------------------------------------------------------


def test_a_candidate_gets_one_notice_and_one_email_in_their_language_listing_both_matches(arabic_painter):
    user = arabic_painter.user

    result = match_digests_send()

    [notice] = digest_notices(user)
    assert notice.kind == "match_digest_candidate"
    assert notice.params == {"count": 2}
    assert notice.link == "/ar/matching/my-matches/"
    assert notice.emailed_at is None
    [message] = mails_to(user)
    assert message.extra_headers["Content-Language"] == "ar"
    assert "عرضان مناسبان جديدان" in message.subject  # two new matching offers
    body = message.body
    assert "Maler/in Altbau" in body and "Lackierer/in Werkstatt" in body
    assert "نفس المهنة، 3 سنوات خبرة" in body  # same occupation, 3 years of experience
    assert "مهنة قريبة" in body  # related occupation
    assert "http://127.0.0.1:8000/ar/matching/my-matches/" in body
    assert not Match.objects.filter(profile=arabic_painter, notified_at__isnull=True).exists()
    assert result["candidates"] == 1 and result["candidate_matches"] == 2


def test_the_candidates_notice_reads_in_their_language(client, arabic_painter):
    match_digests_send()
    client.force_login(arabic_painter.user)

    content = client.get("/ar/notifications/").content.decode()

    assert "لديك عرضان مناسبان جديدان." in content  # you have two new matching offers


def test_a_second_run_the_same_day_sends_nothing(arabic_painter):
    match_digests_send()

    again = match_digests_send()

    assert len(mails_to(arabic_painter.user)) == 1
    assert len(digest_notices(arabic_painter.user)) == 1
    assert again == {key: 0 for key in again}


def test_the_next_day_only_newer_matches_are_sent_never_the_same_twice(arabic_painter, painter):
    user = arabic_painter.user
    match_digests_send()
    world.vacancy(occupation=painter, title="Maler/in Neubau")
    match_recompute_for_candidate(profile=arabic_painter)

    match_digests_send()  # the same day: one digest a day, the new match waits
    assert len(mails_to(user)) == 1
    match_digests_send(now=timezone.now() + TOMORROW)
    match_digests_send(now=timezone.now() + 2 * TOMORROW)

    first, second = mails_to(user)
    assert "Maler/in Neubau" not in first.body
    assert "Maler/in Neubau" in second.body
    assert "Maler/in Altbau" not in second.body and "Lackierer/in Werkstatt" not in second.body
    assert [notice.params["count"] for notice in digest_notices(user)] == [1, 2]
    assert DigestDelivery.objects.filter(user=user).count() == 2


@pytest.fixture
def kitchen_helper():
    """A helper-level occupation: open to career changers, so a weak but real match for a painter."""
    return world.occupation("29301", "Küchenhilfe")


def test_matches_below_the_minimum_score_are_not_announced(painter, kitchen_helper):
    profile = world.candidate(occupations=[(painter, 3)], looking_for=["job"])
    world.vacancy(occupation=painter, title="Maler/in Altbau")
    world.vacancy(occupation=kitchen_helper, title="Küchenhilfe Kantine", german_level_required="B1")
    match_recompute_for_candidate(profile=profile)
    weak = Match.objects.get(profile=profile, vacancy__title="Küchenhilfe Kantine")
    assert weak.score < 60

    match_digests_send()

    [message] = mails_to(profile.user)
    assert "Maler/in Altbau" in message.body
    assert "Küchenhilfe" not in message.body
    assert digest_notices(profile.user)[0].params == {"count": 1}
    weak.refresh_from_db()
    assert weak.notified_at is None


def test_a_candidate_with_only_weak_matches_gets_nothing(kitchen_helper):
    profile = world.candidate(occupations=[], looking_for=["job"])
    world.vacancy(occupation=kitchen_helper, title="Küchenhilfe Kantine", german_level_required="B1")
    match_recompute_for_candidate(profile=profile)
    assert Match.objects.filter(profile=profile).exists()

    match_digests_send()

    assert mails_to(profile.user) == [] and digest_notices(profile.user) == []


def test_a_candidate_who_switched_digests_off_gets_nothing_until_they_switch_them_on(client, arabic_painter):
    user = arabic_painter.user
    client.force_login(user)
    client.post(reverse("notifications:preferences"), {})

    match_digests_send()

    assert mails_to(user) == [] and digest_notices(user) == []
    assert Match.objects.filter(profile=arabic_painter, notified_at__isnull=True).count() == 2
    client.post(reverse("notifications:preferences"), {"match_digest": "on"})
    match_digests_send()
    assert len(mails_to(user)) == 1


def test_inactive_accounts_get_nothing(arabic_painter):
    arabic_painter.user.is_active = False
    arabic_painter.user.save()

    match_digests_send()

    assert mail.outbox == []


def test_small_batches_reach_every_candidate_and_employer_once(vacancy_with_candidates, painter):
    employer, colleague, _job, visible, hidden = vacancy_with_candidates
    other_employer = EmployerStaffFactory()
    world.vacancy(occupation=painter, organisation=other_employer.membership.organisation)
    match_recompute_all()

    result = match_digests_send(batch_size=1)

    assert (result["candidates"], result["organisations"], result["employer_digests"]) == (2, 2, 3)
    for user in (visible.user, hidden.user, employer, colleague, other_employer):
        assert len(mails_to(user)) == 1


# --- Unsubscribing ----------------------------------------------------------------------------------------------


def test_the_unsubscribe_link_in_the_email_works_without_logging_in(arabic_painter, painter):
    match_digests_send()
    [message] = mail.outbox
    path = unsubscribe_path(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(arabic_painter.user.email) not in path
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(path)  # what a mail scanner does: nothing changes

    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert not NotificationPreference.objects.filter(user=arabic_painter.user).exists()

    done = visitor.post(path)

    assert done.status_code == 200
    assert NotificationPreference.objects.get(user=arabic_painter.user).match_digest is False
    world.vacancy(occupation=painter, title="Maler/in Neubau")
    match_recompute_for_candidate(profile=arabic_painter)
    match_digests_send(now=timezone.now() + TOMORROW)
    assert len(mail.outbox) == 1


def test_a_mail_programs_one_click_unsubscribe_works(arabic_painter):
    match_digests_send()
    path = unsubscribe_path(mail.outbox[0])

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=arabic_painter.user).match_digest is False


def test_a_forged_unsubscribe_token_is_not_found(client, arabic_painter):
    user = arabic_painter.user
    forged = [
        signing.dumps(user.pk, salt="something.else"),
        signing.dumps(user.pk, salt="notifications.unsubscribe")[:-2] + "xx",
        "MQ",
    ]

    for token in forged:
        path = reverse("notifications:unsubscribe", kwargs={"token": token})
        assert client.get(path).status_code == 404
        assert client.post(path).status_code == 404

    assert not NotificationPreference.objects.filter(user=user).exists()


# --- Settings on the notifications page ---------------------------------------------------------------------------


def test_candidates_switch_the_digest_on_and_off_on_the_notifications_page(client, arabic_painter):
    user = arabic_painter.user
    client.force_login(user)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "checked" in digest_checkbox(page)

    response = client.post(reverse("notifications:preferences"), {}, follow=True)

    content = response.content.decode()
    assert NotificationPreference.objects.get(user=user).match_digest is False
    assert "Ihre E-Mail-Einstellungen sind gespeichert." in content
    assert "checked" not in digest_checkbox(content)


def test_people_without_digests_have_no_setting(client):
    mentor = MentorFactory()
    client.force_login(mentor)

    assert 'name="match_digest"' not in client.get(reverse("notifications:list")).content.decode()
    assert client.post(reverse("notifications:preferences"), {}).status_code == 403
    assert not NotificationPreference.objects.filter(user=mentor).exists()


# --- Employers ----------------------------------------------------------------------------------------------------


@pytest.fixture
def vacancy_with_candidates(painter):
    """An employer reading English and a colleague reading Ukrainian; a visible and a hidden candidate fit."""
    employer = EmployerStaffFactory(preferred_language="en")
    organisation = employer.membership.organisation
    colleague = MembershipFactory(organisation=organisation, user__preferred_language="uk").user
    job = world.vacancy(occupation=painter, organisation=organisation, title="Maler/in Altbau")
    visible = world.candidate(occupations=[(painter, 7)], visible_to_employers=True)
    hidden = world.candidate(occupations=[(painter, 9)], visible_to_employers=False)
    match_recompute_all()
    return employer, colleague, job, visible, hidden


def test_employers_get_an_anonymous_digest_only_about_consenting_candidates(vacancy_with_candidates):
    employer, colleague, job, visible, hidden = vacancy_with_candidates

    result = match_digests_send()

    [message] = mails_to(employer)
    assert message.extra_headers["Content-Language"] == "en"
    assert message.subject == "[Brücke] New candidates for your vacancies"
    assert "“Maler/in Altbau”: 1 new candidate" in message.body
    assert f"http://127.0.0.1:8000/en/matching/vacancies/{job.pk}/candidates/" in message.body
    for secret in (visible.user.first_name, visible.user.last_name, visible.user.email, str(visible.public_id)):
        assert secret not in message.body
    [notice] = digest_notices(employer)
    assert (notice.kind, notice.params, notice.link) == (
        "match_digest_employer",
        {"count": 1, "title": "Maler/in Altbau"},
        f"/en/matching/vacancies/{job.pk}/candidates/",
    )
    [colleague_message] = mails_to(colleague)
    assert colleague_message.extra_headers["Content-Language"] == "uk"
    assert "Maler/in Altbau" in colleague_message.body
    assert EmployerMatchNotice.objects.filter(vacancy=job, profile=visible).exists()
    assert not EmployerMatchNotice.objects.filter(profile=hidden).exists()
    assert (result["organisations"], result["employer_digests"], result["employer_matches"]) == (1, 2, 1)


def test_a_hidden_candidate_is_never_announced_to_employers(vacancy_with_candidates):
    employer, _colleague, job, visible, hidden = vacancy_with_candidates
    match_digests_send()

    match_digests_send(now=timezone.now() + TOMORROW)

    assert len(mails_to(employer)) == 1
    assert not EmployerMatchNotice.objects.filter(profile=hidden).exists()


def test_a_hidden_candidate_in_contact_with_the_organisation_is_announced(vacancy_with_candidates):
    employer, _colleague, job, visible, hidden = vacancy_with_candidates
    contact_grant_give(profile=hidden, organisation=job.organisation, reason="applied")

    match_digests_send()

    [message] = mails_to(employer)
    assert "“Maler/in Altbau”: 2 new candidates" in message.body
    assert EmployerMatchNotice.objects.filter(profile=hidden, vacancy=job).exists()


def test_employers_never_hear_of_the_same_candidate_twice(vacancy_with_candidates, painter):
    employer, _colleague, job, visible, _hidden = vacancy_with_candidates
    match_digests_send()
    assert match_digests_send()["employer_digests"] == 0
    # The pair leaves the stored matches and comes back as a new row: still the same candidate for this job.
    Match.objects.filter(vacancy=job, profile=visible).delete()
    match_recompute_for_candidate(profile=visible)
    assert Match.objects.filter(vacancy=job, profile=visible, notified_at__isnull=True).exists()
    newcomer = world.candidate(occupations=[(painter, 2)], visible_to_employers=True)
    match_recompute_for_candidate(profile=newcomer)

    match_digests_send(now=timezone.now() + TOMORROW)

    first, second = mails_to(employer)
    assert "“Maler/in Altbau”: 1 new candidate" in second.body
    assert set(EmployerMatchNotice.objects.filter(vacancy=job).values_list("profile_id", flat=True)) == {
        visible.pk,
        newcomer.pk,
    }


def test_an_employer_with_several_vacancies_gets_one_digest_listing_each(vacancy_with_candidates, painter):
    employer, _colleague, job, _visible, _hidden = vacancy_with_candidates
    other = world.vacancy(occupation=painter, organisation=job.organisation, title="Maler/in Fassade")
    match_recompute_all()

    match_digests_send()

    [message] = mails_to(employer)
    assert "“Maler/in Altbau”: 1 new candidate" in message.body
    assert "“Maler/in Fassade”: 1 new candidate" in message.body
    assert f"/en/matching/vacancies/{other.pk}/candidates/" in message.body
    [notice] = digest_notices(employer)
    assert (notice.kind, notice.params, notice.link) == ("match_digest_employer_many", {"count": 2}, "/en/employer/")


def test_staff_who_switched_digests_off_get_nothing_while_colleagues_do(client, vacancy_with_candidates):
    employer, colleague, _job, _visible, _hidden = vacancy_with_candidates
    client.force_login(employer)
    client.post(reverse("notifications:preferences"), {})

    match_digests_send()

    assert mails_to(employer) == [] and digest_notices(employer) == []
    assert len(mails_to(colleague)) == 1


def test_an_organisation_nobody_can_be_told_about_keeps_its_news(client, vacancy_with_candidates):
    employer, colleague, job, visible, _hidden = vacancy_with_candidates
    colleague.is_active = False
    colleague.save()
    client.force_login(employer)
    client.post(reverse("notifications:preferences"), {})

    match_digests_send()

    assert not EmployerMatchNotice.objects.exists()
    client.post(reverse("notifications:preferences"), {"match_digest": "on"})
    match_digests_send(now=timezone.now() + TOMORROW)
    assert len(mails_to(employer)) == 1
    assert EmployerMatchNotice.objects.filter(vacancy=job, profile=visible).exists()


# --- The scheduled task -------------------------------------------------------------------------------------------


def test_the_daily_task_sends_the_digests(arabic_painter, settings):
    assert settings.CELERY_BEAT_SCHEDULE["send-match-digests"]["task"] == "matching.tasks.send_match_digests"

    result = send_match_digests.delay().get()

    assert result["candidates"] == 1
    assert len(mails_to(arabic_painter.user)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_digest_once(painter):
    if connection.vendor != "postgresql":
        skip_or_fail("The concurrent digest test needs PostgreSQL (row locks); set DATABASE_URL.")
    employer = EmployerStaffFactory()
    world.vacancy(occupation=painter, organisation=employer.membership.organisation)
    candidates = [world.candidate(occupations=[(painter, years)]) for years in (1, 4, 8)]
    match_recompute_all()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(match_digests_send())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sum(result["failed"] for result in results) == 0
    assert sum(result["candidates"] for result in results) == 3
    assert sum(result["employer_digests"] for result in results) == 1
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [employer.email, *(profile.user.email for profile in candidates)]
    )

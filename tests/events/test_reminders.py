"""The reminder the day before: everyone with a place, in their own language, never twice."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from events.models import EventRegistration, EventStatus, RegistrationStatus
from events.services import event_registration_cancel, event_reminders_send
from events.tasks import send_event_reminders
from notifications.models import Notification
from tests.conftest import skip_or_fail
from tests.factories import (
    CandidateFactory,
    EventFactory,
    EventRegistrationFactory,
    MentorFactory,
    OnlineEventFactory,
)

pytestmark = pytest.mark.django_db


def local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def languages_by_recipient() -> dict[str, str]:
    return {message.to[0]: message.extra_headers["Content-Language"] for message in mail.outbox}


def test_everyone_with_a_place_gets_one_reminder_in_their_language_even_when_run_twice():
    event = EventFactory(title="Infoabend Patenschaft", starts_at=local(1, 18), ends_at=local(1, 20))
    people = [CandidateFactory(preferred_language="fa"), MentorFactory(preferred_language="de")]
    people.append(CandidateFactory(preferred_language="uk"))
    for person in people:
        EventRegistrationFactory(event=event, user=person)

    first = event_reminders_send(now=local(0, 9))
    second = event_reminders_send(now=local(0, 10))

    assert (first, second) == (3, 0)
    assert languages_by_recipient() == {people[0].email: "fa", people[1].email: "de", people[2].email: "uk"}
    assert len(mail.outbox) == 3
    assert all("Infoabend Patenschaft" in message.subject for message in mail.outbox)
    assert EventRegistration.objects.filter(reminder_sent_at__isnull=True).count() == 0


def test_the_reminder_links_the_event_and_the_calendar_file_in_the_persons_language():
    event = EventFactory(starts_at=local(1, 10), ends_at=local(1, 12))
    EventRegistrationFactory(event=event, user=CandidateFactory(preferred_language="ar"))

    event_reminders_send(now=local(0, 9))

    body = mail.outbox[0].body
    assert f"/ar/events/{event.pk}/" in body
    assert f"/ar/events/{event.pk}/calendar.ics" in body
    assert Notification.objects.get(kind="event_reminder").emailed_at is None  # the notice only in the portal


def test_the_reminder_of_an_online_event_carries_the_meeting_link():
    event = OnlineEventFactory(starts_at=local(1, 17), ends_at=local(1, 18))
    EventRegistrationFactory(event=event)

    event_reminders_send(now=local(0, 9))

    assert event.online_url in mail.outbox[0].body


def test_nobody_waiting_cancelled_or_at_another_day_or_a_cancelled_event_is_reminded():
    tomorrow = EventFactory(starts_at=local(1, 10), ends_at=local(1, 12))
    EventRegistrationFactory(event=tomorrow, status=RegistrationStatus.WAITING)
    EventRegistrationFactory(event=tomorrow, status=RegistrationStatus.CANCELLED)
    EventRegistrationFactory(event=EventFactory(starts_at=local(2, 10), ends_at=local(2, 12)))
    EventRegistrationFactory(event=EventFactory(starts_at=local(0, 20), ends_at=local(0, 22)))
    cancelled = EventFactory(starts_at=local(1, 10), ends_at=local(1, 12), status=EventStatus.CANCELLED)
    EventRegistrationFactory(event=cancelled)

    assert event_reminders_send(now=local(0, 9)) == 0
    assert mail.outbox == []


def test_someone_who_moves_up_later_in_the_day_is_reminded_by_the_next_run():
    event = EventFactory(capacity=1, starts_at=local(1, 10), ends_at=local(1, 12))
    holder = EventRegistrationFactory(event=event)
    waiting = EventRegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    event_reminders_send(now=local(0, 9))

    event_registration_cancel(registration=holder, now=local(0, 11))
    event_reminders_send(now=local(0, 12))

    assert [message.to[0] for message in mail.outbox] == [holder.user.email, waiting.user.email]


def test_an_event_just_after_midnight_counts_as_tomorrow():
    event = EventFactory(starts_at=local(1, 0, 30), ends_at=local(1, 2))
    EventRegistrationFactory(event=event)

    assert event_reminders_send(now=local(0, 23, 30)) == 1


def test_the_hourly_task_sends_the_reminders():
    event = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=1), ends_at=local(3, 12))
    registration = EventRegistrationFactory(event=event)

    assert send_event_reminders.delay().get() == 1

    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None
    assert mail.outbox[0].to == [registration.user.email]


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_reminder_once():
    if connection.vendor != "postgresql":
        skip_or_fail("The concurrent reminder test needs PostgreSQL (row locks); set DATABASE_URL.")
    event = EventFactory(starts_at=local(1, 10), ends_at=local(1, 12))
    registrations = [EventRegistrationFactory(event=event) for _ in range(5)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(event_reminders_send(now=local(0, 9)))
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
    assert sum(results) == 5
    assert sorted(message.to[0] for message in mail.outbox) == sorted(r.user.email for r in registrations)

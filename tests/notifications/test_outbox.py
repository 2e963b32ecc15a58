"""The e-mail outbox: each message is sent once, whatever runs it again."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import OutboxEmail
from notifications.outbox import KEEP_SENT_FOR, LEFT_BEHIND_AFTER, outbox_email_deliver, outbox_flush
from notifications.services import notification_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def waiting_email(**fields) -> OutboxEmail:
    values = {"to": ["someone@example.org"], "from_email": "portal@example.org", "subject": "Hello", "body": "Text"}
    values.update(fields)
    return OutboxEmail.objects.create(**values)


def test_a_notification_email_goes_through_the_outbox_and_is_marked_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(recipient=UserFactory(email="reader@example.org"), kind="welcome", params={})

    [message] = mail.outbox
    outbox = OutboxEmail.objects.get()
    assert message.to == ["reader@example.org"]
    assert outbox.sent_at is not None
    assert message.extra_headers["Message-ID"].startswith(f"<outbox-{outbox.pk}.")


def test_delivering_the_same_email_twice_sends_it_once():
    outbox = waiting_email()

    assert outbox_email_deliver(outbox_id=outbox.pk) is True
    assert outbox_email_deliver(outbox_id=outbox.pk) is False

    assert len(mail.outbox) == 1


def test_the_flush_sends_emails_left_behind_but_not_fresh_ones():
    left_behind = waiting_email(subject="Old")
    fresh = waiting_email(subject="New")
    OutboxEmail.objects.filter(pk=left_behind.pk).update(
        created_at=timezone.now() - LEFT_BEHIND_AFTER - datetime.timedelta(minutes=1)
    )

    result = outbox_flush()

    assert result["sent"] == 1
    assert [message.subject for message in mail.outbox] == ["Old"]
    fresh.refresh_from_db()
    assert fresh.sent_at is None


def test_the_flush_forgets_sent_emails_after_a_while():
    old = waiting_email(sent_at=timezone.now() - KEEP_SENT_FOR - datetime.timedelta(days=1))
    recent = waiting_email(sent_at=timezone.now())

    assert outbox_flush()["purged"] == 1

    assert not OutboxEmail.objects.filter(pk=old.pk).exists()
    assert OutboxEmail.objects.filter(pk=recent.pk).exists()

"""The e-mail outbox: every e-mail of the portal is queued here and sent exactly once, even across redelivery.

A message goes out in two steps. `outbox_email_queue` stores it in the caller's transaction (so a rolled-back
action sends nothing, and a committed one always sends) and asks a worker to deliver it after the commit.
`outbox_email_deliver` claims the row with a lock that other workers skip, sends and marks it sent in one
transaction. A task redelivered after its worker died finds the row sent (or locked by the first attempt) and
sends nothing. Only a crash in the instant between SMTP accepting the message and the commit can repeat it; the
message then carries the same Message-ID, so mail servers and clients can recognise the copy.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)

# Rows older than this that are still unsent were left behind (a lost task, a broker outage): the flush sends them.
LEFT_BEHIND_AFTER = datetime.timedelta(minutes=5)
# Sent messages hold addresses and texts; they are kept only as long as it takes to answer a question about them.
KEEP_SENT_FOR = datetime.timedelta(days=14)
FLUSH_BATCH = 200


def outbox_email_queue(*, message: EmailMessage) -> OutboxEmail:
    """Store the message and have it delivered once the current transaction commits.

    The outbox keeps one list of recipients: a copy or a hidden copy would be shown to everyone when the message
    is rebuilt, and attachments would be lost, so such messages are refused rather than changed silently.
    """
    from .tasks import deliver_email

    if message.cc or message.bcc or message.attachments:
        raise ValueError("The outbox sends to the To recipients only, without attachments.")

    html = ""
    for content, mimetype in getattr(message, "alternatives", None) or []:
        if mimetype == "text/html":
            html = content
    outbox = OutboxEmail.objects.create(
        to=list(message.to),
        reply_to=list(message.reply_to),
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        subject=message.subject,
        body=message.body,
        html_body=html,
        headers=dict(message.extra_headers),
    )
    if deliver_email.app.conf.task_always_eager:
        # Embedded (no worker): deliver in-process at once, as a plain send would.
        outbox_email_deliver(outbox_id=outbox.pk)
    else:
        transaction.on_commit(lambda: deliver_email.delay(outbox.pk))
    return outbox


def _message_id(outbox: OutboxEmail) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "bruecke.example"
    return f"<outbox-{outbox.pk}.{int(outbox.created_at.timestamp())}@{domain}>"


def _as_message(outbox: OutboxEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=outbox.subject,
        body=outbox.body,
        from_email=outbox.from_email,
        to=outbox.to,
        reply_to=outbox.reply_to or None,
        headers={**outbox.headers, "Message-ID": _message_id(outbox)},
    )
    if outbox.html_body:
        message.attach_alternative(outbox.html_body, "text/html")
    return message


def outbox_email_deliver(*, outbox_id: int) -> bool:
    """Send one queued e-mail unless it was sent already or another worker is sending it; True when sent here."""
    with transaction.atomic():
        outbox = OutboxEmail.objects.select_for_update(skip_locked=True).unsent().filter(pk=outbox_id).first()
        if outbox is None:
            return False
        # An SMTP error raises and rolls back: the row stays unsent for the retry or the flush.
        _as_message(outbox).send()
        outbox.sent_at = timezone.now()
        outbox.save(update_fields=["sent_at"])
    return True


def outbox_flush(*, now: datetime.datetime | None = None) -> dict:
    """Send what was left behind and forget old sent messages; returns counts."""
    now = now or timezone.now()
    left_behind = list(
        OutboxEmail.objects.unsent()
        .filter(created_at__lt=now - LEFT_BEHIND_AFTER)
        .order_by("created_at")
        .values_list("pk", flat=True)[:FLUSH_BATCH]
    )
    sent = failed = 0
    for outbox_id in left_behind:
        try:
            sent += outbox_email_deliver(outbox_id=outbox_id)
        except Exception:
            logger.exception("Outbox e-mail %s could not be sent", outbox_id)
            failed += 1
    purged, _ = OutboxEmail.objects.filter(sent_at__lt=now - KEEP_SENT_FOR).delete()
    return {"sent": sent, "failed": failed, "purged": purged}

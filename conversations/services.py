"""Writes of conversations: send a message (with the candidate's own documents), share contact details, mark a
thread read, report it to the coordinators, and tell the other side (a notice, at most one e-mail an hour)."""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from documents.models import Document
from documents.services import document_share
from mentoring.selectors import coordinators_for_postal_code
from notifications.services import notification_create

from .models import MESSAGE_MAX_LENGTH, Conversation, Message, MessageKind, Participant, Report
from .selectors import Thread, thread_recipients

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 3
# A person sends at most this many messages in this time, whatever the thread: enough to talk, too few to spam.
RATE_LIMIT_MESSAGES = 10
RATE_LIMIT_WINDOW = datetime.timedelta(minutes=10)
EMAIL_INTERVAL = datetime.timedelta(hours=1)
REPORT_MAX_LENGTH = Report._meta.get_field("reason").max_length
REPORT_INTERVAL = datetime.timedelta(days=1)


def _conversation_ensure(thread: Thread) -> Conversation:
    if thread.conversation is None:
        field = "application" if thread.is_application else "mentorship"
        thread.conversation, _created = Conversation.objects.get_or_create(**{field: thread.subject})
    return thread.conversation


def _participant(conversation: Conversation, user: User) -> Participant:
    participant, _created = Participant.objects.get_or_create(conversation=conversation, user=user)
    return participant


@transaction.atomic
def message_send(
    *, thread: Thread, author: User, body: str, documents: list[Document] = (), kind: str = MessageKind.TEXT
) -> Message:
    """A plain-text message from one side to the other; the other side is told after the commit."""
    if not thread.may_write:
        raise PermissionDenied
    body = (body or "").strip()
    documents = list(documents)
    errors = {}
    if not body:
        errors["body"] = [_("Please write a message.")]
    elif len(body) > MESSAGE_MAX_LENGTH:
        errors["body"] = [_("Please write at most %(count)s characters.") % {"count": MESSAGE_MAX_LENGTH}]
    if documents and not thread.may_attach:
        errors["documents"] = [_("Only the candidate can attach documents.")]
    elif any(document.owner_id != author.pk for document in documents):
        errors["documents"] = [_("You can only attach your own documents.")]
    elif len(documents) > MAX_ATTACHMENTS:
        errors["documents"] = [_("Please attach at most %(count)s documents.") % {"count": MAX_ATTACHMENTS}]
    if errors:
        raise ValidationError(errors)
    # The author's row serialises two sends at once, so the limit cannot be passed by sending in parallel.
    User.objects.select_for_update().filter(pk=author.pk).first()
    recent = Message.objects.filter(author=author, created_at__gte=timezone.now() - RATE_LIMIT_WINDOW).count()
    if recent >= RATE_LIMIT_MESSAGES:
        raise ValidationError(_("You are sending many messages in a short time. Please wait a few minutes."))
    conversation = _conversation_ensure(thread)
    message = Message.objects.create(conversation=conversation, author=author, body=body, kind=kind)
    if documents:
        message.documents.set(documents)
        for document in documents:
            document_share(document=document, organisation=thread.subject.vacancy.organisation)
    participant = _participant(conversation, author)
    participant.read_at = message.created_at
    participant.save(update_fields=["read_at"])
    from .tasks import notify_conversation_message

    transaction.on_commit(lambda: notify_conversation_message.delay(message.pk))
    logger.info("message sent id=%s conversation=%s", message.pk, conversation.pk)
    return message


def conversation_contact_share(*, thread: Thread, user: User) -> Message:
    """The candidate gives the other side their e-mail address, as a message of its own."""
    if not thread.may_share_contact or user.pk != thread.candidate.pk:
        raise PermissionDenied
    return message_send(thread=thread, author=user, body=user.email, kind=MessageKind.CONTACT)


def conversation_mark_read(*, thread: Thread, user: User) -> None:
    if thread.conversation is None or thread.role == "coordinator":
        return
    participant = _participant(thread.conversation, user)
    participant.read_at = timezone.now()
    participant.save(update_fields=["read_at"])


def _notice(recipient: User, thread: Thread, *, kind_for_application: str, email: bool) -> None:
    if thread.is_application:
        notification_create(
            recipient=recipient,
            kind=kind_for_application,
            params={"title": thread.title},
            url_name="conversations:application",
            url_kwargs={"pk": thread.subject.pk},
            email=email,
        )
    else:
        notification_create(
            recipient=recipient,
            kind=f"{kind_for_application}_mentorship",
            params={},
            url_name="conversations:mentorship",
            url_kwargs={"pk": thread.subject.pk},
            email=email,
        )


@transaction.atomic
def conversation_message_notify(*, message: Message, thread: Thread) -> int:
    """Tell the other side of a new message: a notice unless an unread one is waiting, and an e-mail (in the
    recipient's language, by the notifications service) at most once an hour per thread. Returns e-mails sent."""
    emailed = 0
    for recipient in thread_recipients(thread=thread, author=message.author):
        participant = _participant(message.conversation, recipient)
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        if participant.read_at and participant.read_at >= message.created_at:
            continue
        notice_waiting = participant.notified_at is not None and (
            participant.read_at is None or participant.read_at < participant.notified_at
        )
        email_due = participant.emailed_at is None or message.created_at - participant.emailed_at >= EMAIL_INTERVAL
        if notice_waiting and not email_due:
            continue
        _notice(recipient, thread, kind_for_application="conversation_message", email=email_due)
        participant.notified_at = message.created_at
        fields = ["notified_at"]
        if email_due:
            participant.emailed_at = message.created_at
            fields.append("emailed_at")
            emailed += 1
        participant.save(update_fields=fields)
    return emailed


@transaction.atomic
def conversation_report(*, thread: Thread, reporter: User, reason: str) -> Report:
    """Ask the coordinators of the candidate's region (the admins where nobody coordinates) to read the thread."""
    if not thread.may_report:
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Please tell the coordinators what happened.")]})
    if len(reason) > REPORT_MAX_LENGTH:
        raise ValidationError(
            {"reason": [_("Please write at most %(count)s characters.") % {"count": REPORT_MAX_LENGTH}]}
        )
    # One report a day per person and conversation: enough to be heard, not enough to flood the coordinators.
    if Report.objects.filter(
        conversation=thread.conversation, reporter=reporter, created_at__gte=timezone.now() - REPORT_INTERVAL
    ).exists():
        raise ValidationError(_("You have already reported this conversation today. The coordinators will read it."))
    report = Report.objects.create(conversation=thread.conversation, reporter=reporter, reason=reason)
    readers = list(coordinators_for_postal_code(postal_code=thread.subject.profile.postal_code))
    if not readers:
        readers = list(User.objects.filter(role=Role.ADMIN, is_active=True))
    for reader in readers:
        _notice(reader, thread, kind_for_application="conversation_reported", email=True)
    logger.info("conversation reported id=%s report=%s", thread.conversation.pk, report.pk)
    return report

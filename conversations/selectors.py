"""Who may read and write which conversation, and what they see of it.

A thread is the application's (the candidate and the organisation's staff) or the mentorship's (the candidate
and the mentor). Coordinators of the candidate's region read mentorship threads, and application threads only
once someone reported them; they never write. Everybody else finds nothing (the views answer 404).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role, User
from applications.models import Application, ApplicationStatus
from mentoring.models import Mentorship, MentorshipStatus
from mentoring.selectors import (
    ROLE_CANDIDATE,
    ROLE_COORDINATOR,
    ROLE_MENTOR,
    mentorship_role_of,
    user_coordinates_postal_code,
)

from .models import Conversation, Message, MessageKind, Participant, Report

CANDIDATE, STAFF, MENTOR, COORDINATOR = "candidate", "staff", "mentor", "coordinator"
# Threads stay readable, but nobody writes into an application that ended this way.
CLOSED_APPLICATION_STATUSES = (ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)
# A mentorship thread opens once both sides said yes (before that they do not know each other's names).
OPEN_MENTORSHIP_STATUSES = (MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED)


@dataclass
class Thread:
    """A conversation's subject and what the reader may do in it (the conversation row may not exist yet)."""

    subject: Application | Mentorship
    conversation: Conversation | None
    role: str
    may_write: bool

    @property
    def is_application(self) -> bool:
        return isinstance(self.subject, Application)

    @property
    def candidate(self) -> User:
        return self.subject.profile.user

    @property
    def title(self) -> str:
        """Application threads are about the offer; mentorship threads have no title of their own."""
        return self.subject.vacancy.title if self.is_application else ""

    @property
    def url(self) -> str:
        name = "conversations:application" if self.is_application else "conversations:mentorship"
        return reverse(name, kwargs={"pk": self.subject.pk})

    @property
    def may_attach(self) -> bool:
        # Documents can only be shared with organisations, so only the candidate of an application attaches.
        return self.may_write and self.role == CANDIDATE and self.is_application

    @property
    def may_share_contact(self) -> bool:
        return self.may_write and self.role == CANDIDATE

    @property
    def may_report(self) -> bool:
        return self.role != COORDINATOR and self.conversation is not None


def _is_staff_of(user: User, organisation_id: int) -> bool:
    membership = getattr(user, "membership", None)
    return user.role == Role.EMPLOYER and membership is not None and membership.organisation_id == organisation_id


def _reported(conversation: Conversation | None) -> bool:
    return conversation is not None and Report.objects.filter(conversation=conversation).exists()


def _conversation_of(**subject) -> Conversation | None:
    return Conversation.objects.filter(**subject).first()


def thread_for_application(*, user: User, pk: int) -> Thread | None:
    if not user.is_authenticated or not user.is_active:
        return None
    application = Application.objects.select_related("vacancy__organisation", "profile__user").filter(pk=pk).first()
    if application is None:
        return None
    conversation = _conversation_of(application=application)
    open_ = application.status not in CLOSED_APPLICATION_STATUSES and application.profile.user.is_active
    if user.role == Role.CANDIDATE and application.profile.user_id == user.pk:
        return Thread(application, conversation, CANDIDATE, open_)
    if _is_staff_of(user, application.vacancy.organisation_id):
        return Thread(application, conversation, STAFF, open_)
    if (
        user.role in (Role.COORDINATOR, Role.ADMIN)
        and _reported(conversation)
        and user_coordinates_postal_code(user=user, postal_code=application.profile.postal_code)
    ):
        return Thread(application, conversation, COORDINATOR, False)
    return None


def thread_for_mentorship(*, user: User, pk: int) -> Thread | None:
    if not user.is_authenticated or not user.is_active:
        return None
    mentorship = Mentorship.objects.select_related("mentor__user", "profile__user").filter(pk=pk).first()
    if mentorship is None:
        return None
    role = mentorship_role_of(user=user, mentorship=mentorship)
    if role is None:
        return None
    conversation = _conversation_of(mentorship=mentorship)
    if role == ROLE_COORDINATOR:
        return Thread(mentorship, conversation, COORDINATOR, False)
    if role not in (ROLE_CANDIDATE, ROLE_MENTOR):
        return None
    # Before both said yes the thread is closed: neither side knows the other yet.
    if mentorship.status not in OPEN_MENTORSHIP_STATUSES and conversation is None:
        return None
    may_write = mentorship.status in OPEN_MENTORSHIP_STATUSES
    return Thread(mentorship, conversation, CANDIDATE if role == ROLE_CANDIDATE else MENTOR, may_write)


def thread_for_conversation(*, user: User, pk: int) -> Thread | None:
    conversation = Conversation.objects.filter(pk=pk).first()
    if conversation is None:
        return None
    if conversation.application_id:
        return thread_for_application(user=user, pk=conversation.application_id)
    return thread_for_mentorship(user=user, pk=conversation.mentorship_id)


def thread_recipients(*, thread: Thread, author: User) -> list[User]:
    """Who hears of a new message: the other side (every active staff member of the organisation)."""
    if thread.is_application:
        people = [thread.candidate] + list(
            User.objects.filter(
                role=Role.EMPLOYER, is_active=True, membership__organisation_id=thread.subject.vacancy.organisation_id
            ).order_by("pk")
        )
    else:
        people = [thread.candidate, thread.subject.mentor.user]
    return [person for person in people if person.pk != author.pk and person.is_active]


def thread_author_label(*, thread: Thread, author: User, reader: User) -> str:
    """How an author appears to the reader: a first name and a side, never an e-mail address or phone."""
    if author.pk == reader.pk:
        return _("You")
    name = author.first_name or _("someone")
    if author.pk == thread.candidate.pk:
        return name
    if thread.is_application:
        return _("%(name)s (%(organisation)s)") % {
            "name": name,
            "organisation": thread.subject.vacancy.organisation.name,
        }
    if author.pk == thread.subject.mentor.user_id:
        return _("%(name)s (mentor)") % {"name": name}
    return name


def thread_messages(*, thread: Thread) -> QuerySet[Message]:
    if thread.conversation is None:
        return Message.objects.none()
    return (
        Message.objects.filter(conversation=thread.conversation)
        .select_related("author")
        .prefetch_related("documents")
        .order_by("created_at", "pk")
    )


def thread_unread_count(*, conversation: Conversation | None, user: User) -> int:
    """Messages of others the person has not read (all of them if they never opened the thread)."""
    if conversation is None:
        return 0
    read_at = Participant.objects.filter(conversation=conversation, user=user).values_list("read_at", flat=True).first()
    messages = Message.objects.filter(conversation=conversation).exclude(author=user)
    if read_at:
        messages = messages.filter(created_at__gt=read_at)
    return messages.count()


def conversation_list_for(*, user: User) -> list[dict]:
    """The threads the person writes in, newest message first, with their unread counts."""
    if user.role == Role.CANDIDATE:
        scope = Q(application__profile__user=user) | Q(mentorship__profile__user=user)
    elif user.role == Role.EMPLOYER and getattr(user, "membership", None) is not None:
        scope = Q(application__vacancy__organisation_id=user.membership.organisation_id)
    elif user.role == Role.MENTOR:
        scope = Q(mentorship__mentor__user=user)
    else:
        return []
    conversations = (
        Conversation.objects.filter(scope)
        .annotate(last_message_at=Max("messages__created_at"))
        .filter(last_message_at__isnull=False)
        .select_related("application__vacancy__organisation", "mentorship")
        .order_by("-last_message_at", "-pk")
    )
    entries = []
    for conversation in conversations:
        subject = conversation.application or conversation.mentorship
        thread = Thread(subject, conversation, "", False)
        entries.append(
            {
                "url": thread.url,
                "title": thread.title,
                "is_application": thread.is_application,
                "last_message_at": conversation.last_message_at,
                "unread": thread_unread_count(conversation=conversation, user=user),
            }
        )
    return entries


def reported_conversations_for(*, user: User) -> list[dict]:
    """For coordinators and admins: reported threads of candidates in their region."""
    if user.role not in (Role.COORDINATOR, Role.ADMIN):
        return []
    conversations = (
        Conversation.objects.filter(Exists(Report.objects.filter(conversation=OuterRef("pk"))))
        .select_related("application__vacancy", "application__profile", "mentorship__profile")
        .annotate(reported_at=Max("reports__created_at"))
        .order_by("-reported_at")
    )
    entries = []
    for conversation in conversations:
        subject = conversation.application or conversation.mentorship
        if not user_coordinates_postal_code(user=user, postal_code=subject.profile.postal_code):
            continue
        thread = Thread(subject, conversation, COORDINATOR, False)
        entries.append(
            {
                "url": thread.url,
                "title": thread.title,
                "is_application": thread.is_application,
                "last_message_at": conversation.reported_at,
                "unread": 0,
            }
        )
    return entries


def conversation_export_for(user: User) -> list[dict]:
    """For the data export: the person's threads with every message, authors named by their side only."""
    conversations = Conversation.objects.filter(
        Q(application__profile__user=user) | Q(mentorship__profile__user=user) | Q(messages__author=user)
    ).distinct()
    data = []
    for conversation in conversations.select_related("application__vacancy", "mentorship"):
        messages = conversation.messages.select_related("author").prefetch_related("documents")
        data.append(
            {
                "about": conversation.application.vacancy.title if conversation.application_id else _("Mentorship"),
                "messages": [
                    {
                        "from": _("You") if message.author_id == user.pk else _("The other side"),
                        "kind": {"code": message.kind, "label": str(MessageKind(message.kind).label)},
                        "text": message.body,
                        "documents": [document.title for document in message.documents.all()],
                        "sent": message.created_at,
                    }
                    for message in messages
                ],
                "reports": [
                    {"reason": report.reason, "reported": report.created_at}
                    for report in conversation.reports.filter(reporter=user)
                ],
            }
        )
    return data

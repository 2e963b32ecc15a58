"""Conversations: one thread per application (the candidate and the organisation's staff) and one per mentorship
(the candidate and the mentor; the region's coordinators may read it). Plain text, attachments only from the
candidate's own documents, and nobody's contact details unless the candidate shares them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000


class Conversation(models.Model):
    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
        verbose_name=_("application"),
    )
    mentorship = models.OneToOneField(
        "mentoring.Mentorship",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
        verbose_name=_("mentorship"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(application__isnull=False, mentorship__isnull=True)
                | models.Q(application__isnull=True, mentorship__isnull=False),
                name="conversation_has_one_subject",
            )
        ]

    def __str__(self):
        return f"conversation {self.pk}"


class MessageKind(models.TextChoices):
    TEXT = "text", _("Message")
    CONTACT = "contact", _("Contact details shared")


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages", verbose_name=_("conversation")
    )
    # What a person wrote goes with their account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices, default=MessageKind.TEXT)
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="+", verbose_name=_("attached documents")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["author", "created_at"], name="message_author_sent")]

    def __str__(self):
        return f"message {self.pk}"


class Participant(models.Model):
    """One person's state in a conversation: what they read, and when they were last told of new messages."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants", verbose_name=_("conversation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["conversation", "user"], name="participant_once")]

    def __str__(self):
        return f"{self.user_id} in {self.conversation_id}"


class Report(models.Model):
    """Someone asked the coordinators to look at a conversation (which lets them read it)."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="reports", verbose_name=_("conversation")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("reported by")
    )
    reason = models.TextField(_("what happened"), max_length=1000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"report {self.pk}"

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def unsent(self):
        return self.filter(emailed_at__isnull=True)


class Notification(models.Model):
    """A notice for one person; its text is rendered from `kind` and `params` in the reader's language."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=40)
    # Only what the text needs (titles, status values); never contact details of the other side.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True, help_text=_("A path inside the portal."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"


class NotificationPreference(models.Model):
    """What a person wants to be e-mailed about; without a row, everything is on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    match_digest = models.BooleanField(
        _("digest of new matches"),
        default=True,
        help_text=_("A notice and an e-mail about new matches, at most once a day."),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"{self.user_id}: match_digest={self.match_digest}"


class DigestDelivery(models.Model):
    """A person received their digest of new matches on this day: the unique row makes it at most one a day,
    even when two runs overlap."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries", verbose_name=_("user")
    )
    sent_on = models.DateField(_("sent on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="digest_once_a_day")]

    def __str__(self):
        return f"{self.user_id} {self.sent_on}"


class EmployerMatchNotice(models.Model):
    """An organisation was told (anonymously) that this candidate fits this vacancy, so it is never told again.

    Keyed by the pair rather than by the Match row: the nightly recomputation deletes the row of a pair that
    drops out of the best matches and inserts a new one when it comes back, which would otherwise be announced
    a second time; and a foreign key to Match would make those bulk deletes load every row to cascade.
    """

    organisation = models.ForeignKey(
        "employers.Organisation",
        on_delete=models.CASCADE,
        related_name="match_notices",
        verbose_name=_("organisation"),
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.CASCADE, related_name="match_notices", verbose_name=_("vacancy")
    )
    profile = models.ForeignKey(
        "portal.CandidateProfile", on_delete=models.CASCADE, related_name="+", verbose_name=_("candidate")
    )
    notified_at = models.DateTimeField(_("notified"))

    class Meta:
        verbose_name = _("match announced to an employer")
        verbose_name_plural = _("matches announced to employers")
        constraints = [models.UniqueConstraint(fields=["vacancy", "profile"], name="employer_match_notice_once")]

    def __str__(self):
        return f"{self.vacancy_id} ← {self.profile_id}"


class OutboxEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)


class OutboxEmail(models.Model):
    """One e-mail to send, written in the same transaction as whatever caused it.

    A worker claims the row (row lock, skipping rows another worker holds), hands the message to SMTP and marks
    it sent before it commits, so a redelivered or repeated task finds it sent and sends nothing again.
    """

    to = models.JSONField(_("recipients"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    from_email = models.CharField(_("sender"), max_length=254)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail in the outbox")
        verbose_name_plural = _("e-mails in the outbox")
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="outbox_email_unsent")
        ]

    def __str__(self):
        return f"e-mail {self.pk} ({'sent' if self.sent_at else 'waiting'})"

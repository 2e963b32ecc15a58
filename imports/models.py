"""Accounts a coordinator brought in from a partner's spreadsheet wait for their owner to set a password."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import INVITATION_VALID_FOR


class AccountInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, created_at__gte=timezone.now() - INVITATION_VALID_FOR)

    def unsent(self):
        return self.filter(sent_at__isnull=True)


class AccountInvitation(models.Model):
    """The e-mail that lets an imported candidate or mentor set a password, sent once, used once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_invitation", verbose_name=_("user")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = AccountInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("account invitation")
        verbose_name_plural = _("account invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"invitation {self.pk}"

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALID_FOR

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """An employer, a course provider, or both (a company with its own training centre)."""

    name = models.CharField(_("name"), max_length=200)
    is_employer = models.BooleanField(_("employs people"), default=True)
    is_course_provider = models.BooleanField(_("offers courses"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_employer=True) | models.Q(is_course_provider=True),
                name="organisation_employs_or_teaches",
            )
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A staff account belonging to an organisation; organisation admins manage colleagues."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user")
    )
    is_admin = models.BooleanField(_("organisation admin"), default=False)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.organisation} / {self.user_id}"

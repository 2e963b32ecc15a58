from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationKind(models.TextChoices):
    APPLICATION = "application", _("Application")
    INTEREST = "interest", _("Expression of interest")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SEEN = "seen", _("Seen by the employer")
    INVITED = "invited", _("Invited")
    AGREED = "agreed", _("Trial or internship agreed")
    HIRED = "hired", _("Hired")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Which status may follow which, and who may make the step. Hired, declined and withdrawn are final.
EMPLOYER_TRANSITIONS = {
    ApplicationStatus.SUBMITTED: (ApplicationStatus.SEEN, ApplicationStatus.INVITED, ApplicationStatus.DECLINED),
    ApplicationStatus.SEEN: (ApplicationStatus.INVITED, ApplicationStatus.DECLINED),
    ApplicationStatus.INVITED: (ApplicationStatus.AGREED, ApplicationStatus.HIRED, ApplicationStatus.DECLINED),
    ApplicationStatus.AGREED: (ApplicationStatus.HIRED, ApplicationStatus.DECLINED),
}
CANDIDATE_TRANSITIONS = {
    status: (ApplicationStatus.WITHDRAWN,)
    for status in (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.SEEN,
        ApplicationStatus.INVITED,
        ApplicationStatus.AGREED,
    )
}
FINAL_STATUSES = (ApplicationStatus.HIRED, ApplicationStatus.DECLINED, ApplicationStatus.WITHDRAWN)


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=FINAL_STATUSES)

    def submitted(self):
        return self.filter(status=ApplicationStatus.SUBMITTED)

    def invited(self):
        return self.filter(status=ApplicationStatus.INVITED)

    def hired(self):
        return self.filter(status=ApplicationStatus.HIRED)


class Application(models.Model):
    profile = models.ForeignKey(
        "portal.CandidateProfile", on_delete=models.CASCADE, related_name="applications", verbose_name=_("candidate")
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", on_delete=models.CASCADE, related_name="applications", verbose_name=_("vacancy")
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=ApplicationKind.choices, default=ApplicationKind.APPLICATION
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="applications", verbose_name=_("shared documents")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "vacancy"], name="application_once_per_vacancy"),
            models.CheckConstraint(
                condition=models.Q(status__in=ApplicationStatus.values), name="application_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.profile_id} → {self.vacancy_id}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


class ApplicationEvent(models.Model):
    """One step in an application's history, seen by both sides."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.status}"

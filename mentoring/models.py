"""Volunteer mentors (Paten), candidates' requests for one, and the mentorships coordinators arrange."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.vocabulary import SPOKEN_LANGUAGES
from places.validators import validate_postal_code

# What a mentor may say they speak: German and the languages candidates speak ("another language" matches nobody).
MENTOR_LANGUAGES = [("de", _("German")), *[(code, name) for code, name in SPOKEN_LANGUAGES if code != "other"]]


class HelpTopic(models.TextChoices):
    JOB_SEARCH = "job_search", _("Job search")
    APPLICATIONS = "applications", _("Applications")
    PAPERWORK = "paperwork", _("Paperwork and authorities")
    GERMAN_PRACTICE = "german_practice", _("German practice")
    EVERYDAY_LIFE = "everyday_life", _("Everyday life and family")


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("Weekdays")
    EVENINGS = "evenings", _("Evenings")
    WEEKENDS = "weekends", _("Weekends")


class MentorProfileQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved_at__isnull=False, user__is_active=True)

    def awaiting_approval(self):
        return self.filter(approved_at__isnull=True)


class MentorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile", verbose_name=_("user")
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True, help_text=_("Language codes."))
    postal_code = models.CharField(_("postal code"), max_length=5, validators=[validate_postal_code])
    # Copied from the postal code when saved, so distances can be computed without a lookup.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    travel_radius_km = models.PositiveSmallIntegerField(
        _("how far you go (km)"), default=15, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("how many people you can take on"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    helps_with = models.JSONField(_("what you help with"), default=list, blank=True)
    availability = models.JSONField(_("when you are available"), default=list, blank=True)
    about = models.TextField(_("about you"), max_length=1000, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")

    def __str__(self):
        return f"mentor {self.pk}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def language_labels(self) -> list[str]:
        return [str(name) for code, name in MENTOR_LANGUAGES if code in self.languages]

    def helps_with_labels(self) -> list[str]:
        return [str(label) for value, label in HelpTopic.choices if value in self.helps_with]

    def availability_labels(self) -> list[str]:
        return [str(label) for value, label in Availability.choices if value in self.availability]


class MentorRequestStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a mentor")
    ASSIGNED = "assigned", _("Mentor assigned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MentorRequest(models.Model):
    """A candidate asks for a mentor and says what for."""

    profile = models.ForeignKey(
        "portal.CandidateProfile", on_delete=models.CASCADE, related_name="mentor_requests", verbose_name=_("candidate")
    )
    topics = models.JSONField(_("what you need help with"), default=list)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MentorRequestStatus.choices, default=MentorRequestStatus.WAITING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("mentor request")
        verbose_name_plural = _("mentor requests")
        ordering = ["created_at", "pk"]
        constraints = [
            # One open request per candidate at a time.
            models.UniqueConstraint(
                fields=["profile"], condition=models.Q(status="waiting"), name="one_waiting_mentor_request"
            )
        ]

    def __str__(self):
        return f"request {self.pk}"

    def topic_labels(self) -> list[str]:
        return [str(label) for value, label in HelpTopic.choices if value in self.topics]


class MentorshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted by both")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class MentorshipQuerySet(models.QuerySet):
    def current(self):
        """Mentorships that take up a mentor's capacity."""
        return self.exclude(status=MentorshipStatus.ENDED)

    def proposed(self):
        return self.filter(status=MentorshipStatus.PROPOSED)

    def active(self):
        return self.filter(status=MentorshipStatus.ACTIVE)

    def ended(self):
        return self.filter(status=MentorshipStatus.ENDED)


class Mentorship(models.Model):
    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentor")
    )
    profile = models.ForeignKey(
        "portal.CandidateProfile", on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("candidate")
    )
    request = models.ForeignKey(
        MentorRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("request"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MentorshipStatus.choices, default=MentorshipStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by")
    )
    candidate_accepted_at = models.DateTimeField(_("accepted by the candidate"), null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(_("accepted by the mentor"), null=True, blank=True)
    ended_reason = models.TextField(_("reason for ending"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "profile"],
                condition=~models.Q(status="ended"),
                name="one_current_mentorship_per_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ended") | ~models.Q(ended_reason=""), name="ended_mentorship_has_reason"
            ),
        ]

    def __str__(self):
        return f"mentorship {self.pk}"


class MentorshipStep(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by a coordinator")
    CANDIDATE_ACCEPTED = "candidate_accepted", _("Accepted by the candidate")
    MENTOR_ACCEPTED = "mentor_accepted", _("Accepted by the mentor")
    DECLINED = "declined", _("Declined")
    ACTIVATED = "activated", _("Started")
    PAUSED = "paused", _("Paused")
    RESUMED = "resumed", _("Resumed")
    ENDED = "ended", _("Ended")


class MentorshipEvent(models.Model):
    """One step in a mentorship's life, for the coordinator's timeline."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="events", verbose_name=_("mentorship")
    )
    step = models.CharField(_("step"), max_length=20, choices=MentorshipStep.choices)
    status = models.CharField(_("status afterwards"), max_length=10, choices=MentorshipStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentorship event")
        verbose_name_plural = _("mentorship events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.mentorship_id}: {self.step}"


class MentorshipNote(models.Model):
    """A short dated note by the mentor or the coordinator; never shown to employers or the candidate."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="notes", verbose_name=_("mentorship")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"note {self.pk}"

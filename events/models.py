"""Job fairs, information evenings on mentoring and workshops, with registrations and waiting lists."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.vocabulary import SPOKEN_LANGUAGES
from places.validators import validate_postal_code

MAX_CAPACITY = 5000
# The languages spoken at an event: German first, then the languages candidates commonly speak.
EVENT_LANGUAGES = [("de", _("German")), *SPOKEN_LANGUAGES]
EVENT_LANGUAGE_CODES = [code for code, _name in EVENT_LANGUAGES]


class EventKind(models.TextChoices):
    JOB_FAIR = "job_fair", _("Job fair")
    MENTORING_INFO = "mentoring_info", _("Information event on mentoring and Patenschaft")
    WORKSHOP = "workshop", _("Workshop")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    WOMEN = "women", _("Women only")
    PARENTS = "parents", _("Parents")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(status=EventStatus.DRAFT)

    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)

    def cancelled(self):
        return self.filter(status=EventStatus.CANCELLED)

    def upcoming(self, *, now=None):
        """Events that have not ended yet."""
        return self.filter(ends_at__gt=now or timezone.now())


class Event(models.Model):
    """An event that coordinators or organisations hold; candidates and mentors register for it."""

    uid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )
    organisation = models.ForeignKey(
        "employers.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organisation"),
        help_text=_("Empty for events that a coordinator or an administrator holds."),
    )
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Empty means until the event starts.")
    )
    online = models.BooleanField(_("online"), default=False)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True, validators=[validate_postal_code])
    address = models.CharField(_("address"), max_length=200, blank=True)
    # Shown only to people with a seat and to the organisers.
    online_url = models.URLField(_("link to the online meeting"), max_length=500, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True, help_text=_("Language codes."))
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    target_group = models.CharField(
        _("target group"), max_length=10, choices=TargetGroup.choices, default=TargetGroup.EVERYONE
    )
    childcare = models.BooleanField(_("childcare offered"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    # When the event appeared in the calendar (what saved searches announce as new).
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    participating_organisations = models.ManyToManyField(
        "employers.Organisation",
        blank=True,
        related_name="job_fairs",
        verbose_name=_("participating employers"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start")]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=EventKind.values), name="event_kind_known"),
            models.CheckConstraint(condition=models.Q(status__in=EventStatus.values), name="event_status_known"),
            models.CheckConstraint(
                condition=models.Q(target_group__in=TargetGroup.values), name="event_target_group_known"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(registration_deadline__isnull=True)
                | models.Q(registration_deadline__lte=models.F("starts_at")),
                name="event_deadline_before_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1, capacity__lte=MAX_CAPACITY), name="event_capacity_range"
            ),
            # An event in a room has a place; an online one has none.
            models.CheckConstraint(
                condition=models.Q(online=True, postal_code="") | (models.Q(online=False) & ~models.Q(postal_code="")),
                name="event_place_or_online",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    @property
    def is_restricted(self) -> bool:
        """Only for a target group: registrants confirm that they belong to it."""
        return self.target_group != TargetGroup.EVERYONE

    @property
    def places_left(self) -> int | None:
        """Free places, when the queryset counted the registrations (see events.selectors)."""
        registered = getattr(self, "registered_count", None)
        return None if registered is None else max(self.capacity - registered, 0)

    def language_names(self) -> list[str]:
        names = dict(EVENT_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EventRegistrationQuerySet(models.QuerySet):
    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def due_for_reminder(self):
        return self.registered().filter(reminder_sent_at__isnull=True, event__status=EventStatus.PUBLISHED)


class EventRegistration(models.Model):
    """A candidate's or mentor's place at an event: a seat while places are left, the waiting list after that."""

    public_id = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    # Reset when someone comes back after cancelling: the waiting list is served in this order.
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="event_registration_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=RegistrationStatus.values), name="event_registration_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(checked_in_at__isnull=True) | models.Q(status=RegistrationStatus.REGISTERED),
                name="event_checked_in_only_with_seat",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.event_id}"

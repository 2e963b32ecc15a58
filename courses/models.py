"""Language and integration courses, the registrations for them, and the supply report on where seats are missing."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.vocabulary import GermanLevel
from places.validators import validate_postal_code


class CourseKind(models.TextChoices):
    INTEGRATION = "integration", _("Integration course")
    LITERACY = "literacy", _("Literacy course")
    WOMEN_PARENTS = "women_parents", _("Integration course for women or parents")
    JOB_BSK = "job_bsk", _("Job-related language course (Job-BSK)")
    AZUBI_BSK = "azubi_bsk", _("Language course for apprentices (Azubi-BSK)")
    VOCATIONAL = "vocational", _("Other vocational language course")
    OTHER = "other", _("Other course")


class CourseSubject(models.TextChoices):
    """The vocational field a job-related course prepares for; empty for general German."""

    GENERAL = "", _("General German")
    CARE = "care", _("Care and health")
    CRAFTS = "crafts", _("Crafts and construction")
    INDUSTRY = "industry", _("Industry and technology")
    COMMERCE = "commerce", _("Commerce and office")
    HOSPITALITY = "hospitality", _("Hotels, restaurants and food")
    LOGISTICS = "logistics", _("Logistics and transport")
    IT = "it", _("IT")
    EDUCATION = "education", _("Education and social work")
    AGRICULTURE = "agriculture", _("Agriculture and gardening")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class Schedule(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    EVENINGS = "evenings", _("Evenings")
    WEEKENDS = "weekends", _("Weekends")


class Cost(models.TextChoices):
    FREE = "free", _("Free of charge")
    FUNDED = "funded", _("Funded (e.g. by BAMF or the job centre)")
    PAID = "paid", _("Participants pay")


class Weekday(models.TextChoices):
    """Days on which a course meets, by their iCalendar codes."""

    MONDAY = "MO", _("Monday")
    TUESDAY = "TU", _("Tuesday")
    WEDNESDAY = "WE", _("Wednesday")
    THURSDAY = "TH", _("Thursday")
    FRIDAY = "FR", _("Friday")
    SATURDAY = "SA", _("Saturday")
    SUNDAY = "SU", _("Sunday")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CourseStatus.PUBLISHED)

    def drafts(self):
        return self.filter(status=CourseStatus.DRAFT)

    def cancelled(self):
        return self.filter(status=CourseStatus.CANCELLED)


class Course(models.Model):
    provider = models.ForeignKey(
        "employers.Organisation", on_delete=models.CASCADE, related_name="courses", verbose_name=_("course provider")
    )
    kind = models.CharField(_("kind of course"), max_length=20, choices=CourseKind.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    level_from = models.CharField(_("German level from"), max_length=2, choices=GermanLevel.choices)
    level_to = models.CharField(_("German level to"), max_length=2, choices=GermanLevel.choices)
    subject = models.CharField(
        _("vocational subject"), max_length=20, choices=CourseSubject.choices, blank=True, default=""
    )
    delivery = models.CharField(_("where it takes place"), max_length=10, choices=Delivery.choices)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True, validators=[validate_postal_code])
    # Copied from the postal code when saved; empty for online courses.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    schedule = models.CharField(_("schedule"), max_length=10, choices=Schedule.choices)
    # The regular sessions, where the provider knows them: the days of the week and the time of day.
    session_days = models.JSONField(_("days of the sessions"), default=list, blank=True)
    session_starts = models.TimeField(_("sessions start at"), null=True, blank=True)
    session_ends = models.TimeField(_("sessions end at"), null=True, blank=True)
    # Shown only to participants with a seat and to the provider, like an event's meeting link.
    online_url = models.URLField(_("link to join online"), max_length=500, blank=True)
    childcare = models.BooleanField(_("childcare offered"), default=False)
    seats_total = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    seats_left = models.PositiveSmallIntegerField(_("seats left"))
    # A full course stays in matching only while its waiting list takes names.
    waiting_list_open = models.BooleanField(_("waiting list open"), default=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CourseStatus.choices, default=CourseStatus.DRAFT)
    # When the course appeared in the finder (what saved searches announce as new).
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["status", "start_date"], name="course_status_start")]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=CourseKind.values), name="course_kind_known"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="course_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(level_to__gte=models.F("level_from")), name="course_levels_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(seats_left__lte=models.F("seats_total")), name="course_seats_left_within_total"
            ),
            # A course that meets in person has a place; an online one may have none.
            models.CheckConstraint(
                condition=models.Q(delivery="online") | ~models.Q(postal_code=""), name="course_in_person_has_place"
            ),
        ]

    def __str__(self):
        return self.title

    def get_session_day_labels(self) -> list[str]:
        """The days of the sessions in the reader's language, Monday first."""
        return [str(label) for value, label in Weekday.choices if value in self.session_days]


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class CourseRegistrationQuerySet(models.QuerySet):
    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING)


class CourseRegistration(models.Model):
    """A candidate's interest in a course: a seat while seats are left, the waiting list after that."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("course"))
    profile = models.ForeignKey(
        "portal.CandidateProfile",
        on_delete=models.CASCADE,
        related_name="course_registrations",
        verbose_name=_("candidate"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("course registration")
        verbose_name_plural = _("course registrations")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["course", "profile"], name="course_registration_once")]

    def __str__(self):
        return f"{self.profile_id} → {self.course_id}"


class SupplyReport(models.Model):
    """A computed supply report for one coordinator region, or the whole state when region is empty.

    Computed by a Celery job and kept here, so the report page only reads one row.
    """

    region = models.OneToOneField(
        "places.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="supply_report",
        verbose_name=_("region"),
    )
    data = models.JSONField(_("data"), default=dict)
    computed_at = models.DateTimeField(_("computed"))
    duration_ms = models.PositiveIntegerField(_("computation time (ms)"), default=0)

    class Meta:
        verbose_name = _("supply report")
        verbose_name_plural = _("supply reports")
        constraints = [
            models.UniqueConstraint(
                fields=["region"], condition=models.Q(region__isnull=True), name="one_state_supply_report"
            )
        ]

    def __str__(self):
        return f"{self.region or 'Niedersachsen'} {self.computed_at:%Y-%m-%d %H:%M}"

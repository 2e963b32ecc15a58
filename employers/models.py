import functools
import operator

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, OfferKind
from places.validators import validate_postal_code

from .offer_vocabulary import BringItem, WorkingTime, task_label


class Sector(models.TextChoices):
    CRAFTS = "crafts", _("Crafts and trades")
    CONSTRUCTION = "construction", _("Construction")
    CARE = "care", _("Care and health")
    LOGISTICS = "logistics", _("Logistics and transport")
    HOSPITALITY = "hospitality", _("Hotels and restaurants")
    RETAIL = "retail", _("Retail")
    INDUSTRY = "industry", _("Industry and manufacturing")
    FOOD = "food", _("Food production")
    AGRICULTURE = "agriculture", _("Agriculture and gardening")
    CLEANING = "cleaning", _("Cleaning and facility services")
    IT = "it", _("IT and communication")
    SOCIAL = "social", _("Social services and education")
    PUBLIC = "public", _("Public administration")
    OTHER = "other", _("Other sector")


class CompanySize(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 or more employees")


class Organisation(models.Model):
    """An employer, a course provider, or both (a company with its own training centre)."""

    name = models.CharField(_("name"), max_length=200)
    is_employer = models.BooleanField(_("employs people"), default=True)
    is_course_provider = models.BooleanField(_("offers courses"), default=False)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=CompanySize.choices, blank=True)
    locations = models.JSONField(
        _("locations"), default=list, blank=True, help_text=_("Postal codes of the places where people work.")
    )
    about = models.TextField(_("about the organisation"), max_length=2000, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    is_external = models.BooleanField(
        _("listed from an outside source"),
        default=False,
        help_text=_("An employer whose offers come from the Bundesagentur für Arbeit's Jobbörse; it has no staff."),
    )
    best_practice_story = models.TextField(
        _("best-practice story"),
        max_length=4000,
        blank=True,
        help_text=_("For example a training centre where interested people can try the trade."),
    )
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


class VacancyKind(models.TextChoices):
    """What an employer offers: jobs and the bridging offers of "training on the job"."""

    JOB = OfferKind.JOB.value, OfferKind.JOB.label
    AUSBILDUNG = OfferKind.AUSBILDUNG.value, OfferKind.AUSBILDUNG.label
    EQ = OfferKind.EQ.value, OfferKind.EQ.label
    INTERNSHIP = OfferKind.INTERNSHIP.value, OfferKind.INTERNSHIP.label
    HOSPITATION = OfferKind.HOSPITATION.value, OfferKind.HOSPITATION.label
    WORK_TRIAL = OfferKind.WORK_TRIAL.value, OfferKind.WORK_TRIAL.label


# Offers that last a limited time and so must say how long.
TIME_LIMITED_KINDS = (VacancyKind.EQ, VacancyKind.INTERNSHIP, VacancyKind.HOSPITATION, VacancyKind.WORK_TRIAL)


class VacancyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FILLED = "filled", _("Filled")
    EXPIRED = "expired", _("Expired")


class VacancySource(models.TextChoices):
    """Where an offer was written: by an employer in Brücke, or imported from the Bundesagentur's Jobbörse."""

    BRUECKE = "bruecke", _("Brücke")
    JOBBOERSE = "jobboerse", _("Jobbörse of the Bundesagentur für Arbeit")


class VacancyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=VacancyStatus.PUBLISHED)

    def drafts(self):
        return self.filter(status=VacancyStatus.DRAFT)

    def filled(self):
        return self.filter(status=VacancyStatus.FILLED)

    def expired(self):
        return self.filter(status=VacancyStatus.EXPIRED)

    def due_to_expire(self, *, today=None):
        return self.published().filter(expires_on__lt=today or timezone.localdate())


# Vacancies are written in German: stemming with the German configuration lets "Pflegekräfte" find "Pflegekraft".
SEARCH_CONFIG = "german"


def search_words(text):
    """Text as the search reads it: PostgreSQL's parser takes "Tischler/in" or "Koch/Köchin" for a file path,
    a single token no word matches, so the slash of gender-inclusive job titles becomes a space."""
    if isinstance(text, str):
        return text.replace("/", " ")
    return Replace(text, models.Value("/"), models.Value(" "), output_field=models.TextField())


class SearchDocument(models.Func):
    """The words of the named text fields as one weighted search vector (A for the first, then B, C, D).

    On PostgreSQL a generated column stores it, indexed with GIN; the embedded SQLite stores NULL and its
    search falls back to substrings. Migrations refer to this class: changing what it computes needs a
    migration that recreates the column.
    """

    output_field = SearchVectorField()

    def __init__(self, *field_names: str):
        vectors = (
            SearchVector(search_words(models.F(name)), weight="ABCD"[position], config=SEARCH_CONFIG)
            for position, name in enumerate(field_names)
        )
        super().__init__(functools.reduce(operator.add, vectors))

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(self.get_source_expressions()[0])


class Vacancy(models.Model):
    """A job, apprenticeship, EQ, internship, job shadowing or work trial an organisation offers."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="vacancies", verbose_name=_("organisation")
    )
    kind = models.CharField(_("kind of offer"), max_length=20, choices=VacancyKind.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=6000)
    occupation = models.ForeignKey(
        "occupations.Occupation", on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("occupation")
    )
    german_level_required = models.CharField(
        _("German level needed"), max_length=2, choices=GermanLevel.choices, default=GermanLevel.NONE
    )
    useful_languages = models.JSONField(
        _("other useful languages"), default=list, blank=True, help_text=_("Language codes.")
    )
    postal_code = models.CharField(_("postal code"), max_length=5, validators=[validate_postal_code])
    # Copied from the postal code when saved, so distance can be computed in the database.
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1), MaxValueValidator(48)]
    )
    shift_work = models.BooleanField(_("shift work"), default=False)
    driving_licences_required = models.JSONField(
        _("driving licence required"), default=list, blank=True, help_text=_("Driving-licence classes.")
    )
    # Defaults to the occupation's regulated flag when the offer is created.
    recognition_required = models.BooleanField(_("recognised qualification required"), default=False)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty means as soon as possible.")
    )
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(156)]
    )
    is_paid = models.BooleanField(_("paid"), default=True)
    support_language = models.BooleanField(_("language support at work"), default=False)
    support_mentor = models.BooleanField(_("an in-company mentor"), default=False)
    support_paperwork = models.BooleanField(_("help with paperwork"), default=False)
    support_housing = models.BooleanField(_("help finding housing"), default=False)
    support_childcare = models.BooleanField(_("childcare"), default=False)
    # Readable offers: fixed terms every reader sees in their own language (employers.offer_vocabulary).
    tasks = models.JSONField(_("tasks"), default=list, blank=True, help_text=_("Task codes."))
    working_times = models.JSONField(_("working times"), default=list, blank=True)
    what_to_bring = models.JSONField(_("what to bring"), default=list, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    summary_simple_german = models.TextField(_("short summary in simple German"), max_length=600, blank=True)

    status = models.CharField(_("status"), max_length=12, choices=VacancyStatus.choices, default=VacancyStatus.DRAFT)
    expires_on = models.DateField(_("open until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    unpublished_reason = models.TextField(_("reason for taking it offline"), max_length=1000, blank=True)
    unpublished_at = models.DateTimeField(_("taken offline"), null=True, blank=True)
    unpublished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken offline by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # An offer imported from elsewhere is applied to there: its reference number and the link to the original.
    source = models.CharField(_("source"), max_length=12, choices=VacancySource.choices, default=VacancySource.BRUECKE)
    external_reference = models.CharField(_("reference number at the source"), max_length=40, blank=True)
    external_url = models.URLField(_("link to the original offer"), max_length=500, blank=True)
    fixed_term = models.BooleanField(_("fixed-term"), null=True, blank=True, help_text=_("Empty means not stated."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Kept current by the database on every write, bulk ones included; GIN-indexed on PostgreSQL (migration
    # 0003 adds that index and the trigram index on the title, which SQLite cannot have).
    search_vector = models.GeneratedField(
        expression=SearchDocument("title", "description"), output_field=SearchVectorField(), db_persist=True
    )

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # The bounding box of a distance search; the common filters and the order ride along, so that on
            # PostgreSQL counting and sorting the offers near a place reads the index only.
            models.Index(
                fields=["status", "latitude", "longitude", "kind", "german_level_required", "published_at", "id"],
                name="vacancy_status_geo",
            ),
            # The same box for a search of one kind of offer (internships, say): with the kind before the
            # coordinates, the index is read only for offers of that kind, not for every offer in the band
            # of latitude (on 50,000 offers, a tenth of the pages for "internship, A2, 50 km").
            models.Index(
                fields=["status", "kind", "latitude", "longitude", "german_level_required", "published_at", "id"],
                name="vacancy_status_kind_geo",
            ),
            # The newest published offers, a page at a time, without sorting them all.
            models.Index(fields=["status", "-published_at", "-id"], name="vacancy_status_newest"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=VacancyKind.values), name="vacancy_kind_known"),
            models.CheckConstraint(condition=models.Q(status__in=VacancyStatus.values), name="vacancy_status_known"),
            models.CheckConstraint(condition=models.Q(source__in=VacancySource.values), name="vacancy_source_known"),
            # An imported offer is imported once: one vacancy per reference number of each source.
            models.UniqueConstraint(
                fields=["source", "external_reference"],
                condition=~models.Q(external_reference=""),
                name="vacancy_external_reference_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(german_level_required__in=GermanLevel.values), name="vacancy_german_level_known"
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=1, hours_per_week__lte=48), name="vacancy_hours_range"
            ),
            # Internships, job shadowing, work trials and EQ are limited in time and say how long.
            models.CheckConstraint(
                condition=~models.Q(kind__in=[k.value for k in TIME_LIMITED_KINDS])
                | models.Q(duration_weeks__isnull=False),
                name="vacancy_time_limited_has_duration",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_external(self) -> bool:
        """Imported from another portal: candidates apply there, not in Brücke."""
        return self.source != VacancySource.BRUECKE

    @property
    def support_offered(self) -> list[str]:
        """The labels of the support this employer offers, in the reader's language."""
        flags = ["support_language", "support_mentor", "support_paperwork", "support_housing", "support_childcare"]
        return [str(self._meta.get_field(flag).verbose_name) for flag in flags if getattr(self, flag)]

    @property
    def task_labels(self) -> list[str]:
        return [task_label(code) for code in self.tasks if task_label(code)]

    @property
    def working_time_labels(self) -> list[str]:
        return [str(label) for value, label in WorkingTime.choices if value in self.working_times]

    @property
    def what_to_bring_labels(self) -> list[str]:
        return [str(label) for value, label in BringItem.choices if value in self.what_to_bring]

    @property
    def useful_language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.useful_languages if code in names]

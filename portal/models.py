"""The candidate side: a refugee's profile, built step by step during onboarding and editable later."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, LanguageLevel, OfferKind
from places.validators import validate_postal_code


class GermanCertificate(models.TextChoices):
    NONE = "", _("No certificate")
    DTZ = "dtz", _("Deutsch-Test für Zuwanderer (DTZ)")
    TELC = "telc", _("telc certificate")
    GOETHE = "goethe", _("Goethe-Institut certificate")
    OESD = "oesd", _("ÖSD certificate")
    TESTDAF = "testdaf", _("TestDaF")
    OTHER = "other", _("Another certificate")


class SchoolEducation(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    NONE = "none", _("No school leaving certificate")
    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary school (about 9 years)")
    SECONDARY = "secondary", _("Secondary school (about 10 years)")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary school, university entrance (about 12 years)")
    UNIVERSITY = "university", _("University degree")


class VocationalEducation(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    NONE = "none", _("No vocational training")
    ON_THE_JOB = "on_the_job", _("Learnt on the job")
    VOCATIONAL_SCHOOL = "vocational_school", _("Vocational school or formal training")
    MASTER = "master", _("Master craftsperson or technician")
    UNIVERSITY = "university", _("University degree")


class RecognitionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Recognition not started")
    IN_PROGRESS = "in_progress", _("Recognition in progress")
    PARTIAL = "partial", _("Partially recognised")
    FULL = "full", _("Fully recognised")


class Transport(models.TextChoices):
    PUBLIC = "public", _("Public transport only")
    CAR = "car", _("Own car")


class WorkPermit(models.TextChoices):
    NOT_STATED = "", _("I prefer not to say")
    YES = "yes", _("Yes, I am allowed to work")
    NEEDS_APPROVAL = "needs_approval", _("Only with approval of the immigration office")
    UNKNOWN = "unknown", _("I do not know")


DRIVING_LICENCE_CLASSES = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "L", "T"]


def driving_licences_in_order(classes) -> list[str]:
    """Each class once, in the order of the official list (B before C before CE); unknown classes dropped."""
    wanted = set(classes)
    return [licence for licence in DRIVING_LICENCE_CLASSES if licence in wanted]


class OnboardingStep(models.TextChoices):
    """The onboarding, one screen each on a phone, in this order."""

    LANGUAGES = "languages", _("Languages")
    EXPERIENCE = "experience", _("Work and training")
    WISHES = "wishes", _("What you are looking for")
    PLACE = "place", _("Where")
    CIRCUMSTANCES = "circumstances", _("Your circumstances")

    @classmethod
    def number(cls, step: str) -> int:
        """1 for the first step ... 5 for the last."""
        return cls.values.index(step) + 1

    @classmethod
    def after(cls, step: str) -> str | None:
        index = cls.values.index(step) + 1
        return cls.values[index] if index < len(cls.values) else None

    @classmethod
    def before(cls, step: str) -> str | None:
        index = cls.values.index(step) - 1
        return cls.values[index] if index >= 0 else None


class CandidateProfileQuerySet(models.QuerySet):
    def visible_to_employers(self):
        return self.filter(visible_to_employers=True, user__is_active=True)


class CandidateProfile(models.Model):
    """What a candidate can do and looks for; the basis of every match."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_profile", verbose_name=_("user")
    )
    # Shown to others instead of the database id; reveals nothing about the person.
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)

    german_level = models.CharField(
        _("German level"), max_length=2, choices=GermanLevel.choices, default=GermanLevel.NONE
    )
    german_certificate = models.CharField(
        _("German certificate"), max_length=10, choices=GermanCertificate.choices, blank=True, default=""
    )

    school_education = models.CharField(
        _("school education"), max_length=20, choices=SchoolEducation.choices, blank=True, default=""
    )
    vocational_education = models.CharField(
        _("vocational education"), max_length=20, choices=VocationalEducation.choices, blank=True, default=""
    )
    foreign_qualification = models.CharField(
        _("foreign qualification"),
        max_length=200,
        blank=True,
        help_text=_("For example: electrician (Syria), nurse (Ukraine)."),
    )
    recognition_status = models.CharField(
        _("recognition in Germany"), max_length=20, choices=RecognitionStatus.choices, blank=True, default=""
    )

    # Optional; used only to judge apprenticeship and Azubi-BSK fit, never shown to employers.
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)

    looking_for = models.JSONField(_("looking for"), default=list, blank=True, help_text=_("Kinds of offer."))
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(48)]
    )
    earliest_start = models.DateField(_("earliest start"), null=True, blank=True)

    postal_code = models.CharField(_("postal code"), max_length=5, blank=True, validators=[validate_postal_code])
    travel_radius_km = models.PositiveSmallIntegerField(
        _("how far you can travel (km)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    transport = models.CharField(_("how you travel"), max_length=10, choices=Transport.choices, blank=True)
    driving_licences = models.JSONField(_("driving-licence classes"), default=list, blank=True)

    childcare_needed = models.BooleanField(_("I need childcare"), null=True, blank=True)
    shift_work_possible = models.BooleanField(_("I can work shifts"), null=True, blank=True)
    work_permit = models.CharField(
        _("allowed to work"), max_length=20, choices=WorkPermit.choices, blank=True, default=""
    )

    visible_to_employers = models.BooleanField(_("visible to employers"), default=False)
    visibility_changed_at = models.DateTimeField(_("visibility changed"), null=True, blank=True)

    completed_steps = models.JSONField(_("completed onboarding steps"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CandidateProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate profile")
        verbose_name_plural = _("candidate profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(german_level__in=GermanLevel.values), name="profile_german_level"
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__isnull=True) | models.Q(hours_per_week__range=(1, 48)),
                name="profile_hours_per_week_range",
            ),
            models.CheckConstraint(
                condition=models.Q(travel_radius_km__isnull=True) | models.Q(travel_radius_km__range=(1, 200)),
                name="profile_travel_radius_range",
            ),
        ]

    def __str__(self):
        return str(self.public_id)

    def wants(self, kind: str) -> bool:
        return kind in self.looking_for

    def looking_for_labels(self) -> list[str]:
        """What the candidate looks for, in the reader's language and in the order of OfferKind."""
        return [str(label) for value, label in OfferKind.choices if value in self.looking_for]

    def has_completed(self, step: str) -> bool:
        return step in self.completed_steps


class CandidateLanguage(models.Model):
    """A language other than German the candidate speaks."""

    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="languages", verbose_name=_("profile")
    )
    language = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)
    level = models.CharField(_("level"), max_length=8, choices=LanguageLevel.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["profile", "language"], name="candidate_language_once")]

    def __str__(self):
        return f"{self.language} {self.level}"


class CandidateOccupation(models.Model):
    """An occupation the candidate has worked or trained in, with years of experience."""

    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="occupations", verbose_name=_("profile")
    )
    occupation = models.ForeignKey(
        "occupations.Occupation", on_delete=models.PROTECT, related_name="+", verbose_name=_("occupation")
    )
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(50)]
    )

    class Meta:
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "occupation"], name="candidate_occupation_once"),
            models.CheckConstraint(
                condition=models.Q(years_experience__lte=50), name="candidate_occupation_years_range"
            ),
        ]

    def __str__(self):
        return f"{self.occupation_id} ({self.years_experience})"


class ContactGrant(models.Model):
    """A candidate let this organisation see who they are: by applying or by accepting its contact request.

    Without a grant an employer sees a visible candidate only anonymously: no name, contact or documents.
    """

    class Reason(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACCEPTED_CONTACT = "accepted_contact", _("Accepted a contact request")

    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="contact_grants", verbose_name=_("profile")
    )
    organisation = models.ForeignKey(
        "employers.Organisation",
        on_delete=models.CASCADE,
        related_name="contact_grants",
        verbose_name=_("organisation"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact permission")
        verbose_name_plural = _("contact permissions")
        constraints = [models.UniqueConstraint(fields=["profile", "organisation"], name="contact_grant_once")]

    def __str__(self):
        return f"{self.profile_id} → {self.organisation_id}"


class SitePageKind(models.TextChoices):
    """The pages a German public portal must have, linked in the footer of every page."""

    IMPRINT = "impressum", _("Legal notice (Impressum)")
    PRIVACY = "privacy", _("Privacy policy (Datenschutzerklärung)")
    ACCESSIBILITY = "accessibility", _("Accessibility statement (Erklärung zur Barrierefreiheit)")
    CONTACT = "contact", _("Contact")


class SitePage(models.Model):
    """The text of one such page in one language, written by the operator in the admin.

    A reader sees their own language where it exists, else English, else German.
    """

    kind = models.CharField(_("page"), max_length=20, choices=SitePageKind.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_("Plain text: an empty line starts a new paragraph, web and e-mail addresses become links."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="site_page_once_per_language"),
            models.CheckConstraint(condition=models.Q(kind__in=SitePageKind.values), name="site_page_kind_known"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"

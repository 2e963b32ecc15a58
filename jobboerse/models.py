from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncRunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed, resumes with the next run")
    SKIPPED = "skipped", _("Skipped: the Jobbörse is not reachable")


class SyncRun(models.Model):
    """One synchronisation with the Jobbörse, with what it found and did; a failed run is resumed, not repeated."""

    status = models.CharField(_("status"), max_length=12, choices=SyncRunStatus.choices, default=SyncRunStatus.RUNNING)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    resumed = models.PositiveSmallIntegerField(_("times resumed"), default=0)
    # The searches are a fixed, ordered plan; a resumed run goes on with the first one not yet done.
    plan_key = models.CharField(_("search plan"), max_length=64, blank=True)
    queries_total = models.PositiveIntegerField(_("searches planned"), default=0)
    queries_done = models.PositiveIntegerField(_("searches done"), default=0)
    queries_truncated = models.PositiveIntegerField(
        _("searches cut short"), default=0, help_text=_("More results than the Jobbörse lets a search page through.")
    )
    search_complete = models.BooleanField(_("every search complete"), default=False)
    requests = models.PositiveIntegerField(_("requests"), default=0)
    seen = models.PositiveIntegerField(_("ads seen"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    expired = models.PositiveIntegerField(_("expired"), default=0)
    linked = models.PositiveIntegerField(_("linked to an employer's own offer"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    unmapped = models.PositiveIntegerField(_("without an occupation"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("Jobbörse sync run")
        verbose_name_plural = _("Jobbörse sync runs")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=SyncRunStatus.values), name="sync_run_status_known")
        ]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


class OccupationMapping(models.Model):
    """What a Jobbörse occupation text means in the catalogue, as a coordinator decided it; remembered for all
    later ads. Texts the rules cannot place wait here (without an occupation) until someone maps them."""

    text = models.CharField(_("occupation at the Jobbörse"), max_length=200)
    normalised = models.CharField(_("normalised text"), max_length=200, unique=True)
    occupation = models.ForeignKey(
        "occupations.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("occupation in the catalogue"),
    )
    mapped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mapped by"),
    )
    mapped_at = models.DateTimeField(_("mapped"), null=True, blank=True)
    created_at = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        verbose_name = _("occupation mapping")
        verbose_name_plural = _("occupation mappings")
        ordering = ["text"]

    def __str__(self):
        return self.text


class ListingStatus(models.TextChoices):
    NEW = "new", _("Details not fetched yet")
    IMPORTED = "imported", _("Imported")
    UNMAPPED = "unmapped", _("Waiting for an occupation")
    LINKED = "linked", _("The employer's own offer in Brücke")
    FAILED = "failed", _("Could not be read")
    GONE = "gone", _("Gone from the Jobbörse")


class Listing(models.Model):
    """An ad at the Jobbörse, by its reference number: what the sync knows of it and which vacancy shows it."""

    refnr = models.CharField(_("reference number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=ListingStatus.choices, default=ListingStatus.NEW)
    # New or changed at the source (another modification time): its details are fetched in this or the next run.
    needs_details = models.BooleanField(_("details to fetch"), default=True)
    modified_at_source = models.CharField(_("changed at the Jobbörse"), max_length=40, blank=True)
    offer_type = models.PositiveSmallIntegerField(_("offer type searched"), default=1)
    working_times = models.JSONField(_("working times searched"), default=list, blank=True)
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    last_seen_run = models.ForeignKey(
        SyncRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("last seen in")
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    occupation_text = models.CharField(_("occupation at the Jobbörse"), max_length=200, blank=True)
    employer_name = models.CharField(_("employer"), max_length=300, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    # Normalised employer and title: an employer's own Brücke offer with the same keys and place is the same ad.
    employer_key = models.CharField(_("employer key"), max_length=300, blank=True)
    title_key = models.CharField(_("title key"), max_length=300, blank=True, db_index=True)
    mapping = models.ForeignKey(
        OccupationMapping,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="listings",
        verbose_name=_("waiting for the mapping of"),
    )
    # The imported vacancy, or the employer's own Brücke offer this ad duplicates (several ads may).
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobboerse_listings",
        verbose_name=_("vacancy"),
    )
    # Kept only while the ad waits for an occupation, so a coordinator's mapping imports it without a request.
    details = models.JSONField(_("details as fetched"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("Jobbörse ad")
        verbose_name_plural = _("Jobbörse ads")
        ordering = ["-first_seen_at", "-pk"]
        indexes = [models.Index(fields=["needs_details", "status"], name="listing_todo")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ListingStatus.values), name="listing_status_known")
        ]

    def __str__(self):
        return self.refnr

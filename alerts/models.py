"""Saved searches: a person keeps a search of vacancies, courses, events or (employers) candidates, and the
daily digest tells them about offers that are new for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    VACANCY = "vacancy", _("Jobs and internships")
    COURSE = "course", _("German courses")
    EVENT = "event", _("Events")
    CANDIDATE = "candidate", _("Candidates")


class SavedSearchQuerySet(models.QuerySet):
    def alerting(self):
        """Searches whose owner wants the daily news about them."""
        return self.filter(alerts=True, owner__is_active=True)


class SavedSearch(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches", verbose_name=_("owner")
    )
    kind = models.CharField(_("kind of search"), max_length=12, choices=SearchKind.choices)
    name = models.CharField(_("name"), max_length=80)
    # The search page's query-string fields, each a list of strings. Never the owner's own postal code:
    # `near_me` stands for it and the profile is read when the search runs (so it also follows a move).
    params = models.JSONField(_("filters"), default=dict, blank=True)
    near_me = models.BooleanField(_("from my own postal code"), default=False)
    alerts = models.BooleanField(
        _("daily news"), default=True, help_text=_("New offers for this search in the daily digest.")
    )
    # Offers published after this moment count as new; moved on when the alerts are switched on again.
    alerts_since = models.DateTimeField(_("news since"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_alert_at = models.DateTimeField(_("last news"), null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(kind__in=SearchKind.values), name="saved_search_kind")]

    def __str__(self):
        return self.name


class SavedSearchAlert(models.Model):
    """An offer announced for a saved search, so that it is never announced for it again.

    `offer_id` is the primary key of a vacancy, course, event or candidate profile, by the search's kind.
    """

    search = models.ForeignKey(
        SavedSearch, on_delete=models.CASCADE, related_name="announced", verbose_name=_("saved search")
    )
    offer_id = models.PositiveBigIntegerField(_("offer"))
    announced_at = models.DateTimeField(_("announced"))

    class Meta:
        verbose_name = _("announced offer")
        verbose_name_plural = _("announced offers")
        constraints = [models.UniqueConstraint(fields=["search", "offer_id"], name="saved_search_alert_once")]

    def __str__(self):
        return f"{self.search_id}: {self.offer_id}"

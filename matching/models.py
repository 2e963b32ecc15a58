"""Stored matches: a candidate's best vacancies and courses (and, with the mentoring issue, mentors).

One table with a `kind` and three nullable foreign keys, exactly one of them set (a check constraint says so),
rather than three tables: a candidate's matches of every kind are one list ordered by score, digests read new
matches of every kind with one query, and the recomputation writes one table in one transaction. Partial
unique constraints allow each pair once.

The nightly run writes millions of rows, so the table is built for writing: no database-level foreign-key
checks (Django still deletes a candidate's or an offer's matches with it, and every recomputation removes
matches of offers that are gone), only the indexes that reads need, and the parts stored as plain `json`.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartsField(models.JSONField):
    """JSON kept as written: PostgreSQL's `json` rather than `jsonb`.

    The parts of millions of matches are written every night and only ever read whole, never searched inside;
    plain `json` is parsed three times faster on the way in and takes a third less space.
    """

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "json"
        return super().db_type(connection)

    def from_db_value(self, value, expression, connection):
        if value is not None and not isinstance(value, str | bytes | bytearray):
            return value  # psycopg already decoded the `json` column
        return super().from_db_value(value, expression, connection)


class MatchKind(models.TextChoices):
    VACANCY = "vacancy", _("Vacancy")
    COURSE = "course", _("Course")
    MENTOR = "mentor", _("Mentor")


class MatchQuerySet(models.QuerySet):
    def vacancies(self):
        return self.filter(kind=MatchKind.VACANCY)

    def courses(self):
        return self.filter(kind=MatchKind.COURSE)

    def mentors(self):
        return self.filter(kind=MatchKind.MENTOR)

    def not_notified(self):
        return self.filter(notified_at__isnull=True)


class Match(models.Model):
    """How well one offer fits one candidate: a score from 0 to 100 and the parts it is made of.

    `parts` is a list of `[code, points, params]`; the reasons are put into words in the reader's language
    when shown (matching.reasons), so a stored match never depends on a language.
    """

    # A candidate's matches are found through the unique constraints below (profile first), an offer's
    # through the score indexes.
    profile = models.ForeignKey(
        "portal.CandidateProfile",
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("candidate"),
        db_index=False,
        db_constraint=False,
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MatchKind.choices)
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("vacancy"),
        db_index=False,
        db_constraint=False,
    )
    course = models.ForeignKey(
        "courses.Course",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("course"),
        db_index=False,
        db_constraint=False,
    )
    mentor = models.ForeignKey(
        "mentoring.MentorProfile",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("mentor"),
        db_index=False,
        db_constraint=False,
    )
    score = models.PositiveSmallIntegerField(_("score"))
    parts = PartsField(_("parts of the score"), default=list)
    # A hash of engine version, score and parts: a recomputation that finds it unchanged writes nothing.
    fingerprint = models.BigIntegerField(_("fingerprint"))
    # When the pair first became a match: digests announce matches newer than their last run.
    created_at = models.DateTimeField(_("found"), default=timezone.now)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)
    notified_at = models.DateTimeField(_("candidate notified"), null=True, blank=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind=MatchKind.VACANCY, vacancy__isnull=False, course__isnull=True, mentor__isnull=True)
                    | models.Q(kind=MatchKind.COURSE, vacancy__isnull=True, course__isnull=False, mentor__isnull=True)
                    | models.Q(kind=MatchKind.MENTOR, vacancy__isnull=True, course__isnull=True, mentor__isnull=False)
                ),
                name="match_exactly_one_target",
            ),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="match_score_at_most_100"),
            models.UniqueConstraint(
                fields=["profile", "vacancy"], condition=models.Q(vacancy__isnull=False), name="match_vacancy_once"
            ),
            models.UniqueConstraint(
                fields=["profile", "course"], condition=models.Q(course__isnull=False), name="match_course_once"
            ),
            models.UniqueConstraint(
                fields=["profile", "mentor"], condition=models.Q(mentor__isnull=False), name="match_mentor_once"
            ),
        ]
        indexes = [
            # Best candidates of one vacancy (employers), one course, one mentor.
            models.Index(
                fields=["vacancy", "-score"], condition=models.Q(vacancy__isnull=False), name="match_vacancy_score"
            ),
            models.Index(
                fields=["course", "-score"], condition=models.Q(course__isnull=False), name="match_course_score"
            ),
            models.Index(
                fields=["mentor", "-score"], condition=models.Q(mentor__isnull=False), name="match_mentor_score"
            ),
        ]

    def __str__(self):
        return f"{self.profile_id} → {self.kind} {self.target_id} ({self.score})"

    @property
    def target_id(self) -> int | None:
        return self.vacancy_id or self.course_id or self.mentor_id

    @property
    def target(self):
        return self.vacancy or self.course or self.mentor

    @property
    def distance_km(self) -> float | None:
        """The distance stated in the parts (None for online courses and unknown places)."""
        for code, _points, params in self.parts:
            if code in ("distance", "mentor_distance"):
                return params.get("km")
        return None


class MatchInputs(models.Model):
    """What a candidate's stored vacancy and course matches were computed from, as one hash.

    The hash covers the candidate's facts, the offers in the area their travel radius reaches (with each offer's
    state relative to the day: open, closing soon, course starting soon), the online courses where courses are
    shown, the date where the result names it, and the engine version. The nightly recomputation skips a
    candidate whose hash is unchanged: recomputing would write the same rows.
    """

    profile = models.OneToOneField(
        "portal.CandidateProfile",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("candidate"),
        db_constraint=False,
    )
    fingerprint = models.BigIntegerField(_("fingerprint of the inputs"))
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("inputs of a candidate's matches")
        verbose_name_plural = _("inputs of candidates' matches")

    def __str__(self):
        return f"{self.profile_id}: {self.fingerprint}"

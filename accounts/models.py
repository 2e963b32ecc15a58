from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALID_FOR = timedelta(days=14)


class Role(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    EMPLOYER = "employer", _("Employer staff")
    PROVIDER = "provider", _("Course-provider staff")
    MENTOR = "mentor", _("Mentor")
    COORDINATOR = "coordinator", _("Coordinator (Kümmerer)")
    ADMIN = "admin", _("Administrator")


# The roles a person may choose for themselves at sign-up; coordinators and admins are appointed.
SELF_SERVICE_ROLES = (Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR)
ORGANISATION_ROLES = (Role.EMPLOYER, Role.PROVIDER)


class UserQuerySet(models.QuerySet):
    def candidates(self):
        return self.filter(role=Role.CANDIDATE)

    def coordinators(self):
        return self.filter(role=Role.COORDINATOR)

    def mentors(self):
        return self.filter(role=Role.MENTOR)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Brücke; they log in with their e-mail address and act in exactly one role."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CANDIDATE)
    preferred_language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    region = models.ForeignKey(
        "places.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinators",
        verbose_name=_("region"),
        help_text=_("Only for coordinators: the postal codes they are responsible for."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="user_role_known"),
            # A coordinator always has a region, and nobody else has one.
            models.CheckConstraint(
                condition=(
                    models.Q(role=Role.COORDINATOR, region__isnull=False)
                    | (~models.Q(role=Role.COORDINATOR) & models.Q(region__isnull=True))
                ),
                name="user_region_iff_coordinator",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.role in roles


class InvitationKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator of a region")
    STAFF = "staff", _("Staff of an organisation")
    IMPORTED_ACCOUNT = "imported_account", _("Account brought in by a partner import")


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, created_at__gte=timezone.now() - INVITATION_VALID_FOR)

    def expired(self):
        return self.filter(accepted_at__isnull=True, created_at__lt=timezone.now() - INVITATION_VALID_FOR)

    def accepted(self):
        return self.filter(accepted_at__isnull=False)

    def unsent(self):
        return self.filter(sent_at__isnull=True)


class Invitation(models.Model):
    """An invitation to Brücke by e-mail, sent once, used once, valid for INVITATION_VALID_FOR.

    Three kinds share the token, the sending and the expiry; what each kind carries:
    - coordinator: an admin invites an address to coordinate a `region`; the account is created on acceptance;
    - staff: an organisation admin invites an address to join the `organisation` (the role follows the
      organisation when the invitation is accepted); a new account, or an existing staff account that joins;
    - imported account: a partner import created the `user` without a password; the invitation lets its owner
      set one. Address and language are the account's own, so `email` and `language` stay empty.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=InvitationKind.choices)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language of the invitation"), max_length=5, choices=settings.LANGUAGES, blank=True)
    region = models.ForeignKey(
        "places.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("region"),
    )
    organisation = models.ForeignKey(
        "employers.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff_invitations",
        verbose_name=_("organisation"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_invitation",
        verbose_name=_("user"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # The id the invitation had in its own table before the three kinds were merged: links sent before then
    # carry it. Such links expire INVITATION_VALID_FOR after the merge; the column can go after that.
    legacy_id = models.PositiveBigIntegerField(_("former id"), null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=InvitationKind.values), name="invitation_kind_known"),
            # Each kind carries exactly its own data: nothing of another kind can leak into an acceptance.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind=InvitationKind.COORDINATOR,
                        region__isnull=False,
                        organisation__isnull=True,
                        user__isnull=True,
                    )
                    & ~models.Q(email="")
                    & ~models.Q(language="")
                )
                | (
                    models.Q(
                        kind=InvitationKind.STAFF, organisation__isnull=False, region__isnull=True, user__isnull=True
                    )
                    & ~models.Q(email="")
                    & ~models.Q(language="")
                )
                | models.Q(
                    kind=InvitationKind.IMPORTED_ACCOUNT,
                    user__isnull=False,
                    region__isnull=True,
                    organisation__isnull=True,
                    email="",
                    language="",
                ),
                name="invitation_data_of_its_kind",
            ),
            models.UniqueConstraint(
                fields=["kind", "legacy_id"], condition=models.Q(legacy_id__isnull=False), name="invitation_legacy_id"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "created_at"], name="invitation_org_created")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def address(self) -> str:
        """Where the invitation goes: the invited address, or the imported account's own."""
        return self.user.email if self.kind == InvitationKind.IMPORTED_ACCOUNT else self.email

    @property
    def mail_language(self) -> str:
        return self.user.preferred_language if self.kind == InvitationKind.IMPORTED_ACCOUNT else self.language

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALID_FOR

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at

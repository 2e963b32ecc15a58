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


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, created_at__gte=timezone.now() - INVITATION_VALID_FOR)

    def expired(self):
        return self.filter(accepted_at__isnull=True, created_at__lt=timezone.now() - INVITATION_VALID_FOR)

    def accepted(self):
        return self.filter(accepted_at__isnull=False)


class CoordinatorInvitation(models.Model):
    """An admin's invitation to become the coordinator of a region."""

    email = models.EmailField(_("e-mail address"))
    region = models.ForeignKey(
        "places.Region", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("region")
    )
    language = models.CharField(
        _("language of the invitation"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("coordinator invitation")
        verbose_name_plural = _("coordinator invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.region} ({self.created_at:%Y-%m-%d})"

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALID_FOR

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at

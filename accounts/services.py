import hashlib
import time
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.emails import absolute_url, email_send_templated
from places.models import Region

from .models import ORGANISATION_ROLES, SELF_SERVICE_ROLES, Invitation, InvitationKind, Role, User
from .selectors import LOGIN_FAILURES_KEPT_SECONDS, LOGIN_THROTTLES, invitation_accept_path, login_throttle_key


def user_complete_signup(*, user: User, role: str, language: str, organisation_name: str = "") -> User:
    """Give a freshly signed-up person the role they chose and, for staff, their organisation."""
    if role not in SELF_SERVICE_ROLES:
        raise ValueError(f"Role {role!r} cannot be chosen at sign-up.")
    user.role = role
    user.preferred_language = language
    user.save(update_fields=["role", "preferred_language"])
    if role in ORGANISATION_ROLES:
        from employers.services import organisation_create_with_admin

        organisation_create_with_admin(
            name=organisation_name,
            admin=user,
            is_employer=role == Role.EMPLOYER,
            is_course_provider=role == Role.PROVIDER,
        )
    return user


def user_set_language(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unsupported language {language!r}.")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


# --- Invitations (all kinds; rules of each kind in accounts.models.Invitation) -----------------------------


def invitation_create(
    *,
    kind: str,
    invited_by: User | None,
    email: str = "",
    language: str = "",
    region: Region | None = None,
    organisation=None,
    user: User | None = None,
) -> Invitation:
    """Record an invitation and have it sent by e-mail once the caller's transaction has committed (a rolled-back
    action sends nothing). The caller checks who may invite whom."""
    from .tasks import send_invitation

    invitation = Invitation(
        kind=kind,
        email=(email or "").strip().lower(),
        language=language,
        region=region,
        organisation=organisation,
        user=user,
        invited_by=invited_by,
    )
    invitation.full_clean(exclude=["invited_by", "user", "region", "organisation"])
    invitation.save()
    transaction.on_commit(lambda: send_invitation.delay(invitation.pk))
    return invitation


def _invitation_email(invitation: Invitation) -> tuple[str, dict]:
    """The template and what it shows, by kind."""
    if invitation.kind == InvitationKind.COORDINATOR:
        return "accounts/email/coordinator_invitation", {"region": invitation.region}
    if invitation.kind == InvitationKind.STAFF:
        return "employers/email/staff_invitation", {"organisation": invitation.organisation}
    return "imports/email/account_invitation", {
        "first_name": invitation.user.first_name,
        "is_mentor": invitation.user.role == Role.MENTOR,
    }


def invitation_send(*, invitation: Invitation) -> bool:
    """Send the invitation e-mail in the invitee's language once; a retried task does not send it twice.

    The e-mail goes through the outbox in the same transaction that marks the invitation sent, so it is sent
    exactly when the mark is committed.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("region", "organisation", "user")
            .get(pk=invitation.pk)
        )
        if invitation.sent_at is not None or not invitation.is_usable:
            return False
        if invitation.kind == InvitationKind.IMPORTED_ACCOUNT and not invitation.user.is_active:
            return False
        template_prefix, context = _invitation_email(invitation)
        email_send_templated(
            to=invitation.address,
            language=invitation.mail_language,
            template_prefix=template_prefix,
            context={
                **context,
                "accept_url": absolute_url(invitation_accept_path(invitation=invitation)),
                "expires_at": invitation.expires_at,
            },
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True


def invitation_claim(*, invitation: Invitation) -> Invitation:
    """Lock the invitation for its acceptance (inside the caller's transaction): a second click waits, then
    finds it used. Raises ValidationError if it was used meanwhile or has expired."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("region", "organisation", "user")
        .get(pk=invitation.pk)
    )
    if not invitation.is_usable:
        raise ValidationError(_("This invitation was used already or has expired."))
    return invitation


def invitation_mark_accepted(*, invitation: Invitation) -> None:
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])


# An invitation still unsent this long after it was made has lost its send task (a broker outage, or a deploy that
# renamed the task while it waited): the nightly run sends it. Sending is idempotent, so a late task sends nothing.
INVITATION_LEFT_BEHIND_AFTER = timedelta(hours=1)


def invitations_send_left_behind() -> int:
    """Queue the send task again for usable invitations that never went out; returns how many."""
    from .tasks import send_invitation

    left_behind = list(
        Invitation.objects.pending()
        .unsent()
        .filter(created_at__lt=timezone.now() - INVITATION_LEFT_BEHIND_AFTER)
        .exclude(Q(kind=InvitationKind.IMPORTED_ACCOUNT) & Q(user__is_active=False))
        .values_list("pk", flat=True)
    )
    for pk in left_behind:
        send_invitation.delay(pk)
    return len(left_behind)


def invitations_purge_expired() -> int:
    """Expired invitations of every kind hold e-mail addresses (or point to an account) nobody needs any more;
    accepted ones stay as the record of how an account came to be."""
    deleted, _counts = Invitation.objects.expired().delete()
    return deleted


# --- Coordinator invitations --------------------------------------------------------------------------------


def coordinator_invite(*, email: str, region: Region, language: str, invited_by: User) -> Invitation:
    """An admin invites a coordinator for a region (the form has refused addresses that have an account)."""
    return invitation_create(
        kind=InvitationKind.COORDINATOR, email=email, region=region, language=language, invited_by=invited_by
    )


@transaction.atomic
def coordinator_invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    """Create the coordinator's account; the e-mail address is verified by the invitation link."""
    if invitation.kind != InvitationKind.COORDINATOR:
        raise ValueError("Not a coordinator invitation.")
    invitation = invitation_claim(invitation=invitation)
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        role=Role.COORDINATOR,
        region=invitation.region,
        preferred_language=invitation.language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation_mark_accepted(invitation=invitation)
    return user


def rate_limit_consume(*, action: str, key: str, limit: int, period_seconds: int) -> bool:
    """Counts one attempt at `action` by `key` (an address, an IP); False once `limit` is used up in the period.

    The key is hashed, so the cache holds no address in the clear.
    """
    digest = hashlib.sha256(f"{action}:{key.strip().lower()}".encode()).hexdigest()
    cache_key = f"ratelimit:{action}:{digest}"
    cache.add(cache_key, 0, timeout=period_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period_seconds)
        count = 1
    return count <= limit


def email_verification_resend(*, request, email: str) -> bool:
    """Sends the confirmation link again to an address still waiting for it; False when there is none.

    The caller tells the person the same either way, so nobody learns whether an address has an account.
    """
    address = EmailAddress.objects.filter(email__iexact=email.strip(), verified=False).select_related("user").first()
    if address is None or not address.user.is_active:
        return False
    address.send_confirmation(request, signup=False)
    return True


# --- Login delays (rules in accounts.selectors) -------------------------------------------------------------


def login_failure_record(*, login: str, address: str, now: float | None = None) -> None:
    """Count a failed login against the account and address, the address, and the account."""
    now = time.time() if now is None else now
    for throttle in LOGIN_THROTTLES:
        key = login_throttle_key(throttle=throttle, login=login, address=address)
        failures, _last = cache.get(key, (0, 0))
        cache.set(key, (failures + 1, now), LOGIN_FAILURES_KEPT_SECONDS)


def login_success_record(*, login: str, address: str) -> None:
    """The right password forgives the failures of this account, from this address and overall; the address's
    own count stays, so an attacker cannot wipe it by logging in to an account of their own in between."""
    for throttle in LOGIN_THROTTLES:
        if throttle.scope != "address":
            cache.delete(login_throttle_key(throttle=throttle, login=login, address=address))

import hashlib
import time

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from employers.services import organisation_create_with_admin
from places.models import Region
from portal.emails import absolute_url, email_send_templated

from .models import ORGANISATION_ROLES, SELF_SERVICE_ROLES, CoordinatorInvitation, Role, User
from .selectors import LOGIN_FAILURES_KEPT_SECONDS, LOGIN_THROTTLES, invitation_accept_path, login_throttle_key


def user_complete_signup(*, user: User, role: str, language: str, organisation_name: str = "") -> User:
    """Give a freshly signed-up person the role they chose and, for staff, their organisation."""
    if role not in SELF_SERVICE_ROLES:
        raise ValueError(f"Role {role!r} cannot be chosen at sign-up.")
    user.role = role
    user.preferred_language = language
    user.save(update_fields=["role", "preferred_language"])
    if role in ORGANISATION_ROLES:
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


def coordinator_invite(*, email: str, region: Region, language: str, invited_by: User) -> CoordinatorInvitation:
    """Record the invitation and send it by e-mail once the transaction has committed."""
    from .tasks import send_coordinator_invitation

    invitation = CoordinatorInvitation.objects.create(
        email=email.strip().lower(), region=region, language=language, invited_by=invited_by
    )
    transaction.on_commit(lambda: send_coordinator_invitation.delay(invitation.pk))
    return invitation


def coordinator_invitation_send(*, invitation: CoordinatorInvitation) -> bool:
    """Send the invitation e-mail once; a retried task does not send it twice."""
    with transaction.atomic():
        invitation = CoordinatorInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.sent_at is not None or not invitation.is_usable:
            return False
        email_send_templated(
            to=invitation.email,
            language=invitation.language,
            template_prefix="accounts/email/coordinator_invitation",
            context={
                "region": invitation.region,
                "accept_url": absolute_url(invitation_accept_path(invitation=invitation)),
                "expires_at": invitation.expires_at,
            },
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True


@transaction.atomic
def coordinator_invitation_accept(
    *, invitation: CoordinatorInvitation, first_name: str, last_name: str, password: str
) -> User:
    """Create the coordinator's account; the e-mail address is verified by the invitation link."""
    from allauth.account.models import EmailAddress

    invitation = CoordinatorInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValueError("This invitation was used already or has expired.")
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
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


def coordinator_invitations_purge_expired() -> int:
    """Expired invitations hold e-mail addresses nobody needs any more: delete them."""
    deleted, _ = CoordinatorInvitation.objects.expired().delete()
    return deleted


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

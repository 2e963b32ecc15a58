import hashlib
import hmac
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from places.selectors import user_coordinates_any

from .models import INVITATION_VALID_FOR, Invitation, InvitationKind, User

# --- Invitations ------------------------------------------------------------------------------------------
# A token is the invitation's id, signed with a salt of its kind and timestamped: it expires with the invitation,
# holds no address or name, and a token of one kind never opens an invitation of another. Nothing secret is
# stored, so there is nothing to leak from the database.

INVITATION_SALTS = {
    InvitationKind.COORDINATOR: "accounts.invitation.coordinator",
    InvitationKind.STAFF: "accounts.invitation.staff",
    InvitationKind.IMPORTED_ACCOUNT: "accounts.invitation.imported-account",
}
# The salts of the three tables before they were merged; their tokens carry the old id (Invitation.legacy_id).
# Links signed with them expire INVITATION_VALID_FOR after the merge, and these salts can go then.
LEGACY_INVITATION_SALTS = {
    InvitationKind.COORDINATOR: "accounts.coordinator-invitation",
    InvitationKind.STAFF: "employers.staff-invitation",
    InvitationKind.IMPORTED_ACCOUNT: "imports.account-invitation",
}
INVITATION_URL_NAMES = {
    InvitationKind.COORDINATOR: "accounts:invitation_accept",
    InvitationKind.STAFF: "employers:staff_invitation_accept",
    InvitationKind.IMPORTED_ACCOUNT: "imports:invitation_accept",
}


def invitation_token(*, invitation: Invitation) -> str:
    """A signed, expiring token naming the invitation; the e-mail address is not in it."""
    return signing.dumps(invitation.pk, salt=INVITATION_SALTS[invitation.kind])


def invitation_accept_path(*, invitation: Invitation) -> str:
    """The link in the e-mail, in the invited person's language; each kind keeps its own address."""
    with translation.override(invitation.mail_language):
        return reverse(INVITATION_URL_NAMES[invitation.kind], kwargs={"token": invitation_token(invitation=invitation)})


def _invitation_lookup(*, token: str, kind: str) -> dict | None:
    for salt, field in ((INVITATION_SALTS[kind], "pk"), (LEGACY_INVITATION_SALTS[kind], "legacy_id")):
        try:
            return {field: signing.loads(token, salt=salt, max_age=INVITATION_VALID_FOR)}
        except signing.BadSignature:
            continue
    return None


def invitation_from_token(*, token: str, kind: str) -> Invitation | None:
    """The usable invitation of this kind behind a token, or None if it is forged, expired, used or of another
    kind. An imported account's invitation also ends when the account is deactivated or has a password already
    (set meanwhile through "forgot password")."""
    lookup = _invitation_lookup(token=token, kind=kind)
    if lookup is None:
        return None
    invitation = Invitation.objects.select_related("region", "organisation", "user").filter(kind=kind, **lookup).first()
    if invitation is None or not invitation.is_usable:
        return None
    if kind == InvitationKind.IMPORTED_ACCOUNT and (
        not invitation.user.is_active or invitation.user.has_usable_password()
    ):
        return None
    return invitation


def invitation_list_pending(*, kind: str, organisation=None) -> QuerySet[Invitation]:
    """The invitations of a kind still waiting for an answer (staff invitations: of one organisation)."""
    invitations = Invitation.objects.pending().filter(kind=kind).select_related("region", "organisation")
    if kind == InvitationKind.STAFF:
        invitations = invitations.filter(organisation=organisation)
    return invitations


def invitation_for_existing_account(*, invitation: Invitation) -> bool:
    """Whether the invited address already has an account (shown only to whoever holds the invitation link)."""
    return User.objects.filter(email__iexact=invitation.email).exists()


def user_email_taken(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


# --- Coordinators' regions ---------------------------------------------------------------------------------


def user_coordinates_postal_code(*, user: User, postal_code: str) -> bool:
    """Admins coordinate everywhere; a coordinator only the postal codes of their region."""
    return user_coordinates_any_postal_code(user=user, postal_codes=[postal_code])


def user_coordinates_any_postal_code(*, user: User, postal_codes: list[str]) -> bool:
    """Whether the user coordinates at least one of the places: an organisation with a site in a coordinator's
    region is one the coordinator may act for. The rule is places.selectors.user_region_q's."""
    return user_coordinates_any(user=user, postal_codes=list(postal_codes))


# --- Login delays ------------------------------------------------------------------------------------------
# Failed logins slow further attempts down instead of locking the account: each key below allows a few free
# failures, then every further attempt must wait twice as long as the one before, up to a cap. The pair of
# account and address carries the long delays, so whoever guesses at an account from one address slows down
# only themselves; the address alone catches one machine trying many accounts; the account alone catches
# many machines guessing at one account, but its delay stays short, so that nobody can keep the owner out.


@dataclass(frozen=True)
class LoginThrottle:
    scope: str
    free_failures: int
    max_delay_seconds: int


LOGIN_THROTTLES = (
    LoginThrottle("account-address", free_failures=3, max_delay_seconds=15 * 60),
    LoginThrottle("address", free_failures=10, max_delay_seconds=15 * 60),
    LoginThrottle("account", free_failures=20, max_delay_seconds=30),
)
LOGIN_FAILURES_KEPT_SECONDS = 24 * 60 * 60


def login_throttle_key(*, throttle: LoginThrottle, login: str, address: str) -> str:
    """The cache key of one throttle; the e-mail address goes into it only as a keyed hash."""
    parts = {"account-address": (login, address), "address": ("", address), "account": (login, "")}[throttle.scope]
    digest = hmac.new(settings.SECRET_KEY.encode(), "\n".join(parts).lower().encode(), hashlib.sha256).hexdigest()
    return f"login-delay:{throttle.scope}:{digest}"


def login_delay_of(failures: int, *, throttle: LoginThrottle) -> int:
    """Seconds to wait after this many failures: none while free, then 1, 2, 4 ... up to the cap."""
    if failures < throttle.free_failures:
        return 0
    return min(2 ** min(failures - throttle.free_failures, 20), throttle.max_delay_seconds)


def login_wait_seconds(*, login: str, address: str, now: float | None = None) -> int:
    """How long this address must still wait before it may try to log in to this account (0: go ahead)."""
    now = time.time() if now is None else now
    wait = 0.0
    for throttle in LOGIN_THROTTLES:
        failures, last_failure = cache.get(login_throttle_key(throttle=throttle, login=login, address=address), (0, 0))
        wait = max(wait, last_failure + login_delay_of(failures, throttle=throttle) - now)
    return math.ceil(wait) if wait > 0 else 0

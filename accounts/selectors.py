from django.core import signing
from django.db.models import QuerySet
from django.urls import reverse

from places.selectors import region_postal_codes_within

from .models import INVITATION_VALID_FOR, CoordinatorInvitation, Role, User

INVITATION_SALT = "accounts.coordinator-invitation"


def invitation_token(*, invitation: CoordinatorInvitation) -> str:
    """A signed, expiring token naming the invitation; the e-mail address is not in it."""
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_accept_path(*, invitation: CoordinatorInvitation) -> str:
    from django.utils import translation

    with translation.override(invitation.language):
        return reverse("accounts:invitation_accept", kwargs={"token": invitation_token(invitation=invitation)})


def invitation_from_token(*, token: str) -> CoordinatorInvitation | None:
    """The usable invitation behind a token, or None if it is forged, expired or used."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_VALID_FOR)
    except signing.BadSignature:
        return None
    invitation = CoordinatorInvitation.objects.select_related("region").filter(pk=pk).first()
    if invitation is None or not invitation.is_usable:
        return None
    return invitation


def invitation_list_pending() -> QuerySet[CoordinatorInvitation]:
    return CoordinatorInvitation.objects.pending().select_related("region")


def user_email_taken(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


# --- Coordinators' regions ---------------------------------------------------------------------------------


def user_coordinates_postal_code(*, user: User, postal_code: str) -> bool:
    """Admins coordinate everywhere; a coordinator only the postal codes of their region."""
    return user_coordinates_any_postal_code(user=user, postal_codes=[postal_code])


def user_coordinates_any_postal_code(*, user: User, postal_codes: list[str]) -> bool:
    """Whether the user coordinates at least one of the places: an organisation with a site in a coordinator's
    region is one the coordinator may act for."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.COORDINATOR or user.region_id is None:
        return False
    return bool(region_postal_codes_within(region=user.region, postal_codes=list(postal_codes)))

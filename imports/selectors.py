import re

from django.core import signing
from django.urls import reverse
from django.utils import translation

from accounts.models import INVITATION_VALID_FOR
from employers.models import Organisation
from occupations.models import Occupation, OccupationTerm
from occupations.normalise import normalise

from .models import AccountInvitation

INVITATION_SALT = "imports.account-invitation"


def occupation_by_code_or_german_name(*, text: str) -> list[Occupation]:
    """The occupations a spreadsheet cell means: by KldB code, else by German name, else by German synonym.

    Usually one; none if unknown, several if a synonym is shared (then the code tells them apart).
    """
    text = (text or "").strip()
    if re.fullmatch(r"\d{5}", text):
        return list(Occupation.objects.filter(kldb_code=text))
    normalised = normalise(text)
    if not normalised:
        return []
    terms = OccupationTerm.objects.filter(language="de", normalised=normalised)
    for is_name in (True, False):
        ids = set(terms.filter(is_name=is_name).values_list("occupation_id", flat=True))
        if ids:
            return list(Occupation.objects.filter(pk__in=ids).order_by("kldb_code"))
    return []


def organisation_by_name(*, name: str) -> Organisation | None:
    """The organisation of this name, compared without case and repeated spaces; stand-ins for employers at the
    Jobbörse do not count (a partner's organisation of the same name is a new one, with staff)."""
    name = " ".join((name or "").split())
    return Organisation.objects.filter(name__iexact=name, is_external=False).first() if name else None


def organisation_name_taken(*, name: str) -> bool:
    return organisation_by_name(name=name) is not None


# --- Invitations of imported accounts ----------------------------------------------------------------------


def invitation_token(*, invitation: AccountInvitation) -> str:
    """A signed, expiring token naming the invitation; neither the e-mail address nor the name is in it."""
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_accept_path(*, invitation: AccountInvitation) -> str:
    """The link in the e-mail, in the invited person's language."""
    with translation.override(invitation.user.preferred_language):
        return reverse("imports:invitation_accept", kwargs={"token": invitation_token(invitation=invitation)})


def invitation_from_token(*, token: str) -> AccountInvitation | None:
    """The usable invitation behind a token, or None if it is forged, expired or used."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_VALID_FOR)
    except signing.BadSignature:
        return None
    invitation = AccountInvitation.objects.select_related("user").filter(pk=pk, user__is_active=True).first()
    # A password set meanwhile (through "forgot password") ends the invitation too.
    if invitation is None or not invitation.is_usable or invitation.user.has_usable_password():
        return None
    return invitation

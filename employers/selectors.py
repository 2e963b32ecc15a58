from accounts.models import User

from .models import Organisation


def organisation_of(*, user: User) -> Organisation | None:
    membership = getattr(user, "membership", None)
    return membership.organisation if membership else None

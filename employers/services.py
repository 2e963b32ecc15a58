from django.db import transaction

from accounts.models import User

from .models import Membership, Organisation


@transaction.atomic
def organisation_create_with_admin(
    *, name: str, admin: User, is_employer: bool = True, is_course_provider: bool = False
) -> Organisation:
    """A new organisation whose first staff member administers it."""
    organisation = Organisation.objects.create(
        name=name.strip(), is_employer=is_employer, is_course_provider=is_course_provider
    )
    Membership.objects.create(organisation=organisation, user=admin, is_admin=True)
    return organisation

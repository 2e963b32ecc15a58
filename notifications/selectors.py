from django.db.models import QuerySet

from accounts.models import User

from .models import Notification


def notification_list_for(*, user: User) -> QuerySet[Notification]:
    """The person's notices, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_of(*, user: User, pk: int) -> Notification | None:
    """A notice only if it is addressed to this person."""
    return Notification.objects.filter(recipient=user, pk=pk).first()


def notification_unread_count(*, user: User) -> int:
    """How many notices the person has not read yet (one COUNT query, none for anonymous visitors)."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user).unread().count()

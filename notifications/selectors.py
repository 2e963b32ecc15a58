from django.core.cache import cache
from django.db.models import QuerySet

from accounts.models import User

from .models import Notification


def notification_list_for(*, user: User) -> QuerySet[Notification]:
    """The person's notices, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_of(*, user: User, pk: int) -> Notification | None:
    """A notice only if it is addressed to this person."""
    return Notification.objects.filter(recipient=user, pk=pk).first()


# The header shows the count on every page a signed-in person opens, so it is kept in the shared cache until
# one of their notices is created, read or deleted (services.notification_unread_count_forget); the seconds
# bound what a write racing a reader could leave behind.
UNREAD_COUNT_SECONDS = 300


def unread_count_key(user_id: int) -> str:
    return f"notifications:unread-count:{user_id}"


def notification_unread_count(*, user: User) -> int:
    """How many notices the person has not read yet (from the cache, else one COUNT query; none for anonymous
    visitors)."""
    if not user.is_authenticated:
        return 0
    key = unread_count_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user).unread().count()
        cache.set(key, count, UNREAD_COUNT_SECONDS)
    return count

from celery import shared_task

from .models import CoordinatorInvitation
from .services import coordinator_invitation_send, coordinator_invitations_purge_expired


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_coordinator_invitation(invitation_id: int) -> bool:
    invitation = CoordinatorInvitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return coordinator_invitation_send(invitation=invitation)


@shared_task
def expire_invitations() -> int:
    return coordinator_invitations_purge_expired()

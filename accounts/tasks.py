from celery import shared_task

from .models import Invitation
from .services import invitation_send, invitations_purge_expired, invitations_send_left_behind


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_invitation(invitation_id: int) -> bool:
    """Sends an invitation of any kind; a retry or a second delivery of the task sends nothing more."""
    invitation = Invitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return invitation_send(invitation=invitation)


@shared_task
def expire_invitations() -> int:
    """Nightly: sends the invitations whose send task was lost, and deletes the expired ones of every kind."""
    invitations_send_left_behind()
    return invitations_purge_expired()

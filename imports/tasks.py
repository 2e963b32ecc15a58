from celery import shared_task

from .models import AccountInvitation
from .services import account_invitation_send


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_account_invitation(invitation_id: int) -> bool:
    invitation = AccountInvitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return account_invitation_send(invitation=invitation)

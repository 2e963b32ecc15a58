from celery import shared_task

from .models import StaffInvitation
from .services import staff_invitation_send, staff_invitations_purge_expired, vacancies_expire_due


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def expire_vacancies() -> int:
    return vacancies_expire_due()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_staff_invitation(invitation_id: int) -> bool:
    invitation = StaffInvitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return False
    return staff_invitation_send(invitation=invitation)


@shared_task
def expire_staff_invitations() -> int:
    return staff_invitations_purge_expired()

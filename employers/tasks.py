from celery import shared_task

from .services import vacancies_expire_due


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def expire_vacancies() -> int:
    return vacancies_expire_due()

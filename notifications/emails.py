"""E-mails are rendered in the recipient's language, never in the language of whoever triggered them."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from notifications.outbox import outbox_email_queue


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def email_send_templated(
    *, to: str, language: str, template_prefix: str, context: dict, headers: dict | None = None
) -> None:
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` in `language` and send them (with extra `headers`).

    The message goes through the outbox: it is sent after the caller's transaction commits, exactly once.
    """
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
        subject = " ".join(subject.splitlines())
        body = render_to_string(f"{template_prefix}_message.txt", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language, **(headers or {})},
    )
    outbox_email_queue(message=message)

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from notifications.outbox import outbox_email_queue

from .selectors import login_wait_seconds
from .services import login_failure_record, login_success_record


def _login(credentials: dict) -> str:
    return (credentials.get("email") or credentials.get("username") or "").strip().lower()


class AccountAdapter(DefaultAccountAdapter):
    """Allauth, speaking each person's own language and sending them to their own dashboard."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request)}
        full_context.update(context)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, full_context)
        # Through the outbox like every e-mail of the portal: sent after the commit, exactly once.
        outbox_email_queue(message=message)

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return reverse("dashboard")

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        # Later visits to unprefixed URLs open in the language stored on the account.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response

    # Failed logins: a progressive delay per account and address instead of allauth's lock of the account
    # (rules in accounts.selectors), so that nobody can keep a known person out by guessing wrong on purpose.

    def pre_authenticate(self, request, **credentials):
        wait = login_wait_seconds(login=_login(credentials), address=self.get_client_ip(request))
        if wait:
            raise ValidationError(
                ngettext(
                    "Too many failed attempts. Please wait %(seconds)s second and try again.",
                    "Too many failed attempts. Please wait %(seconds)s seconds and try again.",
                    wait,
                )
                % {"seconds": wait},
                code="too_many_login_attempts",
            )
        super().pre_authenticate(request, **credentials)

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            login_success_record(login=_login(credentials), address=self.get_client_ip(request))
        return user

    def authentication_failed(self, request, **credentials):
        login_failure_record(login=_login(credentials), address=self.get_client_ip(request))
        super().authentication_failed(request, **credentials)

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Allauth, speaking each person's own language and sending them to their own dashboard."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

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

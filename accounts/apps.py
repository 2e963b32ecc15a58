from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        # Kept pages and parts are rendered afresh when these change (common.page_cache, common.scoped_cache).
        from common.scoped_cache import CANDIDATE_DATA

        from .models import User

        CANDIDATE_DATA.watch(User, except_saves_of=("last_login",))  # signing in shows on no kept page

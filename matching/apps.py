from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self):
        from common.signals import matching_inputs_changed

        from .receivers import recompute_after_commit

        matching_inputs_changed.connect(recompute_after_commit, dispatch_uid="matching.recompute_after_commit")

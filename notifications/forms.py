from django import forms
from django.utils.translation import gettext_lazy as _


class DigestPreferenceForm(forms.Form):
    match_digest = forms.BooleanField(
        label=_("E-mail me about new matches"),
        help_text=_("At most one e-mail a day, and only when there is something new."),
        required=False,
    )

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SavedSearch


class SavedSearchNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the search"),
        max_length=SavedSearch._meta.get_field("name").max_length,
        required=False,
        help_text=_("For example “Kitchen jobs near me”."),
    )


class SavedSearchRenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=SavedSearch._meta.get_field("name").max_length)


class SavedSearchAlertsForm(forms.Form):
    alerts = forms.BooleanField(label=_("Tell me about new results in the daily e-mail"), required=False)

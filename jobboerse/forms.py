from django import forms
from django.utils.translation import gettext_lazy as _

from occupations.forms import OccupationChoiceField


class OccupationMapForm(forms.Form):
    occupation = OccupationChoiceField(
        label=_("Occupation in the catalogue"),
        help_text=_("Every ad with this occupation, now and later, is shown with the occupation you choose."),
    )

    def __init__(self, *args, occupations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if occupations is not None:
            self.fields["occupation"].queryset = occupations

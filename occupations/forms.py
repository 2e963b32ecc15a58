from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from .models import Occupation
from .selectors import occupation_grouped


class GroupedOccupationIterator(ModelChoiceIterator):
    """The empty choice, then one group per occupational field; names in the language active when rendered."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for field, occupations in occupation_grouped(occupations=self.queryset):
            yield (
                field.name(),
                [
                    (ModelChoiceIteratorValue(self.field.prepare_value(occupation), occupation), occupation.name())
                    for occupation in occupations
                ],
            )


class OccupationChoiceField(forms.ModelChoiceField):
    """A native <select> of occupations with one <optgroup> per occupational field: works on phones and without
    JavaScript. Pass (or later set) `queryset` to offer only some occupations, e.g. those a search found.
    """

    iterator = GroupedOccupationIterator

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("label", _("Occupation"))
        kwargs.setdefault("empty_label", _("Choose an occupation"))
        kwargs["error_messages"] = {
            "required": _("Please choose an occupation from the list."),
            "invalid_choice": _("Please choose an occupation from the list."),
            **kwargs.get("error_messages", {}),
        }
        super().__init__(queryset=Occupation.objects.all() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, obj):
        return obj.name()


class OccupationSearchForm(forms.Form):
    """The GET search box that narrows an occupation picker or the public catalogue page."""

    q = forms.CharField(
        label=_("Search for an occupation"),
        help_text=_("In any of our languages, for example Tischler, carpenter, نجار or столяр."),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

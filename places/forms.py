import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .geo import POSTAL_CODE_PATTERN, normalise_postal_code
from .selectors import place_lookup, postal_code_label
from .validators import validate_postal_code

# "31535", "31535 Neustadt am Rübenberge" (as the field shows a saved place) and "3 1535" are postal codes.
STARTS_WITH_DIGIT = re.compile(r"^\d")
CODE_AT_START = re.compile(r"^[\d ]+")


class PlaceInput(forms.TextInput):
    """A text input for a town or postal code; when a name fits several towns, radio buttons to choose one."""

    template_name = "places/widgets/place_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.place_choices = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["place_choices"] = self.place_choices
        context["widget"]["choice_name"] = self.choice_name(name)
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(self.choice_name(name)) or super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return self.choice_name(name) not in data and super().value_omitted_from_data(data, files, name)

    @staticmethod
    def choice_name(name: str) -> str:
        return f"{name}_choice"


class PostalCodeField(forms.CharField):
    """A place in Germany, typed as a town or a postal code; cleans to the postal code.

    "Hannover" becomes 30159 (the code nearest the town's centre); a name several towns share ("Neustadt")
    is an error that offers those towns to choose from; an unknown code or name is an error.
    """

    widget = PlaceInput
    default_validators = [validate_postal_code]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("label", _("Town or postal code"))
        kwargs.setdefault("help_text", _("For example Hannover or 30159."))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "postal-code", "spellcheck": "false"})
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        text = super().to_python(value)
        if not text or STARTS_WITH_DIGIT.match(text):
            return normalise_postal_code(CODE_AT_START.match(text).group() if text else "")
        found = place_lookup(text=text)
        if found.postal_code:
            return found.postal_code
        if found.choices:
            self.widget.place_choices = found.choices
            raise ValidationError(
                _("Several places are called “%(name)s”. Please choose one or enter the postal code."),
                code="ambiguous_place",
                params={"name": text},
            )
        raise ValidationError(
            _("We do not know a place called “%(name)s”. Please check the spelling or enter the postal code."),
            code="unknown_place",
            params={"name": text},
        )

    def prepare_value(self, value):
        """A saved postal code shows with its town, so the person sees which place it is."""
        if isinstance(value, str) and POSTAL_CODE_PATTERN.match(value):
            return postal_code_label(postal_code=value)
        return value


class PostalCodeListField(forms.CharField):
    """Several postal codes separated by commas, spaces or line breaks."""

    widget = forms.Textarea(attrs={"rows": 4})

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [normalise_postal_code(part) for part in re.split(r"[\s,;]+", text) if part.strip()]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        errors = []
        for code in value:
            try:
                validate_postal_code(code)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(code) for code in value)
        return value

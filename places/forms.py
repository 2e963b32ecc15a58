import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .geo import normalise_postal_code
from .validators import validate_postal_code


class PostalCodeField(forms.CharField):
    """A German postal code; an unknown one is a form error."""

    default_validators = [validate_postal_code]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("min_length", 5)
        kwargs.setdefault("label", _("Postal code"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "postal-code", "pattern": "[0-9]{5}"})
        return attrs

    def to_python(self, value):
        return normalise_postal_code(super().to_python(value))


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

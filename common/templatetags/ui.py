"""Small helpers for pages read on phones and in right-to-left languages.

* `{% active_filters form as filters %}`: the filters a search runs with, as short texts for a one-line summary.
* `{{ value|bdi }}`: German names and user text isolated from the page's direction (`<bdi>`), so that
  punctuation stays where it belongs in Arabic and Persian pages.
* `{{ items|join_list }}`: a list joined with the reader's separator ("، " in Arabic and Persian).
* `{{ postal_codes|summarised }}`: "31535, 30159 and 96 more" instead of a wall of codes.
"""

import datetime

from django import forms, template
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext

from places.selectors import postal_code_label

register = template.Library()

# Arabic and Persian separate the items of a list with the Arabic comma.
LIST_SEPARATORS = {"ar": "، ", "fa": "، "}
DEFAULT_LIST_SEPARATOR = ", "
SUMMARY_SHOWN = 5


def list_separator(language: str | None = None) -> str:
    return LIST_SEPARATORS.get((language or get_language() or "").split("-")[0], DEFAULT_LIST_SEPARATOR)


@register.filter(is_safe=True)
def join_list(items, separator_language: str = ""):
    """The items joined with the reader's list separator; each item escaped unless it is already safe."""
    return format_html_join(list_separator(separator_language or None), "{}", ((item,) for item in items))


@register.filter(is_safe=True)
def bdi(value):
    """`<bdi>value</bdi>`: the text keeps its own direction inside a page of the other direction."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def summarised(values, shown: int = SUMMARY_SHOWN) -> str:
    """The first few values and how many more: "31535, 30159 and 96 more"."""
    values = [str(value) for value in values]
    if len(values) <= shown:
        return list_separator().join(values)
    rest = len(values) - shown
    return ngettext("%(first)s and %(count)s more", "%(first)s and %(count)s more", rest) % {
        "first": list_separator().join(values[:shown]),
        "count": rest,
    }


def _shown_value(field: forms.Field, value) -> str:
    """What a filter's value reads as: the chosen option's label, the place's name, the field's label for a tick."""
    if isinstance(field, forms.BooleanField):
        return str(field.label)
    choices = getattr(field, "choices", None)
    if choices is not None:
        labels = {str(key): str(label) for key, label in _flat_choices(choices)}
        if isinstance(value, list | tuple | set):
            return list_separator().join(labels.get(str(item), str(item)) for item in value)
        return labels.get(str(value), str(value))
    if field.__class__.__name__ == "PostalCodeField":
        return postal_code_label(postal_code=str(value))
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(formats.localize(value))


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat_choices(label)
        else:
            yield key, label


# Settings of how results are shown, not filters of which are shown.
NOT_FILTERS = frozenset({"sort", "page_size", "page"})
# A distance narrows the results even when it is the preset one.
SHOWN_EVEN_IF_PRESET = frozenset({"radius", "radius_km"})


@register.simple_tag
def active_filters(form) -> list[str]:
    """The filters of a valid search form that narrow the results, each as a short text, in form order."""
    cleaned = getattr(form, "cleaned_data", None) or {}
    texts = []
    for name, field in form.fields.items():
        if name in NOT_FILTERS or isinstance(field.widget, forms.HiddenInput):
            continue
        value = cleaned.get(name)
        if value in (None, "", [], (), False):
            continue
        if value == field.initial and name not in SHOWN_EVEN_IF_PRESET:
            continue
        if name == "near":
            # "From my home" says enough; the home's postal code, filled in by the form, is not repeated.
            texts.append(str(field.label))
            continue
        if name == "postal_code" and cleaned.get("near"):
            continue
        shown = _shown_value(field, value)
        if isinstance(field, forms.BooleanField | forms.ChoiceField | forms.MultipleChoiceField) or name == "q":
            texts.append(f"“{shown}”" if name == "q" else shown)
        else:
            texts.append(gettext("%(filter)s: %(value)s") % {"filter": field.label, "value": shown})
    return texts

"""{{ postal_code|place_label }} → "31535 Neustadt am Rübenberge", the town in the reader's script where known."""

from django import template

from places.selectors import postal_code_label

register = template.Library()


@register.filter
def place_label(postal_code, style: str = "") -> str:
    """`|place_label:"full"` adds the German name after one in another script: "30159 Ганновер (Hannover)"."""
    return postal_code_label(postal_code=postal_code or "", with_german=style == "full")

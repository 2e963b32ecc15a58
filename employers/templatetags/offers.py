from django import template

from employers.offer_glossary import glossary_html

register = template.Library()


@register.filter
def german_glossary(text: str):
    """An employer's German text with its catalogue terms translated on tap (see employers.offer_glossary)."""
    return glossary_html(text or "")

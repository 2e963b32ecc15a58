"""Rendered fragments of the search pages, reused instead of rendered again for every request.

The search pages spend most of their time in templates, not in the database: the fields of the filter form
(crispy wraps every widget, and a select renders a template per option) and the facts of every result
card. What these show depends only on what is passed in and on the reader's language, never on who reads:

    {% load fragments %}
    {{ form.kind|as_search_field }}
    {% cached_include "vacancies/includes/facts.html" vacancy=vacancy %}

See portal.render_cache for what a fragment is keyed by and what is never cached.
"""

from django import template

from portal.render_cache import cached_fragment, search_field_html

register = template.Library()


@register.filter
def as_search_field(field):
    """`|as_crispy_field`, reused for the same field state in the same language on forms that allow it."""
    return search_field_html(field)


@register.simple_tag
def cached_include(template_name: str, **objects):
    """The template rendered with only these objects, reused while they and the language stay the same."""
    return cached_fragment(template_name, **objects)

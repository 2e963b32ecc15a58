"""Rendered fragments of the search pages, reused instead of rendered again for every request.

The search pages spend most of their time in templates, not in the database: the fields of the filter form
(crispy wraps every widget, and a select renders a template per option) and the facts of every result
card. What these show depends only on what is passed in and on the reader's language, never on who reads:

    {% load fragments %}
    {{ form.kind|as_search_field }}
    {% reuse vacancy %}<h3>{{ vacancy.title }}</h3>…{% endreuse %}

See common.render_cache for what a fragment is keyed by and what is never cached.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from common.render_cache import reused_block, search_field_html

register = template.Library()

# Stands in for the reader's CSRF token in a reused block; replaced by the token of each request.
CSRF_PLACEHOLDER = "csrf-token-of-this-request-3f9a1c"


@register.filter
def as_search_field(field):
    """`|as_crispy_field`, reused for the same field state in the same language on forms that allow it."""
    return search_field_html(field)


class ReuseNode(template.Node):
    def __init__(self, nodelist, objects):
        self.nodelist = nodelist
        self.objects = objects

    def render(self, context):
        objects = [value.resolve(context) for value in self.objects]
        # The node itself tells this block from the others: its template is compiled once per process (the
        # cached loader), and the fragments are kept per process too.
        place = f"{self.origin.name}:{self.token.lineno}:{id(self)}"

        def render_block():
            # A {% csrf_token %} in the block is kept as a placeholder, never as somebody's token.
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return self.nodelist.render(context)

        html = reused_block(place, objects, render_block)
        if CSRF_PLACEHOLDER in html:
            token = str(context.get("csrf_token", "NOTPROVIDED"))
            if token == "NOTPROVIDED":  # noqa: S105 - as {% csrf_token %} renders it without a request: nothing
                html = html.replace(f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}">', "")
            html = mark_safe(html.replace(CSRF_PLACEHOLDER, escape(token)))  # noqa: S308 - escaped token
        return html


@register.tag
def reuse(parser, token):
    """`{% reuse vacancy %}…{% endreuse %}`: the block rendered once for these objects in this language.

    Only for a block that shows nothing but the objects named (and fixed text): whatever else of the context
    it used, such as the user, would be taken from whoever saw it first. The one exception is
    `{% csrf_token %}`: kept as a placeholder and filled in with each request's token. A related object the block shows
    must come with the object (select_related), or a change of it would not be seen.
    """
    objects = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not objects:
        raise template.TemplateSyntaxError("{% reuse %} needs the objects the block shows.")
    nodelist = parser.parse(("endreuse",))
    parser.delete_first_token()
    return ReuseNode(nodelist, objects)

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
from django.utils.safestring import mark_safe

from common import reader_parts
from common.render_cache import reused_block, search_field_html

register = template.Library()


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
            # The reader's parts in the block ({% csrf_token %}, the unread badge) are kept as placeholders,
            # never as somebody's own (common.reader_parts).
            with context.push(csrf_token=reader_parts.CSRF_TOKEN, **{reader_parts.CONTEXT_FLAG: True}):
                return self.nodelist.render(context)

        html = reused_block(place, objects, render_block)
        if reader_parts.placeholders_in(context):
            return html  # inside a block or page that is itself kept: filled in when that is served
        return mark_safe(reader_parts.fill(html, context.get("request")))  # noqa: S308 - the fillers escape what they put in


@register.tag
def reuse(parser, token):
    """`{% reuse vacancy %}…{% endreuse %}`: the block rendered once for these objects in this language.

    Only for a block that shows nothing but the objects named (and fixed text): whatever else of the context
    it used, such as the user, would be taken from whoever saw it first. The exceptions are the reader's parts of
    common.reader_parts (`{% csrf_token %}`, `{% unread_badge %}`): kept as placeholders and filled in for each
    request. A related object the block shows
    must come with the object (select_related), or a change of it would not be seen.
    """
    objects = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not objects:
        raise template.TemplateSyntaxError("{% reuse %} needs the objects the block shows.")
    nodelist = parser.parse(("endreuse",))
    parser.delete_first_token()
    return ReuseNode(nodelist, objects)

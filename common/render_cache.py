"""Reusing rendered HTML of the search pages where it cannot depend on who is reading.

Two kinds of fragment, both keyed by a digest of everything they show plus the language, and kept in the
worker's memory (a bounded store, the least recently used dropped first): the shared cache would cost a round
trip per fragment, which on a busy machine is as slow as rendering it. A new release starts new workers, so a
changed template or translation never meets an old fragment.

- A field of a filter form (`search_field_html`), only for the fields a form lists in
  `cache_rendered_fields` (never one that shows something of the reader, such as "From my home: 30159
  Hannover"), only without errors, and only for values from a fixed list (choices, check boxes) or an empty text
  field: whatever a person typed is never part of a cache entry.
- A block about public objects (`reused_block`, the `{% reuse %}` tag), such as the facts of a published
  vacancy: keyed by every value of the objects and of the related objects loaded with them (so an edit shows
  at once), the block's place in its template and the language.

Nothing personal goes in: no user, no session, no CSRF token, no request. A fragment that needs those must
not use this.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.conf import settings
from django.db.models import Model
from django.forms import CheckboxInput
from django.forms.widgets import ChoiceWidget
from django.utils import translation
from django.utils.safestring import mark_safe

from common.worker_store import RecentlyUsed, digest

# Fragments kept per worker, a few kilobytes each: the result cards of many pages in every language.
MAX_FRAGMENTS_KEPT = 5_000


fragments = RecentlyUsed(MAX_FRAGMENTS_KEPT)


def _digest(*parts) -> str:
    return digest(*parts, size=16)


def _field_state(field) -> tuple | None:
    """What the rendered field shows, or None when it must be rendered afresh."""
    if field.errors:
        return None
    widget = field.field.widget
    value = field.value()
    if not isinstance(widget, ChoiceWidget | CheckboxInput) and value not in (None, ""):
        return None  # typed by the reader: never kept
    choices = tuple((str(key), str(label)) for key, label in getattr(widget, "choices", ()))
    return (
        translation.get_language(),
        type(field.form).__module__,
        type(field.form).__qualname__,
        field.html_name,
        field.auto_id,
        str(field.label),
        str(field.help_text),
        type(widget).__qualname__,
        sorted((str(name), str(attr)) for name, attr in widget.attrs.items()),
        field.field.required,
        field.field.disabled,
        field.form.is_bound,
        choices,
        repr(value),
    )


def search_field_html(field) -> str:
    """The field as `|as_crispy_field` renders it, kept per worker for the same state and language."""
    if field.name not in getattr(field.form, "cache_rendered_fields", ()):
        return as_crispy_field(field)
    state = _field_state(field)
    if state is None:
        return as_crispy_field(field)
    key = f"field:{_digest(*state)}"
    html = fragments.get(key)
    if html is None:
        html = str(as_crispy_field(field))
        fragments.set(key, html)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


def _instance_values(instance: Model, depth: int = 2) -> tuple:
    """Every loaded value of the instance and of the related objects loaded with it (select_related).

    Worked out once per instance (a card reuses several blocks of the same vacancy); kept on the instance under
    a name with an underscore, which the values themselves leave out.
    """
    known = instance.__dict__.get("_render_values")
    if known is not None and known[0] == depth:
        return known[1]
    values = tuple(sorted((name, repr(value)) for name, value in vars(instance).items() if not name.startswith("_")))
    related = ()
    if depth:
        related = tuple(
            (name, _instance_values(other, depth - 1) if isinstance(other, Model) else repr(other))
            for name, other in sorted(instance._state.fields_cache.items())
        )
    found = (type(instance)._meta.label, values, related)
    instance.__dict__["_render_values"] = (depth, found)
    return found


def _object_values(value) -> tuple | str:
    return _instance_values(value) if isinstance(value, Model) else repr(value)


def reused_block(place: str, objects: list, render) -> str:
    """A block of a template (`place`: its template and position) rendered once per objects and language.

    Not reused while DEBUG is on: a template edited in development keeps its place but not its content.
    """
    if settings.DEBUG:
        return render()
    key = f"block:{_digest(place, translation.get_language(), [_object_values(value) for value in objects])}"
    html = fragments.get(key)
    if html is None:
        html = str(render())
        fragments.set(key, html)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there

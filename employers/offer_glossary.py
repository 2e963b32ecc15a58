"""German words in an employer's text that the catalogues know, with their translation for the reader.

An A1 reader taps "Lagerlogistik" in the German description and sees "складська логістика". The terms are
occupation names and German synonyms (occupations catalogue) and the German wording of the task list.
"""

import re
from functools import cache

from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from occupations.models import Occupation, OccupationTerm

from .offer_vocabulary import TASKS

# Shorter words are too often part of something else ("Bau" in "Baum").
MIN_TERM_LENGTH = 4


@cache
def _glossary(language: str) -> tuple[dict[str, str], re.Pattern | None]:
    """{German term in lower case: translation} and one pattern finding them, longest first; read once a language."""
    names = dict(Occupation.objects.values_list("pk", "names"))
    terms: dict[str, str] = {}
    for occupation_id, text in OccupationTerm.objects.filter(language="de").values_list("occupation_id", "text"):
        translated = names.get(occupation_id, {}).get(language)
        if translated and len(text) >= MIN_TERM_LENGTH and translated.casefold() != text.casefold():
            terms.setdefault(text.casefold(), translated)
    with translation.override(language):
        for label, german in TASKS.values():
            terms.setdefault(german.casefold(), str(label))
    if not terms:
        return terms, None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return terms, re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)


def glossary_forget() -> None:
    """Reads the catalogues anew on next use (they change only when the occupation catalogue is reloaded)."""
    _glossary.cache_clear()


def glossary_html(text: str, *, language: str | None = None) -> SafeString:
    """The text, escaped, with line breaks, and each known term as a disclosure that shows its translation."""
    language = (language or translation.get_language() or "de").split("-")[0]
    html = escape(text)
    if language != "de":
        terms, pattern = _glossary(language)
        if pattern is not None:
            html = pattern.sub(lambda match: _term(match.group(0), terms[match.group(0).casefold()], language), html)
    return mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (escaped above, only our markup added)


def _term(word: str, translated: str, language: str) -> str:
    return (
        f'<details class="term"><summary class="term__word">{word}</summary>'
        f'<span class="term__translation" lang="{language}" dir="auto">{escape(translated)}</span></details>'
    )

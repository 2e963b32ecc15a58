import hashlib
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils.translation import get_language

from .models import Occupation, OccupationField, OccupationTerm
from .normalise import normalise

# How well a term matches, best first.
RANK_EXACT, RANK_PREFIX, RANK_WORD_PREFIX, RANK_SUBSTRING, RANK_WORDS = range(5)
_ARABIC_ARTICLE = "ال"

# The catalogue changes only when it is loaded again (occupation_catalogue_load gives it a new version), so
# what a query finds, and the sorted field names, are kept for a day; every vacancy search asks.
SEARCH_CACHE_SECONDS = 24 * 60 * 60
CATALOGUE_VERSION_KEY = "occupations:catalogue-version"


def _language(language: str | None) -> str:
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _without_article(word: str) -> str:
    # "النجار" (the carpenter) must find "نجار": Arabic writes the article onto the word.
    if word.startswith(_ARABIC_ARTICLE) and len(word) > len(_ARABIC_ARTICLE) + 1:
        return word[len(_ARABIC_ARTICLE) :]
    return word


def _any_of(lookup: str, values: Iterable[str]) -> Q:
    condition = Q()
    for value in values:
        condition |= Q(**{lookup: value})
    return condition


def occupation_search(*, query: str, limit: int = 20) -> list[Occupation]:
    """Occupations with a name or synonym in any language containing every word of the query.

    Best match first: the whole term, then terms beginning with the query, then a word of the term
    beginning with it, then anywhere; official names before synonyms, shorter terms first. On PostgreSQL a
    query that contains no term finds the terms most like it instead, so a typo ("Tischlr") still finds the
    occupation. Each occupation comes once, with its field loaded and `matched_term` (the OccupationTerm
    that matched best) set. Which terms match is cached: one query on a cache hit, two (three for a typo) on
    a miss.
    """
    best = _best_terms(query=query, limit=limit)
    if not best:
        return []
    terms = OccupationTerm.objects.select_related("occupation__field").in_bulk([term_id for _pk, term_id in best])
    results = []
    for _occupation_id, term_id in best:
        term = terms.get(term_id)
        if term is None:  # replaced by a catalogue load since the search was cached
            continue
        occupation = term.occupation
        occupation.matched_term = term
        results.append(occupation)
    return results


def occupation_ids_for_search(*, query: str, limit: int = 50) -> list[int]:
    """The ids of the occupations occupation_search finds, best first; no query at all when cached."""
    return [occupation_id for occupation_id, _term_id in _best_terms(query=query, limit=limit)]


def _best_terms(*, query: str, limit: int) -> list[tuple[int, int]]:
    """(occupation id, id of its best matching term) for the query, best first, from the cache if there."""
    normalised = normalise(query)
    if not normalised or limit <= 0:
        return []
    digest = hashlib.sha256(normalised.encode()).hexdigest()[:32]
    key = f"occupations:search:{_catalogue_version()}:{limit}:{digest}"
    best = cache.get(key)
    if best is None:
        best = _rank_terms(normalised, limit)
        cache.set(key, best, SEARCH_CACHE_SECONDS)
    return best


def _catalogue_version() -> str:
    # A new version whenever the shared cache lost it, so that nothing kept from before counts as current.
    return cache.get_or_set(CATALOGUE_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def _rank_terms(normalised: str, limit: int) -> list[tuple[int, int]]:
    words = normalised.split()
    phrases = {normalised, " ".join(_without_article(word) for word in words)}
    condition = Q()
    for word in words:
        condition &= _any_of("normalised__contains", {word, _without_article(word)})
    terms = (
        OccupationTerm.objects.filter(condition)
        .annotate(
            rank=Case(
                When(_any_of("normalised", phrases), then=Value(RANK_EXACT)),
                When(_any_of("normalised__startswith", phrases), then=Value(RANK_PREFIX)),
                When(
                    _any_of("normalised__contains", {" " + phrase for phrase in phrases}), then=Value(RANK_WORD_PREFIX)
                ),
                When(_any_of("normalised__contains", phrases), then=Value(RANK_SUBSTRING)),
                default=Value(RANK_WORDS),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "-is_name", Length("normalised"), "occupation__kldb_code", "language", "pk")
    )
    best = _first_per_occupation(terms.values_list("occupation_id", "pk").iterator(), limit)
    if not best and connection.vendor == "postgresql":
        # pg_trgm: terms with a word much like the query (word similarity of at least 0.6), most alike first.
        similar = (
            OccupationTerm.objects.filter(TrigramWordSimilar(F("normalised"), normalised))
            .annotate(similarity=TrigramWordSimilarity(normalised, "normalised"))
            .order_by("-similarity", "-is_name", Length("normalised"), "occupation__kldb_code", "language", "pk")
        )
        best = _first_per_occupation(similar.values_list("occupation_id", "pk").iterator(), limit)
    return best


def _first_per_occupation(rows: Iterable[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    best: dict[int, int] = {}
    for occupation_id, term_id in rows:
        if occupation_id not in best:
            best[occupation_id] = term_id
            if len(best) >= limit:
                break
    return list(best.items())


def occupation_grouped(
    *, language: str | None = None, occupations: Iterable[Occupation] | None = None
) -> list[tuple[OccupationField, list[Occupation]]]:
    """Occupations grouped by field, fields and occupations sorted by their names in the reader's language.

    Sorting compares normalise()d names, so it does not depend on the server's locale and works for
    Arabic, Cyrillic and Latin alike. Pass a queryset or list to group only those occupations.
    """
    language = _language(language)
    if occupations is None:
        occupations = Occupation.objects.all()
    if isinstance(occupations, QuerySet):
        occupations = occupations.select_related("field")
    groups: dict[int, tuple[OccupationField, list[Occupation]]] = {}
    for occupation in occupations:
        groups.setdefault(occupation.field_id, (occupation.field, []))[1].append(occupation)
    for _field, members in groups.values():
        members.sort(key=lambda occupation: (normalise(occupation.name(language)), occupation.kldb_code))
    return sorted(groups.values(), key=lambda group: (normalise(group[0].name(language)), group[0].code))


def occupation_grouped_choices(
    *, language: str | None = None, occupations: Iterable[Occupation] | None = None
) -> list[tuple[str, list[tuple[int, str]]]]:
    """(field name, [(occupation id, occupation name), ...]) in the reader's language, for a grouped <select>."""
    language = _language(language)
    return [
        (field.name(language), [(occupation.pk, occupation.name(language)) for occupation in members])
        for field, members in occupation_grouped(language=language, occupations=occupations)
    ]


def occupation_field_list(*, language: str | None = None) -> list[OccupationField]:
    """Every occupational field with `occupation_count`, sorted by its name in the reader's language."""
    language = _language(language)
    fields = OccupationField.objects.annotate(occupation_count=Count("occupations"))
    return sorted(fields, key=lambda field: (normalise(field.name(language)), field.code))


def occupation_field_choices(*, language: str | None = None) -> list[tuple[int, str]]:
    """(id, name) of every occupational field, sorted by name in the reader's language; cached like the search."""
    language = _language(language)
    version = _catalogue_version()
    # Kept in the worker as well: every search page asks, and the shared cache costs a round trip each time.
    choices = _field_choices_of_worker.get((version, language))
    if choices is not None:
        return choices
    key = f"occupations:field-choices:{version}:{language}"
    choices = cache.get(key)
    if choices is None:
        choices = [(field.pk, field.name(language)) for field in occupation_field_list(language=language)]
        cache.set(key, choices, SEARCH_CACHE_SECONDS)
    if len(_field_choices_of_worker) > 100:  # old catalogue versions
        _field_choices_of_worker.clear()
    _field_choices_of_worker[version, language] = choices
    return choices


_field_choices_of_worker: dict[tuple[str, str], list[tuple[int, str]]] = {}


def occupation_catalogue_stats() -> dict:
    """How big the catalogue is: occupations, fields, and names and synonyms per language."""
    per_language = {
        row["language"]: row
        for row in OccupationTerm.objects.values("language").annotate(
            names=Count("pk", filter=Q(is_name=True)), synonyms=Count("pk", filter=Q(is_name=False))
        )
    }
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "occupations": Occupation.objects.count(),
        "fields": OccupationField.objects.filter(occupations__isnull=False).distinct().count(),
        "terms": OccupationTerm.objects.count(),
        "synonyms": {code: per_language.get(code, {}).get("synonyms", 0) for code in languages},
        "names": {code: per_language.get(code, {}).get("names", 0) for code in languages},
    }

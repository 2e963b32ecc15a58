"""Which catalogue occupation a Jobbörse occupation name or ad title means, by rules over the catalogue's German
names and synonyms.

The Jobbörse names occupations after the Bundesagentur's own list ("Helfer/in - Lagerwirtschaft", "Fachkraft -
Lagerlogistik", "Elektroniker/in - Energie- und Gebäudetechnik"); the catalogue says "Lagerhelfer/in", "Fachkraft
für Lagerlogistik", "Elektroniker/in für Energie- und Gebäudetechnik". The rules, best first:

1. every word of a catalogue term (without "für", "und", … and gender endings) is a word of the text, the term
   with the most words wins ("Kfz-Mechatroniker/in - PKW-Technik" → "Kfz-Mechatroniker/in");
2. a one-word term is a compound of a text word's stem and another text word ("Helfer/in - Lagerwirtschaft" →
   "Lagerhelfer/in", "Helfer/in - Reinigung" → "Reinigungshelfer/in");
3. only when no text passes 1 or 2: the text is one word that begins longer terms, all of one occupation
   ("Alltagsbegleiter/in"… "Betreuungskraft" → "Betreuungskraft (Alltagsbegleiter/in)").

Official names beat synonyms; a tie between two occupations is no answer (a coordinator decides).
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from occupations.normalise import gender_forms, normalise

STOPWORDS = frozenset(
    "fur fuer und u im in der die das des dem den mit von vom zum zur am an bei oder als m w d".split()
)
# "Koch/Köchin", "Bauer/Bäuerin": two whole words for one occupation; "Kaufmann/-frau" keeps the first word.
_ALTERNATIVES = re.compile(r"(\w{2,})/(-?)(\w{3,})")
# "Zimmermädchen/-mann", "Kaufmann/-frau": the text after "/-" only repeats the occupation in another gender.
_DASH_ALTERNATIVE = re.compile(r"/-\w+")
MIN_STEM = 3


@dataclass(frozen=True)
class Term:
    occupation_id: int
    words: frozenset[str]
    is_name: bool
    lead: str


def words_of(text: str) -> frozenset[str]:
    return frozenset(word for word in normalise(text).split() if word not in STOPWORDS)


def _variants(text: str) -> set[str]:
    variants = {text, *gender_forms(text)}
    for variant in list(variants):
        if _ALTERNATIVES.search(variant):
            variants.add(_ALTERNATIVES.sub(lambda m: m.group(1), variant))
            variants.add(_ALTERNATIVES.sub(lambda m: m.group(1) if m.group(2) else m.group(3), variant))
    return variants


class OccupationRules:
    """Built once from the catalogue's German terms: rows of (occupation id, text, is the official name)."""

    def __init__(self, terms: Iterable[tuple[int, str, bool]]):
        self.by_word: dict[str, list[Term]] = defaultdict(list)
        self.single: dict[str, list[Term]] = defaultdict(list)
        seen = set()
        for occupation_id, text, is_name in terms:
            for variant in _variants(text):
                words = words_of(variant)
                if not words or (occupation_id, words) in seen:
                    continue
                seen.add((occupation_id, words))
                lead = next(word for word in normalise(variant).split() if word not in STOPWORDS)
                term = Term(occupation_id, words, is_name, lead)
                for word in words:
                    self.by_word[word].append(term)
                if len(words) == 1:
                    self.single[next(iter(words))].append(term)

    def match(self, *texts: str) -> int | None:
        """The occupation id the texts mean (the first that the strong rules place, else the first that the weak
        rule places), or None when no rule finds one or a rule cannot decide."""
        word_sets = [words_of(_DASH_ALTERNATIVE.sub("", text)) for text in texts if text]
        for words in word_sets:
            found = self._strong(words)
            if found is not None:
                return found
        for words in word_sets:
            found = self._weak(words)
            if found is not None:
                return found
        return None

    def _strong(self, words: frozenset[str]) -> int | None:
        """Rules 1 and 2: the term with the most words found in the text, whole or as a compound."""
        # Rank of a candidate: (words matched, official name); higher is better.
        best: dict[int, tuple[int, bool]] = {}

        def consider(term: Term, rank: tuple[int, bool]) -> None:
            if rank > best.get(term.occupation_id, (0, False)):
                best[term.occupation_id] = rank

        for word in words:
            for term in self.by_word.get(word, ()):
                if term.words <= words:
                    consider(term, (len(term.words), term.is_name))
        for head in words:
            for other in words - {head}:
                for cut in range(MIN_STEM, len(other) + 1):
                    stem = other[:cut]
                    for compound in (stem + head, stem + "s" + head):
                        for term in self.single.get(compound, ()):
                            consider(term, (2, term.is_name))
        if not best:
            return None
        top = max(best.values())
        winners = [occupation_id for occupation_id, rank in best.items() if rank == top]
        return winners[0] if len(winners) == 1 else None

    def _weak(self, words: frozenset[str]) -> int | None:
        """Rule 3: the text is the first word of longer terms, all of one occupation."""
        if len(words) != 1:
            return None
        word = next(iter(words))
        found = {term.occupation_id for term in self.by_word.get(word, ()) if len(term.words) > 1 and term.lead == word}
        return found.pop() if len(found) == 1 else None

"""Which catalogue occupation a Jobbörse occupation name or ad title means, by rules over the catalogue's German
names and synonyms.

The Jobbörse names occupations after the Bundesagentur's own list ("Helfer/in - Lagerwirtschaft", "Fachkraft -
Lagerlogistik", "Elektroniker/in - Energie- und Gebäudetechnik"); the catalogue says "Lagerhelfer/in", "Fachkraft
für Lagerlogistik", "Elektroniker/in für Energie- und Gebäudetechnik". The rules, best first:

1. every word of a catalogue term (without "für", "und", … and gender endings) is a word of the text, the term
   with the most words wins ("Kfz-Mechatroniker/in - PKW-Technik" → "Kfz-Mechatroniker/in");
2. a one-word term is a compound of a text word's stem and another text word ("Helfer/in - Lagerwirtschaft" →
   "Lagerhelfer/in", "Helfer/in - Reinigung" → "Reinigungshelfer/in");
3. the text is a single term's words and more ("Betreuungskraft" → "Betreuungskraft (Alltagsbegleiter/in)"),
   when only one occupation has such a term.

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
MIN_STEM = 3


@dataclass(frozen=True)
class Term:
    occupation_id: int
    words: frozenset[str]
    is_name: bool


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
                term = Term(occupation_id, words, is_name)
                for word in words:
                    self.by_word[word].append(term)
                if len(words) == 1:
                    self.single[next(iter(words))].append(term)

    def match(self, text: str) -> int | None:
        """The occupation id the text means, or None when the rules find none or cannot decide."""
        words = words_of(text)
        if not words:
            return None
        # Rank of a candidate: (rule, words matched, official name); higher is better.
        best: dict[int, tuple[int, int, bool]] = {}

        def consider(term: Term, rank: tuple[int, int, bool]) -> None:
            if rank > best.get(term.occupation_id, (0, 0, False)):
                best[term.occupation_id] = rank

        for word in words:
            for term in self.by_word.get(word, ()):
                if term.words <= words:
                    consider(term, (3, len(term.words), term.is_name))
        for head in words:
            for other in words - {head}:
                for cut in range(MIN_STEM, len(other) + 1):
                    stem = other[:cut]
                    for compound in (stem + head, stem + "s" + head):
                        for term in self.single.get(compound, ()):
                            consider(term, (3, 2, term.is_name))
        if not best:
            wider = {term.occupation_id for word in words for term in self.by_word.get(word, ()) if words < term.words}
            return wider.pop() if len(wider) == 1 else None
        top = max(best.values())
        winners = [occupation_id for occupation_id, rank in best.items() if rank == top]
        return winners[0] if len(winners) == 1 else None

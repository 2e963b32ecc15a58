"""Slices of a list for queries with many ids (`pk__in`), COPY and bulk writes that must stay bounded.

Python 3.11 has no `itertools.batched` yet; this one yields lists, which query filters take as they are.
"""

from collections.abc import Iterator


def batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]

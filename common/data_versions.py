"""Versions of the data behind kept pages and parts (common.page_cache, common.scoped_cache).

A version is a random value in the shared cache (Redis in production), so every worker sees a change at once.
What is kept is keyed by the version it was rendered under; a new version makes it unreachable, and the
bounded stores drop it in time.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from common.transactions import on_commit_once


def versions_current(*versions: "DataVersion") -> list[str]:
    """The current value of each version, read in one round trip to the shared cache."""
    found = cache.get_many([version.key for version in versions])
    values = []
    for version in versions:
        value = found.get(version.key)
        if value is None:
            cache.add(version.key, uuid.uuid4().hex, timeout=None)
            value = cache.get(version.key)
        values.append(value)
    return values


class DataVersion:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> str:
        return versions_current(self)[0]

    def _renew(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, timeout=None)

    def changed(self) -> None:
        """Now, and once more after the commit: a request that read the old rows in between keeps its result
        under a version nobody asks for any more. The second once per transaction, however many rows change;
        the first every time, since a reader in the same transaction must not get what was kept before."""
        self._renew()
        on_commit_once(f"{self.key}:renew", self._renew)

    def watch(self, *models, except_saves_of: tuple[str, ...] = ()) -> None:
        """Every save and delete of these models changes the version. Each app names its own models when it
        starts (its AppConfig.ready), so the caches below know no app above them; writers that bypass signals
        (bulk updates) call `changed()` themselves.

        `except_saves_of`: fields nothing kept shows; a save of only these (`update_fields`) changes nothing.
        Signing in saves the account's `last_login`: without the exception every login anywhere would make
        every kept page unreachable."""
        ignored = frozenset(except_saves_of)
        for model in models:
            label = model._meta.label

            def on_save(sender, update_fields=None, **kwargs) -> None:
                if not (ignored and update_fields and set(update_fields) <= ignored):
                    self.changed()

            post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"{self.key}:save:{label}")
            post_delete.connect(self._on_change, sender=model, weak=False, dispatch_uid=f"{self.key}:delete:{label}")

    def _on_change(self, sender, **kwargs) -> None:
        self.changed()

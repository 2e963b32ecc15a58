"""A bounded store in each worker's memory, shared by the threads of the worker, and the digest of cache keys.

Used by the rendered fragments (common.render_cache), the visitors' pages (common.page_cache) and the signed-in
parts (common.scoped_cache). The least recently used entry is dropped first; an entry may also carry the time
it expires (`set_for` / `get_fresh`), for what the configured seconds must not outlive.
"""

import hashlib
import time
from collections import OrderedDict
from threading import Lock


def digest(*parts, size: int = 20) -> str:
    """A short hex digest of everything a key is made of (its repr), so a key never holds the values."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=size).hexdigest()


class RecentlyUsed:
    """A bounded dict that forgets the entry used longest ago; threads of a worker share it."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, object] = OrderedDict()
        self._lock = Lock()

    def get(self, key: str):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_fresh(self, key: str):
        """The value `set_for` kept, or None once its seconds have passed."""
        stored = self.get(key)
        if stored is None or stored[0] < time.monotonic():
            return None
        return stored[1]

    def set_for(self, key: str, value, seconds: float) -> None:
        self.set(key, (time.monotonic() + seconds, value))

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

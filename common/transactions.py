"""Work to do once after the current transaction commits, however often it is asked for.

`on_commit_once(key, func)` is `transaction.on_commit(func)` for work that many writes in one transaction ask
for but that must run only once: queueing the recomputation of a changed vacancy that a form saves three
times, announcing a new version of the public listings after a bulk update of 1,000 rows.

How, with Django's public API only: every call registers a small callback with `transaction.on_commit`, and
the callbacks of one key share a ticket; the first of them to run calls `func`, the others see the ticket used
and do nothing. So the savepoint rules are Django's own: a call inside a savepoint that is rolled back loses
its callback (Django discards it), while a call for the same key outside that savepoint still runs; nothing
runs for a transaction that rolls back. Outside a transaction `func` runs at once, as with `on_commit`.

The tickets are kept per database connection (connections belong to one thread) in a WeakKeyDictionary; a
ticket is dropped once used, so the next transaction asks afresh.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable

from django.db import DEFAULT_DB_ALIAS, transaction

_tickets: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _Ticket:
    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used = False


def on_commit_once(key: Hashable, func: Callable[[], object], *, using: str | None = None, robust: bool = False):
    """Call `func` once after the current transaction commits, however many calls with this `key` it makes.

    Later calls with the same key in the same transaction do not replace `func`: the first one to survive a
    rollback of its savepoint is the one that runs. `robust` as for `transaction.on_commit`.
    """
    connection = transaction.get_connection(using or DEFAULT_DB_ALIAS)
    tickets = _tickets.setdefault(connection, {})
    ticket = tickets.get(key)
    if ticket is None:
        ticket = tickets[key] = _Ticket()

    def once() -> None:
        if ticket.used:
            return
        ticket.used = True
        if tickets.get(key) is ticket:
            del tickets[key]
        func()

    transaction.on_commit(once, using=using, robust=robust)

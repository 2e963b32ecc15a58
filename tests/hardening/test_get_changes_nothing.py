"""No state change on GET (issue 12, point 10): every URL pattern is requested with GET as every role, for
its own and the other object, and the database must be the same afterwards. A GET is what a link on
another site, a mail scanner or a prefetching browser sends; only a POST (with its CSRF token) may change
anything. The session table is left out: logging in and flash messages live there."""

import hashlib

import pytest
from django.apps import apps
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from .matrix import admin_urls, clients, row_urls
from .url_table import ROWS
from .world import ADMIN, SUBJECTS, build_world

pytestmark = pytest.mark.django_db

# Reference data loaded by migrations; no view writes it, and hashing it after every URL would cost minutes.
REFERENCE_TABLES = {
    "places_postalcode",
    "occupations_occupation",
    "occupations_occupationterm",
    "occupations_occupationfield",
}
IGNORED_TABLES = {"django_session", *REFERENCE_TABLES}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def database_state() -> dict[str, str]:
    """A fingerprint of every table's rows."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in IGNORED_TABLES or model._meta.proxy:
            continue
        rows = model._base_manager.order_by("pk").values_list()
        state[table] = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return state


def writes_in(queries) -> list[str]:
    found = []
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(WRITES) and "DJANGO_SESSION" not in sql.split("(")[0].split(" WHERE")[0]:
            found.append(query["sql"][:200])
    return found


def test_no_get_request_changes_the_database():
    world = build_world()
    browsers = clients(world)
    requests = [(row.name, url) for row in ROWS for _side, url in row_urls(row, world)]
    requests += [(url, url) for url in admin_urls(world)]
    changes, count, queried = [], 0, 0
    before = database_state()

    for name, url in requests:
        for subject in SUBJECTS if not name.startswith("/") else (ADMIN, SUBJECTS[0]):
            # Django keeps the last 9000 queries only; past that a capture would come back empty and see no write.
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                response = browsers[subject].get(url)
            count += 1
            queried += len(queries)
            assert response.status_code < 500, f"GET {url} as {subject}: {response.status_code}"
            changes += [f"GET {url} ({name}) as {subject} wrote: {sql}" for sql in writes_in(queries.captured_queries)]

    after = database_state()
    changes += [f"GET requests changed the table {table}" for table in before if before[table] != after[table]]
    # Over a thousand GETs, and the capture saw their queries (several per request on average).
    assert count > 1000 and queried > 3 * count
    assert not changes, "\n".join(changes)


HUGE = 2**80


def test_huge_ids_in_any_address_are_not_found_rather_than_server_errors():
    world = build_world()
    browsers = clients(world)
    failures = []
    with translation.override("de"):
        urls = [reverse(row.name, kwargs={"pk": HUGE}) for row in ROWS if row.kind and row.kwargs.__name__ == "pk"]
    for url in urls:
        for subject in SUBJECTS:
            status = browsers[subject].get(url).status_code
            if status >= 500:
                failures.append(f"GET {url} as {subject}: {status}")

    assert urls and not failures, "\n".join(failures)

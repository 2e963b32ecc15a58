"""The permission matrix: every URL pattern x every role x own/other object, with the expected answer
(issue 12). It fails on any cell that differs from tests/hardening/url_table.py, which is also the place to
classify a new URL, and it names every URL pattern that has no row there."""

import pytest

from courses.report_services import supply_report_refresh

from .matrix import admin_urls, clients, outcome, request, row_urls, unclassified
from .url_table import ADMIN_LOGIN, DENIED, MISSING, NOT_ALLOWED, OK, REDIRECT, ROWS
from .world import ADMIN, SUBJECTS, build_world

pytestmark = pytest.mark.django_db


def _expected_matches(expected, actual) -> bool:
    return actual in expected if isinstance(expected, frozenset) else actual == expected


def test_every_url_pattern_is_classified():
    missing = unclassified()

    assert not missing, "URL patterns without a row in tests/hardening/url_table.py:\n" + "\n".join(
        f"  {pattern.name or '(no name)'}  /{pattern.route}" for pattern in missing
    )


def test_every_row_names_a_url_and_every_subject():
    from .matrix import all_patterns

    names = {pattern.name for pattern in all_patterns()}
    for row in ROWS:
        assert row.name in names, f"{row.name} is in the table but not a URL pattern any more"
        assert set(row.expect) == set(SUBJECTS), f"{row.name} does not say what every subject gets"


def test_each_role_gets_exactly_the_expected_answer_for_own_and_other_objects():
    world = build_world()
    for region in {world.user("coordinator in region").region, world.user("coordinator out of region").region, None}:
        supply_report_refresh(region=region)
    browsers = clients(world)
    cells, differences = 0, []

    for row in ROWS:
        for side, url in row_urls(row, world):
            for subject in SUBJECTS:
                expected = row.expect[subject][0 if side == "own" else 1]
                actual = outcome(request(browsers[subject], row.method, url))
                cells += 1
                if not _expected_matches(expected, actual):
                    differences.append(f"{row.name} ({side}) {row.method.upper()} {url} as {subject}: "
                                       f"expected {expected}, got {actual}")  # fmt: skip

    assert not differences, f"{len(differences)} of {cells} cells differ:\n" + "\n".join(differences)


def test_the_technical_administration_is_for_admins_only():
    """Every admin pattern: anyone but an admin is sent to the admin's login; admins are served (403 where this
    admin switched an action off, such as adding rows that only the portal's services may create)."""
    world = build_world()
    browsers = clients(world)
    served = {OK, REDIRECT, DENIED, MISSING, NOT_ALLOWED}
    differences, cells = [], 0

    for url in admin_urls(world):
        for subject in SUBJECTS:
            actual = outcome(browsers[subject].get(url))
            cells += 1
            if url.endswith(("/admin/login/", "/admin/logout/")):
                allowed = {OK, REDIRECT, NOT_ALLOWED}  # the admin's own login and logout (which needs a POST)
            elif subject == ADMIN:
                allowed = served
            else:
                allowed = {ADMIN_LOGIN}
            if actual not in allowed:
                differences.append(f"GET {url} as {subject}: expected one of {sorted(map(str, allowed))}, got {actual}")

    assert not differences, f"{len(differences)} of {cells} cells differ:\n" + "\n".join(differences)

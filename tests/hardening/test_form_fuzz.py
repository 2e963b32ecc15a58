"""Property-based fuzzing of every form (issue 12): malformed and extreme values never cause a server error,
and a submission that is refused leaves the database as it was (no partial save).

The forms are found, not listed: every page of the URL table is opened as each subject it serves, and every
`<form method="post">` on it (with its fields, options and buttons) is fuzzed as that subject, with values
that mix the page's own (so that some submissions pass validation and reach the services) with hostile ones:
NUL bytes, 10,000 characters, right-to-left text, huge and negative numbers, impossible and far-off dates,
lists where one value is expected, random bytes as files. Each submission is undone afterwards, so every
example meets the same world. HYPOTHESIS_EXAMPLES sets the examples per form (default 6).
"""

import hashlib
import os
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.models import OnboardingStep
from tests.documents.samples import JPEG, PDF, PNG

from .matrix import clients, row_urls
from .url_table import OK, ROWS
from .world import CANDIDATE, SUBJECTS, build_world

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "6"))
# Forms that end the session (logging out) would leave the next examples anonymous; they are not fuzzed.
NOT_FUZZED = ("/accounts/logout/",)
# A refused submission: an error status, or the page again with errors next to the fields.
ERROR_MARKERS = ('aria-invalid="true"', "data-error-summary", "alert-danger", "errorlist")

# Hypothesis tries the first values of each list first: the nastiest come first.
NASTY_TEXT = st.sampled_from(
    ["a\x00b", "", " ", "\x00", "x" * 10_000, "ش" * 500, "\u202egnp.exe", "😀" * 50, "<script>alert(1)</script>",
     "' OR 1=1 --", "%s%n%x", "../../etc/passwd", '=HYPERLINK("https://evil.example")', "\r\n\t", "null", "[]"]
)  # fmt: skip
NASTY_NUMBER = st.sampled_from(
    ["9" * 40, "-1", "0", "1", "2147483648", "9223372036854775808", "1e309", "NaN", "-0", "1.5", " 7 ", "0x10"]
)
NASTY_DATE = st.sampled_from(
    ["9999-12-31", "0001-01-01", "1900-01-01", "2024-02-30", "31.12.9999", "0000-00-00", "2026-13-01", "25:61"]
)
RANDOM_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
HOSTILE = st.one_of(NASTY_TEXT, NASTY_NUMBER, NASTY_DATE, RANDOM_TEXT)
FILES = st.one_of(
    st.sampled_from([PDF, JPEG, PNG, b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100]),
    st.binary(max_size=2000),
)


class FormFinder(HTMLParser):
    """The POST forms of a page: their action and, for each field, the values the page offers, the current
    one (the value, the selected option, the ticked boxes) first."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = None
        self._select = None
        self._textarea = None

    def _offer(self, name: str, value, *, current: bool) -> None:
        values = self._form["fields"].setdefault(name, [])
        if value in values:
            values.remove(value)
        values.insert(0, value) if current else values.append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": {}, "files": set(), "types": {}}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "select" and name:
            self._select = name
            self._form["fields"].setdefault(name, [])
        elif tag == "option" and self._select is not None:
            self._offer(self._select, attrs.get("value") or "", current="selected" in attrs)
        elif tag == "textarea" and name:
            self._textarea = name
            self._form["types"][name] = "textarea"
            self._form["fields"][name] = [""]
        elif tag in ("input", "button") and name and name != "csrfmiddlewaretoken":
            kind = attrs.get("type") or ("submit" if tag == "button" else "text")
            self._form["types"][name] = kind
            if kind == "file":
                self._form["files"].add(name)
            elif kind == "checkbox":
                # A ticked box sends its value, an unticked one nothing (None).
                value = attrs.get("value") or "on"
                self._offer(name, value if "checked" in attrs else None, current=True)
                self._offer(name, None if "checked" in attrs else value, current=False)
            else:
                self._offer(name, attrs.get("value") or "", current=kind != "radio" or "checked" in attrs)

    def handle_data(self, data):
        if self._textarea is not None:
            self._form["fields"][self._textarea] = [data.strip("\n")]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def pages(world) -> list[tuple[str, str]]:
    """(url, subject) of every page of the table that serves the subject, and the onboarding's other steps."""
    found = []
    for row in ROWS:
        if row.method != "get":
            continue
        for side, url in row_urls(row, world):
            found += [(url, subject) for subject in SUBJECTS if row.expect[subject][side != "own"] == OK]
    with translation.override("de"):
        steps = [reverse("portal:onboarding_step", kwargs={"step": step}) for step in OnboardingStep.values]
    return found + [(url, CANDIDATE) for url in steps]


def find_forms(world, browsers) -> dict[str, tuple[str, dict, set, dict]]:
    """{action path: (subject, fields, file fields)} for every POST form on every page the table serves."""
    found = {}
    for url, subject in pages(world):
        response = browsers[subject].get(url)
        if response.status_code != OK or "html" not in response.get("Content-Type", ""):
            continue
        finder = FormFinder()
        finder.feed(response.content.decode())
        for form in finder.forms:
            action = urlsplit(form["action"]).path or url
            if not action.endswith(NOT_FUZZED) and action not in found:
                found[action] = (subject, form["fields"], form["files"], form["types"])
    return found


# Dates and numbers get values of their own kind most of the time: far off, impossible, or plausible, so that
# two of them together can reach the rules that combine them (an offer open a year after its start).
KIND_OF_VALUE = {
    "date": st.sampled_from(["9999-12-31", "0001-01-01", "2030-01-01", "2024-02-30", "1900-01-01", "31.12.9999", ""]),
    "number": st.one_of(NASTY_NUMBER, st.sampled_from(["5", "40", "100"])),
    "time": st.sampled_from(["25:61", "00:00", "23:59:59.999999", "12:00", "-1:00"]),
}


def submissions(fields: dict, files: set, types: dict):
    """Form data. Mostly the page's own values with one or two fields made hostile, so that the rest passes
    validation and the hostile value reaches the services; otherwise every field hostile, missing or doubled."""
    names = sorted(fields)
    own = {name: st.sampled_from(values) if values else st.none() for name, values in fields.items()}
    general = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3), st.none())

    def hostile(name):
        kind = KIND_OF_VALUE.get(types.get(name, ""))
        return st.one_of(kind, kind, general) if kind is not None else general

    def corrupted(chosen):
        return st.fixed_dictionaries({name: hostile(name) if name in chosen else own[name] for name in names})

    near_valid = (st.sets(st.sampled_from(names), min_size=1, max_size=3) if names else st.just(frozenset())).flatmap(
        corrupted
    )
    anything = st.fixed_dictionaries({name: st.one_of(own[name], hostile(name)) for name in names})
    variants = [near_valid, near_valid, anything]
    dates = frozenset(name for name in names if types.get(name) == "date")
    if dates:  # every date of the form at once, so that rules on two dates meet extreme values together
        variants.insert(0, corrupted(dates))
    file_data = st.fixed_dictionaries({name: st.one_of(st.none(), FILES) for name in sorted(files)})
    return st.tuples(st.one_of(*variants), file_data).map(lambda parts: {**parts[0], **parts[1]})


def table_state(tables: set[str]) -> dict[str, str]:
    state = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table in tables and not model._meta.proxy:
            rows = list(model._base_manager.order_by("pk").values_list())
            state[model._meta.db_table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return state


def written_tables(queries) -> set[str]:
    tables = set()
    for query in queries:
        match = re.match(r'\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', query["sql"], re.I)
        if match and match.group(1) != "django_session":
            tables.add(match.group(1))
    return tables


def fuzz_form(*, action, subject, browser, user, fields, files, types, baseline, failures, counter) -> None:
    """Submit hypothesis' examples to one form and record server errors and partial saves."""

    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=submissions(fields, files, types))
    def submit(data):
        payload = {}
        for name, value in data.items():
            if value is not None:
                payload[name] = SimpleUploadedFile("upload.bin", value) if isinstance(value, bytes) else value
        with transaction.atomic():
            with CaptureQueriesContext(connection) as queries:
                response = browser.post(action, payload)
            counter.append(action)
            content = response.content.decode(errors="replace") if response.status_code == 200 else ""
            refused = response.status_code >= 400 or any(marker in content for marker in ERROR_MARKERS)
            changed = []
            if refused:
                now = table_state(written_tables(queries.captured_queries))
                changed = sorted(table for table in now if now[table] != baseline.get(table))
            transaction.set_rollback(True)
        if user is not None and "_auth_user_id" not in browser.session:
            browser.force_login(user)  # a form that rotated or ended the session
        if response.status_code >= 500:
            failures.append(f"POST {action} as {subject}: {response.status_code} with {payload!r:.300}")
        elif changed:
            failures.append(f"POST {action} as {subject} was refused but changed {changed}: {payload!r:.300}")

    submit()


def test_no_form_gives_a_server_error_or_saves_half_of_a_refused_submission():
    world = build_world()
    browsers = clients(world)
    forms = find_forms(world, browsers)
    all_tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    baseline = table_state(all_tables - {"django_session"})
    failures: list[str] = []
    submitted: list[str] = []

    for action, (subject, fields, files, types) in sorted(forms.items()):
        fuzz_form(
            action=action, subject=subject, browser=browsers[subject], user=world.user(subject), fields=fields,
            files=files, types=types, baseline=baseline, failures=failures, counter=submitted,
        )  # fmt: skip

    print(f"\nfuzzed {len(forms)} forms with {len(submitted)} submissions")  # the figures for the report
    assert len(forms) > 40, sorted(forms)
    assert not failures, f"{len(failures)} of {len(submitted)} fuzzed submissions failed:\n" + "\n".join(failures[:40])

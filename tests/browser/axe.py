"""Accessibility checks with axe-core, injected from the local node_modules (never fetched from a URL)."""

from functools import cache
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 level AA, the standard BITV 2.0 and EN 301 549 refer to.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODES_PER_VIOLATION = 3
HTML_SNIPPET_LENGTH = 300

RUN_AXE = """async (tags) => await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
})"""


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def assert_accessible(page, context: str = "") -> None:
    """Fail if axe-core finds WCAG 2.1 A/AA violations on the page as it is now."""
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"{AXE_SCRIPT} is missing: run npm install.")
    page.wait_for_load_state("load")
    page.add_script_tag(content=_axe_source())
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)["violations"]
    if violations:
        pytest.fail(format_violations(violations, where=context or page.url), pytrace=False)


def format_violations(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {where}:"]
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(
            f"- {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({len(nodes)} element(s)) {violation['helpUrl']}"
        )
        for node in nodes[:NODES_PER_VIOLATION]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {_shorten(node['html'])}")
        if len(nodes) > NODES_PER_VIOLATION:
            lines.append(f"    ... and {len(nodes) - NODES_PER_VIOLATION} more")
    return "\n".join(lines)


def _shorten(html: str) -> str:
    html = " ".join(html.split())
    return html if len(html) <= HTML_SNIPPET_LENGTH else html[: HTML_SNIPPET_LENGTH - 1] + "…"

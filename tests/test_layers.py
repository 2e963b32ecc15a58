"""The layering of the apps, written down and checked on every run (docs/architecture.md explains it).

Read from the source, not by importing it: every `import` and `from … import` of the project's own code, at the
top of a module or inside a function (an import inside a function is still a dependency, only a later one).

1. Behaviour flows downwards. An app may use the services, selectors, views, forms and tasks only of apps on a
   lower layer; the models of another app (its tables) may be named from anywhere. The aggregating apps (privacy,
   imports, demo) and the project's configuration sit on top and may use everything.
2. No circles between modules, except an app's tasks and the services that queue them.

Each known exception is listed with its reason; the test fails when a new one appears and when a listed one
is gone, so the list can only shrink.
"""

import ast
import itertools
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. Apps on the same layer do not use each other's behaviour.
LAYERS = [
    ["places"],
    ["common"],
    ["occupations"],
    ["notifications"],
    ["accounts"],
    ["documents"],
    ["portal"],
    ["applications"],
    ["employers"],
    ["events"],
    ["courses"],
    ["matching"],
    ["mentoring"],
    ["alerts", "conversations", "jobboerse", "webapp"],
    ["privacy", "imports", "demo"],
    ["config"],
]
AGGREGATING = {"privacy", "imports", "demo", "config"}
SCHEMA_MODULES = {"models"}
SKIPPED_PARTS = {"migrations", "tests", "benchmarks", "scripts", ".venv", "node_modules", "staticfiles"}

# (importing app, imported app): why it is still there. Each is a step for later, not a pattern to copy.
KNOWN_UPWARD = {
    ("employers", "matching"): "the public vacancy search (employers.filters) shows a signed-in candidate's fit; "
    "the search belongs with the candidate's pages above matching",
    ("accounts", "employers"): "sign-up of employer and provider staff creates their organisation in the same step",
    ("portal", "matching"): "the candidate's pages show their matches: the profile and the pages are one app",
}
# Circles other than an app's tasks and the services that queue them: the modules of each, sorted.
KNOWN_CIRCLES = {
    ("accounts.services", "accounts.tasks", "employers.services"): "sign-up creates the organisation, see above",
}


def _layer_of() -> dict[str, int]:
    return {app: index for index, layer in enumerate(LAYERS) for app in layer}


def _project_modules() -> dict[str, Path]:
    modules = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if len(relative.parts) < 2 or SKIPPED_PARTS & set(relative.parts):
            continue
        name = ".".join(relative.with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> project modules it imports (a `from package import name` counts the submodule if there is one)."""
    found = defaultdict(set)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    found[name].add(target)
    return found


def _app(module: str) -> str:
    return module.split(".")[0]


def upward_imports() -> dict[tuple[str, str], list[str]]:
    layer = _layer_of()
    upward = defaultdict(list)
    for module, targets in _imports(_project_modules()).items():
        source = _app(module)
        if source in AGGREGATING:
            continue
        for target in sorted(targets):
            app = _app(target)
            if app == source or target.split(".")[1:2] and target.split(".")[1] in SCHEMA_MODULES:
                continue
            if layer[app] >= layer[source]:
                upward[(source, app)].append(f"{module} -> {target}")
    return dict(upward)


def module_circles(graph: dict[str, set[str]] | None = None) -> set[tuple[str, ...]]:
    graph = _imports(_project_modules()) if graph is None else graph
    circles = set()
    index, low, stack, on_stack, counter = {}, {}, [], set(), itertools.count()

    def visit(node):
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.add(tuple(sorted(component)))

    for node in list(graph):
        if node not in index:
            visit(node)
    return circles


def _task_and_service(circle: tuple[str, ...], graph: dict[str, set[str]]) -> bool:
    """One app's tasks and the services that queue them: without the tasks module nothing circles any more."""
    if len({_app(module) for module in circle}) != 1 or not any(module.endswith(".tasks") for module in circle):
        return False
    rest = {module for module in circle if not module.endswith(".tasks")}
    return not _has_circle({module: graph.get(module, set()) & rest for module in rest})


def _has_circle(graph: dict[str, set[str]]) -> bool:
    done, active = set(), set()

    def visit(node) -> bool:
        active.add(node)
        for target in graph[node]:
            if target in active or (target not in done and visit(target)):
                return True
        active.discard(node)
        done.add(node)
        return False

    return any(node not in done and visit(node) for node in graph)


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"config"}
    assert apps == set(_layer_of())


def test_behaviour_flows_downwards():
    found = upward_imports()
    new = {pair: where for pair, where in found.items() if pair not in KNOWN_UPWARD}
    gone = set(KNOWN_UPWARD) - set(found)
    assert not new, "Imports that run upwards (move the code, or pass the value down):\n" + "\n".join(
        line for where in new.values() for line in where
    )
    assert not gone, f"These exceptions are mended; remove them from KNOWN_UPWARD: {sorted(gone)}"


def test_no_circles_but_tasks_and_their_services():
    graph = _imports(_project_modules())
    circles = {circle for circle in module_circles(graph) if not _task_and_service(circle, graph)}
    assert circles - set(KNOWN_CIRCLES) == set(), f"New circles: {sorted(circles - set(KNOWN_CIRCLES))}"
    assert set(KNOWN_CIRCLES) - circles == set(), f"Mended, remove: {sorted(set(KNOWN_CIRCLES) - circles)}"


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check itself can fail: a module of a low app that uses a service of a high one is found."""
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "apps.py").write_text("")
    (tmp_path / "common" / "x.py").write_text("from matching.services import match_recompute_later\n")
    (tmp_path / "matching").mkdir()
    (tmp_path / "matching" / "apps.py").write_text("")
    (tmp_path / "matching" / "services.py").write_text("from common import x\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert ("common", "matching") in upward_imports()
    assert ("common.x", "matching.services") in module_circles()

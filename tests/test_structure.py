"""The apps' imports point one way: every app may use `core`, `core` uses none of them, and no
app imports another. Where one app's page leads to another's, it names it as text ("home.HomePage"
in `parent_page_types`, a ParentalKey, `core.visibility.first_public_page`), never by import."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = "core"
APPS = ["core", "home", "resources", "team", "careers", "practice_events", "search"]


def imports(path):
    """(top-level module, line) for each import in the module at `path`."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield name.split(".")[0], node.lineno


def crossings(app, allowed):
    return [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for module, line in imports(path)
        if module in (*APPS, "tools") and module not in allowed
    ]


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_itself_and_the_shared_app(app):
    """Nor the benchmarks and drills in tools/, which import the site, never the other way."""
    assert crossings(app, {app} if app == SHARED else {app, SHARED}) == []

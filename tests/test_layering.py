"""The layers hold: no Qt in app/ or db/, and db/ never reaches up into ui/;
areas import each other only along AREA_MATRIX; nothing is loaded by name.

Only two places below ui/ may import ui (and so Qt), and only inside a
function, so that nothing is loaded until the window or a screenshot is
actually wanted: app/cli.py and app/commands/screenshot_cmd.py.

docs/architecture.md draws the same matrix.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAZY_UI_ALLOWED = {"app/cli.py", "app/commands/screenshot_cmd.py"}
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")

# Which areas of app/ each area may import (besides itself and db/). "core" is
# the modules directly in app/ (register, journal, query log, list status,
# credit policy, xlsx writer ...) and the packages in CORE_PACKAGES: what
# several areas need lives there, and it imports no area. Every other package
# in app/ is an area and must be listed here.
AREA_MATRIX: dict[str, set[str]] = {
    "core": set(),
    "rating": {"core"},
    "letters": {"core", "rating"},
    # records signs report QR codes with the township's device key, kept by sync.
    "records": {"core", "rating", "letters", "sync"},
    "excel": {"core", "rating", "letters"},
    "sync": {"core", "rating"},
    "county": {"core", "sync"},
    "stats": {"core", "rating", "letters", "records", "excel", "sync"},
}
# Packages every area builds on: one rule set per entity (forms, import,
# county corrections) and accounts (permissions are checked where work is done).
CORE_PACKAGES = {"rules", "accounts"}
# Entry points wire every area together (commands, demo data) and sit above the matrix.
ENTRY_POINTS = {"app/__main__.py", "app/cli.py", "app/demo.py", "app/commands"}

# Loading a module by name hid which area needed which; these names may not
# appear in app/, ui/ or db/ at all.
BY_NAME = {"import_module", "__import__", "find_spec", "spec_from_file_location",
           "module_from_spec", "run_module", "run_path"}
IMPORTLIB_ALLOWED = {"importlib.resources", "importlib.metadata"}
BY_NAME_FREE = ("app", "db", "ui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        inside_function = False
        up = parents.get(node)
        while up is not None:
            if isinstance(up, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inside_function = True
                break
            up = parents.get(up)
        for name in names:
            yield name, node.lineno, inside_function


def _top(name: str) -> str:
    return name.split(".")[0]


def test_no_qt_or_ui_import_in_app_or_db():
    bad = []
    for folder in ("app", "db"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for name, line, lazy in _imports(path):
                top = _top(name)
                if top in QT:
                    bad.append(f"{rel}:{line} imports {name}")
                elif top == "ui" and not (rel in LAZY_UI_ALLOWED and lazy):
                    bad.append(f"{rel}:{line} imports {name}")
    assert not bad, "Qt or ui imported below the ui layer:\n" + "\n".join(bad)


def test_db_imports_neither_ui_nor_app():
    bad = [f"{path.relative_to(ROOT).as_posix()}:{line} imports {name}"
           for path in sorted((ROOT / "db").rglob("*.py"))
           for name, line, _ in _imports(path) if _top(name) in ("ui", "app")]
    assert not bad, "\n".join(bad)


def test_the_checker_sees_a_lazy_import(tmp_path):
    # The allowed exceptions really are inside functions (and would be caught otherwise).
    found = [(name, lazy) for name, _, lazy in _imports(ROOT / "app" / "cli.py")
             if _top(name) == "ui"]
    assert found and all(lazy for _, lazy in found)
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import Qt\ndef f():\n    import ui.app\n")
    assert [(n, lazy) for n, _, lazy in _imports(sample)] == [("PySide6.QtCore", False),
                                                             ("ui.app", True)]


def test_cli_starts_without_qt():
    import subprocess
    import sys

    code = ("import sys, app.cli; app.cli.build_parser(); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def _app_area(rel: str) -> str | None:
    """The area of a file under app/ ("app/records/report.py"), None for an entry point."""
    if any(rel == e or rel.startswith(e + "/") for e in ENTRY_POINTS):
        return None
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 and parts[1] not in CORE_PACKAGES else "core"


def _area_of_import(name: str) -> str | None:
    if _top(name) != "app":
        return None
    parts = name.split(".")
    if len(parts) > 1 and (ROOT / "app" / parts[1]).is_dir() and parts[1] not in CORE_PACKAGES:
        return parts[1]
    return "core"


def test_every_area_of_app_is_in_the_matrix():
    packages = {p.name for p in (ROOT / "app").iterdir()
                if p.is_dir() and (p / "__init__.py").exists()} - {"commands"} - CORE_PACKAGES
    assert packages == set(AREA_MATRIX) - {"core"}, (
        "a package in app/ is an area: add it to AREA_MATRIX (and docs/architecture.md)")


def test_areas_import_each_other_only_along_the_matrix():
    bad = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        area = _app_area(rel)
        if area is None:
            continue
        for name, line, _ in _imports(path):
            target = _area_of_import(name)
            if target is not None and target != area and target not in AREA_MATRIX[area]:
                bad.append(f"{rel}:{line} ({area}) imports {name} ({target})")
    assert not bad, "imports outside the area matrix:\n" + "\n".join(bad)


def test_ui_areas_use_only_their_own_app_area_and_what_it_may_use():
    bad = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        parts = rel.split("/")
        if len(parts) < 3 or parts[1] not in AREA_MATRIX:
            continue
        area = parts[1]
        for name, line, _ in _imports(path):
            target = _area_of_import(name)
            other_ui = name.split(".")[1] if _top(name) == "ui" and "." in name else None
            if target is not None and target != area and target not in AREA_MATRIX[area]:
                bad.append(f"{rel}:{line} imports {name}")
            elif other_ui in AREA_MATRIX and other_ui != area:
                bad.append(f"{rel}:{line} imports another area's page: {name}")
    assert not bad, "\n".join(bad)


def test_the_matrix_has_no_circle():
    # Layered: every area can be placed after all it imports.
    placed: list[str] = []
    left = dict(AREA_MATRIX)
    while left:
        ready = [a for a, uses in left.items() if uses <= set(placed)]
        assert ready, f"circular dependencies among {sorted(left)}"
        placed += ready
        for area in ready:
            del left[area]


def _loads_by_name(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + ([f"{node.module}.{a.name}" for a in node.names]
                                     if node.module == "importlib" else [])
        else:
            names = []
        for name in names:
            if _top(name) == "importlib" and not any(
                    name == ok or name.startswith(ok + ".") for ok in IMPORTLIB_ALLOWED):
                found.append(f"{node.lineno}: imports {name}")
        if isinstance(node, ast.Name) and node.id in BY_NAME:
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in BY_NAME:
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_no_module_is_loaded_by_name():
    bad = [f"{path.relative_to(ROOT).as_posix()}:{hit}"
           for folder in BY_NAME_FREE for path in sorted((ROOT / folder).rglob("*.py"))
           for hit in _loads_by_name(path)]
    assert not bad, "import the module plainly instead:\n" + "\n".join(bad)


def test_the_checks_see_drift(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("import importlib\nimport importlib.resources\n"
                      "m = importlib.import_module('app.' + 'rating')\n"
                      "n = __import__('app.letters')\n")
    assert [hit.split(":")[0] for hit in _loads_by_name(sample)] == ["1", "3", "4"]
    assert _area_of_import("app.rating.review_queue") == "rating"
    assert _area_of_import("app.query_log") == "core"
    assert _app_area("app/records/report.py") == "records"
    assert _app_area("app/register.py") == "core"
    assert _app_area("app/rules/household.py") == "core"
    assert _app_area("app/commands/register_cmds.py") is None
    assert "records" not in AREA_MATRIX["rating"]  # records reads ratings, not the other way

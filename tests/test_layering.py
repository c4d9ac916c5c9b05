"""The layers hold: no Qt in app/ or db/, and db/ never reaches up into ui/.

Only two places below ui/ may import ui (and so Qt), and only inside a
function, so that nothing is loaded until the window or a screenshot is
actually wanted: app/cli.py and app/commands/screenshot_cmd.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAZY_UI_ALLOWED = {"app/cli.py", "app/commands/screenshot_cmd.py"}
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


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

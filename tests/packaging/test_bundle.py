"""Smoke test of the frozen program, used the way an official uses it.

Built by packaging/build.py; CI runs it (``.ci/run``), developers with
``pytest -m bundle``. The user for the command line comes from the
environment (CREDIT_DESK_USER / CREDIT_DESK_PASSWORD, the demo accounts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from project import project_version

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
DEMO_USER = {"CREDIT_DESK_USER": "admin", "CREDIT_DESK_PASSWORD": "demo2026"}


def frozen(bundle_dir: Path, *args: str, data: Path | None = None, timeout: float = 300,
           **env: str) -> subprocess.CompletedProcess:
    exe = bundle_dir / ("credit-desk.exe" if sys.platform == "win32" else "credit-desk")
    command = [str(exe), *(["--data-dir", str(data)] if data else []), *args]
    # A clean environment as on a user's PC: no virtualenv, no source tree on the path.
    clean = {k: v for k, v in os.environ.items()
             if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                            timeout=timeout, cwd=bundle_dir.parent,
                            env={**clean, "QT_QPA_PLATFORM": "offscreen", **DEMO_USER, **env})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def demo(bundle_dir, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("frozen-demo")
    frozen(bundle_dir, "demo", "--households", "300", "--seed", "11", data=data)
    return data


def test_version_is_the_projects(bundle_dir):
    assert frozen(bundle_dir, "--version").stdout.strip() == f"credit-desk {project_version()}"


def test_demo_register_is_built_in_the_given_folder(demo):
    assert (demo / "register.sqlite3").stat().st_size > 100_000


def test_search_then_report_from_the_command_line(bundle_dir, demo, tmp_path):
    # Full numbers (to ask for a report by ID number) need a purpose that allows them.
    query = ["search", "王", "--json", "--full-numbers", "--purpose", "本人查询"]
    found = json.loads(frozen(bundle_dir, *query, data=demo).stdout)
    households = [row for row in found if row["kind"] == "household"]
    # A household is found by its head's name, or by a member's (then "person" names them).
    assert households and all("王" in (row.get("person") or row["name"]) for row in households)
    # The same search through the source tree finds the same people: nothing lost in freezing.
    source = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(demo), *query],
                            cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, **DEMO_USER}, check=True)
    assert [r["id"] for r in json.loads(source.stdout)] == [r["id"] for r in found]

    # A credit report: reportlab, its C accelerator, the bundled fonts and QR codes.
    person = next(row for row in households if "王" in row["name"])
    pdf = tmp_path / "report.pdf"
    frozen(bundle_dir, "report", person["id_number"], "--purpose", "贷款审批", "-o", str(pdf),
           data=demo)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert person["name"] in text


def test_the_frozen_demo_is_encrypted_and_opens_only_with_a_password(bundle_dir, demo):
    # SQLCipher (sqlcipher3's compiled library) must be in the bundle, not only on this
    # machine: the demo it built is encrypted, and the frozen program reads it back.
    raw = (demo / "register.sqlite3").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    keys = json.loads((demo / "keys.json").read_text(encoding="utf-8"))
    assert {"admin", "official", "field", "viewer"} <= set(keys["users"])
    found = json.loads(frozen(bundle_dir, "search", "王", "--json", "--full-numbers",
                              "--purpose", "本人查询", data=demo,
                              CREDIT_DESK_USER="official").stdout)
    numbers = [row["id_number"] for row in found if row["kind"] == "household"]
    assert numbers and not any(n.encode() in raw for n in numbers)
    exe = bundle_dir / ("credit-desk.exe" if sys.platform == "win32" else "credit-desk")
    wrong = subprocess.run([str(exe), "--data-dir", str(demo), "search", "王"],
                           capture_output=True, text=True, encoding="utf-8", timeout=120,
                           env={**os.environ, **DEMO_USER, "CREDIT_DESK_PASSWORD": "wrong-2026"})
    assert wrong.returncode == 2 and "王" not in wrong.stdout


def test_main_window_screenshot_and_clean_exit(bundle_dir, demo, tmp_path, qapp):
    from PySide6.QtGui import QImage

    shot = tmp_path / "main-window.png"
    result = frozen(bundle_dir, "screenshot", "--view", "households", "-o", str(shot), data=demo)
    assert str(shot) in result.stdout
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # A painted window, not an empty one: the list shows many distinct colours and glyphs.
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20
    # Qt found its platform plugin and fonts without the developer's environment.
    assert "Could not" not in result.stderr and "QFont" not in result.stderr


def test_desktop_app_starts_and_stays_up(bundle_dir, demo):
    exe = bundle_dir / ("credit-desk.exe" if sys.platform == "win32" else "credit-desk")
    process = subprocess.Popen([str(exe), "--data-dir", str(demo)],
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **DEMO_USER},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=8)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr
    assert any((demo / "logs").glob("*.log*")), "the app wrote no log"


def test_only_the_qt_modules_the_program_uses(bundle_dir):
    internal = bundle_dir / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in internal.glob("Qt*.*") if p.suffix in (".so", ".pyd")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}


def test_resources_and_translations_are_bundled(bundle_dir):
    resources = bundle_dir / "_internal" / "resources"
    for name in ("core", "ui", "rating", "letters", "records", "excel", "sync"):
        assert (resources / "i18n" / "zh_CN" / f"{name}.qm").exists(), name
    assert (resources / "icons" / "credit-desk-256.png").exists()
    # Qt's own texts (standard buttons, file dialogs) in Chinese.
    assert (bundle_dir / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").exists()
    assert (resources / "licenses" / "THIRD-PARTY-NOTICES.txt").exists()
    assert (resources / "manual" / "index.html").exists()
    assert len(list((resources / "manual" / "images").glob("*.png"))) >= 8


def test_a_large_roster_is_written_by_a_second_frozen_process(bundle_dir, tmp_path):
    """From 20,000 rows the import writes in a process of its own
    (app/excel/import_store.py): the frozen program must start itself as that
    process (multiprocessing.freeze_support in packaging/entry.py)."""
    import openpyxl
    from stdnum.cn import ric

    data = tmp_path / "data"
    frozen(bundle_dir, "demo", "--households", "20", "--seed", "3", data=data)
    village = json.loads(frozen(bundle_dir, "places", "list", "--json", data=data).stdout)
    name = village["villages"][0]["name"]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["户主姓名", "身份证号码", "联系电话"])
    for i in range(20_500):
        body = f"510623{1950 + i // 400}{1 + i // 34 % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        sheet.append([f"赵{chr(0x4e00 + i % 20000)}", body + ric.calc_check_digit(body + "0"),
                      f"136{i:08d}"])
    roster = tmp_path / "花名册.xlsx"
    book.save(roster)
    result = json.loads(frozen(bundle_dir, "import", str(roster), "--village", name, "--json",
                               data=data).stdout)
    assert result["created"] == 20_500 and result["rejected"] == 0
    found = json.loads(frozen(bundle_dir, "search", "13600020499", "--json", data=data).stdout)
    assert [row["name"] for row in found] == [f"赵{chr(0x4e00 + 20_499 % 20000)}"]

"""Desktop app figures: cold start to an interactive main window, memory, scrolling, search.

    python bench/bench_ui.py [--quick] [--data DIR] [--runs N]

Without --data it builds a demo register of 1,000,000 households in a
temporary folder first (about two minutes); --quick uses 20,000 households.
Each cold start is a fresh process: from just before it is spawned until the
household list has painted its first rows (offscreen platform), the app
started as ``credit-desk`` starts it (translations, fonts, migration check,
main window, first page of the list). A bare PySide6 window is measured the
same way for comparison, and one start after a crash, which checks the
register page by page, beside the starts after a clean close.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# ------------------------------------------------------------------ child side

def child_bare() -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 800)

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(json.dumps({"painted_at": time.time(), "rss_mb": rss_mb()}), flush=True)
                app.quit()
            return False

    spy = Painted()
    window.installEventFilter(spy)
    window.show()
    app.exec()


def child_app(data_root: str, measure: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.i18n import DEFAULT_LANGUAGE
    from app.logs import setup_logging
    from app.paths import DataDir
    from ui.app import application, apply_language, install_excepthook, open_context, \
        stored_language
    from ui.main_window import MainWindow

    data = DataDir(Path(data_root))
    from app import keystore

    keystore.unlock(data, "admin", "demo2026")  # the demo is encrypted
    setup_logging(data)
    app = application()
    install_excepthook()
    apply_language(app, stored_language(data) or DEFAULT_LANGUAGE)
    window = MainWindow(open_context(data))
    # The app opens on the home page; the figure is the household list's first
    # paint, so the register page is the one shown.
    window.show_area("register")
    page = window.page("register").households
    out: dict = {}

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and "painted_at" not in out:
                out["painted_at"] = time.time()
                out["rss_first_paint_mb"] = rss_mb()
                out["rows_at_first_paint"] = page.model.rowCount()
                QTimer.singleShot(0, after_paint)
            return False

    def after_paint():
        if measure:
            out.update(measure_lists(app, page))
        out["rss_end_mb"] = rss_mb()
        print(json.dumps(out), flush=True)
        window.close_context()
        app.quit()

    spy = Painted()
    page.view.viewport().installEventFilter(spy)
    window.resize(1280, 800)
    window.show()
    app.exec()


def measure_lists(app, page) -> dict:
    from dataclasses import replace

    model = page.model
    view = page.view
    t = time.perf_counter()
    model.wait_loaded(120)
    app.processEvents()
    result = {"full_id_list_s": round(time.perf_counter() - t, 3), "rows": model.rowCount()}
    result["rss_after_full_list_mb"] = rss_mb()
    bar = view.verticalScrollBar()
    steps = []
    # A user dragging the scroll bar from top to bottom: 200 jumps, each repainted.
    for i in range(201):
        t = time.perf_counter()
        bar.setValue(bar.maximum() * i // 200)
        view.viewport().repaint()
        steps.append((time.perf_counter() - t) * 1000)
    # and paging down a screen at a time
    pages = []
    for _ in range(200):
        t = time.perf_counter()
        bar.setValue(bar.value() - bar.pageStep())
        view.viewport().repaint()
        pages.append((time.perf_counter() - t) * 1000)
    result["scroll_jump_ms"] = _stats(steps)
    result["scroll_page_ms"] = _stats(pages)
    db = page.ctx.ui_db
    names = [r[0] for r in db.execute(
        "SELECT head_name FROM household WHERE sid % 997 = 0 LIMIT 40")]
    queries = ([n[0] for n in names[:10]] + [n for n in names[10:20]]
               + [r[0][-4:] for r in db.execute(
                   "SELECT head_id_number FROM household WHERE sid % 991 = 0 LIMIT 10")]
               + ["wang", "zhang", "ljg", "lh", "chen", "wjg", "zm", "liu", "yang", "zhao"])
    searches = []
    for q in queries:
        t = time.perf_counter()
        model.set_filter(replace(model.filter, query=q))
        view.viewport().repaint()
        searches.append((time.perf_counter() - t) * 1000)
    result["search_type_to_paint_ms"] = _stats(searches)
    model.set_filter(replace(model.filter, query=""))
    sorts = {}
    for column, name in ((2, "ID number"), (3, "village"), (10, "loan balance")):
        t = time.perf_counter()
        from PySide6.QtCore import Qt

        view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        ui_ms = (time.perf_counter() - t) * 1000
        model.wait_loaded(120)
        app.processEvents()
        sorts[name] = {"ui_thread_ms": round(ui_ms, 1),
                       "complete_s": round(time.perf_counter() - t, 2)}
    result["sort"] = sorts
    return result


def _stats(values: list[float]) -> dict:
    values = sorted(values)
    return {"n": len(values), "p50": round(statistics.median(values), 2),
            "p95": round(values[int(len(values) * 0.95) - 1], 2), "max": round(values[-1], 2)}


# ----------------------------------------------------------------- parent side

def spawn(args: list[str]) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.time()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=900)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(proc.stderr)
    out = json.loads(lines[-1])
    out["cold_start_s"] = round(out["painted_at"] - start, 3)
    return out


def build(households: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(folder), "demo",
                    "--households", str(households)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", help="an existing data folder with a register")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["bare", "app", "measure"])
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return 0
    if args.child in ("app", "measure"):
        child_app(args.data, args.child == "measure")
        return 0

    runs = 2 if args.quick else args.runs
    data = Path(args.data) if args.data else build(20_000 if args.quick else 1_000_000)
    from app import keystore
    from app.paths import DataDir
    from app.store import open_data_dir

    keystore.unlock(DataDir(data), "admin", "demo2026")  # the demo is encrypted
    con = open_data_dir(DataDir(data))
    households = con.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    con.close()
    print(f"register: {households:,} households, "
          f"{(data / 'register.sqlite3').stat().st_size / 2**20:,.0f} MiB")
    bare = [spawn(["--child", "bare"])["cold_start_s"] for _ in range(runs)]
    print(f"bare PySide6 window, cold start to first paint: median {statistics.median(bare):.3f} s "
          f"(runs {bare})")
    spawn(["--child", "app", "--data", str(data)])  # warm the OS file cache once
    starts = [spawn(["--child", "app", "--data", str(data)]) for _ in range(runs)]
    times = [s["cold_start_s"] for s in starts]
    print(f"app, cold start to the household list painted: median {statistics.median(times):.3f} s "
          f"(runs {times}); rows at first paint {starts[0]['rows_at_first_paint']:,}; "
          f"RSS {statistics.median(s['rss_first_paint_mb'] for s in starts):.0f} MB")
    # A start after a crash or a power cut finds no note that the register
    # was closed whole (db/connection.py, seal_whole), so it reads every page.
    from db.connection import seal_path

    seal_path(data / "register.sqlite3").unlink(missing_ok=True)
    unsealed = spawn(["--child", "app", "--data", str(data)])
    print(f"app, cold start after a crash (the register checked page by page): "
          f"{unsealed['cold_start_s']:.3f} s; RSS {unsealed['rss_first_paint_mb']:.0f} MB")
    measured = spawn(["--child", "measure", "--data", str(data)])
    print(json.dumps({k: v for k, v in measured.items() if k not in ("painted_at",)},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

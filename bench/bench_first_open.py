"""First open of each area: time from the navigation click to the page painted, and the
longest stall of the event loop while it loads.

    python bench/bench_first_open.py --data DIR [--areas rating,letters] [--runs 3]
    python bench/bench_first_open.py --quick      # builds a 20,000-household demo first

Each run is a fresh process (offscreen): the main window is built on the register and
shown on the register page, then each area is clicked in the navigation once. A 5 ms
heartbeat timer records the gaps between its ticks; the longest gap from the click until
the area has settled (nothing on either operation lane, 1 s quiet) is the stall a user
feels. "painted" is the first paint of the area's page after the click. CPU is the
process's user+sys time over the same span. The register area, already open, is
clicked again as the baseline (a page switch with nothing to load).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(data_root: str, areas: list[str]) -> None:
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer

    from app import keystore
    from app.i18n import DEFAULT_LANGUAGE
    from app.paths import DataDir
    from ui.app import application, apply_language, open_context
    from ui.main_window import MainWindow

    data = DataDir(Path(data_root))
    keystore.unlock(data, "admin", "demo2026")  # the demo is encrypted
    app = application()
    apply_language(app, DEFAULT_LANGUAGE)
    ctx = open_context(data)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    state = {"last": 0, "gaps": [], "painted": None, "cpu_last": 0.0, "cpu_gaps": []}
    beat = QTimer()
    beat.setInterval(5)

    def tick():
        now = clock.elapsed()
        state["gaps"].append(now - state["last"])
        state["last"] = now
        # The UI thread's own CPU between ticks: the stall without the time spent
        # waiting for a core (the machine is shared; wall gaps include that wait).
        ui_cpu = time.thread_time()
        state["cpu_gaps"].append((ui_cpu - state["cpu_last"]) * 1000)
        state["cpu_last"] = ui_cpu

    beat.timeout.connect(tick)
    beat.start()

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt name
            if event.type() == QEvent.Type.Paint and state["painted"] is None:
                state["painted"] = clock.elapsed()
            return False

    spy = Painted()
    results = {}
    queue = ["register", *areas]

    def settle(then):
        """Wait until both lanes are idle and 1 s passed without work, then call ``then``."""
        quiet = {"since": clock.elapsed()}

        def check():
            if ctx.ops.busy:
                quiet["since"] = clock.elapsed()
            if clock.elapsed() - quiet["since"] >= 1000:
                then()
            else:
                QTimer.singleShot(20, check)
        QTimer.singleShot(20, check)

    def next_area():
        if not queue:
            print(json.dumps(results), flush=True)
            window.close_context()
            app.quit()
            return
        key = queue.pop(0)
        state["gaps"].clear()
        state["cpu_gaps"].clear()
        state["painted"] = None
        start_cpu = cpu()
        state["cpu_last"] = time.thread_time()
        start = clock.elapsed()
        state["last"] = start
        row = window.area_keys().index(key)
        window.nav.setCurrentRow(-1) if key == "register" else None
        window.nav.setCurrentRow(row)  # the click: the page is built here on first open
        page = window.page(key)
        page.installEventFilter(spy)
        for child_widget in page.findChildren(QObject):
            if hasattr(child_widget, "installEventFilter"):
                child_widget.installEventFilter(spy)
        build_ms = clock.elapsed() - start
        build_cpu_ms = (time.thread_time() - state["cpu_last"]) * 1000
        state["gaps"].append(build_ms)  # the click itself blocked this long
        state["cpu_gaps"].append(build_cpu_ms)
        state["cpu_last"] = time.thread_time()

        def done():
            results[key] = {"painted_ms": (state["painted"] or 0) - start,
                            "build_ms": build_ms,
                            "max_stall_ms": max(state["gaps"]) if state["gaps"] else 0,
                            "max_stall_cpu_ms": max(state["cpu_gaps"]) if state["cpu_gaps"]
                            else 0,
                            "cpu_s": cpu() - start_cpu}
            next_area()
        settle(done)

    QTimer.singleShot(500, lambda: settle(next_area))
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--areas", default="rating,letters,records,excel,sync,places,home")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    areas = args.areas.split(",")
    if args.quick:
        args.runs = 1
    if args.child:
        child(args.data, areas)
        return
    tmp = None
    if args.data is None:
        tmp = tempfile.TemporaryDirectory()
        args.data = tmp.name
        households = 20_000 if args.quick else 100_000
        subprocess.run([sys.executable, "-m", "app", "--data-dir", args.data, "demo",
                        "--households", str(households)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--child", "--data", args.data,
                              "--areas", ",".join(areas)], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    from app import keystore
    from app.paths import DataDir
    from app.store import open_data_dir

    data = DataDir(Path(args.data))
    keystore.unlock(data, "admin", "demo2026")
    db = open_data_dir(data)
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    db.close()
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; register "
          f"{households:,} households; {args.runs} fresh processes")
    print()
    print("| area | build on click ms (p50) | painted ms (p50) | longest stall, wall ms (p50 / max) "
          "| longest stall, UI-thread CPU ms (p50 / max) | process CPU s (p50) |")
    print("|---|---|---|---|---|---|")
    for key in ["register", *areas]:
        rows = [r[key] for r in runs]
        label = "register (page switch, baseline)" if key == "register" else key
        print(f"| {label} | {statistics.median(r['build_ms'] for r in rows):.0f} | "
              f"{statistics.median(r['painted_ms'] for r in rows):.0f} | "
              f"{statistics.median(r['max_stall_ms'] for r in rows):.0f} / "
              f"{max(r['max_stall_ms'] for r in rows):.0f} | "
              f"{statistics.median(r['max_stall_cpu_ms'] for r in rows):.0f} / "
              f"{max(r['max_stall_cpu_ms'] for r in rows):.0f} | "
              f"{statistics.median(r['cpu_s'] for r in rows):.2f} |")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()

"""Statistics figures: the dashboard's computation, its first paint from the kept
figures, and ``credit-desk stats`` end to end, beside baselines measured in the
same run.

    python bench/bench_stats.py --data DIR     # an existing register (e.g. a 1,000,000-household demo)
    python bench/bench_stats.py [--households N]   # builds a demo first (default 20,000)
    python bench/bench_stats.py --quick         # 5,000 households, one run: a smoke run

Baselines: ``rating summary`` (the village figures the statistics build on,
read from the campaign's stored village rows) and one ``count(*)`` over the
household table (the cheapest full pass). Printed as JSON lines and a table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CREDIT_DESK_USER", "admin")
os.environ.setdefault("CREDIT_DESK_PASSWORD", "demo2026")


def _timed(fn, runs: int = 3):
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def _cli(data: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path)
    parser.add_argument("--households", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run (bench/run_all.py --quick): 5,000 households, one run")
    args = parser.parse_args()
    if args.quick:
        args.households, args.runs = 5000, 1

    from app.paths import DataDir
    from app.rating.campaign import current_campaign
    from app.rating.verdicts import summary
    from app.stats import measures
    from app.stats.figures import cached, refresh_cache, this_month, township_figures
    from app.store import open_data_dir

    if args.data is None:
        args.data = Path(tempfile.mkdtemp(prefix="bench-stats-"))
        subprocess.run([sys.executable, "-m", "app", "--data-dir", str(args.data), "demo",
                        "--households", str(args.households)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    data = DataDir(args.data)
    from app import keystore

    keystore.unlock_from_env(data)  # the demo is encrypted
    db = open_data_dir(data)
    admin = db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    rows: list[tuple[str, float]] = []
    rows.append(("baseline: count(*) over households", _timed(
        lambda: db.execute("SELECT count(*) FROM household").fetchone(), args.runs)[0]))
    campaign = current_campaign(db)
    rows.append(("baseline: rating summary (app function)", _timed(
        lambda: summary(db, campaign["id"]), args.runs)[0]))
    period = this_month()
    rows.append(("wrong codes (重错码率) over all subjects", _timed(
        lambda: measures.wrong_codes(db), args.runs)[0]))
    rows.append(("upload measures (上报率/合规率/及时率), this month", _timed(
        lambda: measures.upload_measures(db, period), args.runs)[0]))
    rows.append(("all figures (township_figures), this month", _timed(
        lambda: township_figures(db, admin, period), args.runs)[0]))
    rows.append(("dashboard refresh: compute + keep in stats_cache", _timed(
        lambda: refresh_cache(db, admin), 1)[0]))
    rows.append(("dashboard: read the kept figures (UI thread)", _timed(
        lambda: cached(db, admin), args.runs)[0]))
    db.close()

    # The dashboard's first paint from the kept figures, in a real window.
    from PySide6.QtWidgets import QApplication

    from ui.context import UiContext
    from ui.dashboard import DashboardPage
    from ui.operations import Operations

    app = QApplication.instance() or QApplication([])
    ui_db = open_data_dir(data)
    ops = Operations(lambda: open_data_dir(data))
    ctx = UiContext(data, ui_db, ops, admin)
    from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

    def bare() -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        for k in range(60):
            grid.addWidget(QLabel(f"标签 {k}"), k // 7, k % 7)
        return page

    for name, make in (("baseline: a page of 60 labels, built and painted", bare),
                       ("dashboard: build and paint from the kept figures",
                        lambda: DashboardPage(ctx))):
        wall = cpu = float("inf")
        for _ in range(args.runs + 1):  # the first run loads fonts: not counted
            start, start_cpu = time.perf_counter(), time.process_time()
            page = make()
            page.resize(1400, 900)
            page.grab()  # lays out and paints every tile, chart and table
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
            page.deleteLater()
            app.processEvents()
        rows.append((name + " (wall)", wall))
        rows.append((name + " (CPU)", cpu))
    ctx.close()

    rows.append(("baseline: credit-desk rating summary --json (process)",
                 _cli(args.data, "rating", "summary", "--json")))
    rows.append(("credit-desk stats --json (process)", _cli(args.data, "stats", "--json")))
    pdf = Path(tempfile.mkdtemp()) / "stats.pdf"
    rows.append(("credit-desk stats -o stats.pdf (process)", _cli(args.data, "stats", "-o", str(pdf))))

    print(json.dumps({"households": households, "figures": dict(rows)}, ensure_ascii=False))
    print(f"\n{households:,} households ({os.cpu_count()} CPUs)")
    for name, seconds in rows:
        print(f"  {name:<58} {seconds * 1000:10.1f} ms")


if __name__ == "__main__":
    main()

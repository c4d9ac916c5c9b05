"""Rating benchmarks: the demo campaign, scoring a whole township, one edit.

    python bench/bench_rating.py [--households 1000000] [--data-dir DIR] [--quick]

Builds (or reuses, with --data-dir) a demo register of the given size
without other areas' demo data, then times:
- the rating demo extension (a campaign in mixed states, all in SQL);
- starting a campaign: every household scored on its automatic indicators
  (register, credit records, lists) and every village verdict computed;
- recomputing every village verdict alone; rescoring after register changes;
- one household's answers saved in the workspace (save + its village's
  verdict), and the village recompute alone, 50 times each.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import app.demo as demo  # noqa: E402
from app.jobs import Job  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.rating import campaign as campaigns, verdicts  # noqa: E402
from app.rating import demo as rating_demo  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402

GOOD = {"health": "good", "skill": "medium", "utility_arrears": "on_time",
        "law_abiding": "good", "family_virtue": "fair", "committee_opinion": "good"}


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--data-dir")
    parser.add_argument("--quick", action="store_true", help="20,000 households")
    args = parser.parse_args()
    households = 20_000 if args.quick else args.households
    root = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="bench-rating-"))
    data = DataDir(root)
    rows: list[tuple[str, str, str]] = []
    if not data.exists():
        db = open_data_dir(data)
        # The register only; rating's own demo is timed below.
        seconds, _ = timed(demo.build_demo, db, default_operator_id(db), households=households,
                           seed=2026, areas=False)
        print(f"register built in {seconds:.1f} s", file=sys.stderr)
        db.close()
    db = open_data_dir(data)
    operator = default_operator_id(db)
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    villages = db.execute("SELECT count(*) FROM place WHERE level = 'village'").fetchone()[0]
    db.execute("DELETE FROM rating_village_result")
    for table in ("rating_step", "rating_objection", "rating_notice", "rating", "rating_campaign"):
        db.execute(f"DELETE FROM {table}")
    db.conn.commit()

    seconds, _ = timed(rating_demo.demo_extension, db, operator, random.Random(2026), Job())
    rows.append(("demo campaign in mixed states (rating demo extension)", f"{seconds:.1f} s",
                 "a few seconds"))

    seconds, campaign = timed(campaigns.create_campaign, db, operator,
                              name="基准测试评定", year=2030)
    rows.append((f"start a campaign: score {households:,} households on automatic indicators "
                 "+ every village verdict", f"{seconds:.1f} s", "≤ 60 s"))

    seconds, _ = timed(verdicts.recompute_campaign, db, campaign["id"])
    with db.conn:
        pass
    rows.append((f"recompute every village verdict ({villages} villages)", f"{seconds * 1000:.0f} ms",
                 ""))

    with db.atomic():
        db.execute("UPDATE household SET annual_income_fen = annual_income_fen + 1000000 "
                   "WHERE sid % 10 = 0")
    seconds, changed = timed(campaigns.rescore_campaign, db, operator, campaign["id"])
    rows.append((f"rescore after register changes ({changed:,} ratings changed, journaled)",
                 f"{seconds:.1f} s", ""))

    village = db.execute("SELECT village_id, count(*) FROM rating WHERE campaign_id = ? "
                         "GROUP BY village_id ORDER BY 2 DESC LIMIT 1", [campaign["id"]]).fetchone()
    ids = [r[0] for r in db.execute("SELECT id FROM rating WHERE campaign_id = ? AND village_id = ? "
                                    "AND subject_kind = 'household' ORDER BY random() LIMIT 50",
                                    [campaign["id"], village[0]])]
    saves, recomputes = [], []
    for rating_id in ids:
        seconds, _ = timed(campaigns.save_answers, db, operator, rating_id, GOOD)
        saves.append(seconds * 1000)
        start = time.perf_counter()
        with db.atomic():
            verdicts.recompute_village(db, campaign["id"], village[0])
        recomputes.append((time.perf_counter() - start) * 1000)
    rows.append((f"save one household's answers (rescore + its village, {village[1]:,} "
                 "households), p50 / p95", f"{statistics.median(saves):.1f} / "
                 f"{percentile(saves, 0.95):.1f} ms", ""))
    rows.append(("recompute one village after one edit, p50 / p95",
                 f"{statistics.median(recomputes):.1f} / {percentile(recomputes, 0.95):.1f} ms",
                 "≤ 50 ms"))
    seconds, _ = timed(verdicts.summary, db, campaign["id"])
    rows.append(("campaign summary (what `rating summary` and the results tab read)",
                 f"{seconds * 1000:.1f} ms", ""))
    db.close()

    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; {households:,} households in {villages} villages.\n")
    print("| figure | result | target |")
    print("|---|---|---|")
    for name, result, target in rows:
        print(f"| {name} | {result} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

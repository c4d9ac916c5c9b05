"""Power-cut run: many simulated cuts during saves, an import and a campaign start.

    .venv/bin/python bench/bench_powercut.py [--cuts 1000] [--workers 2] [--out FILE]

Each cut: a fresh copy of a small township (encrypted, as every register is) on the power-cut FUSE file system
(tests/durability/powercut.py), a workload in its own process, SIGKILL plus
the loss of every write not yet fsynced (all, or a random half or 90 % kept,
reordered and possibly torn) after a random 0.05-2.5 s, then the disk is
opened and checked: integrity_check, every acknowledged save present,
nothing half-applied. Figures go to stdout and, as it runs, to --out.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "durability"))
sys.path.insert(0, str(ROOT / "bench"))

from powercut_harness import make_township, one_cut, plan  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cuts", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default="")
    parser.add_argument("--quick", action="store_true",
                        help="20 cuts, for bench/run_all.py --quick (a smoke run)")
    args = parser.parse_args()
    if args.quick:
        args.cuts = 20
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; load "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        template, roster, key = make_township(root)
        totals: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        started = time.monotonic()

        def run(item):
            index, (kind, seed, keep, delay) = item
            work = root / f"w{threading.get_ident()}"  # one folder per worker thread
            return one_cut(template, work, kind, seed, keep, delay, roster=roster,
                           import_rows=60, county=root / "county", key=key)

        done = 0
        with ThreadPoolExecutor(args.workers) as pool:
            items = list(enumerate(plan(args.cuts, args.seed)))
            for outcome in pool.map(run, items):
                done += 1
                t = totals[outcome.kind]
                t["cuts"] += 1
                t["corrupt"] += outcome.integrity != "ok"
                t["acked saves"] += outcome.acked_saves
                t["acked saves lost"] += len([x for x in outcome.lost_saves if x >= 0])
                t["acknowledged import/campaign/sync lost"] += bool(
                    {-1, -2} & set(outcome.lost_saves))
                t["acknowledged import/campaign/sync"] += outcome.acked_main
                t["half applied"] += bool(outcome.half_applied)
                t["unsynced writes lost"] += outcome.ops_lost
                t["unsynced writes kept (reordered)"] += outcome.ops_kept
                if not outcome.ok:
                    print("FAILED:", outcome, flush=True)
                if done % 25 == 0 or done == args.cuts:
                    summary = {"cuts": done, "minutes": round((time.monotonic() - started) / 60,
                                                              1),
                               "by workload": {k: dict(v) for k, v in totals.items()}}
                    print(json.dumps(summary, ensure_ascii=False), flush=True)
                    if args.out:
                        Path(args.out).write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

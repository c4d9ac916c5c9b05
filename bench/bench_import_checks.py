"""Checking a roster's rows: the import as it is (``household.Batch`` checks
each distinct cell value once and gives a passing row's values; any row it
doubts goes through the rules) beside every row through the rules, as before
the batch, in the same run on the same file and register.

Two figures per way, each the median of three fresh processes (CPU is
user+sys of the process):
- checking: ``Validator.rows`` and ``Validator.household`` over every row of
  the sheet already read (what the import spends per row on normalising and
  validating, nothing else);
- dry run: ``importer.preview`` of the inspected file (checking plus finding
  duplicates, and whatever reading the import does while it checks).

    python bench/bench_import_checks.py            # 100,000 rows
    python bench/bench_import_checks.py --quick    # 5,000 rows, a smoke run
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import python_calamine  # noqa: E402

from app import pdf_fonts  # noqa: E402
from app.excel import importer  # noqa: E402
from app.excel.validate import Lookups, Validator  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.register import create_place  # noqa: E402
from app.rules import household as household_rules  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402
from bench.bench_excel import make_roster  # noqa: E402

VILLAGES = [("青龙村", ["一组", "二组", "三组", "四组", "五组", "六组"]),
            ("白鹤村", ["一组", "二组", "三组", "四组", "五组", "六组"]),
            ("石泉社区", ["一组", "二组", "三组"]),
            ("新华村", ["一组", "二组", "三组", "四组"])]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_register(data: DataDir) -> None:
    db = open_data_dir(data)
    operator = default_operator_id(db)
    county = create_place(db, operator, level="county", code="510623", name="中江县")
    town = create_place(db, operator, level="township", code="510623105", name="石泉镇",
                        parent_id=county["id"])
    for v, (name, groups) in enumerate(VILLAGES, start=1):
        village = create_place(db, operator, level="village", code=f"510623105{200 + v}",
                               name=name, parent_id=town["id"])
        for g, group in enumerate(groups, start=1):
            create_place(db, operator, level="village_group", code=f"{village['code']}-{g}",
                         name=group, parent_id=village["id"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def child(mode: str, roster: Path, data_dir: Path) -> dict:
    """One measured run of ``mode`` (batch or rules) in this fresh process."""
    if mode == "rules":   # every row through the rules: the batch vouches for none
        household_rules.Batch.row = lambda self, values: None
        household_rules.Batch.person = lambda self, values, require_id=None: None
    db = open_data_dir(DataDir(data_dir))
    plan = importer.inspect(db, roster)
    p = plan.active()[0]
    book = python_calamine.CalamineWorkbook.from_path(str(roster))
    sheet = SimpleNamespace(rows=book.get_sheet_by_name(p.sheet).to_python(
        skip_empty_area=False))
    check = Validator(db, Lookups(db), default_village_id=plan.default_village_id)
    pdf_fonts.covers("王")   # the fonts' character sets, loaded once per process, not timed
    gc.disable()   # as the import checks: no cycles, and no collector walking the heap
    cpu, wall = _cpu(), time.perf_counter()
    rows = [check.household(p, number, values) for number, values in check.rows(sheet, p)]
    check_cpu, check_wall = _cpu() - cpu, time.perf_counter() - wall
    rejected = sum(1 for r in rows if r.problems)
    del rows, sheet, book
    gc.enable()
    cpu, wall = _cpu(), time.perf_counter()
    outcome = importer.preview(db, plan)
    preview_cpu, preview_wall = _cpu() - cpu, time.perf_counter() - wall
    summary = importer.summarise(outcome)
    db.close()
    return {"check_cpu": check_cpu, "check_wall": check_wall, "preview_cpu": preview_cpu,
            "preview_wall": preview_wall, "rejected": rejected, "created": summary["created"]}


def measure(mode: str, roster: Path, template: Path, tmp: Path, runs: int) -> list[dict]:
    out = []
    for i in range(runs):
        data_dir = tmp / f"run-{mode}-{i}"
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.copytree(template, data_dir)
        proc = subprocess.run([sys.executable, __file__, "--child", mode, str(roster),
                               str(data_dir)], capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        shutil.rmtree(data_dir, ignore_errors=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "ROSTER", "DATA"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, roster, data_dir = args.child
        print(json.dumps(child(mode, Path(roster), Path(data_dir))))
        return 0
    rows = args.rows or (5_000 if args.quick else 100_000)
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; load average {load}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        template = tmp / "template"
        make_register(DataDir(template))
        roster = tmp / f"roster-{rows}.xlsx"
        make_roster(roster, rows, VILLAGES)
        print(f"roster: {rows:,} rows (bench_excel.make_roster); median of {args.runs} runs, "
              f"each a fresh process\n")
        results = {mode: measure(mode, roster, template, tmp, args.runs)
                   for mode in ("rules", "batch")}
        for key, label in (("check", "checking (Validator.rows + household)"),
                           ("preview", "dry run (importer.preview)")):
            for mode, name in (("rules", "every row through the rules"),
                               ("batch", "batch, rules for rows in doubt")):
                runs = results[mode]
                cpu = statistics.median(r[f"{key}_cpu"] for r in runs)
                wall = statistics.median(r[f"{key}_wall"] for r in runs)
                each = ", ".join(f"{r[f'{key}_cpu']:.2f}" for r in runs)
                print(f"{label:<40} {name:<32} CPU {cpu:5.2f} s  wall {wall:5.2f} s  "
                      f"({rows / cpu:,.0f} rows per CPU second; each run {each})")
        same = {(r["rejected"], r["created"]) for mode in results for r in results[mode]}
        print(f"   -> rows rejected, created (every run, both ways): {sorted(same)}")
    print(f"load average after: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

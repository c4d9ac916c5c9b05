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
  duplicates, and whatever reading the import does while it checks);
- member sheet: ``Validator.member`` over a sheet of as many member rows
  (户主身份证号, 姓名, 与户主关系, 身份证号码).

    python bench/bench_import_checks.py                 # 100,000 rows
    python bench/bench_import_checks.py --quick         # 5,000 rows, a smoke run
    python bench/bench_import_checks.py --baseline REF  # also the checks of commit REF
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
# A child measuring a baseline runs the checks of another checkout (--baseline).
CODE = Path(os.environ.get("BENCH_CHECKS_CODE") or ROOT)
sys.path.insert(0, str(CODE))

import python_calamine  # noqa: E402
import xlsxwriter  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from app import pdf_fonts  # noqa: E402
from app.excel import importer  # noqa: E402
from app.excel.validate import Lookups, Validator  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.register import create_place  # noqa: E402
from app.rules import household as household_rules  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402
from bench.bench_excel import GIVEN, SURNAMES, make_roster  # noqa: E402

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


def make_member_sheet(path: Path, rows: int, seed: int = 5) -> None:
    """One household, and a member sheet of ``rows`` people (heads need not exist:
    the rows are checked, not imported)."""
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    heads = book.add_worksheet("户主")
    heads.write_row(0, 0, ["村", "户主姓名", "身份证号码"])
    heads.write_row(1, 0, ["青龙村", "王建国", _id("510623197001010")])
    sheet = book.add_worksheet("家庭成员")
    sheet.write_row(0, 0, ["户主身份证号", "姓名", "与户主关系", "身份证号码"])
    for i in range(rows):
        birth = f"{rng.randint(1950, 2010)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        sheet.write_row(i + 1, 0, [
            _id(f"510623{rng.randint(1940, 1980)}0101{rng.randint(0, 99):03d}"),
            rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
            rng.choice(["妻", "子", "女", "父", "母", "孙子"]),
            _id(f"510623{birth}{rng.randint(0, 999):03d}")])
    book.close()


def _id(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def _sheet_rows(path: Path, name: str) -> SimpleNamespace:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return SimpleNamespace(rows=book.get_sheet_by_name(name).to_python(skip_empty_area=False))


def child(mode: str, roster: Path, members: Path, data_dir: Path) -> dict:
    """One measured run of ``mode`` (batch, rules, baseline) in this fresh process."""
    if mode == "rules":   # every row through the rules: the batch vouches for none
        household_rules.Batch.row = lambda self, values: None
        household_rules.Batch.person = lambda self, values, require_id=None: None
    db = open_data_dir(DataDir(data_dir))
    plan = importer.inspect(db, roster)
    p = plan.active()[0]
    sheet = _sheet_rows(roster, p.sheet)
    check = Validator(db, Lookups(db), default_village_id=plan.default_village_id)
    pdf_fonts.covers("王")   # the fonts' character sets, loaded once per process, not timed
    gc.disable()   # as the import checks: no cycles, and no collector walking the heap
    cpu = _cpu()
    rows = [check.household(p, number, values) for number, values in check.rows(sheet, p)]
    check_cpu = _cpu() - cpu
    rejected = sum(1 for r in rows if r.problems)
    del rows, sheet
    member_plan = next(p for p in importer.inspect(db, members).active() if p.kind == "members")
    sheet = _sheet_rows(members, member_plan.sheet)
    cpu = _cpu()
    rows = [check.member(member_plan, number, values)
            for number, values in check.rows(sheet, member_plan)]
    members_cpu = _cpu() - cpu
    rejected += sum(1 for r in rows if r.problems)
    del rows, sheet
    gc.enable()
    cpu = _cpu()
    outcome = importer.preview(db, plan)
    preview_cpu = _cpu() - cpu
    summary = importer.summarise(outcome)
    db.close()
    return {"check_cpu": check_cpu, "preview_cpu": preview_cpu, "members_cpu": members_cpu,
            "rejected": rejected, "created": summary["created"]}


def measure(mode: str, roster: Path, members: Path, template: Path, tmp: Path,
            code: Path | None = None) -> dict:
    """One run in a fresh process on a fresh copy of the register; ``code``: the
    checkout whose checks run (default: this one)."""
    env = dict(os.environ, BENCH_CHECKS_CODE=str(code)) if code else None
    data_dir = tmp / f"run-{mode}"
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(template, data_dir)
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(roster),
                           str(members), str(data_dir)], capture_output=True, text=True,
                          env=env)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    shutil.rmtree(data_dir, ignore_errors=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", metavar="REF",
                        help="also measure the checks of commit REF (git archive), run by run")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "ROSTER", "MEMBERS", "DATA"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, roster, members, data_dir = args.child
        print(json.dumps(child(mode, Path(roster), Path(members), Path(data_dir))))
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
        members = tmp / f"members-{rows}.xlsx"
        make_member_sheet(members, rows)
        print(f"roster: {rows:,} rows (bench_excel.make_roster); median of {args.runs} runs, "
              f"each a fresh process\n")
        ways = [("rules", "every row through the rules", None),
                ("batch", "batch, rules for rows in doubt", None)]
        if args.baseline:
            from bench.bench_excel import checkout

            ways.insert(0, ("baseline", args.baseline, checkout(args.baseline,
                                                               tmp / "baseline")))
        results: dict[str, list[dict]] = {mode: [] for mode, _, _ in ways}
        for _ in range(args.runs):   # interleaved, so that a change of load hits every way
            for mode, _, code in ways:
                results[mode].append(measure(mode, roster, members, template, tmp, code))
        for key, label in (("check", "checking (Validator.rows + household)"),
                           ("preview", "dry run (importer.preview)"),
                           ("members", "member sheet (Validator.member)")):
            for mode, name, _ in ways:
                runs = results[mode]
                cpu = statistics.median(r[f"{key}_cpu"] for r in runs)
                each = ", ".join(f"{r[f'{key}_cpu']:.2f}" for r in runs)
                print(f"{label:<40} {name:<32} CPU {cpu:5.2f} s  "
                      f"({rows / cpu:,.0f} rows per CPU second; each run {each})")
        same = {(r["rejected"], r["created"]) for mode in results for r in results[mode]}
        print(f"   -> rows rejected, created (every run, every way): {sorted(same)}")
    print(f"load average after: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

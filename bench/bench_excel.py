"""Excel benchmarks: a 100,000-row roster imported end to end, the same file
read by openpyxl (and pandas.read_excel(engine="openpyxl") when pandas is
installed), and a 100,000-row export.

    python bench/bench_excel.py            # 100,000 rows
    python bench/bench_excel.py --quick    # 5,000 rows, a smoke run
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import xlsxwriter  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from app.demo import build_demo  # noqa: E402
from app.excel import importer  # noqa: E402
from app.excel.exports import export  # noqa: E402
from app.excel.reader import read_workbook  # noqa: E402
from app.jobs import Job  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国军华明强伟志勇平德福贵文成兴全友富荣秀英兰芳玉珍桂翠凤琴霞丽梅"
INDUSTRIES = ["水稻种植", "玉米种植", "生猪养殖", "柑橘种植", "蔬菜种植", "外出务工"]


def make_roster(path: Path, rows: int, villages: list[tuple[str, list[str]]], seed: int = 1):
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("农户花名册")
    sheet.write_row(0, 0, ["石泉镇农户信息采集表"])
    header = ["序号", "村", "组", "户主姓名", "性别", "身份证号码", "联系电话", "家庭人口", "劳动力",
              "承包地面积（亩）", "主营产业", "家庭年收入（万元）", "贷款余额（元）", "备注"]
    sheet.write_row(1, 0, header)
    used = set()
    for i in range(rows):
        while True:
            birth = f"{rng.randint(1940, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            body = f"510623{birth}{rng.randint(0, 999):03d}"
            if body not in used:
                used.add(body)
                break
        number = body + ric.calc_check_digit(body + "0")
        village, groups = villages[i % len(villages)]
        sex = "男" if int(number[16]) % 2 else "女"
        members = rng.randint(1, 6)
        sheet.write_row(i + 2, 0, [
            i + 1, village, rng.choice(groups) if groups else "",
            rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), sex, number,
            f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}", members,
            rng.randint(0, members), f"{rng.randint(0, 1500) / 100}",
            rng.choice(INDUSTRIES), rng.randint(5, 300) / 10, rng.choice([0, 0, 50000, 100000]),
            ""])
    sheet.write_row(rows + 2, 0, ["合计"])
    book.close()


def timed(label: str, fn, *args, **kwargs):
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<58} {elapsed:7.2f} s   (CPU {cpu:.2f} s)")
    return result, elapsed


def _pandas(roster: Path) -> None:
    """pandas is no dependency of the app; BENCH_PANDAS_PYTHON may name an
    interpreter that has it (e.g. a throwaway venv) for the comparison."""
    label = 'pandas.read_excel(engine="openpyxl")'
    try:
        import pandas

        timed(label, pandas.read_excel, roster, engine="openpyxl", header=1)
        return
    except ImportError:
        pass
    python = os.environ.get("BENCH_PANDAS_PYTHON")
    if not python:
        print(f"{label:<58} (pandas not installed; set BENCH_PANDAS_PYTHON)")
        return
    code = ("import sys, time, pandas; t = time.perf_counter(); "
            "df = pandas.read_excel(sys.argv[1], engine='openpyxl', header=1); "
            "print(time.perf_counter() - t, len(df))")
    out = subprocess.run([python, "-c", code, str(roster)], capture_output=True, text=True,
                         check=True).stdout.split()
    print(f"{label:<58} {float(out[0]):7.2f} s   ({out[1]} rows, pandas in {python})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    rows = args.rows or (5_000 if args.quick else 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = DataDir(tmp / "data")
        db = open_data_dir(data)
        operator = default_operator_id(db)
        build_demo(db, operator, households=400, seed=7)
        villages = []
        for vid, name in db.execute("SELECT id, name FROM place WHERE level = 'village'"):
            groups = [g for (g,) in db.execute(
                "SELECT name FROM place WHERE parent_id = ?", [vid])]
            villages.append((name, groups))
        roster = tmp / "roster.xlsx"
        make_roster(roster, rows, villages)
        size = roster.stat().st_size / 1e6
        print(f"roster: {rows:,} rows, {size:.1f} MB")
        _, read_s = timed("read (safety checks + python-calamine)", read_workbook, roster)
        try:
            import openpyxl

            def openpyxl_read():
                book = openpyxl.load_workbook(roster, read_only=True)
                out = [r for r in book.active.iter_rows(values_only=True)]
                book.close()
                return out

            timed("read with openpyxl (read-only, values)", openpyxl_read)
        except ImportError:
            pass
        _pandas(roster)
        plan, _ = timed("inspect (read + header + mapping)", importer.inspect, db, roster)
        outcome, _ = timed("dry run (normalise, validate, deduplicate)", importer.preview, db, plan)
        print(f"   -> {importer.summarise(outcome)}")
        plan = importer.inspect(db, roster)
        start, cpu = time.perf_counter(), time.process_time()
        plan = importer.inspect(db, roster)
        result = importer.run(db, operator, plan, job=Job(), report_dir=tmp)
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{'import end to end (read..write, one transaction)':<58} {total:7.2f} s"
              f"   ({rows / total:,.0f} rows/s; CPU {cpu:.2f} s)")
        print(f"   -> created {result['created']}, rejected {result['rejected']}")
        _, again = timed("second import of the same file (nothing changes)",
                         lambda: importer.run(db, operator, importer.inspect(db, roster),
                                              report_dir=tmp))
        out = tmp / "export.xlsx"
        res, export_s = timed("export households (write_table, xlsxwriter)", export, db,
                              operator, "households", out)
        print(f"   -> {res['rows']:,} rows, {out.stat().st_size / 1e6:.1f} MB")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Excel benchmarks: a 100,000-row roster imported end to end (read, normalise,
validate, deduplicate, write, journal) beside python-calamine only reading the
same file (the floor), each the median of three runs in fresh processes with
CPU time (user+sys) and peak memory; a 300,000-row county roster's peak memory
beside the 100,000-row one; then the same file read by openpyxl (and pandas
when installed), the dry run, a second import and a 100,000-row export.

    python bench/bench_excel.py                # 100,000 and 300,000 rows
    python bench/bench_excel.py --quick        # 5,000 and 15,000 rows, a smoke run
    python bench/bench_excel.py --encrypted    # the import also into an encrypted copy
    python bench/bench_excel.py --baseline REF # also the import of commit REF (git archive),
                                               # same files, same run: before/after
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A child measuring a baseline runs the importer of another checkout (--baseline).
CODE = Path(os.environ.get("BENCH_EXCEL_CODE") or ROOT)
sys.path.insert(0, str(CODE))

import xlsxwriter  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from app import keystore  # noqa: E402
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


def _cpu() -> float:
    """User + system CPU of this process and of the processes it waited for (a
    large import's writing process)."""
    own, done = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + done.ru_utime + done.ru_stime


class _WorkerPeak(threading.Thread):
    """The largest peak resident memory (VmHWM) of this process's worker
    processes while they run (a large import's writer), read from /proc."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0
        self.stop = threading.Event()
        self.start()

    def run(self) -> None:
        while not self.stop.wait(0.05):
            for worker in multiprocessing.active_children():
                with contextlib.suppress(OSError, ValueError):
                    with open(f"/proc/{worker.pid}/status") as status:
                        for line in status:
                            if line.startswith("VmHWM:"):
                                self.peak = max(self.peak, int(line.split()[1]) / 1024)


def _peak_mib() -> float:
    """The process's peak resident memory. VmHWM belongs to this program's own
    memory map; ru_maxrss would carry over the parent's peak across fork+exec
    (this script's parent holds a demo register and the rosters it made)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux


def child(mode: str, roster: Path, data_dir: Path, report_dir: Path) -> dict:
    """One measured run in this (fresh) process: CPU is user+sys of the process,
    peak is its ru_maxrss, ``base`` the peak before the run (code and register open)."""
    if mode == "calamine":
        import python_calamine

        base, cpu, wall = _peak_mib(), _cpu(), time.perf_counter()
        book = python_calamine.CalamineWorkbook.from_path(str(roster))
        rows = sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)
        return {"cpu": _cpu() - cpu, "wall": time.perf_counter() - wall, "rows": rows,
                "base": base, "peak": _peak_mib()}
    data = DataDir(data_dir)
    if mode == "import-encrypted":
        keystore.unlock(data, "admin", "demo2026")
    db = open_data_dir(data)
    operator = default_operator_id(db)
    workers = _WorkerPeak()
    base, cpu, wall = _peak_mib(), _cpu(), time.perf_counter()
    plan = importer.inspect(db, roster)
    read_cpu = _cpu() - cpu
    result = importer.run(db, operator, plan, job=Job(), report_dir=report_dir)
    wall = time.perf_counter() - wall
    # The writing process checkpoints the register after the import has
    # returned: its CPU counts, its time does not.
    for worker in multiprocessing.active_children():
        worker.join()
    out = {"cpu": _cpu() - cpu, "wall": wall, "read_cpu": read_cpu,
           "created": result["created"], "rejected": result["rejected"],
           "base": base, "peak": _peak_mib(), "writer_peak": workers.peak}
    workers.stop.set()
    db.close()
    return out


def measure(mode: str, roster: Path, template: Path, tmp: Path, runs: int,
            code: Path | None = None) -> list[dict]:
    """``runs`` fresh processes, each on a fresh copy of the template register;
    ``code``: the checkout whose importer runs (default: this one)."""
    out = []
    env = dict(os.environ, BENCH_EXCEL_CODE=str(code)) if code else None
    for i in range(runs):
        data_dir = tmp / f"run-{mode}-{roster.stem}-{i}"
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.copytree(template, data_dir)
        proc = subprocess.run([sys.executable, __file__, "--child", mode, str(roster),
                               str(data_dir), str(tmp)], capture_output=True, text=True,
                              env=env)
        if proc.returncode:
            raise RuntimeError(proc.stderr[-2000:])
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        shutil.rmtree(data_dir, ignore_errors=True)
    return out


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(label: str, runs: list[dict]) -> None:
    cpus = ", ".join(f"{r['cpu']:.2f}/{r['wall']:.2f}" for r in runs)
    writer = max(r.get("writer_peak", 0) for r in runs)
    apart = f" + writer {writer:.0f} MiB" if writer else ""
    print(f"{label:<44} CPU {median(runs, 'cpu'):6.2f} s  wall {median(runs, 'wall'):6.2f} s"
          f"  peak {max(r['peak'] for r in runs):5.0f} MiB{apart}  (CPU/wall of each run: {cpus})")


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


def headline(tmp: Path, template: Path, villages, rows: int, county_rows: int, runs: int,
             encrypted: Path | None, baseline: tuple[str, Path] | None = None) -> Path:
    """The import against its floor, and peak memory at township and county
    size; with ``baseline`` (ref, checkout) its import too, interleaved run
    by run so both see the same load."""
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; "
          f"load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    roster = tmp / f"roster-{rows}.xlsx"
    make_roster(roster, rows, villages)
    print(f"roster: {rows:,} rows, {roster.stat().st_size / 1e6:.1f} MB; median of {runs} runs, "
          f"each a fresh process on a fresh copy of the register\n")
    floor = measure("calamine", roster, template, tmp, runs)
    report("python-calamine only reading (the floor)", floor)
    imports, before = [], []
    for _ in range(runs):
        imports += measure("import", roster, template, tmp, 1)
        if baseline:
            before += measure("import", roster, template, tmp, 1, baseline[1])
    if baseline:
        report(f"import end to end, {rows:,} rows, {baseline[0]}", before)
    report(f"import end to end, {rows:,} rows", imports)
    print(f"   -> created {imports[0]['created']:,}, rejected {imports[0]['rejected']}; "
          f"reading {median(imports, 'read_cpu'):.2f} s CPU of it; "
          f"{rows / median(imports, 'cpu'):,.0f} rows per CPU second; "
          f"{median(imports, 'cpu') / median(floor, 'cpu'):.1f}x the floor")
    if encrypted is not None:
        enc = measure("import-encrypted", roster, encrypted, tmp, runs)
        report(f"import end to end, {rows:,} rows, encrypted", enc)
    if county_rows:
        county = tmp / f"roster-{county_rows}.xlsx"
        make_roster(county, county_rows, villages, seed=3)
        if baseline:
            old = measure("import", county, template, tmp, 1, baseline[1])
            report(f"import end to end, {county_rows:,} rows, {baseline[0]}", old)
        big = measure("import", county, template, tmp, 1)
        report(f"import end to end, {county_rows:,} rows", big)
        print(f"   -> created {big[0]['created']:,}; peak memory {big[0]['peak']:.0f} MiB against "
              f"{max(r['peak'] for r in imports):.0f} MiB for {rows:,} rows "
              f"(process before the import: {big[0]['base']:.0f} MiB)")
    print(f"load average after: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    return roster


def checkout(ref: str, into: Path) -> Path:
    """The tree of commit ``ref`` of this repository, for a baseline measured alongside."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> int:
    """Options, the template register every run copies, the headline (import,
    floor, memory), then the older step-by-step figures: one straight script,
    longer than 80 lines because splitting it would only pass paths around."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--county-rows", type=int,
                        help="rows of the county-sized roster (0: leave it out)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--encrypted", action="store_true",
                        help="also import into an encrypted copy of the register")
    parser.add_argument("--headline-only", action="store_true",
                        help="only the import, its floor and the memory peaks")
    parser.add_argument("--baseline", metavar="REF",
                        help="also measure the import of this commit (e.g. main), same run")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "ROSTER", "DATA", "REPORTS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, roster, data_dir, reports = args.child
        print(json.dumps(child(mode, Path(roster), Path(data_dir), Path(reports))))
        return 0
    rows = args.rows or (5_000 if args.quick else 100_000)
    county_rows = args.county_rows if args.county_rows is not None else 3 * rows
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
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        template = tmp / "template"
        shutil.copytree(data.root, template)
        encrypted = None
        if args.encrypted:
            encrypted = tmp / "template-encrypted"
            shutil.copytree(data.root, encrypted)
            keystore.encrypt_register(DataDir(encrypted), {"admin": "demo2026"})
            keystore.forget(DataDir(encrypted))
        baseline = (args.baseline, checkout(args.baseline, tmp / "baseline")) \
            if args.baseline else None
        roster = headline(tmp, template, villages, rows, county_rows, args.runs, encrypted,
                          baseline)
        if args.headline_only:
            return 0
        db = open_data_dir(data)
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
        start, cpu = time.perf_counter(), time.process_time()
        plan = importer.inspect(db, roster)
        result = importer.run(db, operator, plan, job=Job(), report_dir=tmp)
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{'import end to end (in this process)':<58} {total:7.2f} s"
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

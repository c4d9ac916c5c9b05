"""What encryption at rest costs: the same register plain and encrypted (SQLCipher 4).

    .venv/bin/python bench/bench_encryption.py [--households 20000] [--rows 100000]

Builds one demo township, copies it, encrypts the copy with the production
code (app/keystore.py), then measures on both, in the same run, alternating:
search latency (p50/p95 over name parts, whole names, ID number last four
digits and whole numbers), a credit report issued to PDF, and an Excel roster
of ``--rows`` households imported end to end.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from app import keystore  # noqa: E402
from app.demo import build_demo  # noqa: E402
from app.excel import importer  # noqa: E402
from app.jobs import Job  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.records.report import issue_report  # noqa: E402
from app.search import search  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402
from db.connection import sqlcipher  # noqa: E402


# Wall time by default; --cpu times each search by this thread's CPU time, which
# a machine shared with other work does not inflate (its p95 is otherwise the
# scheduler's).
CLOCK = time.perf_counter


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def search_queries(db, rng: random.Random, count: int) -> list[str]:
    rows = db.execute("SELECT head_name, head_id_number FROM household ORDER BY random() "
                      "LIMIT ?", [count]).fetchall()
    out = []
    for name, number in rows:
        out += [name[rng.randrange(len(name) - 1):][:2], name, number[-4:], number]
    return out


# Connection settings tried on the encrypted register, each in the same run as
# plain: SQL run on the search connection after it is opened (the first is
# what db/connection.py does).
VARIANTS = {
    "as shipped (8,192-page cache)": [],
    "cipher_memory_security OFF": ["PRAGMA cipher_memory_security = OFF"],
    "128 MB cache": ["PRAGMA cache_size = -131072"],
    "128 MB cache, warmed": ["PRAGMA cache_size = -131072", "WARM"],
}


def warm(db) -> None:
    """Read the tables and index a search uses once, as a read connection kept open
    all day has after its first searches."""
    for table, column in (("search_key", "key"), ("household", "head_name"),
                          ("household_member", "name"), ("subject", "id")):
        db.execute(f"SELECT sum(length({column})) FROM {table}").fetchone()


def _timed_searches(db, queries: list[str]) -> list[float]:
    """Each query's time, after the first 20 warmed the page cache as a day's work would."""
    for q in queries[:20]:
        search(db, q)
    times = []
    for q in queries:
        start = CLOCK()
        search(db, q, limit=20)
        times.append(CLOCK() - start)
    return times


def time_searches(data: DataDir, queries: list[str], setup: list[str] = ()) -> list[float]:
    db = open_data_dir(data)
    try:
        for sql in setup:
            if sql == "WARM":
                warm(db)
            else:
                db.execute(sql)
        return _timed_searches(db, queries)
    finally:
        db.close()


def time_searches_sqlcipher_build(data: DataDir, queries: list[str]) -> list[float]:
    """The plain register through SQLCipher's SQLite (no key): what the build costs
    without any encryption (it is compiled without SQLite's lookaside allocator)."""
    from db.connection import Register

    conn = sqlcipher.connect(str(data.register), isolation_level=None)
    conn.execute("PRAGMA cache_size = 8192")
    db = Register(conn, execute_plugins=False)
    try:
        return _timed_searches(db, queries)
    finally:
        conn.close()


def time_reports(data: DataDir, numbers: list[str], out: Path) -> list[float]:
    db = open_data_dir(data)
    try:
        operator = default_operator_id(db)
        times = []
        for i, number in enumerate(numbers):
            start = time.perf_counter()
            issue_report(db, operator, number, purpose="贷款审批", output=out / f"r{i}.pdf")
            times.append(time.perf_counter() - start)
        return times
    finally:
        db.close()


def time_import(data: DataDir, roster: Path, report_dir: Path) -> float:
    db = open_data_dir(data)
    try:
        operator = default_operator_id(db)
        start = time.perf_counter()
        result = importer.run(db, operator, importer.inspect(db, roster), job=Job(),
                              report_dir=report_dir)
        elapsed = time.perf_counter() - start
        assert result["created"] > 0, result
        return elapsed
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--reports", type=int, default=15)
    parser.add_argument("--encrypted-first", action="store_true",
                        help="import into the encrypted copy first (to see the order's effect)")
    parser.add_argument("--cpu", action="store_true",
                        help="time searches by thread CPU time instead of wall time")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, for bench/run_all.py --quick (a smoke run)")
    args = parser.parse_args()
    if args.quick:
        args.households, args.rows, args.queries, args.reports = 2_000, 5_000, 30, 3
    if args.cpu:
        global CLOCK
        CLOCK = time.thread_time
        print("Searches timed by thread CPU time.")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; SQLCipher "
          f"{sqlcipher.connect(':memory:').execute('PRAGMA cipher_version').fetchone()[0]} "
          f"(SQLite {sqlcipher.sqlite_version}); load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = DataDir(tmp / "plain")
        db = open_data_dir(plain)
        build_demo(db, households=args.households, seed=2026)
        villages = []
        for vid, name in db.execute("SELECT id, name FROM place WHERE level = 'village'"):
            groups = [g for (g,) in db.execute("SELECT name FROM place WHERE parent_id = ?",
                                               [vid])]
            villages.append((name, groups))
        rng = random.Random(5)
        queries = search_queries(db, rng, args.queries // 4 or 1)
        numbers = [r[0] for r in db.execute("SELECT head_id_number FROM household ORDER BY "
                                            "random() LIMIT ?", [args.reports])]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        enc = DataDir(tmp / "encrypted")
        shutil.copytree(plain.root, enc.root)
        start = time.perf_counter()
        keystore.encrypt_register(enc, {"admin": "demo2026"})
        convert_s = time.perf_counter() - start
        size = plain.register.stat().st_size / 1e6
        print(f"{args.households:,} households, register {size:.0f} MB; converting it to "
              f"encrypted took {convert_s:.1f} s\n")
        cpu_start = os.times()

        results: dict[str, dict[str, list[float]]] = {"plain": {}, "encrypted": {}}
        variants: dict[str, list[float]] = {}
        plain_warm: list[float] = []
        for round_ in range(2):  # alternate, so load changes hit both alike
            for name, setup in list(VARIANTS.items())[1:]:
                variants.setdefault(name, []).extend(time_searches(enc, queries, setup))
            plain_warm.extend(time_searches(plain, queries, ["PRAGMA cache_size = -131072",
                                                             "WARM"]))
            variants.setdefault("plain file, SQLCipher's SQLite", []).extend(
                time_searches_sqlcipher_build(plain, queries))
            for label, data in (("plain", plain), ("encrypted", enc)):
                results[label].setdefault("search", []).extend(time_searches(data, queries))
                out = tmp / f"reports-{label}-{round_}"
                out.mkdir()
                results[label].setdefault("report", []).extend(
                    time_reports(data, numbers, out))
        print(f"{'':34}{'plain':>12}{'encrypted':>12}{'cost':>9}")

        def row(name: str, a: float, b: float, unit: str) -> None:
            print(f"{name:34}{a:>10.2f}{unit}{b:>10.2f}{unit}{(b / a - 1) * 100:>8.1f}%")

        for q, name in ((0.5, "search p50"), (0.95, "search p95")):
            row(name, pct(results["plain"]["search"], q) * 1e3,
                pct(results["encrypted"]["search"], q) * 1e3, "ms")
        for name, times in variants.items():
            base = plain_warm if "warmed" in name else results["plain"]["search"]
            row(f"search p95, {name}"[:34], pct(base, 0.95) * 1e3, pct(times, 0.95) * 1e3,
                "ms")
        print(f"(warmed rows compare with plain warmed the same way: p95 "
              f"{pct(plain_warm, 0.95) * 1e3:.2f} ms)")
        row("credit report (median)", statistics.median(results["plain"]["report"]) * 1e3,
            statistics.median(results["encrypted"]["report"]) * 1e3, "ms")

        if args.rows:
            from bench_excel import make_roster

            roster = tmp / "roster.xlsx"
            make_roster(roster, args.rows, villages)
            import_s = {}
            order = [("plain", plain), ("encrypted", enc)]
            for label, data in (order[::-1] if args.encrypted_first else order):
                import_s[label] = time_import(data, roster, tmp)
            row(f"import {args.rows:,} rows (end to end)", import_s["plain"],
                import_s["encrypted"], " s")
        keystore.forget(enc)
        cpu = os.times()
        print(f"CPU (user+sys) of the measuring part: "
              f"{cpu.user + cpu.system - cpu_start.user - cpu_start.system:.1f} s; "
              f"load now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

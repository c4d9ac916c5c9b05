"""Register benchmarks: building the demo, database size, search latency, list order.

    python bench/bench_register.py [--households 1000000] [--data-dir DIR] [--rebuild]
    python bench/bench_register.py --data-dir DIR --lists-only   # the register page's lists

Builds (or reuses) a demo register of the given size, then times the app's
own search function for 200 random queries of each kind, with a plain
LIKE '%...%' scan as the baseline. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import keystore  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.pinyin import name_syllables  # noqa: E402
from app.search import like_scan, search  # noqa: E402
from app.store import open_data_dir  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def build(data: DataDir, households: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data.root), "demo",
                    "--households", str(households), "--replace", "--yes"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def queries(db, rng: random.Random, count: int) -> dict[str, list[str]]:
    total = db.execute("SELECT MAX(sid) FROM household").fetchone()[0]
    rows = []
    while len(rows) < count:
        sids = [rng.randint(1, total) for _ in range(count)]
        marks = ",".join("?" * len(sids))
        rows += db.execute(f"SELECT head_name, head_id_number, phone FROM household "
                           f"WHERE sid IN ({marks}) AND phone IS NOT NULL", sids).fetchall()
    rows = rows[:count]
    orgs = db.execute("SELECT name, uscc FROM organization ORDER BY random() LIMIT ?",
                      [count]).fetchall()
    out: dict[str, list[str]] = {
        "name, 1 character": [], "name, 2 characters": [], "name, whole": [],
        "full pinyin": [], "pinyin initials": [], "ID number, whole": [],
        "ID number, last 4": [], "phone, whole": [], "phone, last 4": [], "USCC": [],
        "organization name part": [],
        # Kinds search answers since the first-day work:
        "pinyin inside a name": [], "ID number, first 10": [], "phone, first 7": [],
        "member name, whole": [], "member ID number, last 4": [],
        "legal representative name": [],
    }
    for name, number, phone in rows:
        start = rng.randrange(len(name))
        out["name, 1 character"].append(name[start])
        start = rng.randrange(max(1, len(name) - 1))
        out["name, 2 characters"].append(name[start:start + 2])
        out["name, whole"].append(name)
        syllables = name_syllables(name)
        out["full pinyin"].append("".join(syllables))
        out["pinyin initials"].append("".join(s[0] for s in syllables))
        out["ID number, whole"].append(number)
        out["ID number, last 4"].append(number[-4:])
        out["phone, whole"].append(phone)
        out["phone, last 4"].append(phone[-4:])
        out["pinyin inside a name"].append("".join(syllables[1:]))
        out["ID number, first 10"].append(number[:10])
        out["phone, first 7"].append(phone[:7])
    members = db.execute("SELECT name, id_number FROM household_member "
                         "WHERE id_number IS NOT NULL ORDER BY random() LIMIT ?",
                         [count]).fetchall()
    for name, number in members:
        out["member name, whole"].append(name)
        out["member ID number, last 4"].append(number[-4:])
    reps = db.execute("SELECT legal_rep_name FROM organization ORDER BY random() LIMIT ?",
                      [count]).fetchall()
    out["legal representative name"] += [r[0] for r in reps]
    for name, uscc in orgs:
        out["USCC"].append(uscc)
        start = rng.randrange(len(name) - 4)
        out["organization name part"].append(name[start:start + 4])
    return out


def list_timings(db, repeats: int = 15) -> list[tuple[str, float, float]]:
    """The register page's queries (``app.subject_lists``): the first screenful and the whole
    id list, by name, per village and group, as the page asks for them. (label, p50, p95) ms."""
    from app import subject_lists as sl

    village = db.execute("SELECT village_id FROM household GROUP BY village_id "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    group = db.execute("SELECT group_id FROM household WHERE group_id IS NOT NULL "
                       "GROUP BY group_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    columns = [c.key for c in sl.household_columns()]
    by_village = columns.index("village_name")
    cases = {
        "households by name, first 60": lambda: sl.household_ids(db, limit=60),
        "households by name, descending, first 60": lambda: sl.household_ids(
            db, descending=True, limit=60),
        "households by name, all ids": lambda: sl.household_ids(db),
        "households by village then name, first 60": lambda: sl.household_ids(
            db, sort=by_village, limit=60),
        "one village by name, first 60": lambda: sl.household_ids(
            db, sl.Filter(place_id=village, place_level="village"), limit=60),
        "one village by name, all ids": lambda: sl.household_ids(
            db, sl.Filter(place_id=village, place_level="village")),
        "one group by name, all ids": lambda: sl.household_ids(
            db, sl.Filter(place_id=group, place_level="village_group")),
        "organizations by name, all ids": lambda: sl.organization_ids(db),
    }
    out = []
    for label, fn in cases.items():
        fn()  # warm the page cache as a running app would be
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        out.append((label, statistics.median(times), percentile(times, 0.95)))
    return out


def print_list_timings(db) -> None:
    print()
    print("| register page list | p50 ms | p95 ms |")
    print("|---|---|---|")
    for label, p50, p95 in list_timings(db):
        print(f"| {label} | {p50:.1f} | {p95:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--data-dir", default=str(ROOT / "bench" / "out" / "register"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--baseline-queries", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="20,000 households, a smoke run")
    parser.add_argument("--lists-only", action="store_true",
                        help="only the register page's list queries (no search, no build)")
    args = parser.parse_args()
    if args.quick:
        args.households = 20_000
        args.data_dir = str(ROOT / "bench" / "out" / "register-quick")
    data = DataDir(Path(args.data_dir))
    build_seconds = None
    if args.rebuild or not data.exists():
        build_seconds = build(data, args.households)
    keystore.unlock(data, "admin", "demo2026")  # the demo is encrypted
    db = open_data_dir(data)
    households = db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    organizations = db.execute("SELECT COUNT(*) FROM organization").fetchone()[0]
    size = sum(p.stat().st_size for p in data.root.glob("register.sqlite3*"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {db.execute('select sqlite_version()').fetchone()[0]}")
    print(f"register: {households:,} households, {organizations:,} organizations, "
          f"{size / 2**20:,.0f} MiB on disk")
    if build_seconds is not None:
        print(f"demo build: {build_seconds:.1f} s")
    if args.lists_only:
        start = resource.getrusage(resource.RUSAGE_SELF)
        print_list_timings(db)
        end = resource.getrusage(resource.RUSAGE_SELF)
        print(f"\nCPU (user+sys) for the list runs: "
              f"{end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime:.2f} s; "
              f"load average {os.getloadavg()[0]:.1f}")
        db.close()
        return
    rng = random.Random(42)
    kinds = queries(db, rng, args.queries)
    search(db, "王")  # warm the page cache as a running app would be
    print()
    print("| query kind | n | p50 ms | p95 ms | max ms | results (mean) | LIKE scan p50 / p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for kind, items in kinds.items():
        times, counts = [], []
        for q in items:
            start = time.perf_counter()
            results = search(db, q, limit=50)
            times.append((time.perf_counter() - start) * 1000)
            counts.append(len(results))
        baseline = ""
        if kind in ("name, 2 characters", "ID number, last 4", "phone, last 4"):
            like = []
            for q in items[:args.baseline_queries]:
                start = time.perf_counter()
                like_scan(db, q, limit=50)
                like.append((time.perf_counter() - start) * 1000)
            baseline = f"{statistics.median(like):.1f} / {percentile(like, 0.95):.1f}"
        print(f"| {kind} | {len(items)} | {statistics.median(times):.2f} | "
              f"{percentile(times, 0.95):.2f} | {max(times):.2f} | "
              f"{statistics.mean(counts):.1f} | {baseline} |")
    print_list_timings(db)
    db.close()


if __name__ == "__main__":
    main()

"""Demo build benchmark: ``credit-desk demo`` at township and county size.

    python bench/bench_demo.py [--households 100000,1000000] [--baseline REF]
                               [--baseline-households 100000,1000000] [--verify] [--keep DIR]

Each build runs as the user runs it (``python -m app demo`` in a new data
folder, every area's demo data included) and is measured from outside: wall
time, CPU time (user + system, worker processes included), the peak RSS of
the largest process, the register's size, and the load average before and
after, since the machine is shared. The phase lines come from the build
itself (DEMO_TIMING). The baseline is the same command run from a git
worktree of REF (default: the demo build before it was made to scale) in the same
run, at each of --baseline-households, just before this code at that size. --verify runs ``audit verify`` on each
result (slow at a million: about 20,000 journal rows a second).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE_REF = "e10fa3e"  # the demo build before it was made to scale
ENV = {**os.environ, "DEMO_TIMING": "1", "CREDIT_DESK_USER": "admin",
       "CREDIT_DESK_PASSWORD": "demo2026"}


def build(code: Path, data: Path, households: int) -> dict:
    """Build one demo with the code in ``code``; figures of that process tree
    from GNU time (CPU of the worker processes included, peak RSS of the
    largest process)."""
    before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "TIME %U %S %M", sys.executable, "-m", "app",
                           "--data-dir", str(data), "demo", "--households", str(households)],
                          cwd=code, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"demo build failed ({code}):\n{proc.stderr[-3000:]}")
    lines = proc.stderr.replace("\r", "\n").splitlines()
    user, system, rss_kib = next(line for line in reversed(lines)
                                 if line.startswith("TIME ")).split()[1:]
    phases = [line for line in lines if re.match(r"^[a-z ]+: [\d.]+ s", line)]
    register = data / "register.sqlite3"
    return {"wall": wall, "cpu": float(user) + float(system), "rss_mib": int(rss_kib) / 1024,
            "load": (before, os.getloadavg()[0]), "phases": phases,
            "size": register.stat().st_size, "register": register}


def counts(data: Path) -> dict[str, int]:
    tables = ("household", "household_member", "organization", "journal", "rating",
              "credit_record", "commitment_letter")
    try:
        db = sqlite3.connect(data / "register.sqlite3")
        found = {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    except sqlite3.DatabaseError:  # an encrypted demo: opened as the app opens it
        sys.path.insert(0, str(ROOT))
        from app import keystore
        from app.paths import DataDir
        from app.store import open_data_dir

        keystore.unlock(DataDir(data), ENV["CREDIT_DESK_USER"], ENV["CREDIT_DESK_PASSWORD"])
        db = open_data_dir(DataDir(data))
        found = {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
    db.close()
    return found


def measured(code: Path, households: int, scratch: Path, verify: bool,
             keep: Path | None = None) -> dict:
    data = scratch / f"demo-{households}-{code.name}"
    shutil.rmtree(data, ignore_errors=True)
    result = build(code, data, households)
    result["counts"] = counts(data)
    if verify:
        start = time.perf_counter()
        check = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), "audit",
                                "verify"], cwd=code, env=ENV, capture_output=True, text=True)
        result["verify"] = (check.returncode, time.perf_counter() - start,
                            check.stdout.strip().splitlines()[-1:] or check.stderr[-300:])
    if keep is not None:  # for bench_register.py --data-dir
        shutil.rmtree(keep, ignore_errors=True)
        shutil.move(str(data), keep)
    shutil.rmtree(data, ignore_errors=True)
    # The next build starts once this one's gigabytes are off the disk: the
    # kernel writing back and freeing a deleted 3 GB register made the build
    # after it ~3 s slower at a million households.
    os.sync()
    time.sleep(8)
    return result


def report(label: str, households: int, r: dict) -> None:
    print(f"\n### {label}, {households:,} households")
    print(f"wall {r['wall']:.1f} s, CPU (user+sys, workers included) {r['cpu']:.1f} s, "
          f"peak RSS {r['rss_mib']:,.0f} MiB (largest process), "
          f"register {r['size'] / 2**20:,.0f} MiB, load average {r['load'][0]:.1f} before / "
          f"{r['load'][1]:.1f} after")
    print("rows: " + ", ".join(f"{k} {v:,}" for k, v in r["counts"].items()))
    if "verify" in r:
        code, seconds, tail = r["verify"]
        print(f"audit verify: exit {code} in {seconds:.0f} s: {tail}")
    for line in r["phases"]:
        print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", default="100000,1000000")
    parser.add_argument("--baseline", default=BASELINE_REF, help="git ref of the old code")
    parser.add_argument("--baseline-households", default="100000",
                        help="sizes (comma-separated) the baseline is built at, each just "
                             "before this code at the same size")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--verify", action="store_true")
    parser.add_argument("--keep", help="keep the largest demo built in this folder")
    parser.add_argument("--quick", action="store_true", help="20,000 households, no baseline")
    args = parser.parse_args()
    sizes = [int(n) for n in args.households.split(",")]
    if args.quick:
        sizes, args.no_baseline = [20_000], True
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    baseline_sizes = set() if args.no_baseline else {
        int(n) for n in args.baseline_households.split(",")}
    scratch = Path(tempfile.mkdtemp(prefix="bench-demo-"))
    old = scratch / "baseline"
    try:
        if baseline_sizes:
            subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.baseline],
                           cwd=ROOT, check=True)
        # Each size: the baseline just before this code, so that both see
        # about the same load on a shared machine.
        for households in sorted(baseline_sizes | set(sizes)):
            if households in baseline_sizes:
                r = measured(old, households, scratch, args.verify and households <= 100_000)
                report(f"baseline ({args.baseline})", households, r)
            if households in sizes:
                keep = Path(args.keep) if args.keep and households == max(sizes) else None
                r = measured(ROOT, households, scratch, args.verify and households <= 100_000,
                             keep)
                report("this code", households, r)
    finally:
        if baseline_sizes:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT,
                           check=False)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

"""SQLCipher page formats side by side: what each costs to write, scan and look up.

    .venv/bin/python bench/bench_page_format.py [--rows 600000] [--rounds 2]

Why the register's format is what db/connection.py's CIPHER_FORMAT says. The
same table (``--rows`` rows of ~230 bytes, one secondary index) is written in
one transaction, indexed and checkpointed in each format, then scanned whole
and looked up 20,000 times by the index from a fresh connection (8,192-page
cache, as the app's connections have; the table is larger, so look-ups
decrypt pages as a day's searches do). Plain SQLite at the same page sizes is
the floor. Formats alternate, ``--rounds`` times, so the host's load hits all.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.connection import CIPHER_FORMAT, LEGACY_CIPHER_FORMAT, CipherFormat  # noqa: E402

# label -> (page size, HMAC or None for plain)
FORMATS = {
    "plain, 4 KiB pages": (4096, None),
    "plain, 8 KiB pages": (8192, None),
    "4 KiB, HMAC-SHA512 (SQLCipher 4 default)": (4096, "HMAC_SHA512"),
    "4 KiB, HMAC-SHA256": (4096, "HMAC_SHA256"),
    "8 KiB, HMAC-SHA512": (8192, "HMAC_SHA512"),
    "8 KiB, HMAC-SHA256": (8192, "HMAC_SHA256"),
    "16 KiB, HMAC-SHA256": (16384, "HMAC_SHA256"),
}
KEY = os.urandom(32).hex()


def opened(path: Path, page_size: int, hmac: str | None):
    conn = sqlcipher.connect(str(path), isolation_level=None)
    if hmac:
        conn.execute(f"PRAGMA key = \"x'{KEY}'\"")
        for pragma in CipherFormat(page_size, hmac).pragmas():
            conn.execute(pragma)
    else:
        conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("PRAGMA cache_size = 8192")
    return conn


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(folder: Path, rows: list[tuple], page_size: int, hmac: str | None) -> dict:
    path = folder / "format.db"
    conn = opened(path, page_size, hmac)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
    wall, used = time.perf_counter(), cpu()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute("CREATE INDEX t_b ON t (b)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = {"write_s": time.perf_counter() - wall, "write_cpu": cpu() - used,
           "size_mb": path.stat().st_size / 1e6}
    conn.close()

    conn = opened(path, page_size, hmac)
    used = cpu()
    conn.execute("SELECT count(*), max(length(a)) FROM t").fetchone()
    out["scan_cpu"] = cpu() - used
    conn.close()

    keys = [row[2] for row in random.Random(5).sample(rows, 20_000)]
    conn = opened(path, page_size, hmac)
    used = cpu()
    for key in keys:
        conn.execute("SELECT a FROM t WHERE b = ?", [key]).fetchone()
    out["lookup_cpu"] = cpu() - used
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=600_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quick", action="store_true",
                        help="60,000 rows, one round (bench/run_all.py --quick, a smoke run)")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.rounds = 60_000, 1
    version = sqlcipher.connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; SQLCipher {version} "
          f"(SQLite {sqlcipher.sqlite_version}); load {os.getloadavg()[0]:.1f}")
    print(f"Shipped: {CIPHER_FORMAT}; before it: {LEGACY_CIPHER_FORMAT}")
    rng = random.Random(2026)
    filler = "x" * 120
    rows = [(i, f"{i:012d}{filler}", rng.randbytes(40).hex()) for i in range(args.rows)]
    results: dict[str, list[dict]] = {label: [] for label in FORMATS}
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        for _ in range(args.rounds):
            for label, (page_size, hmac) in FORMATS.items():
                results[label].append(measure(Path(tmp), rows, page_size, hmac))
    print(f"\n{args.rows:,} rows, best of {args.rounds} rounds (CPU seconds of this process)\n")
    print("| format | write + index, CPU s | wall s | full scan, CPU s | "
          "20,000 look-ups, CPU s | file MB |")
    print("|---|---|---|---|---|---|")
    for label, runs in results.items():
        best = {k: min(r[k] for r in runs) for k in runs[0]}
        print(f"| {label} | {best['write_cpu']:.2f} | {best['write_s']:.2f} | "
              f"{best['scan_cpu']:.2f} | {best['lookup_cpu']:.2f} | {best['size_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

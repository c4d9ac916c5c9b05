"""Accounts benchmarks: what signing in and the audit chains cost.

    python bench/bench_accounts.py [--rows 200000] [--quick]

* argon2id hash and verify (every CLI command verifies once);
* journal inserts with the chain trigger against the same inserts with the
  trigger dropped (the baseline, measured in the same run, same file layout);
* ``audit verify`` over the chained rows.

Prints a Markdown table with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.accounts import audit, auth  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402

JOURNAL_ROW = ("INSERT INTO journal (txn_id, at, operator_id, action, entity, entity_id, "
               "base_version, version, before, after, origin) "
               "SELECT 't', '2026-12-06T00:00:00.000000Z', ?, 'create', 'household', "
               "'id-' || value, NULL, 1, NULL, "
               "json_object('id', 'id-' || value, 'head_name', '王建国', 'head_id_number', "
               "'510623198001011234', 'phone', '13812345678', 'address', '石泉镇青龙村一组', "
               "'members', 4, 'annual_income_fen', 12345678), 'local' "
               "FROM generate_series(?, ?)")


def _insert(db, operator: str, first: int, count: int) -> float:
    start = time.perf_counter()
    with db.atomic():
        db.execute(JOURNAL_ROW, [operator, first, first + count - 1])
    return time.perf_counter() - start


def _series_available(db) -> bool:
    try:
        db.execute("SELECT value FROM generate_series(1, 1)").fetchall()
        return True
    except Exception:  # noqa: BLE001 - older SQLite without the extension
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = 20_000 if args.quick else args.rows

    hashes, verifies = [], []
    stored = auth.hash_password("demo2026")
    for _ in range(5 if args.quick else 20):
        t = time.perf_counter()
        auth.hash_password("demo2026")
        hashes.append(time.perf_counter() - t)
        t = time.perf_counter()
        auth._verify(stored, "demo2026")
        verifies.append(time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_data_dir(DataDir(Path(tmp) / "chained"))
        op = default_operator_id(db)
        if not _series_available(db):
            # Fallback: a recursive CTE stands in for generate_series.
            global JOURNAL_ROW
            JOURNAL_ROW = JOURNAL_ROW.replace(
                "FROM generate_series(?, ?)",
                "FROM (WITH RECURSIVE s(value) AS (SELECT ? UNION ALL SELECT value + 1 FROM s "
                "WHERE value < ?) SELECT value FROM s)")
        chained = _insert(db, op, 1, rows)
        t = time.perf_counter()
        result = audit.verify(db)
        verify_time = time.perf_counter() - t
        assert result["ok"], result
        db.close()

        db = open_data_dir(DataDir(Path(tmp) / "plain"))
        op = default_operator_id(db)
        db.execute("DROP TRIGGER journal_chain")
        plain = _insert(db, op, 1, rows)
        db.close()

    print(f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    print()
    print("| what | figure | baseline (same run) |")
    print("| --- | --- | --- |")
    print(f"| argon2id hash (19 MiB, t=2, p=1) | {statistics.median(hashes) * 1000:.0f} ms "
          f"median | — |")
    print(f"| argon2id verify (each CLI command, each unlock) | "
          f"{statistics.median(verifies) * 1000:.0f} ms median | — |")
    print(f"| {rows:,} journal rows inserted, chained by trigger | {chained:.2f} s "
          f"({rows / chained:,.0f} rows/s) | {plain:.2f} s without the chain trigger "
          f"({rows / plain:,.0f} rows/s) |")
    print(f"| audit verify over {rows:,} journal rows | {verify_time:.2f} s "
          f"({rows / verify_time:,.0f} rows/s) | — |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

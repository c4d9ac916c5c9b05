"""Bulk loading: drop secondary indexes, load, rebuild them by sorting.

Inserting a million rows into a table with random-UUID unique indexes costs
a random B-tree descent per row and index; CREATE INDEX afterwards sorts
once. Everything happens in one transaction, so a failed or cancelled load
leaves the register as it was, indexes included. Foreign keys are checked
once at the end instead of per row (their parent indexes are gone meanwhile).
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Iterator

from sqlite_utils import Database


@contextlib.contextmanager
def bulk_load(db: Database, tables: list[str]) -> Iterator[Database]:
    if db.conn.in_transaction:
        raise RuntimeError("bulk_load starts its own transaction")
    db.execute("PRAGMA foreign_keys=OFF")
    try:
        with db.atomic():
            marks = ",".join("?" for _ in tables)
            saved = db.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})", tables).fetchall()
            for name, _ in saved:
                db.execute(f"DROP INDEX [{name}]")
            yield db
            for _, sql in saved:
                db.execute(sql)
            for table in tables:
                broken = db.execute(f"PRAGMA foreign_key_check([{table}])").fetchone()
                if broken:
                    raise sqlite3.IntegrityError(f"bulk load broke a foreign key: {broken}")
    finally:
        db.execute("PRAGMA foreign_keys=ON")

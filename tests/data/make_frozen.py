"""Freeze a register at the current schema for the upgrade tests.

Run once per released schema and commit the file; never regenerate an old
one. ``python tests/data/make_frozen.py NAME [--sets core,credit]``
"""

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.demo import build_demo  # noqa: E402
from app.users import default_operator_id  # noqa: E402
from db import connection, migrations  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--sets", help="apply only these migration sets (comma separated)")
    args = parser.parse_args()
    target = Path(__file__).parent / f"{args.name}.sqlite3"
    target.unlink(missing_ok=True)
    if args.sets:
        keep = args.sets.split(",")
        migrations.MIGRATION_SETS[:] = [s for s in migrations.MIGRATION_SETS if s.name in keep]
    db = connection.open_register(target)
    build_demo(db, default_operator_id(db), households=40, seed=1)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    conn = sqlite3.connect(target)
    conn.execute("VACUUM")
    conn.close()
    print(target, target.stat().st_size)


if __name__ == "__main__":
    main()

"""Small per-register settings (township, device id, preferences) as JSON."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def get(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def put(db: Database, key: str, value: Any) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

"""Journaled writes: every create, update and delete leaves a journal row.

A ``ChangeSet`` is one unit of work: one SQLite transaction in which the
rows and their journal entries are written together, so a rolled-back change
leaves no journal row and a committed one always has its entry. The journal
is the audit trail and the county outbox at once (``origin`` tells local
changes from ones the county sent).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from typing import Any, Iterable, Iterator

from sqlite_utils import Database

from app.errors import ConflictError, NotFound
from app.i18n import translate

# Columns that are local bookkeeping, never part of what travels or is audited.
LOCAL_COLUMNS = {"sid"}


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    return str(uuid.uuid4())


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in LOCAL_COLUMNS}


def _dump(row: dict[str, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps(_public(row), ensure_ascii=False, sort_keys=True)


class ChangeSet:
    def __init__(self, db: Database, operator_id: str, *, origin: str = "local"):
        self.db = db
        self.operator_id = operator_id
        self.origin = origin
        self.txn_id = new_id()
        self.at = utc_now()

    def _journal(self, action: str, entity: str, entity_id: str, base_version, version,
                 before, after) -> None:
        self.db.execute(
            "INSERT INTO journal (txn_id, at, operator_id, action, entity, "
            "entity_id, base_version, version, before, after, origin) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [self.txn_id, self.at, self.operator_id, action, entity, entity_id,
             base_version, version, _dump(before), _dump(after), self.origin],
        )

    def get(self, entity: str, entity_id: str) -> dict[str, Any]:
        cursor = self.db.execute(f"SELECT * FROM [{entity}] WHERE id = ?", [entity_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound(translate("Journal", "The record no longer exists; it may have been "
                                                "deleted by someone else."))
        return dict(zip([d[0] for d in cursor.description], row))

    def insert(self, entity: str, row: dict[str, Any]) -> dict[str, Any]:
        row = dict(row)
        row.setdefault("id", new_id())
        row.setdefault("version", 1)
        row.setdefault("created_at", self.at)
        row.setdefault("updated_at", self.at)
        columns = list(row)
        self.db.execute(
            f"INSERT INTO [{entity}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
        self._journal("create", entity, row["id"], None, row["version"], None, row)
        return row

    def insert_many(self, entity: str, rows: Iterable[dict[str, Any]]) -> int:
        """Bulk path (demo, imports): same rows and journal, executemany speed."""
        rows = list(rows)
        if not rows:
            return 0
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{entity}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [[r[c] for c in columns] for r in rows],
        )
        self.db.conn.executemany(
            "INSERT INTO journal (txn_id, at, operator_id, action, entity, "
            "entity_id, base_version, version, before, after, origin) "
            "VALUES (?,?,?,'create',?,?,NULL,?,NULL,?,?)",
            [[self.txn_id, self.at, self.operator_id, entity, r["id"],
              r.get("version", 1), _dump(r), self.origin] for r in rows],
        )
        return len(rows)

    def journal_inserted(self, entity: str, where: str, params: list[Any]) -> int:
        """Journal rows already bulk-inserted, building the JSON inside SQLite.

        Equivalent to ``insert_many``'s journal rows, for loads of a million
        rows where encoding JSON in Python would dominate.
        """
        columns = sorted(c[1] for c in self.db.execute(f"PRAGMA table_info([{entity}])")
                         if c[1] not in LOCAL_COLUMNS)
        pairs = ", ".join(f"'{c}', [{c}]" for c in columns)
        cursor = self.db.execute(
            "INSERT INTO journal (txn_id, at, operator_id, action, entity, entity_id, "
            "base_version, version, before, after, origin) "
            f"SELECT ?, ?, ?, 'create', ?, id, NULL, version, NULL, json_object({pairs}), ? "
            f"FROM [{entity}] WHERE {where}",
            [self.txn_id, self.at, self.operator_id, entity, self.origin, *params],
        )
        return cursor.rowcount

    def update(self, entity: str, entity_id: str, changes: dict[str, Any], *,
               base_version: int | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        before = self.get(entity, entity_id)
        if base_version is not None and before["version"] != base_version:
            raise ConflictError(
                translate("Journal", "Someone else saved this record after you opened it. "
                                     "Close it, open it again and redo your change.")
            )
        real = {k: v for k, v in changes.items() if before.get(k) != v}
        if not real:
            return before, before
        real["version"] = before["version"] + 1
        real["updated_at"] = self.at
        self.db.execute(
            f"UPDATE [{entity}] SET {', '.join(f'[{c}] = ?' for c in real)} WHERE id = ?",
            [*real.values(), entity_id],
        )
        after = {**before, **real}
        self._journal("update", entity, entity_id, before["version"], after["version"],
                      before, after)
        return before, after

    def delete(self, entity: str, entity_id: str) -> dict[str, Any]:
        before = self.get(entity, entity_id)
        self.db.execute(f"DELETE FROM [{entity}] WHERE id = ?", [entity_id])
        self._journal("delete", entity, entity_id, before["version"], None, before, None)
        return before


@contextlib.contextmanager
def changes(db: Database, operator_id: str, *, origin: str = "local") -> Iterator[ChangeSet]:
    with db.atomic():
        yield ChangeSet(db, operator_id, origin=origin)


def entries_for(db: Database, entity: str, entity_id: str) -> list[dict[str, Any]]:
    """The history of one record, oldest first, with JSON decoded."""
    rows = db.query(
        "SELECT j.*, u.display_name AS operator_name FROM journal j "
        "JOIN app_user u ON u.id = j.operator_id "
        "WHERE entity = ? AND entity_id = ? ORDER BY seq",
        [entity, entity_id],
    )
    out = []
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
        out.append(row)
    return out

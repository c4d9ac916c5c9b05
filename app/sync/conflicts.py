"""Conflicts: a record changed both here and at the county (protocol §6).

Both versions are kept in ``sync_conflict``; the local record is never
overwritten until an official chooses. Either choice is a journaled local
change based on the county's version, marked as a resolution, so the county
takes it and both sides agree on the record's version.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import LOCAL_COLUMNS, ChangeSet, changes, utc_now
from app.pinyin import with_sort_key

CHOICES = ("keep_local", "take_county")
# Fields that describe the row rather than its content.
_BOOKKEEPING = {"version", "created_at", "updated_at"}


def known_table(db: Database, entity: str) -> str:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [entity]).fetchone():
        raise UserError(translate("Sync", "The county sent a change of an unknown kind of record "
                                          "({entity}).").format(entity=entity))
    return entity


def _row(db: Database, table: str, entity_id: str) -> dict[str, Any] | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [entity_id])
    got = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], got)) if got else None


def write_version(db: Database, cs: ChangeSet, table: str, entity_id: str,
                  data: dict[str, Any] | None, version: int | None, *,
                  base_version: int | None) -> int:
    """Make the local record equal ``data`` at ``version``, journaled; returns the journal seq."""
    before = _row(db, table, entity_id)
    if before is None:
        raise UserError(translate("Sync", "The record is no longer in this register; it cannot "
                                          "be updated from the county's version."))
    if data is None:
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [entity_id])
        cs._journal("delete", table, entity_id, base_version if base_version is not None
                    else before["version"], None, before, None)
    else:
        columns = [c for c in before if c != "id" and c not in LOCAL_COLUMNS]
        values = with_sort_key(table, {c: data[c] for c in columns
                                       if c in data and c != "version"})
        values["version"] = version
        values["updated_at"] = cs.at
        db.execute(f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in values)} WHERE id = ?",
                   [*values.values(), entity_id])
        after = {**before, **values}
        cs._journal("update", table, entity_id, base_version if base_version is not None
                    else before["version"], version, before, after)
    return db.execute("SELECT last_insert_rowid()").fetchone()[0]


def open_conflicts(db: Database) -> list[dict[str, Any]]:
    out = []
    for row in db.query("SELECT * FROM sync_conflict WHERE status = 'open' ORDER BY detected_at"):
        row["local_data"] = json.loads(row["local_data"]) if row["local_data"] else None
        row["county_data"] = json.loads(row["county_data"]) if row["county_data"] else None
        out.append(row)
    return out


def title(conflict: dict[str, Any]) -> str:
    """A name people recognise the record by (head of household, organization, title)."""
    for data in (conflict.get("local_data"), conflict.get("county_data")):
        for field in ("head_name", "name", "title", "code"):
            if data and data.get(field):
                return str(data[field])
    return conflict["entity_id"]


def differences(conflict: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, local value, county value) for every field that differs."""
    local = conflict["local_data"] or {}
    county = conflict["county_data"] or {}
    fields = sorted((set(local) | set(county)) - _BOOKKEEPING - LOCAL_COLUMNS)
    return [(f, local.get(f), county.get(f)) for f in fields if local.get(f) != county.get(f)]


def resolve(db: Database, operator_id: str, conflict_id: str, choice: str) -> dict[str, Any]:
    if choice not in CHOICES:
        raise ValueError(choice)
    row = db.execute("SELECT entity, entity_id, county_version, county_data, status FROM "
                     "sync_conflict WHERE id = ?", [conflict_id]).fetchone()
    if row is None:
        raise NotFound(translate("Sync", "This conflict no longer exists."))
    entity, entity_id, county_version, county_data, status = row
    if status != "open":
        raise UserError(translate("Sync", "This conflict was already resolved."))
    table = known_table(db, entity)
    county = json.loads(county_data) if county_data else None
    new_version = (county_version or 0) + 1
    with changes(db, operator_id) as cs:
        local = _row(db, table, entity_id)
        if choice == "keep_local":
            if local is None:
                cs._journal("delete", table, entity_id, county_version, None, county, None)
                seq = db.execute("SELECT last_insert_rowid()").fetchone()[0]
            else:
                seq = write_version(db, cs, table, entity_id, local, new_version,
                                    base_version=county_version)
        else:
            seq = write_version(db, cs, table, entity_id, county,
                                None if county is None else new_version,
                                base_version=county_version)
        db.execute("INSERT INTO sync_resolution VALUES (?, ?)", [seq, choice])
        # Every open conflict of this record is settled by this one choice.
        db.execute("UPDATE sync_conflict SET status = 'resolved', resolution = ?, resolved_at = ?, "
                   "resolved_by = ? WHERE status = 'open' AND entity = ? AND entity_id = ?",
                   [choice, utc_now(), operator_id, entity, entity_id])
    return {"entity": entity, "entity_id": entity_id, "choice": choice, "journal_seq": seq}

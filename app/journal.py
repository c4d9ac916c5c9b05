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
import hashlib
import json
import os
import uuid
from typing import Any, Iterable, Iterator

from sqlite_utils import Database

from app.errors import ConflictError, NotFound
from app.i18n import translate
from app.pinyin import with_sort_key
from db.bulk import insert_rows

# Columns that are local bookkeeping, never part of what travels or is audited:
# the row number, and the pinyin sort key derived from the name (app/pinyin.py).
LOCAL_COLUMNS = {"sid", "name_sort"}


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    return str(uuid.uuid4())


def new_ids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs, as ``new_id`` makes them, for bulk
    loads: one read of the random source instead of one per id, and no UUID
    objects (``uuid4()`` costs ~4 µs each, most of it object churn)."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes((b & 0x0F) | 0x40 for b in raw[6::16])    # version 4
    raw[8::16] = bytes((b & 0x3F) | 0x80 for b in raw[8::16])    # RFC 4122 variant
    text = raw.hex()
    return [f"{text[i:i + 8]}-{text[i + 8:i + 12]}-{text[i + 12:i + 16]}-"
            f"{text[i + 16:i + 20]}-{text[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]


# Below this many rows a bulk journal write lets the chain trigger hash each
# row; above it setting the trigger aside and hashing in one pass is faster.
_PYTHON_CHAIN_FROM = 500


@contextlib.contextmanager
def _trigger_set_aside(db: Database) -> Iterator[tuple[int, str] | None]:
    """Drop the ``journal_chain`` trigger for a bulk write in the caller's
    transaction and create it again from its own stored SQL afterwards.

    Yields (last seq, chain head hash) of the journal as it was, or None for a
    register from before the chains (migrations add them), which has no
    trigger to set aside. A failure rolls the DDL back with the rows.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("a bulk journal write needs the caller's transaction")
    found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                       "AND name = 'journal_chain'").fetchone()
    if found is None:
        yield None
        return
    last = db.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0]
    head = db.execute("SELECT hash FROM audit_chain WHERE log = 'journal' "
                      "ORDER BY seq DESC LIMIT 1").fetchone()
    db.execute("DROP TRIGGER journal_chain")
    yield last, head[0] if head else ""
    db.execute(found[0])


def _quote(text: str) -> str:
    """SQLite's ``quote()`` of a text value: the chain hashes what it returns."""
    return "'" + text.replace("'", "''") + "'"


def _chain_of_creates(cs: "ChangeSet", entity: str, prev: str,
                      rows: list[tuple[int, str, int, str | bytes]]
                      ) -> tuple[list[tuple[int, str]], str]:
    """Audit-chain hashes of journal 'create' entries of ``cs`` - (seq, entity
    id, version, after JSON as text or UTF-8 bytes) each, in seq order -
    hashed from the very text ``content_sql`` makes of them (so ``audit
    verify`` finds the same sums) without reading the rows back; and the new
    chain head."""
    head = (f"{_quote(cs.txn_id)}|{_quote(cs.at)}|{_quote(cs.operator_id)}|'create'|"
            f"{_quote(entity)}|")
    tail = f"'|{_quote(cs.origin)}".encode("utf-8")
    sha256 = hashlib.sha256
    chain = []
    append = chain.append
    # A hundred thousand rows a roster: ``_quote`` is written out in the loop.
    quote, quotes = "'", "''"
    for seq, entity_id, version, after in rows:
        # The JSON is quoted and hashed as bytes: given as bytes, it is not
        # converted at all (a quote is one byte in UTF-8).
        if type(after) is str:
            after = after.encode("utf-8")
        prev = sha256(f"{prev}|{seq}|{head}'{entity_id.replace(quote, quotes)}'|NULL|"
                      f"{version}|NULL|'".encode("utf-8") + after.replace(b"'", b"''")
                      + tail).hexdigest()
        append((seq, prev))
    return chain, prev


# Triggers on journal inserts that act only on entries of the entities named
# (their WHEN clause says so): a bulk write of other entities sets them aside
# too, as each costs a trigger run per row (a third of an insert) for nothing.
_ENTITY_TRIGGERS = {"record_upload_entered": {"credit_record"}}  # db/schema_stats.py


class CreatesInBulk:
    """Journal entries of rows created in bulk whose JSON the caller already
    has, chained as they are written.

    Reading every new journal row back to hash it cost more than writing it
    at a million rows (gigabytes through the page cache, decrypted again in
    an encrypted register). Here each entry is hashed from the values about
    to be inserted, with the text ``quote()`` would give, so ``audit
    verify`` finds the same sums; rows get
    their seq numbers from here, in the order added. Use inside the caller's
    transaction, as a context manager (it sets the chain trigger aside, and
    the triggers that would do nothing for ``entities``)::

        with CreatesInBulk(cs, ["household"]) as journal:
            journal.add("household", [(row_id, 1, after_json), ...])
    """

    def __init__(self, cs: "ChangeSet", entities: Iterable[str]):
        self.cs = cs
        self.entities = set(entities)
        self._aside = _trigger_set_aside(cs.db)
        self._idle: list[str] = []
        self._seq = 0
        self._prev = ""
        self.count = 0

    def __enter__(self) -> "CreatesInBulk":
        mark = self._aside.__enter__()
        if mark is None:
            raise RuntimeError("this register has no audit chain yet")
        self._seq, self._prev = mark
        for name, acts_on in _ENTITY_TRIGGERS.items():
            found = self.cs.db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                       "AND name = ?", [name]).fetchone()
            if found and not acts_on & self.entities:
                self.cs.db.execute(f"DROP TRIGGER [{name}]")
                self._idle.append(found[0])
        return self

    def __exit__(self, *exc) -> bool | None:
        if exc[0] is None:
            for sql in self._idle:
                self.cs.db.execute(sql)
        return self._aside.__exit__(*exc)

    def add(self, entity: str, rows: Iterable[tuple[str, int, str | bytes]]) -> int:
        """Journal the creation of ``rows``: (entity id, version, after JSON)
        each, the JSON as text or, cheaper, as its UTF-8 bytes (stored as
        text: no conversion on the way in, for the chain or by the driver)."""
        if entity not in self.entities:
            raise ValueError(f"{entity} was not named when the bulk journal began")
        cs = self.cs
        # What is the same for every row is written into the statement as the
        # very literals ``quote()`` gives (binding it per row cost a quarter
        # of the insert), and into the hashed text the same way.
        fixed = [_quote(cs.txn_id), _quote(cs.at), _quote(cs.operator_id), "'create'",
                 _quote(entity)]
        journal = []
        seq = self._seq
        for entity_id, version, after in rows:
            seq += 1
            journal.append((seq, entity_id, version, after))
        chain, prev = _chain_of_creates(cs, entity, self._prev, journal)
        insert_rows(self.cs.db.conn,
                    "INSERT INTO journal (seq, txn_id, at, operator_id, action, entity, entity_id, "
                    "base_version, version, before, after, origin)",
                    f"(?, {', '.join(fixed)}, ?, NULL, ?, NULL, CAST(? AS TEXT), "
                    f"{_quote(cs.origin)})", journal)
        insert_rows(self.cs.db.conn, "INSERT INTO audit_chain (log, seq, hash)",
                    "('journal', ?, ?)", chain)
        self._seq, self._prev = seq, prev
        self.count += len(journal)
        return len(journal)


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
        row = with_sort_key(entity, row)
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
        rows = [with_sort_key(entity, r) for r in rows]
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{entity}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [[r[c] for c in columns] for r in rows],
        )
        if len(rows) >= _PYTHON_CHAIN_FROM and self.db.conn.in_transaction:
            # Many rows (a village's letters, the demo's records): chained in
            # one pass instead of by the trigger, which calls back into Python
            # and looks up the chain head for every row (~25 µs a row).
            with CreatesInBulk(self, [entity]) as journal:
                journal.add(entity, [(r["id"], r.get("version", 1), _dump(r)) for r in rows])
            return len(rows)
        self.db.conn.executemany(
            "INSERT INTO journal (txn_id, at, operator_id, action, entity, "
            "entity_id, base_version, version, before, after, origin) "
            "VALUES (?,?,?,'create',?,?,NULL,?,NULL,?,?)",
            [[self.txn_id, self.at, self.operator_id, entity, r["id"],
              r.get("version", 1), _dump(r), self.origin] for r in rows],
        )
        return len(rows)

    def journal_inserted(self, entity: str, where: str, params: list[Any], *,
                         bulk: int | None = None) -> int:
        """Journal rows already bulk-inserted, building the JSON inside SQLite.

        Equivalent to ``insert_many``'s journal rows, for loads of a million
        rows where encoding JSON in Python would dominate. ``bulk``: how many
        rows ``where`` selects, when the caller knows (else counted); many
        rows are chained in one pass, with the chain trigger set aside.
        """
        columns = sorted(c[1] for c in self.db.execute(f"PRAGMA table_info([{entity}])")
                         if c[1] not in LOCAL_COLUMNS)
        pairs = ", ".join(f"'{c}', [{c}]" for c in columns)
        sql = ("INSERT INTO journal (txn_id, at, operator_id, action, entity, entity_id, "
               "base_version, version, before, after, origin) "
               f"SELECT ?, ?, ?, 'create', ?, id, NULL, version, NULL, json_object({pairs}), ? "
               f"FROM [{entity}] WHERE {where}")
        args = [self.txn_id, self.at, self.operator_id, entity, self.origin, *params]
        count = self.db.execute(f"SELECT count(*) FROM [{entity}] WHERE {where}",
                                params).fetchone()[0] if bulk is None else bulk
        if count < _PYTHON_CHAIN_FROM:
            return self.db.execute(sql, args).rowcount
        # The new rows come back from the insert itself (RETURNING) to be
        # hashed: reading them back afterwards cost as much as inserting them.
        with _trigger_set_aside(self.db) as mark:
            # The JSON back as its UTF-8 bytes, as it is hashed: not decoded
            # into a str only to be encoded again.
            rows = self.db.conn.execute(
                f"{sql} RETURNING seq, entity_id, version, CAST(after AS BLOB)", args).fetchall()
            if mark is None:
                return len(rows)
            rows.sort()   # RETURNING's order is not promised
            chain, _ = _chain_of_creates(self, entity, mark[1], rows)
            insert_rows(self.db.conn, "INSERT INTO audit_chain (log, seq, hash)",
                        "('journal', ?, ?)", chain)
            return len(rows)

    def update(self, entity: str, entity_id: str, changes: dict[str, Any], *,
               base_version: int | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        before = self.get(entity, entity_id)
        if base_version is not None and before["version"] != base_version:
            raise ConflictError(
                translate("Journal", "Someone else saved this record after you opened it. "
                                     "Close it, open it again and redo your change.")
            )
        real = {k: v for k, v in with_sort_key(entity, changes).items() if before.get(k) != v}
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

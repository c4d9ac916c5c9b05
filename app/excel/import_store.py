"""The register side of an import: rows already checked and laid out as the
tables hold them go in, journaled, in one transaction.

``importer.run`` checks a roster chunk by chunk and hands each chunk's rows
here. A large roster is written by a process of its own (``StoreApart``) while
the importing process checks the next chunk: checking and writing each take
about half of a large import, and Python runs one of them at a time per
process. A small one is written in the importing process (``Store``), where
starting a process would cost more than it saves. Both run the same code, in
one transaction: cancel or any failure rolls every chunk back.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import weakref
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import keystore, search, settings
from app.journal import changes, new_id
from app.errors import UserError
from app.i18n import translate
from db.bulk import insert_rows

HOUSEHOLD_FIELDS = ("village_id", "group_id", "head_name", "head_sex", "head_id_number",
                    "head_birth_date", "phone", "address", "members", "labor",
                    "land_area_centimu", "main_industry", "annual_income_fen", "assets_fen",
                    "loan_balance_fen", "overdue_fen", "note")
ORG_FIELDS = ("kind", "name", "uscc", "uscc_override_reason", "legal_rep_name",
              "legal_rep_id_number", "phone", "address", "village_id", "members_count",
              "registered_capital_fen", "business_scope", "note")
RECORD_FIELDS = ("subject_id", "category", "polarity", "severity", "title", "content",
                 "source_department", "document_number", "decision_date", "publicity_end",
                 "status")
# Which clean columns come from which mapped field (for "given" and differences).
SOURCE = {"village_id": "village", "group_id": "group", "head_sex": "head_id_number",
          "head_birth_date": "head_id_number", "land_area_centimu": "land_area",
          "annual_income_fen": "annual_income", "assets_fen": "assets",
          "loan_balance_fen": "loan_balance", "overdue_fen": "overdue",
          "registered_capital_fen": "registered_capital"}

_log = logging.getLogger("credit_desk.import")

# From this many rows an import is written by a process of its own.
APART_FROM = 20_000

_HOUSEHOLD_INSERT = (
    "INSERT INTO household (sid, id, village_id, group_id, head_name, head_sex, "
    "head_id_number, head_birth_date, phone, address, members, labor, land_area_centimu, "
    "main_industry, annual_income_fen, assets_fen, loan_balance_fen, overdue_fen, "
    "note, name_sort, version, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)")
_MEMBER_INSERT = (
    "INSERT INTO household_member (id, household_id, name, relation, sex, id_number, "
    "birth_date, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)")
_ORG_INSERT = (
    f"INSERT INTO organization (sid, id, {', '.join(ORG_FIELDS)}, name_sort, version, "
    f"created_at, updated_at) VALUES (?, ?, {', '.join('?' for _ in ORG_FIELDS)}, ?, 1, ?, ?)")
_RECORD_INSERT = (
    f"INSERT INTO credit_record (id, {', '.join(RECORD_FIELDS)}, version, created_at, "
    f"updated_at) VALUES (?, {', '.join('?' for _ in RECORD_FIELDS)}, 1, ?, ?)")


def changes_for(row, existing: dict[str, Any], choice: str) -> dict[str, Any]:
    """The fields an import row would change in the register's ``existing`` row."""
    fields = HOUSEHOLD_FIELDS if row.kind == "households" else ORG_FIELDS
    out = {}
    for key in fields:
        if key not in row.values or key in ("head_id_number", "uscc"):
            continue
        source = SOURCE.get(key, key)
        if source not in row.given:
            continue
        new = row.values[key]
        old = existing.get(key)
        if new in (None, "") or new == old:
            continue
        if choice == "keep" and old not in (None, "", 0):
            continue
        out[key] = new
    return out


def new_members(row, existing_numbers: set[str], existing_names: set[str]) -> list:
    out = []
    for member in row.members:
        if member.problems:
            continue
        number = member.values.get("id_number")
        if (number and number in existing_numbers) or \
                (not number and member.values["name"] in existing_names):
            continue
        out.append(member)
    return out


class Store:
    """Writes an import's prepared rows in one transaction, begun here.

    ``next_sid``: the first row number new subjects get (the importing side
    numbers them, so their members' and organizations' search keys are made there). Then
    ``households``/``organizations``/``records`` per chunk, ``finish`` once
    with the updates of rows already in the register, then ``commit`` - or
    ``abort``, which rolls everything back.
    """

    def __init__(self, db: Database, operator_id: str, at: str, households: int):
        self.db = db
        self._open = contextlib.ExitStack()
        try:
            self.cs = self._open.enter_context(changes(db, operator_id))
            self.cs.at = at
            self._open.enter_context(_page_cache(db))
            self.aside = _IndexesAside(db, ("subject", "household", "journal"), households)
            self.next_sid = db.execute(
                "SELECT COALESCE(MAX(sid), 0) + 1 FROM subject").fetchone()[0]
        except BaseException as error:
            self.abort(error)
            raise

    def households(self, households: list[tuple], members: list[tuple],
                   member_keys: list[tuple[str, int]], names: list[tuple[str, str]]) -> None:
        """A chunk's new households (each row: sid, id, then as ``_HOUSEHOLD_INSERT``),
        members, their members' number keys, and the name keys of new names."""
        db, cs = self.db, self.cs
        first_sid = households[0][0]
        # The subject rows are taken from the household rows here: a second
        # list of (sid, id) would cross the pipe for nothing.
        subjects = [row[:2] for row in households]
        if members:
            self.aside.need_parent_keys()
        member_mark = db.execute(
            "SELECT COALESCE(MAX(rowid), 0) FROM household_member").fetchone()[0]
        insert_rows(db.conn, "INSERT INTO subject (sid, id, kind)", "(?, ?, 'household')",
                    subjects)
        db.conn.executemany(_HOUSEHOLD_INSERT, households)
        cs.journal_inserted("household", "sid >= ?", [first_sid], bulk=len(households))
        if members:
            db.conn.executemany(_MEMBER_INSERT, members)
            cs.journal_inserted("household_member", "rowid > ?", [member_mark],
                                bulk=len(members))
        search.index_households(db, first_sid)
        insert_rows(db.conn, "INSERT OR IGNORE INTO search_key (key, sid)", "(?, ?)",
                    member_keys)
        self._names(names)

    def organizations(self, organizations: list[tuple], keys: list[tuple[str, int]],
                      names: list[tuple[str, str]]) -> None:
        db = self.db
        subjects = [row[:2] for row in organizations]
        insert_rows(db.conn, "INSERT INTO subject (sid, id, kind)", "(?, ?, 'organization')",
                    subjects)
        db.conn.executemany(_ORG_INSERT, organizations)
        self.cs.journal_inserted("organization", "sid >= ?", [subjects[0][0]],
                                 bulk=len(organizations))
        insert_rows(db.conn, "INSERT OR IGNORE INTO search_key (key, sid)", "(?, ?)", keys)
        self._names(names)

    def records(self, records: list[tuple], negative: list[dict[str, Any]]) -> None:
        """Credit records, and what a new negative one sets off (``negative``:
        the values of those rows)."""
        self.aside.need_parent_keys()
        db, cs = self.db, self.cs
        mark = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM credit_record").fetchone()[0]
        db.conn.executemany(_RECORD_INSERT, records)
        cs.journal_inserted("credit_record", "rowid > ?", [mark])
        _flag_negative(cs, negative)

    def _names(self, rows: list[tuple[str, str]]) -> None:
        insert_rows(self.db.conn, "INSERT OR IGNORE INTO name_key (key, name)", "(?, ?)", rows)

    def finish(self, later: list[tuple[Any, str]], extra: dict[str, list],
               memories: list[tuple[str, Any]] = ()) -> dict[str, int]:
        """Indexes back, then what changes rows already written or in the
        register: duplicates to update or keep ('merge-' when the first row
        went in with this import), and members of a member sheet for
        households already in the register; the sheets' mappings remembered
        (``memories``: setting key, value). Counts of what that did."""
        self.aside.restore()
        for key, value in memories:
            settings.put(self.db, key, value)
        cs, db = self.cs, self.db
        updated = skipped = members_created = 0
        for row, choice in later:
            merged = choice.startswith("merge-")
            changed = _update_existing(cs, row, choice.removeprefix("merge-"))
            if changed and not merged:
                updated += 1
            elif not merged:
                skipped += 1
        for household_id, rows in extra.items():
            have = {n for (n,) in db.execute(
                "SELECT id_number FROM household_member WHERE household_id = ?", [household_id])}
            names = {n for (n,) in db.execute(
                "SELECT name FROM household_member WHERE household_id = ?", [household_id])}
            for m in rows:
                number = m.values.get("id_number")
                if (number and number in have) or (not number and m.values["name"] in names):
                    continue
                cs.insert("household_member", dict(m.values, id=new_id(),
                                                   household_id=household_id))
                _index_member(db, household_id, m.values)
                members_created += 1
        return {"updated": updated, "skipped": skipped, "members_created": members_created}

    def commit(self) -> None:
        self._open.close()

    def abort(self, error: BaseException) -> None:
        """Roll back (the transaction's context sees ``error``)."""
        self._open.__exit__(type(error), error, error.__traceback__)


class Writer:
    """A process of its own, started ahead, that becomes a ``StoreApart``.

    Starting a Python process and importing what writing needs takes about
    half a second; started when a large file is opened (``importer.inspect``,
    while the workbook is read), it is ready when the import begins. It waits
    for ``begin``; closed, or dropped with its plan, it ends without having
    touched the register.
    """

    def __init__(self, db: Database):
        path = db.execute("PRAGMA main.database_list").fetchone()[2]
        self.path = path
        context = multiprocessing.get_context("spawn")
        self.pipe, child = context.Pipe()
        self.process = context.Process(
            target=_store_apart, daemon=True,
            args=(path, keystore.key_of_register(Path(path)), child))
        self.process.start()
        child.close()
        self._finalizer = weakref.finalize(self, _end, self.process, self.pipe)

    def close(self) -> None:
        self._finalizer()

    def release(self) -> None:
        """After its commit: the process checkpoints and ends by itself; no
        one waits for it (multiprocessing reaps it)."""
        self._finalizer.detach()
        self.pipe.close()


def _end(process, pipe) -> None:
    pipe.close()   # the process sees the pipe close and ends, writing nothing
    process.join(timeout=30)
    if process.is_alive():
        process.kill()
        process.join()


def warm_writer(db: Database, path: Path) -> Writer | None:
    """A ``Writer`` for a workbook large enough to be written apart (judged
    by its size: about 80 bytes a row in an .xlsx), else None."""
    register = db.execute("PRAGMA main.database_list").fetchone()[2]
    if not register or db.conn.in_transaction:
        return None
    try:
        if Path(path).stat().st_size < APART_FROM * 80:
            return None
        return Writer(db)
    except OSError as error:   # the import will start one again, or write here
        _log.warning("no writing process started ahead: %s", error)
        return None


class StoreApart:
    """A ``Store`` in a process of its own (a ``Writer``), fed through a pipe.

    The process begins the transaction before this one reads the register
    for its checks and, if the journal has grown since this process last
    looked (``mark``: another writer got in between), refuses rather than
    write over what the checks did not see.
    Chunks are sent without waiting for an answer, so this process checks
    the next chunk while the other writes; the pipe holds back a checker
    that gets ahead. A failure there comes back as the exception it raised,
    at the next call. The other process opens the register itself, with the
    key this process unlocked it with; if this process dies, the pipe closes
    and the other rolls back.
    """

    def __init__(self, db: Database, operator_id: str, at: str, households: int,
                 writer: Writer | None = None):
        if writer is None or writer.path != db.execute(
                "PRAGMA main.database_list").fetchone()[2]:
            if writer is not None:
                writer.close()
            writer = Writer(db)
        self.writer = writer
        self.pipe = writer.pipe
        try:
            self.pipe.send(("begin", (operator_id, at, households, _journal_mark(db))))
            # Ready (its transaction begun) before this process reads the register.
            self.next_sid = self._answer()
        except BaseException:
            writer.close()
            raise

    def _answer(self) -> Any:
        try:
            kind, value = self.pipe.recv()
        except EOFError:
            raise RuntimeError("the process writing the import ended without a word") from None
        if kind == "error":
            raise value
        return value

    def _send(self, call: str, *args: Any) -> None:
        if self.pipe.poll():    # only a failure is ever sent back unasked
            self._answer()
        self.pipe.send((call, args))

    def households(self, *args: Any) -> None:
        self._send("households", *args)

    def organizations(self, *args: Any) -> None:
        self._send("organizations", *args)

    def records(self, *args: Any) -> None:
        self._send("records", *args)

    def finish(self, later: list, extra: dict, memories: list) -> dict[str, int]:
        self._send("finish", later, extra, memories)
        return self._answer()

    def commit(self) -> None:
        try:
            self._send("commit")
            self._answer()
        except BaseException:
            self.writer.close()
            raise
        self.writer.release()

    def abort(self, error: BaseException) -> None:
        with contextlib.suppress(OSError):
            self.pipe.send(("abort", ()))
        self.writer.close()


def open_store(db: Database, operator_id: str, at: str, households: int, rows: int,
               writer: Writer | None = None):
    """The store for an import of ``rows`` rows: apart from ``APART_FROM``
    (in ``writer`` if one was started ahead), when the register is a file
    and no transaction of the caller's is open (the other process could not
    take the write lock). Open it before the checks read the register."""
    path = db.execute("PRAGMA main.database_list").fetchone()[2]
    if rows >= APART_FROM and path and not db.conn.in_transaction:
        try:
            return StoreApart(db, operator_id, at, households, writer)
        except (OSError, RuntimeError) as error:
            # No second process (a locked-down PC, a broken install): slower
            # in this one is better than no import.
            _log.warning("import written in this process: the writing process failed to "
                         "start (%s)", error)
    elif writer is not None:
        writer.close()
    return Store(db, operator_id, at, households)


def _journal_mark(db: Database) -> int:
    """Every change to the register is journaled: the same last seq means the
    same register."""
    return db.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0]


def _store_apart(path: str, key: bytes | None, pipe) -> None:
    """The process of a ``Writer``: waits for ``begin``, then is a ``StoreApart``'s store."""
    from db.connection import connect

    store = None
    try:
        try:
            call, args = pipe.recv()
        except EOFError:   # closed before an import began
            return
        operator_id, at, households, mark = args
        db = connect(path, key=key)
        # The commit only makes the WAL durable; copying it into the register
        # (the checkpoint: a fifth of a second at 100,000 rows) is done after
        # the answer, while the import's caller goes on.
        db.execute("PRAGMA wal_autocheckpoint = 0")
        store = Store(db, operator_id, at, households)
        if _journal_mark(db) != mark:
            raise UserError(translate(
                "Excel", "Someone saved changes to the register while the import was "
                         "starting. Nothing was imported: import the file again."))
        pipe.send(("ready", store.next_sid))
        calls = {"households": store.households, "organizations": store.organizations,
                 "records": store.records, "finish": store.finish}
        while True:
            try:
                call, args = pipe.recv()
            except EOFError:   # the importing process is gone: nothing is kept
                call, args = "abort", ()
            if call == "abort":
                store.abort(RuntimeError("import cancelled"))
                return
            if call == "commit":
                store.commit()
                pipe.send(("done", None))
                pipe.close()
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
                db.close()
                # Committed and closed: nothing is left to tidy, and tearing
                # down the interpreter (every module, the heap) only costs time.
                os._exit(0)
            result = calls[call](*args)
            if call == "finish":
                pipe.send(("done", result))
    except BaseException as error:  # noqa: BLE001 - reported to the importing process
        if store is not None:
            with contextlib.suppress(Exception):
                store.abort(error)
        try:
            pickle.dumps(error)
        except Exception:  # noqa: BLE001 - an exception that cannot travel: its words do
            error = RuntimeError(f"{type(error).__name__}: {error}")
        with contextlib.suppress(OSError):
            pipe.send(("error", error))


@contextlib.contextmanager
def _page_cache(db: Database):
    """A larger SQLite page cache while writing (64 MiB instead of the default
    2 MiB): the indexes a roster grows stay in memory instead of being read
    again for each row, which halves the cost of inserting into them.

    128 MiB for an encrypted register: there a page that leaves the cache
    mid-import is encrypted on its way to the WAL, and again each time it
    comes back changed (the search keys' pages); at 100,000 rows the writing
    process took 4.9 s of CPU instead of 5.4 s (four runs each, alternating,
    on a busy machine). A plain register gained no CPU, and a larger cache
    leaves more pages for the commit to write after the last chunk (the
    cache only grows as far as an import fills it)."""
    encrypted = bool(db.execute("PRAGMA cipher_version").fetchall())
    kib = 131072 if encrypted else 65536
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def _update_existing(cs, row, choice: str) -> bool:
    table = "household" if row.kind == "households" else "organization"
    current = cs.get(table, row.existing_id)
    fields = changes_for(row, current, choice)
    changed = False
    if fields:
        before, after = cs.update(table, row.existing_id, fields)
        keys = search.household_keys if table == "household" else search.organization_keys
        search.replace_keys(cs.db, before["sid"], keys(before), keys(after))
        search.index_names(cs.db, [after["head_name" if table == "household" else "name"]])
        changed = True
    if table == "household":
        have = list(cs.db.execute("SELECT id_number, name FROM household_member "
                                  "WHERE household_id = ?", [row.existing_id]))
        for m in new_members(row, {n for n, _ in have if n}, {n for _, n in have}):
            cs.insert("household_member", dict(m.values, id=new_id(),
                                               household_id=row.existing_id))
            _index_member(cs.db, row.existing_id, m.values)
            changed = True
    return changed


def _index_member(db: Database, household_id: str, values: dict) -> None:
    sid = db.execute("SELECT sid FROM household WHERE id = ?", [household_id]).fetchone()[0]
    search.replace_keys(db, sid, set(), search.member_keys([values.get("id_number")]))
    search.index_names(db, [values.get("name") or ""])


# Indexes an import adds to in their own order, kept in place: an import's
# ids ascend (importer._fresh_ids), journal rows are local (journal_not_local
# never sees them). Building them again would read the whole table - the
# journal's with every row's JSON.
_APPENDED = {"subject_id", "household_id", "journal_entity", "journal_not_local"}


class _IndexesAside:
    """Drop the indexes of tables an import at least as large as them is
    loaded into, and build them again after it, in the caller's transaction.

    Each new row costs a random descent per index (the ID number, names);
    building an index afterwards sorts once, ~5x faster for a first roster
    (bench/bench_excel.py). A unique index built again still refuses
    duplicates, failing the whole import. On a register much larger than
    the roster, rebuilding would cost more than it saves, so the indexes
    stay. Set aside for the whole import, not per chunk, so each index is
    built once. ``_APPENDED`` indexes always stay.
    """

    def __init__(self, db: Database, tables: tuple[str, ...], adding: int):
        self.db = db
        self.saved: list[str] = []
        self.parents: list[str] = []    # unique indexes child rows point at (household.id)
        parents = None
        for table in tables:
            have = db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM [{table}]").fetchone()[0]
            if adding < max(have, 1000):
                continue
            if parents is None:
                parents = _parent_keys(db)
            for name, sql in db.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND sql IS NOT NULL AND tbl_name = ?", [table]).fetchall():
                if name in _APPENDED:
                    continue
                columns = [c[2] for c in db.execute(f"PRAGMA index_info([{name}])")]
                parent = len(columns) == 1 and (table, columns[0]) in parents
                db.execute(f"DROP INDEX [{name}]")
                (self.parents if parent else self.saved).append(sql)

    def need_parent_keys(self) -> None:
        """Before the first child row (a member, a record): SQLite checks a
        foreign key through its parent's unique index, so that comes back first."""
        for sql in self.parents:
            self.db.execute(sql)
        self.parents = []

    def restore(self) -> None:
        self.need_parent_keys()
        for sql in self.saved:
            self.db.execute(sql)
        self.saved = []


def _parent_keys(db: Database) -> set[tuple[str, str]]:
    """(table, column) of every foreign key's parent: SQLite needs their unique
    index to write a child row (household_member -> household.id)."""
    out = set()
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in db.execute(f"PRAGMA foreign_key_list([{table}])"):
            out.add((fk[2], fk[4]))
    return out


def _flag_negative(cs, rows: list[dict[str, Any]]) -> None:
    """A new negative record queues the household for rating review, and an
    organization's reaches its legal representative, as one typed in the form."""
    # Imported here: the writing process starts faster without the rating area.
    from app.legal_rep_links import link_to_legal_rep
    from app.rating.review_queue import flag_for_review

    for subject_id in dict.fromkeys(r["subject_id"] for r in rows):
        flag_for_review(cs.db, cs, subject_id, translate(
            "Excel", "New negative credit record imported from a spreadsheet"), "excel_import")
    for r in rows:
        if r["status"] == "public":
            link_to_legal_rep(cs, source_kind="credit_record", source_id=r["id"],
                              subject_id=r["subject_id"], title=r["title"],
                              decided_on=r["decision_date"])

"""Opening the register: pragmas, version checks, backup, migration."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Generator

from sqlite_utils import Database

import sqlcipher3.dbapi2 as sqlcipher

from db.errors import DB_ERRORS, DatabaseProblem, classify
from db.schema_accounts import sha256_hex
from db.migrations import MIGRATION_SETS, known_migrations, schema_version

# Marks the file as ours, so a stray SQLite file is not "migrated" into one.
APPLICATION_ID = 0x43524454  # "CRDT"

# How long a writer waits for another one to finish before telling the user.
BUSY_TIMEOUT_MS = 10_000


class Register(Database):
    """A sqlite-utils Database whose transactions take the write lock first.

    sqlite-utils begins with a plain (deferred) BEGIN: a transaction that reads
    and then writes asks for the lock only at its first write, and if another
    writer committed meanwhile SQLite fails at once with "database is locked"
    instead of waiting (busy_timeout cannot help a reader that must upgrade).
    BEGIN IMMEDIATE takes the lock at the start, so a second writer simply waits
    its turn. Every sqlite-utils write (insert_all, upsert, migrations) goes
    through ``atomic()``, so this one override covers them all.
    """

    @contextlib.contextmanager
    def atomic(self) -> Generator["Register", None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    # Set by open_register once the file is known whole: closing this
    # connection then notes the file as whole (seal_whole), when it was the last.
    whole_path: Path | None = None

    def close(self) -> None:
        super().close()
        if self.whole_path is not None:
            seal_whole(self.whole_path)


@dataclass(frozen=True)
class CipherFormat:
    """How SQLCipher lays out an encrypted register's pages.

    Nothing in the file says which: a register opens only with the format it
    was written in, so every open, attach and backup names one.
    """

    page_size: int
    hmac: str

    def pragmas(self, schema: str = "main") -> list[str]:
        return [f"PRAGMA {schema}.cipher_page_size = {self.page_size}",
                f"PRAGMA {schema}.cipher_hmac_algorithm = {self.hmac}"]


# Registers this version writes: 8 KiB pages authenticated by HMAC-SHA256.
# Half as many pages to encrypt and authenticate as SQLCipher 4's default, and
# SHA-256 runs on the CPU's SHA extensions where SHA-512 cannot: the million-
# household demo builds in 47.7 s instead of 52.4-53.9 s, an import into an
# encrypted register costs 2 % over a plain one instead of 10 %, searches no
# more (docs/benchmarks.md, "Fifth pass - the register's page format").
CIPHER_FORMAT = CipherFormat(8192, "HMAC_SHA256")
# SQLCipher 4's defaults: every register written before the change above.
LEGACY_CIPHER_FORMAT = CipherFormat(4096, "HMAC_SHA512")


def _process_defaults() -> None:
    """What SQLCipher applies where no format is named: an ATTACH, which
    reads an existing file before any per-schema pragma could say how (the
    demo's key file, a register exported to encrypted); every connection
    raw_connect opens names its format itself. The defaults are the
    process's, so they are set once, here.

    SQLCipher also logs every page that fails its check to stderr; trying a
    register's format first, or a wrong key, is not an error worth printing
    (the app reports the failures that matter itself, in the user's words).
    """
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute(f"PRAGMA cipher_default_page_size = {CIPHER_FORMAT.page_size}")
        conn.execute(f"PRAGMA cipher_default_hmac_algorithm = {CIPHER_FORMAT.hmac}")
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_process_defaults()


def cipher_format(conn, schema: str = "main") -> CipherFormat | None:
    """The format an open connection reads ``schema`` in; None when it is plain."""
    page = conn.execute(f"PRAGMA {schema}.cipher_page_size").fetchone()
    if not page:
        return None
    hmac = conn.execute(f"PRAGMA {schema}.cipher_hmac_algorithm").fetchone()[0]
    return CipherFormat(int(page[0]), hmac)


def raw_connect(path: str | os.PathLike, *, key: bytes | None = None, readonly: bool = False,
                create: bool = True, cipher: CipherFormat | None = None):
    """A DB-API connection: SQLCipher's with the key set when ``key`` is given.

    ``key`` is the register's 32-byte data key (app/keystore.py), used raw
    (``x'…'``), so SQLCipher does no key derivation of its own at every open.
    An existing file is read in the format it was written in (this version's,
    else SQLCipher 4's default); a new one is written in ``cipher`` (default:
    this version's). A backup names its source's format, which SQLite's
    backup needs page for page.
    """
    target, uri = str(path), False
    if readonly or not create:
        target = Path(path).resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rw")
        uri = True
    driver = sqlite3 if key is None else sqlcipher

    def opened():
        return driver.connect(target, uri=uri, isolation_level=None, check_same_thread=False,
                              timeout=BUSY_TIMEOUT_MS / 1000)

    if key is None:
        return opened()
    formats = [cipher] if cipher else [CIPHER_FORMAT, LEGACY_CIPHER_FORMAT]
    existing = Path(path).exists() and Path(path).stat().st_size > 0
    for index, fmt in enumerate(formats):
        conn = opened()
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in fmt.pragmas():
            conn.execute(pragma)
        if not existing or index == len(formats) - 1 or _readable(conn):
            break
        conn.close()
    # SQLCipher decrypts and authenticates a page each time it enters the
    # page cache; a larger cache (8,192 pages instead of 2 MB) keeps the hot
    # index pages decrypted, which is most of the cost of a search
    # (bench/bench_encryption.py). Counted in pages, not bytes: 32 MB of an
    # older register's 4 KiB pages, 64 MB of 8 KiB ones; 32 MB of 8 KiB pages
    # held half as many, and a search for 50 scattered households missed more
    # (bench_register at a million households: ID number, first 10 digits,
    # p50 0.46 ms at 8,192 pages, 1.37 ms at 4,096).
    conn.execute("PRAGMA cache_size = 8192")
    return conn


def _readable(conn) -> bool:
    """Whether the key and format set on ``conn`` read the file's first page
    (a wrong format fails SQLCipher's page check exactly like a wrong key)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        # Only SQLITE_NOTADB: a locked or unreadable file is not a question
        # of format, and its error must reach the user as it is.
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" \
                or "not a database" in str(exc).lower():
            return False
        conn.close()
        raise
    return True


def connect(path: str | os.PathLike, *, readonly: bool = False,
            key: bytes | None = None) -> Database:
    """A connection with the pragmas every connection must have."""
    try:
        conn = raw_connect(path, key=key, readonly=readonly)
        # WAL lets the UI read while the worker writes; synchronous=FULL makes
        # a commit the user saw survive a power cut, not just a crash.
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # The audit chains' triggers hash every new log row (db/schema_accounts.py).
        conn.create_function("sha256", 1, sha256_hex, deterministic=True)
    except DB_ERRORS as exc:
        problem = classify(exc)
        if problem:
            raise problem from exc
        raise
    return Register(conn, execute_plugins=False)


def _is_empty(db: Database) -> bool:
    return not db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()


def check_version(db: Database) -> None:
    """Refuse files that are not ours or that a newer version wrote."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if _is_empty(db):
        return
    if app_id != APPLICATION_ID:
        raise DatabaseProblem(DatabaseProblem.NOT_A_REGISTER)
    found_version = db.execute("PRAGMA user_version").fetchone()[0]
    applied: set[tuple[str, str]] = set()
    if db["_sqlite_migrations"].exists():
        applied = {
            (r[0], r[1])
            for r in db.execute("SELECT migration_set, name FROM _sqlite_migrations")
        }
    unknown = applied - known_migrations()
    if unknown or found_version > schema_version():
        raise DatabaseProblem(
            DatabaseProblem.NEWER_SCHEMA,
            "unknown migrations: " + ", ".join(sorted(n for _, n in unknown)),
            found=found_version,
            supported=schema_version(),
        )


def pending_migrations(db: Database) -> list[str]:
    return [m.name for s in MIGRATION_SETS for m in s.pending(db)]


def backup(db: Database, path: Path, backup_dir: Path, label: str,
           key: bytes | None = None) -> Path:
    """Copy the live database (WAL included) with SQLite's online backup."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{Path(path).stem}-{stamp}-before-{label}.sqlite3"
    dest = raw_connect(target, key=key, cipher=cipher_format(db.conn))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


# Registers this process found whole: quick_check runs once per start, not
# at every open (a CLI command opens the register twice).
_checked: set[tuple[Path, int, int]] = set()


def seal_path(path: Path) -> Path:
    return path.with_name(path.name + "-whole")


def _file_state(path: Path) -> dict | None:
    """The register file as the file system describes it; None while a
    write-ahead log or rollback journal lies beside it, i.e. while a
    connection is open or after one ended without closing (a crash, a
    power cut), when only a full check can say the file is whole."""
    if any(os.path.exists(f"{path}{suffix}") for suffix in ("-wal", "-journal")):
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "ino": stat.st_ino}


def seal_whole(path: Path) -> None:
    """Note that the register, as it is now, is whole, when no connection to
    it is left (SQLite removes the log when the last one closes cleanly).

    The file was whole when this process opened it and has since been changed
    only through SQLite's atomic commits, so the next start need not read it
    all again (quick_check reads every page: ~10 s at a million households,
    0.1 s at a township's few thousand). Any other change to the file moves
    its modification time or size; a damaged sector that changes neither is
    found by the daily backup's integrity check of its copy.
    """
    state = _file_state(path)
    if state is None:
        return
    seal = seal_path(path)
    temp = seal.with_name(seal.name + ".tmp")
    try:
        temp.write_text(json.dumps(state))
        os.replace(temp, seal)
    except OSError:
        # Only a saving: without the note the next start checks in full.
        with contextlib.suppress(OSError):
            temp.unlink()


def unseal(db: Database, path: Path) -> None:
    """Damage found while the register is open (a backup copy failing its
    check): the next start must check the file in full and refuse it."""
    if isinstance(db, Register):
        db.whole_path = None
    with contextlib.suppress(OSError):
        seal_path(Path(path)).unlink()


def sealed_whole(path: Path) -> bool:
    """Whether the register is as a clean close left it (see seal_whole).
    Read before opening: an open connection's log is beside the file."""
    try:
        noted = json.loads(seal_path(path).read_text())
    except (OSError, ValueError):
        return False
    state = _file_state(path)
    return state is not None and noted == state


def check_not_damaged(db: Database, path: Path, *, sealed: bool = False) -> None:
    """Refuse a damaged register before anything writes to it (PRAGMA quick_check).

    ``sealed``: the file was, before this open, as a clean close left it
    (``sealed_whole``), so it is not read whole again.
    """
    stat = Path(path).stat()
    key = (Path(path).resolve(), stat.st_mtime_ns, stat.st_size)
    if key in _checked:
        return
    if not sealed:
        rows = [r[0] for r in db.execute("PRAGMA quick_check(5)").fetchall()]
        if rows != ["ok"]:
            raise DatabaseProblem(DatabaseProblem.CORRUPT, "; ".join(rows))
    _checked.add(key)


def open_register(path: str | os.PathLike, *, backup_dir: Path | None = None,
                  key: bytes | None = None) -> Database:
    """Open (creating if needed), check and migrate a register file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sealed = sealed_whole(path)
    db = connect(path, key=key)
    try:
        check_not_damaged(db, path, sealed=sealed)
        check_version(db)
        pending = pending_migrations(db)
        if pending:
            if not _is_empty(db):
                backup(db, path, backup_dir or path.parent / "backups", pending[0], key)
            else:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            for migrations in MIGRATION_SETS:
                migrations.apply(db)
            db.execute(f"PRAGMA user_version={schema_version()}")
    except DB_ERRORS as exc:
        db.close()
        problem = classify(exc)
        if problem:
            raise problem from exc
        raise
    except BaseException:
        db.close()
        raise
    db.whole_path = path
    return db

"""Opening a register for a session of work."""

from __future__ import annotations

from sqlite_utils import Database

from app import files, keystore, pinyin, search
from app.accounts import auth
from app.paths import DataDir
from db.connection import connect, open_register
from db.errors import DatabaseProblem

# A new password wraps the register's data key for that user (app/keystore.py).
auth.add_password_listener(keystore.on_password)


def open_data_dir(data: DataDir) -> Database:
    """Open (creating and migrating) the register in ``data``.

    Files a crash left half written are finished or removed first
    (app/files.py), so every later step sees files and records agreeing.
    """
    keystore.finish_conversion(data)
    key = keystore.key_for(data)
    try:
        db = open_register(data.register, backup_dir=data.backups, key=key)
    except DatabaseProblem as problem:
        if problem.kind == DatabaseProblem.CORRUPT:
            # Never written to: say so, and offer the newest backup that is whole.
            problem.info["backup"] = newest_good_backup(data)
            problem.info["register"] = str(data.register)
        raise
    try:
        if files.has_open_units(db):
            files.recover(db)
        search.upgrade_index(db)
        pinyin.fill_missing_sort_keys(db)
    except BaseException:
        db.close()
        raise
    return db


def newest_good_backup(data: DataDir) -> dict | None:
    """The newest backup that passes its check, with what it holds, or None."""
    from app import backup

    for meta in backup.list_backups(data.backups):
        try:
            held = backup.inspect_backup(meta["path"], keystore.key_for(data))
        except Exception:  # noqa: BLE001 - a damaged backup is skipped, not fatal
            continue
        return {**meta, "counts": held["counts"], "last_change": held["last_change"]}
    return None


def open_reader(data: DataDir, *, cache_kib: int = 32768) -> Database:
    """A second connection for reading while a worker writes (WAL): the
    window's two lanes.

    Their page cache is bounded in bytes, not the 8,192 pages a searching
    connection keeps (64 MiB of a new register's pages): the lanes read whole
    lists, sort whole tables and write single changes, a scan gains nothing
    from a large cache, and each full one is the window's memory. At a
    million households the UI benchmark's window ended at 419 MB with 8,192
    pages in every connection (target 400 MB; docs/benchmarks-ui.md).
    """
    db = connect(data.register, readonly=False, key=keystore.key_for(data))
    db.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    return db

"""Backups that exist, are checked, and restore.

A backup is a copy made with SQLite's online backup (consistent while the
app keeps working), written to a temp file in the backups folder, checked
with ``PRAGMA integrity_check`` on the copy, fsynced and renamed into place,
with a small JSON file beside it saying when, who, why, how big and how
many households, records, ratings and letters it holds. The folder keeps the
last 7 daily and 4 weekly backups (``backup.keep_daily`` / ``keep_weekly``
settings); a second copy goes to a folder the official chose (a USB stick)
whenever that folder is there.

Restoring shows what the backup holds and what would be lost (changes made
after it), keeps the current register aside in the backups folder, and puts
the backup in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import keystore, settings
from app.errors import UserError
from app.files import TEMP_PREFIX, fsync_folder, write_error
from app.i18n import translate
from app.paths import DataDir
from app.users import display_name
from db.connection import cipher_format, raw_connect, unseal
from db.errors import DB_ERRORS

SUFFIX = ".sqlite3"
DAILY_EVERY_S = 24 * 3600
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4

# What a backup "holds", in the words the official uses.
COUNTED = [
    ("households", "SELECT count(*) FROM household"),
    ("organizations", "SELECT count(*) FROM organization"),
    ("members", "SELECT count(*) FROM household_member"),
    ("credit_records", "SELECT count(*) FROM credit_record"),
    ("ratings", "SELECT count(*) FROM rating"),
    ("letters", "SELECT count(*) FROM commitment_letter"),
    ("changes", "SELECT coalesce(max(seq), 0) FROM journal"),
]


def count_labels() -> dict[str, str]:
    return {
        "households": translate("Backup", "households"),
        "organizations": translate("Backup", "organizations"),
        "members": translate("Backup", "family members"),
        "credit_records": translate("Backup", "credit records"),
        "ratings": translate("Backup", "ratings"),
        "letters": translate("Backup", "commitment letters"),
        "changes": translate("Backup", "changes in the journal"),
    }


def counts(conn) -> dict[str, int]:
    out = {}
    for key, sql in COUNTED:
        try:
            out[key] = conn.execute(sql).fetchone()[0]
        except DB_ERRORS:  # a table an older schema did not have
            out[key] = 0
    return out


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def _meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _durable_copy(source: Path, target: Path) -> None:
    temp = target.parent / f"{TEMP_PREFIX}{target.name}"
    try:
        shutil.copyfile(source, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def make_backup(db: Database, data: DataDir, *, reason: str = "manual", by: str = "",
                to: Path | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Back the register up into ``to`` (default: the backups folder), checked.

    Returns the backup's description (as ``list_backups`` gives it). Also
    copies it to the second folder when one is set and present, and applies
    the retention rule to the folder written.
    """
    folder = Path(to) if to else data.backups
    now = now or dt.datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, folder) from None
    name = f"register-{_stamp(now)}-{reason}{SUFFIX}"
    target = folder / name
    temp = folder / f"{TEMP_PREFIX}{name}"
    try:
        # SQLite's backup copies pages as they are: the copy keeps the
        # register's own page format (an older register's included).
        dest = raw_connect(temp, key=keystore.key_for(data), cipher=cipher_format(db.conn))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
            check = dest.execute("PRAGMA integrity_check").fetchone()[0]
            held = counts(dest)
        finally:
            dest.close()
        if check != "ok":
            unseal(db, data.register)
            raise UserError(translate(
                "Backup", "The backup copy failed its check ({detail}), so it was not kept. "
                          "The register itself may be damaged: see the damaged-register "
                          "help.").format(detail=check))
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_error(exc, target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    meta = {"file": name, "made_at": now.isoformat(timespec="seconds"), "reason": reason,
            "by": by, "size": target.stat().st_size, "counts": held, "check": "ok"}
    _meta_path(target).write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                  encoding="utf-8")
    apply_retention(db, folder)
    if to is None:
        settings.put(db, "backup.last_at", now.isoformat(timespec="seconds"))
        second = settings.get(db, "backup.second_folder")
        if second and Path(second).is_dir():
            try:
                _durable_copy(target, Path(second) / name)
                _durable_copy(_meta_path(target), Path(second) / _meta_path(target).name)
                apply_retention(db, Path(second))
                meta["second_copy"] = str(Path(second) / name)
            except OSError:
                meta["second_copy"] = None  # the stick was pulled out; the main copy stands
    return {**meta, "path": str(target)}


def list_backups(folder: Path, db: Database | None = None) -> list[dict[str, Any]]:
    """Backups in ``folder``, newest first, each with its description; given ``db``,
    also ``by_name``: the display name of the account that made each (the file
    keeps the username, which outlives renames)."""
    names = {user["username"]: display_name(user) for user in db.query(
        "SELECT username, display_name FROM app_user")} if db is not None else {}
    out = []
    for path in sorted(Path(folder).glob(f"register-*{SUFFIX}"), reverse=True):
        try:
            meta = json.loads(_meta_path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {"file": path.name, "reason": "", "by": "", "counts": None,
                    "made_at": dt.datetime.fromtimestamp(path.stat().st_mtime)
                    .isoformat(timespec="seconds")}
        meta["size"] = path.stat().st_size
        meta["path"] = str(path)
        meta["by_name"] = names.get(meta.get("by") or "", meta.get("by") or "")
        out.append(meta)
    out.sort(key=lambda m: m["made_at"], reverse=True)
    return out


def keep_rule(db: Database | None) -> tuple[int, int]:
    if db is None:
        return DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY
    return (int(settings.get(db, "backup.keep_daily", DEFAULT_KEEP_DAILY)),
            int(settings.get(db, "backup.keep_weekly", DEFAULT_KEEP_WEEKLY)))


def to_keep(backups: list[dict[str, Any]], daily: int, weekly: int) -> set[str]:
    """The newest backup of each of the last ``daily`` days that have one, and
    of each of the last ``weekly`` ISO weeks; always the newest of all."""
    keep: set[str] = set()
    days: dict[str, str] = {}
    weeks: dict[tuple[int, int], str] = {}
    for meta in sorted(backups, key=lambda m: m["made_at"], reverse=True):
        moment = dt.datetime.fromisoformat(meta["made_at"])
        days.setdefault(moment.date().isoformat(), meta["path"])
        weeks.setdefault(moment.isocalendar()[:2], meta["path"])
    keep.update(list(days.values())[:daily])
    keep.update(list(weeks.values())[:weekly])
    if backups:
        keep.add(max(backups, key=lambda m: m["made_at"])["path"])
    return keep


def apply_retention(db: Database | None, folder: Path) -> list[str]:
    """Delete backups the rule no longer keeps; returns their file names."""
    daily, weekly = keep_rule(db)
    backups = list_backups(folder)
    keep = to_keep(backups, daily, weekly)
    removed = []
    for meta in backups:
        if meta["path"] in keep:
            continue
        path = Path(meta["path"])
        with contextlib.suppress(OSError):
            path.unlink()
            _meta_path(path).unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def is_due(db: Database, now: dt.datetime | None = None) -> bool:
    """True when the last automatic or manual backup is a day old or more."""
    last = settings.get(db, "backup.last_at")
    if not last:
        return True
    now = now or dt.datetime.now()
    return (now - dt.datetime.fromisoformat(last)).total_seconds() >= DAILY_EVERY_S


def inspect_backup(path: Path, key: bytes | None = None) -> dict[str, Any]:
    """What a backup file holds (counts), checked; refuses a damaged one.

    ``key``: the register's data key when it is encrypted (backups are
    encrypted with the same key)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(translate("Backup", "There is no backup file {path}.").format(path=path))
    try:
        conn = raw_connect(path, key=key, readonly=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            held = counts(conn)
            last_change = conn.execute("SELECT max(at) FROM journal").fetchone()[0]
        finally:
            conn.close()
    except DB_ERRORS as exc:
        raise UserError(translate("Backup", "{path} is damaged or not a backup ({detail}).").format(
            path=path.name, detail=exc)) from None
    if check != "ok":
        raise UserError(translate("Backup", "{path} is damaged ({detail}); choose another "
                                            "backup.").format(path=path.name, detail=check))
    return {"path": str(path), "counts": held, "last_change": last_change}


def what_would_be_lost(current: dict[str, int] | None, backup: dict[str, int]
                       ) -> dict[str, int]:
    """Per count, how many more the current register holds than the backup."""
    if current is None:
        return {}
    return {k: current[k] - backup.get(k, 0) for k in current
            if current[k] - backup.get(k, 0) > 0}


def current_counts(data: DataDir) -> dict[str, int] | None:
    """Counts of the register now, or None if it cannot be read (damaged)."""
    if not data.register.exists():
        return None
    try:
        conn = raw_connect(data.register, key=keystore.key_for(data), readonly=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            return counts(conn)
        finally:
            conn.close()
    except DB_ERRORS:
        return None


def restore(data: DataDir, backup: Path, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """Put ``backup`` in place of the register; the current one is kept aside.

    The caller has closed every connection to the register and asked the
    user. Returns {restored, kept_aside}.
    """
    key = keystore.key_for(data)
    inspect_backup(backup, key)
    now = now or dt.datetime.now()
    data.backups.mkdir(parents=True, exist_ok=True)
    kept = None
    if data.register.exists():
        kept = data.backups / f"replaced-{_stamp(now)}{SUFFIX}"
        set_aside(data.register, kept, key)
    temp = data.root / f"{TEMP_PREFIX}restore{SUFFIX}"
    try:
        _durable_copy(Path(backup), temp)
        os.replace(temp, data.register)
        fsync_folder(data.root)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_error(exc, data.register) from None
    return {"restored": str(backup), "kept_aside": str(kept) if kept else None}


def set_aside(register: Path, kept: Path, key: bytes | None = None) -> None:
    """Move the register and its WAL aside, as one file if it still opens."""
    try:
        conn = raw_connect(register, key=key, create=False)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except DB_ERRORS:
        pass  # damaged: move the files as they are, for experts
    os.replace(register, kept)
    for suffix in ("-wal", "-shm"):
        side = register.with_name(register.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    fsync_folder(kept.parent)


def auto_backup(db: Database, data: DataDir, *, by: str = "",
                now: dt.datetime | None = None) -> dict[str, Any] | None:
    """The automatic backup: when a day has passed or anything changed since the last.

    Called when the desktop app closes and every hour while it is open;
    returns the backup's description, or None when none was needed.
    """
    changes = db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
    if not is_due(db, now) and settings.get(db, "backup.last_changes") == changes:
        return None
    meta = make_backup(db, data, reason="auto", by=by, now=now)
    settings.put(db, "backup.last_changes", changes)
    return meta


def backup_needed(db: Database, now: dt.datetime | None = None) -> bool:
    """Whether ``auto_backup`` would write a copy now (a day passed, or something changed)."""
    changes = db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
    return is_due(db, now) or settings.get(db, "backup.last_changes") != changes


def set_keep(db: Database, actor_id: str, daily: int, weekly: int) -> tuple[int, int]:
    """How many daily and weekly backups are kept (the settings screen)."""
    from app.accounts.permissions import require

    require(db, actor_id, "backups.manage")
    if not (1 <= int(daily) <= 366 and 0 <= int(weekly) <= 520):
        raise UserError(translate("Backup", "Keep 1 to 366 daily backups and 0 to 520 weekly "
                                            "ones."))
    with db.atomic():
        settings.put(db, "backup.keep_daily", int(daily))
        settings.put(db, "backup.keep_weekly", int(weekly))
    return int(daily), int(weekly)


def set_second_folder(db: Database, actor_id: str, folder: str | None) -> str | None:
    """The folder (a USB stick) that gets a second copy of each backup; None for none."""
    from app.accounts.permissions import require

    require(db, actor_id, "backups.manage")
    folder = str(Path(folder).resolve()) if folder else None
    if folder and not Path(folder).is_dir():
        raise UserError(translate("Backup", "{folder} is not a folder that can be written to.")
                        .format(folder=folder))
    with db.atomic():
        settings.put(db, "backup.second_folder", folder)
    return folder


def restore_preview(data: DataDir, path: Path) -> dict[str, Any]:
    """What restoring ``path`` means: what it holds, the register now, and what would be lost."""
    held = inspect_backup(Path(path), keystore.key_for(data))
    now = current_counts(data)
    return {**held, "current": now, "lost": what_would_be_lost(now, held["counts"])}

"""A file and its database record as one unit, whatever crash or power cut comes.

A printed credit report, a batch of letters, an export or an attachment is
written as a *file unit*:

1. a ``file_unit`` row is committed in state ``writing`` (so a crash from here
   on leaves a trace that start-up can clean),
2. the content goes to a temp file *in the target folder* (a rename across
   disks is not atomic), named ``.cdtmp-<unit id>…``,
3. inside the caller's transaction, the temp file is fsynced and ``seal()``
   moves the row to ``written`` together with the caller's records (report
   row, letter numbers): one COMMIT makes both durable,
4. the temp file is renamed over the target and the folder fsynced,
5. the row is marked ``done``.

At start ``recover()`` rolls every ``written`` unit forward (the records are
committed and the fsynced temp file holds the bytes they describe) and rolls
every abandoned ``writing`` unit back (its records never committed; the temp
file, which holds personal data, is deleted). A number printed on paper is
therefore never given to another document: the paper exists only once the
number is committed.

Out of disk space or an I/O error while writing gives a ``UserError`` with a
message, and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import translate

TEMP_PREFIX = ".cdtmp-"
# A unit still "writing" after this long belongs to a program that died
# (Windows gives no safe way to ask whether a process id is alive).
ABANDONED_AFTER_S = 6 * 3600

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_error(exc: OSError, target: Path) -> UserError:
    """A message the user can act on for a failed file write."""
    if exc.errno in _DISK_FULL:
        return UserError(translate(
            "Files", "There is not enough space to write {path}. Nothing was saved; free some "
                     "space or choose another folder and try again.").format(path=target))
    if exc.errno in _NOT_ALLOWED or isinstance(exc, PermissionError):
        return UserError(translate(
            "Files", "{path} cannot be written (no permission, read-only, or open in another "
                     "program). Nothing was saved; close it or choose another folder.").format(
            path=target))
    return UserError(translate(
        "Files", "Writing {path} failed ({reason}). Nothing was saved; check the disk or USB "
                 "stick and try again.").format(path=target, reason=exc.strerror or exc))


# Files kept beside an encrypted register (attachments) start with this,
# then a 12-byte nonce and the AES-256-GCM ciphertext (app/keystore.py's
# subkey "files"). A file without it was written while the register was plain.
SEALED_MAGIC = b"CDENC1\x00"


def encrypt_for(data, content: bytes, name: str) -> bytes:
    """``content`` as kept at rest beside ``data``'s register: encrypted if the register is.

    ``name`` (the file's name) is bound in as associated data, so a file
    copied over another with a different name does not decrypt.
    """
    from app import keystore  # keystore uses this module's temp-file helpers

    key = keystore.subkey(data, "files")
    if key is None:
        return content
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return SEALED_MAGIC + nonce + AESGCM(key).encrypt(nonce, content, name.encode())


def decrypt_from(data, raw: bytes, name: str) -> bytes:
    """The content of a file written by ``encrypt_for`` (a plain one is returned as it is).

    Raises keystore.Locked when nobody has unlocked the register, and
    UserError when the file was altered or is another register's.
    """
    if not raw.startswith(SEALED_MAGIC):
        return raw
    from app import keystore
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = keystore.subkey(data, "files")
    if key is None:
        raise keystore.Locked(translate("Files", "{name} is encrypted, but the register is "
                                                 "not.").format(name=name))
    body = raw[len(SEALED_MAGIC):]
    try:
        return AESGCM(key).decrypt(body[:12], body[12:], name.encode())
    except InvalidTag:
        raise UserError(translate("Files", "{name} does not open with this register's key: it "
                                           "was altered, or belongs to another register.")
                        .format(name=name)) from None


def read_decrypted(data, path: Path) -> bytes:
    """Read a file kept beside the register into memory, decrypted."""
    path = Path(path)
    return decrypt_from(data, path.read_bytes(), path.name)


def encrypt_folder(data, folder: Path) -> int:
    """Encrypt the plain files in ``folder`` (after a register was converted); returns how many.

    Each file is rewritten through a fsynced temp file and a rename, so a cut
    leaves it plain or encrypted, never half.
    """
    done = 0
    for path in sorted(Path(folder).rglob("*")) if Path(folder).exists() else ():
        if not path.is_file() or path.name.startswith(TEMP_PREFIX):
            continue
        raw = path.read_bytes()
        if raw.startswith(SEALED_MAGIC):
            continue
        temp = path.with_name(TEMP_PREFIX + path.name)
        with open(temp, "wb") as handle:
            handle.write(encrypt_for(data, raw, path.name))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        fsync_folder(path.parent)
        done += 1
    return done


class FileUnit:
    def __init__(self, db: Database, unit_id: str, target: Path):
        self.db = db
        self.id = unit_id
        self.target = target
        self.temp = target.parent / f"{TEMP_PREFIX}{unit_id}{target.suffix}"
        self.sealed = False

    def seal(self) -> str:
        """Fsync the temp file and mark the unit written; returns its sha256.

        Call inside the transaction that commits the records the file shows.
        """
        digest = hashlib.sha256()
        with open(self.temp, "rb+") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            handle.flush()
            os.fsync(handle.fileno())
        sha = digest.hexdigest()
        self.db.execute("UPDATE file_unit SET state = 'written', sha256 = ?, size = ? "
                        "WHERE id = ?", [sha, self.temp.stat().st_size, self.id])
        self.sealed = True
        return sha


@contextlib.contextmanager
def file_unit(db: Database, target: str | os.PathLike, kind: str) -> Iterator[FileUnit]:
    """Write ``target`` as one unit with the records committed inside the block.

    The block writes ``unit.temp`` and calls ``unit.seal()`` inside its own
    transaction. When the block ends without ``seal()`` (or raises), the temp
    file and the unit are removed and nothing appears at ``target``.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, target) from None
    unit_id = uuid.uuid4().hex
    with db.atomic():
        db.execute("INSERT INTO file_unit (id, kind, folder, name, temp_name, state, pid, "
                   "started_at) VALUES (?, ?, ?, ?, ?, 'writing', ?, ?)",
                   [unit_id, kind, str(target.parent.resolve()), target.name,
                    f"{TEMP_PREFIX}{unit_id}{target.suffix}", os.getpid(), _now()])
    unit = FileUnit(db, unit_id, target.parent.resolve() / target.name)
    try:
        yield unit
        if not unit.sealed:
            raise _NotSealed()
    except BaseException as exc:
        _roll_back(db, unit)
        if isinstance(exc, _NotSealed):
            return
        if isinstance(exc, OSError):
            raise write_error(exc, target) from None
        raise
    try:
        _finish(db, unit.id, unit.temp, unit.target)
    except OSError as exc:
        # The records are committed and the temp file is whole: start-up
        # finishes the rename. Say so rather than pretend it failed.
        raise UserError(translate(
            "Files", "{path} was saved but could not be put in place ({reason}); it will be "
                     "finished the next time the program starts.").format(
            path=target, reason=exc.strerror or exc)) from None


class _NotSealed(Exception):
    pass


def _roll_back(db: Database, unit: FileUnit) -> None:
    with contextlib.suppress(FileNotFoundError):
        unit.temp.unlink()
    if db.conn.in_transaction:
        return  # the caller's transaction is rolling back; start-up sweeps the row
    with contextlib.suppress(Exception):
        with db.atomic():
            db.execute("DELETE FROM file_unit WHERE id = ? AND state = 'writing'", [unit.id])


def _finish(db: Database, unit_id: str, temp: Path, target: Path) -> None:
    os.replace(temp, target)
    fsync_folder(target.parent)
    with db.atomic():
        db.execute("UPDATE file_unit SET state = 'done', done_at = ? WHERE id = ?",
                   [_now(), unit_id])


def _sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _abandoned(row: dict) -> bool:
    if row["pid"] == os.getpid():
        return False
    started = dt.datetime.strptime(row["started_at"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=dt.timezone.utc)
    if (dt.datetime.now(dt.timezone.utc) - started).total_seconds() > ABANDONED_AFTER_S:
        return True
    if os.name == "posix":
        try:
            os.kill(row["pid"], 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return False


def recover(db: Database) -> dict[str, int]:
    """Finish or roll back what a crash left half done; remove stray temp files.

    Returns counts: finished, rolled_back, lost, temp_removed.
    """
    counts = {"finished": 0, "rolled_back": 0, "lost": 0, "temp_removed": 0}
    rolled_back: set[str] = set()
    for row in list(db.query("SELECT * FROM file_unit WHERE state IN ('writing', 'written')")):
        folder = Path(row["folder"])
        temp, target = folder / row["temp_name"], folder / row["name"]
        if row["state"] == "writing":
            if not _abandoned(row):
                continue
            if temp.exists():
                with contextlib.suppress(OSError):
                    temp.unlink()
                    counts["temp_removed"] += 1
            with db.atomic():
                db.execute("DELETE FROM file_unit WHERE id = ? AND state = 'writing'",
                           [row["id"]])
            counts["rolled_back"] += 1
            rolled_back.add(row["folder"])
            continue
        if _sha256(temp) == row["sha256"]:
            try:
                _finish(db, row["id"], temp, target)
                counts["finished"] += 1
            except OSError:
                pass  # the folder (a USB stick) is not there now; try next start
        elif _sha256(target) == row["sha256"]:
            with db.atomic():
                db.execute("UPDATE file_unit SET state = 'done', done_at = ? WHERE id = ?",
                           [_now(), row["id"]])
            counts["finished"] += 1
        elif folder.exists():
            with db.atomic():
                db.execute("UPDATE file_unit SET state = 'lost', done_at = ? WHERE id = ?",
                           [_now(), row["id"]])
            counts["lost"] += 1
    counts["temp_removed"] += _sweep_strays(db, rolled_back)
    return counts


def _sweep_strays(db: Database, rolled_back: set[str]) -> int:
    """Temp files of ours that no unit still needs (personal data lying about).

    A writer may keep helper temp files beside its unit's (a PDF library's
    own). Those are removed at once in a folder whose unit was just rolled
    back and where nothing else is being written; elsewhere only once they
    are a minute old, so another program's file being written is never taken.
    """
    open_rows = list(db.execute(
        "SELECT temp_name, folder FROM file_unit WHERE state IN ('writing', 'written')"))
    live = {r[0] for r in open_rows}
    busy_folders = {r[1] for r in open_rows}
    removed = 0
    cutoff = time.time() - 60
    for (folder,) in db.execute("SELECT DISTINCT folder FROM file_unit"):
        try:
            entries = list(Path(folder).glob(TEMP_PREFIX + "*"))
        except OSError:
            continue
        at_once = folder in rolled_back and folder not in busy_folders
        for path in entries:
            if path.name in live:
                continue
            with contextlib.suppress(OSError):
                if at_once or path.stat().st_mtime < cutoff:
                    if path.is_dir():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
                    removed += 1
    return removed


def has_open_units(db: Database) -> bool:
    return db.execute("SELECT 1 FROM file_unit WHERE state IN ('writing', 'written') "
                      "LIMIT 1").fetchone() is not None

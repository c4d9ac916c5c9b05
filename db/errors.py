"""Classify SQLite failures into ones a user can act on and genuine bugs.

The db layer knows nothing of languages; it attaches a ``kind`` that the app
layer turns into a message (see ``app.errors.describe``).
"""

from __future__ import annotations

import sqlite3

import sqlcipher3.dbapi2 as sqlcipher

# Errors of either driver: plain registers use the standard library's sqlite3,
# encrypted ones SQLCipher's (a fork of it with its own exception classes).
DB_ERRORS = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


class DatabaseProblem(Exception):
    """A database failure the user can do something about."""

    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"  # the disk or USB stick did not answer: pulled out, or failing
    LOCKED = "locked"
    CORRUPT = "corrupt"
    READ_ONLY = "read_only"
    CANT_OPEN = "cant_open"
    NEWER_SCHEMA = "newer_schema"
    NOT_A_REGISTER = "not_a_register"

    def __init__(self, kind: str, detail: str = "", **info):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail
        self.info = info


_ERRORCODE_KINDS = {
    "SQLITE_FULL": DatabaseProblem.DISK_FULL,
    "SQLITE_BUSY": DatabaseProblem.LOCKED,
    "SQLITE_LOCKED": DatabaseProblem.LOCKED,
    "SQLITE_CORRUPT": DatabaseProblem.CORRUPT,
    "SQLITE_NOTADB": DatabaseProblem.CORRUPT,
    "SQLITE_READONLY": DatabaseProblem.READ_ONLY,
    "SQLITE_CANTOPEN": DatabaseProblem.CANT_OPEN,
    "SQLITE_IOERR": DatabaseProblem.IO_ERROR,
}


def classify(exc: BaseException) -> DatabaseProblem | None:
    """Return a DatabaseProblem for user-actionable SQLite errors, else None.

    Programming errors (bad SQL, constraint violations we failed to check
    first) return None so they surface as bugs with a traceback.
    """
    if not isinstance(exc, DB_ERRORS):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = name.split("_", 2)
    base_name = "_".join(base[:2]) if len(base) >= 2 else name
    kind = _ERRORCODE_KINDS.get(name) or _ERRORCODE_KINDS.get(base_name)
    if kind is None:
        text = str(exc).lower()
        if "database or disk is full" in text:
            kind = DatabaseProblem.DISK_FULL
        elif "disk i/o error" in text:
            kind = DatabaseProblem.IO_ERROR
        elif "database is locked" in text:
            kind = DatabaseProblem.LOCKED
        elif "malformed" in text or "not a database" in text:
            kind = DatabaseProblem.CORRUPT
        elif "readonly" in text:
            kind = DatabaseProblem.READ_ONLY
        elif "unable to open" in text:
            kind = DatabaseProblem.CANT_OPEN
    if kind is None:
        return None
    return DatabaseProblem(kind, str(exc))

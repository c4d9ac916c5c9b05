"""Opening a register for a session of work."""

from __future__ import annotations

from sqlite_utils import Database

from app import files
from app.paths import DataDir
from db.connection import connect, open_register


def open_data_dir(data: DataDir) -> Database:
    """Open (creating and migrating) the register in ``data``.

    Files a crash left half written are finished or removed first
    (app/files.py), so every later step sees files and records agreeing.
    """
    db = open_register(data.register, backup_dir=data.backups)
    try:
        if files.has_open_units(db):
            files.recover(db)
    except BaseException:
        db.close()
        raise
    return db


def open_reader(data: DataDir) -> Database:
    """A second connection for reading while a worker writes (WAL)."""
    return connect(data.register, readonly=False)

"""Opening a register for a session of work."""

from __future__ import annotations

from sqlite_utils import Database

from app.paths import DataDir
from db.connection import connect, open_register


def open_data_dir(data: DataDir) -> Database:
    """Open (creating and migrating) the register in ``data``."""
    return open_register(data.register, backup_dir=data.backups)


def open_reader(data: DataDir) -> Database:
    """A second connection for reading while a worker writes (WAL)."""
    return connect(data.register, readonly=False)

"""Files written beside database records: one row per file unit (app/files.py)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

files = Migrations("files")


@files()
def m001_file_unit(db: Database) -> None:
    # state: writing (temp file being written, records not committed),
    # written (records committed with the temp file fsynced: roll forward),
    # done (renamed into place), lost (committed but its file is gone).
    db.executescript(
        """
        CREATE TABLE file_unit (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            folder TEXT NOT NULL,
            name TEXT NOT NULL,
            temp_name TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('writing', 'written', 'done', 'lost')),
            sha256 TEXT,
            size INTEGER,
            pid INTEGER,
            started_at TEXT NOT NULL,
            done_at TEXT
        );
        CREATE INDEX file_unit_open ON file_unit(state) WHERE state IN ('writing', 'written');
        """
    )

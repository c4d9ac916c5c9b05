"""What a screen needs: the data folder, its connection, the operation lanes.

Passed explicitly to every page; there is no global application object.
``ui_db`` is the UI thread's own connection (read-write: it opened and
migrated the register) for reads that take milliseconds — a page of a list,
one record. Anything slower, and every write, is an operation on ``ops``
(``ui.operations``), whose two workers each have their own connection.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.paths import DataDir
from ui.operations import Operations


@dataclass
class UiContext:
    data: DataDir
    ui_db: Database
    ops: Operations
    operator_id: str

    def close(self) -> None:
        """Stop the workers, then close the UI thread's connection."""
        self.ops.shutdown()
        self.ui_db.close()

"""What a screen needs: the data folder, a read connection, the job runner.

Passed explicitly to every page; there is no global application object.
Reads that take milliseconds (a page of a list, one record) use ``reader``
on the UI thread; anything slower, and every write, goes through ``runner``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.paths import DataDir
from ui.jobs import JobRunner


@dataclass
class UiContext:
    data: DataDir
    reader: Database
    runner: JobRunner
    operator_id: str

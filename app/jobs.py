"""Progress and cancellation for slow service functions, without Qt.

A service function takes a ``Job`` and calls ``job.step(...)`` as it goes;
the UI adapts the callback to signals, the CLI prints it. Cancelling raises
``Cancelled`` at the next step, inside the service's transaction, so the
work is rolled back whole.
"""

from __future__ import annotations

import threading
from typing import Callable

from app.errors import UserError
from app.i18n import translate

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(UserError):
    def __init__(self):
        super().__init__(translate("Jobs", "Cancelled; nothing was changed."))


class Job:
    def __init__(self, on_progress: ProgressCallback | None = None):
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._on_progress:
            self._on_progress(done, total, message)


NO_JOB = Job()

"""Running service functions off the UI thread.

All database writes go through one worker thread with its own connection,
so they are serialised (SQLite has one writer) and the UI never waits on
them. A service function receives the worker's connection and an
``app.jobs.Job`` for progress and cancel; results and failures come back as
signals on the UI thread. The runner, not the task, owns the signalling
QObject (PySide 6.5 broke QRunnable+QObject inheritance, PYSIDE-2294).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from app.jobs import Cancelled, Job

log = logging.getLogger("credit_desk.jobs")


@dataclass
class _Task:
    id: int
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    job: Job
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException, str], None] | None
    on_progress: Callable[[int, int, str], None] | None
    on_cancelled: Callable[[], None] | None = None
    label: str = ""
    extra: dict = field(default_factory=dict)


class JobRunner(QObject):
    """One background worker thread owning the write connection.

    ``submit(fn, *args, on_done=..., on_error=..., on_progress=...)`` runs
    ``fn(db, job, *args, **kwargs)`` on the worker; callbacks run on the UI
    thread. ``open_db`` is called on the worker to make its connection.
    """

    _finished = Signal(int, object)
    _failed = Signal(int, object, str)
    _progress = Signal(int, int, int, str)
    _cancelled = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, open_db: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._open_db = open_db
        self._queue: queue.Queue[_Task | None] = queue.Queue()
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        self._cancelled.connect(self._on_cancelled)
        self._thread = threading.Thread(target=self._work, name="db-writer", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[..., Any], *args, on_done=None, on_error=None,
               on_progress=None, on_cancelled=None, label: str = "", **kwargs) -> Job:
        task_id = next(self._ids)
        job = Job(lambda done, total, message: self._progress.emit(task_id, done, total, message))
        task = _Task(task_id, fn, args, kwargs, job, on_done, on_error, on_progress,
                     on_cancelled, label)
        self._tasks[task_id] = task
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        self._queue.put(task)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Finish queued work, then stop the worker (call before quitting)."""
        for task in list(self._tasks.values()):
            task.job.cancel()
        self._queue.put(None)
        self._thread.join(timeout)

    # worker thread
    def _work(self) -> None:
        db = None
        try:
            while True:
                task = self._queue.get()
                if task is None:
                    return
                if db is None:
                    try:
                        db = self._open_db()
                    except BaseException as exc:  # noqa: BLE001 - reported to the UI
                        self._failed.emit(task.id, exc, traceback.format_exc())
                        continue
                try:
                    result = task.fn(db, task.job, *task.args, **task.kwargs)
                except Cancelled:
                    self._cancelled.emit(task.id)
                except BaseException as exc:  # noqa: BLE001 - reported to the UI
                    log.warning("job %s failed", task.label or task.fn, exc_info=True)
                    self._failed.emit(task.id, exc, traceback.format_exc())
                else:
                    self._finished.emit(task.id, result)
        finally:
            if db is not None:
                db.close()

    # UI thread
    def _pop(self, task_id: int) -> _Task | None:
        task = self._tasks.pop(task_id, None)
        if not self._tasks:
            self.busy_changed.emit(False)
        return task

    def _on_finished(self, task_id: int, result: Any) -> None:
        task = self._pop(task_id)
        if task and task.on_done:
            task.on_done(result)

    def _on_failed(self, task_id: int, exc: BaseException, details: str) -> None:
        task = self._pop(task_id)
        if task and task.on_error:
            task.on_error(exc, details)
        elif task:
            from ui.errors import show_exception  # late: avoids an import cycle

            show_exception(exc, details)

    def _on_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        task = self._tasks.get(task_id)
        if task and task.on_progress:
            task.on_progress(done, total, message)

    def _on_cancelled(self, task_id: int) -> None:
        task = self._pop(task_id)
        if task and task.on_cancelled:
            task.on_cancelled()

"""The one way the UI runs work off its thread: operations on two lanes.

A page describes an operation and says what happens next::

    WriteOp(self, campaigns.save_answers, operator, rating_id, answers) \\
        .success(self._saved).failure(self.status.setText).run(self.ctx.ops)

    self.job = BackgroundOp(self, client.sync_now, data, operator, url) \\
        .progress(self._on_progress).cancelled(self._stopped) \\
        .finally_(self._idle).run(self.ctx.ops)      # self.job.cancel() to stop

The function is an ``app/`` service, called as ``fn(db, *args, **kwargs)`` on
a worker thread with that worker's own connection — no adapter needed. If it
has a ``job`` parameter it also gets ``job=``, an ``app.jobs.Job`` whose
``step(done, total, message)`` reports progress and raises ``Cancelled`` once
``job.cancel()`` was called (``run`` returns the job), so the service's
transaction rolls back whole. Hooks run on the UI thread.

Two lanes, each one thread with its own connection (Anki's ``CollectionOp`` /
``QueryOp``; vorta keeps a queue per remote for the same reason):

* ``WriteOp``: database writes, serialised in order on one worker (SQLite has
  one writer; every unit of work is ``BEGIN IMMEDIATE``).
* ``BackgroundOp``: network, printing and long reads. A county server that
  does not answer holds up only this lane, never a save. Its short writes
  (a sync's acknowledgements) take the write lock like any other connection.

One error policy (``ui.errors``): a failure the user can act on (a
``UserError``, a full disk, a locked or damaged register) goes to the
``failure`` hook as a message if the page gave one, else to a message dialog;
anything else is a bug and opens the details dialog and goes to the log. A
read never says a change was not saved.

The lanes, not the operations, own the signal-emitting QObjects: an operation
is a plain object (PySide 6.5 broke QRunnable+QObject inheritance, PYSIDE-2294).
Hooks of an operation whose parent widget was deleted meanwhile are skipped.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import queue
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

from app.jobs import Cancelled, Job
from ui.errors import report_failure

log = logging.getLogger("credit_desk.ops")


class Op:
    """What to run, and what to do with each way it can end. Build, then ``run``."""

    writes = False

    def __init__(self, parent: QObject | None, fn: Callable[..., Any], *args, **kwargs):
        """``parent``: the widget the operation is for (error dialogs open over it; its
        hooks are skipped once it is deleted). ``args`` and ``kwargs`` go to ``fn``."""
        self.parent = parent
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.label = getattr(fn, "__qualname__", "operation")
        self.job: Job | None = None
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[str], None] | None = None
        self._progress: Callable[[int, int, str], None] | None = None
        self._cancelled: Callable[[], None] | None = None
        self._finally: Callable[[], None] | None = None

    def success(self, hook: Callable[[Any], None]) -> "Op":
        """``hook(result)`` when the function returned."""
        self._success = hook
        return self

    def failure(self, hook: Callable[[str], None]) -> "Op":
        """``hook(message)`` for a failure the user can act on, shown where the page
        wants it (a status line). Without it the message opens in a dialog. Bugs
        always open the details dialog."""
        self._failure = hook
        return self

    def progress(self, hook: Callable[[int, int, str], None]) -> "Op":
        """``hook(done, total, message)`` for each ``job.step``."""
        self._progress = hook
        return self

    def cancelled(self, hook: Callable[[], None]) -> "Op":
        """``hook()`` when the job was cancelled (nothing was changed)."""
        self._cancelled = hook
        return self

    def finally_(self, hook: Callable[[], None]) -> "Op":
        """``hook()`` after any ending, before the ending's own hook (re-enable buttons)."""
        self._finally = hook
        return self

    def run(self, ops: "Operations") -> Job:
        """Queue on this operation's lane; returns the job (``job.cancel()``)."""
        lane = ops.writes if self.writes else ops.background
        return lane.submit(self)

    # -- UI thread, called by the lane
    def _alive(self) -> bool:
        return self.parent is None or Shiboken.isValid(self.parent)

    def _end(self, hook: Callable | None, *args) -> None:
        if not self._alive():
            return
        if self._finally:
            self._finally()
        if hook:
            hook(*args)

    def _failed(self, exc: BaseException, details: str) -> None:
        if not self._alive():
            log.warning("%s failed after its page closed\n%s", self.label, details)
            return
        if self._finally:
            self._finally()
        report_failure(exc, details, self.parent, writing=self.writes, show=self._failure)


class WriteOp(Op):
    """Runs on the write lane: one at a time, in order."""

    writes = True


class BackgroundOp(Op):
    """Runs on the background lane: network, printing, long reads."""


class Lane(QObject):
    """One worker thread with its own connection, running operations in order.

    ``open_db`` is called on the worker the first time it is needed; ``None``
    for a lane with no register yet (the welcome screen), whose functions get
    ``db=None``.
    """

    busy_changed = Signal(bool)
    _finished = Signal(int, object)
    _failed = Signal(int, object, str)
    _progress = Signal(int, int, int, str)
    _cancelled = Signal(int)

    def __init__(self, name: str, open_db: Callable[[], Any] | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._open_db = open_db
        self._queue: queue.Queue[tuple[int, Op] | None] = queue.Queue()
        self._ops: dict[int, Op] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        self._cancelled.connect(self._on_cancelled)
        self._thread = threading.Thread(target=self._work, name=f"ops-{name}", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """Operations queued or running, or whose hooks have not run yet."""
        return bool(self._ops)

    def submit(self, op: Op) -> Job:
        if not self._thread.is_alive():
            raise RuntimeError(f"lane {self.name} is shut down")
        op_id = next(self._ids)
        op.job = Job(lambda done, total, message: self._progress.emit(op_id, done, total,
                                                                     message))
        self._ops[op_id] = op
        if len(self._ops) == 1:
            self.busy_changed.emit(True)
        self._queue.put((op_id, op))
        return op.job

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the worker has run everything queued (tests, benchmarks).
        The hooks still arrive through the event loop afterwards."""
        done = threading.Event()
        self._queue.put((0, _Marker(done)))
        return done.wait(timeout)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Cancel what is queued, let the running operation finish, stop the thread."""
        for op in list(self._ops.values()):
            if op.job is not None:
                op.job.cancel()
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    # -- worker thread
    def _work(self) -> None:
        db = None
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                op_id, op = item
                if isinstance(op, _Marker):
                    op.done.set()
                    continue
                if op.job.cancelled:
                    self._cancelled.emit(op_id)
                    continue
                if db is None and self._open_db is not None:
                    try:
                        db = self._open_db()
                    except BaseException as exc:  # noqa: BLE001 - reported to the UI
                        self._failed.emit(op_id, exc, traceback.format_exc())
                        continue
                self._run(db, op_id, op)
        finally:
            if db is not None:
                db.close()

    def _run(self, db, op_id: int, op: Op) -> None:
        kwargs = {**op.kwargs, "job": op.job} if _takes_job(op.fn) else op.kwargs
        try:
            result = op.fn(db, *op.args, **kwargs)
        except Cancelled:
            self._cancelled.emit(op_id)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI
            log.warning("%s failed", op.label, exc_info=True)
            self._failed.emit(op_id, exc, traceback.format_exc())
        else:
            self._finished.emit(op_id, result)

    # -- UI thread
    def _pop(self, op_id: int) -> Op | None:
        op = self._ops.pop(op_id, None)
        if op is not None and not self._ops:
            self.busy_changed.emit(False)
        return op

    def _on_finished(self, op_id: int, result: Any) -> None:
        op = self._pop(op_id)
        if op:
            op._end(op._success, result)

    def _on_failed(self, op_id: int, exc: BaseException, details: str) -> None:
        op = self._pop(op_id)
        if op:
            op._failed(exc, details)

    def _on_cancelled(self, op_id: int) -> None:
        op = self._pop(op_id)
        if op:
            op._end(op._cancelled)

    def _on_progress(self, op_id: int, done: int, total: int, message: str) -> None:
        op = self._ops.get(op_id)
        if op and op._progress and op._alive():
            op._progress(done, total, message)


def _takes_job(fn: Callable[..., Any]) -> bool:
    try:
        return "job" in inspect.signature(fn).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False


class _Marker:
    def __init__(self, done: threading.Event):
        self.done = done


class Operations(QObject):
    """The two lanes of a window (``ctx.ops``).

    ``stopping`` is emitted by ``shutdown``: whatever schedules operations on a
    timer (auto-sync) stops it then, so no timer outlives the window.
    ``open_background`` opens the background lane's connection when it needs
    other settings than the write lane's (default: ``open_db``).
    """

    busy_changed = Signal(bool)
    stopping = Signal()

    def __init__(self, open_db: Callable[[], Any] | None, parent: QObject | None = None,
                 open_background: Callable[[], Any] | None = None):
        super().__init__(parent)
        self.writes = Lane("write", open_db, self)
        self.background = Lane("background", open_background or open_db, self)
        self._busy = False
        self.writes.busy_changed.connect(self._lane_busy)
        self.background.busy_changed.connect(self._lane_busy)

    @property
    def busy(self) -> bool:
        return self.writes.busy or self.background.busy

    def _lane_busy(self, _busy: bool) -> None:
        if self.busy != self._busy:
            self._busy = self.busy
            self.busy_changed.emit(self._busy)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        return self.writes.wait_idle(timeout) and self.background.wait_idle(timeout)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Stop both lanes (before the connections close and the app quits)."""
        self.stopping.emit()
        self.background.shutdown(timeout)
        self.writes.shutdown(timeout)

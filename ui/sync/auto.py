"""Sync by itself when the county is reachable, if the official turned that on.

One ``AutoSync`` per job runner (``auto_sync_for(ctx)``), parented to the
runner so it lives as long as the window's worker, whichever page made it.
Every few minutes it reads the setting and, when on, enrolled and idle,
runs ``client.sync_now`` on the worker after a short reachability check.
The main window may call ``auto_sync_for(ctx)`` at start so it runs before
the sync page is first opened.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from app import settings
from app.jobs import Job
from app.sync import client

AUTO_SYNC_INTERVAL_MS = 5 * 60 * 1000

_instances: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class AutoSync(QObject):
    started = Signal()
    finished = Signal(object)  # sync_now's result, or None when the county did not answer
    failed = Signal(str)

    def __init__(self, ctx, parent=None, interval_ms: int = AUTO_SYNC_INTERVAL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def due(self) -> str | None:
        """The county address if an automatic sync should run now."""
        db = self.ctx.reader
        if self.job is not None or not settings.get(db, "sync.auto", False):
            return None
        if not settings.get(db, "sync.county_public_key"):
            return None
        return settings.get(db, "sync.url")

    def tick(self) -> Job | None:
        url = self.due()
        if not url:
            return None
        data, operator = self.ctx.data, self.ctx.operator_id

        def task(db, job):
            if not client.reachable(url):
                return None
            return client.sync_now(db, data, operator, url, job=job)

        def done(result):
            self.job = None
            self.finished.emit(result)

        def error(exc, details):
            self.job = None
            self.failed.emit(str(exc) or type(exc).__name__)

        def cancelled():
            self.job = None
            self.finished.emit(None)

        self.job = self.ctx.runner.submit(task, on_done=done, on_error=error,
                                          on_cancelled=cancelled, label="auto-sync")
        self.started.emit()
        return self.job


def auto_sync_for(ctx) -> AutoSync:
    """The runner's AutoSync, made on first use."""
    found = _instances.get(ctx.runner)
    if found is None:
        found = AutoSync(ctx, ctx.runner)
        _instances[ctx.runner] = found
    return found

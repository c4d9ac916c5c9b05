"""Sync by itself when the county is reachable, if the official turned that on.

One ``AutoSync`` per window (``auto_sync_for(ctx)``), parented to the
window's operation lanes so it lives as long as they do, whichever page made
it. Every few minutes it reads the setting and, when on, enrolled and idle,
runs ``client.sync_now`` after a short reachability check — on the background
lane, so a county server that does not answer (the transport retries for
minutes) never holds up a save. The main window calls ``auto_sync_for(ctx)``
at start so it runs before the sync page is first opened.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from app import settings
from app.jobs import Job
from app.sync import client
from ui.operations import BackgroundOp

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
        ctx.ops.stopping.connect(self.stop)

    def stop(self) -> None:
        self.timer.stop()

    def due(self) -> str | None:
        """The county address if an automatic sync should run now."""
        db = self.ctx.ui_db
        if self.job is not None or not settings.get(db, "sync.auto", False):
            return None
        if not settings.get(db, "sync.county_public_key"):
            return None
        return settings.get(db, "sync.url")

    def tick(self) -> Job | None:
        url = self.due()
        if not url:
            return None
        self.job = (BackgroundOp(None, _sync_if_reachable, self.ctx.data, self.ctx.operator_id,
                                 url)
                    .success(self.finished.emit)
                    .failure(self.failed.emit)
                    .cancelled(lambda: self.finished.emit(None))
                    .finally_(self._idle)
                    .run(self.ctx.ops))
        self.started.emit()
        return self.job

    def _idle(self) -> None:
        self.job = None


def _sync_if_reachable(db, data, operator_id: str, url: str, job):
    if not client.reachable(url):
        return None
    return client.sync_now(db, data, operator_id, url, job=job)


def auto_sync_for(ctx) -> AutoSync:
    """The window's AutoSync, made on first use."""
    found = _instances.get(ctx.ops)
    if found is None:
        found = AutoSync(ctx, ctx.ops)
        _instances[ctx.ops] = found
    return found

"""Progress and cancellation for slow service functions, without Qt.

A service function takes a ``Job`` and calls ``job.step(...)`` as it goes;
the UI adapts the callback to signals, the CLI prints it. Cancelling raises
``Cancelled`` at the next step, inside the service's transaction, so the
work is rolled back whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

from app.errors import UserError
from app.i18n import translate

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(UserError):
    def __init__(self):
        super().__init__(translate("Jobs", "Cancelled; nothing was changed."))


RUNNING_FILE = "running-job.json"
# A marker not touched for this long belongs to a job that died without
# removing it (a power cut); it is not shown.
STALE_AFTER_S = 15 * 60


class Job:
    def __init__(self, on_progress: ProgressCallback | None = None):
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self._marker: Path | None = None
        self._marker_info: dict = {}
        self._marker_written = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._marker is not None:
            self._update_marker(done, total)
        if self._on_progress:
            self._on_progress(done, total, message)

    def _update_marker(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._marker_written < 1.0 and done < total:
            return
        self._marker_written = now
        info = self._marker_info
        info.update(done=done, total=total, updated=time.time())
        elapsed = info["updated"] - info["started"]
        if 0 < done < total and elapsed > 0:
            info["eta"] = info["updated"] + elapsed * (total - done) / done
        _write_marker(self._marker, info)


def _write_marker(path: Path, info: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # only a hint for other programs; never fail the job over it


@contextlib.contextmanager
def announced(root: Path, title: str, job: Job) -> Iterator[Job]:
    """Tell other programs on this register that a long job holds the write lock.

    A writer that times out waiting for the lock reads this marker and says
    which job is running and when it should be done (``running_job``), instead
    of a bare "database is locked".
    """
    job._marker = Path(root) / RUNNING_FILE
    job._marker_info = {"title": title, "pid": os.getpid(), "started": time.time(),
                        "updated": time.time()}
    _write_marker(job._marker, job._marker_info)
    try:
        yield job
    finally:
        with contextlib.suppress(OSError):
            job._marker.unlink()
        job._marker = None


def running_job(root: Path) -> dict | None:
    """The long job another program announced, if it is still fresh."""
    try:
        info = json.loads((Path(root) / RUNNING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if time.time() - info.get("updated", 0) > STALE_AFTER_S:
        return None
    return info


def describe_running(info: dict) -> str:
    """'Import of households.xlsx is running (40 %), done at about 10:42.'"""
    done, total = info.get("done"), info.get("total")
    text = translate("Jobs", "Another job is running: {title}.").format(title=info["title"])
    if done is not None and total:
        text += " " + translate("Jobs", "{percent} % done.").format(
            percent=int(100 * done / total))
    if info.get("eta"):
        at = dt.datetime.fromtimestamp(info["eta"]).strftime("%H:%M")
        text += " " + translate("Jobs", "It should be done at about {time}.").format(time=at)
    return text


NO_JOB = Job()

"""Background work: two lanes, progress, cancel, and one error policy."""

from __future__ import annotations

import socket
import time
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from shiboken6 import Shiboken

from app import settings
from app.errors import UserError
from ui.errors import ErrorDialog, MessageDialog
from ui.operations import BackgroundOp, WriteOp
from ui.sync.auto import AutoSync


@pytest.fixture
def silent_county():
    """A 'county server' that accepts the connection and never answers (a hung link)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


def _open_dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_a_save_does_not_wait_behind_a_county_server_that_does_not_answer(
        ctx, qtbot, wait_idle, silent_county):
    settings.put(ctx.ui_db, "sync.auto", True)
    settings.put(ctx.ui_db, "sync.county_public_key", "a key")
    settings.put(ctx.ui_db, "sync.url", silent_county)
    auto = AutoSync(ctx, ctx.ops)
    job = auto.tick()
    assert job is not None and ctx.ops.background.busy

    saved = []
    WriteOp(None, settings.put, "ui.test", "saved").success(saved.append).run(ctx.ops)
    qtbot.waitUntil(lambda: saved == [None], timeout=2000)
    assert settings.get(ctx.ui_db, "ui.test") == "saved"
    assert ctx.ops.background.busy  # the auto-sync is still waiting for the county

    auto.stop()
    job.cancel()
    wait_idle(10000)


def _count_to(db, total: int, job):
    with db.atomic():
        settings.put(db, "ui.counted", "partly")
        for i in range(total):
            job.step(i, total, "counting")
            time.sleep(0.001)  # slow work: the cancel arrives while it runs
    return total


def test_progress_then_cancel_rolls_the_work_back(ctx, qtbot, wait_idle):
    seen, ended = [], []

    def progress(done, total, message):
        seen.append((done, total, message))
        if done == 3:
            job.cancel()

    job = (WriteOp(None, _count_to, 1_000_000)
           .progress(progress).finally_(lambda: ended.append("finally"))
           .cancelled(lambda: ended.append("cancelled"))
           .success(lambda _r: ended.append("done"))
           .run(ctx.ops))
    wait_idle()
    assert ended == ["finally", "cancelled"]
    assert seen[0] == (0, 1_000_000, "counting")
    assert settings.get(ctx.ui_db, "ui.counted") is None  # nothing half-written


def test_a_job_cancelled_before_it_starts_never_runs(ctx, wait_idle):
    ran, ended = [], []
    job = (WriteOp(None, lambda db: ran.append(1))
           .cancelled(lambda: ended.append("cancelled")).run(ctx.ops))
    job.cancel()
    wait_idle()
    # Either it was still queued (cancelled) or it had already run; never both.
    assert (ran, ended) in (([], ["cancelled"]), ([1], []))


def _refuse(db):
    raise UserError("该户已经评定过了。")


def _pulled_stick(db):
    raise sqlite3.OperationalError("disk I/O error")


def _bug(db):
    return 1 / 0


def test_a_refusal_goes_to_the_page_and_a_bug_to_the_details_dialog(ctx, qtbot, wait_idle):
    status = QLabel()
    qtbot.addWidget(status)
    WriteOp(status, _refuse).failure(status.setText).run(ctx.ops)
    wait_idle()
    assert status.text() == "该户已经评定过了。"
    assert not _open_dialogs(ErrorDialog)

    WriteOp(status, _bug).failure(status.setText).run(ctx.ops)
    wait_idle()
    dialogs = _open_dialogs(ErrorDialog)
    assert len(dialogs) == 1 and "ZeroDivisionError" in dialogs[0].details
    assert status.text() == "出了问题，没有做任何修改。"  # not left saying "working"
    dialogs[0].close()


def test_a_failing_disk_is_not_called_full_and_a_read_loses_no_change(ctx, qtbot, wait_idle):
    status = QLabel()
    qtbot.addWidget(status)
    BackgroundOp(status, _pulled_stick).failure(status.setText).run(ctx.ops)
    wait_idle()
    read = status.text()
    assert "U 盘" in read and "满" not in read and "没有保存" not in read

    WriteOp(status, _pulled_stick).run(ctx.ops)  # no page line: a message dialog
    wait_idle()
    dialogs = _open_dialogs(MessageDialog)
    assert len(dialogs) == 1 and "修改没有保存" in dialogs[0].message
    assert "U 盘" in dialogs[0].message and "满" not in dialogs[0].message
    dialogs[0].close()


def test_hooks_of_a_closed_page_are_skipped(ctx, qtbot, wait_idle):
    page = QLabel()
    called = []
    WriteOp(page, settings.put, "ui.test", 1).success(called.append).run(ctx.ops)
    Shiboken.delete(page)  # the page closed while its save was under way
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=5000)
    assert called == []
    assert settings.get(ctx.ui_db, "ui.test") == 1  # the work itself was done

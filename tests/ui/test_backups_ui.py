"""The settings screen's backups section: list, back up now, restore with a warning, options."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from app import backup, settings
from app.store import open_data_dir


def test_back_up_now_lists_the_copy_and_keep_counts_and_second_folder_are_saved(
        window, ctx, qtbot, wait_idle, tmp_path):
    page = window.show_area("settings")
    box = page.backups
    wait_idle()
    assert box.model.rowCount() == 0
    box.back_up_now()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=30000)
    assert "已写入并检查" in box.status.text()
    made = backup.list_backups(ctx.data.backups)[0]
    assert box.model.item(0, 2).text() == str(made["counts"]["households"])
    # Who made it, by the name people know them by, not the login name.
    shown = ctx.ui_db.execute("SELECT display_name FROM app_user WHERE username = ?",
                              [made["by"]]).fetchone()[0]
    assert made["by"] and box.model.item(0, 3).text() == shown != made["by"]

    box.daily.setValue(10)
    box.weekly.setValue(2)
    box.save_keep()
    wait_idle()
    assert backup.keep_rule(ctx.ui_db) == (10, 2)
    stick = tmp_path / "usb"
    stick.mkdir()
    box.save_second(str(stick))
    wait_idle()
    assert settings.get(ctx.ui_db, "backup.second_folder") == str(stick.resolve())
    assert box.second.text() == str(stick.resolve())
    box.save_second(str(tmp_path / "not-there"))
    wait_idle()
    assert "not-there" in box.status.text()  # refused, with the folder named
    page.grab().save(str(tmp_path / "settings-backups.png"))


def test_restore_says_what_would_be_lost_and_signs_in_again(window, ctx, qtbot, wait_idle):
    meta = backup.make_backup(ctx.ui_db, ctx.data, reason="manual", by="admin",
                              now=dt.datetime.now() - dt.timedelta(minutes=5))
    before = meta["counts"]["members"]
    ctx.ui_db.execute("DELETE FROM household_member WHERE rowid IN "
                      "(SELECT rowid FROM household_member LIMIT 3)")
    page = window.show_area("settings")
    box = page.backups
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=20000)
    box.table.selectRow(0)
    box.ask_restore()
    qtbot.waitUntil(lambda: getattr(box, "confirm_box", None) is not None, timeout=20000)
    question = box.confirm_box.text()
    assert meta["made_at"].replace("T", " ") in question and "重新登录" in question
    restore = next(b for b in box.confirm_box.buttons()
                   if b.text() == box.tr("Restore"))
    restore.click()
    qtbot.waitUntil(lambda: hasattr(window, "restored"), timeout=30000)
    assert window.restored["done"]["kept_aside"]
    db = open_data_dir(ctx.data)
    assert db.execute("SELECT count(*) FROM household_member").fetchone()[0] == before
    db.close()
    assert list(Path(ctx.data.backups).glob("replaced-*.sqlite3"))


def test_closing_the_window_backs_up_on_the_lane_with_a_progress_note(window, ctx, qtbot):
    window.back_up_on_close = True
    assert backup.backup_needed(ctx.ui_db)
    window.close()
    assert window.isVisible()  # put off until the copy is written and checked
    note = window.findChild(QProgressDialog, "closing-backup")
    assert note is not None and note.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert len(backup.list_backups(ctx.data.backups)) == 1

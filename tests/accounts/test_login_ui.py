"""The desktop sign-in: login screen, lock and idle lock keeping unsaved input."""

from __future__ import annotations

import pytest

from app.store import open_data_dir
from tests.conftest import actor_id


@pytest.fixture
def signed_in_window(ui_app, demo_data, qtbot):
    """The main window as the login screen opens it for ``official``."""
    from app.store import open_data_dir
    from ui.accounts.session import Session
    from ui.app import open_context
    from ui.main_window import MainWindow

    db = open_data_dir(demo_data)
    official = actor_id(db, "official")
    db.close()
    win = MainWindow(open_context(demo_data, official))
    win.session = Session(win, win.ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.stop()
    win.close_context()


def test_demo_login_screen_shows_the_demo_accounts_and_signs_in(ui_app, demo_data, qtbot):
    from PySide6.QtWidgets import QPushButton

    from ui.accounts.login import LoginWindow

    login = LoginWindow(demo_data)
    qtbot.addWidget(login)
    login.show()
    assert not login.first_admin
    buttons = {b.objectName() for b in login.findChildren(QPushButton)}
    assert {"demo-admin", "demo-official", "demo-field", "demo-viewer"} <= buttons
    login.username.setText("viewer")
    login.password.setText("wrong-one")
    login.submit()
    assert "密码错误" in login.message.text()
    with qtbot.waitSignal(login.signed_in, timeout=5000) as signal:
        login.findChild(QPushButton, "demo-viewer").click()
        login.submit()
    assert signal.args[0].username == "viewer"


def test_signing_in_opens_the_register_off_the_window_thread(ui_app, demo_data, qtbot):
    # A copied register has no note of a clean close: opening it checks every
    # page (seconds for a large one), which must not freeze the login window.
    from ui.accounts.login import LoginWindow

    login = LoginWindow(demo_data)
    qtbot.addWidget(login)
    login.show()
    login.username.setText("field")
    login.password.setText("demo2026")
    with qtbot.waitSignal(login.signed_in, timeout=10000) as signal:
        login.submit()
        assert login.message.text() == "正在打开登记册…"
        assert not login.button.isEnabled()
        login.submit()  # Enter pressed again meanwhile: one sign-in, not two
    assert signal.args[0].username == "field"
    assert login.button.isEnabled() and login.message.text() == ""
    db = open_data_dir(demo_data)
    try:
        signins = db.execute("SELECT count(*) FROM login_attempt WHERE username = 'field' "
                             "AND outcome = 'ok' AND via = 'desktop'").fetchone()[0]
    finally:
        db.close()
    assert signins == 1


def test_signing_in_to_a_damaged_register_offers_its_backup_and_restores_it(ui_app, demo_data, qtbot):
    from app import backup
    from db import connection
    from tests.durability.test_damage import damage, settle
    from ui.accounts.login import LoginWindow

    db = open_data_dir(demo_data)
    good = backup.make_backup(db, demo_data, reason="manual")
    db.close()
    settle(demo_data)
    damage(demo_data.register)
    connection._checked.clear()
    login = LoginWindow(demo_data)
    qtbot.addWidget(login)
    login.username.setText("official")
    login.password.setText("demo2026")
    login.show()
    login.submit()
    qtbot.waitUntil(lambda: "损坏" in login.message.text(), timeout=10000)
    assert good["file"] in login.message.text()  # the newest good backup, named
    assert "credit-desk" not in login.message.text()  # the desktop app offers the way itself
    assert login.button.isEnabled()  # another try is possible
    assert login.restore_button.isVisible()

    login.restore_button.click()
    go = next(b for b in login.confirm_box.buttons() if b.text() == "恢复")
    go.click()
    qtbot.waitUntil(lambda: "已恢复" in login.message.text(), timeout=30000)
    assert not login.restore_button.isVisible()
    assert list(demo_data.backups.glob("replaced-*.sqlite3"))  # the damaged file, kept aside
    with qtbot.waitSignal(login.signed_in, timeout=10000) as signal:
        login.password.setText("demo2026")
        login.submit()
    assert signal.args[0].username == "official"
    db = open_data_dir(demo_data)
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == \
        good["counts"]["households"]
    db.close()


def test_other_registers_do_not_show_demo_accounts(ui_app, db, data, qtbot):
    from ui.accounts.login import LoginWindow

    db.close()
    login = LoginWindow(data)
    qtbot.addWidget(login)
    assert login.findChild(object, "demo-accounts") is None


def test_lock_keeps_unsaved_input_and_needs_the_same_password(signed_in_window, qtbot):
    win = signed_in_window
    assert "信用办干部" in win.session.user_label.text()
    page = win.show_area("register")
    page.households.search.setText("王 未保存的输入")
    win.session.lock_button.click()
    assert win.session.locked and not win.centralWidget().isEnabled()
    assert win.session.screen.isVisible()
    # Nothing of the register shows through: the corner is the lock screen's colour.
    qtbot.wait(50)
    assert win.grab().toImage().pixelColor(20, 200).name() == "#2d3e50"
    win.session.screen.password.setText("not-my-password")
    win.session.screen.unlock_button.click()
    assert win.session.locked and "密码错误" in win.session.screen.message.text()
    win.session.screen.password.setText("demo2026")
    win.session.screen.unlock_button.click()
    assert not win.session.locked and win.centralWidget().isEnabled()
    assert page.households.search.text() == "王 未保存的输入"


def test_idle_time_locks_the_window(signed_in_window, qtbot):
    win = signed_in_window
    win.session.idle.set_minutes(0.002)  # 120 ms
    qtbot.waitUntil(lambda: win.session.locked, timeout=5000)
    assert win.session.screen.isVisible()


def test_login_screenshot(ui_app, demo_data, tmp_path):
    from ui.screenshot import render

    out = render(demo_data, "login", tmp_path / "login.png", (900, 600))
    assert out.stat().st_size > 5000


def test_admin_window_manages_users_and_signs_a_review(ui_app, demo_data, qtbot):

    from app.accounts.disclosure import search_list
    from app.store import open_data_dir
    from ui.accounts.session import Session
    from ui.app import open_context
    from ui.main_window import MainWindow

    db = open_data_dir(demo_data)
    admin, official = actor_id(db, "admin"), actor_id(db, "official")
    search_list(db, official, "王", full=True, purpose="司法协查")
    db.close()
    win = MainWindow(open_context(demo_data, admin))
    win.session = Session(win, win.ctx)
    qtbot.addWidget(win)
    try:
        dialog = win.session.open_admin()
        qtbot.addWidget(dialog)
        dialog.new_username.setText("zhao")
        dialog.new_name.setText("赵六")
        dialog.new_password.setText("start-pass-1")
        dialog.add_user()
        names = [dialog.users.item(i, 0).text() for i in range(dialog.users.rowCount())]
        assert "zhao" in names
        dialog.users.selectRow(names.index("admin"))
        dialog._selected(auth_set_active(), False)
        assert "最后一个管理员" in dialog.message.text()
        dialog.show_review()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
        reasons = [dialog.review_table.item(i, 4).text()
                   for i in range(dialog.review_table.rowCount())]
        assert any("完整号码" in r for r in reasons)
        dialog.note.setText("无异常")
        dialog.sign_review()
        assert "已签署" in dialog.message.text()
        win.session.lock()
        assert not dialog.isVisible()
    finally:
        win.session.stop()
        win.close_context()


def auth_set_active():
    from app.accounts import auth

    return auth.set_active


def test_viewer_has_no_admin_button(signed_in_window):
    assert signed_in_window.session.admin_button is None

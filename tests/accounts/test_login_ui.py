"""The desktop sign-in: login screen, lock and idle lock keeping unsaved input."""

from __future__ import annotations

import pytest

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

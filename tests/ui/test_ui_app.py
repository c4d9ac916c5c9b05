"""Starting up: welcome screen, language, errors with details and a log file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from app import keystore, settings
from app.logs import close_logging, log_file, setup_logging
from app.paths import DataDir
from app.register import home_township, places
from app.store import open_data_dir
from ui.errors import ErrorDialog, MessageDialog, error_dialog


def test_welcome_creates_an_empty_register_for_a_township(ui_app, qtbot, tmp_path):
    from ui.welcome import WelcomeWindow

    data = DataDir(tmp_path / "fresh")
    welcome = WelcomeWindow(data)
    qtbot.addWidget(welcome)
    assert not data.exists()
    welcome.code.setText("51062")
    welcome.create()
    assert "9 位" in welcome.code_error.text() and "名称" in welcome.name_error.text()
    assert not data.exists() or home_township(open_data_dir(data)) is None
    welcome.code.setText("510623105000")  # the 12-digit form is accepted
    welcome.name.setText("石泉镇")
    welcome.county.setText("中江县")
    welcome.admin.setText("zhangsan")
    welcome.password.setText("shiquan-2026")
    welcome.password_again.setText("shiquan-2026x")
    welcome.create()
    assert "不一致" in welcome.admin_error.text() and not data.exists()
    welcome.password_again.setText("shiquan-2026")
    welcome.create()
    # Encrypted from the start: the recovery key is shown once, and the
    # register opens only after the official says it was kept.
    dialog = welcome.recovery_dialog
    key = dialog.findChild(QLabel, "recovery-key-text").text()
    assert len(key.split("-")) == 8 and not dialog.ok.isEnabled()
    saved = dialog.save_key(str(tmp_path / "key.txt"))
    assert key in saved.read_text(encoding="utf-8")
    assert not data.register.read_bytes().startswith(b"SQLite format 3")
    with qtbot.waitSignal(welcome.register_ready, timeout=5000) as ready:
        dialog.kept.setChecked(True)
        dialog.ok.click()
    assert ready.args == [data]
    keystore.forget(data)
    keystore.unlock(data, "zhangsan", "shiquan-2026")
    db = open_data_dir(data)
    try:
        assert home_township(db)["code"] == "510623105"
        assert [p["name"] for p in places(db, "county")] == ["中江县"]
        assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0
    finally:
        db.close()


def test_the_main_window_opens_on_an_empty_register(ui_app, qtbot, tmp_path):
    from app.township_setup import create_township_register
    from ui.app import open_context
    from ui.main_window import MainWindow

    data = DataDir(tmp_path / "empty")
    create_township_register(data, code="510623105", name="石泉镇", admin="admin",
                             password="demo2026")
    window = MainWindow(open_context(data))
    qtbot.addWidget(window)
    page = window.show_area("register")
    assert page.households.model.rowCount() == 0
    assert page.households.count_label.text() == "共 0 户"
    window.close_context()


def test_language_switch_is_stored_and_applied(window, ctx, qtbot, wait_idle):
    from ui.language import LANGUAGE_SETTING, stored_language

    page = window.show_area("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    wait_idle()
    assert settings.get(ctx.ui_db, LANGUAGE_SETTING) == "en"
    assert stored_language(ctx.data) == "en"
    assert QApplication.translate("MainWindow", "Never synchronised") == "Never synchronised"
    # The window redrew itself in English: the settings page is a new one.
    qtbot.waitUntil(lambda: window.nav.item(window.area_keys().index("register")).text() == "Register", timeout=10000)
    page = window.show_area("settings")
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    wait_idle()
    assert QApplication.translate("MainWindow", "Never synchronised") == "从未同步"


def test_a_bug_shows_details_with_a_copy_button_and_is_logged(ui_app, qtbot, tmp_path):
    data = DataDir(tmp_path / "logs")
    setup_logging(data)
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as exc:
            dialog = error_dialog(exc)
        qtbot.addWidget(dialog)
        assert isinstance(dialog, ErrorDialog)
        assert "boom in a slot" in dialog.details and "Traceback" in dialog.details
        dialog.copy_button.click()
        assert "boom in a slot" in QGuiApplication.clipboard().text()
        assert dialog.copy_button.text() == "已复制"
    finally:
        close_logging()
    assert "boom in a slot" in log_file(data).read_text(encoding="utf-8")


def test_database_problems_say_what_to_do(ui_app, qtbot):
    full = sqlite3.OperationalError("database or disk is full")
    dialog = error_dialog(full)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, MessageDialog)
    assert "磁盘" in dialog.message and "空间" in dialog.message
    locked = error_dialog(sqlite3.OperationalError("database is locked"))
    qtbot.addWidget(locked)
    assert "关闭" in locked.message


RUN_GUI_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from app.paths import DataDir
from ui.app import application, run_gui

app = application()
seen = {}

def visible(name):
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]

def fill_in():
    welcome = visible("welcome")
    seen["welcome"] = bool(welcome)
    if welcome:
        welcome[0].code.setText("510623105")
        welcome[0].name.setText("石泉镇")
        welcome[0].admin.setText("chief")
        welcome[0].admin_name.setText("主任")
        welcome[0].password.setText("chief-pass-1")
        welcome[0].password_again.setText("chief-pass-1")
        welcome[0].create()
        # The recovery key is shown once; the register opens once it was kept.
        dialog = welcome[0].recovery_dialog
        seen["recovery"] = dialog.isVisible()
        dialog.kept.setChecked(True)
        dialog.ok.click()
    QTimer.singleShot(100, sign_in)

def sign_in():
    # The new register has its administrator already: a plain sign-in.
    login = visible("login-window")
    seen["login"] = bool(login) and not login[0].first_admin
    if login:
        login[0].username.setText("chief")
        login[0].password.setText("chief-pass-1")
        login[0].submit()
    QTimer.singleShot(100, look)

def look():
    windows = visible("main-window")
    seen["main"] = bool(windows)
    seen["welcome_after"] = bool(visible("welcome"))
    if windows:
        seen["title"] = windows[0].windowTitle()
        seen["count"] = windows[0].page("register").households.count_label.text()
        seen["user"] = windows[0].session.user_label.text()
        windows[0].close()
    QApplication.quit()

QTimer.singleShot(200, fill_in)
code = run_gui(DataDir(Path(sys.argv[1])), None)
print(json.dumps(dict(seen, code=code), ensure_ascii=False))
"""


def test_run_gui_starts_on_the_welcome_screen_then_opens_the_new_register(tmp_path):
    # In its own process: once QApplication.exec() has returned, Qt refuses to run
    # event loops again, which would stall every later test of this session.
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    data = DataDir(tmp_path / "first-start")
    result = subprocess.run([sys.executable, "-c", RUN_GUI_SCRIPT, str(data.root)], cwd=root,
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"welcome": True, "recovery": True, "login": True, "main": True,
                    "welcome_after": False,
                    "title": "乡镇信用工作台", "count": "共 0 户", "user": "当前用户：主任（管理员）",
                    "code": 0}
    assert data.exists() and log_file(data).exists()


def test_an_uncaught_exception_opens_the_details_dialog_and_is_logged(ui_app, qtbot, tmp_path,
                                                                      monkeypatch):
    import sys

    from ui.errors import install_excepthook

    data = DataDir(tmp_path / "crash")
    setup_logging(data)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook()
    try:
        raise ZeroDivisionError("a bug in a button")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ErrorDialog) and w.isVisible()]
    try:
        assert len(dialogs) == 1 and "a bug in a button" in dialogs[0].details
        assert dialogs[0].windowTitle() == "意外错误"
    finally:
        for dialog in dialogs:
            dialog.reject()
        close_logging()
    assert "ZeroDivisionError: a bug in a button" in log_file(data).read_text(encoding="utf-8")


def test_welcome_opens_the_demo_township_built_in_the_background(ui_app, qtbot, tmp_path,
                                                                   monkeypatch):
    import ui.welcome
    from ui.welcome import WelcomeWindow

    monkeypatch.setattr(ui.welcome, "DEMO_HOUSEHOLDS", 60)
    data = DataDir(tmp_path / "mine")
    welcome = WelcomeWindow(data)
    qtbot.addWidget(welcome)
    with qtbot.waitSignal(welcome.register_ready, timeout=60000) as ready:
        welcome.open_demo()
        assert not welcome.demo_button.isEnabled()  # building; the window stays responsive
    welcome.wait()
    demo = ready.args[0]
    assert demo.root == data.root / "demo" and not data.exists()  # the own register stays apart
    db = open_data_dir(demo)
    try:
        assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 60
    finally:
        db.close()

"""F1 opens the Chinese user manual at the chapter of the screen the user is on; the About box."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app import __version__
from app.resources import resource_path
from ui.help import CHAPTERS, manual_path

MANUAL = manual_path().read_text(encoding="utf-8")
# The chapter headings a user sees at the top of the help window.
HEADINGS = {
    "register": "2 登记农户和新型农业经营主体",
    "rating": "3 年度信用户评定",
    "letters": "4 打印和回收信用承诺书",
    "records": "5 信用记录、红黑名单、信用修复、异议和信用报告",
    "excel": "6 用 Excel 导入和导出",
    "sync": "7 向县平台上报：联网同步和 U 盘传递",
    "settings": "9 设置、账户和权限",
}


def test_every_screen_has_its_chapter_and_every_picture_exists():
    anchors = set(re.findall(r'<a name="([a-z-]+)"></a>', MANUAL))
    assert set(CHAPTERS.values()) <= anchors
    for link in re.findall(r'href="#([a-z-]+)"', MANUAL):
        assert link in anchors, link
    pictures = re.findall(r'<img src="([^"]+)"', MANUAL)
    assert len(pictures) >= 8
    for picture in pictures:
        assert resource_path("manual", picture).exists(), picture


def _top_line(browser) -> str:
    cursor = browser.cursorForPosition(QPoint(4, 4))
    return cursor.block().text().strip()


def _in_view(browser, text: str) -> bool:
    """``text`` is on screen (a section near the end cannot scroll to the very top)."""
    found = browser.document().find(text)
    return not found.isNull() and browser.viewport().rect().contains(
        browser.cursorRect(found).center())


# The offscreen platform has no window stacking; on a desktop the manual comes to the front.
NO_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")


@NO_RAISE
@pytest.mark.parametrize("key", ["rating", "sync", "register"])
def test_f1_opens_the_manual_at_the_current_pages_chapter(window, qtbot, key):
    window.show_area(key)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    manual = window.manual_window
    qtbot.waitUntil(manual.isVisible)
    assert manual.chapter() == CHAPTERS[key]
    qtbot.waitUntil(lambda: _top_line(manual.browser) == HEADINGS[key])
    manual.close()


@NO_RAISE
def test_help_menu_opens_the_manual_and_the_about_box(window, qtbot):
    menus = {action.text(): action for action in window.menuBar().actions()}
    assert "帮助(&H)" in menus
    entries = {action.text(): action for action in menus["帮助(&H)"].menu().actions()}
    window.show_area("letters")
    entries["用户手册"].trigger()
    assert window.manual_window.chapter() == "letters"
    window.manual_window.close()

    about = window.open_about()
    qtbot.addWidget(about)
    assert f"版本 {__version__}" in about.title.text()
    assert str(window.ctx.data.root) in about.folder.text()
    licences = about.licences.toPlainText()
    assert "wqy-microhei.ttc" in licences and "PySide6" in licences and "LGPL" in licences
    about.full_notices.click()
    assert "PSF-2.0" in about.licences.toPlainText()
    about.close()


@NO_RAISE
def test_f1_on_the_welcome_screen_opens_the_first_day_chapter(ui_app, qtbot, data):
    from ui.welcome import WelcomeWindow

    welcome = WelcomeWindow(data)
    qtbot.addWidget(welcome)
    welcome.show()
    welcome.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is welcome)
    qtbot.keyClick(welcome, Qt.Key.Key_F1)
    manual = welcome.manual_window
    qtbot.waitUntil(manual.isVisible)
    assert manual.chapter() == "first-day"
    qtbot.waitUntil(lambda: _top_line(manual.browser) == "1 第一天：安装程序，建立本乡镇的登记册")
    manual.close()


@NO_RAISE
def test_f1_on_the_login_screen_opens_the_sign_in_section(ui_app, qtbot, demo_data):
    from ui.accounts.login import LoginWindow

    login = LoginWindow(demo_data)
    qtbot.addWidget(login)
    login.show()
    login.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is login)
    qtbot.keyClick(login, Qt.Key.Key_F1)
    manual = login.manual_window
    qtbot.waitUntil(manual.isVisible)
    assert manual.chapter() == "sign-in"
    qtbot.waitUntil(lambda: _in_view(manual.browser, "登录、切换用户和锁定"))
    assert manual.browser.verticalScrollBar().value() > 0
    manual.close()


def test_qts_own_buttons_and_dialogs_speak_chinese(ui_app):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.language import apply_language

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    apply_language(ui_app, "en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"

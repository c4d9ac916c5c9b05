"""The language switch applies at once, without a restart."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def _labels(page) -> set[str]:
    return {label.text() for label in page.findChildren(QLabel)}


def test_switching_language_redraws_the_window(window, qtbot):
    page = window.show_area("settings")
    name = page.objectName()  # the old page may already be deleted after the switch
    assert window.nav.item(window.area_keys().index("register")).text() == "登记册"
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.waitUntil(lambda: window.nav.item(window.area_keys().index("register")).text() == "Register", timeout=10000)
    settings = window.stack.currentWidget()
    assert settings is not page and settings.objectName() == name
    assert "Register file" in _labels(settings)
    assert window.windowTitle() == "Township Credit Desk"
    assert window.menuBar().actions()[0].text() == "&Help"
    # Another page, opened afterwards, speaks English too.
    assert window.show_area("places").buttons["add-village"].text() == "Add a village…"
    back = window.show_area("settings")
    back.language.setCurrentIndex(back.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.nav.item(window.area_keys().index("register")).text() == "登记册", timeout=10000)
    qtbot.waitUntil(lambda: not window.ctx.ops.busy, timeout=10000)

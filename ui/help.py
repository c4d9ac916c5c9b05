"""The user manual (用户手册) inside the program: F1 and the Help menu.

The manual is one HTML file shipped in resources/manual/ with an anchor per
chapter. F1 opens it at the chapter of the screen the user is on, in a window
of the program itself (QTextBrowser): it works offline, needs no web browser,
and keeps the fragment, which Windows loses when a file:// address is handed
to the default browser. "Open in the web browser" is there for printing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QMainWindow, QPushButton, QTextBrowser,
                               QVBoxLayout, QWidget)

from app.resources import resource_path
from ui.sizing import fit_to_screen

MANUAL = ("manual", "index.html")
# Page key (the main window's area, or another screen) -> chapter anchor in the manual.
CHAPTERS = {
    "welcome": "first-day",
    "login": "sign-in",
    "register": "register",
    "places": "places",
    "rating": "rating",
    "letters": "letters",
    "records": "records",
    "excel": "excel",
    "sync": "sync",
    "settings": "settings",
}
DEFAULT_CHAPTER = "contents"


def manual_path():
    return resource_path(*MANUAL)


def manual_url(page_key: str | None = None) -> QUrl:
    url = QUrl.fromLocalFile(str(manual_path()))
    url.setFragment(CHAPTERS.get(page_key or "", DEFAULT_CHAPTER))
    return url


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"credit-desk-{size}.png")))
    return icon


class ManualWindow(QDialog):
    """The manual, scrolled to a chapter; one window, reused by every F1."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manual-window")
        self.setWindowTitle(self.tr("User manual"))
        fit_to_screen(self, 1040, 760)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual")
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox()
        self.external = QPushButton(self.tr("Open in the web browser"))
        buttons.addButton(self.external, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QPushButton(self.tr("Close")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        self.external.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(manual_path()))))
        layout.addWidget(buttons)

    def show_chapter(self, page_key: str | None) -> None:
        self.browser.setSource(manual_url(page_key))
        self.show()
        self.raise_()
        self.activateWindow()

    def chapter(self) -> str:
        return self.browser.source().fragment()


def current_page_key(window: QMainWindow) -> str | None:
    keys = window.area_keys()
    row = window.nav.currentRow()
    return keys[row] if 0 <= row < len(keys) else None


def install(window: QMainWindow) -> None:
    """Give the main window a Help menu: the manual (F1) at the current page's
    chapter, and the About box."""
    window.setWindowIcon(app_icon())
    menu = window.menuBar().addMenu(QCoreApplication.translate("Help", "&Help"))
    manual = QAction(QCoreApplication.translate("Help", "User manual"), window)
    manual.setObjectName("action-manual")
    manual.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    about = QAction(QCoreApplication.translate("Help", "About Township Credit Desk"),
                    window)
    about.setObjectName("action-about")
    menu.addAction(manual)
    menu.addAction(about)

    def open_manual() -> ManualWindow:
        if getattr(window, "manual_window", None) is None:
            window.manual_window = ManualWindow(window)
        window.manual_window.show_chapter(current_page_key(window))
        return window.manual_window

    def open_about():
        from ui.about import AboutDialog

        dialog = AboutDialog(window.ctx.data, window)
        dialog.open()
        return dialog

    manual.triggered.connect(open_manual)
    about.triggered.connect(open_about)
    window.open_manual = open_manual
    window.open_about = open_about


def install_f1(widget: QWidget, page_key: str) -> QShortcut:
    """F1 on a window without the main window's menu (the welcome screen): the
    manual at ``page_key``'s chapter."""
    widget.setWindowIcon(app_icon())
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)

    def open_manual() -> ManualWindow:
        if getattr(widget, "manual_window", None) is None:
            widget.manual_window = ManualWindow(widget)
        widget.manual_window.show_chapter(page_key)
        return widget.manual_window

    shortcut.activated.connect(open_manual)
    widget.open_manual = open_manual
    return shortcut

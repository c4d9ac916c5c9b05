"""The main window: navigation of the product's areas, pages, status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QWidget)

from app import settings
from app.users import display_name, get_user
from ui.areas import AREAS, EXTERNAL, area_title, make_area_page
from ui.context import UiContext

LAST_SYNC_SETTING = "sync.last_sync_at"


def format_last_sync(value) -> str:
    if not value:
        return QCoreApplication.translate("MainWindow", "Never synchronised")
    text = str(value).replace("T", " ")
    return text[:16] + (" UTC" if str(value).endswith("Z") else "")


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("Township Credit Desk"))
        self.resize(1280, 800)
        self._pages: dict[str, QWidget] = {}
        self._closed = False

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(168)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #2d3e50; color: #e8eef3; border: none;"
            " font-size: 14px; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 10px 14px; }"
            "QListWidget#navigation::item:selected { background: #1abc9c; color: white; }")
        for key, _ in AREAS:
            item = QListWidgetItem(area_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        user = get_user(ctx.reader, ctx.operator_id)
        self.operator_label = QLabel(self.tr("Operator: {name}").format(name=display_name(user)))
        self.database_label = QLabel(self.tr("Register: {path}").format(path=ctx.data.register))
        self.sync_label = QLabel()
        self.busy_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.operator_label)
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.sync_label)
        self.refresh_status()
        ctx.runner.busy_changed.connect(self._busy)

        self.nav.currentRowChanged.connect(self._navigate)
        self.nav.setCurrentRow(0)

    # -- navigation
    def area_keys(self) -> list[str]:
        return [key for key, _ in AREAS]

    def show_area(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.area_keys().index(key))
        return self._pages[key]

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            self._pages[key] = self._make_page(key)
            self.stack.addWidget(self._pages[key])
        return self._pages[key]

    def _make_page(self, key: str) -> QWidget:
        if key == "register":
            from ui.register_page import RegisterPage

            return RegisterPage(self.ctx, self)
        if key == "settings":
            from ui.settings_page import SettingsPage

            page = SettingsPage(self.ctx, self)
            return page
        assert key in EXTERNAL
        return make_area_page(key, self.ctx, self)

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        key = self.area_keys()[row]
        self.stack.setCurrentWidget(self.page(key))
        self.refresh_status()

    # -- status bar
    def refresh_status(self) -> None:
        try:
            value = settings.get(self.ctx.reader, LAST_SYNC_SETTING)
        except Exception:  # noqa: BLE001 - status only
            value = None
        self.sync_label.setText(self.tr("Last sync: {when}").format(when=format_last_sync(value)))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")
        if not busy:
            self.refresh_status()

    def start_auto_sync(self) -> bool:
        """Let the sync area sync by itself from the start, if it provides that."""
        import importlib
        import importlib.util

        try:
            if self._closed or importlib.util.find_spec("ui.sync.auto") is None:
                return False
            auto = importlib.import_module("ui.sync.auto").auto_sync_for(self.ctx)
        except Exception:  # noqa: BLE001 - the window works without it
            import logging

            logging.getLogger("credit_desk.ui").exception("auto-sync could not start")
            return False
        auto.finished.connect(lambda _result: self.refresh_status())
        return True

    # -- closing
    def close_context(self) -> None:
        if self._closed:
            return
        self._closed = True
        for page in self._pages.values():
            closer = getattr(page, "close_page", None)
            if callable(closer):
                closer()
        from ui.app import close_context

        close_context(self.ctx)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.ctx.runner.busy:
            self.statusBar().showMessage(self.tr("Finishing the work in progress…"))
        super().closeEvent(event)

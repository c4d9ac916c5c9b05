"""The main window: navigation of the product's areas, pages, status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QWidget)

from app import backup, settings
from app.units import local_time
from app.users import display_name, get_user
from ui.areas import AREAS, area_title
from ui.context import UiContext
from ui.help import install as install_help
from ui.operations import WriteOp
from ui.sync.auto import AutoSync, auto_sync_for

LAST_SYNC_SETTING = "sync.last_sync_at"


def format_last_sync(value) -> str:
    if not value:
        return QCoreApplication.translate("MainWindow", "Never synchronised")
    return local_time(value)


log = logging.getLogger("credit_desk.ui")

class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("Township Credit Desk"))
        self.resize(1280, 800)
        self._pages: dict[str, QWidget] = {}
        self._closed = False
        # The automatic backup is checked every hour: made when a day has passed
        # or anything changed since the last one (and again when the app closes).
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(3600 * 1000)
        self._backup_timer.timeout.connect(self._hourly_backup)
        self._backup_timer.start()

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
        for area in AREAS:
            item = QListWidgetItem(area_title(area.key))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        user = get_user(ctx.ui_db, ctx.operator_id)
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
        ctx.ops.busy_changed.connect(self._busy)

        self.nav.currentRowChanged.connect(self._navigate)
        # A new township's register starts where its first day goes on: the places.
        first_day = ctx.ui_db.execute("SELECT 1 FROM place WHERE level = 'village' "
                                      "LIMIT 1").fetchone() is None
        self.nav.setCurrentRow(self.area_keys().index("places") if first_day else 0)
        install_help(self)  # Help menu: the manual at this page's chapter (F1), About

    # -- navigation
    def area_keys(self) -> list[str]:
        return [area.key for area in AREAS]

    def show_area(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.area_keys().index(key))
        return self._pages[key]

    def page(self, key: str) -> QWidget:
        """The area's page, made when first shown."""
        if key not in self._pages:
            area = AREAS[self.area_keys().index(key)]
            self._pages[key] = area.page(self.ctx, self)
            self.stack.addWidget(self._pages[key])
        return self._pages[key]

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        key = self.area_keys()[row]
        self.stack.setCurrentWidget(self.page(key))
        self.refresh_status()

    def retranslate(self) -> None:
        """Show the window in the language just chosen, without a restart.

        Pages are made again in the new language (each page's texts are set
        when it is built); the page in view is shown again at once, the others
        when they are next opened. Work in progress on the lanes is not touched.
        """
        key = self.area_keys()[max(0, self.nav.currentRow())]
        for page in list(self._pages.values()):
            closer = getattr(page, "close_page", None)
            if callable(closer):
                closer()
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.setWindowTitle(self.tr("Township Credit Desk"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(area_title(item.data(Qt.ItemDataRole.UserRole)))
        user = get_user(self.ctx.ui_db, self.ctx.operator_id)
        self.operator_label.setText(self.tr("Operator: {name}").format(name=display_name(user)))
        self.database_label.setText(self.tr("Register: {path}").format(
            path=self.ctx.data.register))
        self.menuBar().clear()
        install_help(self)
        self.refresh_status()
        self.stack.setCurrentWidget(self.page(key))

    # -- status bar
    def refresh_status(self) -> None:
        try:
            value = settings.get(self.ctx.ui_db, LAST_SYNC_SETTING)
        except Exception:  # noqa: BLE001 - status only
            value = None
        self.sync_label.setText(self.tr("Last sync: {when}").format(when=format_last_sync(value)))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")
        if not busy:
            self.refresh_status()

    def _backup_by(self) -> str:
        row = self.ctx.ui_db.execute("SELECT username FROM app_user WHERE id = ?",
                                     [self.ctx.operator_id]).fetchone()
        return row[0] if row else ""

    def _hourly_backup(self) -> None:
        """The daily backup while the app stays open, on the write lane (no freeze)."""
        if self._closed:
            return
        by = self._backup_by()
        WriteOp(self, lambda db: backup.auto_backup(db, self.ctx.data, by=by)).run(self.ctx.ops)

    def start_auto_sync(self) -> AutoSync | None:
        """Sync by itself from the start (when the official turned that on), not only
        once the sync page was opened."""
        if self._closed:
            return None
        auto = auto_sync_for(self.ctx)
        auto.finished.connect(lambda _result: self.refresh_status())
        return auto

    # -- closing
    def close_context(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._backup_timer.stop()
        try:  # closing the app backs the day's work up (app/backup.py)
            backup.auto_backup(self.ctx.ui_db, self.ctx.data, by=self._backup_by())
        except Exception:  # noqa: BLE001 - a failed backup must not keep the app open
            log.exception("automatic backup on closing failed")
        for page in self._pages.values():
            closer = getattr(page, "close_page", None)
            if callable(closer):
                closer()
        self.ctx.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.ctx.ops.busy:
            self.statusBar().showMessage(self.tr("Finishing the work in progress…"))
        super().closeEvent(event)

"""The main window: navigation of the product's areas, pages, status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QProgressDialog,
                               QStackedWidget, QWidget)

from app import backup, settings
from app.units import local_time
from app.users import display_name, get_user, username_of
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
        self._backed_up_on_close = False
        self._closing_backup = None
        # Set by the launcher (the real app): closing the window backs up first.
        self.back_up_on_close = False
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
        return username_of(self.ctx.ui_db, self.ctx.operator_id)

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
    def close_context(self, *, back_up: bool = True) -> None:
        if self._closed:
            return
        self._closed = True
        self._backup_timer.stop()
        if back_up and not self._backed_up_on_close:
            try:  # the last word: normally done already, on the lane, by closeEvent
                backup.auto_backup(self.ctx.ui_db, self.ctx.data, by=self._backup_by())
            except Exception:  # noqa: BLE001 - a failed backup must not keep the app open
                log.exception("automatic backup on closing failed")
        for page in self._pages.values():
            closer = getattr(page, "close_page", None)
            if callable(closer):
                closer()
        self.ctx.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        """Closing backs the day's work up first, on the write lane, with a progress note.

        The close is put off until the backup is written and checked; the
        window stays responsive meanwhile (a large register takes a while).
        """
        if self.back_up_on_close and not self._closed and not self._backed_up_on_close:
            try:
                needed = backup.backup_needed(self.ctx.ui_db)
            except Exception:  # noqa: BLE001 - never keep the window from closing
                needed = False
            if needed:
                event.ignore()
                if self._closing_backup is None:
                    self._back_up_then_close()
                return
        if self.ctx.ops.busy:
            self.statusBar().showMessage(self.tr("Finishing the work in progress…"))
        super().closeEvent(event)

    def _back_up_then_close(self) -> None:
        progress = QProgressDialog(self.tr("Backing up the register before closing…"), "",
                                   0, 0, self)
        progress.setObjectName("closing-backup")
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Township Credit Desk"))
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        self._closing_backup = progress
        by = self._backup_by()

        def done() -> None:
            self._backed_up_on_close = True
            progress.close()
            self.close()

        def failed(message: str) -> None:
            log.error("automatic backup on closing failed: %s", message)

        (WriteOp(self, lambda db: backup.auto_backup(db, self.ctx.data, by=by))
         .failure(failed).finally_(done).run(self.ctx.ops))

    # -- restoring a backup (the settings screen asked and the user confirmed)
    def restore_backup(self, path) -> None:
        """Close every connection, put the backup in place, and sign in again.

        The file copy runs on a thread with a busy note; the restored register
        may have other users or passwords, so the session ends with it.
        """
        import threading

        self.session_stop()
        self.close_context(back_up=False)
        progress = QProgressDialog(self.tr("Restoring the backup…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        outcome: dict = {}

        def work() -> None:
            try:
                outcome["done"] = backup.restore(self.ctx.data, path)
            except Exception as exc:  # noqa: BLE001 - shown below
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="restore-backup", daemon=True)
        worker.start()
        poll = QTimer(self)

        def check() -> None:
            if worker.is_alive():
                return
            poll.stop()
            progress.close()
            if "error" in outcome:
                from ui.errors import show_exception

                show_exception(outcome["error"], parent=self)
            self.restored = outcome
            session = getattr(self, "session", None)
            if session is not None:
                session.switch_user.emit()  # sign in again, on the restored register

        poll.timeout.connect(check)
        poll.start(100)

    def session_stop(self) -> None:
        session = getattr(self, "session", None)
        if session is not None:
            session.stop()

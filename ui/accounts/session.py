"""Who is signed in to the main window: status bar, switch user, lock, idle lock.

Locking covers the window with a password prompt for the same user; the
pages underneath are only disabled, so whatever was typed and not saved is
still there after unlocking. The idle time comes from the access policy
(``[signin] idle_lock_minutes``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QMainWindow,
                               QPushButton, QVBoxLayout, QWidget)

from app.accounts import auth
from app.accounts import policy as access_policy
from app.accounts.permissions import actor as load_actor
from app.accounts.permissions import has
from app.accounts.permissions import role_label
from app.errors import UserError

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel}


class IdleWatcher(QObject):
    """Calls ``on_idle`` after ``minutes`` without a key or mouse event in the app."""

    def __init__(self, minutes: float, on_idle, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Covers the window; only the signed-in user's password opens it again."""

    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("lock-screen")
        # Opaque: nothing of the register may show through while locked.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lock-screen { background: #2d3e50; }"
                           "QLabel { color: white; font-size: 16px; }")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password = QLineEdit()
        self.password.setObjectName("unlock-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFixedWidth(260)
        self.password.setPlaceholderText(self.tr("Password"))
        row.addWidget(self.password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock-button")
        row.addWidget(self.unlock_button)
        self.switch_button = QPushButton(self.tr("Switch user"))
        row.addWidget(self.switch_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("unlock-message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ffb4a8;")
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._try)
        self.password.returnPressed.connect(self._try)
        self.switch_button.clicked.connect(self.switch_requested)
        self.hide()

    def show_for(self, name: str) -> None:
        self.title.setText(self.tr("Locked. {name}, enter your password to continue.")
                           .format(name=name))
        self.message.clear()
        self.password.clear()
        self.setGeometry(self.window_.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def _try(self) -> None:
        self.unlocked.emit()


class Session(QObject):
    """The signed-in user of one main window."""

    switch_user = Signal()

    def __init__(self, window: QMainWindow, ctx):
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.actor = load_actor(ctx.ui_db, ctx.operator_id)
        self.locked = False
        bar = window.statusBar()
        self.user_label = QLabel()
        self.user_label.setObjectName("signed-in-user")
        self.user_label.setText(self.tr("Signed in: {name} ({role})").format(
            name=self.actor.display_name, role=role_label(self.actor.role, ctx.ui_db)))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("lock-button")
        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setObjectName("switch-user-button")
        widgets = [self.user_label, self.switch_button, self.lock_button]
        self.admin_button = None
        if has(ctx.ui_db, self.actor.id, "users.manage") or \
                has(ctx.ui_db, self.actor.id, "audit.review"):
            self.admin_button = QPushButton(self.tr("Users and review"))
            self.admin_button.setObjectName("accounts-button")
            self.admin_button.clicked.connect(self.open_admin)
            widgets.insert(1, self.admin_button)
        for widget in widgets:
            bar.addPermanentWidget(widget)
        self.lock_button.clicked.connect(self.lock)
        self.switch_button.clicked.connect(self.switch_user)
        self.screen = LockScreen(window)
        self.screen.unlocked.connect(self._unlock)
        self.screen.switch_requested.connect(self.switch_user)
        minutes = float(access_policy.load(ctx.ui_db)["signin"].get("idle_lock_minutes", 10))
        self.idle = IdleWatcher(minutes, self.lock, self)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if obj is self.window and event.type() == QEvent.Type.Resize and self.locked:
            self.screen.setGeometry(self.window.rect())
        return False

    def open_admin(self):
        from ui.accounts.admin import AccountsWindow

        self.admin_window = AccountsWindow(self.ctx, self.window)
        self.admin_window.show()
        return self.admin_window

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle.timer.stop()
        if getattr(self, "admin_window", None) is not None:
            self.admin_window.close()  # an open admin window would outlive the lock
        for widget in (self.window.centralWidget(), self.window.menuBar()):
            if widget is not None:
                widget.setEnabled(False)
        self.lock_button.setEnabled(False)
        if self.admin_button is not None:
            self.admin_button.setEnabled(False)
        self.screen.show_for(self.actor.display_name)

    def _unlock(self) -> None:
        try:
            auth.verify_password(self.ctx.ui_db, self.actor.id, self.screen.password.text())
        except UserError as exc:
            self.screen.message.setText(str(exc))
            self.screen.password.selectAll()
            return
        self.locked = False
        self.screen.hide()
        for widget in (self.window.centralWidget(), self.window.menuBar()):
            if widget is not None:
                widget.setEnabled(True)
        self.lock_button.setEnabled(True)
        if self.admin_button is not None:
            self.admin_button.setEnabled(True)
        self.idle.timer.start()

    def stop(self) -> None:
        self.idle.stop()

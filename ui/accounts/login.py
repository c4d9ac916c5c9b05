"""The login screen, the first administrator, and a forced password change.

The demo register's login screen lists its demo accounts (never any other
register's). Signing in is app.accounts.auth.authenticate: the same lockout
and attempt log as the command line.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app import keystore
from app.accounts import auth
from app.accounts.demo import demo_accounts, is_demo
from app.accounts.permissions import Actor, role_label
from app.errors import UserError
from app.paths import DataDir
from app.store import open_data_dir
from ui.accounts.recovery import RecoveryKeyDialog
from ui.help import install_f1


class LoginWindow(QWidget):
    """Sign in to the register in ``data``; emits ``signed_in(actor)``.

    On a register where no administrator can sign in yet it asks for the
    first administrator instead.
    """

    signed_in = Signal(object)

    def __init__(self, data: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setObjectName("login-window")
        self.setWindowTitle(self.tr("Township Credit Desk — sign in"))
        self.resize(720, 520)
        install_f1(self, "login")  # the manual's chapter on signing in
        if keystore.is_encrypted(data):  # nothing can be read before a password unlocks it
            self.first_admin, self.demo = False, keystore.is_demo_register(data)
        else:
            db = open_data_dir(data)
            try:
                self.first_admin = auth.needs_first_admin(db)
                self.demo = is_demo(db)
            finally:
                db.close()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        title = QLabel(self.tr("Township Credit Desk"))
        title.setStyleSheet("font-size: 24px; font-weight: bold; color: #2d3e50;")
        outer.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        where = QLabel(self.tr("Register: {path}").format(path=data.register))
        where.setStyleSheet("color: #667;")
        outer.addWidget(where, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addSpacing(16)

        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("login-username")
        self.password = QLineEdit()
        self.password.setObjectName("login-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.display_name = QLineEdit()
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        if self.first_admin:
            intro = QLabel(self.tr("This register has no administrator who can sign in yet. "
                                   "Create the first administrator; they then add the other "
                                   "users."))
            intro.setWordWrap(True)
            outer.addWidget(intro)
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Full name"), self.display_name)
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.password_again)
            self.button = QPushButton(self.tr("Create administrator and sign in"))
        else:
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Password"), self.password)
            self.button = QPushButton(self.tr("Sign in"))
        self.button.setObjectName("login-button")
        self.button.setDefault(True)
        outer.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("login-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        outer.addWidget(self.message)
        outer.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.password_again.returnPressed.connect(self.submit)

        if self.demo and not self.first_admin:
            outer.addSpacing(12)
            box = QFrame()
            box.setObjectName("demo-accounts")
            box.setStyleSheet("QFrame#demo-accounts { background: #eef6f3; border-radius: 6px; }")
            lines = QVBoxLayout(box)
            lines.addWidget(QLabel(self.tr("Demo township: choose an account (password "
                                           "demo2026) to try each role.")))
            row = QHBoxLayout()
            for account in demo_accounts():
                button = QPushButton(f"{account['username']}\n{role_label(account['role'])}")
                button.setObjectName(f"demo-{account['username']}")
                button.clicked.connect(
                    lambda _=False, a=account: self._fill(a["username"], a["password"]))
                row.addWidget(button)
            lines.addLayout(row)
            outer.addWidget(box)
        outer.addStretch(1)
        self.username.setFocus()

    def _fill(self, username: str, password: str) -> None:
        self.username.setText(username)
        self.password.setText(password)
        self.password.setFocus()

    def submit(self) -> None:
        if getattr(self, "_opening", None) is not None:
            return  # Enter pressed again while the register opens
        username, password = self.username.text(), self.password.text()
        try:  # an encrypted register opens with the password typed here (app/keystore.py)
            keystore.unlock(self.data, username, password)
        except UserError as exc:
            self._refused(str(exc))
            return
        first_admin = self.first_admin
        if first_admin and password != self.password_again.text():
            self._refused(self.tr("The two passwords differ."))
            return
        display = self.display_name.text() if first_admin else ""
        # Opening checks the register page by page after a crash or a power cut
        # (db/connection.py): seconds for a large one, so on a worker thread,
        # with the window saying what it waits for.
        self.button.setEnabled(False)
        self.message.setStyleSheet("color: #2d3e50;")
        self.message.setText(self.tr("Opening the register…"))
        result: dict = {}

        def work() -> None:
            try:
                db = open_data_dir(self.data)
                try:
                    if first_admin:
                        result["actor"] = auth.create_first_admin(db, username, display,
                                                                  password)
                    else:
                        keystore.replay_failures(self.data, db, via="desktop")
                        result["actor"] = auth.authenticate(db, username, password,
                                                            via="desktop")
                finally:
                    db.close()
            except BaseException as exc:  # noqa: BLE001 - handed to the window's thread
                result["error"] = exc

        self._opening = threading.Thread(target=work, name="sign-in", daemon=True)
        self._opening.start()
        self._opening_poll = QTimer(self)
        self._opening_poll.timeout.connect(lambda: self._opened(result, password))
        self._opening_poll.start(50)

    def _refused(self, message: str) -> None:
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(message)
        self.password.selectAll()
        self.password.setFocus()

    def _opened(self, result: dict, password: str) -> None:
        if self._opening.is_alive():
            return
        self._opening_poll.stop()
        self._opening = None
        self.button.setEnabled(True)
        error = result.get("error")
        if isinstance(error, UserError):
            self._refused(str(error))
            return
        self.message.setStyleSheet("color: #c0392b;")
        self.message.clear()
        if error is not None:
            # The error dialog (ui/errors.py): a damaged register offers its backup.
            raise error
        actor = result["actor"]
        self.password.clear()
        self.password_again.clear()
        if actor.must_change_password:
            dialog = ChangePasswordDialog(self.data, actor, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.message.setText(self.tr("Choose a new password to continue."))
                return
            actor, password = dialog.actor, dialog.new.text()
        if actor.role == "admin" and not keystore.is_encrypted(self.data):
            self._encrypt(actor, password)
            return
        self.signed_in.emit(actor)

    def _encrypt(self, actor: Actor, password: str) -> None:
        """A plain register (from an older version) is encrypted at an administrator's sign-in.

        On a worker thread (a large register takes a while), with a backup
        first (app/keystore.py); the other users keep signing in with their
        passwords. The recovery key is shown once, then the session starts.
        """
        self.button.setEnabled(False)
        self.message.setStyleSheet("color: #2d3e50;")
        self.message.setText(self.tr("Encrypting the register (a backup is made first)…"))
        self.conversion = {"actor": actor}

        def work() -> None:
            try:
                db = open_data_dir(self.data)
                try:
                    self.conversion["key"] = keystore.convert_at_sign_in(
                        self.data, db, actor.username, password)
                finally:
                    db.close()
            except Exception as exc:  # noqa: BLE001 - shown, and the register stays plain
                self.conversion["error"] = exc

        self._worker = threading.Thread(target=work, name="encrypt-register", daemon=True)
        self._worker.start()
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._encrypted)
        self._poll.start(100)

    def _encrypted(self) -> None:
        if self._worker.is_alive():
            return
        self._poll.stop()
        self.button.setEnabled(True)
        self.message.setStyleSheet("color: #c0392b;")
        actor = self.conversion["actor"]
        if "error" in self.conversion:
            self.message.setText(self.tr("The register could not be encrypted and stays as it "
                                         "was: {error}").format(error=self.conversion["error"]))
            self.signed_in.emit(actor)
            return
        self.message.clear()
        self.recovery_dialog = RecoveryKeyDialog(self.data, self.conversion["key"], self)
        self.recovery_dialog.accepted.connect(lambda: self.signed_in.emit(actor))
        self.recovery_dialog.open()


class ChangePasswordDialog(QDialog):
    """The user's own password change (forced after an administrator's reset)."""

    def __init__(self, data: DataDir, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.actor = actor
        self.setWindowTitle(self.tr("Choose a new password"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{user}: your password was set by an administrator; choose "
                                   "your own.").format(user=actor.display_name)))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        form.addRow(self.message)
        ok = QPushButton(self.tr("Change password"))
        ok.clicked.connect(self.submit)
        form.addRow(ok)

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        db = open_data_dir(self.data)
        try:
            self.actor = auth.change_password(db, self.actor.id, self.old.text(),
                                              self.new.text())
        except UserError as exc:
            self.message.setText(str(exc))
            return
        finally:
            db.close()
        self.accept()

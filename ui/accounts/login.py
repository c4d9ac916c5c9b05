"""The login screen, the first administrator, and a forced password change.

The demo register's login screen lists its demo accounts (never any other
register's). Signing in is app.accounts.auth.authenticate: the same lockout
and attempt log as the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from app import backup, keystore
from app.accounts import auth
from app.accounts.demo import demo_accounts, is_demo
from app.accounts.permissions import Actor, role_label
from app.errors import UserError, damaged_register
from app.paths import DataDir
from app.store import open_data_dir
from db.errors import DatabaseProblem
from ui.accounts.recovery import RecoveryKeyDialog
from ui.help import install_f1
from ui.operations import Operations, WriteOp


class LoginWindow(QWidget):
    """Sign in to the register in ``data``; emits ``signed_in(actor)``.

    On a register where no administrator can sign in yet it asks for the
    first administrator instead.
    """

    signed_in = Signal(object)

    def __init__(self, data: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.ops: Operations | None = None  # while a sign-in or restore runs
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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # Offered when the register turns out damaged: restoring needs no
        # sign-in (a damaged register cannot check one), only the password
        # that unlocked its key.
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setObjectName("login-restore")
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.button)
        outer.addLayout(buttons)
        self.good_backup: dict | None = None
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

    def _lanes(self) -> Operations:
        """Operation lanes for one click (no register is open yet: the lanes
        open none, the functions open it themselves); stopped when it ends."""
        if self.ops is None:
            self.ops = Operations(None, self)
        return self.ops

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.ops is not None:
            self.ops.shutdown()
        super().closeEvent(event)

    def submit(self) -> None:
        if not self.button.isEnabled():
            return  # Enter pressed again while the register opens
        username, password = self.username.text(), self.password.text()
        try:  # an encrypted register opens with the password typed here (app/keystore.py)
            keystore.unlock(self.data, username, password)
        except UserError as exc:
            self._refused(str(exc))
            return
        if self.first_admin and password != self.password_again.text():
            self._refused(self.tr("The two passwords differ."))
            return
        # Opening checks the register page by page after a crash or a power cut
        # (db/connection.py): seconds for a large one, so off the window's thread,
        # with the window saying what it waits for.
        self._working(self.tr("Opening the register…"))
        display = self.display_name.text() if self.first_admin else ""
        (WriteOp(self, _sign_in, self.data, self.first_admin, username, display, password)
         .finally_(self._idle)
         .success(lambda outcome: self._signed_in(outcome, password)
                  if isinstance(outcome, Actor) else self._damaged(outcome))
         .failure(self._refused)
         .run(self._lanes()))

    def _damaged(self, damage: "Damaged") -> None:
        """The register failed its check: say so, and offer its newest good
        backup. Restoring needs no sign-in (a damaged register cannot check
        one), only the password that unlocked its key, so an encrypted
        register's only."""
        self.good_backup = damage.backup
        text = damaged_register(damage.backup, restore_command=False)
        self._refused(text)
        self.restore_button.setVisible(bool(damage.backup) and keystore.is_encrypted(self.data))

    def ask_restore(self) -> None:
        good = self.good_backup
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Restore a backup"),
            self.tr("Restore the backup made {when}?\n\nWork done since then is lost. The "
                    "damaged register is kept in the backups folder for experts.").format(
                when=good["made_at"].replace("T", " ")),
            QMessageBox.StandardButton.Cancel, self)
        go = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        box.buttonClicked.connect(lambda button: self._restore(good) if button is go else None)
        box.open()

    def _restore(self, good: dict) -> None:
        self.restore_button.hide()
        self._working(self.tr("Restoring the backup…"))

        def restored(_result) -> None:
            self.message.setStyleSheet("color: #2d3e50;")
            self.message.setText(self.tr("The backup of {when} is restored. Sign in.").format(
                when=good["made_at"].replace("T", " ")))
            self.password.setFocus()

        (WriteOp(self, _restore_backup, self.data, Path(good["path"]))
         .finally_(self._idle).success(restored).failure(self._refused)
         .run(self._lanes()))

    def _working(self, message: str) -> None:
        self.button.setEnabled(False)
        self.message.setStyleSheet("color: #2d3e50;")
        self.message.setText(message)

    def _idle(self) -> None:
        self.ops.shutdown()  # one operation per click: no worker waits on after it
        self.ops = None
        self.button.setEnabled(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.clear()

    def _refused(self, message: str) -> None:
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(message)
        self.password.selectAll()
        self.password.setFocus()

    def _signed_in(self, actor: Actor, password: str) -> None:
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

        Off the window's thread (a large register takes a while), with a backup
        first (app/keystore.py); the other users keep signing in with their
        passwords. The recovery key is shown once, then the session starts.
        """
        self._working(self.tr("Encrypting the register (a backup is made first)…"))

        def failed(error: str) -> None:  # the register stays plain; the session starts
            self.message.setText(self.tr("The register could not be encrypted and stays as it "
                                         "was: {error}").format(error=error))
            self.signed_in.emit(actor)

        def encrypted(key: str) -> None:
            self.recovery_dialog = RecoveryKeyDialog(self.data, key, self)
            self.recovery_dialog.accepted.connect(lambda: self.signed_in.emit(actor))
            self.recovery_dialog.open()

        (WriteOp(self, _encrypt_register, self.data, actor.username, password)
         .finally_(self._idle).success(encrypted).failure(failed)
         .run(self._lanes()))


@dataclass
class Damaged:
    """A sign-in that found the register damaged; ``backup``: its newest good
    one (app/store.py, newest_good_backup), or None."""

    backup: dict | None


def _sign_in(_db, data: DataDir, first_admin: bool, username: str, display: str,
             password: str) -> Actor | Damaged:
    """Open the register (checking it whole after a crash) and sign in, or
    create the first administrator."""
    try:
        db = open_data_dir(data)
    except DatabaseProblem as problem:
        if problem.kind != DatabaseProblem.CORRUPT:
            raise
        return Damaged(problem.info.get("backup"))
    try:
        if first_admin:
            return auth.create_first_admin(db, username, display, password)
        keystore.replay_failures(data, db, via="desktop")
        return auth.authenticate(db, username, password, via="desktop")
    finally:
        db.close()


def _restore_backup(_db, data: DataDir, path: Path) -> dict:
    return backup.restore(data, path)


def _encrypt_register(_db, data: DataDir, username: str, password: str) -> str:
    db = open_data_dir(data)
    try:
        return keystore.convert_at_sign_in(data, db, username, password)
    finally:
        db.close()


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

"""First start: create an empty register for a township, or open the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from app.commands.register_cmds import build_demo_register as build_whole_demo
from app.errors import ValidationFailed
from app.paths import DataDir
from app.township_setup import create_township_register
from ui.accounts.recovery import RecoveryKeyDialog
from ui.errors import show_exception
from ui.help import install_f1
from ui.operations import Operations, WriteOp

DEMO_HOUSEHOLDS = 8000


def build_demo_register(_db, demo: DataDir, households: int, job) -> DataDir:
    """Build the demo township in its own folder, put in place only when whole."""
    build_whole_demo(demo, households=households, seed=2026, job=job)
    return demo


class WelcomeWindow(QWidget):
    """Shown when the data folder has no register yet."""

    register_ready = Signal(object)  # DataDir

    def __init__(self, data: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Township Credit Desk"))
        self.resize(640, 600)
        install_f1(self, "welcome")  # the manual's first-day chapter
        self.ops: Operations | None = None  # made when the demo is built
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to Township Credit Desk"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "There is no register in {path} yet. Set up your township in three steps: the "
            "township here, then its villages and groups (typed or imported from the county's "
            "list), then your first roster. Or open the demo township to look around.").format(
            path=data.root))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Step 1 of 3: my township"))
        form = QFormLayout(box)
        self.code = QLineEdit()
        self.code.setObjectName("township-code")
        self.code.setPlaceholderText(self.tr("9 digits, e.g. 510623105"))
        self.name = QLineEdit()
        self.name.setObjectName("township-name")
        self.name.setPlaceholderText(self.tr("e.g. 石泉镇"))
        self.county = QLineEdit()
        self.county.setObjectName("county-name")
        self.county.setPlaceholderText(self.tr("optional, e.g. 中江县"))
        self.code_error = _error_label()
        self.name_error = _error_label()
        form.addRow(self.tr("Township division code"), self.code)
        form.addRow("", self.code_error)
        form.addRow(self.tr("Township name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("County name"), self.county)
        # The first administrator's password opens the encrypted register.
        self.admin = QLineEdit()
        self.admin.setObjectName("admin-username")
        self.admin.setPlaceholderText(self.tr("e.g. zhangsan"))
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("admin-name")
        self.password = QLineEdit()
        self.password.setObjectName("admin-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("admin-password-again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_error = _error_label()
        form.addRow(self.tr("Administrator's user name"), self.admin)
        form.addRow(self.tr("Administrator's full name"), self.admin_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow("", self.admin_error)
        self.create_button = QPushButton(self.tr("Create the register"))
        self.create_button.setObjectName("create")
        self.create_button.clicked.connect(self.create)
        form.addRow("", self.create_button)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Look around first"))
        inner = QVBoxLayout(box)
        self.demo_button = QPushButton(self.tr("Open the demo township"))
        self.demo_button.setObjectName("demo")
        self.demo_button.clicked.connect(self.open_demo)
        inner.addWidget(QLabel(self.tr(
            "The demo is a made-up township of {n} households, kept apart from your own "
            "register (in the demo folder).").format(n=f"{DEMO_HOUSEHOLDS:,}")))
        inner.addWidget(self.demo_button)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        inner.addWidget(self.progress)
        layout.addWidget(box)
        layout.addStretch(1)

    def create(self) -> None:
        self.code_error.setText("")
        self.name_error.setText("")
        self.admin_error.setText("")
        if self.password.text() != self.password_again.text():
            self.admin_error.setText(self.tr("The two passwords differ."))
            return
        try:
            township = create_township_register(
                self.data, code=self.code.text(), name=self.name.text(),
                county_name=self.county.text(), admin=self.admin.text(),
                admin_name=self.admin_name.text(), password=self.password.text())
        except ValidationFailed as exc:
            self.code_error.setText(exc.for_field("code") or "")
            self.name_error.setText(exc.for_field("name") or "")
            self.admin_error.setText(exc.for_field("username") or exc.for_field("password")
                                     or "")
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_exception(exc, parent=self)
            return
        self.password.clear()
        self.password_again.clear()
        # Shown once; the register opens only after the official says it was kept.
        self.recovery_dialog = RecoveryKeyDialog(self.data, township["recovery_key"], self)
        self.recovery_dialog.accepted.connect(lambda: self.register_ready.emit(self.data))
        self.recovery_dialog.open()

    def demo_data(self) -> DataDir:
        return DataDir(self.data.root / "demo")

    def open_demo(self) -> None:
        demo = self.demo_data()
        if demo.exists():
            self.register_ready.emit(demo)
            return
        self.demo_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self.progress.setVisible(True)
        if self.ops is None:
            self.ops = Operations(None, self)  # no register yet: the lanes open none
        (WriteOp(self, build_demo_register, demo, DEMO_HOUSEHOLDS)
         .progress(self._progress)
         .finally_(self._idle)
         .success(self.register_ready.emit)
         .run(self.ops))

    def wait(self, timeout: float = 120) -> None:
        if self.ops is not None:
            self.ops.wait_idle(timeout)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.ops is not None:
            self.ops.shutdown()
        super().closeEvent(event)

    def _progress(self, done: int, total: int, _message: str = "") -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _idle(self) -> None:
        self.ops.shutdown()  # one build per click: no worker waits on after it
        self.ops = None
        self.progress.setVisible(False)
        self.demo_button.setEnabled(True)
        self.create_button.setEnabled(True)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

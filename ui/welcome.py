"""First start: create an empty register for a township, or open the demo."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from app.errors import ValidationFailed
from app.paths import DataDir
from app.township_setup import create_township_register
from ui.errors import show_exception

DEMO_HOUSEHOLDS = 8000


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class WelcomeWindow(QWidget):
    """Shown when the data folder has no register yet."""

    register_ready = Signal(object)  # DataDir

    def __init__(self, data: DataDir, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Township Credit Desk"))
        self.resize(640, 520)
        self._thread: threading.Thread | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to Township Credit Desk"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "There is no register in {path} yet. Create an empty register for your township, "
            "or open the demo township to look around.").format(path=data.root))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Create a register for my township"))
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

        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self._relay.done.connect(self.register_ready)
        self._relay.failed.connect(self._failed)

    def create(self) -> None:
        self.code_error.setText("")
        self.name_error.setText("")
        try:
            create_township_register(self.data, code=self.code.text(), name=self.name.text(),
                                     county_name=self.county.text())
        except ValidationFailed as exc:
            self.code_error.setText(exc.for_field("code") or "")
            self.name_error.setText(exc.for_field("name") or "")
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_exception(exc, parent=self)
            return
        self.register_ready.emit(self.data)

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
        relay = self._relay

        def work():
            import traceback

            from app.commands.register_cmds import _remove_register
            from app.demo import build_demo
            from app.jobs import Job
            from app.store import open_data_dir

            try:
                db = open_data_dir(demo)
                try:
                    build_demo(db, households=DEMO_HOUSEHOLDS,
                               seed=2026, job=Job(lambda d, t, _m: relay.progress.emit(d, t)))
                finally:
                    db.close()
            except Exception as exc:  # noqa: BLE001 - reported on the UI thread
                _remove_register(demo)  # a half-built demo is worse than none
                relay.failed.emit(exc, traceback.format_exc())
                return
            relay.done.emit(demo)

        self._thread = threading.Thread(target=work, name="demo-build", daemon=True)
        self._thread.start()

    def wait(self, timeout: float = 120) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc, details: str) -> None:
        self.progress.setVisible(False)
        self.demo_button.setEnabled(True)
        self.create_button.setEnabled(True)
        show_exception(exc, details, self)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

"""Showing the register's recovery key once: print it, save it, confirm it was kept.

The recovery key (app/keystore.py) is the only way into an encrypted register
when every password is lost, and it is never shown again: the dialog cannot
be closed with OK until the official says the key was printed or saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from app.paths import DataDir


class RecoveryKeyDialog(QDialog):
    def __init__(self, data: DataDir, recovery_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data, self.key = data, recovery_key
        self.setObjectName("recovery-key")
        self.setWindowTitle(self.tr("Recovery key of the register"))
        self.resize(620, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The register is encrypted: only a user's password opens it. If every password "
            "is lost, this recovery key is the only way back in. Print it or save it to a USB "
            "stick now and lock it away; it is not shown again."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        shown = QLabel(recovery_key)
        shown.setObjectName("recovery-key-text")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        font.setBold(True)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setStyleSheet("background: #fdf6e3; padding: 14px; border: 1px solid #d9c89e;")
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(shown)
        where = QLabel(self.tr("Register: {path}").format(path=data.register))
        where.setStyleSheet("color: #667;")
        where.setWordWrap(True)
        layout.addWidget(where)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("recovery-print")
        self.print_button.clicked.connect(self.print_key)
        self.save_button = QPushButton(self.tr("Save to a file…"))
        self.save_button.setObjectName("recovery-save")
        self.save_button.clicked.connect(self.save_key)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.kept = QCheckBox(self.tr("I have printed or saved the recovery key and will keep "
                                      "it locked away"))
        self.kept.setObjectName("recovery-kept")
        layout.addWidget(self.kept)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # noqa: D401 - Esc must not lose the key unseen
        if self.kept.isChecked():
            super().reject()

    def text(self) -> str:
        return self.tr("Township Credit Desk — recovery key\n\nRegister: {path}\nRecovery key: "
                       "{key}\n\nKeep this page locked away. Whoever holds it can open the "
                       "register.").format(path=self.data.register, key=self.key)

    def save_key(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the recovery key"), str(Path.home() / "recovery-key.txt"),
                self.tr("Text (*.txt)"))
        if not path:
            return None
        try:
            Path(path).write_text(self.text() + "\n", encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        return Path(path)

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self.text())
        document.setDefaultFont(QFont("monospace", 14))
        document.print_(printer)

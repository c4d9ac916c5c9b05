"""Showing failures: user errors as messages, bugs as a details dialog.

Database failures a user can act on (disk full, file locked, damaged file)
are classified by ``db.errors.classify`` and explained with what to do.
Anything else is a bug: a dialog with the details and a copy button, and
the traceback goes to the rotating log file in the data folder.
"""

from __future__ import annotations

import logging
import sys
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from app.errors import describe
from db.errors import DatabaseProblem, classify

log = logging.getLogger("credit_desk.ui")


def user_message(exc: BaseException, writing: bool = True) -> str | None:
    """What to tell the user about ``exc``, or None when it is a bug.

    ``writing`` is False when a read failed: the message then does not speak of
    a change that was not saved.
    """
    problem = exc if isinstance(exc, DatabaseProblem) else classify(exc)
    return describe(problem or exc, writing)


class ErrorDialog(QDialog):
    """A bug: what happened in plain words, the details, and a copy button."""

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("error-dialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Something went wrong inside the program. Your saved data is safe. "
                              "Please send the details below to the township IT contact."))
        text.setWordWrap(True)
        layout.addWidget(text)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setMinimumSize(560, 220)
        layout.addWidget(box)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class MessageDialog(QDialog):
    """A problem the user can act on: the message says what to do."""

    def __init__(self, message: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message-dialog")
        self.setWindowTitle(self.tr("Cannot do that"))
        self.message = message
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMinimumWidth(380)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def error_dialog(exc: BaseException, details: str = "", parent=None,
                 writing: bool = True) -> QDialog:
    message = user_message(exc, writing)
    parent = parent or QApplication.activeWindow()
    if message is not None:
        log.info("user error: %s", message)
        return MessageDialog(message, parent)
    details = details or "".join(traceback.format_exception(exc))
    log.error("unexpected error\n%s", details)
    return ErrorDialog(details, parent)


def show_exception(exc: BaseException, details: str = "", parent=None,
                   writing: bool = True) -> None:
    """Show the dialog and wait for the official to close it (a direct click)."""
    error_dialog(exc, details, parent, writing).exec()


def open_error_dialog(exc: BaseException, details: str = "", parent=None,
                      writing: bool = True) -> QDialog:
    """Show the dialog without waiting: background work and the event loop go on."""
    dialog = error_dialog(exc, details, parent, writing)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _r, d=dialog: _open_dialogs.remove(d))
    dialog.open()
    return dialog


def report_failure(exc: BaseException, details: str, parent=None, *, writing: bool = True,
                   show: Callable[[str], None] | None = None) -> None:
    """The one error policy of background operations (``ui.operations``).

    A failure the user can act on goes to ``show`` (the page's status line) when
    given, else to a message dialog. A bug opens the details dialog and is logged;
    ``show`` then gets a short line so the page does not keep saying "Working…".
    """
    message = user_message(exc, writing)
    if message is not None and show is not None:
        log.info("user error: %s", message)
        show(message)
        return
    open_error_dialog(exc, details, parent, writing)
    if show is not None:
        show(QCoreApplication.translate("Errors", "Something went wrong; nothing was changed.")
             if writing else QCoreApplication.translate("Errors", "Something went wrong."))


def install_excepthook() -> None:
    """Uncaught exceptions in Qt callbacks: log them and show the dialog."""
    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        try:
            # Not modal-blocking: the event loop (and the workers' callbacks)
            # keep running while the official reads the message.
            open_error_dialog(value, details)
        except Exception:  # noqa: BLE001 - never recurse into the hook
            log.error("could not show the error dialog\n%s", details)

    sys.excepthook = hook


_open_dialogs: list[QDialog] = []

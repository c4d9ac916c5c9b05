"""Showing failures: user errors as messages, bugs as a details dialog."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import describe

log = logging.getLogger("credit_desk.ui")


def show_exception(exc: BaseException, details: str = "", parent=None) -> None:
    message = describe(exc)
    box = QMessageBox(parent or QApplication.activeWindow())
    if message is not None:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("Errors", "Cannot do that"))
        box.setText(message)
    else:
        log.error("unexpected error\n%s", details)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("Errors", "Unexpected error"))
        box.setText(QApplication.translate(
            "Errors", "Something went wrong inside the program. Your saved data is safe. "
                      "Please send the details below to the township IT contact."))
        box.setDetailedText(details or repr(exc))
    box.exec()

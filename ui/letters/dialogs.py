"""Dialogs of the collection tab: recording a signed letter, signing on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QMessageBox, QVBoxLayout)

from ui.letters.widgets import SignaturePad
from ui.sizing import wide_enough_for_title

if TYPE_CHECKING:
    pass

translate = QCoreApplication.translate


class SignDialog(QDialog):
    """Who collected the signed letter, when and where."""

    def __init__(self, letter: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("LettersPage", "Record letter {number} as signed")
                            .format(number=letter["number"]))
        form = QFormLayout(self)
        self.collector = QLineEdit()
        self.place = QLineEdit(f"{letter['values'].get('village', '')}")
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        form.addRow(translate("LettersPage", "Collected by"), self.collector)
        form.addRow(translate("LettersPage", "Signed at (place)"), self.place)
        form.addRow(translate("LettersPage", "Signed on"), self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        wide_enough_for_title(self)

    def values(self) -> dict[str, str]:
        return {"collector": self.collector.text(), "place": self.place.text(),
                "signed_at": self.when.dateTime().toString("yyyy-MM-ddTHH:mm")}


class SignatureDialog(QDialog):
    """Capture the committer's signature on screen."""

    def __init__(self, letter: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("LettersPage", "Signature for letter {number}")
                            .format(number=letter["number"]))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "LettersPage", "{name}: sign below with the mouse, a pen or a finger.").format(
            name=letter["values"].get("committer_name", ""))))
        self.pad = SignaturePad()
        layout.addWidget(self.pad, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        clear = buttons.addButton(translate("LettersPage", "Clear"),
                                  QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(self.pad.clear)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        wide_enough_for_title(self)
        self.resize(max(560, self.minimumWidth()), 320)

    def _save(self):
        if self.pad.is_empty():
            QMessageBox.information(self, self.windowTitle(),
                                    translate("LettersPage", "Nothing is signed yet."))
            return
        self.accept()


class CorrectDialog(QDialog):
    """Correct a signed letter's fulfilment or signing; the reason is required."""

    def __init__(self, letter: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("LettersPage", "Correct letter {number}")
                            .format(number=letter["number"]))
        form = QFormLayout(self)
        form.addRow(QLabel(translate("LettersPage", "What was recorded is kept with the letter; "
                                                    "the correction and its reason are added.")))
        self.choice = QComboBox()
        for key, text in (
                ("kept", translate("LettersPage", "The promise was kept")),
                ("broken", translate("LettersPage", "The promise was broken")),
                ("none", translate("LettersPage", "Fulfilment not assessed yet")),
                ("signing", translate("LettersPage", "Who collected it, where or when it was "
                                                     "signed")),
                ("unsign", translate("LettersPage", "It was not signed"))):
            self.choice.addItem(text, key)
        self.note = QLineEdit(letter.get("fulfilment_note") or "")
        self.collector = QLineEdit(letter.get("collected_by") or "")
        self.place = QLineEdit(letter.get("signed_place") or "")
        # Stored in UTC ("...Z"); shown and typed in the laptop's local time.
        self.when = QDateTimeEdit(QDateTime.fromString(letter["signed_at"], Qt.DateFormat.ISODate)
                                  .toLocalTime() if letter.get("signed_at")
                                  else QDateTime.currentDateTime())
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reason = QLineEdit()
        form.addRow(translate("LettersPage", "Correct"), self.choice)
        form.addRow(translate("LettersPage", "How it was broken"), self.note)
        form.addRow(translate("LettersPage", "Collected by"), self.collector)
        form.addRow(translate("LettersPage", "Signed at (place)"), self.place)
        form.addRow(translate("LettersPage", "Signed on"), self.when)
        form.addRow(translate("LettersPage", "Reason for the correction"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"choice": self.choice.currentData(), "note": self.note.text(),
                "collector": self.collector.text(), "place": self.place.text(),
                "signed_at": self.when.dateTime().toString("yyyy-MM-ddTHH:mm"),
                "reason": self.reason.text()}

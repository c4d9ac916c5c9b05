"""Settings: interface language, who is working, where the files are, backups."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app import documents
from app.i18n import LANGUAGES, current_language
from app.logs import log_file
from app.users import display_name, get_user
from ui.backups_box import BackupsBox
from ui.context import UiContext
from ui.language import apply_language, save_language
from ui.operations import WriteOp


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings-page")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)

        box = QGroupBox(self.tr("Interface"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Printed documents"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.office = QLineEdit(documents.office_name(ctx.ui_db))
        self.office.setObjectName("issuing-office")
        self.office_save = QPushButton(self.tr("Save"))
        row.addWidget(self.office, 1)
        row.addWidget(self.office_save)
        form.addRow(self.tr("Issuing office"), row)
        self.office_note = QLabel(self.tr("Printed on every letter, credit report and notice "
                                          "list."))
        self.office_note.setWordWrap(True)
        form.addRow("", self.office_note)
        self.office_save.clicked.connect(self.save_office)
        layout.addWidget(box)

        box = QGroupBox(self.tr("This computer"))
        form = QFormLayout(box)
        user = get_user(ctx.ui_db, ctx.operator_id)
        form.addRow(self.tr("Operator"), QLabel(display_name(user)))
        form.addRow(self.tr("Role"), QLabel(role_label(user["role"])))
        form.addRow(self.tr("Register file"), QLabel(str(ctx.data.register)))
        form.addRow(self.tr("Log file"), QLabel(str(log_file(ctx.data))))
        layout.addWidget(box)
        self.backups = BackupsBox(ctx)
        layout.addWidget(self.backups, 1)

    def save_office(self) -> None:
        WriteOp(self, documents.set_office_name, self.office.text(),
                operator_id=self.ctx.operator_id).success(
            lambda saved: self.office_note.setText(self.tr("Saved: {name}.").format(name=saved))
        ).failure(self.office_note.setText).run(self.ctx.ops)

    def _language_changed(self, _index: int) -> None:
        language = self.language.currentData()
        apply_language(QApplication.instance(), language)
        WriteOp(self, save_language, language).run(self.ctx.ops)
        window = self.window()
        if hasattr(window, "retranslate"):
            # After this slot returns: the window makes this page again in the new language.
            QTimer.singleShot(0, window.retranslate)
        else:
            self.language_note.setText(self.tr("Saved."))


def role_label(role: str) -> str:
    return {
        "admin": QApplication.translate("Roles", "Administrator"),
        "official": QApplication.translate("Roles", "Township official"),
        "field_staff": QApplication.translate("Roles", "Field staff"),
        "viewer": QApplication.translate("Roles", "Viewer"),
    }.get(role, role)

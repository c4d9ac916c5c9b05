"""The "templates" tab: edit a letter template with a live preview; saving makes
a new version (letters already printed keep theirs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from app.letters import printing
from app.letters import templates as tpl
from ui.letters.widgets import render_pdf_page
from ui.operations import BackgroundOp, WriteOp

if TYPE_CHECKING:
    from ui.letters.page import LettersPage

translate = QCoreApplication.translate


class TemplatesTab(QWidget):
    def __init__(self, page: "LettersPage"):
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self._editing = None
        self._preview_serial = 0
        self._preview_due = False  # rendered when the tab is next shown
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.template_list = QListWidget()
        self.template_list.setMaximumWidth(230)
        self.template_list.currentRowChanged.connect(self._template_selected)
        left.addWidget(self.template_list, 1)
        help_text = "\n".join(f"{{{k}}}  {v}" for k, v in tpl.placeholders().items())
        placeholders = QLabel(translate("LettersPage", "Placeholders:") + "\n" + help_text)
        placeholders.setWordWrap(True)
        placeholders.setMaximumWidth(230)
        placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(placeholders)
        outer.addLayout(left)

        editor = QVBoxLayout()
        form = QFormLayout()
        self.t_title = QLineEdit()
        self.t_purpose = QLineEdit()
        self.t_body = QPlainTextEdit()
        self.t_consent = QPlainTextEdit()
        self.t_consent.setMaximumHeight(110)
        form.addRow(translate("LettersPage", "Title"), self.t_title)
        form.addRow(translate("LettersPage", "Purpose"), self.t_purpose)
        form.addRow(translate("LettersPage", "Body"), self.t_body)
        form.addRow(translate("LettersPage", "Consent"), self.t_consent)
        editor.addLayout(form, 1)
        self.t_status = QLabel()
        self.t_status.setWordWrap(True)
        editor.addWidget(self.t_status)
        self.t_save = QPushButton(translate("LettersPage", "Save as new version"))
        self.t_save.clicked.connect(self.save_template)
        editor.addWidget(self.t_save)
        outer.addLayout(editor, 3)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setStyleSheet("background: #e8e8e8;")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        outer.addWidget(scroll, 3)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(350)
        self._preview_timer.timeout.connect(self.update_preview)
        for edit in (self.t_title, self.t_purpose):
            edit.textChanged.connect(self._preview_timer.start)
        for edit in (self.t_body, self.t_consent):
            edit.textChanged.connect(self._preview_timer.start)

    def _template_selected(self, row: int) -> None:
        item = self.template_list.item(row)
        if item is None:
            return
        t = tpl.current_template(self.ctx.ui_db, item.data(Qt.ItemDataRole.UserRole))
        self._editing = t
        for edit, field in ((self.t_title, "title"), (self.t_purpose, "purpose")):
            edit.blockSignals(True)
            edit.setText(t[field])
            edit.blockSignals(False)
        for edit, field in ((self.t_body, "body"), (self.t_consent, "consent")):
            edit.blockSignals(True)
            edit.setPlainText(t[field])
            edit.blockSignals(False)
        self.update_preview()

    def template_fields(self) -> dict[str, str]:
        return {"title": self.t_title.text(), "purpose": self.t_purpose.text(),
                "body": self.t_body.toPlainText(), "consent": self.t_consent.toPlainText()}

    def update_preview(self) -> None:
        """Render the edited template for a sample committer (live preview)."""
        editing = self._editing
        if editing is None:
            return
        fields = self.template_fields()
        try:
            tpl.check_template(fields)
        except tpl.TemplateError as exc:
            self.t_status.setStyleSheet("color: #b00020;")
            self.t_status.setText(str(exc))
            self.t_save.setEnabled(False)
            return
        self.t_status.setStyleSheet("")
        self.t_status.setText(translate(
            "LettersPage", "{name}, version {version}. Saving makes version {next}; letters "
                           "already printed keep their version.").format(
            name=editing["name"], version=editing["template_version"],
            next=editing["template_version"] + 1))
        self.t_save.setEnabled(True)
        if not self.isVisible():
            # The letters area opens on its first tab: render when this one is shown, so
            # opening the area never waits for a letter to be laid out.
            self._preview_due = True
            return
        self._preview_due = False
        self._preview_serial += 1
        serial = self._preview_serial
        path = self.page.temp / f"preview-{serial}.pdf"
        kind = "organization" if editing["subject_kind"] == "organization" else "household"
        values = tpl.sample_values(kind)
        text = dict(tpl.filled(fields, values), id="preview", number=values["letter_number"],
                    values=values, template_name=editing["name"],
                    template_version=editing["template_version"] + 1)

        def show(image) -> None:
            if serial == self._preview_serial:  # a newer edit is being rendered: skip
                self.preview.setPixmap(QPixmap.fromImage(image))

        def failed(message: str) -> None:  # e.g. a character no font has
            if serial == self._preview_serial:
                self.t_status.setStyleSheet("color: #b00020;")
                self.t_status.setText(message)

        # Laying out a letter takes a second the first time (the CJK fonts are read):
        # on the background lane, never on the window's thread.
        BackgroundOp(self, _render_preview, text, path).success(show).failure(failed) \
            .run(self.ctx.ops)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._preview_due:
            self.update_preview()

    def save_template(self) -> None:
        editing = self._editing
        if editing is None:
            return
        fields = self.template_fields()
        name = editing["name"]
        op = self.ctx.operator_id

        def saved(row):
            self.page.templates_changed()
            for i in range(self.template_list.count()):
                if self.template_list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                    self.template_list.setCurrentRow(i)

        WriteOp(self, tpl.save_template, op, name, fields).success(saved).run(self.ctx.ops)

    def close_tab(self) -> None:
        self._preview_timer.stop()


def _render_preview(_db, text: dict, path):
    """Background lane: the letter laid out as a PDF, its first page as an image."""
    try:
        printing.write_pdf([text], path)
        return render_pdf_page(path, 0, 520)
    finally:
        path.unlink(missing_ok=True)

"""Commitment letters screen: print, collect, fulfil, templates, village overview.

Every action is an ``app.letters`` function run as an operation
(``ui.operations``): changes on the write lane, a reprint of a letter as it
was on the background lane. Printing a batch stays on the write lane: it
numbers and marks the letters in the same transaction that writes the PDF.
Reads of a page of rows use ``ctx.ui_db``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QProgressBar, QPushButton, QScrollArea, QSplitter, QTableView,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.letters import collection, fulfilment, printing
from app.letters import templates as tpl
from app.letters.letter import find_letter, get_letter, status_label
from ui.errors import show_exception
from ui.letters.widgets import LetterModel, SignaturePad, print_pdf, render_pdf_page
from ui.operations import BackgroundOp, WriteOp

translate = QCoreApplication.translate
LIST_LIMIT = 20000


def _local_time(utc: str) -> str:
    """A stored UTC time as the laptop's local time, to the minute."""
    try:
        when = dt.datetime.fromisoformat(utc.replace("Z", "+00:00"))
    except ValueError:
        return utc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------ dialogs

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
        self.resize(560, 320)

    def _save(self):
        if self.pad.is_empty():
            QMessageBox.information(self, self.windowTitle(),
                                    translate("LettersPage", "Nothing is signed yet."))
            return
        self.accept()


# ------------------------------------------------------------------ the page

class LettersPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("letters-page")
        self._job = None
        self._temp = Path(tempfile.mkdtemp(prefix="credit-desk-letters-"))
        self._preview_serial = 0
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_collect(), translate("LettersPage", "Print and collect"))
        self.tabs.addTab(self._build_overview(), translate("LettersPage", "Villages"))
        self.tabs.addTab(self._build_templates(), translate("LettersPage", "Templates"))
        WriteOp(self, tpl.ensure_templates, ctx.operator_id).success(
            lambda _: self._after_templates()).run(ctx.ops)

    # ---------------------------------------------------------- building
    def _build_collect(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        top = QHBoxLayout()
        self.village = QComboBox()
        self.village.setMinimumWidth(160)
        for row in self.ctx.ui_db.query(
                "SELECT id, code, name FROM place WHERE level = 'village' ORDER BY code"):
            self.village.addItem(f"{row['name']}（{row['code']}）", row["id"])
        self.group = QComboBox()
        self.template = QComboBox()
        self.only_outstanding = QCheckBox(translate("LettersPage", "Only letters still out"))
        top.addWidget(QLabel(translate("LettersPage", "Village")))
        top.addWidget(self.village)
        top.addWidget(QLabel(translate("LettersPage", "Group")))
        top.addWidget(self.group)
        top.addWidget(QLabel(translate("LettersPage", "Template")))
        top.addWidget(self.template, 1)
        outer.addLayout(top)

        actions = QHBoxLayout()
        self.print_button = QPushButton(translate("LettersPage", "Print to PDF…"))
        self.direct_button = QPushButton(translate("LettersPage", "Print…"))
        self.print_selected_button = QPushButton(translate("LettersPage", "Print selected…"))
        self.unsigned_only = QCheckBox(translate("LettersPage", "Skip signed letters"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(translate("LettersPage", "Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.print_button, self.direct_button, self.print_selected_button,
                  self.unsigned_only):
            actions.addWidget(w)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)
        outer.addLayout(actions)

        find = QHBoxLayout()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(translate(
            "LettersPage", "Scan the QR code or type a letter number, then Enter"))
        self.scan.returnPressed.connect(self._find_scanned)
        find.addWidget(self.scan, 1)
        find.addWidget(self.only_outstanding)
        outer.addLayout(find)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = LetterModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        split.addWidget(self.table)
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        self.count_label = QLabel()
        outer.addWidget(self.count_label)

        self.village.currentIndexChanged.connect(self._village_changed)
        self.only_outstanding.toggled.connect(self.refresh_letters)
        self.print_button.clicked.connect(self._ask_print_pdf)
        self.direct_button.clicked.connect(self._ask_print_direct)
        self.print_selected_button.clicked.connect(self._ask_print_selected)
        self._village_changed()
        return page

    def _build_detail(self) -> QWidget:
        box = QGroupBox(translate("LettersPage", "Letter"))
        layout = QVBoxLayout(box)
        self.detail = QLabel(translate("LettersPage", "Select a letter."))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.detail)
        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        layout.addWidget(self.files)
        self.signature_view = QLabel()
        self.signature_view.setMaximumHeight(90)
        layout.addWidget(self.signature_view)
        grid = QHBoxLayout()
        grid2 = QHBoxLayout()
        self.sign_button = QPushButton(translate("LettersPage", "Signed…"))
        self.attach_button = QPushButton(translate("LettersPage", "Attach scan…"))
        self.pad_button = QPushButton(translate("LettersPage", "Sign on screen…"))
        self.void_button = QPushButton(translate("LettersPage", "Void…"))
        self.kept_button = QPushButton(translate("LettersPage", "Kept"))
        self.broken_button = QPushButton(translate("LettersPage", "Broken…"))
        self.copy_button = QPushButton(translate("LettersPage", "Copy as printed…"))
        for w in (self.sign_button, self.attach_button, self.pad_button, self.void_button):
            grid.addWidget(w)
        for w in (self.kept_button, self.broken_button, self.copy_button):
            grid2.addWidget(w)
        layout.addLayout(grid)
        layout.addLayout(grid2)
        layout.addStretch(1)
        self.sign_button.clicked.connect(self._ask_sign)
        self.attach_button.clicked.connect(self._ask_attach)
        self.pad_button.clicked.connect(self._ask_signature)
        self.void_button.clicked.connect(self._ask_void)
        self.kept_button.clicked.connect(lambda: self.record_fulfilment("kept"))
        self.broken_button.clicked.connect(self._ask_broken)
        self.copy_button.clicked.connect(self._ask_copy)
        self._set_actions(None)
        return box

    def _build_overview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(translate(
            "LettersPage", "Letters per village: still out in the village, signed, kept, broken.")))
        self.overview = QTableWidget(0, 7)
        self.overview.setHorizontalHeaderLabels([
            translate("LettersPage", "Village"), translate("LettersPage", "Letters"),
            translate("LettersPage", "Still out"), translate("LettersPage", "Signed"),
            translate("LettersPage", "Kept"), translate("LettersPage", "Broken"),
            translate("LettersPage", "Void")])
        self.overview.verticalHeader().setVisible(False)
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overview.cellDoubleClicked.connect(self._open_village)
        layout.addWidget(self.overview)
        self.refresh_overview()
        return page

    def _build_templates(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
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
        return page

    # ---------------------------------------------------------- data
    def _after_templates(self) -> None:
        self.template.clear()
        self.template_list.clear()
        for t in tpl.templates(self.ctx.ui_db):
            version = translate("LettersPage", "version {n}").format(n=t["template_version"])
            self.template.addItem(f"{t['title']}（{t['name']}，{version}）", t["name"])
            item = QListWidgetItem(f"{t['title']}\n{t['name']} · {version}")
            item.setData(Qt.ItemDataRole.UserRole, t["name"])
            self.template_list.addItem(item)
        if self.template_list.count():
            self.template_list.setCurrentRow(0)

    def _village_changed(self) -> None:
        self.group.clear()
        self.group.addItem(translate("LettersPage", "whole village"), None)
        village_id = self.village.currentData()
        if village_id:
            for row in self.ctx.ui_db.query(
                    "SELECT id, name FROM place WHERE parent_id = ? ORDER BY code", [village_id]):
                self.group.addItem(row["name"], row["id"])
        self.refresh_letters()

    def refresh_letters(self) -> None:
        village_id = self.village.currentData()
        rows = collection.village_letters(self.ctx.ui_db, village_id,
                                          outstanding=self.only_outstanding.isChecked(),
                                          limit=LIST_LIMIT) if village_id else []
        self.model.set_rows(rows)
        text = translate("LettersPage", "{n} letters").format(n=len(rows))
        if len(rows) >= LIST_LIMIT:
            text += translate("LettersPage", " (first {n} shown)").format(n=LIST_LIMIT)
        self.count_label.setText(text)
        self._set_actions(None)

    def refresh_overview(self) -> None:
        rows = collection.village_summary(self.ctx.ui_db)
        self.overview.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [f"{r['name']}（{r['code']}）", r["letters"], r["outstanding"], r["signed"],
                      r["kept"], r["broken"], r["void"]]
            for j, value in enumerate(values):
                item = QTableWidgetItem(str(value or 0) if j else value)
                item.setData(Qt.ItemDataRole.UserRole, r["village_id"])
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.overview.setItem(i, j, item)

    def _open_village(self, row: int, column: int) -> None:
        village_id = self.overview.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.select_village(village_id)
        self.only_outstanding.setChecked(True)
        self.tabs.setCurrentIndex(0)

    def select_village(self, village_id: str) -> None:
        index = self.village.findData(village_id)
        if index >= 0:
            self.village.setCurrentIndex(index)

    def selected_letter_ids(self) -> list[str]:
        return [self.model.rows[i.row()]["id"] for i in self.table.selectionModel().selectedRows()]

    def current_letter(self) -> dict[str, Any] | None:
        ids = self.selected_letter_ids()
        return get_letter(self.ctx.ui_db, ids[0]) if ids else None

    def select_letter(self, letter_id: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row["id"] == letter_id:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                return True
        return False

    def _show_selected(self, *args) -> None:
        letter = self.current_letter()
        self._set_actions(letter)
        self.files.clear()
        self.signature_view.clear()
        if letter is None:
            self.detail.setText(translate("LettersPage", "Select a letter."))
            return
        v = letter["values"]
        lines = [f"<b>{letter['number']}</b>　{letter['template_title']}",
                 f"{v.get('committer_name', '')}　{v.get('id_number', '')}",
                 translate("LettersPage", "Status: {status}").format(
                     status=status_label(letter["status"]))]
        if letter["signed_at"]:
            lines.append(translate("LettersPage", "Signed {when} at {place}, collected by {who}")
                         .format(when=_local_time(letter["signed_at"]),
                                 place=letter["signed_place"] or "—",
                                 who=letter["collected_by"]))
        if letter["fulfilment"]:
            lines.append(translate("LettersPage", "Fulfilment: {outcome} ({day}) {note}").format(
                outcome=status_label(letter["fulfilment"]), day=letter["fulfilment_at"],
                note=letter["fulfilment_note"] or ""))
        if letter["status"] == "void":
            lines.append(translate("LettersPage", "Void: {reason}").format(
                reason=letter["void_reason"]))
        self.detail.setText("<br>".join(lines))
        for a in collection.attachments(self.ctx.ui_db, letter["id"]):
            kind = translate("LettersPage", "signature") if a["kind"] == "signature" \
                else translate("LettersPage", "scan")
            item = QListWidgetItem(f"{kind}: {a['original_name'] or ''} · SHA-256 "
                                   f"{a['sha256'][:12]}…")
            item.setToolTip(a["file"])
            self.files.addItem(item)
            if a["kind"] == "signature":
                self.signature_view.setPixmap(QPixmap(a["file"]).scaledToHeight(
                    80, Qt.TransformationMode.SmoothTransformation))

    def _set_actions(self, letter: dict[str, Any] | None) -> None:
        status = letter["status"] if letter else None
        self.sign_button.setEnabled(status == "printed")
        self.attach_button.setEnabled(status in ("printed", "signed"))
        self.pad_button.setEnabled(status in ("printed", "signed"))
        self.void_button.setEnabled(status is not None and status != "void"
                                    and not letter["fulfilment"])
        can_fulfil = status == "signed" and not letter["fulfilment"]
        self.kept_button.setEnabled(can_fulfil)
        self.broken_button.setEnabled(can_fulfil)
        self.copy_button.setEnabled(status is not None and status != "drafted")

    def _find_scanned(self) -> None:
        try:
            letter = find_letter(self.ctx.ui_db, self.scan.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_exception(exc, parent=self)
            return
        self.only_outstanding.setChecked(False)
        self.select_village(letter["village_id"])
        self.select_letter(letter["id"])
        self.scan.clear()

    # ---------------------------------------------------------- running actions
    def _change(self, letter_id: str, fn, *args, **kwargs) -> None:
        """Change one letter on the write lane; then show the lists and that letter again."""
        def changed(_result):
            self.refresh_letters()
            self.refresh_overview()
            self.select_letter(letter_id)

        (WriteOp(self, fn, self.ctx.operator_id, letter_id, *args, **kwargs)
         .success(changed).run(self.ctx.ops))

    def mark_signed(self, letter_id: str, collector: str, place: str, signed_at: str) -> None:
        self._change(letter_id, collection.mark_signed, collector=collector, place=place,
                     signed_at=signed_at)

    def attach(self, letter_id: str, path: str) -> None:
        self._change(letter_id, collection.attach_scan, path)

    def save_signature(self, letter_id: str, png: bytes) -> None:
        self._change(letter_id, collection.save_signature, png)

    def void(self, letter_id: str, reason: str) -> None:
        self._change(letter_id, collection.void_letter, reason)

    def record_fulfilment(self, outcome: str, note: str = "", letter_id: str | None = None):
        letter_id = letter_id or (self.selected_letter_ids() or [None])[0]
        if not letter_id:
            return
        self._change(letter_id, fulfilment.record_fulfilment, outcome, note=note)

    def _ask_sign(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        dialog = SignDialog(letter, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.mark_signed(letter["id"], **dialog.values())

    def _ask_attach(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, translate("LettersPage", "Scan or photo of the signed letter"), "",
            translate("LettersPage", "Scans and photos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        if path:
            self.attach(letter["id"], path)

    def _ask_signature(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        dialog = SignatureDialog(letter, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_signature(letter["id"], dialog.pad.png())

    def _ask_void(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        reason, ok = QInputDialog.getText(
            self, translate("LettersPage", "Void letter {number}").format(number=letter["number"]),
            translate("LettersPage", "Why is the letter void? (It stays on file.)"))
        if ok:
            self.void(letter["id"], reason)

    def _ask_broken(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        note, ok = QInputDialog.getText(
            self, translate("LettersPage", "Promise broken"),
            translate("LettersPage", "How was the promise broken? A negative credit record is "
                                     "made for {name}.").format(
                name=letter["values"].get("committer_name", "")))
        if ok:
            self.record_fulfilment("broken", note, letter["id"])

    def _ask_copy(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, translate("LettersPage", "Save the letter as printed"),
            f"{letter['number']}.pdf", "PDF (*.pdf)")
        if path:
            BackgroundOp(self, printing.reproduce, letter["id"], path).run(self.ctx.ops)

    # ---------------------------------------------------------- printing
    def _print_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"template_name": self.template.currentData()
                                  or tpl.DEFAULT_TEMPLATE,
                                  "only_unsigned": self.unsigned_only.isChecked()}
        if self.group.currentData():
            kwargs["group_id"] = self.group.currentData()
        else:
            kwargs["village_id"] = self.village.currentData()
        return kwargs

    def print_batch(self, path: str, *, letter_ids: list[str] | None = None, on_done=None,
                    **kwargs) -> None:
        """Print in the background with progress and cancel; ``on_done(result)``."""
        if letter_ids is not None:
            kwargs = {"letter_ids": letter_ids}
        elif not kwargs:
            kwargs = self._print_kwargs()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._busy(True)

        def finished(result):
            self.refresh_letters()
            self.refresh_overview()
            self.last_result = result
            if on_done:
                on_done(result)

        def cancelled():
            self.last_result = None

        self._job = (WriteOp(self, printing.print_letters, self.ctx.operator_id, path, **kwargs)
                     .progress(self._on_progress)
                     .finally_(lambda: self._busy(False))
                     .success(finished)
                     .cancelled(cancelled)
                     .run(self.ctx.ops))

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{message} %v/%m")

    def _busy(self, busy: bool) -> None:
        for w in (self.print_button, self.direct_button, self.print_selected_button):
            w.setEnabled(not busy)
        if not busy:
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self._job = None

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _ask_print_pdf(self) -> None:
        name = f"{self.village.currentText().split('（')[0]}-{dt.date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, translate("LettersPage", "Save letters as PDF"),
            str(self.ctx.data.exports / name), "PDF (*.pdf)")
        if path:
            self.ctx.data.exports.mkdir(parents=True, exist_ok=True)
            self.print_batch(path, on_done=self._printed_message)

    def _printed_message(self, result) -> None:
        text = translate(
            "LettersPage", "{count} letters ({new} new) on {pages} pages:\n{path}").format(
            count=len(result.letters), new=result.new, pages=result.pages, path=result.path)
        if result.skipped:
            text += "\n\n" + translate("LettersPage", "Left out ({count}):").format(
                count=len(result.skipped)) + "\n" + "\n".join(
                f"{item['name']}: {item['reason']}" for item in result.skipped)
        QMessageBox.information(self, translate("LettersPage", "Letters printed"), text)

    def _ask_print_selected(self) -> None:
        ids = self.selected_letter_ids()
        if not ids:
            QMessageBox.information(self, translate("LettersPage", "Print selected…"),
                                    translate("LettersPage", "Select letters in the list first."))
            return
        self.print_directly(letter_ids=ids)

    def _ask_print_direct(self) -> None:
        self.print_directly()

    def print_directly(self, printer: QPrinter | None = None, *, ask: bool = True,
                       letter_ids: list[str] | None = None, on_done=None) -> None:
        """Through the system print dialog: the PDF is made, then sent page by page."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if ask:
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        path = str(self._temp / f"print-{dt.datetime.now():%H%M%S%f}.pdf")

        def send(result):
            pages = print_pdf(result.path, printer)
            if on_done:
                on_done(pages)

        self.print_batch(path, letter_ids=letter_ids, on_done=send)

    # ---------------------------------------------------------- templates
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
        editing = getattr(self, "_editing", None)
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
        self._preview_serial += 1
        path = self._temp / f"preview-{self._preview_serial}.pdf"
        kind = "organization" if editing["subject_kind"] == "organization" else "household"
        values = tpl.sample_values(kind)
        text = dict(tpl.filled(fields, values), id="preview", number=values["letter_number"],
                    values=values, template_name=editing["name"],
                    template_version=editing["template_version"] + 1)
        try:
            printing.write_pdf([text], path)
        except Exception as exc:  # noqa: BLE001 - e.g. a character no font has
            self.t_status.setStyleSheet("color: #b00020;")
            self.t_status.setText(str(exc))
            return
        image = render_pdf_page(path, 0, 520)
        path.unlink(missing_ok=True)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def save_template(self) -> None:
        editing = getattr(self, "_editing", None)
        if editing is None:
            return
        fields = self.template_fields()
        name = editing["name"]
        op = self.ctx.operator_id

        def saved(row):
            self._after_templates()
            for i in range(self.template_list.count()):
                if self.template_list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                    self.template_list.setCurrentRow(i)

        WriteOp(self, tpl.save_template, op, name, fields).success(saved).run(self.ctx.ops)

    # ---------------------------------------------------------- closing
    def close_page(self) -> None:
        self.cancel()
        self._preview_timer.stop()
        shutil.rmtree(self._temp, ignore_errors=True)

"""The "print and collect" tab: a village's letters, printing them with progress
and cancel, and recording what came back (signed, scanned, kept, broken, void)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog,
                               QGroupBox, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QProgressBar, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from app.letters import collection, corrections, fulfilment, printing
from app.letters import templates as tpl
from app.letters.letter import find_letter, get_letter, status_label
from app.letters.queries import repair_of_letter
from ui.errors import show_exception
from ui.identity_banner import IdentityBanner
from ui.letters.dialogs import CorrectDialog, SignatureDialog, SignDialog
from ui.letters.widgets import letter_model, print_pdf
from ui.operations import BackgroundOp, WriteOp
from ui.sizing import fit_columns

if TYPE_CHECKING:
    from ui.letters.page import LettersPage

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


class CollectTab(QWidget):
    def __init__(self, page: "LettersPage"):
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self._job = None
        self.last_result = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.village = QComboBox()
        self.village.setMinimumWidth(160)
        for row in self.ctx.ui_db.query(
                "SELECT id, code, name FROM place WHERE level = 'village' "
                "ORDER BY name_sort, code"):
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
        # An ID number or USCC typed here: its lists and measures (联合奖惩), as everywhere.
        self.scan_status = IdentityBanner(self.ctx, self, name="letters-identity-status")
        outer.addWidget(self.scan_status.watch(self.scan))

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = letter_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Fitted once per list from its first rows (ResizeToContents measured a thousand of
        # a village's rows at every layout and froze the first open for seconds).
        self.model.modelReset.connect(lambda: fit_columns(self.table))
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
        self.correct_button = QPushButton(translate("LettersPage", "Correct…"))
        for w in (self.sign_button, self.attach_button, self.pad_button, self.void_button):
            grid.addWidget(w)
        for w in (self.kept_button, self.broken_button, self.correct_button, self.copy_button):
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
        self.correct_button.clicked.connect(self._ask_correct)
        self._set_actions(None)
        return box

    def _village_changed(self) -> None:
        self.group.clear()
        self.group.addItem(translate("LettersPage", "whole village"), None)
        village_id = self.village.currentData()
        if village_id:
            for row in self.ctx.ui_db.query(
                    "SELECT id, name FROM place WHERE parent_id = ? ORDER BY name_sort, code",
                    [village_id]):
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
        if letter["letter_type"] == "credit_repair":
            lines.append(repair_line(self.ctx.ui_db, letter))
        for fix in corrections.corrections(self.ctx.ui_db, letter["id"]):
            lines.append(translate("LettersPage", "Corrected {what} on {when} by {who}: {reason}")
                         .format(what=corrections.what_label(fix["what"]),
                                 when=_local_time(fix["corrected_at"]),
                                 who=fix["operator_name"] or "", reason=fix["reason"]))
        self.detail.setText("<br>".join(lines))
        for a in collection.attachments(self.ctx.ui_db, letter["id"]):
            kind = translate("LettersPage", "signature") if a["kind"] == "signature" \
                else translate("LettersPage", "scan")
            item = QListWidgetItem(f"{kind}: {a['original_name'] or ''} · SHA-256 "
                                   f"{a['sha256'][:12]}…")
            item.setToolTip(a["file"])
            self.files.addItem(item)
            if a["kind"] == "signature":
                pixmap = QPixmap()  # decrypted in memory, never to a file
                pixmap.loadFromData(collection.attachment_bytes(self.ctx.ui_db, a))
                self.signature_view.setPixmap(pixmap.scaledToHeight(
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
        self.correct_button.setEnabled(status == "signed")

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

    def _change(self, letter_id: str, fn, *args, **kwargs) -> None:
        """Change one letter on the write lane; then show the lists and that letter again."""
        def changed(_result):
            self.refresh_letters()
            self.page.villages.reload()
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

    def correct_fulfilment(self, letter_id: str, outcome: str | None, reason: str,
                           note: str = "") -> None:
        self._change(letter_id, corrections.correct_fulfilment, outcome=outcome, reason=reason,
                     note=note)

    def correct_signing(self, letter_id: str, reason: str, **fields) -> None:
        self._change(letter_id, corrections.correct_signing, reason=reason, **fields)

    def _ask_correct(self) -> None:
        letter = self.current_letter()
        if not letter:
            return
        dialog = CorrectDialog(letter, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        if v["choice"] in ("kept", "broken", "none"):
            self.correct_fulfilment(letter["id"], None if v["choice"] == "none" else v["choice"],
                                    v["reason"], v["note"])
        elif v["choice"] == "unsign":
            self.correct_signing(letter["id"], v["reason"], unsign=True)
        else:
            self.correct_signing(letter["id"], v["reason"], collector=v["collector"],
                                 place=v["place"], signed_at=v["signed_at"])

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
            self.page.villages.reload()
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
        path = str(self.page.temp / f"print-{dt.datetime.now():%H%M%S%f}.pdf")

        def send(result):
            pages = print_pdf(result.path, printer)
            if on_done:
                on_done(pages)

        self.print_batch(path, letter_ids=letter_ids, on_done=send)


def repair_line(db, letter: dict[str, Any]) -> str:
    """Which repair application a credit repair letter belongs to."""
    application = repair_of_letter(db, letter["id"])
    if application is None:
        return translate("LettersPage", "Not attached to a repair application.")
    return translate("LettersPage", "For the repair of: {title} (applied {day})").format(
        title=application["record_title"], day=application["applied_on"])

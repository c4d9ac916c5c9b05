"""Dialogs of the records screens. Each collects input and submits one app/
function to the write worker; a refusal is shown inside the dialog, which
stays open so the official can correct it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from app import credit_policy as pol
from app.errors import UserError
from app.records import lists, measures, objections, records, repair
from app.subjects import resolve
from ui.identity_banner import IdentityBanner
from ui.operations import WriteOp


def _date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class SubmitDialog(QDialog):
    """A form with OK/Cancel whose OK runs ``work(db)`` on the worker."""

    def __init__(self, ctx, title: str, parent: QWidget | None = None,
                 on_saved: Callable[[Any], None] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.on_saved = on_saved
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("dialog-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.result_value: Any = None

    def work(self, db) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def submit(self) -> None:
        self.error.hide()
        try:
            self.prepare()
        except UserError as exc:
            self._refused(str(exc))
            return
        self.buttons.setEnabled(False)
        (WriteOp(self, self.work)
         .finally_(lambda: self.buttons.setEnabled(True))
         .success(self._done).failure(self._refused).run(self.ctx.ops))

    def prepare(self) -> None:
        """Read and check the form on the UI thread (raises UserError)."""

    def _done(self, result: Any) -> None:
        self.result_value = result
        if self.on_saved:
            self.on_saved(result)
        self.accept()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class RecordDialog(SubmitDialog):
    """A new credit record, with the 双公示 fields for licences and penalties."""

    def __init__(self, ctx, parent=None, on_saved=None, subject: str = ""):
        super().__init__(ctx, self.tr("New credit record"), parent, on_saved)
        self.policy = pol.load(ctx.ui_db)
        self.subject = QLineEdit(subject)
        self.subject.setPlaceholderText(self.tr("ID number of the head of household or USCC"))
        self.category = QComboBox()
        for category in self.policy["category"]:
            self.category.addItem(category["label"], category["id"])
        self.polarity = QComboBox()
        for key in pol.POLARITIES:
            self.polarity.addItem(pol.polarity_label(key), key)
        self.severity = QComboBox()
        self.severity.addItem("", None)
        for key in pol.SEVERITIES:
            self.severity.addItem(pol.severity_label(self.policy, key), key)
        self.months = QSpinBox()
        self.months.setRange(0, 60)
        self.months.setSpecialValueText(self.tr("default for the severity"))
        self.title = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(60)
        self.source = QLineEdit()
        self.document = QLineEdit()
        self.decision = _date_edit()
        for label, widget in ((self.tr("Subject"), self.subject),
                              (self.tr("Category"), self.category),
                              (self.tr("Polarity"), self.polarity),
                              (self.tr("Severity"), self.severity),
                              (self.tr("Publicity (months)"), self.months),
                              (self.tr("Title"), self.title),
                              (self.tr("Content"), self.content),
                              (self.tr("Source department"), self.source),
                              (self.tr("Decision document number"), self.document),
                              (self.tr("Decision date"), self.decision)):
            self.form.addRow(label, widget)
            if widget is self.subject:
                self.subject_status = IdentityBanner(ctx, self, name="subject-id-status")
                self.form.addRow("", self.subject_status.watch(self.subject))
                self.subject_status.set_text(subject)
        self.detail_edits: dict[str, QLineEdit] = {}
        self.category.currentIndexChanged.connect(self._category_changed)
        self._category_changed()

    def _category_changed(self) -> None:
        category = self.category.currentData()
        default = next((c["polarity"] for c in self.policy["category"] if c["id"] == category),
                       "neutral")
        self.polarity.setCurrentIndex(self.polarity.findData(default))
        for key in list(self.detail_edits):
            self.form.removeRow(self.detail_edits.pop(key))
        for key, _, required, kind in records.DETAIL_FIELDS.get(category, []):
            edit = QLineEdit()
            if kind == "date":
                edit.setPlaceholderText("YYYY-MM-DD")
            label = records.field_label(key) + (" *" if required else "")
            self.form.addRow(label, edit)
            self.detail_edits[key] = edit

    def prepare(self) -> None:
        self.data = {
            "subject_id": resolve(self.ctx.ui_db, self.subject.text()),
            "category": self.category.currentData(),
            "polarity": self.polarity.currentData(),
            "severity": self.severity.currentData(),
            "publicity_months": self.months.value() or None,
            "title": self.title.text(), "content": self.content.toPlainText(),
            "source_department": self.source.text(), "document_number": self.document.text(),
            "decision_date": _iso(self.decision),
            "details": {k: e.text() for k, e in self.detail_edits.items()},
        }

    def work(self, db):
        return records.create_record(db, self.ctx.operator_id, self.data)


class ListEntryDialog(SubmitDialog):
    def __init__(self, ctx, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Put on a list"), parent, on_saved)
        policy = pol.load(ctx.ui_db)
        self.kind = QComboBox()
        for kind in pol.LIST_KINDS:
            self.kind.addItem(pol.list_label(policy, kind), kind)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("18-character ID number or USCC"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("filled from the register if registered"))
        self.basis = QPlainTextEdit()
        self.basis.setFixedHeight(60)
        self.body = QLineEdit()
        self.document = QLineEdit()
        self.listed = _date_edit()
        self.until = QLineEdit()
        self.until.setPlaceholderText(self.tr("YYYY-MM-DD, empty if open-ended"))
        for label, widget in ((self.tr("List"), self.kind), (self.tr("ID number or USCC"),
                                                            self.number),
                              (self.tr("Name"), self.name), (self.tr("Basis"), self.basis),
                              (self.tr("Deciding body"), self.body),
                              (self.tr("Document number"), self.document),
                              (self.tr("Listed on"), self.listed),
                              (self.tr("Valid until"), self.until)):
            self.form.addRow(label, widget)
            if widget is self.number:
                self.number_status = IdentityBanner(ctx, self, name="entry-id-status")
                self.form.addRow("", self.number_status.watch(self.number))

    def work(self, db):
        return lists.add_entry(db, self.ctx.operator_id, {
            "list_kind": self.kind.currentData(), "id_number": self.number.text(),
            "name": self.name.text(), "basis": self.basis.toPlainText(),
            "deciding_body": self.body.text(), "document_number": self.document.text(),
            "listed_on": _iso(self.listed), "valid_until": self.until.text().strip() or None})


class RemoveEntryDialog(SubmitDialog):
    def __init__(self, ctx, entry: dict, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Remove from list"), parent, on_saved)
        self.entry = entry
        self.form.addRow(self.tr("Entry"), QLabel(f"{entry['label']} · {entry['name']}"))
        self.reason = QLineEdit()
        self.removed = _date_edit()
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Removed on"), self.removed)

    def work(self, db):
        return lists.remove_entry(db, self.ctx.operator_id, self.entry["id"],
                                  removed_on=_iso(self.removed), reason=self.reason.text())


class RepairDialog(SubmitDialog):
    def __init__(self, ctx, record: dict, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Credit repair application"), parent, on_saved)
        self.record = record
        self.form.addRow(self.tr("Record"), QLabel(f"{record.get('subject_name') or ''} · "
                                                   f"{record['title']}"))
        self.applicant = QLineEdit(record.get("subject_name") or "")
        self.evidence = QPlainTextEdit()
        self.evidence.setFixedHeight(60)
        self.commitment = QPlainTextEdit()
        self.commitment.setFixedHeight(60)
        self.applied = _date_edit()
        for label, widget in ((self.tr("Applicant"), self.applicant),
                              (self.tr("Evidence"), self.evidence),
                              (self.tr("Repair commitment"), self.commitment),
                              (self.tr("Applied on"), self.applied)):
            self.form.addRow(label, widget)

    def work(self, db):
        return repair.apply(db, self.ctx.operator_id, self.record["id"],
                            applicant=self.applicant.text(),
                            evidence=self.evidence.toPlainText(),
                            commitment=self.commitment.toPlainText(),
                            applied_on=_iso(self.applied))


class DecideRepairDialog(SubmitDialog):
    def __init__(self, ctx, application: dict, approve: bool, parent=None, on_saved=None):
        title = self.tr("Approve repair") if approve else self.tr("Reject repair")
        super().__init__(ctx, title, parent, on_saved)
        self.application, self.approve = application, approve
        self.form.addRow(self.tr("Application"), QLabel(
            f"{application['subject_name']} · {application['record_title']}"))
        self.form.addRow(self.tr("Evidence"), QLabel(application["evidence"]))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.form.addRow(self.tr("Reasons"), self.reason)

    def work(self, db):
        return repair.decide(db, self.ctx.operator_id, self.application["id"],
                             approve=self.approve, reason=self.reason.toPlainText())


class ObjectionDialog(SubmitDialog):
    def __init__(self, ctx, record: dict, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Objection to a record"), parent, on_saved)
        self.record = record
        self.form.addRow(self.tr("Record"), QLabel(f"{record.get('subject_name') or ''} · "
                                                   f"{record['title']}"))
        self.filed_by = QLineEdit(record.get("subject_name") or "")
        self.grounds = QPlainTextEdit()
        self.grounds.setFixedHeight(60)
        self.filed = _date_edit()
        for label, widget in ((self.tr("Raised by"), self.filed_by),
                              (self.tr("Grounds"), self.grounds),
                              (self.tr("Raised on"), self.filed)):
            self.form.addRow(label, widget)

    def work(self, db):
        return objections.file(db, self.ctx.operator_id, self.record["id"],
                               filed_by=self.filed_by.text(),
                               grounds=self.grounds.toPlainText(), filed_on=_iso(self.filed))


class AnswerObjectionDialog(SubmitDialog):
    def __init__(self, ctx, objection: dict, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Answer an objection"), parent, on_saved)
        self.objection = objection
        self.form.addRow(self.tr("Objection"), QLabel(
            f"{objection['subject_name']} · {objection['record_title']}"))
        self.form.addRow(self.tr("Grounds"), QLabel(objection["grounds"]))
        self.outcome = QComboBox()
        for key in objections.OUTCOMES:
            self.outcome.addItem(objections.outcome_label(key), key)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(60)
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(self.tr("only when corrected"))
        self.new_content = QLineEdit()
        self.new_content.setPlaceholderText(self.tr("only when corrected"))
        for label, widget in ((self.tr("Outcome"), self.outcome),
                              (self.tr("Reasons"), self.reason),
                              (self.tr("Corrected title"), self.new_title),
                              (self.tr("Corrected content"), self.new_content)):
            self.form.addRow(label, widget)

    def work(self, db):
        corrections = {"title": self.new_title.text().strip(),
                       "content": self.new_content.text().strip()}
        return objections.decide(db, self.ctx.operator_id, self.objection["id"],
                                 outcome=self.outcome.currentData(),
                                 reason=self.reason.toPlainText(), corrections=corrections)



class MeasureDialog(SubmitDialog):
    """Record that a joint reward or punishment measure was applied (联合奖惩 触发反馈)."""

    def __init__(self, ctx, status: dict, parent=None, on_saved=None):
        super().__init__(ctx, self.tr("Record a measure applied"), parent, on_saved)
        self.setObjectName("measure-dialog")
        self.status = status
        options = measures.applicable(status)
        names = "、".join(dict.fromkeys(e.get("name") or "" for _, e in options))
        lists = status["labels"] or [self.tr("legal representative of {organization}").format(
            organization="、".join(dict.fromkeys(e["as_legal_rep_of"] for _, e in options)))]
        self.form.addRow(self.tr("Subject"), QLabel(f"{names} · {status['number']} · "
                                                   f"{'、'.join(lists)}"))
        self.measure = QComboBox()
        self.measure.setObjectName("measure")
        for text, _ in options:
            self.measure.addItem(text, text)
        self.matter = QLineEdit()
        self.matter.setObjectName("matter")
        self.matter.setPlaceholderText(self.tr("e.g. 2026年耕地地力保护补贴发放"))
        self.department = QLineEdit()
        self.department.setObjectName("department")
        self.applied = _date_edit()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        for label, widget in ((self.tr("Measure"), self.measure),
                              (self.tr("Matter"), self.matter),
                              (self.tr("Department"), self.department),
                              (self.tr("Applied on"), self.applied),
                              (self.tr("Note"), self.note)):
            self.form.addRow(label, widget)

    def work(self, db):
        return measures.record_measure(
            db, self.ctx.operator_id, number=self.status["number"],
            measure=self.measure.currentData() or "", matter=self.matter.text(),
            applied_on=_iso(self.applied), department=self.department.text(),
            note=self.note.text())

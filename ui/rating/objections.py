"""Objections raised during the public notice, and their answers: upheld (back to
collection), corrected (new answers, rescored) or dismissed, each with the reason
given to the objector, signed with who and when (``app.rating.workflow``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app.rating import campaign as campaigns, workflow
from app.rating.statuses import status_label
from ui.operations import WriteOp
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.rating.page import RatingPage


def objections_model(parent=None) -> RowsTableModel:
    translate = QCoreApplication.translate
    return RowsTableModel.of([
        (translate("_ObjectionsModel", "Raised on"), lambda o: o["raised_on"]),
        (translate("_ObjectionsModel", "Village"), lambda o: o["village_name"] or ""),
        (translate("_ObjectionsModel", "Household"), lambda o: o["head_name"]),
        (translate("_ObjectionsModel", "Raised by"), lambda o: o["raised_by"]),
        (translate("_ObjectionsModel", "Objection"), lambda o: o["content"]),
        (translate("_ObjectionsModel", "Outcome"), lambda o: workflow.outcome_label(o["outcome"])),
        (translate("_ObjectionsModel", "Answered"), lambda o: (
            f"{o['answered_by_name'] or ''} {(o['resolved_at'] or '')[:10]}".strip())),
        (translate("_ObjectionsModel", "Answer"), lambda o: o["answer"] or ""),
        (translate("_ObjectionsModel", "Household is at"),
         lambda o: status_label(o["rating_status"])),
    ], parent)


class AnswerDialog(QDialog):
    """Outcome, reason and, for a correction, the household's answers to change."""

    def __init__(self, objection: dict[str, Any], scheme, answers: dict[str, Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer the objection about {name}").format(
            name=objection["head_name"]))
        form = QFormLayout(self)
        form.addRow(QLabel(f"{objection['raised_by']}：{objection['content']}"))
        self.outcome = QComboBox()
        for outcome in workflow.OUTCOMES:
            self.outcome.addItem(workflow.outcome_label(outcome), outcome)
        form.addRow(self.tr("Outcome"), self.outcome)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("the answer given to the objector"))
        form.addRow(self.tr("Reason"), self.reason)
        self.correction = QWidget()
        corr = QFormLayout(self.correction)
        corr.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, Any] = {}
        for indicator in scheme.manual_indicators:
            if indicator.options:
                box = QComboBox()
                box.addItem("", None)
                for option in indicator.options:
                    box.addItem(option.label, option.key)
                box.setCurrentIndex(max(0, box.findData(answers.get(indicator.key))))
            else:
                box = QLineEdit(str(answers.get(indicator.key, "")))
            self.fields[indicator.key] = box
            corr.addRow(indicator.name, box)
        for veto in scheme.vetoes:
            if veto.automatic:
                continue
            key = "veto:" + veto.key
            box = QCheckBox(veto.name)
            box.setChecked(bool(answers.get(key)))
            self.fields[key] = box
            corr.addRow("", box)
        form.addRow(self.correction)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _outcome_changed(self, *_):
        self.correction.setVisible(self.outcome.currentData() == "corrected")

    def answers(self) -> dict[str, Any] | None:
        if self.outcome.currentData() != "corrected":
            return None
        out: dict[str, Any] = {}
        for key, box in self.fields.items():
            if isinstance(box, QCheckBox):
                out[key] = box.isChecked()
            elif isinstance(box, QComboBox):
                out[key] = box.currentData()
            else:
                out[key] = box.text().strip()
        return out


class ObjectionsTab(QWidget):
    def __init__(self, page: "RatingPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Objections raised during the public notices. A household "
                                     "with an open objection waits before the township review.")),
                      1)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _: self.reload())
        top.addWidget(self.open_only)
        layout.addLayout(top)
        self.table = QTableView()
        self.model = objections_model(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.answer_button = QPushButton(self.tr("Answer the objection…"))
        self.answer_button.clicked.connect(self._answer_clicked)
        buttons.addWidget(self.answer_button)
        layout.addLayout(buttons)

    def reload(self) -> None:
        if not self.page.campaign:
            return
        self.model.set_rows(workflow.objections(self.page.ctx.ui_db, self.page.campaign["id"],
                                                open_only=self.open_only.isChecked()))
        self.table.resizeColumnsToContents()

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def answer(self, objection_id: str, outcome: str, reason: str,
               answers: dict[str, Any] | None = None) -> None:
        page = self.page

        def done(after):
            page.refresh_village()
            page.status.setText(self.tr("Objection answered: {outcome}; the household is now at "
                                        "'{status}'.").format(
                outcome=workflow.outcome_label(outcome), status=status_label(after["status"])))
        (WriteOp(self, workflow.resolve_objection, page.ctx.operator_id, objection_id,
                 outcome=outcome, answer=reason, answers=answers)
         .finally_(page.ended).success(done).failure(page.refused).run(page.ctx.ops))

    def _answer_clicked(self) -> None:
        objection = self.selected()
        if objection is None:
            self.page.refused(self.tr("Choose an objection in the list first."))
            return
        rating = campaigns.get_rating(self.page.ctx.ui_db, objection["rating_id"])
        dialog = AnswerDialog(objection, self.page.scheme, campaigns.answers_of(rating), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.answer(objection["id"], dialog.outcome.currentData(), dialog.reason.text(),
                        dialog.answers())

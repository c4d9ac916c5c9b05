"""The review queue: households flagged by new negative facts (overdue loans, negative
records, list entries, broken commitments) wait here until the township keeps,
downgrades or removes their grade (``app.rating.review_queue``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app.rating import review_queue, workflow
from ui.operations import WriteOp
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.rating.page import RatingPage


def flags_model(parent=None) -> RowsTableModel:
    translate = QCoreApplication.translate
    return RowsTableModel.of([
        (translate("_FlagsModel", "Date"), lambda f: f["raised_at"][:10]),
        (translate("_FlagsModel", "Village"), lambda f: f["village_name"] or ""),
        (translate("_FlagsModel", "Household"), lambda f: f["head_name"] or ""),
        (translate("_FlagsModel", "Grade"), lambda f: f["grade"] or "—"),
        (translate("_FlagsModel", "Source"), lambda f: f["source_label"]),
        (translate("_FlagsModel", "What happened"), lambda f: f["reason"]),
    ], parent)


class ReviewQueueTab(QWidget):
    def __init__(self, page: "RatingPage"):
        super().__init__(page)
        self.page = page
        rev = QVBoxLayout(self)
        rev.addWidget(QLabel(self.tr("Households flagged by new negative facts (overdue loans, "
                                     "negative records, list entries, broken commitments) wait "
                                     "here for review: keep, downgrade or remove the grade.")))
        self.flags_table = QTableView()
        self.flags_model = flags_model(self)
        self.flags_table.setModel(self.flags_model)
        self.flags_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flags_table.horizontalHeader().setStretchLastSection(True)
        rev.addWidget(self.flags_table, 1)
        flag_buttons = QHBoxLayout()
        flag_buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for action, text in (("keep", self.tr("Keep the grade")),
                             ("downgrade", self.tr("Downgrade…")),
                             ("remove", self.tr("Remove (摘牌)…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: self._resolve_flag_clicked(a))
            flag_buttons.addWidget(button)
            self.buttons[action] = button
        rev.addLayout(flag_buttons)

    def reload(self) -> None:
        self.flags_model.set_rows(review_queue.open_flags(self.page.ctx.ui_db))
        self.flags_table.resizeColumnsToContents()

    def selected(self):
        index = self.flags_table.currentIndex()
        return self.flags_model.rows[index.row()] if index.isValid() else None

    def resolve(self, flag_id: str, action: str, reason: str = "",
                grade: str | None = None) -> None:
        page = self.page
        (WriteOp(self, review_queue.resolve_flag, page.ctx.operator_id, flag_id,
                 action=action, reason=reason, grade=grade)
         .finally_(page.ended).success(page.refresh_village).failure(page.refused)
         .run(page.ctx.ops))

    def _resolve_flag_clicked(self, action: str) -> None:
        flag = self.selected()
        if flag is None:
            self.page.refused(self.tr("Choose a household in the review queue first."))
            return
        grade = None
        reason = ""
        if action == "downgrade":
            if not flag["rating_id"]:
                self.page.refused(self.tr("{name} holds no credit grade to downgrade.").format(
                    name=flag["head_name"]))
                return
            grades = workflow.lower_grades(self.page.ctx.ui_db, flag["rating_id"])
            grade, ok = QInputDialog.getItem(self, self.tr("Downgrade"), self.tr(
                "New grade for {name}").format(name=flag["head_name"]), grades, 0, False)
            if not ok:
                return
        if action != "keep":
            reason, ok = QInputDialog.getText(self, self.tr("Reason"), self.tr("Reason"),
                                              text=flag["reason"])
            if not ok:
                return
        self.resolve(flag["id"], action, reason, grade)

"""The review queue: households flagged by new negative facts wait here until the
township keeps or removes their grade (``app.rating.review_queue``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from app.rating import review_queue
from ui.operations import WriteOp
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.rating.page import RatingPage


def flags_model(parent=None) -> RowsTableModel:
    translate = QCoreApplication.translate
    return RowsTableModel.of([
        (translate("_FlagsModel", "Date"), lambda f: f["raised_at"][:10]),
        (translate("_FlagsModel", "Household"), lambda f: f["head_name"] or ""),
        (translate("_FlagsModel", "Source"), lambda f: f["source"]),
        (translate("_FlagsModel", "Reason"), lambda f: f["reason"]),
    ], parent)


class ReviewQueueTab(QWidget):
    def __init__(self, page: "RatingPage"):
        super().__init__(page)
        self.page = page
        rev = QVBoxLayout(self)
        rev.addWidget(QLabel(self.tr("Households flagged by new negative facts (overdue loans, "
                                     "list entries, broken promises) wait here for review.")))
        self.flags_table = QTableView()
        self.flags_model = flags_model(self)
        self.flags_table.setModel(self.flags_model)
        self.flags_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flags_table.horizontalHeader().setStretchLastSection(True)
        rev.addWidget(self.flags_table, 1)
        flag_buttons = QHBoxLayout()
        flag_buttons.addStretch(1)
        for action, text in (("keep", self.tr("Keep the grade")), ("remove", self.tr("Remove (摘牌)"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: self._resolve_flag_clicked(a))
            flag_buttons.addWidget(button)
        rev.addLayout(flag_buttons)

    def reload(self) -> None:
        self.flags_model.set_rows(review_queue.open_flags(self.page.ctx.ui_db))

    def _resolve_flag_clicked(self, action: str) -> None:
        index = self.flags_table.currentIndex()
        if not index.isValid():
            return
        page, flag = self.page, self.flags_model.rows[index.row()]
        (WriteOp(self, review_queue.resolve_flag, page.ctx.operator_id, flag["id"],
                 action=action)
         .finally_(page.ended).success(page.refresh_village).failure(page.refused)
         .run(page.ctx.ops))

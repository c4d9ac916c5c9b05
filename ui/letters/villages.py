"""The "villages" tab: letters per village (out, signed, kept, broken, void);
a double click opens the village's letters still out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout,
                               QWidget)

from app.letters import collection
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.letters.page import LettersPage

translate = QCoreApplication.translate


def _count(key: str):
    return lambda r: r[key] or 0


class VillagesTab(QWidget):
    def __init__(self, page: "LettersPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "LettersPage", "Letters per village: still out in the village, signed, kept, broken.")))
        self.model = RowsTableModel.of([
            (translate("LettersPage", "Village"), lambda r: f"{r['name']}（{r['code']}）"),
            (translate("LettersPage", "Letters"), _count("letters")),
            (translate("LettersPage", "Still out"), _count("outstanding")),
            (translate("LettersPage", "Signed"), _count("signed")),
            (translate("LettersPage", "Kept"), _count("kept")),
            (translate("LettersPage", "Broken"), _count("broken")),
            (translate("LettersPage", "Void"), _count("void")),
        ], self)
        self.model.right_aligned = {1, 2, 3, 4, 5, 6}
        self.overview = QTableView()
        self.overview.setModel(self.model)
        self.overview.verticalHeader().setVisible(False)
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.overview.doubleClicked.connect(self._open_village)
        layout.addWidget(self.overview)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(collection.village_summary(self.page.ctx.ui_db))

    def _open_village(self, index) -> None:
        self.page.collect.select_village(self.model.row(index.row())["village_id"])
        self.page.collect.only_outstanding.setChecked(True)
        self.page.tabs.setCurrentIndex(0)

"""A read-only table model over rows (dicts) that an app/ query returned.

The records screens show bounded lists (newest first, a few hundred rows,
narrowed with filters), so the rows are held; the query log pages backwards
with "load more" instead of loading everything.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Column = tuple[str, Callable[[dict[str, Any]], Any]]

WARN = QBrush(QColor("#fff4d6"))
ALERT = QBrush(QColor("#fde2e1"))

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None,
                 tone: Callable[[dict[str, Any]], str | None] | None = None):
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict[str, Any]] = []
        self._tone = tone
        self._views: list = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.fit()

    def fit(self, sample: int = 60, widest: int = 280) -> None:
        """Size the views' columns to the first rows (cheap), capped."""
        for view in self._views:
            header = view.horizontalHeader()
            metrics = view.fontMetrics()
            for column, (title, get) in enumerate(self._columns):
                texts = [title] + [str(get(r) or "") for r in self._rows[:sample]]
                width = max(metrics.horizontalAdvance(t) for t in texts) + 18
                header.resizeSection(column, min(width, widest))

    def attach(self, view) -> None:
        self._views.append(view)

    def append_rows(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows += rows
        self.endInsertRows()

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and self._tone:
            tone = self._tone(row)
            return ALERT if tone == "alert" else WARN if tone == "warn" else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

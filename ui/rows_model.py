"""A small table model over rows held in memory: one function per column.

For bounded lists on a page (a mapping, a preview, sync batches), not for the
register's lists, which are lazy (``ui.list_model``). One column may be made
editable; ``colour`` gives a row's text colour per column.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor


class RowsTableModel(QAbstractTableModel):
    """Rows plus one function per column; one column may be editable through a combo."""

    def __init__(self, headers: list[str], cells: list[Callable[[Any], Any]] | None = None,
                 parent=None):
        super().__init__(parent)
        self.headers = headers
        self.cells = cells or []
        self.rows: list[Any] = []
        self.edit_column: int | None = None
        self.options: Callable[[Any], list[tuple[str, Any]]] | None = None
        self.on_edit: Callable[[Any, Any], None] | None = None
        self.colour: Callable[[Any, int], QColor | None] | None = None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.headers) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.EditRole):
            value = self.cells[index.column()](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self.colour:
            return self.colour(row, index.column())
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.edit_column:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if index.isValid() and index.column() == self.edit_column and self.on_edit:
            self.on_edit(self.rows[index.row()], value)
            self.refresh()
            return True
        return False

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

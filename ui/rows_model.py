"""The one table model over rows held in memory: a header and a function per column.

For bounded lists on a page — a village's ratings or letters, a mapping, a
preview, sync batches, the records screens (a few hundred rows, narrowed with
filters; the query log pages backwards with ``append_rows``). The register's
own lists are lazy over ids instead (``ui.list_model``).

A page sets what it needs: ``colour(row, column)`` for a cell's text colour,
``background(row)`` for a row's, ``right_aligned`` columns (numbers),
``row_numbers`` for a numbered vertical header, and one column editable through
a combo (``edit_column``, ``options``, ``on_edit``).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Column = tuple[str, Callable[[Any], Any]]

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
        self.background: Callable[[Any], QBrush | None] | None = None
        self.right_aligned: set[int] = set()
        self.row_numbers = False

    @classmethod
    def of(cls, columns: list[Column], parent=None) -> "RowsTableModel":
        """From (header, cell function) pairs."""
        return cls([title for title, _ in columns], [cell for _, cell in columns], parent)

    # -- rows
    def set_rows(self, rows: list[Any], headers: list[str] | None = None,
                 cells: list[Callable[[Any], Any]] | None = None) -> None:
        """Show ``rows``; ``headers`` and ``cells`` when the columns change with them."""
        self.beginResetModel()
        self.rows = list(rows)
        if headers is not None:
            self.headers = headers
        if cells is not None:
            self.cells = cells
        self.endResetModel()

    def append_rows(self, rows: list[Any]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows += rows
        self.endInsertRows()

    def row(self, number: int) -> Any:
        return self.rows[number]

    def row_changed(self, number: int) -> None:
        """Show row ``number`` again after its dict was updated in place."""
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.headers) - 1))

    def refresh(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.headers) - 1))

    # -- Qt model interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.EditRole):
            value = self.cells[index.column()](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self.colour:
            return self.colour(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and self.background:
            return self.background(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return _RIGHT
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.edit_column:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == self.edit_column and self.on_edit:
            self.on_edit(self.rows[index.row()], value)
            self.refresh()
            return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1) if self.row_numbers else None

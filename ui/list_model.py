"""Lazy table models over the register's ids.

The model holds only the ids of what is shown (an ``array`` of ints: 8 MB
for a million households) and fetches rows a block at a time as the view
asks for them, keeping a small cache of blocks (Anki's browser table does
the same). Queries live in ``app.subject_lists``; this file only adapts them.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)

from app import subject_lists
from app.identity import sex_label
from app.privacy import mask_id_number, mask_phone
from app.register import kind_label
from app.units import format_mu, format_yuan
from ui.operations import BackgroundOp, Operations

BLOCK = 64
CACHED_BLOCKS = 64
FIRST_ROWS = 2000  # read at once; the rest of a long list arrives from the background lane

log = logging.getLogger("credit_desk.ui")

_Index = QModelIndex | QPersistentModelIndex


class SubjectListModel(QAbstractTableModel):
    """Rows of households or organizations for a ``QTableView``."""

    loading_changed = Signal(bool)

    def __init__(self, db, columns: list[subject_lists.Column],
                 ids_fn: Callable[..., array], rows_fn: Callable[[Any, list[int]], dict],
                 parent=None, ops: Operations | None = None):
        super().__init__(parent)
        self._db = db
        self._ops = ops  # the background lane loads long lists; None: load inline
        self._generation = 0
        self.loading = False
        self._columns = columns
        self._ids_fn = ids_fn
        self._rows_fn = rows_fn
        self._ids: array = array("q")
        self._blocks: OrderedDict[int, dict[int, dict]] = OrderedDict()
        self._filter = subject_lists.Filter()
        self._sort = 0
        self._descending = False
        self.reveal = False
        self.fetches = 0  # blocks read from the database (benchmarks, tests)

    # -- what is shown
    @property
    def filter(self) -> subject_lists.Filter:
        return self._filter

    def set_filter(self, flt: subject_lists.Filter) -> None:
        self._filter = flt
        self.reload()

    def set_reveal(self, reveal: bool) -> None:
        self.reveal = reveal
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self._columns) - 1))

    def reload(self) -> None:
        """Ask for the ids again (after a filter, a sort or a saved change).

        When the order comes from an index (or the list is filtered) the first
        rows are read at once; a long remainder, or an order SQLite must sort
        a whole table for, is read on the background lane so the window never
        waits on it.
        """
        self._generation += 1
        sort = self._sort
        if self._filter.query.strip() and sort == 0 and not self._descending:
            sort = -1  # searching: best matches first, the name order otherwise
        quick = (self._ops is None or bool(self._filter.query.strip())
                 or self._filter.place_level in ("village", "village_group")
                 or sort < 0 or self._columns[sort].indexed)
        if quick:
            limit = None if self._ops is None else FIRST_ROWS
            ids = self._ids_fn(self._db, self._filter, sort=sort, descending=self._descending,
                               limit=limit)
            self._set_ids(ids)
            if limit is None or len(ids) < limit:
                self._set_loading(False)
                return
        self._set_loading(True)
        self._start_loader(self._generation, self._filter, sort, self._descending)

    def _set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _start_loader(self, generation: int, flt, sort: int, descending: bool) -> None:
        def load(db):
            if generation != self._generation:
                return None  # a newer filter or sort was asked for before this ran
            return self._ids_fn(db, flt, sort=sort, descending=descending)

        def failed(message: str) -> None:
            log.warning("loading the list failed: %s", message)  # it keeps its first rows
            self._set_loading(False)

        (BackgroundOp(self, load)
         .success(lambda ids: self._loaded(generation, ids))
         .failure(failed)
         .run(self._ops))

    def _loaded(self, generation: int, ids) -> None:
        if generation != self._generation:
            return  # a newer filter or sort was asked for meanwhile
        if ids is not None:
            old = len(self._ids)
            if old and len(ids) > old and ids[:old] == self._ids:
                self.beginInsertRows(QModelIndex(), old, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
            else:
                self._set_ids(ids)
        self._set_loading(False)

    def wait_loaded(self, timeout: float = 30.0) -> None:
        """Block until background loads arrive (tests, benchmarks, screenshots)."""
        if self._ops is not None:
            self._ops.background.wait_idle(timeout)
            QCoreApplication.sendPostedEvents()

    def shutdown(self) -> None:
        self._generation += 1  # a load still queued is skipped

    def sid_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_at(self, row: int) -> dict | None:
        sid = self.sid_at(row)
        if sid is None:
            return None
        return self._block(row // BLOCK).get(sid)

    def subject_id_at(self, row: int) -> str | None:
        record = self.row_at(row)
        return record["id"] if record else None

    def row_of_sid(self, sid: int) -> int:
        try:
            return self._ids.index(sid)
        except ValueError:
            return -1

    def _block(self, number: int) -> dict[int, dict]:
        block = self._blocks.get(number)
        if block is not None:
            self._blocks.move_to_end(number)
            return block
        start = number * BLOCK
        block = self._rows_fn(self._db, self._ids[start:start + BLOCK].tolist())
        self.fetches += 1
        self._blocks[number] = block
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    # -- Qt model interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].header
            return None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._columns[index.column()].kind in ("int", "money_fen", "area"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.row_at(index.row())
        if record is None:
            return None  # deleted since the ids were read
        column = self._columns[index.column()]
        return self._format(column, record.get(column.key))

    def _format(self, column: subject_lists.Column, value: Any) -> str:
        if value is None:
            return ""
        kind = column.kind
        if kind == "id_number":
            return value if self.reveal else mask_id_number(value)
        if kind == "phone":
            return value if self.reveal else mask_phone(value)
        if kind == "money_fen":
            return format_yuan(value)
        if kind == "area":
            return format_mu(value)
        if kind == "sex":
            return sex_label(value)
        if kind == "kind":
            return kind_label(value)
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)) or not self._columns[column].order_by:
            return
        self._sort = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def household_model(db, parent=None, ops=None) -> SubjectListModel:
    return SubjectListModel(db, subject_lists.household_columns(), subject_lists.household_ids,
                            subject_lists.household_rows, parent, ops)


def organization_model(db, parent=None, ops=None) -> SubjectListModel:
    return SubjectListModel(db, subject_lists.organization_columns(),
                            subject_lists.organization_ids, subject_lists.organization_rows,
                            parent, ops)

"""The policy screen: the credit policy in force, where each value came from
(shipped, local or the county's version and its effective date), the history
of versions, and the open deadlines with the version each runs under."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from app.records import policy as policy_view
from app.units import local_time
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.records.page import RecordsPage


def _table(model: RowsTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PolicyTab(QWidget):
    """Read when the records page refreshes; writes nothing."""

    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        translate = QCoreApplication.translate
        layout = QVBoxLayout(self)
        self.in_force = QLabel()
        self.in_force.setWordWrap(True)
        self.in_force.setObjectName("policy-in-force")
        layout.addWidget(self.in_force)
        split = QSplitter(Qt.Orientation.Vertical)
        self.values_model = RowsTableModel.of([
            (translate("PolicyTab", "Setting"), lambda r: r["label"]),
            (translate("PolicyTab", "Value"), lambda r: r["shown"]),
            (translate("PolicyTab", "From"), lambda r: r["from"]),
        ], self)
        self.values_model.colour = lambda r, column: (
            QColor("#0f5fa8") if column == 2 and r["source"] == "county" else None)
        self.history_model = RowsTableModel.of([
            (translate("PolicyTab", "Version"),
             lambda r: policy_view.source_label({**r, "effective_from": r["effective_from"]})),
            (translate("PolicyTab", "State"), lambda r: policy_view.state_label(r["state"])),
            (translate("PolicyTab", "Received"), lambda r: local_time(r["received_at"])
             if r["source"] == "local_edit" else (r["received_at"] or "")[:10]),
            (translate("PolicyTab", "What it changes"),
             lambda r: policy_view.changes_text(r["changes"]) or r.get("note") or ""),
        ], self)
        self.deadlines_model = RowsTableModel.of([
            (translate("PolicyTab", "Deadline"), lambda r: r["kind_label"]),
            (translate("PolicyTab", "Subject or village"), lambda r: r["subject"] or ""),
            (translate("PolicyTab", "Set on"), lambda r: r["set_on"]),
            (translate("PolicyTab", "Due"), lambda r: r["due"] or ""),
            (translate("PolicyTab", "Runs under"), lambda r: r["version_label"]),
        ], self)
        for title, model in ((self.tr("Values in force"), self.values_model),
                             (self.tr("Versions"), self.history_model),
                             (self.tr("Open deadlines keep the version they were set under"),
                              self.deadlines_model)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>"))
            inner.addWidget(_table(model))
            split.addWidget(box)
        layout.addWidget(split, 1)
        self.by_version = QLabel()
        self.by_version.setWordWrap(True)
        layout.addWidget(self.by_version)

    def reload(self) -> None:
        shown = policy_view.view(self.page.ctx.ui_db)
        self.in_force.setText(self.tr("Credit policy in force: {version}.").format(
            version=shown["in_force"]["text"]))
        self.values_model.set_rows(shown["values"])
        self.history_model.set_rows(shown["history"])
        self.deadlines_model.set_rows(shown["deadlines"])
        self.by_version.setText(self.tr("Open deadlines by version: {counts}").format(
            counts="；".join(f"{label} {n}" for label, n in shown["deadlines_by_version"].items())
            or self.tr("none")))

"""Results of the campaign: the township's verdict, credit share per village as a
chart, the summary table, and the summary exported as PDF or Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from app.rating import organizations, printouts, supervision, verdicts
from app.rating.statuses import status_label
from app.register import kind_label
from ui.charts import VillageBars
from ui.operations import BackgroundOp
from ui.rating.scoring import VETO_COLOUR
from ui.rows_model import RowsTableModel

if TYPE_CHECKING:
    from ui.rating.page import RatingPage


def summary_columns(grades: list[str]) -> tuple[list[str], list]:
    """Headers and cell functions of the summary table: one column per grade."""
    translate = QCoreApplication.translate
    columns = [
        (translate("SummaryModel", "Village"), lambda v: v["village_name"]),
        (translate("SummaryModel", "Households"), lambda v: v["households"]),
        (translate("SummaryModel", "Rated"), lambda v: v["rated"]),
        *[(g, lambda v, g=g: v["grades"].get(g, 0)) for g in grades],
        (translate("SummaryModel", "Vetoed"), lambda v: v["vetoed"]),
        (translate("SummaryModel", "Credit share"), lambda v: f"{v['credit_share'] * 100:.2f}%"),
        (translate("SummaryModel", "On-time"), lambda v: f"{v['on_time_rate'] * 100:.2f}%"),
        (translate("SummaryModel", "NPL"), lambda v: f"{v['npl_ratio'] * 100:.2f}%"),
        (translate("SummaryModel", "Credit village"),
         lambda v: translate("SummaryModel", "yes") if v["is_credit_village"]
         else translate("SummaryModel", "no")),
    ]
    return [title for title, _ in columns], [cell for _, cell in columns]


def _credit_village_colour(model: RowsTableModel):
    def colour(village, column):
        if column != len(model.headers) - 1:
            return None
        return QColor("#1b7f3b") if village["is_credit_village"] else QColor("#a05a00")
    return colour


def organization_columns(policy: supervision.Policy) -> list[tuple[str, Any]]:
    """The organizations table: result and supervision class (分级分类监管)."""
    translate = QCoreApplication.translate

    def result(r):
        if not r["complete"]:
            return translate("OrganizationResults", "unfinished")
        if r["veto"]:
            return translate("OrganizationResults", "vetoed: {reason}").format(reason=r["veto"])
        if r["status"] == "removed":
            return translate("OrganizationResults", "removed")
        return r["grade"] or translate("OrganizationResults", "below A")

    return [
        (translate("OrganizationResults", "Organization"), lambda r: r["name"]),
        (translate("OrganizationResults", "Kind"), lambda r: kind_label(r["kind"])),
        (translate("OrganizationResults", "Village"), lambda r: r["village_name"] or ""),
        (translate("OrganizationResults", "Score"), lambda r: f"{r['score']:g}"),
        (translate("OrganizationResults", "Grade"), result),
        (translate("OrganizationResults", "Supervision class"),
         lambda r: supervision.class_label(policy, r["supervision_class"])),
        (translate("OrganizationResults", "Step"), lambda r: status_label(r["status"])),
    ]


CLASS_COLOURS = {"A": "#1b7f3b", "B": "#2a5db0", "C": "#a05a00", "D": VETO_COLOUR}


class ResultsTab(QWidget):
    """The campaign's results, read when the tab is shown."""

    def __init__(self, page: "RatingPage"):
        super().__init__(page)
        self.page = page
        res = QVBoxLayout(self)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        res.addWidget(self.verdict)
        self.chart = VillageBars()
        res.addWidget(self.chart, 2)
        self.summary_model = RowsTableModel(*summary_columns([]), parent=self)
        self.summary_model.colour = _credit_village_colour(self.summary_model)
        self.summary_table = QTableView()
        self.summary_table.setModel(self.summary_model)
        self.summary_table.verticalHeader().setVisible(False)
        self.summary_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.summary_table.horizontalHeader().setStretchLastSection(True)
        res.addWidget(self.summary_table, 3)
        self.org_title = QLabel()
        self.org_title.setWordWrap(True)
        res.addWidget(self.org_title)
        self.org_model = RowsTableModel.of(organization_columns(supervision.load(None)), self)
        self.org_model.colour = lambda r, column: (QColor(CLASS_COLOURS.get(
            r["supervision_class"] or "", "#555555")) if column == 5 else None)
        self.org_table = QTableView()
        self.org_table.setModel(self.org_model)
        self.org_table.verticalHeader().setVisible(False)
        self.org_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.org_table.horizontalHeader().setStretchLastSection(True)
        res.addWidget(self.org_table, 2)
        self.measures = QLabel()
        self.measures.setWordWrap(True)
        self.measures.setStyleSheet("color: #444;")
        res.addWidget(self.measures)
        exports = QHBoxLayout()
        exports.addStretch(1)
        for kind, text in (("pdf", self.tr("Summary as PDF…")), ("xlsx", self.tr("Summary as Excel…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self._export_clicked(k))
            exports.addWidget(button)
        res.addLayout(exports)

    def reload(self) -> None:
        page = self.page
        summary = verdicts.summary(page.ctx.ui_db, page.campaign["id"])
        grades = [g.grade for g in page.scheme.grades]
        self.summary_model.set_rows(summary["villages"], *summary_columns(grades))
        self.chart.set_data(summary["villages"], float(page.scheme.village["min_credit_share"]))
        t = summary["township"]
        self.verdict.setText(self.tr(
            "{township}: {credit} of {n} villages are credit villages; credit households "
            "{share}; on-time repayment {on_time}; NPL {npl}. Credit township: {verdict}.").format(
            township=t["township_name"] or "", credit=t["credit_villages"], n=t["villages"],
            share=f"{t['credit_share'] * 100:.2f}%", on_time=f"{t['on_time_rate'] * 100:.2f}%",
            npl=f"{t['npl_ratio'] * 100:.2f}%",
            verdict=self.tr("yes") if t["is_credit_township"] else self.tr("not yet")))
        self._show_organizations(summary["organizations"])

    def _show_organizations(self, orgs: dict[str, Any]) -> None:
        shown = orgs["rated_in_campaign"]
        for widget in (self.org_title, self.org_table, self.measures):
            widget.setVisible(shown)
        if not shown:
            return
        policy = supervision.load(self.page.ctx.ui_db)
        rows = organizations.rows(self.page.ctx.ui_db, self.page.campaign["id"], policy=policy)
        headers = organization_columns(policy)
        self.org_model.set_rows(rows, [h for h, _ in headers], [c for _, c in headers])
        self.org_title.setText(self.tr(
            "New agricultural operators: {n} in the campaign, {rated} rated. Grades {grades}. "
            "Supervision classes {classes}.").format(
            n=orgs["organizations"], rated=orgs["rated"],
            grades="、".join(f"{g} {n}" for g, n in orgs["grades"].items()),
            classes="、".join(f"{c} {n}" for c, n in orgs["classes"].items())))
        self.measures.setText("\n".join(
            f"{c.code} {c.label}：{'；'.join(c.measures)}" for c in policy.classes))

    def export_summary(self, path: str, kind: str) -> None:
        page = self.page
        fn = printouts.summary_pdf if kind == "pdf" else printouts.summary_xlsx
        (BackgroundOp(self, fn, page.ctx.operator_id, page.campaign["id"], path)
         .finally_(page.ended).failure(page.refused)
         .success(lambda p: page.status.setText(self.tr("Saved to {path}").format(path=p)))
         .run(page.ctx.ops))

    def _export_clicked(self, kind: str) -> None:
        suffix = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the summary"),
                                              f"{self.page.campaign['name']}汇总.{kind}", suffix)
        if path:
            self.export_summary(path, kind)

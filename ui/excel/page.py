"""The Excel page: the import wizard, exports and blank templates.

Import: choose a file -> confirm the column mapping (found automatically,
remembered per header) -> dry run with the duplicates and rejects listed,
a choice per duplicate -> import in one transaction with progress and cancel
-> open the validation report. Everything slow is an operation
(``ui.operations``): reading a workbook, the dry run, exports and templates
on the background lane, the import itself on the write lane; the page only
adapts progress, cancel and results.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QProgressBar, QPushButton, QStyledItemDelegate,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.excel import importer, roster_places
from app.excel.exports import KINDS, export
from app.excel.mapping import KIND_FIELDS, kind_label
from app.excel.templates import write_template
from ui.operations import BackgroundOp, Op, WriteOp
from ui.rows_model import RowsTableModel

CHOICES = ("skip", "update", "keep")


class _ComboDelegate(QStyledItemDelegate):
    """Edits the model's editable column with a combo of (label, value) options."""

    def createEditor(self, parent, option, index):  # noqa: N802
        model = index.model()
        combo = QComboBox(parent)
        for label, value in model.options(model.rows[index.row()]):
            combo.addItem(label, value)
        combo.activated.connect(lambda _=None, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        text = index.model().data(index)
        found = editor.findText(text)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ExcelPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan: importer.ImportPlan | None = None
        self.outcome: importer.Outcome | None = None
        self.choices: dict[str, str] = {}
        self.result: dict[str, Any] | None = None
        self._job = None
        tabs = QTabWidget(self)
        tabs.addTab(self._import_tab(), self.tr("Import"))
        tabs.addTab(self._export_tab(), self.tr("Export and templates"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.tabs = tabs
        self._update_buttons()

    # ------------------------------------------------------------ layout
    def _import_tab(self) -> QWidget:
        tab = QWidget()
        top = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose a workbook…"))
        self.choose_button.clicked.connect(self._choose_file)
        self.file_label = QLabel(self.tr("No file chosen. .xlsx, .xls and .ods can be imported."))
        self.village = QComboBox()
        self.village.setObjectName("village")
        self.reload_villages()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.village)

        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self._mapping_box(), 3)
        layout.addWidget(self._preview_box(), 4)
        layout.addWidget(self._run_box())
        return tab

    def reload_villages(self) -> None:
        """The villages to choose from (places are added on the same first day)."""
        current = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("Village: from the roster (column, title, sheet or file "
                                     "name)"), None)
        for vid, name in self.ctx.ui_db.execute(
                "SELECT id, name FROM place WHERE level = 'village' AND retired_at IS NULL "
                "ORDER BY name_sort, code"):
            self.village.addItem(self.tr("All rows in {village}").replace("{village}", name), vid)
        self.village.setCurrentIndex(max(0, self.village.findData(current)))
        self.village.blockSignals(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.reload_villages()
        super().showEvent(event)

    def _chosen_village(self) -> None:
        if self.plan and self.village.currentData():
            self.plan.choose_village(self.ctx.ui_db, self.village.currentData())

    def _mapping_box(self) -> QGroupBox:
        """Step 1: the sheet and what each of its columns is imported as."""
        mapping_box = QGroupBox(self.tr("1. Check the columns"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(self._show_sheet)
        self.sheet_note = QLabel()
        self.sheet_note.setWordWrap(True)
        self.mapping_model = RowsTableModel(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("First value"),
             self.tr("Imported as")],
            [lambda c: _column_letter(c.index), lambda c: c.label, lambda c: c.sample,
             self._field_label])
        self.mapping_model.edit_column = 3
        self.mapping_model.options = self._field_options
        self.mapping_model.on_edit = self._set_field
        self.mapping_model.colour = lambda c, col: QColor("#888888") if not c.field else None
        self.mapping_view = QTableView()
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(3, _ComboDelegate(self.mapping_view))
        self.mapping_view.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        self.mapping_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.verticalHeader().setDefaultSectionSize(24)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sheet:")))
        row.addWidget(self.sheet_combo, 1)
        box = QVBoxLayout(mapping_box)
        box.addLayout(row)
        box.addWidget(self.sheet_note)
        box.addWidget(self.mapping_view)
        return mapping_box

    def _preview_box(self) -> QGroupBox:
        """Step 2: the dry run, its duplicates (a choice per row) and rejected rows."""
        preview_box = QGroupBox(self.tr("2. Dry run: what would happen"))
        self.preview_button = QPushButton(self.tr("Check every row (dry run)"))
        self.preview_button.clicked.connect(self.start_preview)
        self.summary = QLabel(self.tr("Nothing checked yet."))
        self.summary.setWordWrap(True)
        self.dup_model = RowsTableModel(
            [self.tr("Row"), self.tr("Name"), self.tr("Number"), self.tr("Duplicate of"),
             self.tr("Differs in"), self.tr("Action")],
            [lambda r: r.row, lambda r: r.name, lambda r: r.key if r.kind != "records" else "",
             self._duplicate_of, self._differences, self._choice_label])
        self.dup_model.edit_column = 5
        self.dup_model.options = lambda r: [(self._choice_text(c), c) for c in CHOICES]
        self.dup_model.on_edit = lambda r, value: self.choices.__setitem__(r.ref, value)
        self.dup_view = QTableView()
        self.dup_view.setModel(self.dup_model)
        self.dup_view.setItemDelegateForColumn(5, _ComboDelegate(self.dup_view))
        self.dup_view.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        self.dup_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.dup_view.verticalHeader().hide()
        self.dup_view.verticalHeader().setDefaultSectionSize(24)
        self.reject_model = RowsTableModel(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Name"), self.tr("Why it is rejected")],
            [lambda r: r.sheet, lambda r: r.row, lambda r: r.name,
             lambda r: "；".join(p.message for p in r.problems)])
        self.reject_model.colour = lambda r, col: QColor("#9C0006") if col == 3 else None
        self.reject_view = QTableView()
        self.reject_view.setModel(self.reject_model)
        self.reject_view.horizontalHeader().setStretchLastSection(True)
        self.reject_view.verticalHeader().hide()
        self.reject_view.verticalHeader().setDefaultSectionSize(24)
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(self.dup_view, self.tr("Duplicates"))
        self.result_tabs.addTab(self.reject_view, self.tr("Rejected rows"))
        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(self.tr("All duplicates:")))
        self.all_buttons = []
        for choice in CHOICES:
            button = QPushButton(self._choice_text(choice))
            button.clicked.connect(lambda _=False, c=choice: self.set_all_choices(c))
            all_row.addWidget(button)
            self.all_buttons.append(button)
        all_row.addStretch(1)
        box = QVBoxLayout(preview_box)
        head = QHBoxLayout()
        head.addWidget(self.preview_button)
        head.addWidget(self.summary, 1)
        box.addLayout(head)
        box.addLayout(all_row)
        box.addWidget(self.result_tabs)
        return preview_box

    def _run_box(self) -> QGroupBox:
        """Step 3: the import itself, with progress, cancel and the report."""
        run_box = QGroupBox(self.tr("3. Import"))
        self.import_button = QPushButton(self.tr("Import (all or nothing)"))
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Open the validation report"))
        self.report_button.clicked.connect(self.open_report)
        box = QVBoxLayout(run_box)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.report_button)
        box.addLayout(row)
        box.addWidget(self.message)
        return run_box

    def _export_tab(self) -> QWidget:
        tab = QWidget()
        export_box = QGroupBox(self.tr("Export a list to Excel"))
        self.export_kind = QComboBox()
        for kind in KINDS.values():
            self.export_kind.addItem(kind.label(), kind.name)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._choose_export)
        row = QHBoxLayout(export_box)
        row.addWidget(self.export_kind, 1)
        row.addWidget(self.export_button)
        template_box = QGroupBox(self.tr("Blank import template (with dropdowns)"))
        self.template_kind = QComboBox()
        for kind in KIND_FIELDS:
            self.template_kind.addItem(kind_label(kind), kind)
        self.template_button = QPushButton(self.tr("Save template…"))
        self.template_button.clicked.connect(self._choose_template)
        row = QHBoxLayout(template_box)
        row.addWidget(self.template_kind, 1)
        row.addWidget(self.template_button)
        self.export_message = QLabel(self.tr(
            "Exports have Chinese headers, a frozen header row and number formats; text is "
            "never turned into a formula. Every export is entered in the query and use log."))
        self.export_message.setWordWrap(True)
        self.export_progress = QProgressBar()
        layout = QVBoxLayout(tab)
        layout.addWidget(export_box)
        layout.addWidget(template_box)
        layout.addWidget(self.export_progress)
        layout.addWidget(self.export_message)
        layout.addStretch(1)
        return tab

    # ------------------------------------------------------------ labels
    def _sheet_plan(self):
        if not self.plan:
            return None
        index = self.sheet_combo.currentIndex()
        return self.plan.sheets[index] if 0 <= index < len(self.plan.sheets) else None

    def _fields(self):
        plan = self._sheet_plan()
        return KIND_FIELDS.get(plan.kind, []) if plan and plan.kind else []

    def _field_label(self, column) -> str:
        for field in self._fields():
            if field.key == column.field:
                return field.header
        return self.tr("(not imported)")

    def _field_options(self, column) -> list[tuple[str, Any]]:
        return [(self.tr("(not imported)"), None)] + [(f.header, f.key) for f in self._fields()]

    def _set_field(self, column, key) -> None:
        plan = self._sheet_plan()
        if plan:
            plan.set_field(column.index, key)
            sheet = next(s for s in self.plan.workbook.sheets if s.name == plan.sheet)
            importer.refresh(roster_places.PlaceFinder(self.ctx.ui_db), sheet, plan,
                             self.plan.path)
            self.outcome = None
            self._show_sheet_note(plan)
            self._update_buttons()

    def _choice_text(self, choice: str) -> str:
        return {"skip": self.tr("Skip"), "update": self.tr("Update fields"),
                "keep": self.tr("Keep existing, fill blanks")}[choice]

    def _choice_label(self, row) -> str:
        if row.action == "unchanged":
            return self.tr("Unchanged")
        return self._choice_text(self.choices.get(row.ref, "skip"))

    def _duplicate_of(self, row) -> str:
        if row.action == "duplicate_file":
            return self.tr("row {row} of this file").replace("{row}", str(row.first.row))
        return self.tr("the register")

    def _differences(self, row) -> str:
        if row.action == "duplicate_file":
            return ""
        if not row.differences:
            return self.tr("nothing")
        labels = {f.key: f.header for fields in KIND_FIELDS.values() for f in fields}
        labels.update({"village_id": "村", "group_id": "组", "land_area_centimu": "承包地面积",
                       "annual_income_fen": "家庭年收入", "assets_fen": "家庭资产",
                       "loan_balance_fen": "贷款余额", "overdue_fen": "逾期金额",
                       "registered_capital_fen": "注册资本", "members": "家庭成员"})
        return "、".join(labels.get(d, d) for d in row.differences)

    # ----------------------------------------------------------- actions
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a workbook"), "",
            self.tr("Spreadsheets (*.xlsx *.xls *.ods);;All files (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Read the workbook on the worker and show the mapping found."""
        self.plan = self.outcome = self.result = None
        self.choices = {}
        self.file_label.setText(str(path))
        self.message.setText(self.tr("Reading the workbook…"))
        self._start(BackgroundOp(self, importer.inspect, Path(path)), self._file_read)

    def _file_read(self, plan) -> None:
        self.plan = plan
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in plan.sheets:
            kind = kind_label(sheet.kind) if sheet.kind else self.tr("not imported")
            self.sheet_combo.addItem(f"{sheet.sheet} — {kind}")
        self.sheet_combo.blockSignals(False)
        first = next((i for i, s in enumerate(plan.sheets) if s.kind and s.visible), 0)
        self.sheet_combo.setCurrentIndex(first)
        self._show_sheet()
        self.message.setText(self.tr("Check the columns, then run the dry run."))
        self.dup_model.set_rows([])
        self.reject_model.set_rows([])
        self.summary.setText(self.tr("Nothing checked yet."))

    def _show_sheet(self, *_args) -> None:
        plan = self._sheet_plan()
        self.mapping_model.set_rows(plan.columns if plan else [])
        self._show_sheet_note(plan)
        self._update_buttons()

    def _show_sheet_note(self, plan) -> None:
        if plan is None:
            self.sheet_note.setText("")
            return
        parts = []
        if plan.kind and plan.header_rows:
            parts.append(self.tr("Header found in row {row}; data from row {first}.")
                         .replace("{row}", "–".join(str(r + 1) for r in plan.header_rows))
                         .replace("{first}", str(plan.first_data_row + 1)))
        if plan.remembered:
            parts.append(self.tr("Using the mapping you confirmed for this layout before."))
        missing = plan.missing_required()
        if missing:
            parts.append(self.tr("Still needed: {names}.").replace(
                "{names}", "、".join(f.header for f in missing)))
        elif plan.note:
            parts.append(plan.note)
        where = roster_places.describe(plan)
        if where:
            parts.append(self.tr("Place: {where}.").replace("{where}", where))
        if plan.place_note:
            parts.append(plan.place_note)
        for column in plan.unmapped:
            parts.append(self.tr("Column {column} ({header}) has data in {rows} rows but is not "
                                 "imported: map it, or leave it out on purpose.")
                         .replace("{column}", column["column"])
                         .replace("{header}", column["header"] or self.tr("no header"))
                         .replace("{rows}", str(column["rows_with_data"])))
        self.sheet_note.setText(" ".join(parts))

    def start_preview(self) -> None:
        if not self.plan:
            return
        self._chosen_village()
        self.message.setText(self.tr("Checking every row…"))
        self._start(BackgroundOp(self, importer.preview, self.plan), self._previewed)

    def _previewed(self, outcome) -> None:
        self.outcome = outcome
        summary = importer.summarise(outcome)
        self.summary.setText(self.tr(
            "New: {created}. Duplicates in the file: {file}. Already in the register: {register} "
            "({unchanged} unchanged). Rejected rows: {rejected}.")
            .replace("{created}", str(summary["created"]))
            .replace("{file}", str(summary["duplicates_in_file"]))
            .replace("{register}", str(summary["duplicates_in_register"]))
            .replace("{unchanged}", str(summary["unchanged"]))
            .replace("{rejected}", str(summary["rejected"])))
        unchanged = outcome.by_action("unchanged")
        if summary["unchanged"] > len(unchanged):   # a dry run lists only the first ones
            self.summary.setText(self.summary.text() + " " + self.tr(
                "The first {shown} unchanged rows are listed.").replace(
                "{shown}", str(len(unchanged))))
        self.dup_model.set_rows(outcome.duplicates + unchanged)
        self.reject_model.set_rows(outcome.rejects)
        if outcome.rejects and not outcome.duplicates:
            self.result_tabs.setCurrentIndex(1)
        if outcome.duplicates:
            self.message.setText(self.tr("Choose what to do with each duplicate, then import."))
        elif outcome.rejects:
            self.message.setText(self.tr("Rows that did not pass are not imported (see their "
                                         "tab; the validation report lists them too). The "
                                         "others can be imported."))
        else:
            self.message.setText(self.tr("Every row passed: ready to import."))
        self._update_buttons()

    def set_all_choices(self, choice: str) -> None:
        if self.outcome:
            for row in self.outcome.duplicates:
                self.choices[row.ref] = choice
            self.dup_model.refresh()

    def start_import(self) -> None:
        if not self.plan:
            return
        self._chosen_village()
        choices = dict(self.choices)
        self.message.setText(self.tr("Importing…"))
        self._start(WriteOp(self, importer.run, self.ctx.operator_id, self.plan, choices=choices),
                    self._imported)

    def _imported(self, result) -> None:
        self.result = result
        text = self.tr("Imported: {created} new, {updated} updated, {skipped} duplicates "
                       "skipped, {rejected} rows rejected.")
        text = (text.replace("{created}", str(result["created"]))
                .replace("{updated}", str(result["updated"]))
                .replace("{skipped}", str(result["skipped_duplicates"]))
                .replace("{rejected}", str(result["rejected"])))
        if result.get("report"):
            text += " " + self.tr("Fix the rejected rows in the validation report and import "
                                  "it again.")
        self.message.setText(text)
        self.outcome = None
        self._update_buttons()

    def open_report(self) -> None:
        if self.result and self.result.get("report"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result["report"]))

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _choose_export(self) -> None:
        kind = self.export_kind.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), f"{self.export_kind.currentText()}.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str | Path) -> None:
        self.export_message.setText(self.tr("Exporting…"))
        self._start(BackgroundOp(self, export, self.ctx.operator_id, kind, Path(path)),
                    lambda r: self.export_message.setText(
                      self.tr("{rows} rows written to {path}.").replace("{rows}", str(r["rows"]))
                      .replace("{path}", r["path"])), progress=self.export_progress)

    def _choose_template(self) -> None:
        kind = self.template_kind.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save template as"), f"{self.template_kind.currentText()}导入模板.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.template_to(kind, path)

    def template_to(self, kind: str, path: str | Path) -> None:
        self._start(BackgroundOp(self, write_template, kind, Path(path)),
                    lambda p: self.export_message.setText(
                      self.tr("Template saved to {path}.").replace("{path}", str(p))),
                  progress=self.export_progress)

    # ------------------------------------------------------------ running
    def _start(self, op: Op, on_done, progress: QProgressBar | None = None) -> None:
        """Run ``op`` with a progress bar (the import's, or ``progress``) and cancel;
        a refusal is said on that bar's message line."""
        bar = progress or self.progress
        line = self.export_message if progress else self.message
        bar.setRange(0, 0)

        def ended():
            self._job = None
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setFormat("%p%")   # the step's message belongs to the job that ended
            self._update_buttons()

        def done(result):
            bar.setValue(1)
            on_done(result)
            self._update_buttons()

        def step(done_count, total, message):
            if total:
                bar.setRange(0, total)
                bar.setValue(min(done_count, total))
            bar.setFormat(f"{message} %p%" if message else "%p%")

        self._job = (op.finally_(ended).success(done).failure(line.setText)
                     .cancelled(lambda: self.message.setText(
                         self.tr("Cancelled; nothing was changed.")))
                     .progress(step).run(self.ctx.ops))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._job is not None
        ready = bool(self.plan and self.plan.active())
        self.choose_button.setEnabled(not busy)
        self.preview_button.setEnabled(ready and not busy)
        self.import_button.setEnabled(ready and not busy)
        self.cancel_button.setEnabled(busy)
        has_dups = bool(self.outcome and self.outcome.duplicates)
        for button in self.all_buttons:
            button.setEnabled(has_dups and not busy)
        self.report_button.setEnabled(bool(self.result and self.result.get("report")))
        self.export_button.setEnabled(not busy)
        self.template_button.setEnabled(not busy)


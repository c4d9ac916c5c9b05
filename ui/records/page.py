"""Credit information and reports: records, lists, repairs, objections,
credit reports and the query log.

The look-up bar on top answers at once, as an ID number or USCC is typed,
whether the subject is listed and which measures apply. Looking at a
subject's credit detail is logged with the purpose chosen there. The query
log tab only searches: there is no way here to change or delete an entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from app import credit_policy as pol, list_status, query_log
from app.units import local_time
from app.errors import UserError
from app.records import lists, objections, records, repair, report
from app.subjects import resolve, subject_info
from ui.records.policy_tab import PolicyTab
from ui.records.dialogs import (AnswerObjectionDialog, DecideRepairDialog, ListEntryDialog,
                                ObjectionDialog, RecordDialog, RemoveEntryDialog, RepairDialog)
from ui.operations import BackgroundOp, WriteOp
from ui.identity_banner import STYLES
from ui.rows_model import RowsTableModel


WARN = QBrush(QColor("#fff4d6"))
ALERT = QBrush(QColor("#fde2e1"))


def _rows_model(columns, parent, tone=None) -> RowsTableModel:
    """A numbered list whose rows ``tone`` may mark "warn" (pale yellow) or "alert" (pale red)."""
    model = RowsTableModel.of(columns, parent)
    model.row_numbers = True
    if tone is not None:
        model.background = lambda row: {"alert": ALERT, "warn": WARN}.get(tone(row))
    return model


def _fit(view: QTableView, sample: int = 60, widest: int = 280) -> None:
    """Size the columns to the first rows (cheap), capped."""
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    for column, (title, cell) in enumerate(zip(model.headers, model.cells)):
        texts = [title] + [str(cell(r) or "") for r in model.rows[:sample]]
        width = max(metrics.horizontalAdvance(t) for t in texts) + 18
        header.resizeSection(column, min(width, widest))


def _table(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    model.modelReset.connect(lambda: _fit(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(24)
    return view


def _selected(view: QTableView) -> dict[str, Any] | None:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return view.model().row(rows[0].row())


class LookupBar(QWidget):
    """Type an ID number or USCC: list status at once; open the credit detail."""

    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number = QLineEdit()
        self.number.setObjectName("records-lookup")
        self.number.setPlaceholderText(self.tr("Type an ID number or USCC to see list status"))
        self.number.setClearButtonEnabled(True)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(pol.load(page.ctx.ui_db)["report"].get("purposes", []))
        self.purpose.setToolTip(self.tr("Purpose of looking at the credit information "
                                        "(recorded in the query log)"))
        self.view_button = QPushButton(self.tr("View credit detail"))
        self.identity: dict | None = None
        self.status = QLabel()
        self.status.setObjectName("records-list-status")
        self.status.setWordWrap(True)
        layout.addWidget(QLabel(self.tr("Subject")))
        layout.addWidget(self.number, 2)
        layout.addWidget(QLabel(self.tr("Purpose")))
        layout.addWidget(self.purpose, 1)
        layout.addWidget(self.view_button)
        self.number.textChanged.connect(self.update_status)
        self.number.returnPressed.connect(self.view_detail)
        self.view_button.clicked.connect(self.view_detail)

    def update_status(self) -> None:
        status = list_status.identity_status(self.page.ctx.ui_db, self.number.text())
        self.identity = status
        if status is None:
            self.status.clear()
            self.status.setStyleSheet("")
            return
        self.status.setText(status["message"])
        self.status.setStyleSheet(STYLES[status["level"]])

    def view_detail(self) -> None:
        try:
            subject_id = resolve(self.page.ctx.ui_db, self.number.text())
        except UserError as exc:
            self.status.setText(str(exc))
            return
        purpose = self.purpose.currentText().strip()
        if not purpose:
            self.status.setText(self.tr("Choose the purpose first: every look at a subject's "
                                        "credit information is recorded with its purpose."))
            return
        self.page.show_subject(subject_id, purpose)


class RecordsTab(QWidget):
    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        self.subject_id: str | None = None
        policy = pol.load(page.ctx.ui_db)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Title, document number or name"))
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for category in policy["category"]:
            self.category.addItem(category["label"], category["id"])
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in pol.STATUSES:
            self.status.addItem(pol.status_label(status), status)
        self.subject_label = QLabel()
        self.clear_subject = QPushButton(self.tr("All subjects"))
        self.clear_subject.hide()
        for widget in (self.text, self.category, self.status, self.subject_label,
                       self.clear_subject):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.model = _rows_model([
            (self.tr("Decision date"), lambda r: r["decision_date"]),
            (self.tr("Subject"), lambda r: r["subject_name"]),
            (self.tr("Category"), lambda r: r["category_label"]),
            (self.tr("Polarity"), lambda r: r["polarity_label"]),
            (self.tr("Severity"), lambda r: r["severity_label"]),
            (self.tr("Title"), lambda r: r["title"]),
            (self.tr("Document number"), lambda r: r["document_number"]),
            (self.tr("Publicity until"), lambda r: r["publicity_end"]),
            (self.tr("Status"), lambda r: r["status_label"]),
            (self.tr("Source"), lambda r: r["source_department"]),
        ], self, tone=lambda r: "warn" if r["status"] == "disputed" else None)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New record…"))
        self.repair_button = QPushButton(self.tr("Apply for repair…"))
        self.objection_button = QPushButton(self.tr("Record an objection…"))
        self.history = QLabel()
        self.history.setWordWrap(True)
        for button in (self.new_button, self.repair_button, self.objection_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.history)
        self.new_button.clicked.connect(self.new_record)
        self.repair_button.clicked.connect(self.apply_repair)
        self.objection_button.clicked.connect(self.raise_objection)
        self.clear_subject.clicked.connect(lambda: self.set_subject(None))
        self.text.textChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self.show_history)

    def set_subject(self, subject_id: str | None, name: str = "") -> None:
        self.subject_id = subject_id
        self.subject_label.setText(self.tr("Subject: {name}").format(name=name)
                                   if subject_id else "")
        self.clear_subject.setVisible(bool(subject_id))
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(records.search_records(
            self.page.ctx.ui_db, text=self.text.text().strip() or None,
            category=self.category.currentData(), status=self.status.currentData(),
            subject_id=self.subject_id))
        self.history.clear()

    def show_history(self) -> None:
        record = _selected(self.view)
        if not record:
            self.history.clear()
            return
        steps = []
        for entry in records.history(self.page.ctx.ui_db, record["id"]):
            status = (entry["after"] or {}).get("status", "")
            steps.append(f"{local_time(entry['at'])} {entry['operator_name']} "
                         f"{pol.status_label(status)}")
        self.history.setText(self.tr("History: {steps}").format(steps=" → ".join(steps)))

    def new_record(self) -> RecordDialog:
        subject = ""
        if self.subject_id:
            subject = subject_info(self.page.ctx.ui_db, self.subject_id)["number"]
        dialog = RecordDialog(self.page.ctx, self, on_saved=lambda _: self.page.refresh(),
                              subject=subject)
        dialog.show()
        return dialog

    def _need_record(self) -> dict | None:
        record = _selected(self.view)
        if record is None:
            self.history.setText(self.tr("Select a record first."))
        return record

    def apply_repair(self) -> RepairDialog | None:
        record = self._need_record()
        if record is None:
            return None
        dialog = RepairDialog(self.page.ctx, record, self, on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog

    def raise_objection(self) -> ObjectionDialog | None:
        record = self._need_record()
        if record is None:
            return None
        dialog = ObjectionDialog(self.page.ctx, record, self,
                                 on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog


class ListsTab(QWidget):
    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All lists"), None)
        policy = pol.load(page.ctx.ui_db)
        for kind in pol.LIST_KINDS:
            self.kind.addItem(pol.list_label(policy, kind), kind)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Name, number or basis"))
        filters.addWidget(self.kind)
        filters.addWidget(self.text)
        layout.addLayout(filters)
        self.model = _rows_model([
            (self.tr("List"), lambda r: r["label"]),
            (self.tr("Name"), lambda r: r["name"]),
            (self.tr("ID number or USCC"), lambda r: _masked(r["id_number"])),
            (self.tr("Listed on"), lambda r: r["listed_on"]),
            (self.tr("Valid until"), lambda r: r["valid_until"]),
            (self.tr("Deciding body"), lambda r: r["deciding_body"]),
            (self.tr("Source"), lambda r: self.tr("County") if r["source"] == "county"
             else self.tr("Township")),
            (self.tr("Basis"), lambda r: r["basis"]),
        ], self, tone=lambda r: None if r["active"] else "warn")
        self.view = _table(self.model)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Put on a list…"))
        self.remove_button = QPushButton(self.tr("Remove from list…"))
        self.measures = QLabel()
        self.measures.setWordWrap(True)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.measures)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_entry)
        self.kind.currentIndexChanged.connect(self.reload)
        self.text.textChanged.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self.show_measures)

    def reload(self) -> None:
        self.model.set_rows(lists.entries(self.page.ctx.ui_db, list_kind=self.kind.currentData(),
                                          text=self.text.text().strip() or None))
        self.measures.clear()

    def show_measures(self) -> None:
        entry = _selected(self.view)
        if entry:
            policy = pol.load(self.page.ctx.ui_db)
            self.measures.setText(self.tr("Measures: {measures}").format(
                measures="；".join(pol.measures(policy, entry["list_kind"]))))

    def add_entry(self) -> ListEntryDialog:
        dialog = ListEntryDialog(self.page.ctx, self, on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog

    def remove_entry(self) -> RemoveEntryDialog | None:
        entry = _selected(self.view)
        if entry is None:
            self.measures.setText(self.tr("Select an entry first."))
            return None
        dialog = RemoveEntryDialog(self.page.ctx, entry, self,
                                   on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog


def _masked(number: str | None) -> str:
    from app.identity import mask_id_number

    if not number:
        return ""
    return mask_id_number(number) if number[:17].isdigit() else number


class RepairsTab(QWidget):
    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        self.model = _rows_model([
            (self.tr("Applied on"), lambda r: r["applied_on"]),
            (self.tr("Subject"), lambda r: r["subject_name"]),
            (self.tr("Record"), lambda r: r["record_title"]),
            (self.tr("Applicant"), lambda r: r["applicant"]),
            (self.tr("Evidence"), lambda r: r["evidence"]),
            (self.tr("Status"), lambda r: r["status_label"]),
            (self.tr("Decided by"), lambda r: r["decided_by_name"]),
            (self.tr("Decided at"), lambda r: local_time(r["decided_at"])),
            (self.tr("Reasons"), lambda r: r["decision_reason"]),
            (self.tr("Repair letter"), lambda r: r["letter_number"]),
        ], self, tone=lambda r: "warn" if r["status"] == "pending" else None)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.letter_button = QPushButton(self.tr("Print repair letter"))
        self.letter_button.setObjectName("print-repair-letter")
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.note, 1)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.letter_button.clicked.connect(self.print_letter)

    def print_letter(self) -> None:
        """The repair commitment letter of the selected application, printed (a new
        one is drafted and attached to the application the first time)."""
        application = _selected(self.view)
        if application is None:
            self.note.setText(self.tr("Select a repair application first."))
            return
        folder = self.page.ctx.data.root / "letters" / "repairs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"repair-{application['id'][:8]}.pdf"
        self.letter_button.setEnabled(False)
        (BackgroundOp(self, repair.print_letter, self.page.ctx.operator_id, application["id"],
                      path)
         .finally_(lambda: self.letter_button.setEnabled(True))
         .success(lambda result: (self.note.setText(self.tr(
             "Repair letter {number} saved to {path}.").format(
             number=", ".join(x["number"] for x in result.letters), path=result.path)),
             self.page.refresh()))
         .failure(self.note.setText).run(self.page.ctx.ops))

    def reload(self) -> None:
        self.model.set_rows(repair.applications(self.page.ctx.ui_db))

    def decide(self, approve: bool) -> DecideRepairDialog | None:
        application = _selected(self.view)
        if application is None or application["status"] != "pending":
            self.note.setText(self.tr("Select a pending application first."))
            return None
        dialog = DecideRepairDialog(self.page.ctx, application, approve, self,
                                    on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog


class ObjectionsTab(QWidget):
    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        self.model = _rows_model([
            (self.tr("Raised on"), lambda r: r["filed_on"]),
            (self.tr("Subject"), lambda r: r["subject_name"]),
            (self.tr("Record"), lambda r: r["record_title"]),
            (self.tr("Grounds"), lambda r: r["grounds"]),
            (self.tr("Answer due"), lambda r: r["deadline"]),
            (self.tr("Deadline"), objections.warning_text),
            (self.tr("Status"), lambda r: r["status_label"]),
            (self.tr("Answered by"), lambda r: r["decided_by_name"]),
            (self.tr("Reasons"), lambda r: r["outcome_reason"]),
        ], self, tone=lambda r: {"overdue": "alert", "due_soon": "warn"}.get(r["warning"]))
        self.view = _table(self.model)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.note = QLabel()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.note, 1)
        layout.addLayout(buttons)
        self.answer_button.clicked.connect(self.answer)

    def reload(self) -> None:
        self.model.set_rows(objections.objections(self.page.ctx.ui_db))

    def answer(self) -> AnswerObjectionDialog | None:
        objection = _selected(self.view)
        if objection is None or objection["status"] != "open":
            self.note.setText(self.tr("Select an open objection first."))
            return None
        dialog = AnswerObjectionDialog(self.page.ctx, objection, self,
                                       on_saved=lambda _: self.page.refresh())
        dialog.show()
        return dialog


class ReportsTab(QWidget):
    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("ID number, USCC or record id"))
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(pol.load(page.ctx.ui_db)["report"].get("purposes", []))
        self.requester = QLineEdit()
        self.requester.setPlaceholderText(self.tr("e.g. the bank asking; empty: the subject"))
        self.output = QLineEdit()
        self.output.setPlaceholderText(self.tr("empty: the reports folder, file named by the "
                                               "report number"))
        browse = QPushButton(self.tr("Choose…"))
        out_row = QHBoxLayout()
        out_row.addWidget(self.output)
        out_row.addWidget(browse)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Requester"), self.requester)
        form.addRow(self.tr("Save as"), out_row)
        layout.addLayout(form)
        self.print_button = QPushButton(self.tr("Print credit report"))
        self.print_button.setObjectName("records-print-report")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.print_button)
        layout.addWidget(self.message)
        verify_row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Verification code, e.g. 7K3M-Q9XA"))
        self.verify_button = QPushButton(self.tr("Verify a report"))
        verify_row.addWidget(self.code)
        verify_row.addWidget(self.verify_button)
        layout.addLayout(verify_row)
        self.code.setPlaceholderText(self.tr("Scan the report's QR code here, or type its "
                                             "verification code, e.g. 7K3M-Q9XA"))
        self.code.returnPressed.connect(self.verify)
        file_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open report"))
        self.open_button.setObjectName("records-open-report")
        self.print_file_button = QPushButton(self.tr("Print report…"))
        self.print_file_button.setObjectName("records-print-report-file")
        file_row.addWidget(self.open_button)
        file_row.addWidget(self.print_file_button)
        file_row.addStretch(1)
        layout.addLayout(file_row)
        self.model = _rows_model([
            (self.tr("Report number"), lambda r: r["number"]),
            (self.tr("Subject"), lambda r: r["subject_name"]),
            (self.tr("Number"), lambda r: r["subject_number_masked"]),
            (self.tr("Purpose"), lambda r: r["purpose"]),
            (self.tr("Requester"), lambda r: r["requester"]),
            (self.tr("Issued on"), lambda r: r["issued_on"]),
            (self.tr("Valid until"), lambda r: r["valid_until"]),
            (self.tr("Verification code"), lambda r: r["verify_code"]),
            (self.tr("Issued by"), lambda r: r["issued_by_name"]),
        ], self)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        browse.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.print_report)
        self.verify_button.clicked.connect(self.verify)
        self.open_button.clicked.connect(self.open_selected)
        self.print_file_button.clicked.connect(self.print_selected)

    def reload(self) -> None:
        self.model.set_rows(report.reports(self.page.ctx.ui_db))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save credit report"),
                                              str(self._default_path()), "PDF (*.pdf)")
        if path:
            self.output.setText(path)

    def _default_path(self) -> Path:
        """The reports folder: each report is saved there under its own number."""
        return self.page.ctx.data.root / "reports"

    def report_path(self, row: dict) -> Path:
        return self._default_path() / f"{row['number']}.pdf"

    def selected_report(self) -> dict | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(index.row())

    def open_selected(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        row = self.selected_report()
        path = self.report_path(row) if row else None
        if path is None or not path.exists():
            self.message.setText(self.tr("Select a report saved in the reports folder first."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_selected(self, printer=None) -> int:
        """Send the selected report to a printer (the print dialog unless one is given)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.pdf_pages import print_pdf

        row = self.selected_report()
        path = self.report_path(row) if row else None
        if path is None or not path.exists():
            self.message.setText(self.tr("Select a report saved in the reports folder first."))
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return print_pdf(path, printer)

    def print_report(self) -> None:
        output = Path(self.output.text().strip() or self._default_path())
        (output if not output.suffix else output.parent).mkdir(parents=True, exist_ok=True)
        subject, purpose = self.subject.text(), self.purpose.currentText()
        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Printing…"))
        (BackgroundOp(self, report.issue_report, self.page.ctx.operator_id, subject,
                      purpose=purpose, output=output, requester=self.requester.text())
         .finally_(lambda: self.print_button.setEnabled(True))
         .success(self._printed).failure(self.message.setText).run(self.page.ctx.ops))

    def _printed(self, row: dict) -> None:
        self.message.setText(self.tr("Report {number} saved to {path}. Verification code: "
                                     "{code}.").format(number=row["number"], path=row["path"],
                                                       code=row["verify_code"]))
        self.page.refresh()

    def verify(self) -> None:
        (BackgroundOp(self, report.verify_report, self.code.text(),
                      operator_id=self.page.ctx.operator_id)
         .success(lambda result: (self.message.setText(result["message"]),
                                  self.page.refresh()))
         .failure(self.message.setText).run(self.page.ctx.ops))


class QueryLogTab(QWidget):
    """Search only: the log cannot be edited or deleted from here (or anywhere)."""

    PAGE = 300

    def __init__(self, page: "RecordsPage"):
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setObjectName("records-log-text")
        self.text.setPlaceholderText(self.tr("Name, operator, purpose or detail"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All uses"), None)
        for action in (query_log.VIEW, query_log.REPORT, query_log.EXPORT, query_log.VERIFY,
                       query_log.PRINT):
            self.action.addItem(query_log.action_label(action), action)
        self.since = QLineEdit()
        self.since.setPlaceholderText(self.tr("from YYYY-MM-DD"))
        self.until = QLineEdit()
        self.until.setPlaceholderText(self.tr("to YYYY-MM-DD"))
        for widget in (self.text, self.action, self.since, self.until):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.model = _rows_model([
            (self.tr("Time"), lambda r: local_time(r["at"], seconds=True)),
            (self.tr("Operator"), lambda r: r["operator_name"]),
            (self.tr("Use"), lambda r: r["action_label"]),
            (self.tr("Subject"), lambda r: r["subject_name"]),
            (self.tr("Purpose"), lambda r: r["purpose"]),
            (self.tr("Detail"), lambda r: r["detail"]),
        ], self)
        self.view = _table(self.model)
        layout.addWidget(self.view)
        self.more = QPushButton(self.tr("Load older entries"))
        layout.addWidget(self.more)
        self.more.clicked.connect(self.load_more)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        for edit in (self.text, self.since, self.until):
            edit.textChanged.connect(self._timer.start)
        self.action.currentIndexChanged.connect(self.reload)

    def _filters(self) -> dict[str, Any]:
        return {"text": self.text.text().strip() or None, "action": self.action.currentData(),
                "since": self.since.text().strip() or None,
                "until": self.until.text().strip() or None}

    def reload(self) -> None:
        rows = query_log.search_log(self.page.ctx.ui_db, limit=self.PAGE, **self._filters())
        self.model.set_rows(rows)
        self.more.setEnabled(len(rows) == self.PAGE)

    def load_more(self) -> None:
        if not self.model.rows:
            return
        rows = query_log.search_log(self.page.ctx.ui_db, limit=self.PAGE,
                                    before_seq=self.model.rows[-1]["seq"], **self._filters())
        self.model.append_rows(rows)
        self.more.setEnabled(len(rows) == self.PAGE)


class RecordsPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._closed = False
        self.setObjectName("records-page")
        layout = QVBoxLayout(self)
        self.lookup = LookupBar(self)
        layout.addWidget(self.lookup)
        layout.addWidget(self.lookup.status)
        self.alerts = QLabel()
        self.alerts.setObjectName("records-alerts")
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet("background: #fff4d6; color: #7a4b00; padding: 4px;")
        layout.addWidget(self.alerts)
        self.tabs = QTabWidget()
        self.records_tab = RecordsTab(self)
        self.lists_tab = ListsTab(self)
        self.repairs_tab = RepairsTab(self)
        self.objections_tab = ObjectionsTab(self)
        self.reports_tab = ReportsTab(self)
        self.log_tab = QueryLogTab(self)
        self.policy_tab = PolicyTab(self)
        self.tabs.addTab(self.records_tab, self.tr("Credit records"))
        self.tabs.addTab(self.lists_tab, self.tr("Red and black lists"))
        self.tabs.addTab(self.repairs_tab, self.tr("Credit repair"))
        self.tabs.addTab(self.objections_tab, self.tr("Objections"))
        self.tabs.addTab(self.reports_tab, self.tr("Credit reports"))
        self.tabs.addTab(self.log_tab, self.tr("Query log"))
        self.tabs.addTab(self.policy_tab, self.tr("Policy in force"))
        layout.addWidget(self.tabs)
        self.refresh()
        # Statuses follow the calendar: records whose publicity ended become expired.
        WriteOp(self, records.refresh_statuses, ctx.operator_id).success(
            lambda changed: self.refresh() if changed else None).run(ctx.ops)

    def refresh(self) -> None:
        if self._closed:
            return
        for tab in (self.records_tab, self.lists_tab, self.repairs_tab, self.objections_tab,
                    self.reports_tab, self.log_tab, self.policy_tab):
            tab.reload()
        alerts = objections.alerts(self.ctx.ui_db)
        if alerts:
            overdue = sum(1 for a in alerts if a["warning"] == "overdue")
            self.alerts.setText(self.tr(
                "Objections needing an answer soon: {soon}; overdue: {overdue}. Nearest: "
                "{name}, {when}.").format(soon=len(alerts) - overdue, overdue=overdue,
                                          name=alerts[0]["subject_name"],
                                          when=objections.warning_text(alerts[0])))
            self.alerts.show()
        else:
            self.alerts.hide()

    def close_page(self) -> None:
        """Stop pending timers and callbacks before the connections close."""
        self._closed = True
        self.log_tab._timer.stop()

    def show_subject(self, subject_id: str, purpose: str) -> None:
        """Open a subject's credit detail; the look is logged with its purpose."""
        info = subject_info(self.ctx.ui_db, subject_id)
        (WriteOp(self, query_log.log_use, self.ctx.operator_id, action=query_log.VIEW,
                 subject_id=subject_id, purpose=purpose, detail={"screen": "records"})
         .success(lambda _: self.log_tab.reload()).run(self.ctx.ops))
        self.records_tab.set_subject(subject_id, info["name"])
        self.tabs.setCurrentWidget(self.records_tab)

"""Detail and edit forms for a household (with members) or an organization.

Opening shows the record with ID numbers and phones masked; roles allowed
may reveal them (logged) and edit. Every field is checked as it is typed by
the same ``app.register.clean_*`` function that guards saving, and the reason
appears in Chinese beside the field. Saving is one journaled transaction on
the worker thread: it all happens or none of it does. Cancel writes nothing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QScrollArea, QStackedWidget, QTableWidget, QVBoxLayout, QWidget)

from app import register
from app.errors import DuplicateError, ValidationFailed
from app.i18n import translate
from app.identity import IdentityError, parse_id_number, sex_label
from app.letters import letter as letters
from app.letters.queries import subject_letters
from app.accounts.permissions import has
from app.list_status import describe_status, identity_status, list_status
from app.records.measures import feedback as measure_feedback
from app.records.repair import letters_of_repairs
from app.privacy import (can_edit, can_reveal, mask_id_number, mask_phone, purpose_register,
                         purpose_reveal)
from app.query_log import log_use
from app.rating.queries import subject_ratings
from app.rating.statuses import status_label as rating_status_label
from app.units import format_mu, format_yuan
from app.users import get_user
from ui.context import UiContext
from ui.identity_banner import IdentityBanner
from ui.operations import WriteOp
from ui.sizing import fit_to_screen

CHECK_DELAY_MS = 200
ERROR_STYLE = "color: #c0392b;"
INFO_STYLE = "color: #2c6e49;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setMinimumWidth(220)
    return label


def id_number_info(db, number: str, *, exclude_household: str | None = None) -> tuple[str, bool]:
    """(text, is_problem) about a typed ID number: birth date and sex, who has it, lists."""
    if not number.strip():
        return "", False
    try:
        info = parse_id_number(number)
    except IdentityError as exc:
        return str(exc), True
    parts = [translate("Forms", "Born {date}, {sex}").format(
        date=info.birth_date.isoformat(), sex=sex_label(info.sex))]
    problem = False
    holder = register.who_has_id_number(db, info.number, exclude_household=exclude_household)
    if holder:
        parts.append(translate("Forms", "already registered: {who}").format(who=holder[1]))
        problem = True
    # List status and measures: the IdentityBanner under the field says them.
    return "；".join(parts), problem


def list_status_text(status: dict) -> str:
    return describe_status(status)


class SubjectDialog(QDialog):
    saved = Signal(str)
    deleted = Signal(str)

    entity = ""

    def __init__(self, ctx: UiContext, subject_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.subject_id = subject_id
        self.role = get_user(ctx.ui_db, ctx.operator_id)["role"]
        self.revealed = False
        self.record: dict | None = None
        self.touched: set[str] = set()
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.busy = False
        fit_to_screen(self, 820, 640)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.view_page = QWidget()
        self.edit_page = QWidget()
        self.pages.addWidget(self.view_page)
        self.pages.addWidget(self.edit_page)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.finished.connect(lambda _r: self._timer.stop())
        if subject_id:
            self.record = self.load()
            self._build_view()
            WriteOp(self, _log, ctx.operator_id, subject_id, purpose_register(),
                    None).run(ctx.ops)
        self._build_edit()
        if subject_id:
            self.pages.setCurrentWidget(self.view_page)
        else:
            self.pages.setCurrentWidget(self.edit_page)

    # subclasses: load(), form_fields(), summary_rows(), clean(data), save_fn, delete_fn
    def load(self) -> dict:
        raise NotImplementedError

    # -- view mode
    def _build_view(self) -> None:
        layout = QVBoxLayout(self.view_page)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("Show numbers"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setVisible(can_reveal(self.role))
        self.reveal_button.toggled.connect(self.set_revealed)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("edit")
        self.edit_button.setVisible(can_edit(self.role))
        self.edit_button.clicked.connect(self.start_editing)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.setVisible(can_edit(self.role))
        self.delete_button.clicked.connect(self.delete)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        # Joint reward and punishment: record that a measure of its lists was applied.
        self.identity = identity_status(self.ctx.ui_db, self.identity_number() or "")
        self.measure_button = QPushButton(self.tr("Record a measure applied…"))
        self.measure_button.setObjectName("record-measure")
        self.measure_button.setVisible(bool(self.identity and self.identity["listed"]
                                            and has(self.ctx.ui_db, self.ctx.operator_id,
                                                    "records.edit")))
        self.measure_button.clicked.connect(self.record_measure)
        self.measure_dialog = None
        for button in (self.reveal_button, self.edit_button, self.delete_button,
                       self.measure_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh_summary()

    def identity_number(self) -> str | None:
        return None

    def record_measure(self):
        from ui.records.dialogs import MeasureDialog

        self.measure_dialog = MeasureDialog(self.ctx, self.identity, self,
                                            on_saved=lambda _row: self.refresh_summary())
        self.measure_dialog.open()
        return self.measure_dialog

    def set_revealed(self, on: bool) -> None:
        if on and not can_reveal(self.role):
            return
        self.revealed = on
        self.refresh_summary()
        if on:
            WriteOp(self, _log, self.ctx.operator_id, self.subject_id, purpose_reveal(),
                    {"revealed": True}).run(self.ctx.ops)

    def id_text(self, number: str | None) -> str:
        return (number or "") if self.revealed else mask_id_number(number)

    def phone_text(self, phone: str | None) -> str:
        return (phone or "") if self.revealed else mask_phone(phone)

    def refresh_summary(self) -> None:
        rows = self.summary_rows()
        parts = ["<table cellspacing='4'>"]
        for label, value in rows:
            parts.append(f"<tr><td style='color:#555'>{html.escape(label)}</td>"
                         f"<td>{html.escape(str(value or ''))}</td></tr>")
        parts.append("</table>")
        parts.append(self.extra_html())
        parts.append(self.credit_html())
        self.summary.setText("".join(parts))

    def summary_rows(self) -> list[tuple[str, str]]:
        return []

    def extra_html(self) -> str:
        return ""

    def credit_html(self) -> str:
        """The subject's latest ratings and commitment letters."""
        out = []
        ratings = subject_ratings(self.ctx.ui_db, self.subject_id)
        heading = self.tr("Ratings")
        out.append(f"<h3>{html.escape(heading)}</h3>")
        if not ratings:
            out.append(html.escape(self.tr("Not rated yet.")))
        for r in ratings[:5]:
            score = r.get("score")
            out.append(html.escape(self.tr("{year}: grade {grade}, {score} points, {status}").format(
                year=r.get("campaign_year"), grade=r.get("grade") or "—",
                score="—" if score is None else f"{score:g}",
                status=rating_status_label(r["status"]) if r.get("status") else "")) + "<br>")
        subject_letter_rows = subject_letters(self.ctx.ui_db, self.subject_id)
        repairs = letters_of_repairs(self.ctx.ui_db, self.subject_id)
        heading = self.tr("Commitment letters")
        out.append(f"<h3>{html.escape(heading)}</h3>")
        if not subject_letter_rows:
            out.append(html.escape(self.tr("None yet.")))
        for letter in subject_letter_rows[:5]:
            line = f"{letter.get('number')} {letters.status_label(letter.get('status'))}"
            if letter.get("id") in repairs:
                line += " " + self.tr("(repair of: {title}, applied {day})").format(
                    title=repairs[letter["id"]]["record_title"],
                    day=repairs[letter["id"]]["applied_on"])
            out.append(html.escape(line) + "<br>")
        applied = measure_feedback(self.ctx.ui_db, subject_id=self.subject_id, limit=20)
        if applied:
            heading = self.tr("Joint reward and punishment measures applied")
            out.append(f"<h3>{html.escape(heading)}</h3>")
            for row in applied:
                out.append(html.escape(self.tr("{day}: {measure} — {matter} ({who})").format(
                    day=row["applied_on"], measure=row["measure"], matter=row["matter"],
                    who=row["recorded_by_name"] or "")) + "<br>")
        return "".join(out)

    # -- edit mode
    def _build_edit(self) -> None:
        outer = QVBoxLayout(self.edit_page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.build_fields()
        self.form_message = QLabel()
        self.form_message.setObjectName("form-message")
        self.form_message.setStyleSheet(ERROR_STYLE)
        self.form_message.setWordWrap(True)
        outer.addWidget(self.form_message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        outer.addLayout(row)
        if self.record is not None:
            self.fill(self.form_values(self.record))

    def add_field(self, field: str, label: str, editor: QWidget) -> None:
        row = self.grid.rowCount()
        editor.setObjectName(field)
        self.editors[field] = editor
        self.errors[field] = _error_label()
        self.errors[field].setObjectName(f"{field}-error")
        self.grid.addWidget(QLabel(label), row, 0)
        self.grid.addWidget(editor, row, 1)
        self.grid.addWidget(self.errors[field], row, 2)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t, f=field: self.edited(f))
        elif isinstance(editor, QComboBox):
            editor.activated.connect(lambda _i, f=field: self.edited(f))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda f=field: self.edited(f))

    def banner(self, name: str, field: str) -> IdentityBanner:
        """List status and measures under ``field``, following what is typed there."""
        banner = IdentityBanner(self.ctx, self, name=name).watch(self.editors[field])
        self.grid.addWidget(banner, self.grid.rowCount(), 1, 1, 2)
        return banner

    def line(self, field: str, label: str, placeholder: str = "") -> QLineEdit:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        self.add_field(field, label, editor)
        return editor

    def edited(self, field: str) -> None:
        self.touched.add(field)
        self._timer.start()

    def start_editing(self) -> None:
        if not can_edit(self.role):
            return
        self.pages.setCurrentWidget(self.edit_page)

    def value(self, field: str):
        editor = self.editors[field]
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return None

    def set_value(self, field: str, value) -> None:
        editor = self.editors.get(field)
        if isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))

    def fill(self, values: dict) -> None:
        for field in self.editors:
            if field in values:
                self.set_value(field, values[field])

    def form_data(self) -> dict:
        return {field: self.value(field) for field in self.editors}

    def check(self, *, all_fields: bool = False) -> bool:
        """Validate what is typed; show reasons beside the fields. True if valid."""
        self._timer.stop()
        try:
            self.clean(self.form_data())
            failed: ValidationFailed | None = None
        except ValidationFailed as exc:
            failed = exc
        shown = set(self.editors) if all_fields else self.touched
        for field, label in self.errors.items():
            message = failed.for_field(field) if failed else None
            label.setText(message if (message and field in shown) else "")
        self.show_other_errors(failed, all_fields)
        self.after_check()
        return failed is None

    def show_other_errors(self, failed: ValidationFailed | None, all_fields: bool) -> None:
        pass

    def after_check(self) -> None:
        pass

    def save(self) -> None:
        if self.busy:
            return
        if not self.check(all_fields=True):
            self.form_message.setText(self.tr("Please correct the fields marked in red."))
            return
        self.form_message.setText("")
        self.busy = True
        self.save_button.setEnabled(False)
        data = self.form_data()
        (WriteOp(self, self.save_fn(), self.ctx.operator_id, self.subject_id, data,
                 self.record["version"] if self.record else None)
         .success(self._saved).failure(self._save_failed).finally_(self._idle)
         .run(self.ctx.ops))

    def _idle(self) -> None:
        self.busy = False
        self.save_button.setEnabled(True)

    def _saved(self, row: dict) -> None:
        self.subject_id = row["id"]
        self.touched.clear()
        self.saved.emit(row["id"])
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Saved: {name}.").format(
                name=self.display_name()), 8000)
        self.accept()

    def _typed_changes(self) -> bool:
        return bool(self.touched) and self.pages.currentWidget() is self.edit_page

    def _save_failed(self, message: str) -> None:
        """Refused values (marked at their fields too), someone else's newer save,
        or a disk problem: said above the buttons; the form keeps what was typed."""
        self.check(all_fields=True)
        self.form_message.setText(message)

    def ask_discard(self, then) -> None:
        """Typed changes are not dropped unasked: a question over the form (not blocking
        the window); Discard runs ``then``, Cancel keeps the form as typed."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("You typed changes that are not saved. Close and lose them?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_code: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
                self.touched.clear()
                then()
        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    def reject(self) -> None:  # Close, Esc and the window's X all come here
        if self._typed_changes():
            self.ask_discard(self.reject)
            return
        super().reject()

    def cancel(self) -> None:
        if self._typed_changes():
            self.ask_discard(self.cancel)
            return
        self._timer.stop()
        if self.record is not None and self.pages.currentWidget() is self.edit_page:
            self.fill(self.form_values(self.record))
            for label in self.errors.values():
                label.setText("")
            self.touched.clear()
            self.pages.setCurrentWidget(self.view_page)
            return
        self.reject()

    def delete(self) -> None:
        name = self.display_name()
        confirm_and_delete(self, self.ctx, self.entity, self.subject_id, name, self._deleted)

    def _deleted(self) -> None:
        self.deleted.emit(self.subject_id)
        self.accept()

    def display_name(self) -> str:
        return ""


def _log(db, operator_id: str, subject_id: str | None, purpose: str, detail) -> None:
    log_use(db, operator_id, action="view", subject_id=subject_id, purpose=purpose,
            detail=detail)


def _save_household(db, operator_id, household_id, data, version):
    if household_id:
        return register.update_household(db, operator_id, household_id, data,
                                         base_version=version)
    return register.create_household(db, operator_id, data)


def _save_organization(db, operator_id, organization_id, data, version):
    if organization_id:
        return register.update_organization(db, operator_id, organization_id, data,
                                            base_version=version)
    return register.create_organization(db, operator_id, data)


def _delete(db, operator_id: str, kind: str, subject_id: str):
    if kind == "household":
        return register.delete_household(db, operator_id, subject_id)
    return register.delete_organization(db, operator_id, subject_id)


def confirm_and_delete(parent: QWidget, ctx: UiContext, kind: str, subject_id: str, name: str,
                       then) -> None:
    """Ask, then delete in one journaled transaction; ``then()`` after success."""
    if kind == "household":
        text = QCoreApplication.translate(
            "SubjectDialog", "Delete the household of {name} and its members from the register? "
                             "The deletion is recorded in the journal.").format(name=name)
    else:
        text = QCoreApplication.translate(
            "SubjectDialog", "Delete {name} from the register? The deletion is recorded in the "
                             "journal.").format(name=name)
    title = QCoreApplication.translate("SubjectDialog", "Delete")
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    WriteOp(parent, _delete, ctx.operator_id, kind, subject_id).success(
        lambda _row: then()).run(ctx.ops)


class HouseholdDialog(SubjectDialog):
    entity = "household"

    def __init__(self, ctx, subject_id, parent=None):
        super().__init__(ctx, subject_id, parent)
        self.setObjectName("household-dialog")
        self.setWindowTitle(self.tr("Household of {name}").format(name=self.display_name())
                            if self.record else self.tr("New household"))

    def load(self) -> dict:
        return register.get_household(self.ctx.ui_db, self.subject_id)

    def display_name(self) -> str:
        return self.record["head_name"] if self.record else ""

    def identity_number(self) -> str | None:
        return self.record["head_id_number"] if self.record else None

    def form_values(self, record: dict) -> dict:
        return register.household_form(record)

    def save_fn(self):
        return _save_household

    def clean(self, data):
        return register.clean_household(self.ctx.ui_db, data, household_id=self.subject_id)

    def summary_rows(self):
        r = self.record
        return [
            (self.tr("Head of household"), r["head_name"]),
            (self.tr("Sex"), sex_label(r["head_sex"])),
            (self.tr("ID number"), self.id_text(r["head_id_number"])),
            (self.tr("Birth date"), r["head_birth_date"]),
            (self.tr("Phone"), self.phone_text(r["phone"])),
            (self.tr("Village"), r["village_name"] + (" " + r["group_name"]
                                                      if r.get("group_name") else "")),
            (self.tr("Address"), r["address"]),
            (self.tr("Family members"), r["members"]),
            (self.tr("Labour force"), r["labor"]),
            (self.tr("Contracted land (mu)"), format_mu(r["land_area_centimu"])),
            (self.tr("Main industry"), r["main_industry"]),
            (self.tr("Annual income (yuan)"), format_yuan(r["annual_income_fen"])),
            (self.tr("Assets (yuan)"), format_yuan(r["assets_fen"])),
            (self.tr("Loan balance (yuan)"), format_yuan(r["loan_balance_fen"])),
            (self.tr("Overdue amount (yuan)"), format_yuan(r["overdue_fen"])),
            (self.tr("Note"), r["note"]),
        ]

    def extra_html(self) -> str:
        members = self.record.get("member_list") or []
        heading = self.tr("Household members")
        out = [f"<h3>{html.escape(heading)}</h3>"]
        if not members:
            out.append(html.escape(self.tr("No members recorded.")))
            return "".join(out)
        out.append("<table cellspacing='4'>")
        for m in members:
            out.append("<tr>" + "".join(f"<td>{html.escape(str(v or ''))}</td>" for v in (
                m["name"], register.relation_label(m["relation"]),
                sex_label(m["sex"]) if m.get("sex") else "", self.id_text(m.get("id_number")),
                m.get("birth_date"))) + "</tr>")
        out.append("</table>")
        status = list_status(self.ctx.ui_db, subject_id=self.subject_id)
        if status:
            heading = self.tr("Lists")
            out.append(f"<p><b>{html.escape(heading)}:</b> "
                       f"{html.escape(list_status_text(status))}</p>")
        return "".join(out)

    def build_fields(self) -> None:
        village = QComboBox()
        for place in register.places(self.ctx.ui_db, "village"):
            village.addItem(place["name"], place["id"])
        self.add_field("village_id", self.tr("Village"), village)
        group = QComboBox()
        self.add_field("group_id", self.tr("Village group"), group)
        village.currentIndexChanged.connect(self._fill_groups)
        self._fill_groups()
        self.line("head_name", self.tr("Head of household"))
        self.line("head_id_number", self.tr("ID number"), self.tr("18 digits (or 15 for old cards)"))
        self.id_info = QLabel()
        self.id_info.setObjectName("id-info")
        self.id_info.setWordWrap(True)
        self.grid.addWidget(self.id_info, self.grid.rowCount(), 1, 1, 2)
        self.head_status = self.banner("head-id-status", "head_id_number")
        sex = QComboBox()
        sex.addItem(self.tr("(from the ID number)"), None)
        sex.addItem(sex_label("M"), "M")
        sex.addItem(sex_label("F"), "F")
        self.add_field("head_sex", self.tr("Sex"), sex)
        self.line("head_birth_date", self.tr("Birth date"), self.tr("from the ID number"))
        self.line("phone", self.tr("Phone"))
        self.line("address", self.tr("Address"))
        self.line("members", self.tr("Family members"))
        self.line("labor", self.tr("Labour force"))
        self.line("land_area", self.tr("Contracted land (mu)"), "3.5")
        self.line("main_industry", self.tr("Main industry"))
        self.line("annual_income", self.tr("Annual income (yuan)"))
        self.line("assets", self.tr("Assets (yuan)"))
        self.line("loan_balance", self.tr("Loan balance (yuan)"))
        self.line("overdue", self.tr("Overdue amount (yuan)"))
        self.line("note", self.tr("Note"))
        self.editors["head_id_number"].textEdited.connect(self._id_typed)

        row = self.grid.rowCount()
        members_title = QLabel(self.tr("Household members"))
        members_title.setStyleSheet("font-weight: bold;")
        self.grid.addWidget(members_title, row, 0, 1, 3)
        self.members = QTableWidget(0, 5)
        self.members.setObjectName("member-table")
        self.members.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Relation to head"), self.tr("ID number"), self.tr("Sex"),
            self.tr("Birth date")])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.setMinimumHeight(150)
        self.members.itemChanged.connect(lambda _item: self.edited("member_list"))
        self.members.itemChanged.connect(self._member_changed)
        self.members.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._member_changed(
            self.members.item(r, 2)))
        self.grid.addWidget(self.members, row + 1, 0, 1, 3)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add member"))
        add.setObjectName("add-member")
        add.clicked.connect(lambda: self.add_member({}))
        remove = QPushButton(self.tr("Remove member"))
        remove.setObjectName("remove-member")
        remove.clicked.connect(self.remove_member)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.grid.addLayout(buttons, row + 2, 0, 1, 3)
        self.member_errors = _error_label()
        self.member_errors.setObjectName("member-errors")
        self.grid.addWidget(self.member_errors, row + 3, 0, 1, 3)
        self.member_status = IdentityBanner(self.ctx, self, name="member-id-status")
        self.grid.addWidget(self.member_status, row + 4, 0, 1, 3)
        self._member_ids: list[str | None] = []

    def _member_changed(self, item) -> None:
        """A member's ID number typed or selected: its list status under the table."""
        if item is not None and item.column() == 2:
            self.member_status.set_text(item.text())

    def _fill_groups(self) -> None:
        group = self.editors["group_id"]
        current = group.currentData()
        group.clear()
        group.addItem(self.tr("(none)"), None)
        village_id = self.editors["village_id"].currentData()
        if village_id:
            for place in register.places(self.ctx.ui_db, "village_group", village_id):
                group.addItem(place["name"], place["id"])
        index = group.findData(current)
        group.setCurrentIndex(max(index, 0))

    def _id_typed(self, text: str) -> None:
        info, problem = id_number_info(self.ctx.ui_db, text, exclude_household=self.subject_id)
        self.id_info.setText(info)
        self.id_info.setStyleSheet(ERROR_STYLE if problem else INFO_STYLE)
        try:
            parsed = parse_id_number(text)
        except IdentityError:
            return
        # The number decides birth date and sex: fill them in rather than contradict it.
        self.set_value("head_birth_date", parsed.birth_date.isoformat())
        self.set_value("head_sex", parsed.sex)

    def fill(self, values: dict) -> None:
        if "village_id" in values:
            self.set_value("village_id", values["village_id"])
            self._fill_groups()
        super().fill(values)
        self.members.setRowCount(0)
        self._member_ids = []
        for member in values.get("member_list") or []:
            self.add_member(member)
        self.touched.discard("member_list")

    def add_member(self, member: dict) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self.members.blockSignals(True)
        row = self.members.rowCount()
        self.members.insertRow(row)
        self.members.setItem(row, 0, QTableWidgetItem(member.get("name") or ""))
        relation = QComboBox()
        for value in register.RELATIONS:
            relation.addItem(register.relation_label(value), value)
        relation.setCurrentIndex(max(relation.findData(member.get("relation") or "child"), 0))
        relation.activated.connect(lambda _i: self.edited("member_list"))
        self.members.setCellWidget(row, 1, relation)
        self.members.setItem(row, 2, QTableWidgetItem(member.get("id_number") or ""))
        sex = member.get("sex")
        self.members.setItem(row, 3, QTableWidgetItem(sex_label(sex) if sex else ""))
        self.members.setItem(row, 4, QTableWidgetItem(member.get("birth_date") or ""))
        self.members.blockSignals(False)
        self._member_ids.append(member.get("id"))
        if not member:
            self.edited("member_list")

    def remove_member(self) -> None:
        row = self.members.currentRow()
        if row < 0:
            row = self.members.rowCount() - 1
        if row >= 0:
            self.members.removeRow(row)
            del self._member_ids[row]
            self.edited("member_list")

    def member_list(self) -> list[dict]:
        out = []
        for row in range(self.members.rowCount()):
            def text(column):
                item = self.members.item(row, column)
                return item.text().strip() if item else ""
            sex_text = text(3)
            sex = {sex_label("M"): "M", sex_label("F"): "F", "M": "M", "F": "F",
                   "男": "M", "女": "F"}.get(sex_text)
            out.append({"id": self._member_ids[row], "name": text(0),
                        "relation": self.members.cellWidget(row, 1).currentData(),
                        "id_number": text(2), "sex": sex, "birth_date": text(4) or None})
        return out

    def form_data(self) -> dict:
        data = super().form_data()
        data["member_list"] = self.member_list()
        return data

    def show_other_errors(self, failed, all_fields) -> None:
        messages = []
        if failed and (all_fields or "member_list" in self.touched):
            messages = [e.message for e in failed.errors if e.field.startswith("member_list")]
        self.member_errors.setText("\n".join(messages))


class OrganizationDialog(SubjectDialog):
    entity = "organization"

    def __init__(self, ctx, subject_id, parent=None):
        super().__init__(ctx, subject_id, parent)
        self.setObjectName("organization-dialog")
        self.setWindowTitle(self.display_name() if self.record else self.tr("New organization"))

    def load(self) -> dict:
        return register.get_organization(self.ctx.ui_db, self.subject_id)

    def display_name(self) -> str:
        return self.record["name"] if self.record else ""

    def identity_number(self) -> str | None:
        return self.record["uscc"] if self.record else None

    def form_values(self, record: dict) -> dict:
        return register.organization_form(record)

    def save_fn(self):
        return _save_organization

    def clean(self, data):
        return register.clean_organization(self.ctx.ui_db, data,
                                           organization_id=self.subject_id)

    def summary_rows(self):
        r = self.record
        return [
            (self.tr("Name"), r["name"]),
            (self.tr("Type"), register.kind_label(r["kind"])),
            (self.tr("Unified social credit code"), r["uscc"]),
            (self.tr("Legal representative"), r["legal_rep_name"]),
            (self.tr("Legal representative ID number"), self.id_text(r["legal_rep_id_number"])),
            (self.tr("Phone"), self.phone_text(r["phone"])),
            (self.tr("Village"), r["village_name"]),
            (self.tr("Address"), r["address"]),
            (self.tr("Members"), r["members_count"]),
            (self.tr("Registered capital (yuan)"), format_yuan(r["registered_capital_fen"])),
            (self.tr("Business scope"), r["business_scope"]),
            (self.tr("Note"), r["note"]),
        ]

    def extra_html(self) -> str:
        status = list_status(self.ctx.ui_db, uscc=self.record["uscc"])
        if status:
            heading = self.tr("Lists")
            return (f"<p><b>{html.escape(heading)}:</b> "
                    f"{html.escape(list_status_text(status))}</p>")
        return ""

    def build_fields(self) -> None:
        kind = QComboBox()
        for value in register.ORGANIZATION_KINDS:
            kind.addItem(register.kind_label(value), value)
        self.add_field("kind", self.tr("Type"), kind)
        self.line("name", self.tr("Name"))
        self.line("uscc", self.tr("Unified social credit code"), self.tr("18 characters"))
        self.uscc_status = self.banner("uscc-status", "uscc")
        self.line("uscc_override_reason", self.tr("Reason for accepting the code"),
                  self.tr("only if the licence really shows a code that fails the check"))
        self.line("legal_rep_name", self.tr("Legal representative"))
        self.line("legal_rep_id_number", self.tr("Legal representative ID number"))
        self.id_info = QLabel()
        self.id_info.setObjectName("id-info")
        self.id_info.setWordWrap(True)
        self.grid.addWidget(self.id_info, self.grid.rowCount(), 1, 1, 2)
        self.legal_rep_status = self.banner("legal-rep-id-status", "legal_rep_id_number")
        self.editors["legal_rep_id_number"].textEdited.connect(self._id_typed)
        village = QComboBox()
        for place in register.places(self.ctx.ui_db, "village"):
            village.addItem(place["name"], place["id"])
        self.add_field("village_id", self.tr("Village"), village)
        self.line("phone", self.tr("Phone"))
        self.line("address", self.tr("Address"))
        self.line("members_count", self.tr("Members"))
        self.line("registered_capital", self.tr("Registered capital (yuan)"))
        self.line("business_scope", self.tr("Business scope"))
        self.line("note", self.tr("Note"))

    def _id_typed(self, text: str) -> None:
        info, problem = id_number_info(self.ctx.ui_db, text)
        self.id_info.setText(info)
        self.id_info.setStyleSheet(ERROR_STYLE if problem else INFO_STYLE)


def open_subject_dialog(ctx: UiContext, kind: str, subject_id: str | None,
                        parent: QWidget | None = None) -> SubjectDialog:
    cls = HouseholdDialog if kind == "household" else OrganizationDialog
    return cls(ctx, subject_id, parent)


__all__ = ["HouseholdDialog", "OrganizationDialog", "open_subject_dialog", "confirm_and_delete",
           "DuplicateError"]

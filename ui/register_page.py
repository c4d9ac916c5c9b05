"""The register: place tree, household and organization lists, search as you type."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from app.privacy import can_edit, can_reveal, purpose_reveal
from app.query_log import log_use
from app.records.verification import looks_like_report_qr
from app.search import looks_like_document_code
from app.users import get_user
from ui.context import UiContext
from ui.identity_banner import IdentityBanner
from ui.list_model import SubjectListModel, household_model, organization_model
from ui.operations import BackgroundOp, WriteOp
from ui.place_tree import PlaceTree

SEARCH_DELAY_MS = 150


class SubjectListPage(QWidget):
    """One list (households or organizations) with its search box and buttons."""

    open_requested = Signal(str)  # subject id

    def __init__(self, ctx: UiContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self._scratch: Path | None = None  # letters reproduced for viewing, removed on close
        self.setObjectName(f"{kind}-list")
        role = get_user(ctx.ui_db, ctx.operator_id)["role"]
        self.model: SubjectListModel = (household_model if kind == "household"
                                        else organization_model)(
            ctx.ui_db, self, ops=ctx.ops)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin or initials, ID number or its last 4 digits, phone")
            if kind == "household" else
            self.tr("Search: name, pinyin or initials, credit code, phone"))
        row.addWidget(self.search, 1)
        self.reveal = QCheckBox(self.tr("Show"))
        self.reveal.setObjectName("reveal")
        self.reveal.setToolTip(self.tr("Show ID numbers and phones in full (logged)"))
        self.reveal.setVisible(can_reveal(role))
        self.reveal.toggled.connect(self._reveal)
        row.addWidget(self.reveal)
        self.new_button = QPushButton(self.tr("New…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        for button in (self.new_button, self.open_button, self.delete_button):
            row.addWidget(button)
        self.new_button.setVisible(can_edit(role))
        self.delete_button.setVisible(can_edit(role))
        layout.addLayout(row)
        # An ID number or USCC typed in the search box: list status and measures at once.
        self.identity = IdentityBanner(ctx, self, name="search-identity-status").watch(
            self.search)
        layout.addWidget(self.identity)

        self.view = QTableView()
        self.view.setObjectName(f"{kind}-table")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # sorts by column 0: reads the ids
        for column, width in enumerate(self._widths()):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout.addWidget(self.count_label)
        self._update_count()
        self.model.loading_changed.connect(lambda _loading: self._update_count())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_subject)
        self.delete_button.clicked.connect(self.delete_current)

    def _widths(self) -> list[int]:
        if self.kind == "household":
            return [90, 44, 160, 90, 80, 110, 60, 80, 90, 100, 110]
        return [220, 110, 170, 90, 90, 110, 60, 130]

    # -- filtering
    def set_place(self, place_id: str | None, level: str | None) -> None:
        self.model.set_filter(replace(self.model.filter, place_id=place_id, place_level=level))
        self._update_count()

    def _search_entered(self) -> None:
        text = self.search.text()
        if looks_like_report_qr(text):
            self.verify_report(text)
        elif looks_like_document_code(text):
            self.apply_search()  # the list shows whose it is meanwhile
            self.open_document(text)
        else:
            self.apply_search()

    def open_document(self, code: str) -> None:
        """The letter or report whose printed number (or letter QR code) was entered."""
        from ui.document_view import load_document

        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="credit-desk-documents-"))
        BackgroundOp(self, load_document, self.ctx.operator_id, code,
                     reports_folder=self.ctx.data.root / "reports", scratch=self._scratch
                     ).success(self._show_document).run(self.ctx.ops)

    def _show_document(self, found) -> None:
        from ui.document_view import DocumentDialog

        if found is None:
            self.count_label.setText(self.tr("No letter or report has the number {code}.")
                                     .format(code=self.search.text().strip()))
            return
        self.document = DocumentDialog(found, self)
        self.document.open_subject.connect(self.open_subject)
        self.document.open()

    def verify_report(self, text: str) -> None:
        """A credit report's QR code scanned into the search box is verified."""

        from app.records.report import verify_report

        WriteOp(self, verify_report, text, operator_id=self.ctx.operator_id).success(
            self._verified).run(self.ctx.ops)

    def _verified(self, result) -> None:
        """The verification's answer; a report issued here can be opened from it."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Credit report verification"),
                          result["message"], QMessageBox.StandardButton.Close, self)
        box.setObjectName("report-verification")
        if result.get("found"):
            opener = box.addButton(self.tr("Open the report"),
                                   QMessageBox.ButtonRole.ActionRole)
            opener.clicked.connect(lambda: self.open_document(result["number"]))
        self.verification = box
        box.open()

    def apply_search(self) -> None:
        self._timer.stop()
        text = self.search.text()
        if looks_like_report_qr(text):  # verified on Enter, not searched for
            return
        if text != self.model.filter.query:
            self.model.set_filter(replace(self.model.filter, query=text))
            self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.filter.query.strip():
            text = self.tr("{n} found").format(n=f"{n:,}")
        elif self.kind == "household":
            text = self.tr("{n} households").format(n=f"{n:,}")
        else:
            text = self.tr("{n} organizations").format(n=f"{n:,}")
        place_id = self.model.filter.place_id
        if place_id:  # the filter in force is always said, not only selected in the tree
            row = self.ctx.ui_db.execute("SELECT name FROM place WHERE id = ?",
                                         [place_id]).fetchone()
            if row:
                text = self.tr("{shown} — only {place}").format(shown=text, place=row[0])
        if self.model.loading:
            text = self.tr("Loading… {shown}").format(shown=text)
        self.count_label.setText(text)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def close_page(self) -> None:
        self._timer.stop()
        self.model.shutdown()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def _reveal(self, on: bool) -> None:
        self.model.set_reveal(on)
        if on:
            WriteOp(self, _log_reveal, self.ctx.operator_id, self.kind).run(self.ctx.ops)

    # -- opening, creating, deleting
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def open_current(self) -> None:
        if self.current_row() >= 0:
            self._open_row(self.current_row())

    def _open_row(self, row: int) -> None:
        subject_id = self.model.subject_id_at(row)
        if subject_id:
            self.open_subject(subject_id)

    def open_subject(self, subject_id: str | None):
        from ui.subject_dialog import open_subject_dialog

        dialog = open_subject_dialog(self.ctx, self.kind, subject_id, self)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.deleted.connect(lambda _id: self.reload())
        dialog.open()
        return dialog

    def new_subject(self):
        return self.open_subject(None)

    def delete_current(self) -> None:
        row = self.current_row()
        record = self.model.row_at(row) if row >= 0 else None
        if not record:
            return
        name = record.get("head_name") or record.get("name")
        from ui.subject_dialog import confirm_and_delete

        confirm_and_delete(self, self.ctx, self.kind, record["id"], name, self.reload)


def _log_reveal(db, operator_id: str, kind: str) -> None:
    log_use(db, operator_id, action="view", purpose=purpose_reveal(),
            detail={"list": kind, "revealed": True})


class RegisterPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("register-page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.places = PlaceTree(ctx.ui_db)
        splitter.addWidget(self.places)
        self.tabs = QTabWidget()
        self.households = SubjectListPage(ctx, "household")
        self.organizations = SubjectListPage(ctx, "organization")
        self.tabs.addTab(self.households, self.tr("Households"))
        self.tabs.addTab(self.organizations, self.tr("Organizations"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 1000])
        self.empty = QWidget()
        self.empty.setObjectName("empty-register")
        empty_row = QHBoxLayout(self.empty)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setStyleSheet("font-size: 14px;")
        empty_row.addWidget(self.empty_text, 1)
        self.places_button = QPushButton(self.tr("Add villages and groups…"))
        self.places_button.setObjectName("go-places")
        self.places_button.clicked.connect(lambda: self._go("places"))
        self.import_button = QPushButton(self.tr("Import a roster…"))
        self.import_button.setObjectName("go-import")
        self.import_button.clicked.connect(lambda: self._go("excel"))
        empty_row.addWidget(self.places_button)
        empty_row.addWidget(self.import_button)
        layout.addWidget(self.empty)
        layout.addWidget(splitter)
        self.places.place_selected.connect(self._place)
        self._places_seen = self._place_signature()
        self._show_empty()

    def _place_signature(self) -> tuple:
        return tuple(self.ctx.ui_db.execute(
            "SELECT COUNT(*), MAX(updated_at), (SELECT MAX(sid) FROM subject) "
            "FROM place").fetchone())

    def _show_empty(self) -> None:
        """An empty register says what to do first and offers the button for it."""
        db = self.ctx.ui_db
        villages = db.execute("SELECT 1 FROM place WHERE level = 'village' "
                              "AND retired_at IS NULL LIMIT 1").fetchone()
        subjects = db.execute("SELECT 1 FROM subject LIMIT 1").fetchone()
        if not villages:
            self.empty_text.setText(self.tr(
                "The register has no villages yet. First add the township's villages and "
                "groups, then import a roster or enter households."))
        elif not subjects:
            self.empty_text.setText(self.tr(
                "No households yet. Import a roster from Excel, or enter a household with "
                "New…."))
        self.places_button.setVisible(not villages)
        self.import_button.setVisible(bool(villages) and not subjects)
        self.empty.setVisible(not subjects)

    def _go(self, key: str) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area(key)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        # Places may have changed on their own page (the first day): show them here.
        seen = self._place_signature()
        if seen != self._places_seen:
            self._places_seen = seen
            current = self.places.currentItem()
            place_id = current.data(0, Qt.ItemDataRole.UserRole) if current else None
            self.places.reload()
            self.places.select_place(place_id)
            self.households.reload()
            self.organizations.reload()
        self._show_empty()
        super().showEvent(event)

    def close_page(self) -> None:
        self.households.close_page()
        self.organizations.close_page()

    def _place(self, place_id, level) -> None:
        self.households.set_place(place_id, level)
        self.organizations.set_place(place_id, level)


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes

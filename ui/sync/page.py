"""The sync page: what waits for the county, sending it, conflicts, USB transport.

Every action is an ``app.sync`` function run as an operation
(``ui.operations``): talking to the county on the background lane, so a
server that does not answer never holds up a save; USB files, conflicts and
settings on the write lane. The page only shows state read through
``ctx.ui_db`` (a few indexed queries, milliseconds) and adapts progress and
cancel.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from app import settings
from app.units import local_time
from app.errors import field_label
from app.jobs import Job
from app.sync import client, conflicts, keys, outbox, usb
from ui.operations import BackgroundOp, Op, WriteOp
from ui.rows_model import RowsTableModel
from ui.sync.auto import auto_sync_for

def _short_time(value: str | None) -> str:
    return local_time(value, seconds=True)


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class SyncPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._job: Job | None = None
        self._conflicts: list[dict] = []
        self.setObjectName("sync_page")

        title = QLabel(self.tr("County sync"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Built in reading order, which is also the keyboard's tab order.
        county_box, actions = self._county_box(), self._actions()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._batches(), self.tr("Batches"))
        self.tabs.addTab(self._conflicts_view(), self.tr("Conflicts"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(county_box)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.auto_sync = auto_sync_for(ctx)
        self.auto_sync.started.connect(lambda: self._say(self.tr("Syncing by itself…")))
        self.auto_sync.finished.connect(self._auto_finished)
        self.auto_sync.failed.connect(lambda text: (self._say(text, True), self.refresh()))
        self.refresh()

    # ---------------------------------------------------------------- building
    def _county_box(self):
        """The county address, enrolment and sync settings."""
        self.url = QLineEdit()
        self.url.setPlaceholderText("http://county.example:8470")
        self.enrol_button = QPushButton(self.tr("Save and enrol"))
        self.enrol_button.clicked.connect(self.enrol)
        self.auto = QCheckBox(self.tr("Sync by itself when the county is reachable"))
        self.auto.toggled.connect(self._auto_toggled)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 100000)
        self.batch_size.setSingleStep(100)
        self.batch_size.editingFinished.connect(self._batch_size_changed)
        self.keys_label = QLabel()
        self.keys_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.enrol_button)
        county_box = QGroupBox(self.tr("County platform"))
        form = QFormLayout(county_box)
        form.addRow(self.tr("Address"), url_row)
        form.addRow(self.tr("Changes per batch"), self.batch_size)
        form.addRow("", self.auto)
        form.addRow(self.tr("Keys"), self.keys_label)
        # A township without network enrols by carrying two files (protocol §2.1).
        self.request_button = QPushButton(self.tr("Write enrolment request…"))
        self.request_button.clicked.connect(self._choose_request)
        self.approval_button = QPushButton(self.tr("Read county approval…"))
        self.approval_button.clicked.connect(self._choose_approval)
        file_row = QHBoxLayout()
        file_row.addWidget(self.request_button)
        file_row.addWidget(self.approval_button)
        file_row.addStretch(1)
        form.addRow(self.tr("Without network"), file_row)
        return county_box

    def _actions(self):
        """Sync, cancel and the USB transport buttons, with the progress bar."""
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("Export batches to USB…"))
        self.export_button.clicked.connect(self._choose_export)
        self.receipt_button = QPushButton(self.tr("Import receipts…"))
        self.receipt_button.clicked.connect(self._choose_receipts)
        self.downlink_button = QPushButton(self.tr("Import county package…"))
        self.downlink_button.clicked.connect(self._choose_downlink)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        actions = QHBoxLayout()
        for w in (self.sync_button, self.cancel_button, self.export_button, self.receipt_button,
                  self.downlink_button):
            actions.addWidget(w)
        actions.addStretch(1)
        return actions

    def _batches(self):
        """The table of batches sent and waiting."""
        self.batch_model = RowsTableModel([self.tr("Batch"), self.tr("Changes"), self.tr("State"),
                                           self.tr("Conflicts"), self.tr("Attempts"),
                                           self.tr("Packed at"), self.tr("Acknowledged at"),
                                           self.tr("Reason")], self)
        self.batch_model.cells = [
            lambda r: r["sequence"], lambda r: r["change_count"],
            lambda r: self.state_label(r["state"]), lambda r: r["conflicts"],
            lambda r: r["attempts"], lambda r: _short_time(r["created_at"]),
            lambda r: _short_time(r["acknowledged_at"]), lambda r: r["reason"]]
        self.batch_model.colour = self._batch_colour
        self.batch_view = self._view(self.batch_model)
        return self.batch_view

    def _conflicts_view(self):
        """Conflicts listed beside the fields that differ; nothing changes until one is chosen."""
        self.conflict_model = RowsTableModel([self.tr("Record"), self.tr("Name"),
                                              self.tr("Reported at"), self.tr("Record id")], self)
        self.conflict_model.cells = [lambda r: self.entity_label(r["entity"]),
                                     lambda r: conflicts.title(r),
                                     lambda r: _short_time(r["detected_at"]),
                                     lambda r: r["entity_id"]]
        self.conflict_view = self._view(self.conflict_model)
        self.conflict_view.selectionModel().currentRowChanged.connect(self._show_conflict)
        self.diff_model = RowsTableModel([self.tr("Field"), self.tr("This register"),
                                          self.tr("County")], self)
        self.diff_model.cells = [lambda r: field_label(r[0]), lambda r: _value(r[1]),
                                 lambda r: _value(r[2])]
        self.diff_view = self._view(self.diff_model)
        self.keep_button = QPushButton(self.tr("Keep this register's version"))
        self.keep_button.clicked.connect(lambda: self.resolve("keep_local"))
        self.take_button = QPushButton(self.tr("Take the county's version"))
        self.take_button.clicked.connect(lambda: self.resolve("take_county"))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(QLabel(self.tr("Nothing is overwritten until you choose.")), 1)
        resolve_row.addWidget(self.keep_button)
        resolve_row.addWidget(self.take_button)
        diff_box = QWidget()
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.diff_view, 1)
        diff_layout.addLayout(resolve_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflict_view)
        split.addWidget(diff_box)
        split.setSizes([300, 500])
        return split

    # ---------------------------------------------------------------- labels
    def state_label(self, state: str) -> str:
        return {"pending": self.tr("pending"), "sent": self.tr("sent, awaiting receipt"),
                "acknowledged": self.tr("acknowledged"), "failed": self.tr("failed")}.get(state,
                                                                                        state)

    def enrolment_label(self, status: str) -> str:
        return {"active": self.tr("in force"), "pending": self.tr("awaiting the county's approval"),
                "revoked": self.tr("revoked by the county")}.get(status, status)

    def entity_label(self, entity: str) -> str:
        return {"household": self.tr("Household"), "organization": self.tr("Organization"),
                "household_member": self.tr("Household member"), "place": self.tr("Place"),
                "credit_record": self.tr("Credit record"),
                "list_entry": self.tr("List entry")}.get(entity, entity)

    def _batch_colour(self, row, column):
        if row["state"] == "failed":
            return QColor("#b3261e")
        if row["state"] == "acknowledged" and column == 2:
            return QColor("#1b6e20")
        return None

    def _view(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setAlternatingRowColors(True)
        return view

    # ---------------------------------------------------------------- state
    def refresh(self) -> None:
        db = self.ctx.ui_db
        st = outbox.status(db)
        self.status = st
        b = st["batches"]
        text = self.tr("Waiting for the county: {pending} changes ({unpacked} not yet in a batch). "
                       "Batches: {p} pending, {s} sent, {a} acknowledged, {f} failed. "
                       "Open conflicts: {c}. Last sync: {last}.").format(
            pending=st["pending_changes"], unpacked=st["unpacked_changes"],
            p=b["pending"]["batches"], s=b["sent"]["batches"], a=b["acknowledged"]["batches"],
            f=b["failed"]["batches"], c=st["open_conflicts"],
            last=_short_time(st["last_sync_at"]) or self.tr("never"))
        if not st["enrolled"]:
            text += " " + self.tr("Not enrolled with a county yet: enter its address and enrol.")
        self.summary.setText(text)
        if not self.url.hasFocus():
            self.url.setText(st["county_url"] or "")
        self.auto.blockSignals(True)
        self.auto.setChecked(st["auto_sync"])
        self.auto.blockSignals(False)
        self.batch_size.setValue(outbox.batch_size(db))
        try:
            mine = (keys.key_id(keys.raw_public(outbox.device_key(self.ctx.data)))
                    if outbox.device_key_path(self.ctx.data).exists()
                    else self.tr("not made yet"))
        except (OSError, ValueError):
            mine = "?"
        self.keys_label.setText(self.tr("this device {mine} · county {county}").format(
            mine=mine, county=st["county_key_id"] or "—"))
        self.batch_model.set_rows(outbox.batches(db))
        self._conflicts = conflicts.open_conflicts(db)
        self.conflict_model.set_rows(self._conflicts)
        self.tabs.setTabText(1, self.tr("Conflicts ({n})").format(n=len(self._conflicts)))
        if self._conflicts and self.conflict_view.currentIndex().row() < 0:
            self.conflict_view.selectRow(0)
        self._show_conflict()
        self._set_busy(self._job is not None)

    def _show_conflict(self, *args) -> None:
        row = self.conflict_view.currentIndex().row()
        conflict = self._conflicts[row] if 0 <= row < len(self._conflicts) else None
        self.diff_model.set_rows(conflicts.differences(conflict) if conflict else [])
        self.keep_button.setEnabled(conflict is not None and self._job is None)
        self.take_button.setEnabled(conflict is not None and self._job is None)

    def _set_busy(self, busy: bool) -> None:
        for w in (self.sync_button, self.export_button, self.receipt_button,
                  self.downlink_button, self.enrol_button):
            w.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        has = 0 <= self.conflict_view.currentIndex().row() < len(self._conflicts)
        self.keep_button.setEnabled(has and not busy)
        self.take_button.setEnabled(has and not busy)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1b6e20;")
        self.message.setText(text)

    # ---------------------------------------------------------------- running work
    def _start(self, op: Op, done_text) -> Job | None:
        """Run one sync action at a time, with the page's progress bar and message line;
        ``done_text(result)`` gives (message, is_error)."""
        if self._job is not None:
            return None
        self._say(self.tr("Working…"))
        self.progress.setRange(0, 0)

        def ended():
            self._job = None
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

        def done(result):
            self.progress.setValue(1)
            self.progress.setFormat("")
            text, error = done_text(result)
            self._say(text, error)
            self.refresh()

        def failed(message):
            self._say(message, True)
            self.refresh()

        def cancelled():
            self._say(self.tr("Cancelled. What the county already acknowledged stays "
                              "acknowledged; the rest is sent next time."), True)
            self.refresh()

        def progress(done_count, total, message):
            if total:
                self.progress.setRange(0, total)
                self.progress.setValue(done_count)
                self.progress.setFormat(f"{message}  %v / %m")

        self._job = (op.finally_(ended).success(done).failure(failed).cancelled(cancelled)
                     .progress(progress).run(self.ctx.ops))
        self._set_busy(True)
        return self._job

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _push_text(self, result):
        push = result["push"] if "push" in result else result
        text = self.tr("Sent {batches} batches ({changes} changes); {pending} changes still "
                       "waiting; {conflicts} conflicts.").format(
            batches=push["batches_sent"], changes=push["changes_sent"],
            pending=push["pending_after"], conflicts=push["conflicts"])
        pull = result.get("pull")
        if pull:
            text += " " + self.tr("From the county: {packages} packages, {entries} list entries, "
                                  "{policies} policies, {flagged} households flagged for "
                                  "review.").format(packages=pull["packages"],
                                                    entries=pull["list_entries"],
                                                    policies=pull["policies"],
                                                    flagged=pull["flagged"])
        if push["failed"]:
            return text + " " + self.tr("Failed: {reason}").format(
                reason=push["failed"]["reason"]), True
        return text, False

    def sync_now(self) -> Job | None:
        url = self.url.text().strip() or None
        return self._start(BackgroundOp(self, client.sync_now, self.ctx.data,
                                        self.ctx.operator_id, url), self._push_text)

    def enrol(self) -> Job | None:
        url = self.url.text().strip()
        return self._start(BackgroundOp(self, client.enroll, self.ctx.data, url),
                           lambda r: (self.tr("Enrolled with county {county}; status: {status}. "
                                            "County key {key}: compare it with the one the county "
                                            "announced.").format(county=r["county_code"],
                                                                 status=self.enrolment_label(
                                                                     r["status"]),
                                                                 key=r["county_key_id"]), False))

    def export_to(self, target: str) -> Job | None:
        return self._start(WriteOp(self, usb.export_batches, self.ctx.data, target),
                           lambda r: (self.tr("Wrote {batches} batch files ({changes} changes) to "
                                            "{target}. Bring back the county's receipt files and "
                                            "import them.").format(**r), False))

    def import_receipts_from(self, path: str) -> Job | None:
        def text(r):
            out = self.tr("{n} batches acknowledged, {already} already acknowledged, {c} "
                          "conflicts.").format(n=r["acknowledged"], already=r["already"],
                                               c=r["conflicts"])
            for refused in r["refused"]:
                out += "\n" + self.tr("Refused {file}: {reason}").format(**refused)
            for refused in r["county_refused"]:
                out += "\n" + self.tr("The county refused {file}: {reason}").format(
                    file=refused["file"], reason=refused["reason"])
            return out, bool(r["refused"] or r["county_refused"])
        return self._start(WriteOp(self, usb.import_receipts, path), text)

    def import_downlink_from(self, path: str) -> Job | None:
        return self._start(WriteOp(self, usb.import_downlink, self.ctx.operator_id, path),
                           lambda r: (self.tr("From the county: {packages} packages, {entries} list "
                                            "entries, {policies} policies, {flagged} households "
                                            "flagged for review.").format(
                             packages=r["packages"], entries=r["list_entries"],
                             policies=r["policies"], flagged=r["flagged"]), False))

    def resolve(self, choice: str) -> Job | None:
        row = self.conflict_view.currentIndex().row()
        if not 0 <= row < len(self._conflicts):
            return None
        return self._start(WriteOp(self, conflicts.resolve, self.ctx.operator_id,
                                   self._conflicts[row]["id"], choice),
                           lambda r: (self.tr("Resolved; the choice goes to the county with the "
                                              "next sync."), False))

    def enrol_request_to(self, folder: str) -> Job | None:
        return self._start(BackgroundOp(self, client.enrolment_request, self.ctx.data, folder),
                           lambda path: (self.tr("Wrote the enrolment request {path}. Take it "
                                                 "to the county IT team and bring back their "
                                                 "approval file.").format(path=path), False))

    def enrol_from_approval(self, path: str) -> Job | None:
        return self._start(WriteOp(self, client.enroll_from_approval, self.ctx.data, path),
                           lambda r: (self.tr("Enrolled with county {county}; status: {status}. "
                                              "County key {key}: compare it with the one the "
                                              "county announced.").format(
                               county=r["county_code"], status=self.enrolment_label(r["status"]),
                               key=r["county_key_id"]), False))

    def _choose_request(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the enrolment "
                                                                "request"))
        if folder:
            self.enrol_request_to(folder)

    def _choose_approval(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("County approval"), "",
                                              self.tr("County approvals (*.ctapproval)"))
        if path:
            self.enrol_from_approval(path)

    def _choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder on the USB stick"))
        if folder:
            self.export_to(folder)

    def _choose_receipts(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the county's "
                                                                "receipt files"))
        if folder:
            self.import_receipts_from(folder)

    def _choose_downlink(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("County package"), "",
                                              self.tr("County packages (*.ctdownlink *.zip)"))
        if path:
            self.import_downlink_from(path)

    # ---------------------------------------------------------------- settings
    def _save(self, key: str, value) -> None:
        WriteOp(self, settings.put, key, value).success(lambda _: self.refresh()).run(self.ctx.ops)

    def _auto_toggled(self, on: bool) -> None:
        self._save("sync.auto", bool(on))

    def _batch_size_changed(self) -> None:
        self._save("sync.batch_size", self.batch_size.value())

    def _auto_finished(self, result) -> None:
        if result is None:
            self._say(self.tr("The county was not reachable; will try again later."))
        else:
            text, error = self._push_text(result)
            self._say(text, error)
        self.refresh()


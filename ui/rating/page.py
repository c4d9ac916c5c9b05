"""The rating area's page: the campaign and village at the top, then the scoring
workspace with the workflow steps, the results and the review queue as tabs.

Saves and workflow steps are operations on the write lane, printouts on the
background lane (``ui.operations``); the list updates when they are done.
Scoring is ``ui.rating.scoring``, results ``ui.rating.results``, the review
queue ``ui.rating.review``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QScrollArea,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.rating import campaign as campaigns, inputs as auto_inputs, printouts, statuses
from app.rating import verdicts, workflow
from app.rating.scheme import Scheme
from ui.operations import BackgroundOp, WriteOp
from ui.rating.objections import ObjectionsTab
from ui.rating.results import ResultsTab
from ui.rating.review import ReviewQueueTab
from ui.rating.scoring import (VETO_COLOUR, ScoringPanel, format_points, ratings_model,
                               update_rating_row)
from ui.sizing import fit_columns


class _FormDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class RatingPage(QWidget):
    """Rating workspace, results and review queue."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.campaign: dict[str, Any] | None = None
        self.scheme: Scheme | None = None
        self.panel: ScoringPanel | None = None
        self._pending_saves = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.campaign_label = QLabel()
        top.addWidget(self.campaign_label, 1)
        top.addWidget(QLabel(self.tr("Village")))
        self.village_box = QComboBox()
        self.village_box.setMinimumWidth(160)
        self.village_box.currentIndexChanged.connect(self._village_changed)
        top.addWidget(self.village_box)
        self.start_button = QPushButton(self.tr("Start this year's campaign"))
        self.start_button.clicked.connect(self.start_campaign)
        top.addWidget(self.start_button)
        layout.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        # workspace
        self.workspace = QWidget()
        work = QVBoxLayout(self.workspace)
        self.splitter = QSplitter()
        self.model = ratings_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Fitted once per list from its first rows (ResizeToContents measured a thousand of
        # a village's rows at every layout and froze the first open for seconds).
        self.model.modelReset.connect(lambda: fit_columns(self.table))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.splitter.addWidget(self.table)
        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.splitter.addWidget(self.panel_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 760])
        work.addWidget(self.splitter, 1)
        self.progress = QLabel()
        work.addWidget(self.progress)
        actions = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for step, text in (("first_review", self.tr("First review (village group)")),
                           ("notice", self.tr("Publish notice…")),
                           ("objection", self.tr("Record objection…")),
                           ("township_review", self.tr("Township review")),
                           ("approve", self.tr("Approve")),
                           ("plaque", self.tr("Award plaques"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=step: self._step_clicked(s))
            self.step_buttons[step] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.undo_button = QPushButton(self.tr("Undo the last step"))
        self.undo_button.clicked.connect(self._undo_clicked)
        actions.addWidget(self.undo_button)
        self.print_button = QPushButton(self.tr("Print notice list…"))
        self.print_button.clicked.connect(self._print_notice_clicked)
        actions.addWidget(self.print_button)
        work.addLayout(actions)
        manage = QHBoxLayout()
        manage.addWidget(QLabel(self.tr("Dynamic management of the chosen household:")))
        self.manage_buttons: dict[str, QPushButton] = {}
        for action, text in (("review", self.tr("Annual review")),
                             ("downgrade", self.tr("Downgrade…")),
                             ("remove", self.tr("Remove (摘牌)…")),
                             ("reinstate", self.tr("Reinstate…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: self._manage_clicked(a))
            self.manage_buttons[action] = button
            manage.addWidget(button)
        manage.addStretch(1)
        work.addLayout(manage)
        self.tabs.addTab(self.workspace, self.tr("Scoring and workflow"))
        self.results = ResultsTab(self)
        self.tabs.addTab(self.results, self.tr("Results"))
        self.objections = ObjectionsTab(self)
        self.tabs.addTab(self.objections, self.tr("Objections"))
        self.review = ReviewQueueTab(self)
        self.tabs.addTab(self.review, self.tr("Review queue"))
        self.tabs.currentChanged.connect(lambda _: self.refresh_side_tabs())
        self.reload()

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        db = self.ctx.ui_db
        self.campaign = campaigns.current_campaign(db)
        self.start_button.setVisible(self.campaign is None)
        if self.campaign is None:
            self.campaign_label.setText(self.tr("No rating campaign yet."))
            self.tabs.setEnabled(False)
            return
        self.tabs.setEnabled(True)
        self.scheme = campaigns.campaign_scheme(db, self.campaign)
        self.campaign_label.setText(self.tr("{name} · scheme {version} · {status}").format(
            name=self.campaign["name"], version=self.scheme.version,
            status=self.tr("open") if self.campaign["status"] == "open" else self.tr("closed")))
        # One panel per scheme (households; organizations when the campaign rates
        # them), both inside one holder: the selected row shows its own.
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        self.panels = {"household": ScoringPanel(self.scheme)}
        if self.campaign.get("org_scheme_id"):
            self.panels["organization"] = ScoringPanel(
                campaigns.scheme_for_kind(db, self.campaign, "organization"))
        for panel in self.panels.values():
            panel.save_requested.connect(self.save_current)
            stack.addWidget(panel)
            panel.setVisible(panel is self.panels["household"])
        self.panel = self.panels["household"]
        self.panel_area.setWidget(holder)
        current = self.village_box.currentData()
        self.village_box.blockSignals(True)
        self.village_box.clear()
        for village in verdicts.campaign_villages(db, self.campaign):
            self.village_box.addItem(village["name"], village["id"])
        index = max(0, self.village_box.findData(current))
        self.village_box.setCurrentIndex(index)
        self.village_box.blockSignals(False)
        self._village_changed()

    def village_id(self) -> str | None:
        return self.village_box.currentData()

    def select_village(self, name: str) -> None:
        self.village_box.setCurrentIndex(self.village_box.findText(name))

    def _village_changed(self, *_):
        if not self.campaign or not self.village_id():
            return
        self.model.set_rows(campaigns.village_ratings(self.ctx.ui_db, self.campaign["id"],
                                                      self.village_id()))
        self._update_progress()
        if self.model.rows:
            first = next((i for i, r in enumerate(self.model.rows)
                          if r["status"] == "collected" and not r["complete"]), 0)
            self.table.selectRow(first)

    def _update_progress(self) -> None:
        if not self.campaign or not self.village_id():
            return
        p = workflow.village_progress(self.ctx.ui_db, self.campaign["id"], self.village_id())
        parts = [f"{workflow.status_label(s)} {p[s]}" for s in statuses.ORDER if p[s]]
        if p["removed"]:
            parts.append(f"{workflow.status_label('removed')} {p['removed']}")
        text = " · ".join(parts)
        if p["incomplete"]:
            text += " · " + self.tr("{n} not fully scored").format(n=p["incomplete"])
        if p["open_objections"]:
            text += " · " + self.tr("{n} open objections").format(n=p["open_objections"])
        self.progress.setText(text)

    def _row_changed(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid() or self.panel is None:
            return
        row = self.model.rows[current.row()]
        db = self.ctx.ui_db
        rating = campaigns.get_rating(db, row["id"])
        panel = self.panels.get(rating["subject_kind"], self.panels["household"])
        if panel is not self.panel:
            self.panel.setVisible(False)
            panel.setVisible(True)
            self.panel = panel
        household = {"head_name": row["head_name"], "head_id_number": row["head_id_number"],
                     "group_name": row["group_name"]}
        scheme = panel.scheme
        values = auto_inputs.household_inputs(
            db, [rating["subject_id"]], scheme.sources, kind=scheme.subject).get(
            rating["subject_id"], {}) if rating["status"] == "collected" else json.loads(
            rating["inputs"] or "{}")
        self.panel.load(rating, household, values, workflow.history(db, rating["id"]))

    def current_rating(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # ------------------------------------------------------------ actions
    def ended(self) -> None:
        self.status.setStyleSheet("")

    def refused(self, message: str) -> None:
        """Why an action was refused, in the status line (bugs open the error dialog)."""
        self.status.setText(message)
        self.status.setStyleSheet(f"color: {VETO_COLOUR};")

    def save_current(self) -> None:
        """Save the open household's answers and move on to the next one."""
        rating = self.current_rating()
        if rating is None or self.panel is None or rating["status"] != "collected":
            return
        answers = self.panel.answers()

        def saved(after):
            update_rating_row(self.model, after)
            self._update_progress()
            vetoed = self.tr("vetoed")
            result = after["grade"] or (vetoed if after["veto"] else "—")
            self.status.setText(self.tr("Saved {name}: {score} points, {result}.").format(
                name=rating["head_name"], score=format_points(after["score"]), result=result))
        (WriteOp(self, campaigns.save_answers, self.ctx.operator_id, rating["id"], answers)
         .finally_(self.ended).success(saved).failure(self.refused).run(self.ctx.ops))
        next_row = self.table.currentIndex().row() + 1
        if next_row < self.model.rowCount():
            self.table.selectRow(next_row)

    def refresh_village(self, *_):
        self._village_changed()
        self.refresh_side_tabs()

    def confirm(self, title: str, text: str) -> bool:
        """Ask before a step that moves many households (tests answer for the user)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def run_step(self, step: str) -> None:
        ids = workflow.eligible(self.ctx.ui_db, self.campaign["id"], self.village_id(), step)
        what = workflow.moving(self.ctx.ui_db, ids)
        if ids and not self.confirm(workflow.step_label(step), self.tr(
                "'{step}' will move {what} of {village}. You can undo it until the "
                "next step is taken. Go ahead?").format(
                step=workflow.step_label(step), what=what,
                village=self.village_box.currentText())):
            return

        def done(_count):
            self.refresh_village()
            self.status.setText(self.tr("{step}: {what}. 'Undo the last step' takes it "
                                        "back until the next step.").format(
                step=workflow.step_label(step), what=what))

        (WriteOp(self, workflow.advance_village, self.ctx.operator_id, self.campaign["id"],
                 self.village_id(), step)
         .finally_(self.ended).success(done).failure(self.refused).run(self.ctx.ops))

    def undo_last_step(self) -> None:
        what = workflow.moving(self.ctx.ui_db, workflow.last_batch_ratings(
            self.ctx.ui_db, self.campaign["id"], self.village_id()))

        def done(_count):
            self.refresh_village()
            self.status.setText(self.tr("Undone: {what} are back where they were.")
                                .format(what=what))
        (WriteOp(self, workflow.undo_last_batch, self.ctx.operator_id, self.campaign["id"],
                 self.village_id())
         .finally_(self.ended).success(done).failure(self.refused).run(self.ctx.ops))

    def _undo_clicked(self) -> None:
        batch = workflow.last_batch(self.ctx.ui_db, self.campaign["id"], self.village_id())
        if batch and batch["undoable"] and not self.confirm(self.tr("Undo"), self.tr(
                "Undo '{step}' of {n} households?").format(
                step=workflow.step_label(batch["step"]), n=batch["count"])):
            return
        self.undo_last_step()

    def manage(self, action: str, reason: str = "", grade: str | None = None) -> None:
        """Annual review, downgrade, removal or reinstatement of the chosen household."""
        rating = self.current_rating()
        if rating is None:
            self.refused(self.tr("Choose a household in the list first."))
            return
        if action == "review":
            call = (workflow.annual_review, {"note": reason or None})
        elif action == "downgrade":
            call = (workflow.downgrade, {"grade": grade or "", "reason": reason})
        else:
            call = ({"remove": workflow.remove, "reinstate": workflow.reinstate}[action],
                    {"reason": reason})

        def done(after):
            self.refresh_village()
            self.status.setText(self.tr("{name}: now '{status}', grade {grade}.").format(
                name=rating["head_name"], status=workflow.status_label(after["status"]),
                grade=after["grade"] or "—"))
        (WriteOp(self, call[0], self.ctx.operator_id, rating["id"], **call[1])
         .finally_(self.ended).success(done).failure(self.refused).run(self.ctx.ops))

    def _manage_clicked(self, action: str) -> None:
        rating = self.current_rating()
        if rating is None:
            self.refused(self.tr("Choose a household in the list first."))
            return
        grade = None
        if action == "downgrade":
            grades = workflow.lower_grades(self.ctx.ui_db, rating["id"])
            grade, ok = QInputDialog.getItem(self, self.tr("Downgrade"), self.tr(
                "New grade for {name}").format(name=rating["head_name"]), grades, 0, False)
            if not ok:
                return
        reason = ""
        if action != "review":
            reason, ok = QInputDialog.getText(self, self.tr("Reason"), self.tr(
                "Reason ({name})").format(name=rating["head_name"]))
            if not ok:
                return
        self.manage(action, reason, grade)

    def publish_notice(self, start: str, end: str, contact: str) -> None:
        def done(_notice):
            self.refresh_village()
            self.status.setText(self.tr("Notice published from {start} to {end}; print the list "
                                        "for the village board.").format(start=start, end=end))

        (WriteOp(self, workflow.publish_notice, self.ctx.operator_id, self.campaign["id"],
                 self.village_id(), start_date=start, end_date=end, objection_contact=contact)
         .finally_(self.ended).success(done).failure(self.refused).run(self.ctx.ops))

    def record_objection(self, on: str, by: str, content: str) -> None:
        rating = self.current_rating()
        if rating is None:
            return
        (WriteOp(self, workflow.raise_objection, self.ctx.operator_id, rating["id"],
                 raised_on=on, raised_by=by, content=content)
         .finally_(self.ended).success(self.refresh_village).failure(self.refused)
         .run(self.ctx.ops))

    def _step_clicked(self, step: str) -> None:
        if step == "notice":
            self._notice_dialog()
        elif step == "objection":
            self._objection_dialog()
        else:
            self.run_step(step)

    def _notice_dialog(self) -> None:
        dialog = _FormDialog(self.tr("Publish the notice"), self)
        today = QDate.currentDate()
        start, end = QDateEdit(today), QDateEdit(today.addDays(self.scheme.notice_days - 1))
        for edit in (start, end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        township = self.ctx.ui_db.execute(
            "SELECT name FROM place WHERE id = ?", [self.campaign["township_id"]]).fetchone()
        contact = QLineEdit(self.tr("{township} credit office").format(
            township=township[0] if township else ""))
        dialog.form.addRow(self.tr("Start"), start)
        dialog.form.addRow(self.tr("End"), end)
        dialog.form.addRow(self.tr("Objections to"), contact)
        dialog.finish()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.publish_notice(start.date().toString("yyyy-MM-dd"),
                                end.date().toString("yyyy-MM-dd"), contact.text())

    def _objection_dialog(self) -> None:
        rating = self.current_rating()
        if rating is None:
            return
        dialog = _FormDialog(self.tr("Objection about {name}").format(name=rating["head_name"]),
                             self)
        on = QDateEdit(QDate.currentDate())
        on.setDisplayFormat("yyyy-MM-dd")
        by, content = QLineEdit(), QLineEdit()
        dialog.form.addRow(self.tr("Date"), on)
        dialog.form.addRow(self.tr("Raised by"), by)
        dialog.form.addRow(self.tr("Objection"), content)
        dialog.finish()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_objection(on.date().toString("yyyy-MM-dd"), by.text(), content.text())

    def print_notice(self, path: str) -> None:
        (BackgroundOp(self, printouts.notice_pdf, self.ctx.operator_id, self.campaign["id"],
                      self.village_id(), path)
         .finally_(self.ended).failure(self.refused)
         .success(lambda p: self.status.setText(self.tr("Printed to {path}").format(path=p)))
         .run(self.ctx.ops))

    def _print_notice_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice list"),
                                              f"{self.village_box.currentText()}公示名单.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.print_notice(path)

    def start_campaign(self) -> None:
        year = dt.date.today().year
        name = self.tr("{year} credit household rating").format(year=year)
        (WriteOp(self, campaigns.create_campaign, self.ctx.operator_id, name=name, year=year)
         .finally_(self.ended).success(lambda _: self.reload()).failure(self.refused)
         .run(self.ctx.ops))

    # ------------------------------------------------------------ results
    def refresh_side_tabs(self) -> None:
        if not self.campaign:
            return
        self.results.reload()
        self.objections.reload()
        self.review.reload()

    def close_page(self) -> None:
        pass

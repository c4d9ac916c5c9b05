"""The rating workspace: score one village's households at keyboard speed,
move them through the workflow, and see the results per village.

Keyboard: in the scoring panel each manual indicator is a row; the digit
keys pick an option (1 = first) and move on to the next row, Up/Down move
between rows, Enter on the last row (or Ctrl+Enter anywhere) saves and opens
the next household. The score, grade and veto reason update as you type
(computed in Python with the campaign's scheme and the household's
automatic inputs, read once when the household is opened). Saves and
workflow steps are operations on the write lane, printouts on the background
lane (``ui.operations``); the list updates when they are done.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit,
                               QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from app.identity import mask_id_number
from app.rating import assess, campaign as campaigns, inputs as auto_inputs, printouts, verdicts
from app.rating import review_queue, statuses, workflow
from app.rating.scheme import Scheme
from app.units import format_mu, format_yuan
from ui.operations import BackgroundOp, WriteOp

GRADE_COLOURS = {"AAA": "#1b7f3b", "AA": "#0f7c8c", "A": "#2a5db0"}
VETO_COLOUR = "#b3261e"


def _value_text(source: str, value: int) -> str:
    if source.endswith("_yuan"):
        return format_yuan(value)
    if source.endswith("_mu"):
        return format_mu(value)
    if source.startswith("lists.") or source == "credit.serious_loan_default":
        return "●" if value else "—"
    return str(value)


def _points(value) -> str:
    if value is None:
        return "—"
    value = Decimal(str(value))
    return str(int(value)) if value == value.to_integral_value() else f"{value:.2f}".rstrip("0")


class RatingsModel(QAbstractTableModel):
    """One village's ratings (a few hundred to a few thousand rows, in memory)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers = [self.tr("Head of household"), self.tr("Group"), self.tr("Score"),
                        self.tr("Grade"), self.tr("Step"), self.tr("Veto")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def update_row(self, rating: dict[str, Any]) -> None:
        for number, row in enumerate(self.rows):
            if row["id"] == rating["id"]:
                row.update({k: rating[k] for k in ("status", "score", "complete", "grade", "veto",
                                                   "version", "answers") if k in rating})
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.headers) - 1))
                return

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row["head_name"]
            if column == 1:
                return row["group_name"] or ""
            if column == 2:
                return _points(row["score"]) if row["complete"] else f"({_points(row['score'])})"
            if column == 3:
                if row["grade"]:
                    return row["grade"]
                if not row["complete"]:
                    return self.tr("unfinished")
                return self.tr("vetoed") if row["veto"] else self.tr("below A")
            if column == 4:
                return workflow.status_label(row["status"])
            if column == 5:
                return row["veto"] or ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and row["grade"]:
                return QColor(GRADE_COLOURS.get(row["grade"], "#333333"))
            if column == 5 or (column == 3 and row["veto"]):
                return QColor(VETO_COLOUR)
            if column in (2, 3) and not row["complete"]:
                return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class ChoiceRow(QFrame):
    """One manual indicator: its options as buttons, chosen with the digit keys."""

    chosen = Signal()
    move = Signal(int)

    def __init__(self, indicator, parent=None):
        super().__init__(parent)
        self.indicator = indicator
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("choiceRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel(indicator.name)
        self.label.setMinimumWidth(150)
        layout.addWidget(self.label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[QPushButton] = []
        for number, option in enumerate(indicator.options, start=1):
            button = QPushButton(f"{number} {option.label}（{_points(option.points)}）")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=number - 1: self.choose(i))
            self.group.addButton(button)
            self.buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.points = QLabel("—")
        self.points.setMinimumWidth(30)
        layout.addWidget(self.points)
        self._style(False)

    def _style(self, focused: bool) -> None:
        colour = "#2a5db0" if focused else "transparent"
        self.setStyleSheet(f"#choiceRow {{ border: 2px solid {colour}; border-radius: 4px; }}")

    def focusInEvent(self, event):  # noqa: N802
        self._style(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event):  # noqa: N802
        self._style(False)
        super().focusOutEvent(event)

    def value(self) -> str | None:
        for button, option in zip(self.buttons, self.indicator.options):
            if button.isChecked():
                return option.key
        return None

    def set_value(self, key: str | None) -> None:
        for button, option in zip(self.buttons, self.indicator.options):
            button.setChecked(option.key == key)

    def set_points(self, points) -> None:
        self.points.setText(_points(points))

    def choose(self, index: int | None) -> None:
        for number, button in enumerate(self.buttons):
            button.setChecked(number == index)
        self.chosen.emit()

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_1 < len(self.buttons) \
                and self.isEnabled():
            self.choose(key - Qt.Key.Key_1)
            self.move.emit(1)
            return
        if key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.choose(None)
            return
        if key == Qt.Key.Key_Down:
            self.move.emit(1)
            return
        if key == Qt.Key.Key_Up:
            self.move.emit(-1)
            return
        super().keyPressEvent(event)


class ScoringPanel(QWidget):
    """Automatic indicators (read-only), manual ones (keyboard), vetoes, live result."""

    changed = Signal()
    save_requested = Signal()

    def __init__(self, scheme: Scheme, parent=None):
        super().__init__(parent)
        self.scheme = scheme
        self.inputs: dict[str, int] = {}
        self.rating: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.result = QLabel()
        big = self.result.font()
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.result.setFont(big)
        self.result.setObjectName("ratingResult")
        layout.addWidget(self.result)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)

        auto_tag, veto_tag = self.tr("auto"), self.tr("Veto")
        auto_box = QGridLayout()
        auto_box.addWidget(QLabel(self.tr("Filled automatically from the register and credit "
                                          "records")), 0, 0, 1, 3)
        self.auto_labels: dict[str, tuple[QLabel, QLabel]] = {}
        row = 1
        for indicator in scheme.indicators:
            if not indicator.automatic:
                continue
            value, points = QLabel(), QLabel()
            auto_box.addWidget(QLabel(f"{indicator.name} · {auto_tag}"), row, 0)
            auto_box.addWidget(value, row, 1)
            auto_box.addWidget(points, row, 2)
            self.auto_labels[indicator.key] = (value, points)
            row += 1
        for veto in scheme.vetoes:
            if veto.automatic:
                value = QLabel()
                auto_box.addWidget(QLabel(f"{veto_tag}：{veto.name} · {auto_tag}"), row, 0)
                auto_box.addWidget(value, row, 1)
                self.auto_labels["veto:" + veto.key] = (value, QLabel())
                row += 1
        auto_box.setColumnStretch(3, 1)
        auto_box.setColumnMinimumWidth(1, 90)
        auto_box.setColumnMinimumWidth(2, 30)
        layout.addLayout(auto_box)

        layout.addWidget(QLabel(self.tr("Village evaluation group: press 1, 2, 3 … for each "
                                        "row; Enter saves and opens the next household")))
        self.rows: list[ChoiceRow] = []
        for indicator in scheme.manual_indicators:
            if not indicator.options:
                continue
            choice = ChoiceRow(indicator)
            choice.chosen.connect(self._changed)
            choice.move.connect(lambda step, c=choice: self._move(c, step))
            self.rows.append(choice)
            layout.addWidget(choice)
        self.vetoes: dict[str, QCheckBox] = {}
        for veto in scheme.vetoes:
            if not veto.automatic:
                box = QCheckBox(f"{veto_tag}：{veto.name}")
                box.toggled.connect(self._changed)
                self.vetoes[veto.key] = box
                layout.addWidget(box)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save and next (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #555;")
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.setEnabled(False)

    def _move(self, row: ChoiceRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            self.rows[index].setFocus()
        elif index >= len(self.rows):
            self.save_button.setFocus()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.save_requested.emit()
            return
        super().keyPressEvent(event)

    def load(self, rating: dict[str, Any], household: dict[str, Any], inputs: dict[str, int],
             history: list[dict[str, Any]]) -> None:
        self.rating, self.inputs = rating, inputs
        answers = json.loads(rating["answers"] or "{}")
        self.title.setText(f"{household['head_name']}　{mask_id_number(household['head_id_number'])}"
                           f"　{household.get('group_name') or ''}")
        editable = rating["status"] == "collected"
        for row in self.rows:
            row.blockSignals(True)
            row.set_value(answers.get(row.indicator.key))
            row.blockSignals(False)
            row.setEnabled(editable)
        for key, box in self.vetoes.items():
            box.blockSignals(True)
            box.setChecked(bool(answers.get(assess.VETO_PREFIX + key)))
            box.blockSignals(False)
            box.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.history.setText("\n".join(
            f"{h['at'][:10]} {workflow.step_label(h['step'])} · {h['operator_name']}"
            + (f" · {h['note']}" if h["note"] else "") for h in history))
        self.setEnabled(True)
        self.refresh()
        if editable and self.rows:
            first = next((r for r in self.rows if r.value() is None), self.rows[0])
            first.setFocus()

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {r.indicator.key: r.value() for r in self.rows if r.value()}
        for key, box in self.vetoes.items():
            if box.isChecked():
                out[assess.VETO_PREFIX + key] = True
        return out

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def current(self) -> assess.Result:
        return assess.score(self.scheme, self.answers(), self.inputs)

    def refresh(self) -> None:
        result = self.current()
        for key, (value, points) in self.auto_labels.items():
            if key.startswith("veto:"):
                veto = next(v for v in self.scheme.vetoes if v.key == key[5:])
                value.setText(_value_text(veto.source, self.inputs.get(veto.source, 0)))
                continue
            indicator = self.scheme.indicator(key)
            value.setText(_value_text(indicator.source, self.inputs.get(indicator.source, 0)))
            points.setText(_points(result.breakdown.get(key)))
        for row in self.rows:
            row.set_points(result.breakdown.get(row.indicator.key))
        score = _points(result.score)
        if result.veto:
            text = self.tr("{score} points · vetoed: {reason}").format(score=score,
                                                                       reason=result.veto)
            colour = VETO_COLOUR
        elif not result.complete:
            text = self.tr("{score} points so far · {n} to answer").format(
                score=score, n=len(result.missing))
            colour = "#8a8a8a"
        elif result.grade:
            text = self.tr("{score} points · {grade} {label}").format(
                score=score, grade=result.grade, label=self.scheme.grade_label(result.grade))
            colour = GRADE_COLOURS.get(result.grade, "#333")
        else:
            text = self.tr("{score} points · not a credit household").format(score=score)
            colour = "#8a5a00"
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {colour};")
        self.detail.setText(" · ".join(
            f"{name} {_points(sum((result.breakdown[i.key] or 0) for i in self.scheme.indicators if i.dimension == key))}"
            for key, name in self.scheme.dimensions.items()))


class ShareChart(QWidget):
    """Credit-household share per village as bars, with the threshold as a line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.villages: list[dict[str, Any]] = []
        self.threshold = 0.7
        self.setMinimumHeight(220)

    def set_data(self, villages: list[dict[str, Any]], threshold: float) -> None:
        self.villages, self.threshold = villages, threshold
        self.update()

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        left, top, right, bottom = 44, 24, 12, 64
        width = max(1, self.width() - left - right)
        height = max(1, self.height() - top - bottom)
        axis = QPen(QColor("#8a9bb0"))
        painter.setPen(axis)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for tick in (0, 25, 50, 75, 100):
            y = top + height * (1 - tick / 100)
            painter.drawLine(left - 4, int(y), left + width, int(y))
            painter.drawText(QRectF(0, y - 8, left - 6, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{tick}%")
        n = len(self.villages)
        if n:
            slot = width / n
            bar = max(2.0, slot * 0.65)
            for index, village in enumerate(self.villages):
                share = village["credit_share"]
                x = left + slot * index + (slot - bar) / 2
                h = height * min(1.0, share)
                colour = QColor("#2f8f4e") if village["is_credit_village"] else QColor("#c7772b")
                painter.fillRect(QRectF(x, top + height - h, bar, h), colour)
                painter.setPen(QColor("#1f2d3d"))
                painter.save()
                painter.translate(x + bar / 2, top + height + 6)
                painter.rotate(45)
                painter.drawText(0, 8, village["village_name"])
                painter.restore()
        line = QPen(QColor(VETO_COLOUR))
        line.setWidth(2)
        line.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(line)
        y = top + height * (1 - self.threshold)
        painter.drawLine(left, int(y), left + width, int(y))
        painter.drawText(QRectF(left + 4, y - 18, width - 8, 16),
                         int(Qt.AlignmentFlag.AlignRight),
                         self.tr("credit village threshold {share}").format(
                             share=f"{self.threshold * 100:.0f}%"))
        painter.end()


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


class SummaryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.grades: list[str] = []

    def set_summary(self, villages: list[dict[str, Any]], grades: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.grades = villages, grades
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Village"), self.tr("Households"), self.tr("Rated"), *self.grades,
                self.tr("Vetoed"), self.tr("Credit share"), self.tr("On-time"), self.tr("NPL"),
                self.tr("Credit village")]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        values = [v["village_name"], v["households"], v["rated"],
                  *[v["grades"].get(g, 0) for g in self.grades], v["vetoed"],
                  f"{v['credit_share'] * 100:.2f}%", f"{v['on_time_rate'] * 100:.2f}%",
                  f"{v['npl_ratio'] * 100:.2f}%",
                  self.tr("yes") if v["is_credit_village"] else self.tr("no")]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == len(values) - 1:
            return QColor("#1b7f3b") if v["is_credit_village"] else QColor("#a05a00")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


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
        self.model = RatingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.print_button = QPushButton(self.tr("Print notice list…"))
        self.print_button.clicked.connect(self._print_notice_clicked)
        actions.addWidget(self.print_button)
        work.addLayout(actions)
        self.tabs.addTab(self.workspace, self.tr("Scoring and workflow"))
        # results
        results = QWidget()
        res = QVBoxLayout(results)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        res.addWidget(self.verdict)
        self.chart = ShareChart()
        res.addWidget(self.chart, 2)
        self.summary_model = SummaryModel(self)
        self.summary_table = QTableView()
        self.summary_table.setModel(self.summary_model)
        self.summary_table.verticalHeader().setVisible(False)
        self.summary_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.summary_table.horizontalHeader().setStretchLastSection(True)
        res.addWidget(self.summary_table, 3)
        exports = QHBoxLayout()
        exports.addStretch(1)
        for kind, text in (("pdf", self.tr("Summary as PDF…")), ("xlsx", self.tr("Summary as Excel…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self._export_clicked(k))
            exports.addWidget(button)
        res.addLayout(exports)
        self.tabs.addTab(results, self.tr("Results"))
        # review queue
        review = QWidget()
        rev = QVBoxLayout(review)
        rev.addWidget(QLabel(self.tr("Households flagged by new negative facts (overdue loans, "
                                     "list entries, broken promises) wait here for review.")))
        self.flags_table = QTableView()
        self.flags_model = _FlagsModel(self)
        self.flags_table.setModel(self.flags_model)
        self.flags_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flags_table.horizontalHeader().setStretchLastSection(True)
        rev.addWidget(self.flags_table, 1)
        flag_buttons = QHBoxLayout()
        flag_buttons.addStretch(1)
        for action, text in (("keep", self.tr("Keep the grade")), ("remove", self.tr("Remove (摘牌)"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=action: self._resolve_flag_clicked(a))
            flag_buttons.addWidget(button)
        rev.addLayout(flag_buttons)
        self.tabs.addTab(review, self.tr("Review queue"))
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
        self.panel = ScoringPanel(self.scheme)
        self.panel.save_requested.connect(self.save_current)
        self.panel_area.setWidget(self.panel)
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
        household = {"head_name": row["head_name"], "head_id_number": row["head_id_number"],
                     "group_name": row["group_name"]}
        values = auto_inputs.household_inputs(db, [rating["subject_id"]], self.scheme.sources).get(
            rating["subject_id"], {}) if rating["status"] == "collected" else json.loads(
            rating["inputs"] or "{}")
        self.panel.load(rating, household, values, workflow.history(db, rating["id"]))

    def current_rating(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # ------------------------------------------------------------ actions
    def _ended(self) -> None:
        self.status.setStyleSheet("")

    def _refused(self, message: str) -> None:
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
            self.model.update_row(after)
            self._update_progress()
            vetoed = self.tr("vetoed")
            result = after["grade"] or (vetoed if after["veto"] else "—")
            self.status.setText(self.tr("Saved {name}: {score} points, {result}.").format(
                name=rating["head_name"], score=_points(after["score"]), result=result))
        (WriteOp(self, campaigns.save_answers, self.ctx.operator_id, rating["id"], answers)
         .finally_(self._ended).success(saved).failure(self._refused).run(self.ctx.ops))
        next_row = self.table.currentIndex().row() + 1
        if next_row < self.model.rowCount():
            self.table.selectRow(next_row)

    def _refresh_village(self, *_):
        self._village_changed()
        self.refresh_side_tabs()

    def run_step(self, step: str) -> None:
        def done(count):
            self._refresh_village()
            self.status.setText(self.tr("{step}: {n} households.").format(
                step=workflow.step_label(step), n=count))

        (WriteOp(self, workflow.advance_village, self.ctx.operator_id, self.campaign["id"],
                 self.village_id(), step)
         .finally_(self._ended).success(done).failure(self._refused).run(self.ctx.ops))

    def publish_notice(self, start: str, end: str, contact: str) -> None:
        def done(_notice):
            self._refresh_village()
            self.status.setText(self.tr("Notice published from {start} to {end}; print the list "
                                        "for the village board.").format(start=start, end=end))

        (WriteOp(self, workflow.publish_notice, self.ctx.operator_id, self.campaign["id"],
                 self.village_id(), start_date=start, end_date=end, objection_contact=contact)
         .finally_(self._ended).success(done).failure(self._refused).run(self.ctx.ops))

    def record_objection(self, on: str, by: str, content: str) -> None:
        rating = self.current_rating()
        if rating is None:
            return
        (WriteOp(self, workflow.raise_objection, self.ctx.operator_id, rating["id"],
                 raised_on=on, raised_by=by, content=content)
         .finally_(self._ended).success(self._refresh_village).failure(self._refused)
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
         .finally_(self._ended).failure(self._refused)
         .success(lambda p: self.status.setText(self.tr("Printed to {path}").format(path=p)))
         .run(self.ctx.ops))

    def _print_notice_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the notice list"),
                                              f"{self.village_box.currentText()}公示名单.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.print_notice(path)

    def export_summary(self, path: str, kind: str) -> None:
        fn = printouts.summary_pdf if kind == "pdf" else printouts.summary_xlsx
        (BackgroundOp(self, fn, self.ctx.operator_id, self.campaign["id"], path)
         .finally_(self._ended).failure(self._refused)
         .success(lambda p: self.status.setText(self.tr("Saved to {path}").format(path=p)))
         .run(self.ctx.ops))

    def _export_clicked(self, kind: str) -> None:
        suffix = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the summary"),
                                              f"{self.campaign['name']}汇总.{kind}", suffix)
        if path:
            self.export_summary(path, kind)

    def start_campaign(self) -> None:
        year = dt.date.today().year
        name = self.tr("{year} credit household rating").format(year=year)
        (WriteOp(self, campaigns.create_campaign, self.ctx.operator_id, name=name, year=year)
         .finally_(self._ended).success(lambda _: self.reload()).failure(self._refused)
         .run(self.ctx.ops))

    # ------------------------------------------------------------ results
    def refresh_side_tabs(self) -> None:
        if not self.campaign:
            return
        summary = verdicts.summary(self.ctx.ui_db, self.campaign["id"])
        self.summary_model.set_summary(summary["villages"], [g.grade for g in self.scheme.grades])
        self.chart.set_data(summary["villages"],
                            float(self.scheme.village["min_credit_share"]))
        t = summary["township"]
        self.verdict.setText(self.tr(
            "{township}: {credit} of {n} villages are credit villages; credit households "
            "{share}; on-time repayment {on_time}; NPL {npl}. Credit township: {verdict}.").format(
            township=t["township_name"] or "", credit=t["credit_villages"], n=t["villages"],
            share=f"{t['credit_share'] * 100:.2f}%", on_time=f"{t['on_time_rate'] * 100:.2f}%",
            npl=f"{t['npl_ratio'] * 100:.2f}%",
            verdict=self.tr("yes") if t["is_credit_township"] else self.tr("not yet")))
        self.flags_model.set_rows(review_queue.open_flags(self.ctx.ui_db))

    def _resolve_flag_clicked(self, action: str) -> None:
        index = self.flags_table.currentIndex()
        if not index.isValid():
            return
        flag = self.flags_model.rows[index.row()]
        (WriteOp(self, review_queue.resolve_flag, self.ctx.operator_id, flag["id"],
                 action=action)
         .finally_(self._ended).success(self._refresh_village).failure(self._refused)
         .run(self.ctx.ops))

    def close_page(self) -> None:
        pass


class _FlagsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            f = self.rows[index.row()]
            return [f["raised_at"][:10], f["head_name"] or "", f["source"], f["reason"]][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Date"), self.tr("Household"), self.tr("Source"),
                    self.tr("Reason")][section]
        return None

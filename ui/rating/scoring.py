"""Scoring one household at keyboard speed: the indicators as rows of choices.

Each manual indicator is a row; the digit keys pick an option (1 = first) and
move on to the next row, Up/Down move between rows, Enter on the last row (or
Ctrl+Enter anywhere) saves and opens the next household. The score, grade and
veto reason update as you type (computed in Python with the campaign's scheme
and the household's automatic inputs, read once when the household is opened).
Also the village's list of ratings beside it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFrame, QGridLayout, QHBoxLayout,
                               QLabel, QPushButton, QVBoxLayout, QWidget)

from app.identity import mask_id_number
from app.rating import assess, workflow
from app.rating.scheme import Scheme
from app.units import format_mu, format_yuan
from ui.rows_model import RowsTableModel

GRADE_COLOURS = {"AAA": "#1b7f3b", "AA": "#0f7c8c", "A": "#2a5db0"}
VETO_COLOUR = "#b3261e"


def value_text(source: str, value: int) -> str:
    if source.endswith("_yuan"):
        return format_yuan(value)
    if source.endswith("_mu"):
        return format_mu(value)
    if source.startswith("lists.") or source == "credit.serious_loan_default":
        return "●" if value else "—"
    return str(value)


def format_points(value) -> str:
    if value is None:
        return "—"
    value = Decimal(str(value))
    return str(int(value)) if value == value.to_integral_value() else f"{value:.2f}".rstrip("0")



def ratings_model(parent=None) -> RowsTableModel:
    """One village's ratings (a few hundred to a few thousand rows, in memory)."""
    translate = QCoreApplication.translate

    def grade(row):
        if row["grade"]:
            return row["grade"]
        if not row["complete"]:
            return translate("RatingsModel", "unfinished")
        return translate("RatingsModel", "vetoed") if row["veto"] else translate("RatingsModel", "below A")

    def colour(row, column):
        if column == 3 and row["grade"]:
            return QColor(GRADE_COLOURS.get(row["grade"], "#333333"))
        if column == 5 or (column == 3 and row["veto"]):
            return QColor(VETO_COLOUR)
        if column in (2, 3) and not row["complete"]:
            return QColor("#8a8a8a")
        return None

    model = RowsTableModel.of([
        (translate("RatingsModel", "Head of household"), lambda r: r["head_name"]),
        (translate("RatingsModel", "Group"), lambda r: r["group_name"] or ""),
        (translate("RatingsModel", "Score"),
         lambda r: format_points(r["score"]) if r["complete"] else f"({format_points(r['score'])})"),
        (translate("RatingsModel", "Grade"), grade),
        (translate("RatingsModel", "Step"), lambda r: workflow.status_label(r["status"])),
        (translate("RatingsModel", "Veto"), lambda r: r["veto"] or ""),
    ], parent)
    model.colour = colour
    model.right_aligned = {2}
    return model


def update_rating_row(model: RowsTableModel, rating: dict[str, Any]) -> None:
    """Show a saved rating's new score, grade and step in the list."""
    for number, row in enumerate(model.rows):
        if row["id"] == rating["id"]:
            row.update({k: rating[k] for k in ("status", "score", "complete", "grade", "veto",
                                               "version", "answers") if k in rating})
            model.row_changed(number)
            return


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
            button = QPushButton(f"{number} {option.label}（{format_points(option.points)}）")
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
        self.points.setText(format_points(points))

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
        """The panel top to bottom (household, automatic inputs, vetoes, manual rows,
        result); one layout read in order, hence a little over 80 lines."""
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
        number = household["head_id_number"] or ""
        # An organization's credit code names no person: shown whole, as on its page.
        shown = (number if rating.get("subject_kind") == "organization"
                 else mask_id_number(number))
        self.title.setText(f"{household['head_name']}　{shown}"
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
                value.setText(value_text(veto.source, self.inputs.get(veto.source, 0)))
                continue
            indicator = self.scheme.indicator(key)
            value.setText(value_text(indicator.source, self.inputs.get(indicator.source, 0)))
            points.setText(format_points(result.breakdown.get(key)))
        for row in self.rows:
            row.set_points(result.breakdown.get(row.indicator.key))
        score = format_points(result.score)
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
            f"{name} {format_points(sum((result.breakdown[i.key] or 0) for i in self.scheme.indicators if i.dimension == key))}"
            for key, name in self.scheme.dimensions.items()))

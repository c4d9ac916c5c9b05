"""Charts shared by the dashboard and the rating results: one drawing of the
credit-household share per village, so both screens show the same picture."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

GOOD, WARN, BAD, INK, MUTED = "#2f8f4e", "#c7772b", "#b23b3b", "#1f2d3d", "#6f7f92"


class VillageBars(QWidget):
    """Credit-household share per village against the credit village threshold;
    green bars are credit villages. A click on a bar names the village."""

    village_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.villages: list[dict[str, Any]] = []
        self.threshold: float | None = None
        self.setMinimumHeight(230)
        self._slots: list[QRectF] = []

    def set_data(self, villages: list[dict[str, Any]], threshold: float | None) -> None:
        self.villages, self.threshold = villages, threshold
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        for index, slot in enumerate(self._slots):
            if slot.contains(event.position()):
                self.village_clicked.emit(index)
                return

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        left, top, right, bottom = 42, 22, 10, 62
        width, height = max(1, self.width() - left - right), max(1, self.height() - top - bottom)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(left, 2, width, 18), int(Qt.AlignmentFlag.AlignLeft),
                         self.tr("Credit-household share by village"))
        painter.setPen(QPen(QColor("#c9d3de")))
        for tick in (0, 25, 50, 75, 100):
            y = top + height * (1 - tick / 100)
            painter.drawLine(left, int(y), left + width, int(y))
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(0, y - 8, left - 4, 16),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{tick}%")
            painter.setPen(QPen(QColor("#c9d3de")))
        self._slots = []
        n = len(self.villages)
        if n:
            slot = width / n
            bar = max(2.0, slot * 0.65)
            for index, village in enumerate(self.villages):
                x = left + slot * index
                self._slots.append(QRectF(x, top, slot, height + bottom))
                h = height * min(1.0, village["credit_share"])
                colour = QColor(GOOD if village["is_credit_village"] else WARN)
                painter.fillRect(QRectF(x + (slot - bar) / 2, top + height - h, bar, h), colour)
                if slot >= 14:
                    painter.setPen(QColor(INK))
                    painter.save()
                    painter.translate(x + slot / 2, top + height + 6)
                    painter.rotate(45)
                    painter.drawText(0, 8, village["village_name"])
                    painter.restore()
        if self.threshold is not None:
            line = QPen(QColor(BAD))
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

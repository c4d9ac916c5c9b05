"""Widgets of the letters page: signature pad, letter list model.

The PDF helpers (render a page, print a PDF) live in ``ui.pdf_pages``, since the
reports page prints PDFs too.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.pdf_pages import print_pdf, render_pdf_page  # noqa: F401  (the letters tabs use them)
from ui.rows_model import RowsTableModel

translate = QCoreApplication.translate


class SignaturePad(QWidget):
    """Draw a signature with mouse, pen or finger; ``png()`` gives the image."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(360, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[QPainterPath] = []
        self._pen = QPen(QColor("#10204a"), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                         Qt.PenJoinStyle.RoundJoin)

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes.clear()
        self.update()

    # input: mouse events also arrive for pen and touch (Qt synthesizes them)
    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            path = QPainterPath(event.position())
            path.lineTo(event.position() + QPointF(0.1, 0.1))  # a dot is a stroke too
            self._strokes.append(path)
            self.update()

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].lineTo(event.position())
            self.update()

    def add_stroke(self, points: list[tuple[float, float]]) -> None:
        """A stroke from points (tests and replay)."""
        if not points:
            return
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(QPointF(x, y))
        self._strokes.append(path)
        self.update()

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        for path in self._strokes:
            painter.drawPath(path)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        self._draw(painter)
        painter.end()

    def image(self) -> QImage:
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        return image

    def png(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


def letter_model(parent=None) -> RowsTableModel:
    """Letters of a village (rows are dicts from app.letters.collection); void ones grey,
    broken promises red."""
    from app.letters.letter import status_label

    model = RowsTableModel.of([
        (translate("LettersPage", "Number"), lambda r: r["number"]),
        (translate("LettersPage", "Committer"), lambda r: r["name"]),
        (translate("LettersPage", "Group"), lambda r: r.get("village_group") or ""),
        (translate("LettersPage", "Status"), lambda r: status_label(r["status"])),
        (translate("LettersPage", "Fulfilment"), lambda r: status_label(r.get("fulfilment"))),
        (translate("LettersPage", "Signed on"), lambda r: (r.get("signed_at") or "")[:10]),
        (translate("LettersPage", "Collected by"), lambda r: r.get("collected_by") or ""),
        (translate("LettersPage", "Files"), lambda r: str(r.get("attachments") or "")),
    ], parent)

    def colour(row, _column):
        if row["status"] == "void":
            return QColor("#888888")
        if row.get("fulfilment") == "broken":
            return QColor("#b00020")
        return None

    model.colour = colour
    return model

"""Widgets of the letters page: signature pad, letter list model, PDF helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QBuffer, QByteArray, QCoreApplication,
                            QIODevice, QModelIndex, QPointF, QRect, QSize, Qt)
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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


class LetterModel(QAbstractTableModel):
    """Letters of a village (rows are dicts from app.letters.collection)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def headers(self) -> list[str]:
        return [translate("LettersPage", "Number"), translate("LettersPage", "Committer"),
                translate("LettersPage", "Group"), translate("LettersPage", "Status"),
                translate("LettersPage", "Fulfilment"), translate("LettersPage", "Signed on"),
                translate("LettersPage", "Collected by"), translate("LettersPage", "Files")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            from app.letters.letter import status_label

            return [row["number"], row["name"], row.get("village_group") or "",
                    status_label(row["status"]), status_label(row.get("fulfilment")),
                    (row.get("signed_at") or "")[:10], row.get("collected_by") or "",
                    str(row.get("attachments") or "")][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] == "void":
            return QColor("#888888")
        if role == Qt.ItemDataRole.ForegroundRole and row.get("fulfilment") == "broken":
            return QColor("#b00020")
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


def _qimage(bitmap) -> QImage:
    """A pdfium bitmap (BGRx, i.e. 0xffRRGGBB words) as a QImage that owns its pixels."""
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB32)
    return image.copy()


def render_pdf_page(path: str | Path, page: int, width: int) -> QImage:
    """One page of a PDF as an image ``width`` pixels wide (pdfium)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        if len(document) <= page:
            return QImage()
        pdf_page = document[page]
        bitmap = pdf_page.render(scale=width / pdf_page.get_width(), prefer_bgrx=True,
                                 may_draw_forms=False)
        return _qimage(bitmap)
    finally:
        document.close()


def print_pdf(path: str | Path, printer, progress=None) -> int:
    """Send a PDF to a QPrinter page by page (rendered with pdfium, at most 300 dpi)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        pages = len(document)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("cannot start printing")
        try:
            for index in range(pages):
                if index:
                    printer.newPage()
                target: QRect = painter.viewport()
                page = document[index]
                width, height = page.get_size()
                scale = min(target.width() / width, target.height() / height)
                box = QRect(target.x(), target.y(), int(width * scale), int(height * scale))
                # At most 300 dpi: a 1200 dpi A4 page would be half a gigabyte.
                bitmap = page.render(scale=min(scale, 300 / 72), prefer_bgrx=True,
                                     may_draw_forms=False)
                painter.drawImage(box, _qimage(bitmap))
                if progress:
                    progress(index + 1, pages)
        finally:
            painter.end()
        return pages
    finally:
        document.close()

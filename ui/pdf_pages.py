"""PDF pages on screen and on paper: render one page, send a PDF to a printer (pdfium).

Letters and credit reports are printed straight from the app with these.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter


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

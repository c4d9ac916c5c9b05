"""A printed letter or credit report on screen, opened from the code on the paper.

The search box opens it when a letter or report number (or a letter's QR
code) is typed or scanned and Enter pressed (``ui.register_page``). The PDF
is made or found and its pages rendered on the background lane; the window
shows the pages and offers the subject, the PDF reader and the printer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.records.documents import open_document
from ui.pdf_pages import print_pdf, render_pdf_page
from ui.sizing import fit_to_screen

PAGE_WIDTH = 640  # pixels: A4 at a readable size on a 1366×768 township laptop
MAX_PAGES = 20


def load_document(db, operator_id: str, code: str, *, reports_folder: Path, scratch: Path
                  ) -> dict[str, Any] | None:
    """Background lane: the document and its pages as images (QImage, not QPixmap, off the
    UI thread)."""
    import pypdfium2 as pdfium

    found = open_document(db, operator_id, code, reports_folder=reports_folder,
                          scratch=scratch)
    if found is None:
        return None
    document = pdfium.PdfDocument(found["path"])
    try:
        pages = min(len(document), MAX_PAGES)
    finally:
        document.close()
    found["pages"] = [render_pdf_page(found["path"], i, PAGE_WIDTH) for i in range(pages)]
    return found


class DocumentDialog(QDialog):
    open_subject = Signal(str)  # subject id

    def __init__(self, found: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        self.setObjectName("document-view")
        kind = (self.tr("Commitment letter") if found["kind"] == "letter"
                else self.tr("Credit report"))
        self.setWindowTitle(f"{kind} {found['number']}")
        layout = QVBoxLayout(self)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        self.page_labels = []
        for image in found["pages"]:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image if isinstance(image, QImage) else QImage()))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #e8e8e8; }")
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.subject_button = QPushButton(self.tr("Open its subject"))
        self.reader_button = QPushButton(self.tr("Open in PDF reader"))
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        for button in (self.subject_button, self.reader_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.subject_button.clicked.connect(self._subject)
        self.reader_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(found["path"])))
        self.print_button.clicked.connect(self.print_document)
        close.clicked.connect(self.accept)
        # Sized for its content: one page wide, as tall as the screen allows.
        first = found["pages"][0] if found["pages"] else QImage()
        fit_to_screen(self, PAGE_WIDTH + 60, max(400, first.height() + 90))

    def _subject(self) -> None:
        self.open_subject.emit(self.found["subject_id"])
        self.accept()

    def print_document(self, printer=None) -> int:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return print_pdf(self.found["path"], printer)

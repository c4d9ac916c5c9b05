"""What every printed document shares: the official page, dates, the office.

Letters, notice lists and credit reports follow the conventions of official
papers (GB/T 9704-2012): A4 with margins of 37 mm top, 28 mm left, 35 mm
bottom and 26 mm right; a bold serif title at 2号 (22 pt), centred; a serif
body at 3号 (16 pt), 22 lines to the page; dates written 2026年12月6日;
"第 x 页 共 y 页" on every page. The issuing office's name is configured once
(``set_office_name``) and printed on every document.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from sqlite_utils import Database

from app import pdf_fonts, settings
from app.i18n import translate

PAGE_W, PAGE_H = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BOTTOM_MARGIN = 35 * mm
RIGHT_MARGIN = 26 * mm
TEXT_W = PAGE_W - LEFT_MARGIN - RIGHT_MARGIN  # 156 mm
TEXT_H = PAGE_H - TOP_MARGIN - BOTTOM_MARGIN  # 225 mm
TITLE_SIZE = 22  # 2号
BODY_SIZE = 16  # 3号
SMALL_SIZE = 14  # 4号: tables, page numbers
BODY_LEADING = TEXT_H / 22  # 22 lines to the page
PAGE_NUMBER_Y = BOTTOM_MARGIN - 14 * mm

OFFICE_SETTING = "issuing_office"


def chinese_date(day: dt.date | str | None) -> str:
    """2026年12月6日 (GB/T 9704: Arabic numerals, year, month and day in full)."""
    if not day:
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def default_office_name(township: str | None) -> str:
    return f"{township or ''}信用工作办公室"


def office_name(db: Database) -> str:
    """The issuing office's name as configured (else the township's credit office)."""
    name = settings.get(db, OFFICE_SETTING)
    if name:
        return name
    from app import register

    township = register.home_township(db)
    return default_office_name(township["name"] if township else "")


def set_office_name(db: Database, name: str, operator_id: str | None = None) -> str:
    """Configure the office name printed on letters, reports and notices
    (administrators and township officials)."""
    from app.errors import UserError

    if operator_id is not None:
        row = db.execute("SELECT role FROM app_user WHERE id = ?", [operator_id]).fetchone()
        if not row or row[0] not in ("admin", "official"):
            raise UserError(translate("Documents", "Only an administrator or a township "
                                                   "official may change the issuing office."))
    name = " ".join((name or "").split())
    if not name:
        raise UserError(translate("Documents", "Enter the issuing office's full name, e.g. "
                                               "石泉镇信用工作办公室."))
    if len(name) > 40:
        raise UserError(translate("Documents", "The office name is too long for a document "
                                               "(at most 40 characters)."))
    missing = pdf_fonts.uncovered_chars(name)
    if missing:
        raise UserError(translate("Documents", "The office name has characters no printing "
                                               "font has: {chars}.").format(
            chars="、".join(f"U+{ord(c):04X}" for c in missing)))
    settings.put(db, OFFICE_SETTING, name)
    return name


def page_label(page: int, pages: int) -> str:
    return translate("Documents", "Page {page} of {pages}").format(page=page, pages=pages)


def draw_page_number(canvas, page: int, pages: int) -> None:
    pdf_fonts.draw_centred(canvas, LEFT_MARGIN + TEXT_W / 2, PAGE_NUMBER_Y,
                           page_label(page, pages), SMALL_SIZE)


class PageCounter:
    """Page numbers "第 x 页 共 y 页" when y is known only at the end.

    Each page draws a form XObject that is defined once the document (or
    the letter, for a batch of letters in one PDF) has ended; reportlab
    resolves forward references to forms when it saves the file."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.pages = 0

    def mark(self, canvas) -> None:
        self.pages += 1
        canvas.doForm(f"{self.prefix}-{self.pages}")

    def finish(self, canvas) -> None:
        for page in range(1, self.pages + 1):
            canvas.beginForm(f"{self.prefix}-{page}")
            canvas.setFillGray(0)
            draw_page_number(canvas, page, self.pages)
            canvas.endForm()


class Together(Flowable):
    """Flowables kept on one page (a heading with its first paragraph, the
    last paragraph with the signature block) for pages drawn with a bare
    Frame, where platypus' KeepTogether, which needs a document template,
    cannot be used. Taller than a page, it flows as its parts."""

    def __init__(self, parts: list, page_height: float = TEXT_H):
        super().__init__()
        self.parts = parts
        self.page_height = page_height
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, available_width, available_height):
        self._sizes = []
        height = 0.0
        for index, part in enumerate(self.parts):
            w, h = part.wrap(available_width, available_height)
            before = part.getSpaceBefore() if index else 0
            self._sizes.append((before, h))
            height += before + h
        self.width, self.height = available_width, height
        return available_width, height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        if self.height > self.page_height:
            return list(self.parts)
        return []  # to the next page whole

    def draw(self):
        y = self.height
        for part, (before, h) in zip(self.parts, self._sizes):
            y -= before + h
            part.drawOn(self.canv, 0, y)


class NumberedCanvas(Canvas):
    """A canvas for platypus documents that writes "第 x 页 共 y 页" on every
    page once the page count is known (pages are kept until ``save``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFillGray(0)
            draw_page_number(self, self._pageNumber, total)
            self.restoreState()
            super().showPage()
        super().save()


def official_doc(target, *, title: str, author: str = "", subject: str = "",
                 invariant: bool = False):
    """A platypus document on the official page (margins of GB/T 9704)."""
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(target, pagesize=A4, leftMargin=LEFT_MARGIN,
                             rightMargin=RIGHT_MARGIN, topMargin=TOP_MARGIN,
                             bottomMargin=BOTTOM_MARGIN, title=title, author=author,
                             subject=subject, creator="Township Credit Desk",
                             invariant=invariant)

"""The printed page of a commitment letter (A4, the layout of an official paper).

Number and QR code (the letter's id) at the top of every page, the title,
the committer block, the body, the personal-information consent with its
purpose, then the signature and fingerprint area, the date and, for
organizations, the stamp area. Drawn with reportlab on a canvas the caller
owns, so a batch of letters goes into one PDF.
"""

from __future__ import annotations

import threading
from typing import Any

import zxingcpp
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer
from reportlab.platypus import paragraph as _rl_paragraph

from app import pdf_fonts
from app.i18n import translate

# Chinese full-width punctuation must not start a line (标点禁则); reportlab's list
# has the Japanese set, without the full-width comma, colon, semicolon, ! and ?.
# Such a character then hangs in the right margin, as reportlab does for 。 and ）.
_rl_paragraph.ALL_CANNOT_START += "".join(
    c for c in "，：；！？》〉" if c not in _rl_paragraph.ALL_CANNOT_START)

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
TOP = PAGE_H - 16 * mm
BOTTOM = 20 * mm
QR_SIZE = 24 * mm
GREY = Color(0.35, 0.35, 0.35)
LIGHT = Color(0.6, 0.6, 0.6)


def _styles() -> dict[str, ParagraphStyle]:
    base = pdf_fonts.register()
    return {
        "body": ParagraphStyle("body", fontName=base, fontSize=12, leading=19.5,
                               firstLineIndent=24, wordWrap="CJK", alignment=TA_JUSTIFY,
                               spaceAfter=1),
        "heading": ParagraphStyle("heading", fontName=base, fontSize=12.5, leading=22,
                                  spaceBefore=6, spaceAfter=2, wordWrap="CJK"),
        "consent": ParagraphStyle("consent", fontName=base, fontSize=10.5, leading=17,
                                  firstLineIndent=21, wordWrap="CJK", alignment=TA_JUSTIFY),
    }


_STYLES: dict[str, ParagraphStyle] | None = None


def styles() -> dict[str, ParagraphStyle]:
    global _STYLES
    if _STYLES is None:
        _STYLES = _styles()
    return _STYLES


class _WrappedParagraph(Paragraph):
    """A Paragraph that keeps its line breaks for the width it was wrapped to.

    Most paragraphs of a template are the same in every letter of a batch;
    wrapping CJK text is the costliest step of a page, so it is done once."""

    _wrapped_for: float | None = None

    def wrap(self, available_width, available_height):
        if self._wrapped_for != available_width:
            self._size = super().wrap(available_width, available_height)
            self._wrapped_for = available_width
        return self._size

    def split(self, available_width, available_height):
        self._wrapped_for = None
        return super().split(available_width, available_height)


_local = threading.local()


def paragraph(text: str, style: str) -> Paragraph:
    """The paragraph of ``text`` (cached per thread: same text, same wrapped lines)."""
    cache = getattr(_local, "paragraphs", None)
    if cache is None:
        cache = _local.paragraphs = {}
    key = (style, text)
    found = cache.get(key)
    if found is None:
        if len(cache) > 2000:
            cache.clear()
        found = cache[key] = _WrappedParagraph(pdf_fonts.markup(text), styles()[style])
    return found


def string_width(text: str, size: float) -> float:
    total = 0.0
    for name, chunk in pdf_fonts.runs(text):
        pdf_fonts.register(name)
        total += pdfmetrics.stringWidth(chunk, name, size)
    return total


def qr_matrix(data: str) -> list[bytes]:
    """QR code modules (error level M) of ``data``, rows of 1 = dark, 0 = light.

    zxing-cpp encodes (C++, with the standard's choice of mask; ~0.3 ms a
    code against ~3 ms for pure-Python encoders, which is a third of a
    1,000-letter print). A UUID is encoded in upper case, which QR's
    alphanumeric mode holds in a smaller symbol (25 instead of 29 modules:
    quicker to make and to scan); UUIDs are case-insensitive."""
    text = data.upper() if _is_uuid(data) else data
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    rows, cols = image.shape
    flat = bytes(image)
    return [bytes(1 if flat[r * cols + c] < 128 else 0 for c in range(cols))
            for r in range(rows)]


def _is_uuid(text: str) -> bool:
    return len(text) == 36 and text.count("-") == 4 and all(
        c in "0123456789abcdefABCDEF-" for c in text)


def draw_qr(canvas, data: str, x: float, y: float, size: float) -> None:
    """A QR code of ``data`` with its lower-left corner at x, y, ``size`` wide.

    Dark modules are merged into runs per row and written as one filled path
    in module units (integers), which keeps a thousand letters' codes fast."""
    matrix = qr_matrix(data)
    border = 2  # modules of quiet zone inside ``size``; the page margin adds more
    n = len(matrix)
    module = size / (n + 2 * border)
    ops = []
    for row_index, row in enumerate(matrix):
        top = n - 1 - row_index
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{start} {top} {col - start} 1 re")
            else:
                col += 1
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.translate(x + border * module, y + border * module)
    canvas.scale(module, module)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()


class CommitterBlock(Flowable):
    """Two-column box: who commits, their number, village, address, phone."""

    ROW = 22

    def __init__(self, rows: list[tuple[str, str]]):
        super().__init__()
        self.rows = rows

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.ROW * len(self.rows) + 8
        return self.width, self.height

    def draw(self):
        c = self.canv
        label_w = 34 * mm
        top = self.height - 4
        c.setLineWidth(0.6)
        c.setStrokeColor(black)
        c.rect(0, top - self.ROW * len(self.rows), self.width, self.ROW * len(self.rows))
        c.line(label_w, top, label_w, top - self.ROW * len(self.rows))
        for i, (label, value) in enumerate(self.rows):
            y = top - (i + 1) * self.ROW
            if i:
                c.line(0, y + self.ROW, self.width, y + self.ROW)
            c.setFillColor(black)
            pdf_fonts.draw_string(c, 6, y + 7.5, label, 11)
            pdf_fonts.draw_string(c, label_w + 8, y + 7.5, value, 11.5)


class SignatureBlock(Flowable):
    """Signature line, fingerprint box, date; stamp area for organizations."""

    def __init__(self, organization: bool):
        super().__init__()
        self.organization = organization

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = (46 if self.organization else 34) * mm
        return self.width, self.height

    def draw(self):
        c = self.canv
        h = self.height
        c.setFillColor(black)
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        if self.organization:
            sign = translate("Letters", "Committing organization (stamp):")
            rep = translate("Letters", "Legal representative (signature):")
            pdf_fonts.draw_string(c, 0, h - 22, sign, 12)
            pdf_fonts.draw_string(c, 0, h - 62, rep, 12)
            c.line(string_width(rep, 12) + 4, h - 64, self.width * 0.55, h - 64)
            # Stamp area: a dashed circle the size of an official seal (42 mm).
            cx, cy, r = self.width - 30 * mm, h - 24 * mm, 21 * mm
            c.setStrokeColor(LIGHT)
            c.setDash(3, 3)
            c.circle(cx, cy, r)
            c.setDash()
            c.setFillColor(LIGHT)
            label = translate("Letters", "Stamp here")
            pdf_fonts.draw_string(c, cx - string_width(label, 10) / 2, cy - 4, label, 10)
            c.setFillColor(black)
            date_y = h - 100
        else:
            sign = translate("Letters", "Committer (signature):")
            pdf_fonts.draw_string(c, 0, h - 30, sign, 12)
            c.line(string_width(sign, 12) + 4, h - 32, self.width * 0.55, h - 32)
            # Fingerprint box (按手印).
            box = 26 * mm
            bx, by = self.width - box - 6 * mm, h - box - 4
            c.setStrokeColor(LIGHT)
            c.setDash(3, 3)
            c.rect(bx, by, box, box)
            c.setDash()
            c.setFillColor(LIGHT)
            label = translate("Letters", "Fingerprint")
            pdf_fonts.draw_string(c, bx + (box - string_width(label, 10)) / 2, by + box / 2 - 4,
                                  label, 10)
            c.setFillColor(black)
            date_y = h - 72
        date = translate("Letters", "Date:       year     month     day")
        pdf_fonts.draw_string(c, 0, date_y, date, 12)


def flowables(letter: dict[str, Any]) -> list:
    values = letter["values"]
    organization = values.get("kind") == "organization"
    rows = [(translate("Letters", "Committer"), values.get("committer_name", "")),
            (values.get("id_label", ""), values.get("id_number", ""))]
    if organization:
        rows.append((translate("Letters", "Legal representative"), values.get("legal_rep", "")))
    place = "".join(values.get(k, "") for k in ("township", "village", "village_group"))
    rows.append((translate("Letters", "Village"), place))
    if values.get("address"):
        rows.append((translate("Letters", "Address"), values["address"]))
    if values.get("phone"):
        rows.append((translate("Letters", "Phone"), values["phone"]))
    out: list = [CommitterBlock(rows), Spacer(1, 8)]
    out += [paragraph(p, "body") for p in letter["body"]]
    if letter["consent"]:
        out.append(paragraph(translate("Letters", "Consent to the use of personal information"),
                             "heading"))
        out += [paragraph(p, "consent") for p in letter["consent"]]
    out += [Spacer(1, 10), SignatureBlock(organization)]
    return out


def all_text(letter: dict[str, Any]) -> str:
    """Every character the letter prints (to check fonts before printing)."""
    values = letter["values"]
    return "\n".join([letter["number"], letter["title"], *letter["body"], *letter["consent"],
                      *(str(v) for v in values.values())])


def _header(canvas, letter: dict[str, Any], page_of_letter: int) -> float:
    """Number, QR code and (on the first page) title; returns the y below them."""
    canvas.setFillColor(black)
    number = translate("Letters", "No. {number}").format(number=letter["number"])
    pdf_fonts.draw_string(canvas, MARGIN_X, TOP - 10, number, 10.5)
    qr_x = PAGE_W - MARGIN_X - QR_SIZE + 2 * mm
    draw_qr(canvas, letter["id"], qr_x, TOP - QR_SIZE, QR_SIZE)
    canvas.setFillColor(GREY)
    hint = translate("Letters", "Scan to find this letter")
    pdf_fonts.draw_string(canvas, qr_x + (QR_SIZE - string_width(hint, 7)) / 2,
                          TOP - QR_SIZE - 8, hint, 7)
    canvas.setFillColor(black)
    y = TOP - QR_SIZE - 12
    if page_of_letter == 1:
        title = letter["title"]
        size = 22
        width = string_width(title, size)
        # The font has no bold face: fill and stroke the glyphs for a heavier title.
        canvas.saveState()
        canvas.setLineWidth(0.5)
        text_x = (PAGE_W - width) / 2
        for name, chunk in pdf_fonts.runs(title):
            pdf_fonts.register(name)
            t = canvas.beginText(text_x, TOP - QR_SIZE + 6)
            t.setTextRenderMode(2)
            t.setFont(name, size)
            t.textOut(chunk)
            canvas.drawText(t)
            text_x += pdfmetrics.stringWidth(chunk, name, size)
        canvas.restoreState()
    return y


def _footer(canvas, letter: dict[str, Any], page_of_letter: int) -> None:
    canvas.setFillColor(GREY)
    text = translate(
        "Letters", "Letter {number} · template {template} version {version} · issued {date} · "
                   "page {page}").format(
        number=letter["number"], template=letter["template_name"],
        version=letter["template_version"], date=letter["values"].get("date", ""),
        page=page_of_letter)
    pdf_fonts.draw_string(canvas, MARGIN_X, BOTTOM - 10 * mm, text, 7.5)
    canvas.setFillColor(black)


def draw_letter(canvas, letter: dict[str, Any]) -> int:
    """Draw ``letter`` from the current page on; ends its last page. Returns pages."""
    items = flowables(letter)
    page = 0
    while items:
        page += 1
        top = _header(canvas, letter, page)
        frame = Frame(MARGIN_X, BOTTOM, PAGE_W - 2 * MARGIN_X, top - BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      showBoundary=0)
        before = len(items)
        frame.addFromList(items, canvas)
        _footer(canvas, letter, page)
        canvas.showPage()
        if len(items) == before:  # nothing fitted: a flowable taller than a page
            raise ValueError("letter content does not fit on a page")
    return page

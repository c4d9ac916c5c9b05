"""The printed page of a commitment letter, in the form of an official paper.

GB/T 9704-2012 conventions (app/documents.py): A4, margins 37/28/35/26 mm,
the title in bold serif at 22 pt centred, the body in serif at 16 pt on
22 lines to the page. The letter's number and QR code (its id) sit in the
top margin of every page, "第 x 页 共 y 页" in the bottom margin. Then the
title, the committer block (a table whose cells wrap), the body, the
personal-information consent with its purpose, and at the lower right the
signature line, fingerprint box and date; for organizations the stamp
area. Drawn with reportlab on a canvas the caller owns, so a batch of
letters goes into one PDF. No internal identifier (template name, id) is
printed.
"""

from __future__ import annotations

import threading
from typing import Any

import zxingcpp
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table, TableStyle

from app import documents as doc
from app import pdf_fonts
from app.i18n import translate

PAGE_W, PAGE_H = A4
QR_SIZE = 22 * mm
GREY = Color(0.35, 0.35, 0.35)
LIGHT = Color(0.55, 0.55, 0.55)


def _styles() -> dict[str, ParagraphStyle]:
    serif = pdf_fonts.register(pdf_fonts.SERIF)
    bold = pdf_fonts.register(pdf_fonts.BOLD)
    body = ParagraphStyle("body", fontName=serif, fontSize=doc.BODY_SIZE,
                          leading=doc.BODY_LEADING, firstLineIndent=2 * doc.BODY_SIZE,
                          wordWrap="CJK", alignment=TA_JUSTIFY)
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=doc.TITLE_SIZE,
                                leading=doc.TITLE_SIZE * 1.5, alignment=TA_CENTER,
                                wordWrap="CJK", spaceAfter=doc.BODY_LEADING * 0.6),
        "body": body,
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, firstLineIndent=0,
                                  alignment=TA_CENTER),
        "consent": body,
        "cell": ParagraphStyle("cell", fontName=serif, fontSize=doc.SMALL_SIZE,
                               leading=doc.SMALL_SIZE * 1.45, wordWrap="CJK"),
        "sign": ParagraphStyle("sign", fontName=serif, fontSize=doc.BODY_SIZE,
                               leading=doc.BODY_LEADING, wordWrap="CJK"),
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
        st = styles()[style]
        found = cache[key] = _WrappedParagraph(pdf_fonts.markup(text, st.fontName), st)
    return found


def string_width(text: str, size: float) -> float:
    return pdf_fonts.string_width(text, size)


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


def committer_table(rows: list[tuple[str, str]]) -> Table:
    """Who commits: label and value; long values (an address) wrap in their cell."""
    st = styles()["cell"]
    data = [[Paragraph(pdf_fonts.markup(label, st.fontName), st),
             Paragraph(pdf_fonts.markup(value, st.fontName), st)] for label, value in rows]
    table = Table(data, colWidths=[36 * mm, doc.TEXT_W - 36 * mm])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, black),
        # The cells hold paragraphs; the table's own default font would still
        # be referenced (Helvetica, not embedded).
        ("FONTNAME", (0, 0), (-1, -1), st.fontName),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


class SignatureBlock(Flowable):
    """At the lower right: signature (or stamp) line, fingerprint box (or seal
    circle) and the date to be written at signing (    年  月  日)."""

    def __init__(self, organization: bool):
        super().__init__()
        self.organization = organization

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = (52 if self.organization else 40) * mm
        return self.width, self.height

    def draw(self):
        c = self.canv
        h, w = self.height, self.width
        size = doc.BODY_SIZE
        left = w * 0.40  # the block occupies the right part of the line
        c.setFillColor(black)
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        date = translate("Letters", "    year    month    day")
        if self.organization:
            sign = translate("Letters", "Committing organization (stamp):")
            rep = translate("Letters", "Legal representative (signature):")
            pdf_fonts.draw_string(c, left, h - 10 * mm, sign, size)
            pdf_fonts.draw_string(c, left, h - 26 * mm, rep, size)
            c.line(left + string_width(rep, size) + 2, h - 27 * mm, w, h - 27 * mm)
            # Seal area: a dashed circle the size of an official seal (42 mm).
            cx, cy, r = w - 24 * mm, h - 21 * mm, 20 * mm
            c.setStrokeColor(LIGHT)
            c.setDash(3, 3)
            c.circle(cx, cy, r)
            c.setDash()
            c.setFillColor(LIGHT)
            pdf_fonts.draw_centred(c, cx, cy + r - 9 * mm, translate("Letters", "Stamp here"),
                                   10.5)
            c.setFillColor(black)
            pdf_fonts.draw_right(c, w - 4 * size, 4 * mm, date, size)
        else:
            box = 24 * mm
            bx, by = w - box, h - box - 2 * mm
            sign = translate("Letters", "Committer (signature):")
            line_end = bx - 5 * mm
            pdf_fonts.draw_string(c, left - 12 * mm, h - 12 * mm, sign, size)
            c.line(left - 12 * mm + string_width(sign, size) + 2, h - 13 * mm, line_end,
                   h - 13 * mm)
            c.setStrokeColor(LIGHT)
            c.setDash(3, 3)
            c.rect(bx, by, box, box)
            c.setDash()
            c.setFillColor(LIGHT)
            pdf_fonts.draw_centred(c, bx + box / 2, by + box / 2 - 4,
                                   translate("Letters", "Fingerprint"), 10.5)
            c.setFillColor(black)
            pdf_fonts.draw_right(c, w - 4 * size, 4 * mm, date, size)


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
    out: list = [paragraph(letter["title"], "title"), committer_table(rows),
                 Spacer(1, doc.BODY_LEADING * 0.5)]
    out += [paragraph(p, "body") for p in letter["body"]]
    if letter["consent"]:
        # A heading never ends a page alone: it goes with the first consent paragraph.
        first, *rest = [paragraph(p, "consent") for p in letter["consent"]]
        out.append(doc.Together([paragraph(translate(
            "Letters", "Consent to the use of personal information"), "heading"), first]))
        out += rest
    # The signature block never stands alone on a page: it keeps the last
    # paragraph with it.
    last = out.pop()
    out.append(doc.Together([last, Spacer(1, doc.BODY_LEADING * 0.5),
                             SignatureBlock(organization)]))
    return out


def all_text(letter: dict[str, Any]) -> str:
    """Every character the letter prints (to check fonts before printing)."""
    values = letter["values"]
    return "\n".join([letter["number"], letter["title"], *letter["body"], *letter["consent"],
                      *(str(v) for v in values.values())])


def _header(canvas, letter: dict[str, Any]) -> None:
    """Number and QR code in the top margin (scan any page to find the letter)."""
    canvas.setFillColor(black)
    top = PAGE_H - 10 * mm
    number = translate("Letters", "No. {number}").format(number=letter["number"])
    pdf_fonts.draw_string(canvas, doc.LEFT_MARGIN, top - 12, number, 12)
    qr_x = PAGE_W - doc.RIGHT_MARGIN - QR_SIZE
    draw_qr(canvas, letter["id"], qr_x, top - QR_SIZE, QR_SIZE)


def draw_letter(canvas, letter: dict[str, Any]) -> int:
    """Draw ``letter`` from the current page on; ends its last page. Returns pages."""
    items = flowables(letter)
    # Form names count letters per canvas, so the same letters give the same file.
    canvas._credit_desk_letters = getattr(canvas, "_credit_desk_letters", 0) + 1
    counter = doc.PageCounter(f"lp{canvas._credit_desk_letters}")
    while items:
        _header(canvas, letter)
        frame = Frame(doc.LEFT_MARGIN, doc.BOTTOM_MARGIN, doc.TEXT_W, doc.TEXT_H,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      showBoundary=0)
        before = len(items)
        frame.addFromList(items, canvas)
        counter.mark(canvas)
        canvas.showPage()
        if len(items) == before:  # nothing fitted: a flowable taller than a page
            raise ValueError(f"letter content does not fit on a page: {items[0]!r:.300}")
    counter.finish(canvas)
    return counter.pages

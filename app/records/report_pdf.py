"""The credit report as PDF (reportlab platypus, fonts from app.pdf_fonts).

Layout follows DOMAIN.md: cover (number, date, requester, purpose,
validity, issuing body, verification code and QR code) → notes on scope and
sources → overview (basic information, current rating, list status, summary
counts) → detail (records by category with status, ratings history,
commitments, repairs and objections) → issuing body and how to verify.
The page is an official paper's (app/documents.py: A4, margins 37/28/35/26
mm, serif faces); the cover has the title in bold serif at 22 pt, centred,
and the issuing office and date (2026年12月6日) at the lower right. Every
page carries the report number in the top margin and "第 x 页 共 y 页" in the
bottom margin. The QR code holds the signed facts line
(app/records/verification.py). Table cells wrap, a table row never splits
across pages and a heading never ends a page alone.
"""

from __future__ import annotations

import io
from typing import Any

import zxingcpp
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (Flowable, KeepTogether, PageBreak, Paragraph, Spacer,
                                Table, TableStyle)

from app import documents as doc
from app import pdf_fonts
from app.i18n import translate

FONT = pdf_fonts.SERIF
BOLD = pdf_fonts.BOLD
INK = colors.HexColor("#1f2d3d")
RULE = colors.HexColor("#8a9bb0")
HEAD = colors.HexColor("#e8eef5")
RED = colors.HexColor("#b3261e")

_styles: dict[str, ParagraphStyle] | None = None


def _style() -> dict[str, ParagraphStyle]:
    global _styles
    if _styles is None:
        pdf_fonts.register(FONT)
        pdf_fonts.register(BOLD)
        base = ParagraphStyle("base", fontName=FONT, fontSize=12, leading=20, textColor=INK,
                              wordWrap="CJK")
        _styles = {
            "base": base,
            "small": ParagraphStyle("small", parent=base, fontSize=10.5, leading=16),
            "cell": ParagraphStyle("cell", parent=base, fontSize=10.5, leading=14.5),
            "cover": ParagraphStyle("cover", parent=base, fontSize=doc.SMALL_SIZE, leading=22),
            "title": ParagraphStyle("title", parent=base, fontName=BOLD,
                                    fontSize=doc.TITLE_SIZE, leading=doc.TITLE_SIZE * 1.6,
                                    alignment=TA_CENTER, spaceAfter=6),
            "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=doc.BODY_SIZE,
                                       leading=doc.BODY_LEADING, alignment=TA_CENTER),
            "signature": ParagraphStyle("signature", parent=base, fontSize=doc.BODY_SIZE,
                                        leading=doc.BODY_LEADING, alignment=TA_RIGHT),
            # Headings keep with what follows: never the last line of a page.
            "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=doc.BODY_SIZE,
                                 leading=doc.BODY_LEADING, spaceBefore=8, spaceAfter=4,
                                 keepWithNext=1),
            "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=doc.SMALL_SIZE,
                                 leading=22, spaceBefore=6, spaceAfter=3, keepWithNext=1),
            "alert": ParagraphStyle("alert", parent=base, textColor=RED),
        }
    return _styles


def _p(text: Any, style: str = "cell") -> Paragraph:
    st = _style()[style]
    return Paragraph(pdf_fonts.markup("" if text is None else str(text), st.fontName), st)


def _fit(widths) -> list[float]:
    """Column widths scaled to the text width of the official page."""
    total = sum(widths)
    return [w * doc.TEXT_W / total for w in widths]


def _table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
    data = [[_p(h) for h in header]] + [[_p(c) for c in row] for row in rows]
    # splitInRow=0: a row never splits across pages; the header repeats.
    table = Table(data, colWidths=_fit(widths), repeatRows=1, splitInRow=0)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _pairs(pairs: list[tuple[str, Any]], widths=(45 * mm, 125 * mm), style: str = "cell"
           ) -> Table:
    table = Table([[_p(k, style), _p(v, style)] for k, v in pairs], colWidths=_fit(widths))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (0, -1), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


class QrFlowable(Flowable):
    """A QR code (error level M) drawn as filled runs of modules.

    zxing-cpp computes the matrix (reportlab's own QR widget took half of the
    time of a report); the same matrix serves the cover and the last page.
    """

    def __init__(self, matrix: tuple, size: float, border: int = 2):
        super().__init__()
        self.matrix, self.size, self.border = matrix, size, border
        self.width = self.height = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        module = self.size / (n + 2 * self.border)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self.matrix):
            top = self.size - (self.border + row_index + 1) * module
            col = 0
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    path.rect((self.border + start) * module, top, (col - start) * module, module)
                else:
                    col += 1
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


def qr_matrix(text: str) -> tuple:
    """QR modules (error level M) of ``text``: zxing-cpp's C++ encoder. The signed
    facts line needs a version-12 symbol, whose mask scoring took segno (pure
    Python) about 100 ms, a third of a report."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    rows, cols = image.shape
    flat = bytes(image)
    return tuple(tuple(flat[r * cols + c] < 128 for c in range(cols)) for r in range(rows))


def qr_text(meta: dict[str, Any]) -> str:
    """What the QR code holds: the signed facts line (verification.py), which
    ``credit-desk verify-report`` takes as it is."""
    return meta["qr_text"]


def render(meta: dict[str, Any], content: dict[str, Any]) -> bytes:
    s = _style()
    story: list[Any] = []
    # ------------------------------------------------------------ cover
    story += [Spacer(1, 18 * mm), _p(translate("Report", "Credit Report"), "title"),
              Spacer(1, 6 * mm), _p(content["name"], "subtitle"), Spacer(1, 12 * mm)]
    story.append(_pairs([
        (translate("Report", "Report number"), meta["number"]),
        (translate("Report", "Date of issue"), doc.chinese_date(meta["issued_on"])),
        (translate("Report", "Requester"), meta["requester"]),
        (translate("Report", "Purpose"), meta["purpose"]),
        (translate("Report", "Valid until"), doc.chinese_date(meta["valid_until"])),
        (translate("Report", "Issued by"), meta["operator_name"]),
        (translate("Report", "Verification code"), meta["verify_code"]),
    ], widths=(40 * mm, 116 * mm), style="cover"))
    story.append(Spacer(1, 8 * mm))
    matrix = qr_matrix(qr_text(meta))
    qr = QrFlowable(matrix, 34 * mm)
    verify_note = _p(translate(
        "Report", "To verify this report, scan the QR code into credit-desk verify-report or "
                  "the offline verifier page, or give the verification code {code} to the "
                  "issuing office. The answer states the facts this report printed.")
        .format(code=meta["verify_code"]), "small")
    cover_box = Table([[qr, verify_note]], colWidths=[40 * mm, doc.TEXT_W - 40 * mm])
    cover_box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    story += [cover_box, Spacer(1, 14 * mm),
              _p(meta["issuing_body"], "signature"),
              _p(doc.chinese_date(meta["issued_on"]), "signature"), PageBreak()]
    # ------------------------------------------------------------ notes
    story.append(_p(translate("Report", "1. Notes on scope and sources"), "h1"))
    story.append(_p(meta["scope_note"], "base"))
    if not meta["full_display"]:
        story.append(_p(translate("Report", "ID numbers and phone numbers are partly masked for this purpose."),
                        "small"))
    # ------------------------------------------------------------ overview
    story.append(_p(translate("Report", "2. Overview"), "h1"))
    story.append(_p(translate("Report", "2.1 Basic information"), "h2"))
    story.append(_pairs(content["basic"]))
    story.append(_p(translate("Report", "2.2 Current rating"), "h2"))
    current = content["current_rating"]
    if current:
        story.append(_pairs([
            (translate("Report", "Grade"), current.get("outcome") or current.get("grade") or ""),
            (translate("Report", "Score"), current.get("score") if current.get("score") is not None else ""),
            (translate("Report", "Campaign year"), current.get("campaign_year") or ""),
            (translate("Report", "Status"), current.get("status") or ""),
            (translate("Report", "Decided on"), str(current.get("decided_at") or "")[:10]),
        ]))
        graded = current.get("supervision")
        if graded:
            story.append(_pairs([
                (translate("Report", "Supervision class"), f"{graded['class']} {graded['label']}"),
                (translate("Report", "Measures"), "；".join(graded["measures"])),
            ]))
    else:
        story.append(_p(translate("Report", "Not rated: no rating of this subject has been "
                                            "decided."), "base"))
    story.append(_p(translate("Report", "2.3 List status"), "h2"))
    status = content["list_status"]
    if status["listed"]:
        story.append(_p(translate("Report", "Listed: {lists}").format(lists="、".join(status["labels"])), "alert"))
        story.append(_table([translate("Report", "List"), translate("Report", "Basis"), translate("Report", "Deciding body"), translate("Report", "Listed on"),
                             translate("Report", "Valid until")],
                            [[e["label"], e["basis"], e["deciding_body"], e["listed_on"],
                              e["valid_until"]] for e in status["entries"]],
                            [32 * mm, 58 * mm, 32 * mm, 24 * mm, 24 * mm]))
        story.append(_p(translate("Report", "Applicable measures: {measures}").format(
            measures="；".join(status["measures"])), "base"))
    else:
        story.append(_p(translate("Report", "Not on any red list, black list or list of dishonest judgment "
                          "debtors."), "base"))
    for link in status.get("linked", ()):
        story.append(_p(translate("Report", "As legal representative of {organization}: {what} "
                                            "({title}, {day})").format(
            organization=link["organization"], what=link["label"], title=link["title"],
            day=link["decided_on"]), "alert"))
    if status.get("linked_measures"):
        story.append(_p(translate("Report", "Measures reaching the legal representative: "
                                            "{measures}").format(
            measures="；".join(status["linked_measures"])), "base"))
    story.append(_p(translate("Report", "2.4 Summary"), "h2"))
    counts = content["counts"]
    story.append(_pairs([
        (translate("Report", "Positive records"), counts["positive"]),
        (translate("Report", "Negative records"), counts["negative"]),
        (translate("Report", "Basic information records"), counts["neutral"]),
    ]))
    # ------------------------------------------------------------ detail
    story.append(_p(translate("Report", "3. Detail"), "h1"))
    story.append(_p(translate("Report", "3.1 Credit records by category"), "h2"))
    if content["records_by_category"]:
        for group in content["records_by_category"]:
            rows = [[r["decision_date"], r["title"] + (f"（{r['severity']}）" if r["severity"]
                                                       else ""),
                     r["polarity"], r["source"], r["document_number"], r["publicity_end"],
                     r["status"]] for r in group["records"]]
            story.append(KeepTogether([
                _p(group["label"], "base"),
                _table([translate("Report", "Decision date"), translate("Report", "Record"), translate("Report", "Polarity"), translate("Report", "Source"),
                        translate("Report", "Document number"), translate("Report", "Publicity until"), translate("Report", "Status")], rows,
                       [24 * mm, 44 * mm, 13 * mm, 24 * mm, 22 * mm, 24 * mm, 13 * mm])]))
    else:
        story.append(_p(translate("Report", "No published credit records."), "base"))
    story.append(_p(translate("Report", "3.2 Ratings history"), "h2"))
    if content["ratings"]:
        story.append(_table([translate("Report", "Campaign year"), translate("Report", "Scheme version"), translate("Report", "Score"), translate("Report", "Grade"),
                             translate("Report", "Status"), translate("Report", "Decided on")],
                            [[r.get("campaign_year"), r.get("scheme_version"), r.get("score"),
                              r.get("outcome") or r.get("grade"), r.get("status"),
                              str(r.get("decided_at") or "")[:10]]
                             for r in content["ratings"]],
                            [18 * mm, 22 * mm, 14 * mm, 50 * mm, 24 * mm, 28 * mm]))
    else:
        story.append(_p(translate("Report", "No ratings on file."), "base"))
    story.append(_p(translate("Report", "3.3 Commitments and their fulfilment"), "h2"))
    if content["letters"]:
        story.append(_table([translate("Report", "Letter number"), translate("Report", "Template"), translate("Report", "Status"), translate("Report", "Signed on"),
                             translate("Report", "Fulfilment"), translate("Report", "Fulfilment date")],
                            [[x.get("number"), x.get("template"), x.get("status"),
                              str(x.get("signed_at") or "")[:10], x.get("fulfilment") or "",
                              str(x.get("fulfilment_at") or "")[:10]] for x in content["letters"]],
                            [32 * mm, 38 * mm, 22 * mm, 25 * mm, 28 * mm, 25 * mm]))
    else:
        story.append(_p(translate("Report", "No commitment letters on file."), "base"))
    story.append(_p(translate("Report", "3.4 Credit repairs and objections"), "h2"))
    if content["repairs"]:
        story.append(_table([translate("Report", "Repair applied on"), translate("Report", "Category"), translate("Report", "Outcome"), translate("Report", "Decided on"),
                             translate("Report", "Reasons")],
                            [[r["applied_on"], r["category"], r["status"], r["decided_at"],
                              r["reason"]] for r in content["repairs"]],
                            [27 * mm, 30 * mm, 22 * mm, 25 * mm, 66 * mm]))
    if content["objections"]:
        story.append(Spacer(1, 3 * mm))
        story.append(_table([translate("Report", "Objection filed on"), translate("Report", "Category"), translate("Report", "Answer due"),
                             translate("Report", "Outcome"), translate("Report", "Decided on"), translate("Report", "Reasons")],
                            [[o["filed_on"], o["category"], o["deadline"], o["status"],
                              o["decided_at"], o["reason"]] for o in content["objections"]],
                            [25 * mm, 27 * mm, 22 * mm, 20 * mm, 22 * mm, 54 * mm]))
    if not content["repairs"] and not content["objections"]:
        story.append(_p(translate("Report", "No repairs or objections."), "base"))
    # ------------------------------------------------------------ issuing body
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([
        _p(translate("Report", "4. Issuing body"), "h1"),
        _pairs([(translate("Report", "Issuing body"), meta["issuing_body"]),
                (translate("Report", "Date of issue"), doc.chinese_date(meta["issued_on"])),
                (translate("Report", "Verification code"), meta["verify_code"])]),
        Spacer(1, 4 * mm),
        Table([[QrFlowable(matrix, 30 * mm),
                [_p(translate("Report", "(seal)"), "signature"),
                 _p(meta["issuing_body"], "signature"),
                 _p(doc.chinese_date(meta["issued_on"]), "signature")]]],
              colWidths=[36 * mm, doc.TEXT_W - 36 * mm],
              style=[("VALIGN", (0, 0), (-1, -1), "BOTTOM")]),
        _p(translate("Report", "End of report."), "small"),
    ]))

    buffer = io.BytesIO()
    header = translate("Report", "Credit report {number}").format(number=meta["number"])

    def on_page(canvas, document):
        canvas.saveState()
        canvas.setFillColor(INK)
        pdf_fonts.draw_right(canvas, doc.PAGE_W - doc.RIGHT_MARGIN,
                             doc.PAGE_H - doc.TOP_MARGIN + 8 * mm, header, 10.5)
        canvas.restoreState()

    document = doc.official_doc(
        buffer, title=translate("Report", "Credit Report") + " " + meta["number"],
        author=meta["issuing_body"], subject=meta["purpose"])
    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=doc.NumberedCanvas)
    del s
    return buffer.getvalue()

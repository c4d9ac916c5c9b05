"""The credit report as PDF (reportlab platypus, fonts from app.pdf_fonts).

Layout follows DOMAIN.md: cover (number, date, requester, purpose,
validity, issuing body, verification code and QR code) → notes on scope and
sources → overview (basic information, current rating, list status, summary
counts) → detail (records by category with status, ratings history,
commitments, repairs and objections) → issuing body and how to verify.
Every page carries the report number, the verification code and page x/y.
"""

from __future__ import annotations

import io
from typing import Any

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

from app import pdf_fonts
from app.i18n import translate

FONT = pdf_fonts.BASE
INK = colors.HexColor("#1f2d3d")
RULE = colors.HexColor("#8a9bb0")
HEAD = colors.HexColor("#e8eef5")
RED = colors.HexColor("#b3261e")

_styles: dict[str, ParagraphStyle] | None = None


def _style() -> dict[str, ParagraphStyle]:
    global _styles
    if _styles is None:
        pdf_fonts.register(FONT)
        base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=14, textColor=INK,
                              wordWrap="CJK")
        _styles = {
            "base": base,
            "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11),
            "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
            "title": ParagraphStyle("title", parent=base, fontSize=26, leading=34,
                                    alignment=TA_CENTER, spaceAfter=6),
            "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=18,
                                       alignment=TA_CENTER),
            "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=20, spaceBefore=10,
                                 spaceAfter=6),
            "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=16, spaceBefore=8,
                                 spaceAfter=4),
            "alert": ParagraphStyle("alert", parent=base, textColor=RED),
        }
    return _styles


def _p(text: Any, style: str = "cell") -> Paragraph:
    return Paragraph(pdf_fonts.markup("" if text is None else str(text)), _style()[style])


def _table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
    data = [[_p(h) for h in header]] + [[_p(c) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _pairs(pairs: list[tuple[str, Any]], widths=(45 * mm, 125 * mm)) -> Table:
    table = Table([[_p(k), _p(v)] for k, v in pairs], colWidths=list(widths))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (0, -1), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


class QrFlowable(Flowable):
    """A QR code (error level M) drawn as filled runs of modules.

    segno computes the matrix (reportlab's own QR widget took half of the
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
    return tuple(tuple(bool(v) for v in row) for row in segno.make(text, error="m",
                                                                   micro=False).matrix)


def qr_text(meta: dict[str, Any]) -> str:
    """What the QR code holds: enough to verify without typing."""
    return f"CREDIT-DESK-VERIFY {meta['number']} {meta['verify_code']}"


def render(meta: dict[str, Any], content: dict[str, Any]) -> bytes:
    s = _style()
    story: list[Any] = []
    # ------------------------------------------------------------ cover
    story += [Spacer(1, 30 * mm), _p(translate("Report", "Credit Report"), "title"),
              _p(content["name"], "subtitle"), Spacer(1, 14 * mm)]
    story.append(_pairs([
        (translate("Report", "Report number"), meta["number"]),
        (translate("Report", "Date of issue"), meta["issued_on"]),
        (translate("Report", "Requester"), meta["requester"]),
        (translate("Report", "Purpose"), meta["purpose"]),
        (translate("Report", "Valid until"), meta["valid_until"]),
        (translate("Report", "Issuing body"), meta["issuing_body"]),
        (translate("Report", "Issued by"), meta["operator_name"]),
        (translate("Report", "Verification code"), meta["verify_code"]),
    ]))
    story.append(Spacer(1, 10 * mm))
    matrix = qr_matrix(qr_text(meta))
    qr = QrFlowable(matrix, 32 * mm)
    verify_note = _p(translate("Report", "To verify this report, scan the QR code or give the verification code "
                       "{code} to the issuing body (credit-desk verify-report {code}). The "
                       "register says whether the report is genuine and still current.")
                     .format(code=meta["verify_code"]), "small")
    cover_box = Table([[qr, verify_note]], colWidths=[38 * mm, 132 * mm])
    cover_box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [cover_box, PageBreak()]
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
            (translate("Report", "Grade"), current.get("grade") or ""),
            (translate("Report", "Score"), current.get("score") if current.get("score") is not None else ""),
            (translate("Report", "Campaign year"), current.get("campaign_year") or ""),
            (translate("Report", "Status"), current.get("status") or ""),
            (translate("Report", "Decided on"), str(current.get("decided_at") or "")[:10]),
        ]))
    else:
        story.append(_p(translate("Report", "Not rated."), "base"))
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
                       [20 * mm, 40 * mm, 19 * mm, 27 * mm, 27 * mm, 20 * mm, 17 * mm])]))
    else:
        story.append(_p(translate("Report", "No published credit records."), "base"))
    story.append(_p(translate("Report", "3.2 Ratings history"), "h2"))
    if content["ratings"]:
        story.append(_table([translate("Report", "Campaign year"), translate("Report", "Scheme version"), translate("Report", "Score"), translate("Report", "Grade"),
                             translate("Report", "Status"), translate("Report", "Decided on")],
                            [[r.get("campaign_year"), r.get("scheme_version"), r.get("score"),
                              r.get("grade"), r.get("status"), str(r.get("decided_at") or "")[:10]]
                             for r in content["ratings"]],
                            [25 * mm, 30 * mm, 20 * mm, 20 * mm, 40 * mm, 35 * mm]))
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
    story.append(Spacer(1, 8 * mm))
    story.append(KeepTogether([
        _p(translate("Report", "4. Issuing body"), "h1"),
        _pairs([(translate("Report", "Issuing body"), meta["issuing_body"]),
                (translate("Report", "Date of issue"), meta["issued_on"]),
                (translate("Report", "Verification code"), meta["verify_code"])]),
        Spacer(1, 4 * mm),
        Table([[QrFlowable(matrix, 24 * mm),
                _p(translate("Report", "(seal) {body}").format(body=meta["issuing_body"]), "base")]],
              colWidths=[30 * mm, 140 * mm]),
        _p(translate("Report", "End of report."), "small"),
    ]))

    buffer = io.BytesIO()
    footer = translate("Report", "Report {number} · verification code {code} · page {page}")

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(20 * mm, 14 * mm, A4[0] - 20 * mm, 14 * mm)
        pdf_fonts.draw_string(canvas, 20 * mm, 9 * mm, footer.format(
            number=meta["number"], code=meta["verify_code"], page=doc.page), 7.5)
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=20 * mm,
                            title=translate("Report", "Credit Report") + " " + meta["number"],
                            author=meta["issuing_body"], subject=meta["purpose"],
                            creator="Township Credit Desk", invariant=False)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    del s
    return buffer.getvalue()

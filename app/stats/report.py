"""The monthly and annual statistics officials hand in (信息报送), as a PDF in
official form (GB/T 9704 page, app/documents.py; fonts app/pdf_fonts.py)
and as an .xlsx with one sheet per table. Both take the figures of
``app.stats.figures.township_figures``: nothing is recomputed here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.lib import colors
from sqlite_utils import Database

from app import documents as doc
from app import pdf_fonts
from app.i18n import translate
from app.query_log import log_use
from app.units import format_yuan
from app.xlsx_writer import TEMP_PREFIX, TableWriter, open_book


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def per_10000(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def grade_names(figures: dict[str, Any]) -> list[str]:
    return list(figures["township"].get("grades") or {})


def village_table(figures: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """Per village, then the township total: the first table of both files."""
    grades = grade_names(figures)
    header = [translate("Stats", "Village"), translate("Stats", "Households"),
              translate("Stats", "Rated"), *grades, translate("Stats", "Credit households"),
              translate("Stats", "Credit share"), translate("Stats", "Borrowing"),
              translate("Stats", "Loan balance (yuan)"), translate("Stats", "NPL ratio"),
              translate("Stats", "On-time rate"), translate("Stats", "Letters signed"),
              translate("Stats", "Credit village")]
    yes, no = translate("Stats", "yes"), translate("Stats", "no")
    rows = []
    for v in figures["villages"]:
        rows.append([v["village_name"], v["households"], v["rated"],
                     *[v["grades"].get(g, 0) for g in grades], v["credit_households"],
                     percent(v["credit_share"]), v["borrowing"], format_yuan(v["loan_balance_fen"]),
                     percent(v["npl_ratio"]), percent(v["on_time_rate"]), v["letters_signed"],
                     yes if v["is_credit_village"] else no])
    t = figures["township"]
    rows.append([translate("Stats", "Township total"), t["households"], t["rated"],
                 *[t["grades"].get(g, 0) for g in grades], t["credit_households"],
                 percent(t["credit_share"]), t["borrowing"], format_yuan(t["loan_balance_fen"]),
                 percent(t["npl_ratio"]), percent(t["on_time_rate"]), t["letters_signed"],
                 f"{t['credit_villages']}/{t['villages']}"])
    return header, rows


def letters_table(figures: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    letters = figures["letters"]
    return ([translate("Stats", "Letters"), translate("Stats", "Number")], [
        [translate("Stats", "Printed, not yet signed (outstanding)"), letters["outstanding"]],
        [translate("Stats", "Signed and collected"), letters["signed"]],
        [translate("Stats", "Drafted"), letters["drafted"]],
        [translate("Stats", "Void"), letters["void"]],
        [translate("Stats", "Printed in the period"), letters["printed_in_period"]],
        [translate("Stats", "Signed in the period"), letters["signed_in_period"]],
        [translate("Stats", "Broken in the period"), letters["broken_in_period"]]])


def records_table(figures: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    records = figures["records"]
    header = [translate("Stats", "Category"), translate("Stats", "On file"),
              translate("Stats", "Published"), translate("Stats", "Positive"),
              translate("Stats", "Negative"), translate("Stats", "Neutral"),
              translate("Stats", "Entered in the period")]
    rows = [[r["label"], r["total"], r["public"], r["positive"], r["negative"], r["neutral"],
             r["entered_in_period"]] for r in records["by_category"]]
    rows.append([translate("Stats", "Total"), records["total"],
                 sum(r["public"] for r in records["by_category"]), records["positive"],
                 records["negative"], records["neutral"], records["entered_in_period"]])
    return header, rows


def rates_table(figures: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    r = figures["rates"]
    days = translate("Stats", "working days") if r["day_kind"] == "working" \
        else translate("Stats", "days")
    return ([translate("Stats", "Measure"), translate("Stats", "Value"),
             translate("Stats", "Counted")], [
        [translate("Stats", "Upload rate (上报率)"), percent(r["upload_rate"]),
         f"{r['uploaded']}/{r['decisions']}"],
        [translate("Stats", "Compliance rate (合规率)"), percent(r["compliance_rate"]),
         f"{r['compliant']}/{r['uploaded']}"],
        [translate("Stats", "Timeliness rate (及时率, within {n} {days})").format(
            n=r["timeliness_days"], days=days), percent(r["timeliness_rate"]),
         f"{r['on_time']}/{r['uploaded']}"],
        [translate("Stats", "Duplicate or wrong codes per 10,000 (重错码率)"),
         per_10000(r["wrong_code_per_10000"]), f"{r['wrong_code_subjects']}/{r['subjects']}"]])


def _title(db: Database, figures: dict[str, Any]) -> str:
    period = figures["period"]
    start = period["start"]
    when = f"{start[:4]}年" if period["kind"] == "year" else f"{start[:4]}年{int(start[5:7])}月"
    name = figures["township"].get("township_name") or ""
    return translate("Stats", "{township} credit work statistics, {period}").format(
        township=name, period=when)


def _styles() -> dict[str, ParagraphStyle]:
    serif = pdf_fonts.register(pdf_fonts.SERIF)
    bold = pdf_fonts.register(pdf_fonts.BOLD)
    return {
        "title": ParagraphStyle("stats-title", fontName=bold, fontSize=doc.TITLE_SIZE,
                                leading=doc.TITLE_SIZE * 1.5, alignment=TA_CENTER,
                                wordWrap="CJK", spaceAfter=doc.BODY_LEADING * 0.5),
        "heading": ParagraphStyle("stats-heading", fontName=bold, fontSize=doc.BODY_SIZE,
                                  leading=doc.BODY_LEADING, wordWrap="CJK",
                                  spaceBefore=doc.BODY_LEADING * 0.4),
        "body": ParagraphStyle("stats-body", fontName=serif, fontSize=doc.BODY_SIZE,
                               leading=doc.BODY_LEADING, wordWrap="CJK",
                               firstLineIndent=2 * doc.BODY_SIZE),
        "cell": ParagraphStyle("stats-cell", fontName=serif, fontSize=9, leading=12,
                               wordWrap="CJK"),
        "sign": ParagraphStyle("stats-sign", fontName=serif, fontSize=doc.BODY_SIZE,
                               leading=doc.BODY_LEADING, alignment=TA_RIGHT, wordWrap="CJK"),
    }


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(pdf_fonts.markup("" if text is None else str(text)), style)


def _table(header: list[str], rows: list[list[Any]], styles, widths=None) -> Table:
    data = [[_p(h, styles["cell"]) for h in header]]
    data += [[_p(c, styles["cell"]) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _columns(header: list[str], rows: list[list[Any]], picked: list[int]):
    return [header[i] for i in picked], [[row[i] for i in picked] for row in rows]


def _page(canvas, document) -> None:
    canvas.saveState()
    pdf_fonts.draw_centred(canvas, doc.PAGE_W / 2, doc.PAGE_NUMBER_Y,
                           f"— {document.page} —", doc.SMALL_SIZE)
    canvas.restoreState()


def write_pdf(db: Database, operator_id: str, figures: dict[str, Any],
              path: str | os.PathLike) -> Path:
    """The statistics on official pages; written whole or not at all."""
    path = Path(path)
    s = _styles()
    title = _title(db, figures)
    t, r = figures["township"], figures["rates"]
    summary = translate(
        "Stats", "{villages} villages, {households} households on file, {rated} rated, "
                 "{credit} credit households ({share}); {credit_villages} credit villages. "
                 "Loan balance {balance} yuan, NPL ratio {npl}, on-time rate {on_time}. "
                 "Upload rate {upload}, compliance rate {compliance}, timeliness rate "
                 "{timeliness}; duplicate or wrong codes {codes} per 10,000.").format(
        villages=t["villages"], households=t["households"], rated=t["rated"],
        credit=t["credit_households"], share=percent(t["credit_share"]),
        credit_villages=t["credit_villages"], balance=format_yuan(t["loan_balance_fen"]),
        npl=percent(t["npl_ratio"]), on_time=percent(t["on_time_rate"]),
        upload=percent(r["upload_rate"]), compliance=percent(r["compliance_rate"]),
        timeliness=percent(r["timeliness_rate"]), codes=per_10000(r["wrong_code_per_10000"]))
    story = [_p(title, s["title"]), _p(summary, s["body"])]
    # The village table is too wide for a portrait page: ratings, then loans.
    header, rows = village_table(figures)
    n = len(grade_names(figures))
    ratings = [0, 1, 2, *range(3, 3 + n), 3 + n, 4 + n, 10 + n]
    loans = [0, 5 + n, 6 + n, 7 + n, 8 + n, 9 + n]
    for heading, (header, rows) in (
            (translate("Stats", "1. Households and ratings by village"), _columns(header, rows, ratings)),
            (translate("Stats", "2. Loans and letters by village"), _columns(header, rows, loans)),
            (translate("Stats", "3. Commitment letters"), letters_table(figures)),
            (translate("Stats", "4. Credit records by category"), records_table(figures)),
            (translate("Stats", "5. What the county measures"), rates_table(figures))):
        first = doc.TEXT_W * (0.4 if len(header) <= 3 else 0.22)
        rest = (doc.TEXT_W - first) / (len(header) - 1)
        story += [_p(heading, s["heading"]),
                  _table(header, rows, s, [first] + [rest] * (len(header) - 1))]
    story += [Spacer(1, doc.BODY_LEADING), _p(doc.office_name(db), s["sign"]),
              _p(doc.chinese_date(figures["computed_at"][:10]), s["sign"])]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(suffix=".pdf", dir=path.parent, prefix=TEMP_PREFIX + "stats-")
    os.close(fd)
    try:
        SimpleDocTemplate(temp, pagesize=(doc.PAGE_W, doc.PAGE_H), title=title,
                          topMargin=doc.TOP_MARGIN, bottomMargin=doc.BOTTOM_MARGIN,
                          leftMargin=doc.LEFT_MARGIN, rightMargin=doc.RIGHT_MARGIN
                          ).build(story, onFirstPage=_page, onLaterPages=_page)
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
    _log(db, operator_id, "print", figures, path)
    return path


def write_xlsx(db: Database, operator_id: str, figures: dict[str, Any],
               path: str | os.PathLike) -> Path:
    """One sheet per table; aggregates only, so no personal data leaves."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent, prefix=TEMP_PREFIX + "stats-")
    os.close(fd)
    scratch = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "xl-", dir=path.parent))
    try:
        book = open_book(Path(temp), scratch)
        for title, (header, rows) in (
                (translate("Stats", "Villages"), village_table(figures)),
                (translate("Stats", "Letters"), letters_table(figures)),
                (translate("Stats", "Records"), records_table(figures)),
                (translate("Stats", "County measures"), rates_table(figures))):
            kinds = ["int" if all(isinstance(row[i], int) for row in rows) else "text"
                     for i in range(len(header))]
            writer = TableWriter(book, title, list(zip(header, kinds)))
            for row in rows:
                writer.append(row)
            writer.finish()
        book.close()
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
        for leftover in scratch.glob("*"):
            leftover.unlink(missing_ok=True)
        scratch.rmdir()
    _log(db, operator_id, "export", figures, path)
    return path


def _log(db: Database, operator_id: str, action: str, figures: dict[str, Any], path: Path) -> None:
    log_use(db, operator_id, action=action, purpose=translate("Stats", "credit work statistics"),
            detail={"period": figures["period"]["label"], "file": path.name})

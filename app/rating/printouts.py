"""Printouts: the village notice list (公示名单) and the campaign summary.

The notice list goes on the village board, on the official page (GB/T
9704 margins, serif, bold 22 pt title, 第 x 页 共 y 页): names, village group,
masked ID numbers (510***********123X), the proposed grade, the notice
period and where to object. The count it states is the number of rows under
it; households not proposed as credit households (a veto, a score below the
lowest grade) are listed under their own heading with the reason. Rows go by
village group, then by the pinyin of the name. Printing it is logged in the query and use log (it carries
personal information). The summary (per village: households, rated, by
grade, credit share, on-time rate, NPL ratio, verdict; then the township) is
a landscape PDF and an Excel sheet.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)
from sqlite_utils import Database

from app import pdf_fonts
from app.i18n import translate
from app.identity import mask_id_number
from app.query_log import log_use
from app.rating import supervision, verdicts
from app.rating.campaign import campaign_scheme, get_campaign, scheme_for_kind
from app.rating.workflow import WorkflowError, get_notice, latest_notice
from app.register import kind_label
from app.units import format_yuan
from app.xlsx_writer import write_table

FONT = pdf_fonts.BASE
INK = colors.HexColor("#1f2d3d")
RULE = colors.HexColor("#6f7f92")
HEAD = colors.HexColor("#e8eef5")


def _styles() -> dict[str, ParagraphStyle]:
    pdf_fonts.register(FONT)
    base = ParagraphStyle("rating", fontName=FONT, fontSize=10.5, leading=16, textColor=INK,
                          wordWrap="CJK")
    return {
        "base": base,
        "cell": ParagraphStyle("rating-cell", parent=base, fontSize=10, leading=13),
        "small": ParagraphStyle("rating-small", parent=base, fontSize=8.5, leading=12),
        "title": ParagraphStyle("rating-title", parent=base, fontSize=18, leading=26,
                                alignment=TA_CENTER, spaceAfter=8),
        "right": ParagraphStyle("rating-right", parent=base, alignment=TA_RIGHT),
    }


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(pdf_fonts.markup("" if text is None else str(text)), style)


def _grid(data: list[list[Any]], widths: list[float], styles, header_rows: int = 1) -> Table:
    cells = [[c if isinstance(c, Paragraph) else _p(c, styles["cell"]) for c in row] for row in data]
    table = Table(cells, colWidths=widths, repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _page_numbers(label: str):
    def draw(canvas, doc):
        canvas.saveState()
        text = translate("Rating", "{label} · page {page}").format(label=label, page=doc.page)
        pdf_fonts.draw_string(canvas, doc.leftMargin, 10 * mm, text, 8)
        canvas.restoreState()
    return draw


def _write(path: str | os.PathLike, story, label: str, pagesize=A4) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(".printing-" + path.name)
    doc = SimpleDocTemplate(str(temp), pagesize=pagesize, leftMargin=16 * mm, rightMargin=16 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=label,
                            author="Township Credit Desk")
    try:
        doc.build(story, onFirstPage=_page_numbers(label), onLaterPages=_page_numbers(label))
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    return path


def _place_names(db: Database, village_id: str) -> tuple[str, str]:
    row = db.execute("SELECT v.name, t.name FROM place v LEFT JOIN place t ON t.id = v.parent_id "
                     "WHERE v.id = ?", [village_id]).fetchone()
    return (row[0], row[1] or "") if row else ("", "")


def notice_rows(db: Database, notice_id: str) -> list[dict[str, Any]]:
    """The notice's households by village group, then by the pinyin of the name."""
    from app.pinyin import name_syllables

    rows = list(db.query(
        "SELECT h.head_name, h.head_id_number, g.name AS group_name, g.code AS group_code, "
        "r.grade, r.veto, r.score, r.subject_id "
        "FROM rating r JOIN household h ON h.id = r.subject_id "
        "LEFT JOIN place g ON g.id = h.group_id WHERE r.notice_id = ?", [notice_id]))
    rows.sort(key=lambda r: (r["group_code"] or "", name_syllables(r["head_name"] or ""),
                             r["head_name"] or "", r["head_id_number"] or ""))
    return rows


def notice_organizations(db: Database, notice_id: str) -> list[dict[str, Any]]:
    """The organizations in the notice, by name."""
    return list(db.query(
        "SELECT o.name, o.kind, o.uscc, r.grade, r.veto, r.score, r.complete, r.status "
        "FROM rating r JOIN organization o ON o.id = r.subject_id WHERE r.notice_id = ? "
        "AND r.subject_kind = 'organization' ORDER BY o.name", [notice_id]))


def notice_pdf(db: Database, operator_id: str, campaign_id: str, village_id: str,
               path: str | os.PathLike) -> Path:
    """The village's latest notice list as a PDF for the village board."""
    notice = latest_notice(db, campaign_id, village_id)
    if notice is None:
        raise WorkflowError(translate("Rating", "This village has no public notice yet: publish "
                                                "it after the first review, then print it."))
    return notice_pdf_for(db, operator_id, notice["id"], path)


def _notice_styles() -> dict[str, ParagraphStyle]:
    from app import documents as doc

    serif = pdf_fonts.register(pdf_fonts.SERIF)
    bold = pdf_fonts.register(pdf_fonts.BOLD)
    body = ParagraphStyle("notice-body", fontName=serif, fontSize=doc.BODY_SIZE,
                          leading=doc.BODY_LEADING, firstLineIndent=2 * doc.BODY_SIZE,
                          wordWrap="CJK")
    return {
        "title": ParagraphStyle("notice-title", fontName=bold, fontSize=doc.TITLE_SIZE,
                                leading=doc.TITLE_SIZE * 1.5, alignment=TA_CENTER,
                                wordWrap="CJK", spaceAfter=doc.BODY_LEADING * 0.5),
        "body": body,
        "heading": ParagraphStyle("notice-heading", parent=body, fontName=bold,
                                  firstLineIndent=0, spaceBefore=6),
        "cell": ParagraphStyle("notice-cell", fontName=serif, fontSize=12, leading=17,
                               wordWrap="CJK"),
        "right": ParagraphStyle("notice-right", parent=body, firstLineIndent=0,
                                alignment=TA_RIGHT),
    }


def _notice_table(data: list[list[Any]], widths: list[float], styles) -> Table:
    from app import documents as doc

    total = sum(widths)
    cells = [[_p(c, styles["cell"]) for c in row] for row in data]
    table = Table(cells, colWidths=[w * doc.TEXT_W / total for w in widths], repeatRows=1,
                  splitInRow=0)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _not_credit_reason(row: dict[str, Any]) -> str:
    if row["veto"]:
        return translate("Rating", "veto: {reason}").format(reason=row["veto"])
    return translate("Rating", "score {score}, below the lowest grade").format(
        score=f"{row['score']:g}")


def notice_pdf_for(db: Database, operator_id: str, notice_id: str,
                   path: str | os.PathLike) -> Path:
    from app import documents as doc

    notice = get_notice(db, notice_id)
    campaign = get_campaign(db, notice["campaign_id"])
    scheme = campaign_scheme(db, campaign)
    village, township = _place_names(db, notice["village_id"])
    rows = notice_rows(db, notice_id)
    s = _notice_styles()
    days = (dt.date.fromisoformat(notice["end_date"])
            - dt.date.fromisoformat(notice["start_date"])).days + 1
    title = translate("Rating", "{township}{village} {year} credit household rating: public "
                                "notice").format(township=township, village=village,
                                                 year=campaign["campaign_year"])
    credit = [r for r in rows if r["grade"]]
    others = [r for r in rows if not r["grade"]]
    intro = translate(
        "Rating", "After the households' declarations and the first review by the village "
                  "evaluation group, the {n} households below are proposed as credit households "
                  "of the grades shown, under the rating scheme {scheme} ({version}). The notice "
                  "runs from {start} to {end} ({days} days). Anyone who objects may report it, "
                  "with facts, during the notice period to: {contact}.").format(
        n=len(credit), scheme=scheme.name, version=scheme.version,
        start=doc.chinese_date(notice["start_date"]), end=doc.chinese_date(notice["end_date"]),
        days=days, contact=notice["objection_contact"])
    header = [translate("Rating", "No."), translate("Rating", "Head of household"),
              translate("Rating", "Village group"), translate("Rating", "ID number"),
              translate("Rating", "Proposed grade")]
    data: list[list[Any]] = [header]
    for number, row in enumerate(credit, start=1):
        data.append([number, row["head_name"], row["group_name"] or "",
                     mask_id_number(row["head_id_number"]),
                     f"{row['grade']}（{scheme.grade_label(row['grade'])}）"])
    other_data: list[list[Any]] = [[translate("Rating", "No."),
                                    translate("Rating", "Head of household"),
                                    translate("Rating", "Village group"),
                                    translate("Rating", "ID number"),
                                    translate("Rating", "Reason")]]
    for number, row in enumerate(others, start=1):
        other_data.append([number, row["head_name"], row["group_name"] or "",
                           mask_id_number(row["head_id_number"]), _not_credit_reason(row)])
    organizations = notice_organizations(db, notice_id)
    org_data: list[list[Any]] = [[translate("Rating", "No."), translate("Rating", "Organization"),
                                  translate("Rating", "Kind"),
                                  translate("Rating", "Unified social credit code"),
                                  translate("Rating", "Proposed grade and supervision class")]]
    if organizations:
        org_scheme = scheme_for_kind(db, campaign, "organization")
        policy = supervision.load(db)
        for number, row in enumerate(organizations, start=1):
            grade = (f"{row['grade']}（{org_scheme.grade_label(row['grade'])}）" if row["grade"]
                     else _not_credit_reason(row))
            org_data.append([number, row["name"], kind_label(row["kind"]), row["uscc"],
                             f"{grade}；{supervision.class_label(policy, supervision.class_of(policy, row))}"])
    office = doc.office_name(db)
    signer = translate("Rating", "{village} villagers' committee").format(village=village)
    text = ("".join(str(c) for r in data + other_data + org_data for c in r) + title + intro
            + office)
    pdf_fonts.check_printable(text, translate("Rating", "the notice list"))
    widths = [12, 28, 22, 50, 38]
    # A heading never ends a page alone: it starts a new page unless the
    # heading, the table's header and a few rows fit.
    keep = CondPageBreak(4 * doc.BODY_LEADING)
    story: list[Any] = [_p(title, s["title"]), _p(intro, s["body"]), Spacer(1, 3 * mm), keep,
                        _p(translate("Rating", "Proposed credit households ({n})").format(
                            n=len(credit)), s["heading"]),
                        _notice_table(data, widths, s)]
    if others:
        story += [Spacer(1, 4 * mm), CondPageBreak(4 * doc.BODY_LEADING),
                  _p(translate("Rating", "Not proposed as credit households ({n})").format(
                      n=len(others)), s["heading"]),
                  _notice_table(other_data, [12, 28, 22, 50, 58], s)]
    if organizations:
        story += [Spacer(1, 4 * mm), CondPageBreak(4 * doc.BODY_LEADING),
                  _p(translate("Rating", "New agricultural operators ({n})").format(
                      n=len(organizations)), s["heading"]),
                  _notice_table(org_data, [8, 40, 18, 48, 44], s)]
    story += [Spacer(1, 10 * mm), _p(signer, s["right"]), _p(office, s["right"]),
              _p(doc.chinese_date(notice["start_date"]), s["right"])]
    out = _write_official(path, story, title)
    _log(db, operator_id, "print", translate("Rating", "credit household rating notice"),
         {"notice_id": notice_id, "village": village, "households": len(rows)})
    return out


def _write_official(path: str | os.PathLike, story, title: str) -> Path:
    from app import documents as doc

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(".printing-" + path.name)
    try:
        doc.official_doc(str(temp), title=title).build(story, canvasmaker=doc.NumberedCanvas)
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    return path


def _log(db: Database, operator_id: str, action: str, purpose: str, detail: dict) -> None:
    log_use(db, operator_id, action=action, purpose=purpose, detail=detail)


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def summary_rows(summary: dict[str, Any], grades: list[str]) -> list[list[Any]]:
    yes, no = translate("Rating", "yes"), translate("Rating", "no")
    rows = []
    for v in summary["villages"]:
        rows.append([v["village_name"], v["village_code"], v["households"], v["rated"],
                     *[v["grades"].get(g, 0) for g in grades], v["vetoed"],
                     v["credit_households"], _percent(v["credit_share"]),
                     _percent(v["on_time_rate"]), _percent(v["npl_ratio"]),
                     yes if v["is_credit_village"] else no])
    return rows


def summary_header(grades: list[str]) -> list[str]:
    return [translate("Rating", "Village"), translate("Rating", "Division code"),
            translate("Rating", "Households"), translate("Rating", "Rated"), *grades,
            translate("Rating", "Vetoed"), translate("Rating", "Credit households"),
            translate("Rating", "Credit household share"), translate("Rating", "On-time repayment"),
            translate("Rating", "NPL ratio"), translate("Rating", "Credit village")]


def _verdict_text(summary: dict[str, Any]) -> str:
    t = summary["township"]
    c = summary["criteria"]
    return translate(
        "Rating", "{township}: {credit} of {n} villages are credit villages ({share}; needed "
                  "{need}); on-time repayment {on_time} (needed {need_on_time}); NPL ratio {npl} "
                  "(at most {max_npl}); credit households {households_share} of {households} "
                  "households. Verdict: {verdict}.").format(
        township=t["township_name"] or "", credit=t["credit_villages"], n=t["villages"],
        share=_percent(t["credit_village_share"]),
        need=_percent(c["credit_township"]["min_credit_village_share"]),
        on_time=_percent(t["on_time_rate"]),
        need_on_time=_percent(c["credit_township"]["min_on_time_rate"]),
        npl=_percent(t["npl_ratio"]), max_npl=_percent(c["credit_township"]["max_npl_ratio"]),
        households_share=_percent(t["credit_share"]), households=t["households"],
        verdict=translate("Rating", "credit township") if t["is_credit_township"]
        else translate("Rating", "not yet a credit township"))


def summary_pdf(db: Database, operator_id: str, campaign_id: str, path: str | os.PathLike) -> Path:
    summary = verdicts.summary(db, campaign_id)
    scheme = campaign_scheme(db, get_campaign(db, campaign_id))
    grades = [g.grade for g in scheme.grades]
    s = _styles()
    title = translate("Rating", "{campaign}: summary").format(campaign=summary["campaign"])
    c = summary["criteria"]["credit_village"]
    criteria = translate(
        "Rating", "Scheme {version}. A credit village needs credit households ≥ {share} of "
                  "households, on-time repayment ≥ {on_time} of borrowing households and an NPL "
                  "ratio ≤ {npl}. Figures as of {at}; grades are provisional until approved.").format(
        version=scheme.version, share=_percent(c["min_credit_share"]),
        on_time=_percent(c["min_on_time_rate"]), npl=_percent(c["max_npl_ratio"]),
        at=dt.date.today().isoformat())
    t = summary["township"]
    total = [translate("Rating", "Township total"), t["township_code"] or "", t["households"],
             t["rated"], *[t["grades"].get(g, 0) for g in grades],
             sum(v["vetoed"] for v in summary["villages"]), t["credit_households"],
             _percent(t["credit_share"]), _percent(t["on_time_rate"]), _percent(t["npl_ratio"]),
             f"{t['credit_villages']}/{t['villages']}"]
    data = [summary_header(grades), *summary_rows(summary, grades), total]
    n = len(grades)
    widths = [30 * mm, 30 * mm, 18 * mm, 16 * mm, *([15 * mm] * n), 15 * mm, 20 * mm, 22 * mm,
              22 * mm, 20 * mm, 18 * mm]
    story = [_p(title, s["title"]), _p(criteria, s["small"]), Spacer(1, 4 * mm),
             _grid(data, widths, s), Spacer(1, 5 * mm), _p(_verdict_text(summary), s["base"]),
             _p(translate("Rating", "Loans: balance {balance} yuan, overdue {overdue} yuan.").format(
                 balance=format_yuan(t["loan_balance_fen"]), overdue=format_yuan(t["overdue_fen"])),
                s["small"])]
    story += _organizations_part(db, summary.get("organizations") or {}, s)
    out = _write(path, story, title, landscape(A4))
    _log(db, operator_id, "print", translate("Rating", "rating campaign summary"),
         {"campaign_id": campaign_id})
    return out


def _organizations_part(db: Database, orgs: dict[str, Any], s) -> list:
    """Organizations rated in the campaign: counts by grade and by supervision
    class (they never count towards a village's credit-household share)."""
    if not orgs.get("rated_in_campaign"):
        return []
    policy = supervision.load(db)
    grades = list(orgs["grades"])
    header = [translate("Rating", "Organizations"), translate("Rating", "Rated"), *grades,
              translate("Rating", "Vetoed"),
              *[supervision.class_label(policy, code) for code in orgs["classes"]]]
    row = [orgs["organizations"], orgs["rated"], *[orgs["grades"][g] for g in grades],
           orgs["vetoed"], *orgs["classes"].values()]
    widths = [24 * mm, 18 * mm, *([15 * mm] * len(grades)), 15 * mm,
              *([32 * mm] * len(orgs["classes"]))]
    table = _grid([header, row], widths, s)
    table.hAlign = "LEFT"  # under the village table's left edge, as its caption is
    return [Spacer(1, 5 * mm),
            _p(translate("Rating", "Cooperatives and family farms (scheme {version}): grades "
                                   "and supervision classes").format(
                version=orgs["scheme_version"]), s["base"]),
            table]


def _organization_sheet(db: Database, orgs: dict[str, Any]) -> list:
    """Every organization rated in the campaign with its grade and supervision class."""
    if not orgs.get("rated_in_campaign"):
        return []
    policy = supervision.load(db)
    columns = [(translate("Rating", "Organization"), "text"),
               (translate("Rating", "Unified social credit code"), "text"),
               (translate("Rating", "Village"), "text"), (translate("Rating", "Score"), "number"),
               (translate("Rating", "Grade"), "text"), (translate("Rating", "Veto"), "text"),
               (translate("Rating", "Supervision class"), "text")]
    rows = [[o["name"], o["uscc"], o["village_name"], o["score"], o["grade"] or "",
             o["veto"] or "", supervision.class_label(policy, o["supervision_class"])]
            for o in orgs["list"]]
    return [(translate("Rating", "Organizations rated"), columns, rows)]


def summary_xlsx(db: Database, operator_id: str, campaign_id: str, path: str | os.PathLike,
                 job=None) -> Path:
    summary = verdicts.summary(db, campaign_id)
    scheme = campaign_scheme(db, get_campaign(db, campaign_id))
    grades = [g.grade for g in scheme.grades]
    columns = [(h, "text") for h in summary_header(grades)]
    for index in range(2, 2 + 2 + len(grades) + 2):
        columns[index] = (columns[index][0], "int")
    rows = summary_rows(summary, grades)
    t = summary["township"]
    rows.append([translate("Rating", "Township total"), t["township_code"] or "", t["households"],
                 t["rated"], *[t["grades"].get(g, 0) for g in grades],
                 sum(v["vetoed"] for v in summary["villages"]), t["credit_households"],
                 _percent(t["credit_share"]), _percent(t["on_time_rate"]),
                 _percent(t["npl_ratio"]), f"{t['credit_villages']}/{t['villages']}"])
    path = Path(path)
    write_table(path, summary["campaign"], columns, rows, job,
                more=_organization_sheet(db, summary.get("organizations") or {}))
    _log(db, operator_id, "export", translate("Rating", "rating campaign summary"),
         {"campaign_id": campaign_id, "file": path.name})
    return path if path.suffix else path.with_suffix(".xlsx")

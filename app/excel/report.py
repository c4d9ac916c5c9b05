"""The validation report: the rejected rows as they were, each bad cell
highlighted with its reason, so staff fix them in the report and import it.

The original header is repeated (so the fixed report imports with the same
mapping); two extra columns at the end, 原行号 and 错误原因, are ignored by
the import. A last sheet lists the columns that hold data but were not
imported (sheet, column, header, rows with data), as the dry run does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from app.i18n import translate
from app.xlsx_writer import display_width, is_risky, sheet_title

ROW_HEADER = "原行号"
REASON_HEADER = "错误原因"


def report_path(source: Path, folder: Path | None = None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = folder or source.parent
    return folder / f"{source.stem}-校验报告-{stamp}.xlsx"


def write_report(plan, outcome, folder: Path | None = None) -> Path:
    path = report_path(plan.path, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_numbers": False, "strings_to_urls": False})
    base = {"font_name": "SimSun", "font_size": 11}
    header = book.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = book.add_format({**base, "num_format": "@"})
    quoted = book.add_format({**base, "num_format": "@", "quote_prefix": True})
    bad = book.add_format({**base, "num_format": "@", "bg_color": "#FFC7CE",
                           "font_color": "#9C0006", "border": 1, "border_color": "#C00000"})
    bad_number = book.add_format({**base, "num_format": "0", "bg_color": "#FFC7CE",
                                  "font_color": "#9C0006", "border": 1, "border_color": "#C00000"})
    reason_fmt = book.add_format({**base, "font_color": "#9C0006", "text_wrap": True})
    plans = {p.sheet: p for p in plan.sheets}
    by_sheet: dict[str, list] = {}
    for row in outcome.rejects:
        by_sheet.setdefault(row.sheet, []).append(row)
    for name, rows in by_sheet.items():
        sheet_plan = plans[name]
        ws = book.add_worksheet(sheet_title(name))
        width = max(len(sheet_plan.columns), 1)
        widths = [8.0] * (width + 2)
        labels = [c.label for c in sheet_plan.columns]
        for col, label in enumerate(labels):
            ws.write_string(0, col, label.split("/")[-1] if label else "", header)
            widths[col] = max(widths[col], display_width(label) + 2)
        ws.write_string(0, width, ROW_HEADER, header)
        ws.write_string(0, width + 1, REASON_HEADER, header)
        for out, row in enumerate(sorted(rows, key=lambda r: r.row), start=1):
            values = outcome.cells.get((row.sheet, row.row), [])   # as read, kept for this
            bad_cols = {p.column: p.message for p in row.problems if p.column is not None}
            for col in range(width):
                value = values[col] if col < len(values) else ""
                reason = bad_cols.get(col)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(out, col, value, bad_number if reason else None)
                elif isinstance(value, (dt.date, dt.datetime)):
                    ws.write_string(out, col, value.isoformat()[:10], bad if reason else text)
                else:
                    value = "" if value is None else str(value)
                    fmt = bad if reason else (quoted if is_risky(value) else text)
                    ws.write_string(out, col, value, fmt)
                if reason:
                    ws.write_comment(out, col, reason, {"x_scale": 2.5, "y_scale": 1.5})
                if out < 200:
                    widths[col] = min(max(widths[col], display_width(str(value)) + 2), 40)
            ws.write_number(out, width, row.row)
            reasons = []
            for p in row.problems:
                where = labels[p.column].split("/")[-1] if p.column is not None and \
                    p.column < len(labels) else translate("Excel", "row")
                reasons.append(f"{where}：{p.message}")
            ws.write_string(out, width + 1, "；".join(reasons), reason_fmt)
        widths[width + 1] = 80
        for col, w in enumerate(widths):
            ws.set_column(col, col, w)
        ws.freeze_panes(1, 0)
    _unmapped_sheet(book, plan.unmapped_columns(), header, text)
    book.close()
    return path


def _unmapped_sheet(book, unmapped: list[dict], header, text) -> None:
    """Columns that hold data but were not imported, as the dry run lists them,
    so whoever fixes the report sees what else the file had."""
    if not unmapped:
        return
    name = sheet_title(translate("Excel", "Columns not imported"))
    if book.get_worksheet_by_name(name) is not None:   # a roster sheet of that name
        name = sheet_title(name[:27] + " (2)")
    ws = book.add_worksheet(name)
    labels = [translate("Excel", "Sheet"), translate("Excel", "Column"),
              translate("Excel", "Header"), translate("Excel", "Rows with data"),
              translate("Excel", "What to do")]
    for col, label in enumerate(labels):
        ws.write_string(0, col, label, header)
    advice = translate("Excel", "Not imported. Map this column to a field in the import "
                                "wizard, or leave it if it is not wanted.")
    for row, item in enumerate(unmapped, start=1):
        ws.write_string(row, 0, item["sheet"], text)
        ws.write_string(row, 1, item["column"], text)
        if item["header"]:   # a column typed beside the table has none
            ws.write_string(row, 2, item["header"], text)
        ws.write_number(row, 3, item["rows_with_data"])
        ws.write_string(row, 4, advice, text)
    for col, w in enumerate((16, 6, 24, 12, 60)):
        ws.set_column(col, col, w)
    ws.freeze_panes(1, 0)

"""Blank import templates: the canonical headers, text-formatted number
columns (so ID numbers never turn into numbers), and dropdowns for coded
fields - sex, relation, organization type, record category and the like,
and the register's own villages."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from sqlite_utils import Database

from app.errors import UserError
from app.excel.mapping import KIND_FIELDS, kind_label
from app.i18n import translate
from app.xlsx_writer import display_width

TEMPLATE_ROWS = 5000
UNITS = {"land_area": "亩", "annual_income": "元", "assets": "元", "loan_balance": "元",
         "overdue": "元", "registered_capital": "元"}
_TEXT_FIELDS = {"head_id_number", "id_number", "uscc", "legal_rep_id_number", "subject_number",
                "phone", "document_number"}


def write_template(db: Database | None, kind: str, path: Path) -> Path:
    fields = KIND_FIELDS.get(kind)
    if fields is None:
        raise UserError(translate("Excel", "Unknown template '{kind}'. Choose one of: {names}.")
                        .format(kind=kind, names=", ".join(KIND_FIELDS)))
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    villages: list[str] = []
    if db is not None:
        villages = [n for (n,) in db.execute(
            "SELECT name FROM place WHERE level = 'village' ORDER BY name_sort, code")]
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    base = {"font_name": "SimSun", "font_size": 11}
    header = book.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1,
                              "align": "center"})
    required = book.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1,
                                "align": "center", "font_color": "#C00000"})
    text = book.add_format({**base, "num_format": "@"})
    sheet = book.add_worksheet(kind_label(kind))
    lists = book.add_worksheet("选项")
    lists.hide()
    list_col = 0
    for col, field in enumerate(fields):
        title = field.header + (f"（{UNITS[field.key]}）" if field.key in UNITS else "")
        sheet.write_string(0, col, title, required if field.required else header)
        width = max(display_width(title) + 4, 10)
        if field.key in _TEXT_FIELDS:
            width = max(width, 21)
            sheet.set_column(col, col, width, text)
        else:
            sheet.set_column(col, col, width)
        options = list(field.coded)
        if field.key == "village" and villages:
            options = villages
        if options:
            # Options live on a hidden sheet: a list typed into the validation
            # itself is limited to 255 characters.
            for r, option in enumerate(options):
                lists.write_string(r, list_col, option)
            letter = xlsxwriter.utility.xl_col_to_name(list_col)
            sheet.data_validation(1, col, TEMPLATE_ROWS, col, {
                "validate": "list", "source": f"=选项!${letter}$1:${letter}${len(options)}",
                "error_title": field.header,
                "error_message": translate("Excel", "Choose a value from the list."),
            })
            list_col += 1
        if field.required:
            sheet.write_comment(0, col, translate("Excel", "Required"))
    sheet.freeze_panes(1, 0)
    book.close()
    return path

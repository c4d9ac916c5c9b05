"""Exports open in a spreadsheet as a user expects, and data never becomes a formula."""

from __future__ import annotations

import zipfile

import openpyxl

from app.excel.exports import export
from app.xlsx_writer import write_table
from tests.conftest import ensure_admin

RISKY = ["=1+1", "+8613800001234", "-5", "@SUM(A1:A2)", "\t=cmd|' /C calc'!A0", "\x01=x",
         '=HYPERLINK("http://evil","点我")']


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "risky.xlsx"
    write_table(path, "测试", [("内容", "text"), ("金额（元）", "money_fen")],
                [(text, 100) for text in RISKY])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    book = openpyxl.load_workbook(path)
    values = [row[0].value for row in book.active.iter_rows(min_row=2)]
    kinds = {row[0].data_type for row in book.active.iter_rows(min_row=2)}
    assert values[:5] == RISKY[:5] and values[6] == RISKY[6]
    assert kinds == {"s"}
    # Excel's quote-prefix keeps them text even when someone edits the cell.
    assert all(row[0].quotePrefix for row in book.active.iter_rows(min_row=2))


def test_table_has_chinese_headers_frozen_row_formats_and_widths(tmp_path):
    path = tmp_path / "t.xlsx"
    count = write_table(path, "农户名单", [("户主姓名", "text"), ("身份证号码", "id_number"),
                                        ("家庭年收入（元）", "money_fen"), ("承包地面积（亩）", "area_mu"),
                                        ("出生日期", "date"), ("家庭人口", "int")],
                        [("欧阳建国", "510623198001011234", 12345678, 325, "1980-01-01", 4)])
    assert count == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "农户名单"
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["户主姓名", "身份证号码", "家庭年收入（元）",
                                           "承包地面积（亩）", "出生日期", "家庭人口"]
    name, number, income, land, born, people = sheet[2]
    assert number.value == "510623198001011234" and number.data_type == "s"
    assert income.value == 123456.78 and income.number_format == "#,##0.00"
    assert land.value == 3.25 and land.number_format == "0.00"
    assert born.value.date().isoformat() == "1980-01-01" and born.number_format == "yyyy-mm-dd"
    assert people.value == 4
    assert sheet.column_dimensions["B"].width >= 18   # the ID number fits


def test_households_export_lists_the_register(demo_db, operator, tmp_path):
    path = tmp_path / "households.xlsx"
    result = export(demo_db, ensure_admin(demo_db), "households", path, full=True,
                    purpose="司法协查")
    total = demo_db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    assert result["rows"] == total
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert len(rows) == total + 1
    assert rows[0][:5] == ("村", "组", "户主姓名", "性别", "身份证号码")
    numbers = {r[4] for r in rows[1:]}
    assert numbers == {n for (n,) in demo_db.execute("SELECT head_id_number FROM household")}
    assert {r[3] for r in rows[1:]} <= {"男", "女"}


def test_export_command_writes_the_file(demo_data, cli, tmp_path):
    out = tmp_path / "orgs.xlsx"
    result = cli("export", "organizations", "-o", str(out), data=demo_data, check=True)
    assert out.exists()
    assert "orgs.xlsx" in result.stdout
    sheet = openpyxl.load_workbook(out).active
    assert sheet["D1"].value == "统一社会信用代码"
    assert len(sheet["D2"].value) == 18


def test_every_list_exports_with_chinese_headers_and_is_logged(demo_db, operator, tmp_path):
    from app.excel.exports import KINDS

    tables = {"households": "household", "members": "household_member",
              "organizations": "organization", "records": "credit_record", "ratings": "rating",
              "letters": "commitment_letter", "query_log": "query_log"}
    kinds = list(KINDS)
    assert set(kinds) == set(tables)
    for kind in kinds:
        expected = demo_db.execute(f"SELECT COUNT(*) FROM {tables[kind]}").fetchone()[0]
        path = tmp_path / f"{kind}.xlsx"
        result = export(demo_db, ensure_admin(demo_db), kind, path)
        assert result["rows"] == expected, kind
        with zipfile.ZipFile(path) as archive:
            assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
        book = openpyxl.load_workbook(path, read_only=True)
        header = next(book.active.iter_rows(max_row=1, values_only=True))
        book.close()
        assert all("\u4e00" <= h[0] <= "\u9fff" for h in header), (kind, header)
    logged = demo_db.execute("SELECT COUNT(*) FROM query_log WHERE action = 'export' "
                             "AND detail LIKE '%xlsx%'").fetchone()[0]
    assert logged == len(kinds)

"""The validation report workbook lists, besides the rejected rows, the
columns that hold data but were not imported, as the dry run does."""

from __future__ import annotations

import datetime as dt

import openpyxl

from app.excel import importer
from excel_books import id_number, write_xlsx

TODAY = dt.date(2026, 12, 1)
HEADER = ["序号", "户主姓名", "身份证号码", "村", "组", "养殖规模", None]


def _rows(bad: bool):
    rows = [["石泉镇农户信息采集表"], HEADER,
            [1, "王建国", id_number(seq=111), "青龙村", "一组", "生猪20头", None],
            [2, "李秀英", id_number(birth="19751231", seq=222), "青龙村", "二组", None, "电话已换"],
            [3, "刘明", id_number(birth="19660606", seq=333), "青龙村", "三组", "鸡100只", None]]
    if bad:
        rows.append([4, "赵错码", "510623198001011234", "青龙村", "一组", None, None])
    return rows


def _unmapped_sheet(path):
    book = openpyxl.load_workbook(path)
    assert "未导入的列" in book.sheetnames
    return book, [list(r) for r in book["未导入的列"].iter_rows(values_only=True)]


def test_report_lists_rejected_rows_and_the_columns_not_imported(db, operator, township,
                                                                 tmp_path):
    path = write_xlsx(tmp_path / "花名册.xlsx", {"农户": _rows(bad=True)})
    plan = importer.inspect(db, path)
    result = importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    assert result["created"] == 3 and result["rejected"] == 1
    book, rows = _unmapped_sheet(result["report"])
    assert rows[0][:4] == ["工作表", "列", "表头", "有数据的行数"]
    assert [r[:4] for r in rows[1:]] == [["农户", "F", "养殖规模", 2], ["农户", "G", None, 1]]
    assert "导入向导" in rows[1][4]
    # The rejected row is still there, with its reason.
    rejected = [list(r) for r in book["农户"].iter_rows(values_only=True)]
    assert rejected[1][1] == "赵错码" and rejected[1][-1]


def test_a_clean_import_with_unmapped_columns_still_gets_a_report(db, operator, township,
                                                                  tmp_path):
    path = write_xlsx(tmp_path / "花名册.xlsx", {"农户": _rows(bad=False)})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY,
                          report_dir=tmp_path)
    assert result["created"] == 3 and result["rejected"] == 0
    book, rows = _unmapped_sheet(result["report"])
    assert book.sheetnames == ["未导入的列"]
    assert [r[2] for r in rows[1:]] == ["养殖规模", None]

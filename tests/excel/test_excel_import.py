"""Importing a messy roster of the kind townships really have."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from app.excel import importer
from app.jobs import Cancelled, Job
from excel_books import id_number, write_ods, write_xls, write_xlsx

TODAY = dt.date(2026, 12, 1)
ID_A = id_number(seq=111)                 # 男
ID_B = id_number(birth="19751231", seq=222)  # 女
ID_C = id_number(birth="19660606", seq=333)
ID_D = next(n for n in (id_number(birth="19900215", seq=s) for s in range(440, 460))
            if n[-1] != "X")
ID_E15 = "510623680101555"                # first-generation, 15 digits
ID_SPOUSE = id_number(birth="19780808", seq=226)
ID_CHILD = id_number(birth="20051010", seq=557)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def messy_roster() -> tuple[dict, dict]:
    """Title row and merged cells, a two-row header, synonyms, units, spaces,
    full-width digits, a 15-digit ID, an ID stored as a number, totals and notes."""
    rows = [
        ["石泉镇2026年农户信息采集表"],
        ["填报单位：青龙村村委会", None, None, None, None, "填报日期：2026年11月"],
        ["序号", "户主信息", None, None, "村", "组", "联系方式", "家庭经济情况", None, "承包面积", "备注"],
        [None, "姓名", "身份证号", "性别", None, None, None, "年收入（万元）", "贷款余额", None, None],
        [1, " 王 建国 ", ID_A, "男", "青龙村", "1组", "138 0000 1234", 3.5, "20000元", "3.5亩", None],
        [2, "李秀英", full_width(ID_B), "女", "青龙", "二组", None, "1.2万", 0, 2, "低保户"],
        [3, "刘䶮", ID_C, None, "𪨶山村", "三组", "13900001111", 5, None, "4.25", None],
        [4, "张老汉", ID_E15, "男", "青龙村", "一组", None, 0.8, None, 1, None],
        [5, "陈数字", float(ID_D), "女", "青龙村", "一组", None, 1, None, 1, None],
        [6, "赵错码", ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1"), "男", "青龙村", "一组",
         None, 1, None, 1, None],
        [7, "王建国", ID_A, "男", "青龙村", "一组", "13800001234", 4, None, 3.5, "重复"],
        [None, None, None, None, None, None, None, None, None, None, None],
        ["合计", None, None, None, None, None, None, 16.0, 20000, 15.25, None],
        ["注：本表由村委会填报，身份证号请以文本格式录入。"],
    ]
    merged = ["A1:K1", "B3:D3", "H3:I3", "A3:A4", "E3:E4", "F3:F4", "G3:G4", "J3:J4", "K3:K4"]
    return {"农户": rows, "说明": [["字典"], ["男"], ["女"]]}, {"农户": merged}


@pytest.fixture
def roster(tmp_path):
    sheets, merged = messy_roster()
    return write_xlsx(tmp_path / "花名册.xlsx", sheets, merged=merged, hidden=("说明",))


def rows_by_name(outcome):
    out = {}
    for r in outcome.rows:
        out.setdefault(r.name, r)
    return out


def test_messy_roster_preview(db, township, roster):
    plan = importer.inspect(db, roster)
    household_plan = plan.sheets[0]
    assert household_plan.kind == "households"
    assert household_plan.first_data_row == 4       # spreadsheet row 5
    fields = household_plan.field_columns()
    assert fields["head_name"] == 1 and fields["head_id_number"] == 2
    assert fields["annual_income"] == 7 and fields["land_area"] == 9 and fields["phone"] == 6
    assert plan.sheets[1].visible is False
    outcome = importer.preview(db, plan, today=TODAY)
    by = rows_by_name(outcome)
    assert len(outcome.rows) == 7                    # no totals, notes or blank rows
    wang = by["王建国"]
    assert wang.action == "create"
    assert wang.values["annual_income_fen"] == 3_500_000   # 3.5 万元 (header unit)
    assert wang.values["loan_balance_fen"] == 2_000_000
    assert wang.values["land_area_centimu"] == 350
    assert wang.values["phone"] == "13800001234"
    assert wang.values["group_id"] == township["青龙村一组"]
    assert by["李秀英"].values["head_id_number"] == ID_B   # full-width digits
    assert by["李秀英"].values["village_id"] == township["青龙村"]   # "青龙" found
    assert by["刘䶮"].values["village_id"] == township["𪨶山村"]
    assert by["张老汉"].values["head_id_number"] == id_number(birth="19680101", seq=555)
    number = by["陈数字"]
    assert number.action == "reject"
    assert "数字" in number.problems[0].message and number.problems[0].column == 2
    assert by["赵错码"].action == "reject" and "校验" in by["赵错码"].problems[0].message
    dup = [r for r in outcome.rows if r.action == "duplicate_file"]
    assert [d.row for d in dup] == [11] and dup[0].first.row == 5
    summary = importer.summarise(outcome)
    assert summary["created"] == 4 and summary["rejected"] == 2
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0   # dry run


def test_import_then_second_import_changes_nothing(db, operator, township, roster, tmp_path):
    plan = importer.inspect(db, roster)
    result = importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    assert result["created"] == 4 and result["rejected"] == 2
    assert result["skipped_duplicates"] == 1
    names = {n for (n,) in db.execute("SELECT head_name FROM household")}
    assert names == {"王建国", "李秀英", "刘䶮", "张老汉"}
    journal = db.execute("SELECT COUNT(*) FROM journal WHERE entity = 'household'").fetchone()[0]
    assert journal == 4
    from app.search import search
    assert [r.name for r in search(db, "wjg")] == ["王建国"]
    seq = db.execute("SELECT MAX(seq) FROM journal").fetchone()[0]
    again = importer.run(db, operator, importer.inspect(db, roster), today=TODAY,
                         default_choice="update", report_dir=tmp_path)
    assert again["created"] == 0 and again["updated"] == 0
    assert again["skipped_duplicates"] == 5
    assert db.execute("SELECT MAX(seq) FROM journal").fetchone()[0] == seq


def test_validation_report_highlights_the_bad_cells(db, operator, township, roster, tmp_path):
    result = importer.run(db, operator, importer.inspect(db, roster), today=TODAY,
                          report_dir=tmp_path)
    book = openpyxl.load_workbook(result["report"])
    sheet = book["农户"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["原行号", "错误原因"]
    rows = {r[header.index("原行号")].value: r for r in sheet.iter_rows(min_row=2)}
    assert set(rows) == {9, 10}
    bad = rows[9][2]                                  # the ID stored as a number
    assert bad.fill.fgColor.rgb.endswith("FFC7CE")
    assert "数字" in bad.comment.text
    assert rows[9][1].fill.fgColor.rgb in (None, "00000000")   # the name was fine
    assert "身份证" in rows[10][-1].value


def test_duplicate_choices_update_and_keep(db, operator, township, tmp_path):
    first = write_xlsx(tmp_path / "a.xlsx", {"表": [
        ["户主姓名", "身份证号码", "村", "联系电话", "主营产业"],
        ["王建国", ID_A, "青龙村", "13800001234", None]]})
    importer.run(db, operator, importer.inspect(db, first), today=TODAY)
    second = write_xlsx(tmp_path / "b.xlsx", {"表": [
        ["户主姓名", "身份证号码", "村", "联系电话", "主营产业"],
        ["王建国", ID_A, "青龙村", "13900009999", "柑橘种植"]]})
    plan = importer.inspect(db, second)
    outcome = importer.preview(db, plan, today=TODAY)
    dup = outcome.duplicates[0]
    assert dup.action == "duplicate_register" and set(dup.differences) == {"phone", "main_industry"}
    importer.run(db, operator, plan, today=TODAY, choices={dup.ref: "keep"})
    row = db.execute("SELECT phone, main_industry FROM household").fetchone()
    assert row == ("13800001234", "柑橘种植")       # keep: only the empty field filled
    importer.run(db, operator, importer.inspect(db, second), today=TODAY,
                 choices={dup.ref: "update"})
    assert db.execute("SELECT phone FROM household").fetchone()[0] == "13900009999"


def test_failure_in_the_middle_leaves_nothing(db, operator, township, tmp_path):
    rows = [["户主姓名", "身份证号码", "村"]]
    rows += [[f"王{chr(0x4e00 + i)}", id_number(seq=100 + i), "青龙村"] for i in range(300)]
    path = write_xlsx(tmp_path / "big.xlsx", {"表": rows})
    before = db.execute("SELECT COUNT(*) FROM journal").fetchone()[0]
    db.execute("CREATE TRIGGER boom BEFORE INSERT ON search_key BEGIN "
               "SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(Exception, match="disk trouble"):
        importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    db.execute("DROP TRIGGER boom")
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM subject").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM journal").fetchone()[0] == before
    job = Job()
    job.cancel()
    with pytest.raises(Cancelled):
        importer.run(db, operator, importer.inspect(db, path), today=TODAY, job=job)
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0


@pytest.mark.parametrize("writer, suffix", [(write_xls, ".xls"), (write_ods, ".ods")])
def test_xls_and_ods_rosters_import(db, operator, township, tmp_path, writer, suffix):
    rows = [["青龙村农户名单"], ["户主姓名", "身份证号码", "村", "组", "承包地面积（亩）", "家庭年收入"],
            ["王建国", ID_A, "青龙村", "一组", 3.5, "3万元"],
            ["李秀英", ID_B, "青龙村", "二组", "2亩", 12000],
            ["合计", None, None, None, 5.5, None]]
    path = writer(tmp_path / f"roster{suffix}", {"名单": rows})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert result["created"] == 2 and result["rejected"] == 0
    got = dict(db.execute("SELECT head_name, annual_income_fen FROM household"))
    assert got == {"王建国": 3_000_000, "李秀英": 1_200_000}


def test_import_command_json_and_dry_run(data, db, township, roster, cli, tmp_path):
    db.close()
    dry = cli("import", str(roster), "--dry-run", "--json", data=data, check=True)
    summary = json.loads(dry.stdout)
    assert summary["created"] == 4 and summary["rejected"] == 2
    assert summary["report"].endswith(".xlsx")
    done = json.loads(cli("import", str(roster), "--json", data=data, check=True).stdout)
    assert {k: done[k] for k in ("created", "updated", "skipped_duplicates", "rejected")} == \
        {"created": 4, "updated": 0, "skipped_duplicates": 1, "rejected": 2}
    again = json.loads(cli("import", str(roster), "--json", data=data, check=True).stdout)
    assert again["created"] == 0 and again["skipped_duplicates"] == 5
    text = cli("import", str(roster), data=data, check=True).stdout
    assert "已新建 0 条" in text and "校验报告" in text


def test_two_row_header_without_merged_cells(db, operator, township, tmp_path):
    """The header's meaning is only in the two rows together (承包地 / 面积（亩）)."""
    path = write_xls(tmp_path / "两行表头.xls", {"表": [
        ["农户基本情况表"],
        ["户主", None, "承包地", "家庭", "联系", "所属"],
        ["姓名", "身份证号码", "面积（亩）", "年收入（万元）", "电话", "村"],
        ["王建国", ID_A, 3.5, 2.5, "13800001234", "青龙村"],
    ]})
    plan = importer.inspect(db, path)
    sheet = plan.sheets[0]
    assert sheet.header_rows == (1, 2)
    assert sheet.field_columns() == {"head_name": 0, "head_id_number": 1, "land_area": 2,
                                     "annual_income": 3, "phone": 4, "village": 5}
    outcome = importer.preview(db, plan, today=TODAY)
    row = outcome.rows[0]
    assert row.action == "create"
    assert row.values["land_area_centimu"] == 350 and row.values["annual_income_fen"] == 2_500_000

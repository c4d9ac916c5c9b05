"""Organizations, member sheets, credit records, several sheets and the mapping memory."""

from __future__ import annotations

import datetime as dt

from stdnum.cn import uscc as uscc_lib

from app.excel import importer
from app.excel.mapping import detect
from app.excel.reader import read_workbook
from excel_books import id_number, write_xlsx

TODAY = dt.date(2026, 12, 1)
HEAD = id_number(seq=111)
SPOUSE = id_number(birth="19820303", seq=222)
CHILD = id_number(birth="20100101", seq=331)


def uscc(body: str) -> str:
    return body + uscc_lib.calc_check_digit(body)


COOP = uscc("93510623MA6XY812A")
FARM = uscc("92510623MA6ABC34B")


def test_several_sheets_households_members_organizations_records(db, operator, township,
                                                                   tmp_path):
    path = write_xlsx(tmp_path / "全镇.xlsx", {
        "户主": [["村名", "户主", "公民身份号码", "联系电话"],
                 ["青龙村", "王建国", HEAD, "13800001234"]],
        "家庭成员": [["户主身份证号", "姓名", "与户主关系", "身份证号码"],
                   [HEAD, "李秀英", "妻", SPOUSE],
                   [HEAD, "王小明", "长子", CHILD]],
        "合作社": [["主体名称", "统一社会信用代码", "法人代表", "注册资金（万元）", "所在村"],
                 ["青龙柑橘专业合作社", COOP, "王建国", 50, "青龙村"],
                 ["老王家庭农场", FARM, "王建国", "10万元", "青龙村"]],
        "信用记录": [["当事人", "证件号码", "信息类别", "事项", "决定日期", "来源单位", "严重程度"],
                  ["王建国", HEAD, "失信被执行人", "拒不履行判决", "2026/3/15", "县人民法院", "严重"],
                  ["青龙柑橘专业合作社", COOP, "表彰荣誉", "县级示范社", "2025年12月1日", "县农业农村局",
                   None]],
    })
    plan = importer.inspect(db, path)
    assert [p.kind for p in plan.sheets] == ["households", "members", "organizations", "records"]
    result = importer.run(db, operator, plan, today=TODAY)
    assert result["rejected"] == 0, result
    assert result["created"] == 5 and result["members_created"] == 2
    members = dict(db.execute("SELECT name, relation FROM household_member"))
    assert members == {"李秀英": "spouse", "王小明": "child"}
    orgs = dict(db.execute("SELECT name, kind FROM organization"))
    assert orgs == {"青龙柑橘专业合作社": "cooperative", "老王家庭农场": "family_farm"}
    capital = db.execute("SELECT registered_capital_fen FROM organization WHERE uscc = ?",
                         [COOP]).fetchone()[0]
    assert capital == 50 * 1_000_000
    records = {r[0]: r[1:] for r in db.execute(
        "SELECT category, polarity, decision_date, publicity_end FROM credit_record")}
    # A negative record is public for its severity's period, as one typed in the form.
    assert records["dishonest_judgment_debtor"][:2] == ("negative", "2026-03-15")
    assert records["dishonest_judgment_debtor"][2] > "2027-03-15"
    assert records["honour"] == ("positive", "2025-12-01", None)
    # The household holds no credit grade: a new negative record queues nothing to review.
    assert db.execute("SELECT COUNT(*) FROM rating_flag").fetchone()[0] == 0
    # Only a negative record of an organization reaches its legal representative.
    assert db.execute("SELECT COUNT(*) FROM legal_rep_link").fetchone()[0] == 0
    again = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert again["created"] == 0 and again["members_created"] == 0 and again["updated"] == 0


def test_person_rows_with_relation_column_make_one_household(db, operator, township, tmp_path):
    path = write_xlsx(tmp_path / "户籍.xlsx", {"花名册": [
        ["村", "组", "姓名", "与户主关系", "身份证号码"],
        ["青龙村", "一组", "王建国", "户主", HEAD],
        [None, None, "李秀英", "配偶", SPOUSE],
        [None, None, "王小明", "子", CHILD],
    ]})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert result["created"] == 1 and result["members_created"] == 2
    assert db.execute("SELECT members FROM household").fetchone()[0] == 3


def test_a_bad_member_row_rejects_its_household(db, operator, township, tmp_path):
    path = write_xlsx(tmp_path / "户籍.xlsx", {"花名册": [
        ["村", "姓名", "与户主关系", "身份证号码"],
        ["青龙村", "王建国", "户主", HEAD],
        [None, "李秀英", "配偶", SPOUSE[:-1] + ("0" if SPOUSE[-1] != "0" else "1")],
    ]})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY,
                          report_dir=tmp_path)
    assert result["created"] == 0 and result["rejected"] == 2
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0


def test_organization_with_bad_check_character_needs_a_reason(db, operator, township, tmp_path):
    bad = COOP[:-1] + ("0" if COOP[-1] != "0" else "1")
    rows = [["名称", "统一社会信用代码", "法定代表人", "村", "代码确认理由"],
            ["试点合作社", bad, "王建国", "青龙村", None]]
    path = write_xlsx(tmp_path / "a.xlsx", {"表": rows})
    outcome = importer.preview(db, importer.inspect(db, path), today=TODAY)
    assert outcome.rows[0].action == "reject"
    assert "代码确认理由" in outcome.rows[0].problems[0].message
    rows[1][4] = "营业执照上即为此代码"
    path = write_xlsx(tmp_path / "b.xlsx", {"表": rows})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert result["created"] == 1
    assert db.execute("SELECT uscc_override_reason FROM organization").fetchone()[0] \
        == "营业执照上即为此代码"


def test_mapping_correction_is_remembered_for_the_same_layout(db, operator, township, tmp_path):
    rows = [["名字", "号码", "村子"], ["王建国", HEAD, "青龙村"]]
    path = write_xlsx(tmp_path / "odd.xlsx", {"表": rows})
    book = read_workbook(path)
    assert detect(book.sheets[0]).kind is None        # nothing recognisable yet
    rows = [["户主姓名", "号码", "村子"], ["王建国", HEAD, "青龙村"]]
    path = write_xlsx(tmp_path / "odd.xlsx", {"表": rows})
    plan = importer.inspect(db, path)
    sheet = plan.sheets[0]
    assert sheet.kind == "households"
    assert [f.key for f in sheet.missing_required()] == ["head_id_number"]                   # the ID column is not recognised
    sheet.set_field(1, "head_id_number")
    sheet.set_field(2, "village")
    result = importer.run(db, operator, plan, today=TODAY)
    assert result["created"] == 1
    again = importer.inspect(db, write_xlsx(tmp_path / "next.xlsx", {"另一个表": [
        ["户主姓名", "号码", "村子"], ["李秀英", SPOUSE, "青龙村"]]}))
    assert again.sheets[0].remembered
    assert again.sheets[0].field_columns() == {"head_name": 0, "head_id_number": 1, "village": 2}


def test_imported_negative_records_get_their_publicity_end_from_severity(db, operator, township,
                                                                        tmp_path):
    from app import credit_policy
    from app.records.records import publicity_end

    path = write_xlsx(tmp_path / "记录.xlsx", {
        "户主": [["村名", "户主", "公民身份号码"], ["青龙村", "王建国", HEAD]],
        "信用记录": [["当事人", "证件号码", "信息类别", "事项", "决定日期", "严重程度"],
                  ["王建国", HEAD, "水电气欠费", "拖欠水费", "2026/1/10", "轻微"],
                  ["王建国", HEAD, "水电气欠费", "拖欠电费", "2026/2/10", None]]})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    # The row without a severity is refused, as the form refuses it; the other one is public
    # until the end of its severity's period.
    assert result["rejected"] == 1
    end = db.execute("SELECT publicity_end FROM credit_record").fetchone()[0]
    import datetime as dt

    policy = credit_policy.load(db)
    assert end == publicity_end(policy, "minor", dt.date(2026, 1, 10)).isoformat()


def test_an_imported_negative_record_of_an_organization_reaches_its_legal_representative(
        db, operator, township, tmp_path):
    from app.list_status import identity_status

    path = write_xlsx(tmp_path / "合作社记录.xlsx", {
        "合作社": [["主体名称", "统一社会信用代码", "法人代表", "法人代表身份证号", "所在村"],
                 ["青龙柑橘专业合作社", COOP, "王建国", HEAD, "青龙村"]],
        "信用记录": [["当事人", "证件号码", "信息类别", "事项", "决定日期", "来源单位", "严重程度"],
                  ["青龙柑橘专业合作社", COOP, "失信被执行人", "拒不支付货款", "2026/3/15",
                   "县人民法院", "严重"]],
    })
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY,
                          report_dir=tmp_path)
    assert result["rejected"] == 0, result
    links = list(db.query("SELECT person_id_number, organization_name, title "
                          "FROM legal_rep_link"))
    assert links == [{"person_id_number": HEAD, "organization_name": "青龙柑橘专业合作社",
                      "title": "拒不支付货款"}]
    # The journal carries it to the county like any other change.
    assert db.execute("SELECT COUNT(*) FROM journal WHERE entity = 'legal_rep_link'"
                      ).fetchone()[0] == 1
    assert identity_status(db, HEAD)

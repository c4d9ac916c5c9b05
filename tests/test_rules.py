"""One rule set per entity: the edit form, the Excel import and a county
correction accept or refuse every value alike, and store what they accept alike.

Each tricky value goes through the real paths: ``register.clean_household``
(what the household dialog calls), a real .xlsx through the importer, and a
correction published by a real county server on 127.0.0.1 and pulled.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlsxwriter
from stdnum.cn import ric

from app import register
from app.errors import ValidationFailed
from app.excel import importer
from app.sync import client
from tests.sync.conftest import FAST, County

TODAY = dt.date(2026, 12, 1)
EXT_G = "\U00031350"  # CJK Extension G: in no bundled font


def id_number(seq: int, birth: str = "19800101") -> str:
    body = f"510623{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def bad_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


# (field, value, accepted, stored value if accepted or None to skip that check,
#  whether a county correction can carry the value as it stands)
HOUSEHOLD_CASES = [
    ("head_name", "张三", True, "张三", True),
    ("head_name", "张三(老)", False, None, True),
    ("head_name", "张三（老）", False, None, True),
    ("head_name", "张 三", True, "张三", True),
    ("head_name", "张\u3000三", True, "张三", True),
    ("head_name", "阿卜杜·热合曼", True, "阿卜杜·热合曼", True),
    ("head_name", "阿卜杜•热合曼", True, "阿卜杜·热合曼", True),
    ("head_name", "·热合曼", False, None, True),
    ("head_name", "𠮷野家", True, "𠮷野家", True),
    ("head_name", "王" + EXT_G, False, None, True),
    ("head_name", "张三3", False, None, True),
    ("head_name", "张\x07三", False, None, True),
    ("head_name", "张\u202e三", False, None, True),
    ("head_name", "张\u200f三", False, None, True),
    ("head_name", "张\u2066三\u2069", False, None, True),
    ("head_id_number", "510623800101123", True, "510623198001011232", True),
    ("head_id_number", "ID15", True, None, True),             # 15 digits, converted
    ("head_id_number", "BADCHECK", False, None, True),
    ("head_id_number", "FULLWIDTH", True, None, True),
    ("head_id_number", "SPACED", True, None, True),
    ("head_id_number", "5106231980010112", False, None, True),
    ("head_id_number", "RTL", False, None, True),
    ("head_birth_date", "1980-01-01", True, "1980-01-01", True),
    ("head_birth_date", "1980/1/1", True, "1980-01-01", True),
    ("head_birth_date", "1980年1月1日", True, "1980-01-01", True),
    ("head_birth_date", "19800101", True, "1980-01-01", True),
    ("head_birth_date", "1980.01.01", True, "1980-01-01", True),
    ("head_birth_date", "1980-13-01", False, None, True),
    ("head_birth_date", "1981-01-01", False, None, True),       # not what the ID number says
    ("head_birth_date", "01/01/1980", False, None, True),
    ("phone", "138 0013 8000", True, "13800138000", True),
    ("phone", "+86 138-0013-8000", True, "13800138000", True),
    ("phone", "０８３８-１２３４５６７", True, "08381234567", True),
    ("phone", "12345", False, None, True),
    ("phone", "138\u202e00138000", False, None, True),
    ("address", "青龙村一组 12 号", True, "青龙村一组 12 号", True),
    ("address", "青龙村\u202e一组", False, None, True),
    ("address", EXT_G + "家湾", False, None, True),
    ("address", "\U00020BB7家湾", True, "\U00020BB7家湾", True),
    ("note", "户主外出务工", True, "户主外出务工", True),
    ("note", "备注\x00", False, None, True),
    ("annual_income", "1,234.50", True, 123450, False),
    ("annual_income", "3.5万", True, 3_500_000, False),
    ("annual_income", "1,000元", True, 100_000, False),
    ("annual_income", "￥800", True, 80_000, False),
    ("annual_income", "-5", False, None, False),
    ("annual_income", "12.345", False, None, False),
    ("annual_income", "一万", False, None, False),
    ("land_area", "3.25", True, 325, False),
    ("land_area", "3.25亩", True, 325, False),
    ("land_area", "２.５", True, 250, False),
    ("land_area", "3.255", False, None, False),
    ("land_area", "-1", False, None, False),
    ("members", "5人", True, 5, False),
    ("members", "2.5", False, None, False),
]
STORED_KEY = {"annual_income": "annual_income_fen", "land_area": "land_area_centimu"}


def _value(case_index: int, value: str) -> str:
    """Placeholders for ID numbers that depend on the row (each row its own person)."""
    number = id_number(601 + 2 * case_index)  # odd: a man, as typed
    return {"ID15": number[:6] + number[8:17],
            "BADCHECK": bad_check(number),
            "FULLWIDTH": number.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
            "SPACED": f"{number[:6]} {number[6:14]} {number[14:]}",
            "RTL": "\u202d" + number}.get(value, value)


def _typed(index: int, field: str, value: str) -> dict:
    """A valid household of its own, with ``field`` set to ``value``."""
    data = {"head_name": "李四", "head_id_number": id_number(301 + 2 * index), "head_sex": "男",
            "phone": "13800000000", "address": "青龙村", "members": "3", "labor": "2",
            "land_area": "1", "annual_income": "1000", "note": ""}
    data[field] = _value(index, value)
    if field == "head_id_number":
        data.pop("head_sex")
    return data


@pytest.fixture
def village(db, operator):
    county = register.create_place(db, operator, level="county", code="510623", name="中江县")
    town = register.create_place(db, operator, level="township", code="510623105",
                                 name="石泉镇", parent_id=county["id"])
    return register.create_place(db, operator, level="village", code="510623105201",
                                 name="青龙村", parent_id=town["id"])["id"]


def _form(db, village, index, field, value, household_id=None):
    try:
        clean = register.clean_household(db, dict(_typed(index, field, value),
                                                  village_id=village),
                                         household_id=household_id, today=TODAY)
    except ValidationFailed as exc:
        return False, [e.field for e in exc.errors], None
    return True, [], clean.row


HEADERS = {"head_name": "户主姓名", "head_sex": "性别", "head_id_number": "身份证号码",
           "head_birth_date": "出生日期", "phone": "联系电话", "address": "家庭住址",
           "members": "家庭人口", "labor": "劳动力", "land_area": "承包地面积",
           "annual_income": "家庭年收入", "note": "备注"}


def _roster(path: Path, cases) -> Path:
    fields = list(HEADERS)
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("农户")
    sheet.write_row(0, 0, ["村", *HEADERS.values()])
    for i, (field, value, *_) in enumerate(cases):
        typed = _typed(i, field, value)
        sheet.write_string(i + 1, 0, "青龙村")
        for c, key in enumerate(fields, start=1):
            sheet.write_string(i + 1, c, str(typed.get(key) or ""))
    book.close()
    return path


def test_form_and_import_accept_and_refuse_alike(db, village, tmp_path):
    plan = importer.inspect(db, _roster(tmp_path / "roster.xlsx", HOUSEHOLD_CASES))
    outcome = importer.preview(db, plan, today=TODAY)
    rows = {r.row: r for r in outcome.rows}
    column = {f: i + 1 for i, f in enumerate(HEADERS)}
    for i, (field, value, accepted, stored, _) in enumerate(HOUSEHOLD_CASES):
        form_ok, form_fields, form_row = _form(db, village, i, field, value)
        row = rows[i + 2]
        assert form_ok is accepted, (field, value, form_fields)
        assert (not row.problems) is accepted, (field, value, [p.message for p in row.problems])
        if not accepted:
            assert form_fields == [field], (value, form_fields)
            assert [p.column for p in row.problems] == [column[field]], value
            continue
        key = STORED_KEY.get(field, field)
        if stored is not None:
            assert form_row[key] == stored, value
        for k in ("head_name", "head_id_number", "head_birth_date", "phone", "address", "note",
                  "land_area_centimu", "annual_income_fen", "members"):
            assert row.values[k] == form_row[k], (value, k)


def test_the_import_report_names_row_field_and_fix(db, operator, village, tmp_path):
    cases = [("head_name", "张三(老)", False, None, True), ("phone", "138\u202e00138000", False,
                                                          None, True)]
    plan = importer.inspect(db, _roster(tmp_path / "roster.xlsx", cases))
    result = importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    assert result["rejected"] == 2 and result["created"] == 0
    import openpyxl

    book = openpyxl.load_workbook(result["report"])
    text = "\n".join(str(c) for ws in book for r in ws.iter_rows(values_only=True) for c in r
                     if c is not None)
    assert "姓名只能由文字和间隔号（·）组成" in text and "备注" in text
    assert "U+202E" in text and "重新输入" in text


@pytest.fixture
def county(tmp_path):
    c = County(tmp_path / "county")
    yield c
    c.stop()


def test_county_corrections_follow_the_same_rules(db, operator, data, village, county):
    """A correction the form would refuse is not applied, and the pull says why."""
    client.enroll(db, data, county.url)
    cases = [c for c in HOUSEHOLD_CASES if c[4]]
    ids, before = [], []
    for i, _ in enumerate(cases):
        base = _typed(i, "note", "")
        base["head_birth_date"] = "1980-01-01"
        ids.append(register.create_household(db, operator, dict(base, village_id=village),
                                             today=TODAY)["id"])
        before.append(register.get_household(db, ids[-1]))
    assert client.push(db, data, county.url, retry=FAST)["failed"] is None
    for i, (field, value, *_) in enumerate(cases):
        county.store.correct("household", ids[i], {field: _value(i, value)})
    result = client.pull(db, data, operator, county.url, retry=FAST)
    assert result["refused"] == sum(1 for c in cases if not c[2])
    assert len(result["refusals"]) == result["refused"]
    assert result["corrections"] == sum(1 for c in cases if c[2])
    for i, (field, value, accepted, stored, _) in enumerate(cases):
        now = register.get_household(db, ids[i])
        form_ok, _, form_row = _form(db, village, i, field, value, household_id=ids[i])
        assert form_ok is accepted, (field, value)
        if accepted:
            assert now[field] == form_row[field], (field, value)
        else:
            assert now[field] == before[i][field], (field, value)
            assert now["version"] == before[i]["version"], (field, value)


# ------------------------------------------------------------ organizations

def uscc_code(i: int, *, good: bool = True) -> str:
    from stdnum.cn import uscc as stdnum_uscc

    body = f"93510623{i:09d}"
    check = stdnum_uscc.calc_check_digit(body + "0")
    if not good:
        check = "1" if check != "1" else "2"
    return body + check


# (typed values over a valid organization, accepted, the field refused)
ORGANIZATION_CASES = [
    ({}, True, None),
    ({"name": "青龙柑橘（专业）合作社"}, True, None),
    ({"name": "青龙\u202e合作社"}, False, "name"),
    ({"name": EXT_G + "山合作社"}, False, "name"),
    ({"legal_rep_name": "张三(老)"}, False, "legal_rep_name"),
    ({"legal_rep_name": "阿卜杜·热合曼"}, True, None),
    ({"uscc": "PILOT"}, False, "uscc"),
    ({"uscc": "PILOT", "uscc_override_reason": "营业执照所载代码，试点期间赋码"}, True, None),
    ({"uscc": "93510623I00000001X"}, False, "uscc"),
    ({"uscc": "FULLWIDTH"}, True, None),
    ({"uscc": "9351062300000001"}, False, "uscc"),
    ({"registered_capital": "50万"}, True, None),
    ({"registered_capital": "1,000元"}, True, None),
    ({"registered_capital": "-1"}, False, "registered_capital"),
    ({"phone": "+86 138 0013 8000"}, True, None),
    ({"legal_rep_id_number": "510623800101123"}, True, None),
    ({"legal_rep_id_number": "BADCHECK"}, False, "legal_rep_id_number"),
]
ORG_HEADERS = {"name": "名称", "kind": "类型", "uscc": "统一社会信用代码",
               "uscc_override_reason": "代码确认理由", "legal_rep_name": "法定代表人",
               "legal_rep_id_number": "法定代表人身份证号码", "phone": "联系电话",
               "registered_capital": "注册资本", "address": "地址"}


def _organization(i: int, overrides: dict) -> dict:
    data = {"name": f"青龙第{i}合作社", "kind": "农民专业合作社", "uscc": uscc_code(i),
            "uscc_override_reason": "", "legal_rep_name": "王建国", "legal_rep_id_number": "",
            "phone": "", "registered_capital": "10000", "address": "青龙村"}
    data.update(overrides)
    special = {"PILOT": uscc_code(i, good=False),
               "FULLWIDTH": uscc_code(i).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
               "BADCHECK": bad_check(id_number(401 + 2 * i))}
    return {k: special.get(v, v) for k, v in data.items()}


def test_organizations_alike_in_form_and_import(db, village, tmp_path):
    path = tmp_path / "orgs.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("合作社")
    sheet.write_row(0, 0, ["村", *ORG_HEADERS.values()])
    for i, (overrides, *_) in enumerate(ORGANIZATION_CASES):
        typed = _organization(i, overrides)
        sheet.write_string(i + 1, 0, "青龙村")
        for c, key in enumerate(ORG_HEADERS, start=1):
            sheet.write_string(i + 1, c, typed[key])
    book.close()
    rows = {r.row: r for r in importer.preview(db, importer.inspect(db, path), today=TODAY).rows}
    for i, (overrides, accepted, field) in enumerate(ORGANIZATION_CASES):
        typed = _organization(i, overrides)
        try:
            form_row, _ = register.clean_organization(db, dict(typed, village_id=village),
                                                      today=TODAY)
            form_fields = []
        except ValidationFailed as exc:
            form_row, form_fields = None, [e.field for e in exc.errors]
        row = rows[i + 2]
        assert (form_row is not None) is accepted, (overrides, form_fields)
        assert (not row.problems) is accepted, (overrides, [p.message for p in row.problems])
        if accepted:
            for key in ("name", "uscc", "uscc_override_reason", "legal_rep_name",
                        "legal_rep_id_number", "phone", "registered_capital_fen", "kind"):
                assert row.values[key] == form_row[key], (overrides, key)
        else:
            assert form_fields == [field], overrides
            assert [p.column for p in row.problems] == [list(ORG_HEADERS).index(field) + 1]


# ------------------------------------------------------------ credit records

RECORD_CASES = [
    ({}, True, None),
    ({"category": "honour"}, True, None),
    ({"category": "不存在的类别"}, False, "category"),
    ({"decision_date": "2026/3/15"}, True, None),
    ({"decision_date": "2026年3月15日"}, True, None),
    ({"decision_date": "2099-01-01"}, False, "decision_date"),
    ({"decision_date": "2026-02-30"}, False, "decision_date"),
    ({"title": "示范\u202e户"}, False, "title"),
    ({"content": "第一行\n第二行"}, True, None),
    ({"content": "内容\x1b[31m"}, False, "content"),
    ({"source_department": "县\u2067农业农村局"}, False, "source_department"),
    ({"polarity": "失信", "severity": "严重", "category": "欠税"}, True, None),
    ({"polarity": "失信", "severity": "很严重", "category": "欠税"}, False, "severity"),
    ({"polarity": "说不清"}, False, "polarity"),
    ({"category": "行政处罚", "polarity": "失信", "severity": "一般"}, False, "document_number"),
]
RECORD_HEADERS = {"subject_number": "证件号码", "category": "类别", "polarity": "性质",
                  "severity": "严重程度", "title": "事项", "content": "内容",
                  "decision_date": "决定日期", "source_department": "来源单位"}


def _record(i: int, overrides: dict) -> dict:
    data = {"category": "表彰荣誉", "polarity": "", "severity": "", "title": f"示范户{i}",
            "content": "", "decision_date": "2026-03-15", "source_department": "县农业农村局"}
    data.update(overrides)
    return data


def test_credit_records_alike_in_form_and_import(db, operator, village, tmp_path):
    from app.records import records

    head = register.create_household(db, operator, dict(_typed(0, "note", ""),
                                                        village_id=village), today=TODAY)
    path = tmp_path / "records.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("信用记录")
    sheet.write_row(0, 0, list(RECORD_HEADERS.values()))
    for i, (overrides, *_) in enumerate(RECORD_CASES):
        typed = dict(_record(i, overrides), subject_number=head["head_id_number"])
        for c, key in enumerate(RECORD_HEADERS):
            sheet.write_string(i + 1, c, typed[key])
    book.close()
    plan = importer.inspect(db, path)
    assert [p.kind for p in plan.sheets] == ["records"]
    rows = {r.row: r for r in importer.preview(db, plan, today=TODAY).rows}
    for i, (overrides, accepted, field) in enumerate(RECORD_CASES):
        try:
            form_row = records.clean_record(db, dict(_record(i, overrides),
                                                     subject_id=head["id"]))
            form_fields = []
        except ValidationFailed as exc:
            form_row, form_fields = None, [e.field for e in exc.errors]
        row = rows[i + 2]
        assert (form_row is not None) is accepted, (overrides, form_fields)
        assert (not row.problems) is accepted, (overrides, [p.message for p in row.problems])
        if accepted:
            for key in ("category", "polarity", "severity", "title", "content",
                        "decision_date", "source_department"):
                assert row.values[key] == form_row[key], (overrides, key)
        else:
            # A 双公示 record also lacks its details in the form, which the import has no
            # columns for; the rule both share is the document number.
            assert form_fields == [field] or field == "document_number" == form_fields[0], \
                (overrides, form_fields)
            assert [p.column for p in row.problems] == \
                [list(RECORD_HEADERS).index(field) if field in RECORD_HEADERS else None]


def test_a_place_name_follows_the_address_rules(db, operator, village):
    town = register.get_place(db, village)["parent_id"]
    for name, reason in (("新\u202e华村", "U+202E"), (EXT_G + "山村", "U+31350")):
        with pytest.raises(ValidationFailed) as failed:
            register.create_place(db, operator, level="village", code="510623105209",
                                  name=name, parent_id=town)
        assert [e.field for e in failed.value.errors] == ["name"]
        assert reason in failed.value.errors[0].message
    made = register.create_place(db, operator, level="village", code="510623105209",
                                 name=" 𪨶山村 ", parent_id=town)
    assert made["name"] == "𪨶山村"

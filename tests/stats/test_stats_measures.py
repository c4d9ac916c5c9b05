"""The county's measures computed by the township: each rate at its edges,
with records uploaded to a real county server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.journal import changes
from app.records.records import create_record, insert_record
from app.stats import period as periods
from app.stats.figures import township_figures
from app.stats.measures import wrong_codes
from app.sync import client
from app.users import default_operator_id
from tests.sync.conftest import County


@pytest.fixture
def county(tmp_path):
    c = County(tmp_path / "county")
    yield c
    c.stop()


@pytest.fixture
def op(demo_db) -> str:
    return default_operator_id(demo_db)


def _subject(db) -> dict:
    return next(db.query("SELECT id, head_name AS name, head_id_number AS number FROM household "
                         "ORDER BY sid LIMIT 1"))


def _penalty(subject: dict, decided: dt.date, number: str) -> dict:
    return {
        "subject_id": subject["id"], "category": "administrative_penalty",
        "polarity": "negative", "severity": "general", "title": "违规焚烧秸秆",
        "content": "在基本农田内焚烧秸秆", "source_department": "县生态环境局",
        "document_number": number, "decision_date": decided.isoformat(),
        "details": {
            "counterpart_name": subject["name"], "counterpart_code": subject["number"],
            "violation_facts": "露天焚烧秸秆约3亩", "legal_basis": "《大气污染防治法》第一百一十九条",
            "penalty_kind": "罚款", "penalty_amount": "200", "authority": "某县生态环境局",
            "authority_uscc": "11510100MB0000000U", "data_source": "县公共信用信息平台"},
    }


def _this_year() -> periods.Period:
    return periods.year(dt.date.today().year)


def _measured(db, op, numbers) -> dict:
    figures = township_figures(db, op, _this_year())
    mine = {r["document_number"] for lst in ("not_uploaded", "late", "non_compliant")
            for r in figures["drill_down"][lst]} & set(numbers)
    return figures, mine


def test_a_decision_uploaded_on_day_7_is_on_time_and_on_day_8_late(demo_db, demo_data, county, op):
    today = dt.date.today()
    if today.timetuple().tm_yday <= 8:
        pytest.skip("both decisions must fall in this year")
    subject = _subject(demo_db)
    before = township_figures(demo_db, op, _this_year())["rates"]
    create_record(demo_db, op, _penalty(subject, today - dt.timedelta(days=7), "测罚〔2026〕7号"))
    create_record(demo_db, op, _penalty(subject, today - dt.timedelta(days=8), "测罚〔2026〕8号"))

    waiting = township_figures(demo_db, op, _this_year())
    assert waiting["rates"]["decisions"] == before["decisions"] + 2
    not_uploaded = {r["document_number"] for r in waiting["drill_down"]["not_uploaded"]}
    assert {"测罚〔2026〕7号", "测罚〔2026〕8号"} <= not_uploaded

    client.enroll(demo_db, demo_data, county.url)
    client.push(demo_db, demo_data)
    after = township_figures(demo_db, op, _this_year())
    rates = after["rates"]
    assert rates["uploaded"] == rates["decisions"] == before["decisions"] + 2
    assert rates["upload_rate"] == 1.0
    late = {r["document_number"]: r for r in after["drill_down"]["late"]}
    assert "测罚〔2026〕8号" in late and late["测罚〔2026〕8号"]["days_late"] == 1
    assert "测罚〔2026〕7号" not in late
    assert rates["on_time"] == rates["uploaded"] - len(late)
    assert rates["timeliness_rate"] == round(rates["on_time"] / rates["uploaded"], 4)
    uploaded = demo_db.execute(
        "SELECT u.uploaded_at FROM record_upload u JOIN credit_record r ON r.id = u.record_id "
        "WHERE r.document_number = '测罚〔2026〕7号'").fetchone()[0]
    assert uploaded is not None  # the acknowledgement's moment


def test_working_days_when_the_policy_says_so(demo_db, demo_data, county, op):
    from app import credit_policy as pol

    today = dt.date.today()
    # Seven working days back: more than seven calendar days, so late by calendar only.
    day, left = today, 7
    while left:
        day -= dt.timedelta(days=1)
        left -= day.weekday() < 5
    if day.year != today.year:
        pytest.skip("the decision must fall in this year")
    subject = _subject(demo_db)
    create_record(demo_db, op, _penalty(subject, day, "测罚〔2026〕W7号"))
    client.enroll(demo_db, demo_data, county.url)
    client.push(demo_db, demo_data)
    late = {r["document_number"] for r in
            township_figures(demo_db, op, _this_year())["drill_down"]["late"]}
    assert "测罚〔2026〕W7号" in late
    text = pol.shipped_text().replace('day_kind = "calendar"\nmax_wrong', 'day_kind = "working"\nmax_wrong')
    pol.save(demo_db, text)
    figures = township_figures(demo_db, op, _this_year())
    assert figures["rates"]["day_kind"] == "working"
    assert "测罚〔2026〕W7号" not in {r["document_number"] for r in figures["drill_down"]["late"]}


def test_a_record_missing_a_county_field_is_uploaded_but_not_compliant(demo_db, demo_data,
                                                                        county, op):
    subject = _subject(demo_db)
    today = dt.date.today()
    create_record(demo_db, op, _penalty(subject, today, "测罚〔2026〕OK号"))
    # A record from before the field rules (the county's own may lack fields too).
    row = _penalty(subject, today, "测罚〔2026〕缺号")
    details = dict(row.pop("details"))
    del details["legal_basis"]
    with changes(demo_db, op) as cs:
        insert_record(cs, {**row, "details": json.dumps(details, ensure_ascii=False),
                           "status": "public"})
    client.enroll(demo_db, demo_data, county.url)
    client.push(demo_db, demo_data)
    figures = township_figures(demo_db, op, _this_year())
    bad = {r["document_number"]: r for r in figures["drill_down"]["non_compliant"]}
    assert bad["测罚〔2026〕缺号"]["problems"] == ["legal_basis"]
    assert "测罚〔2026〕OK号" not in bad
    rates = figures["rates"]
    assert rates["compliant"] == rates["uploaded"] - len(bad)
    assert rates["compliance_rate"] == round(rates["compliant"] / rates["uploaded"], 4)


def test_records_the_county_sent_are_not_the_townships_decisions(demo_db, op):
    subject = _subject(demo_db)
    before = township_figures(demo_db, op, _this_year())["rates"]["decisions"]
    with changes(demo_db, op, origin="county") as cs:
        row = _penalty(subject, dt.date.today(), "县罚〔2026〕1号")
        insert_record(cs, {**row, "details": json.dumps(row["details"], ensure_ascii=False),
                           "status": "public"})
    assert township_figures(demo_db, op, _this_year())["rates"]["decisions"] == before


def test_a_duplicate_and_a_wrong_check_character_count_per_10000(demo_db, op):
    start = wrong_codes(demo_db)
    heads = list(demo_db.query("SELECT id, head_id_number FROM household ORDER BY sid LIMIT 2"))
    # The same person as head of one household and member of another.
    other = demo_db.execute("SELECT id FROM household WHERE id != ? LIMIT 1",
                            [heads[0]["id"]]).fetchone()[0]
    with changes(demo_db, op) as cs:
        cs.insert("household_member", {"household_id": other, "name": "重复人",
                                        "relation": "其他", "id_number": heads[0]["head_id_number"]})
    duplicate = wrong_codes(demo_db)
    assert duplicate["flagged"] == start["flagged"] + 1
    assert "duplicate" in next(r for r in duplicate["list"] if r["subject_id"] == heads[0]["id"])["reasons"]

    # A number failing its check character, however it got into the register
    # (a file from before the check): the last character changed.
    number = heads[1]["head_id_number"]
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    demo_db.execute("UPDATE household SET head_id_number = ? WHERE id = ?", [wrong, heads[1]["id"]])
    demo_db.conn.commit()
    both = wrong_codes(demo_db)
    assert both["flagged"] == start["flagged"] + 2
    assert next(r for r in both["list"] if r["subject_id"] == heads[1]["id"])["reasons"] == [
        "check_character"]
    assert both["wrong_code_per_10000"] == round(both["flagged"] * 10000 / both["subjects"], 2)


def test_an_unknown_area_code_and_a_uscc_override_are_wrong_codes(demo_db, op):
    start = wrong_codes(demo_db)
    row = demo_db.execute("SELECT id, head_id_number FROM household ORDER BY sid DESC LIMIT 1"
                          ).fetchone()
    body = "519999" + row[1][6:17]  # no county has code 519999
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    demo_db.execute("UPDATE household SET head_id_number = ? WHERE id = ?", [body + check, row[0]])
    demo_db.conn.commit()
    after = wrong_codes(demo_db)
    assert after["flagged"] == start["flagged"] + 1
    assert next(r for r in after["list"] if r["subject_id"] == row[0])["reasons"] == ["unknown_area"]
    assert after["by_reason"].get("uscc_override", 0) == demo_db.execute(
        "SELECT count(*) FROM organization WHERE uscc_override_reason IS NOT NULL").fetchone()[0]


def test_no_decisions_means_no_rate_not_100_percent(db, admin_id):
    figures = township_figures(db, admin_id, periods.month(2020, 1))
    assert figures["rates"]["upload_rate"] is None
    assert figures["rates"]["timeliness_rate"] is None
    assert figures["rates"]["wrong_code_per_10000"] is None


def test_field_staff_see_the_totals_but_only_their_villages_names(demo_db, op):
    from tests.conftest import actor_id

    field = actor_id(demo_db, "field")
    mine = {r[0] for r in demo_db.execute("SELECT village_id FROM user_village WHERE user_id = ?",
                                          [field])}
    # A wrong code outside the field officer's villages.
    outside = demo_db.execute(
        f"SELECT id, head_id_number FROM household WHERE village_id NOT IN "
        f"({','.join('?' for _ in mine)}) LIMIT 1", list(mine)).fetchone()
    demo_db.execute("UPDATE household SET head_id_number = ? WHERE id = ?",
                    [outside[1][:17] + ("0" if outside[1][17] != "0" else "1"), outside[0]])
    demo_db.conn.commit()
    everyone = township_figures(demo_db, op, _this_year())
    theirs = township_figures(demo_db, field, _this_year())
    assert theirs["township"] == everyone["township"]
    assert theirs["rates"] == everyone["rates"]
    assert outside[0] in {r["subject_id"] for r in everyone["drill_down"]["wrong_codes"]}
    assert all(r["village_id"] in mine for r in theirs["drill_down"]["wrong_codes"])
    assert outside[0] not in {r["subject_id"] for r in theirs["drill_down"]["wrong_codes"]}

"""Credit records, repair and objections: each workflow and its refused steps."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.errors import UserError, ValidationFailed
from app import credit_policy as policy
from app.records import objections, records, repair
from app.records.records import active_records, create_record, history, refresh_statuses

from records_helpers import days_ago, penalty
from tests.conftest import ensure_admin


def test_penalty_keeps_every_double_publicity_field(demo_db, op, household):
    record = create_record(demo_db, op, penalty(household))
    stored = records.get_record(demo_db, record["id"])
    details = stored["details"]
    for key in ("counterpart_name", "counterpart_code", "violation_facts", "legal_basis",
                "penalty_kind", "authority", "authority_uscc", "data_source", "publicity_end"):
        assert details[key], key
    assert details["penalty_amount_fen"] == 20000
    assert stored["document_number"] == "环罚〔2026〕17号"
    # general severity: 12 months by default
    decided = dt.date.fromisoformat(stored["decision_date"])
    assert stored["publicity_end"] == policy.add_months(decided, 12).isoformat()
    assert stored["status"] == "public" and stored["category_label"] == "行政处罚"


def test_penalty_missing_fields_is_refused_naming_them(demo_db, op, household):
    data = penalty(household, document_number="")
    del data["details"]["legal_basis"]
    data["details"]["authority_uscc"] = "123"
    with pytest.raises(ValidationFailed) as caught:
        create_record(demo_db, op, data)
    message = str(caught.value)
    assert "决定文书号" in message and "处罚依据" in message and "决定机关统一社会信用代码" in message


def test_publicity_period_outside_the_severity_band_is_refused(demo_db, op, household):
    with pytest.raises(ValidationFailed, match="3"):
        create_record(demo_db, op, penalty(household, severity="minor", publicity_months=6))
    with pytest.raises(ValidationFailed):
        create_record(demo_db, op, penalty(household, severity=None))


def test_publicity_ends_across_month_ends():
    assert policy.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert policy.add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert policy.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert policy.add_months(dt.date(2026, 8, 31), 36) == dt.date(2029, 8, 31)


def test_status_becomes_expired_when_the_period_has_passed(demo_db, op, household):
    record = create_record(demo_db, op, penalty(household, severity="minor",
                                                 decision_date=days_ago(60)))
    assert records.get_record(demo_db, record["id"])["status"] == "public"
    later = dt.date.today() + dt.timedelta(days=40)
    assert refresh_statuses(demo_db, op, today=later) >= 1
    assert records.get_record(demo_db, record["id"])["status"] == "expired"
    assert record["id"] not in [r["id"] for r in active_records(demo_db, household["id"])]


def test_repair_approved_stops_counting_but_history_stays(demo_db, op, household):
    record = create_record(demo_db, op, penalty(household, decision_date=days_ago(120)))
    assert [r["id"] for r in active_records(demo_db, household["id"])] == [record["id"]]
    application = repair.apply(demo_db, op, record["id"], applicant=household["name"],
                               evidence="罚款已缴清，票据号 5100123", commitment="承诺不再焚烧秸秆")
    with pytest.raises(UserError, match="等待"):
        repair.apply(demo_db, op, record["id"], applicant="x", evidence="y", commitment="z")
    with pytest.raises(UserError, match="理由"):
        repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=True, reason="")
    repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=True, reason="已履行处罚决定")
    assert records.get_record(demo_db, record["id"])["status"] == "repaired"
    assert active_records(demo_db, household["id"]) == []
    statuses = [e["after"]["status"] for e in history(demo_db, record["id"])]
    assert statuses == ["public", "repaired"]
    with pytest.raises(UserError):
        repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=False, reason="again")
    with pytest.raises(UserError):
        repair.apply(demo_db, op, record["id"], applicant="x", evidence="y", commitment="z")


def test_repair_refused_before_the_minimum_publicity_and_for_positive(demo_db, op, household):
    record = create_record(demo_db, op, penalty(household, severity="serious",
                                                decision_date=days_ago(10)))
    application = repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴清",
                               commitment="承诺")
    with pytest.raises(UserError, match="起可以修复"):
        repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=True, reason="ok")
    repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=False, reason="未满最短公示期")
    assert records.get_record(demo_db, record["id"])["status"] == "public"
    honour = create_record(demo_db, op, {"subject_id": household["id"], "category": "honour",
                                         "title": "县级文明家庭", "decision_date": days_ago(5)})
    assert honour["polarity"] == "positive"
    with pytest.raises(UserError, match="不良"):
        repair.apply(demo_db, op, honour["id"], applicant="x", evidence="y", commitment="z")


def test_objection_marks_disputed_at_once_and_deadline_crosses_month_end(demo_db, op, household):
    # Decided before the objection's date (an objection before its record is refused).
    record = create_record(demo_db, op, penalty(household, decision_date="2026-01-10"))
    filed = objections.file(demo_db, op, record["id"], filed_by=household["name"],
                            grounds="罚款金额有误", filed_on="2026-01-20")
    assert records.get_record(demo_db, record["id"])["status"] == "disputed"
    assert filed["deadline"] == "2026-02-09"
    assert objections.deadline_for(demo_db, dt.date(2026, 2, 15)) == dt.date(2026, 3, 7)
    # The warning comes as the deadline nears, then turns to overdue.
    assert objections.alerts(demo_db, today=dt.date(2026, 1, 25)) == []
    soon = objections.alerts(demo_db, today=dt.date(2026, 2, 6))
    assert soon[0]["warning"] == "due_soon" and "3" in objections.warning_text(soon[0])
    late = objections.alerts(demo_db, today=dt.date(2026, 2, 11))
    assert late[0]["warning"] == "overdue"
    with pytest.raises(UserError):
        objections.file(demo_db, op, record["id"], filed_by="x", grounds="again")
    with pytest.raises(UserError, match="更正"):
        objections.decide(demo_db, ensure_admin(demo_db), filed["id"], outcome="corrected", reason="核实")
    objections.decide(demo_db, ensure_admin(demo_db), filed["id"], outcome="corrected", reason="金额核实为100元",
                      corrections={"details": {"penalty_amount_fen": 10000}})
    corrected = records.get_record(demo_db, record["id"])
    assert corrected["status"] == "public"
    assert corrected["details"]["penalty_amount_fen"] == 10000
    answered = objections.get(demo_db, filed["id"])
    # Decided by another person than the one who recorded it (separation of duties).
    assert answered["decided_by"] == ensure_admin(demo_db) != op and answered["decided_at"]
    with pytest.raises(UserError):
        objections.decide(demo_db, ensure_admin(demo_db), filed["id"], outcome="upheld", reason="x")


def test_working_day_deadline_policy(demo_db, household):
    text = policy.shipped_text().replace('day_kind = "calendar"', 'day_kind = "working"') \
        .replace("deadline_days = 20", "deadline_days = 14")
    policy.save(demo_db, text)
    # Friday 2026-01-30 + 14 working days = Thursday 2026-02-19
    assert objections.deadline_for(demo_db, dt.date(2026, 1, 30)) == dt.date(2026, 2, 19)


def test_objection_revoked_and_upheld(demo_db, op, household):
    first = create_record(demo_db, op, penalty(household))
    second = create_record(demo_db, op, penalty(household, document_number="环罚〔2026〕18号"))
    one = objections.file(demo_db, op, first["id"], filed_by="户主", grounds="并非本人")
    two = objections.file(demo_db, op, second["id"], filed_by="户主", grounds="不服")
    objections.decide(demo_db, ensure_admin(demo_db), one["id"], outcome="revoked", reason="身份错误，系同名他人")
    objections.decide(demo_db, ensure_admin(demo_db), two["id"], outcome="upheld", reason="事实清楚")
    assert records.get_record(demo_db, first["id"])["status"] == "revoked"
    assert records.get_record(demo_db, second["id"])["status"] == "public"
    with pytest.raises(UserError):
        objections.file(demo_db, op, first["id"], filed_by="户主", grounds="again")
    revoked_history = history(demo_db, first["id"])
    assert [e["after"]["status"] for e in revoked_history] == ["public", "disputed", "revoked"]
    # Recorded by one person, decided by another: each step names its own.
    assert [e["operator_id"] for e in revoked_history] == [op, op, ensure_admin(demo_db)]


def test_repaired_record_leaves_the_rating_inputs(demo_db, op, household):
    from app.rating.inputs import household_inputs

    keys = ["credit.negative_records"]
    before = household_inputs(demo_db, [household["id"]], keys)[household["id"]][keys[0]]
    record = create_record(demo_db, op, penalty(household, severity="minor"))
    assert household_inputs(demo_db, [household["id"]], keys)[household["id"]][keys[0]] == \
        before + 1
    application = repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴清",
                               commitment="承诺")
    repair.decide(demo_db, ensure_admin(demo_db), application["id"], approve=True, reason="已履行")
    assert household_inputs(demo_db, [household["id"]], keys)[household["id"]][keys[0]] == before
    # …and the rating workflow was asked to review the household when the record arrived.
    flags = demo_db.execute("SELECT reason, source FROM rating_flag WHERE subject_id = ?",
                            [household["id"]]).fetchall()
    assert any(source == "credit_record" and "违规焚烧秸秆" in reason for reason, source in flags)


def test_demo_has_records_lists_a_repair_and_an_open_objection(demo_db):
    counts = dict(demo_db.execute("SELECT polarity, COUNT(*) FROM credit_record GROUP BY 1")
                  .fetchall())
    assert counts.get("negative") and counts.get("positive") and counts.get("neutral")
    kinds = {r[0] for r in demo_db.execute("SELECT list_kind FROM list_entry")}
    assert kinds == {"red_list", "black_list", "dishonest_judgment_debtor"}
    assert demo_db.execute("SELECT COUNT(*) FROM repair_application WHERE status = 'approved'"
                           ).fetchone()[0] >= 1
    assert demo_db.execute("SELECT COUNT(*) FROM objection WHERE status = 'open'").fetchone()[0]
    penalty_details = json.loads(demo_db.execute(
        "SELECT details FROM credit_record WHERE category = 'administrative_penalty' LIMIT 1"
    ).fetchone()[0])
    for key in ("counterpart_name", "counterpart_code", "violation_facts", "legal_basis",
                "penalty_kind", "authority", "authority_uscc", "data_source", "publicity_end"):
        assert penalty_details.get(key), key

"""The query log is append-only and searchable; list status shows at once."""

from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app import list_status as status_of, query_log
from app.errors import UserError, ValidationFailed
from app.records import lists

# The demo register is encrypted (SQLCipher): its driver raises its own classes.
INTEGRITY_ERRORS = (sqlite3.IntegrityError, sqlcipher.IntegrityError)


def test_log_use_appends_and_search_finds_it(demo_db, op, household):
    query_log.log_use(demo_db, op, action="view", subject_id=household["id"],
                      purpose="贷款审批", detail={"screen": "detail"})
    query_log.log_use(demo_db, op, action="export", purpose="统计", detail="户籍表.xlsx")
    found = query_log.search_log(demo_db, subject_id=household["id"])
    assert [r["action"] for r in found] == ["view"]
    assert found[0]["subject_name"] == household["name"]
    assert found[0]["purpose"] == "贷款审批"
    by_name = query_log.search_log(demo_db, text=household["name"])
    assert by_name and by_name[0]["subject_id"] == household["id"]
    assert query_log.search_log(demo_db, text="户籍表")[0]["action"] == "export"


def test_log_use_inside_a_transaction_rolls_back_with_it(demo_db, op, household):
    before = query_log.count(demo_db)
    with pytest.raises(RuntimeError):
        with demo_db.atomic():
            query_log.log_use(demo_db, op, action="report", subject_id=household["id"])
            raise RuntimeError("the report failed")
    assert query_log.count(demo_db) == before


def test_log_entries_cannot_be_changed_or_deleted(demo_db, op, household):
    query_log.log_use(demo_db, op, action="view", subject_id=household["id"])
    with pytest.raises(INTEGRITY_ERRORS, match="append-only"):
        demo_db.execute("UPDATE query_log SET purpose = 'x'")
    with pytest.raises(INTEGRITY_ERRORS, match="append-only"):
        demo_db.execute("DELETE FROM query_log")
    assert query_log.count(demo_db, subject_id=household["id"]) == 1


def test_typed_id_number_shows_listing_and_measures(demo_db, op, household):
    assert status_of.list_status(demo_db, id_number=household["number"])["listed"] is False
    lists.add_entry(demo_db, op, {
        "list_kind": "dishonest_judgment_debtor", "id_number": household["number"],
        "basis": "（2026）川0101执123号 有履行能力而拒不履行", "deciding_body": "某县人民法院",
        "document_number": "（2026）川0101执123号", "listed_on": "2026-01-05"})
    status = status_of.list_status(demo_db, id_number=household["number"].lower())
    assert status["listed"] and status["black"] and not status["red"]
    assert status["subject_id"] == household["id"]
    assert status["entries"][0]["name"] == household["name"]
    assert any("信用户" in m for m in status["measures"])
    assert "失信被执行人" in status_of.describe_status(status)
    # The same by subject id.
    assert status_of.list_status(demo_db, subject_id=household["id"])["lists"] == [
        "dishonest_judgment_debtor"]


def test_removed_and_lapsed_entries_no_longer_list(demo_db, op, household, organization):
    entry = lists.add_entry(demo_db, op, {
        "list_kind": "red_list", "id_number": organization["number"],
        "basis": "县级守信激励对象", "deciding_body": "县发展改革委", "listed_on": "2025-01-01"})
    assert status_of.list_status(demo_db, uscc=organization["number"])["red"]
    with pytest.raises(UserError):
        lists.remove_entry(demo_db, op, entry["id"], reason="")
    lists.remove_entry(demo_db, op, entry["id"], reason="守信激励期满", removed_on="2026-02-01")
    assert not status_of.list_status(demo_db, uscc=organization["number"])["listed"]
    lists.add_entry(demo_db, op, {
        "list_kind": "black_list", "id_number": household["number"], "basis": "严重失信",
        "deciding_body": "县发展改革委", "listed_on": "2023-01-01", "valid_until": "2024-12-31"})
    assert not status_of.list_status(demo_db, id_number=household["number"])["listed"]


def test_list_entry_refuses_bad_numbers_and_missing_basis(demo_db, op):
    with pytest.raises(ValidationFailed) as caught:
        lists.add_entry(demo_db, op, {"list_kind": "black_list",
                                            "id_number": "510102199001011234", "name": "某人"})
    message = str(caught.value)
    assert "依据" in message and "认定单位" in message
    assert caught.value.for_field("id_number")  # wrong check digit


def test_county_number_not_in_register_is_listed_by_number(demo_db, op):
    from stdnum.cn import ric

    body = "51010219800101123"
    number = body + ric.calc_check_digit(body + "0")
    lists.add_entry(demo_db, op, {
        "list_kind": "dishonest_judgment_debtor", "id_number": number, "name": "外地人",
        "basis": "失信被执行", "deciding_body": "某市中级人民法院", "listed_on": "2026-01-01"})
    status = status_of.list_status(demo_db, id_number=number)
    assert status["listed"] and status["subject_id"] is None


def test_an_all_digit_uscc_is_accepted_and_a_bad_one_explained(demo_db, op):
    from stdnum.cn import uscc

    body = "91510100709234567"
    code = body + uscc.calc_check_digit(body)
    entry = lists.add_entry(demo_db, op, {
        "list_kind": "black_list", "id_number": code, "name": "某某农资经营部",
        "basis": "严重失信", "deciding_body": "县市场监督管理局"})
    assert entry["id_number"] == code and status_of.list_status(demo_db, uscc=code)["black"]
    wrong = "91510100MA61RL8X5" + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ValidationFailed, match="校验"):
        lists.add_entry(demo_db, op, {"list_kind": "black_list", "id_number": wrong,
                                      "name": "x", "basis": "y", "deciding_body": "z"})

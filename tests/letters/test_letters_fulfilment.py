"""Fulfilment: kept, broken, and the negative credit record of a broken promise."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.letters import collection, fulfilment
from app.letters.queries import subject_letters
from app.review_flags import is_rated_subject


def test_kept_promise(printed, demo_db, demo_operator):
    result, people = printed
    letter_id = result.letters[0]["id"]
    collection.mark_signed(demo_db, demo_operator, letter_id, collector="李")
    letter = fulfilment.record_fulfilment(demo_db, demo_operator, letter_id, "kept",
                                          on="2026-06-30")
    assert letter["fulfilment"] == "kept" and letter["credit_record_id"] is None
    row = subject_letters(demo_db, people[0]["id"])[0]
    assert (row["fulfilment"], row["fulfilment_at"], row["status"]) == \
        ("kept", "2026-06-30", "signed")


def test_broken_promise_creates_a_negative_record_linked_to_the_letter(printed, demo_db,
                                                                       demo_operator):
    result, people = printed
    letter_id = result.letters[1]["id"]
    collection.mark_signed(demo_db, demo_operator, letter_id, collector="李")
    before = demo_db.execute("SELECT COUNT(*) FROM credit_record WHERE subject_id = ?",
                             [people[1]["id"]]).fetchone()[0]
    letter = fulfilment.record_fulfilment(demo_db, demo_operator, letter_id, "broken",
                                          note="贷款自2026-03-01起逾期未还", on="2026-05-10")
    records = list(demo_db.query("SELECT * FROM credit_record WHERE letter_id = ?", [letter_id]))
    assert len(records) == 1 and records[0]["id"] == letter["credit_record_id"]
    record = records[0]
    assert record["subject_id"] == people[1]["id"] and record["polarity"] == "negative"
    assert record["category"] == "commitment" and record["document_number"] == letter["number"]
    assert record["decision_date"] == "2026-05-10" and record["publicity_end"] == "2027-05-10"
    assert "逾期" in record["content"] and "违反信用承诺" in record["title"]
    assert demo_db.execute("SELECT COUNT(*) FROM credit_record WHERE subject_id = ?",
                           [people[1]["id"]]).fetchone()[0] == before + 1
    # The record is journaled (it travels to the county with the letter).
    assert demo_db.execute("SELECT COUNT(*) FROM journal WHERE entity = 'credit_record' "
                           "AND entity_id = ?", [record["id"]]).fetchone()[0] == 1
    # A credit household is queued for rating review (downgrade/removal) in the same
    # change; a household without a credit grade has nothing to review.
    flags = list(demo_db.query("SELECT * FROM rating_flag WHERE subject_id = ? AND source = "
                               "'letters'", [people[1]["id"]]))
    if is_rated_subject(demo_db, people[1]["id"]):
        assert len(flags) == 1 and letter["number"] in flags[0]["reason"]
    else:
        assert flags == []
    with pytest.raises(UserError, match="违约"):
        fulfilment.record_fulfilment(demo_db, demo_operator, letter_id, "kept")
    with pytest.raises(UserError):
        collection.void_letter(demo_db, demo_operator, letter_id, "错了")


def test_only_signed_letters_are_kept_or_broken(printed, demo_db, demo_operator):
    result, _ = printed
    with pytest.raises(UserError, match="只有已签署"):
        fulfilment.record_fulfilment(demo_db, demo_operator, result.letters[2]["id"], "kept")
    collection.mark_signed(demo_db, demo_operator, result.letters[2]["id"], collector="李")
    with pytest.raises(UserError, match="违约情况"):
        fulfilment.record_fulfilment(demo_db, demo_operator, result.letters[2]["id"], "broken")
    assert demo_db.execute("SELECT COUNT(*) FROM credit_record WHERE letter_id = ?",
                           [result.letters[2]["id"]]).fetchone()[0] == 0


def test_cli_sign_and_fulfil(demo_data, demo_db, cli, tmp_path):
    from app.letters import printing
    from app.users import default_operator_id

    from tests.letters.conftest import letterless

    ids = letterless(demo_db, 2)
    result = printing.print_letters(demo_db, default_operator_id(demo_db), tmp_path / "a.pdf",
                                    subject_ids=ids)
    demo_db.close()
    first, second = (x["number"] for x in result.letters)
    ok = cli("letters", "sign", first, "--collector", "李驻村", "--place", "村委会",
             "--attach", str(result.path), data=demo_data)
    assert ok.returncode == 0, ok.stderr
    assert "已签署" in ok.stdout
    ok = cli("letters", "fulfil", first, "--broken", "--note", "逾期", data=demo_data)
    assert ok.returncode == 0, ok.stderr
    bad = cli("letters", "fulfil", second, "--kept", data=demo_data)
    assert bad.returncode == 2 and "只有已签署" in bad.stderr and "Traceback" not in bad.stderr

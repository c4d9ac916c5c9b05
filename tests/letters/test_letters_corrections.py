"""Correcting 履约 and signing entered wrongly: with a reason, journaled, the original kept."""

from __future__ import annotations

import json

import pytest

from app.errors import UserError
from app.letters import collection, corrections, fulfilment
from app.letters.letter import get_letter


def test_a_broken_promise_corrected_to_kept_revokes_its_record_and_keeps_the_original(
        printed, demo_db, demo_operator):
    result, people = printed
    letter_id = result.letters[0]["id"]
    collection.mark_signed(demo_db, demo_operator, letter_id, collector="李")
    broken = fulfilment.record_fulfilment(demo_db, demo_operator, letter_id, "broken",
                                          note="贷款逾期", on="2026-05-10")
    record_id = broken["credit_record_id"]
    with pytest.raises(UserError, match="原因"):
        corrections.correct_fulfilment(demo_db, demo_operator, letter_id, outcome="kept",
                                       reason=" ")
    with pytest.raises(UserError, match="没有改变|不变|没有变化|什么也没有"):
        corrections.correct_fulfilment(demo_db, demo_operator, letter_id, outcome="broken",
                                       reason="重复", note="贷款逾期", on="2026-05-10")
    kept = corrections.correct_fulfilment(demo_db, demo_operator, letter_id, outcome="kept",
                                          reason="银行更正：系统错误，并未逾期")
    assert (kept["fulfilment"], kept["credit_record_id"]) == ("kept", None)
    record = demo_db.execute("SELECT status FROM credit_record WHERE id = ?",
                             [record_id]).fetchone()
    assert record[0] == "revoked"  # kept on file, no longer counts
    history = corrections.corrections(demo_db, letter_id)
    assert len(history) == 1 and history[0]["operator_name"]
    assert history[0]["before"]["fulfilment"] == "broken"
    assert history[0]["before"]["credit_record_id"] == record_id
    assert history[0]["after"]["fulfilment"] == "kept"
    assert "系统错误" in history[0]["reason"]
    journaled = {r[0] for r in demo_db.execute(
        "SELECT entity FROM journal WHERE entity_id IN (?, ?, ?)",
        [letter_id, record_id, history[0]["id"]])}
    assert {"commitment_letter", "credit_record", "letter_correction"} <= journaled
    # And back to broken: a new record is made, as marking it broken does.
    again = corrections.correct_fulfilment(demo_db, demo_operator, letter_id, outcome="broken",
                                           reason="复核属实", note="贷款逾期90天")
    assert again["credit_record_id"] not in (None, record_id)


def test_signing_is_corrected_or_undone_but_not_under_a_recorded_fulfilment(
        printed, demo_db, demo_operator):
    result, _ = printed
    letter_id = result.letters[1]["id"]
    with pytest.raises(UserError, match="已签署"):
        corrections.correct_signing(demo_db, demo_operator, letter_id, reason="错",
                                    collector="王")
    collection.mark_signed(demo_db, demo_operator, letter_id, collector="李",
                           signed_at="2026-03-01T10:00")
    fixed = corrections.correct_signing(demo_db, demo_operator, letter_id, reason="收回人记错",
                                        collector="王", place="村委会")
    assert (fixed["collected_by"], fixed["signed_place"]) == ("王", "村委会")
    fulfilment.record_fulfilment(demo_db, demo_operator, letter_id, "kept")
    with pytest.raises(UserError, match="履约"):
        corrections.correct_signing(demo_db, demo_operator, letter_id, reason="未签", unsign=True)
    corrections.correct_fulfilment(demo_db, demo_operator, letter_id, outcome=None,
                                   reason="误录履约")
    back = corrections.correct_signing(demo_db, demo_operator, letter_id, reason="本人未签字，"
                                       "系代签", unsign=True)
    assert (back["status"], back["signed_at"], back["fulfilment"]) == ("printed", None, None)
    assert [c["what"] for c in corrections.corrections(demo_db, letter_id)] == [
        "signing", "fulfilment", "signing"]


def test_corrections_from_the_command_line(demo_data, demo_db, cli):
    number = demo_db.execute("SELECT number FROM commitment_letter WHERE fulfilment = 'kept' "
                             "LIMIT 1").fetchone()[0]
    demo_db.close()
    refused = cli("letters", "correct", number, "--reason", "x", data=demo_data)
    assert refused.returncode == 2 and "--kept" in refused.stderr
    no_reason = cli("letters", "correct", number, "--broken", "--note", "逾期", "--reason", " ",
                    data=demo_data)
    assert no_reason.returncode == 2 and "原因" in no_reason.stderr
    done = cli("letters", "correct", number, "--broken", "--note", "贷款逾期未还",
               "--reason", "银行通报逾期", data=demo_data, check=True)
    assert number in done.stdout
    shown = json.loads(cli("letters", "corrections", number, "--json", data=demo_data,
                           check=True).stdout)
    assert shown[0]["before"]["fulfilment"] == "kept" and shown[0]["after"]["fulfilment"] == "broken"
    assert shown[0]["reason"] == "银行通报逾期"


@pytest.fixture
def page(ctx, qtbot):
    from ui.letters.page import LettersPage

    widget = LettersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.collect.template.count() == 6, timeout=10000)
    yield widget
    widget.close_page()


def test_fulfilment_and_signing_are_corrected_from_the_screen(page, ctx, qtbot):
    db = ctx.ui_db
    letter_id, village = db.execute(
        "SELECT id, village_id FROM commitment_letter WHERE fulfilment = 'kept' LIMIT 1").fetchone()
    tab = page.collect
    tab.only_outstanding.setChecked(False)
    tab.select_village(village)
    assert tab.select_letter(letter_id)
    assert tab.correct_button.isEnabled()
    tab.correct_fulfilment(letter_id, "broken", "村委会复核：未按期还款", "贷款逾期")
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=20000)
    letter = get_letter(db, letter_id)
    assert letter["fulfilment"] == "broken" and letter["credit_record_id"]
    assert "村委会复核" in tab.detail.text()  # the correction shows with the letter
    tab.correct_fulfilment(letter_id, None, "误录")
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=20000)
    tab.correct_signing(letter_id, "代签，未本人签字", unsign=True)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=20000)
    assert get_letter(db, letter_id)["status"] == "printed"
    assert len(corrections.corrections(db, letter_id)) == 3
    from ui.letters.dialogs import CorrectDialog

    dialog = CorrectDialog(letter, tab)
    assert dialog.choice.count() == 5 and dialog.collector.text() == (letter["collected_by"] or "")
    dialog.close()

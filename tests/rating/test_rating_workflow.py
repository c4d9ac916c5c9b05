"""Every workflow transition, the refused ones, and dynamic management."""

import datetime as dt

import pytest

from app.journal import changes
from app.rating import campaign as campaigns, review_queue, scheme as schemes, verdicts, workflow
from app.rating.review_queue import flag_for_review
from app.rating.workflow import WorkflowError

from rating_fixtures import GOOD
from tests.conftest import ensure_admin

TODAY = dt.date.today()
PAST_START = (TODAY - dt.timedelta(days=10)).isoformat()
PAST_END = (TODAY - dt.timedelta(days=3)).isoformat()


def village_ratings(db, campaign, name="青龙村"):
    village = db.execute("SELECT id FROM place WHERE name = ?", [name]).fetchone()[0]
    return village, [r["id"] for r in db.query(
        "SELECT r.id FROM rating r JOIN household h ON h.id = r.subject_id "
        "WHERE r.campaign_id = ? AND r.village_id = ? ORDER BY h.head_name", [campaign["id"], village])]


def scored(db, operator, campaign, answers=GOOD):
    village, ids = village_ratings(db, campaign)
    for rid in ids:
        campaigns.save_answers(db, operator, rid, answers)
    return village, ids


def to_notice(db, operator, campaign, start=PAST_START, end=PAST_END):
    village, ids = scored(db, operator, campaign)
    workflow.first_review(db, operator, ids)
    notice = workflow.publish_notice(db, operator, campaign["id"], village, start_date=start,
                                     end_date=end, objection_contact="镇信用办 0838-1234567")
    return village, ids, notice


def statuses(db, ids):
    return {campaigns.get_rating(db, i)["status"] for i in ids}


def test_a_household_goes_from_collection_to_plaque_and_every_step_is_signed(
        db, operator, small_campaign):
    village, ids, notice = to_notice(db, operator, small_campaign)
    assert statuses(db, ids) == {"in_notice"}
    assert sorted(workflow.eligible(db, small_campaign["id"], village, "township_review")) == \
        sorted(ids)  # every one of them (eligible() promises no order)
    workflow.township_review(db, operator, ids)
    workflow.approve(db, ensure_admin(db), ids)
    workflow.award_plaque(db, operator, ids)
    rating = campaigns.get_rating(db, ids[0])
    assert rating["status"] == "plaqued" and rating["decided_at"]
    steps = workflow.history(db, ids[0])
    assert [s["step"] for s in steps] == ["first_review", "notice", "township_review", "approve",
                                          "plaque"]
    assert all(s["operator_name"] and s["at"] for s in steps)
    assert steps[1]["note"] == f"{PAST_START} – {PAST_END}"
    summary = verdicts.summary(db, small_campaign["id"])
    qinglong = next(v for v in summary["villages"] if v["village_name"] == "青龙村")
    assert qinglong["approved"] == 10 and qinglong["credit_share"] == 1.0


@pytest.mark.parametrize("step", ["township_review", "approve", "plaque"])
def test_steps_out_of_order_are_refused_naming_the_household(db, operator, small_campaign, step):
    village, ids = scored(db, operator, small_campaign)
    fn = {"township_review": workflow.township_review, "approve": workflow.approve,
          "plaque": workflow.award_plaque}[step]
    with pytest.raises(WorkflowError, match="王") as info:
        fn(db, operator, ids[:1])
    assert "信息采集" in str(info.value)
    assert statuses(db, ids) == {"collected"}


def test_first_review_needs_every_indicator_answered(db, operator, small_campaign):
    village, ids = village_ratings(db, small_campaign)
    campaigns.save_answers(db, operator, ids[0], {"health": "good"})
    with pytest.raises(WorkflowError, match="指标"):
        workflow.first_review(db, operator, ids[:1])
    assert workflow.eligible(db, small_campaign["id"], village, "first_review") == []


def test_notice_shorter_than_the_scheme_period_is_refused(db, operator, small_campaign):
    village, ids = scored(db, operator, small_campaign)
    workflow.first_review(db, operator, ids)
    with pytest.raises(WorkflowError, match="7"):
        workflow.publish_notice(db, operator, small_campaign["id"], village,
                                start_date="2026-05-01", end_date="2026-05-06",
                                objection_contact="镇信用办")
    assert statuses(db, ids) == {"first_reviewed"}


def test_township_review_waits_for_the_end_of_the_notice(db, operator, small_campaign):
    start = TODAY.isoformat()
    end = (TODAY + dt.timedelta(days=6)).isoformat()
    village, ids, notice = to_notice(db, operator, small_campaign, start, end)
    with pytest.raises(WorkflowError, match=end):
        workflow.township_review(db, operator, ids)
    assert workflow.eligible(db, small_campaign["id"], village, "township_review") == []


def test_objection_during_notice_upheld_sends_the_household_back(db, operator, small_campaign):
    village, ids, notice = to_notice(db, operator, small_campaign)
    with pytest.raises(WorkflowError, match=PAST_END):
        workflow.raise_objection(db, operator, ids[0], raised_on=TODAY, raised_by="村民张某",
                                 content="其家中有人赌博")
    objection = workflow.raise_objection(db, operator, ids[0], raised_on=PAST_START,
                                         raised_by="村民张某", content="其家中有人赌博")
    with pytest.raises(WorkflowError, match="异议"):
        workflow.township_review(db, operator, ids)
    workflow.township_review(db, operator, ids[1:])
    after = workflow.resolve_objection(db, operator, objection["id"], outcome="upheld",
                                       answer="经核实属实，退回重新评分")
    assert after["status"] == "collected" and after["notice_id"] is None
    after = campaigns.save_answers(db, operator, ids[0], {**GOOD, "veto:gambling_drugs": True})
    assert after["grade"] is None and after["veto"] == "参与赌博、吸毒"
    assert [s["step"] for s in workflow.history(db, ids[0])][-2:] == ["objection",
                                                                      "objection_upheld"]


def test_answers_cannot_change_after_first_review(db, operator, small_campaign):
    village, ids = scored(db, operator, small_campaign)
    workflow.first_review(db, operator, ids[:1])
    with pytest.raises(Exception, match="初评"):
        campaigns.save_answers(db, operator, ids[0], {**GOOD, "health": "poor"})


def decided(db, operator, campaign):
    village, ids, notice = to_notice(db, operator, campaign)
    workflow.township_review(db, operator, ids)
    workflow.approve(db, ensure_admin(db), ids)
    return village, ids


def test_downgrade_and_removal_need_a_reason_and_a_lower_grade(db, operator, small_campaign):
    village, ids = decided(db, operator, small_campaign)
    with pytest.raises(WorkflowError, match="AA"):
        workflow.downgrade(db, operator, ids[0], grade="AAA", reason="逾期")
    after = workflow.downgrade(db, operator, ids[0], grade="A", reason="贷款逾期 30 天")
    assert after["grade"] == "A"
    after = workflow.remove(db, operator, ids[1], reason="列入失信被执行人名单")
    assert after["status"] == "removed"
    assert workflow.history(db, ids[1])[-1]["note"] == "列入失信被执行人名单"
    summary = verdicts.summary(db, small_campaign["id"])
    qinglong = next(v for v in summary["villages"] if v["village_name"] == "青龙村")
    assert qinglong["credit_households"] == 9 and qinglong["grades"]["A"] == 1


def test_new_list_entry_flags_the_household_and_removal_resolves_it(db, operator, small_campaign):
    village, ids = decided(db, operator, small_campaign)
    rating = campaigns.get_rating(db, ids[2])
    number = db.execute("SELECT head_id_number FROM household WHERE id = ?",
                        [rating["subject_id"]]).fetchone()[0]
    with changes(db, operator) as cs:
        cs.insert("list_entry", {"list_kind": "dishonest_judgment_debtor",
                                 "subject_id": rating["subject_id"], "name": "王", "id_number": number,
                                 "listed_on": TODAY.isoformat()})
        flag_for_review(db, cs, rating["subject_id"], "新列入失信被执行人名单", "list_entry")
    flags = review_queue.open_flags(db)
    assert [f["reason"] for f in flags] == ["新列入失信被执行人名单"]
    review_queue.resolve_flag(db, operator, flags[0]["id"], action="remove")
    assert campaigns.get_rating(db, ids[2])["status"] == "removed"
    assert review_queue.open_flags(db) == []


def test_annual_review_removes_a_household_now_vetoed(db, operator, small_campaign):
    village, ids = decided(db, operator, small_campaign)
    rating = campaigns.get_rating(db, ids[3])
    number = db.execute("SELECT head_id_number FROM household WHERE id = ?",
                        [rating["subject_id"]]).fetchone()[0]
    kept = workflow.annual_review(db, operator, ids[4], note="年审无变化")
    assert kept["status"] == "approved" and kept["grade"] == "AAA"
    with changes(db, operator) as cs:
        cs.insert("list_entry", {"list_kind": "black_list", "subject_id": None, "name": "王",
                                 "id_number": number, "listed_on": TODAY.isoformat()})
    after = workflow.annual_review(db, operator, ids[3])
    assert after["status"] == "removed" and "严重失信" in after["veto"]


def test_closed_campaign_is_not_changed_by_a_new_scheme(db, operator, small_campaign, tmp_path):
    village, ids = decided(db, operator, small_campaign)
    before = verdicts.summary(db, small_campaign["id"])
    campaigns.close_campaign(db, operator, small_campaign["id"])
    text = schemes.shipped_files()[0].read_text(encoding="utf-8")
    newer = tmp_path / "household-2027.1.toml"
    newer.write_text(text.replace('version = "2026.1"', 'version = "2027.1"')
                     .replace("min = 80", "min = 95"), encoding="utf-8")
    schemes.install_file(db, operator, newer)
    with pytest.raises(Exception, match="已结束"):
        campaigns.save_answers(db, operator, ids[0], GOOD)
    with pytest.raises(Exception, match="已结束"):
        campaigns.rescore_campaign(db, operator, small_campaign["id"])
    after = verdicts.summary(db, small_campaign["id"])
    assert (after["villages"], after["township"]) == (before["villages"], before["township"])
    assert campaigns.get_rating(db, ids[0])["grade"] == "AAA"
    later = campaigns.create_campaign(db, operator, name="2027年度信用户评定", year=2027)
    assert campaigns.campaign_scheme(db, later).version == "2027.1"
    assert campaigns.campaign_scheme(db, small_campaign).version == "2026.1"


def test_objection_corrected_rescores_and_the_household_goes_on_to_township_review(
        db, operator, small_campaign):
    village, ids, notice = to_notice(db, operator, small_campaign)
    before = campaigns.get_rating(db, ids[0])
    objection = workflow.raise_objection(db, operator, ids[0], raised_on=PAST_START,
                                         raised_by="村民张某", content="水费长期拖欠")
    assert [o["id"] for o in workflow.objections(db, small_campaign["id"], open_only=True)] == [
        objection["id"]]
    with pytest.raises(WorkflowError, match="更正后的"):
        workflow.resolve_objection(db, operator, objection["id"], outcome="corrected",
                                   answer="核实属实")
    with pytest.raises(WorkflowError, match="理由|答复"):
        workflow.resolve_objection(db, operator, objection["id"], outcome="dismissed", answer=" ")
    after = workflow.resolve_objection(db, operator, objection["id"], outcome="corrected",
                                       answer="经核实欠费属实，更正评分",
                                       answers={"utility_arrears": "arrears"})
    assert after["status"] == "in_notice" and after["score"] < before["score"]
    answered = workflow.objections(db, small_campaign["id"])[0]
    assert answered["outcome"] == "corrected" and answered["answered_by"] == operator
    assert answered["resolved_at"] and answered["answered_by_name"]
    last = workflow.history(db, ids[0])[-1]
    assert last["step"] == "objection_corrected" and "更正评分" in last["note"]
    with pytest.raises(WorkflowError, match="已于"):
        workflow.resolve_objection(db, operator, objection["id"], outcome="dismissed", answer="x")
    assert workflow.township_review(db, operator, ids) == len(ids)
    assert statuses(db, ids) == {"township_reviewed"}


def test_objection_dismissed_keeps_the_score(db, operator, small_campaign):
    village, ids, notice = to_notice(db, operator, small_campaign)
    objection = workflow.raise_objection(db, operator, ids[1], raised_on=PAST_START,
                                         raised_by="同组村民", content="收入偏高")
    before = campaigns.get_rating(db, ids[1])
    after = workflow.resolve_objection(db, operator, objection["id"], outcome="dismissed",
                                       answer="经核实收入属实")
    assert (after["status"], after["score"]) == ("in_notice", before["score"])
    assert workflow.objections(db, small_campaign["id"], open_only=True) == []
    with pytest.raises(WorkflowError):
        workflow.resolve_objection(db, operator, objection["id"], outcome="maybe", answer="x")


def test_dynamic_management_goes_on_after_the_campaign_closed(db, operator, small_campaign):
    village, ids = decided(db, operator, small_campaign)
    campaigns.close_campaign(db, operator, small_campaign["id"])
    admin = ensure_admin(db)
    with pytest.raises(WorkflowError, match="理由"):
        workflow.remove(db, admin, ids[0], reason=" ")
    with pytest.raises(WorkflowError, match="恢复"):
        workflow.reinstate(db, admin, ids[0], reason="已还清")
    workflow.downgrade(db, admin, ids[1], grade="A", reason="贷款逾期 30 天")
    removed = workflow.remove(db, admin, ids[0], reason="列入失信被执行人名单")
    assert removed["status"] == "removed"
    qinglong = next(v for v in verdicts.summary(db, small_campaign["id"])["villages"]
                    if v["village_name"] == "青龙村")
    assert qinglong["credit_households"] == 9 and qinglong["grades"]["A"] == 1
    back = workflow.reinstate(db, admin, ids[0], reason="已移出名单，信用修复完成")
    assert back["status"] == "approved" and back["grade"] == "AAA"
    steps = [(s["step"], s["operator_id"]) for s in workflow.history(db, ids[0])][-2:]
    assert steps == [("remove", admin), ("reinstate", admin)]
    counts = workflow.annual_review_all(db, admin, small_campaign["id"], village_id=village)
    assert counts == {"kept": 10, "downgraded": 0, "removed": 0}
    qinglong = next(v for v in verdicts.summary(db, small_campaign["id"])["villages"]
                    if v["village_name"] == "青龙村")
    assert qinglong["credit_households"] == 10
    with pytest.raises(campaigns.CampaignClosed):  # the answers themselves stay final
        workflow.first_review(db, admin, ids)


def test_a_new_overdue_loan_of_a_credit_household_is_queued_and_downgraded(
        db, operator, small_campaign):
    from app import register

    village, ids = decided(db, operator, small_campaign)
    subject = campaigns.get_rating(db, ids[5])["subject_id"]
    form = register.household_form(register.get_household(db, subject))
    register.update_household(db, operator, subject, {**form, "loan_balance": "50000",
                                                      "overdue": "8000"})
    flags = review_queue.open_flags(db)
    assert len(flags) == 1
    flag = flags[0]
    assert flag["village_name"] == "青龙村" and flag["source_label"] == "逾期贷款"
    assert "8,000.00" in flag["reason"] and flag["grade"] == "AAA"
    with pytest.raises(WorkflowError, match="AA"):
        review_queue.resolve_flag(db, ensure_admin(db), flag["id"], action="downgrade",
                                  grade="AAA", reason="逾期")
    review_queue.resolve_flag(db, ensure_admin(db), flag["id"], action="downgrade", grade="A",
                              reason="贷款逾期，降为 A")
    assert campaigns.get_rating(db, ids[5])["grade"] == "A"
    assert review_queue.open_flags(db) == []
    # a household that is no credit household raises no flag
    other = campaigns.get_rating(db, village_ratings(db, small_campaign, "白鹤村")[1][0])
    form = register.household_form(register.get_household(db, other["subject_id"]))
    register.update_household(db, operator, other["subject_id"], {**form, "loan_balance": "500", "overdue": "100"})
    assert review_queue.open_flags(db) == []


def test_a_village_wide_step_is_undone_until_the_next_step(db, operator, small_campaign):
    village, ids = scored(db, operator, small_campaign)
    assert workflow.advance_village(db, operator, small_campaign["id"], village,
                                    "first_review") == 10
    batch = workflow.last_batch(db, small_campaign["id"], village)
    assert (batch["step"], batch["count"], batch["undoable"]) == ("first_review", 10, True)
    assert workflow.undo_last_batch(db, operator, small_campaign["id"], village,
                                    reason="误点") == 10
    assert statuses(db, ids) == {"collected"}
    assert [s["step"] for s in workflow.history(db, ids[0])][-2:] == ["first_review", "undo"]
    with pytest.raises(WorkflowError, match="撤销"):
        workflow.undo_last_batch(db, operator, small_campaign["id"], village)
    workflow.advance_village(db, operator, small_campaign["id"], village, "first_review")
    workflow.publish_notice(db, operator, small_campaign["id"], village, start_date=PAST_START,
                            end_date=PAST_END, objection_contact="镇信用办")
    assert not workflow.last_batch(db, small_campaign["id"], village)["undoable"]
    with pytest.raises(WorkflowError, match="撤销"):
        workflow.undo_last_batch(db, operator, small_campaign["id"], village)
    assert statuses(db, ids) == {"in_notice"}

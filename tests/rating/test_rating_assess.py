"""Scoring: grade bands at their edges, vetoes, auto indicators, SQL agrees with Python."""

import itertools
import json
from decimal import Decimal

import pytest

from app.journal import changes
from app.rating import assess, campaign as campaigns
from app.rating.scheme import parse, shipped_files

from rating_fixtures import GOOD

SCHEME = parse(shipped_files()[0].read_text(encoding="utf-8"))
FULL = {"household.labor": 3, "household.land_mu": 1000, "household.assets_yuan": 150000000,
        "household.annual_income_yuan": 20000000, "household.overdue_yuan": 0,
        "credit.negative_records": 0, "lists.black": 0, "credit.serious_loan_default": 0}


OPTIONS = {i.key: i.options for i in SCHEME.manual_indicators}


def answers_for(target_manual: int) -> dict:
    """Manual answers worth exactly ``target_manual`` points."""
    keys = list(OPTIONS)
    for combo in itertools.product(*(OPTIONS[k] for k in keys)):
        if sum(o.points for o in combo) == target_manual:
            return {k: o.key for k, o in zip(keys, combo)}
    raise AssertionError(target_manual)


@pytest.mark.parametrize("labor, manual, score, grade", [
    (3, 18, 80, "AAA"), (3, 17, 79, "AA"), (3, 8, 70, "AA"), (3, 7, 69, "A"),
    (0, 8, 60, "A"), (0, 7, 59, None), (3, 38, 100, "AAA")])
def test_grade_bands_at_their_edges_through_scoring(labor, manual, score, grade):
    result = assess.score(SCHEME, answers_for(manual), {**FULL, "household.labor": labor})
    assert result.complete
    assert (result.score, result.grade) == (score, grade)


@pytest.mark.parametrize("score, grade", [
    (Decimal(80), "AAA"), (Decimal("79.99"), "AA"), (Decimal(70), "AA"), (Decimal("69.5"), "A"),
    (Decimal(60), "A"), (Decimal("59.99"), None), (Decimal(0), None)])
def test_grade_bands_with_fractional_scores(score, grade):
    assert SCHEME.grade_for(score) == grade


def test_incomplete_answers_give_no_grade_and_list_what_is_missing():
    answers = dict(GOOD)
    del answers["health"]
    result = assess.score(SCHEME, answers, FULL)
    assert not result.complete and result.grade is None
    assert result.missing == ["health"]


def test_veto_stops_a_perfect_household_and_says_why():
    result = assess.score(SCHEME, {**GOOD, "veto:criminal": True}, FULL)
    assert result.score == 100 and result.grade is None
    assert result.veto == "近三年有刑事犯罪记录"
    listed = assess.score(SCHEME, GOOD, {**FULL, "lists.black": 1})
    assert listed.grade is None and "失信被执行人" in listed.veto


def test_unknown_option_is_refused_with_the_choices():
    with pytest.raises(Exception, match="健康"):
        assess.clean_answers(SCHEME, {"health": "excellent"})


def test_automatic_indicators_come_from_register_records_and_lists(db, operator, town):
    village = town.village("青龙村", "510623105201")
    clean = town.household(village, "王大", land_area="10", annual_income="200000",
                           assets="1500000", labor="3")
    debtor = town.household(village, "王二", loan_balance="50000", overdue="20000")
    listed = town.household(village, "王三")
    number = db.execute("SELECT head_id_number FROM household WHERE id = ?", [listed]).fetchone()[0]
    with changes(db, operator) as cs:
        cs.insert("list_entry", {"list_kind": "dishonest_judgment_debtor", "subject_id": None,
                                 "name": "王三", "id_number": number, "listed_on": "2026-01-05"})
        for _ in range(3):
            cs.insert("credit_record", {"subject_id": debtor, "category": "loan_repayment",
                                        "polarity": "negative", "severity": "general",
                                        "title": "贷款逾期", "decision_date": "2026-03-01"})
    campaign = campaigns.create_campaign(db, operator, name="2026年度信用户评定", year=2026)
    ratings = {r["subject_id"]: r for r in db.query("SELECT * FROM rating")}
    assert json.loads(ratings[clean]["breakdown"]) == {
        "labor": 10, "land": 10, "assets": 10, "income": 12, "overdue": 12,
        "negative_records": 8, **{k: None for k in GOOD}}
    inputs = json.loads(ratings[debtor]["inputs"])
    assert inputs["household.overdue_yuan"] == 2000000 and inputs["credit.negative_records"] == 3
    assert json.loads(ratings[debtor]["breakdown"])["overdue"] == 0
    assert json.loads(ratings[debtor]["breakdown"])["negative_records"] == 0
    after = campaigns.save_answers(db, operator, ratings[listed]["id"], GOOD)
    assert after["grade"] is None and "失信被执行人" in after["veto"]
    after = campaigns.save_answers(db, operator, ratings[clean]["id"], GOOD)
    assert (after["score"], after["grade"], after["complete"]) == (100, "AAA", 1)
    assert campaign["status"] == "open"


def test_bulk_sql_scoring_agrees_with_python(db, operator, town, small_campaign):
    scheme = campaigns.campaign_scheme(db, small_campaign)
    variants = [GOOD, {**GOOD, "health": "poor", "skill": "weak"}, {"health": "fair"},
                {**GOOD, "veto:gambling_drugs": True}, answers_for(5), answers_for(17)]
    for i, row in enumerate(db.query("SELECT id FROM rating ORDER BY subject_id")):
        db.execute("UPDATE rating SET answers = ? WHERE id = ?",
                   [assess.to_json(variants[i % len(variants)]), row["id"]])
    campaigns.rescore_campaign(db, operator, small_campaign["id"])
    for row in db.query("SELECT * FROM rating"):
        result = assess.score(scheme, json.loads(row["answers"]),
                              campaigns.live_inputs(db, row["subject_id"], scheme))
        assert (row["score"], row["grade"], row["veto"], row["complete"]) == (
            float(result.score), result.grade, result.veto, int(result.complete))
        assert json.loads(row["breakdown"]) == json.loads(assess.to_json(result.breakdown))

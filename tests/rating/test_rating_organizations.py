"""Cooperatives, family farms and agricultural enterprises rated in the campaign and put
into supervision classes (分级分类监管), end to end."""

import datetime as dt
import json

import pytest
from stdnum.cn import uscc as uscc_lib

from app import register
from app.errors import UserError
from app.journal import changes
from app.rating import (campaign as campaigns, organizations, scheme as schemes, supervision,
                        verdicts, workflow)
from app.records import lists

from rating_fixtures import GOOD, id_number
from tests.conftest import ensure_admin

TODAY = dt.date.today()
BEST = {"annual_report": "on_time", "bookkeeping": "good", "social_insurance": "on_time",
        "repayment": "on_time", "contracts": "kept", "land_rent": "on_time",
        "product_safety": "good", "member_benefit": "good", "township_opinion": "good"}


def cooperative(db, operator, village_id, name="中江县青龙水稻专业合作社", members=60,
                rep_id=None, serial="12345"):
    body = f"93510623MA6C{serial}"
    return register.create_organization(db, operator, {
        "kind": "cooperative", "name": name, "legal_rep_name": "王建国",
        "legal_rep_id_number": rep_id or id_number(), "members_count": members,
        "uscc": body + uscc_lib.calc_check_digit(body + "0"), "village_id": village_id})


@pytest.fixture
def org_campaign(db, operator, town):
    village = town.village("青龙村", "510623105201")
    homes = [town.household(village, name) for name in ("王一", "王二")]
    org = cooperative(db, operator, village)
    shop = register.create_organization(db, operator, {
        "kind": "individual_business", "name": "青龙小卖部", "legal_rep_name": "王三",
        "uscc": "92510623MA6C54321" + uscc_lib.calc_check_digit("92510623MA6C54321" + "0"),
        "village_id": village})
    campaign = campaigns.create_campaign(db, operator, name="2026年度信用评定", year=2026)
    return {"campaign": campaign, "village": village, "homes": homes, "org": org["id"],
            "shop": shop["id"]}


def test_an_organization_is_rated_through_every_step_and_gets_its_class(db, operator,
                                                                        org_campaign):
    c, village = org_campaign["campaign"], org_campaign["village"]
    org = campaigns.rating_for(db, c["id"], org_campaign["org"])
    assert org["subject_kind"] == "organization" and org["status"] == "collected"
    # 个体工商户 are not new agricultural operators: not rated.
    assert campaigns.rating_for(db, c["id"], org_campaign["shop"]) is None
    # Household questions are not the organization's.
    with pytest.raises(UserError, match="health"):
        campaigns.save_answers(db, operator, org["id"], GOOD)
    after = campaigns.save_answers(db, operator, org["id"], BEST)
    assert (after["score"], after["grade"]) == (100, "AAA")
    inputs = json.loads(after["inputs"])
    assert inputs["organization.members"] == 60
    for home in org_campaign["homes"]:
        campaigns.save_answers(db, operator, campaigns.rating_for(db, c["id"], home)["id"], GOOD)
    # The village's steps take the organization along with the households.
    assert workflow.advance_village(db, operator, c["id"], village, "first_review") == 3
    past = TODAY - dt.timedelta(days=10)
    workflow.publish_notice(db, operator, c["id"], village, start_date=past,
                            end_date=past + dt.timedelta(days=7), objection_contact="镇信用办")
    assert workflow.advance_village(db, operator, c["id"], village, "township_review") == 3
    workflow.approve(db, ensure_admin(db), workflow.eligible(db, c["id"], village, "approve"))
    assert workflow.advance_village(db, operator, c["id"], village, "plaque") == 3
    assert [s["step"] for s in workflow.history(db, org["id"])] == [
        "first_review", "notice", "township_review", "approve", "plaque"]
    result = organizations.current_result(db, org_campaign["org"])
    assert (result["grade"], result["supervision_class"], result["supervision_label"]) == (
        "AAA", "A", "守信")
    assert any("绿色通道" in m for m in result["measures"])
    # Organizations never count as credit households of the village.
    summary = verdicts.summary(db, c["id"])
    village_row = summary["villages"][0]
    assert (village_row["households"], village_row["credit_households"]) == (2, 2)
    assert summary["township"]["grades"]["AAA"] == 2
    orgs = summary["organizations"]
    assert (orgs["organizations"], orgs["grades"]["AAA"], orgs["classes"]["A"]) == (1, 1, 1)
    assert orgs["list"][0]["name"] == "中江县青龙水稻专业合作社"
    # Downgraded by dynamic management: the class follows the grade.
    workflow.downgrade(db, ensure_admin(db), org["id"], grade="A", reason="合同纠纷经法院判决")
    assert organizations.current_result(db, org_campaign["org"])["supervision_class"] == "B"
    workflow.remove(db, ensure_admin(db), org["id"], reason="发生农产品质量安全事件")
    assert organizations.current_result(db, org_campaign["org"])["supervision_class"] == "C"


def test_a_listed_legal_representative_puts_the_organization_in_class_d(db, operator, town):
    village = town.village("青龙村", "510623105201")
    rep = id_number("19750505")
    org = cooperative(db, operator, village, rep_id=rep)
    campaign = campaigns.create_campaign(db, operator, name="2026年度信用评定", year=2026)
    rating = campaigns.rating_for(db, campaign["id"], org["id"])
    campaigns.save_answers(db, operator, rating["id"], BEST)
    lists.add_entry(db, operator, {
        "list_kind": "dishonest_judgment_debtor", "id_number": rep, "name": "王建国",
        "basis": "有履行能力而拒不履行", "deciding_body": "中江县人民法院",
        "document_number": "（2026）川0623执12号", "listed_on": TODAY.isoformat()})
    assert campaigns.rescore_campaign(db, operator, campaign["id"]) >= 1
    rating = campaigns.get_rating(db, rating["id"])
    assert rating["grade"] is None and "法定代表人" in rating["veto"]
    result = organizations.current_result(db, org["id"])
    assert result["supervision_class"] == "D"
    assert any("联合惩戒" in m for m in result["measures"])


def test_a_campaign_started_before_the_scheme_rates_organizations_on_request(db, operator, town):
    village = town.village("青龙村", "510623105201")
    org = cooperative(db, operator, village)
    campaign = campaigns.create_campaign(db, operator, name="2026年度信用评定", year=2026)
    with changes(db, operator) as cs:  # as a campaign started by an older version was
        db.execute("DELETE FROM rating WHERE subject_kind = 'organization'")
        cs.update("rating_campaign", campaign["id"], {"org_scheme_id": None})
    assert verdicts.summary(db, campaign["id"])["organizations"]["rated_in_campaign"] is False
    assert campaigns.rate_organizations(db, operator, campaign["id"]) == 1
    assert campaigns.rate_organizations(db, operator, campaign["id"]) == 0  # not twice
    assert campaigns.rating_for(db, campaign["id"], org["id"])["subject_kind"] == "organization"


def test_scheme_sources_must_describe_whom_the_scheme_rates(tmp_path):
    shipped = schemes.shipped_files()
    org_text = next(p for p in shipped if p.name.startswith("organization")).read_text("utf-8")
    scheme = schemes.parse(org_text)
    assert scheme.subject == "organization" and scheme.total == 100
    assert scheme.village == {}  # credit villages are counted from households only
    bad = org_text.replace('source = "organization.members"', 'source = "household.labor"')
    with pytest.raises(schemes.SchemeError, match="household.labor"):
        schemes.parse(bad)
    home_text = next(p for p in shipped if p.name.startswith("household")).read_text("utf-8")
    with pytest.raises(schemes.SchemeError, match="organization.members"):
        schemes.parse(home_text.replace('source = "household.labor"',
                                        'source = "organization.members"'))


def test_an_edited_supervision_policy_replaces_the_shipped_one(db):
    from app import settings

    text = supervision.shipped_text().replace('grades = ["AA", "A"]', 'grades = ["AA"]')
    settings.put(db, supervision.SETTING_KEY, text)
    policy = supervision.load(db)
    assert policy.class_for(grade="A", veto=None, complete=True) == "C"
    assert policy.class_for(grade="AA", veto=None, complete=True) == "B"
    assert policy.class_for(grade="AAA", veto="名单", complete=True) == "D"
    assert policy.class_for(grade=None, veto=None, complete=False) is None
    settings.put(db, supervision.SETTING_KEY, "[[class]]\nclass = 1\n")
    with pytest.raises(UserError, match="class"):
        supervision.load(db)


def test_summary_json_on_the_demo_includes_every_organizations_grade(demo_data, demo_db, cli):
    summary = json.loads(cli("rating", "summary", "--json", data=demo_data, check=True).stdout)
    orgs = summary["organizations"]
    stored = dict(demo_db.execute(
        "SELECT g.name, r.grade FROM rating r JOIN organization g ON g.id = r.subject_id "
        "WHERE r.subject_kind = 'organization'").fetchall())
    assert orgs["organizations"] == len(stored) > 0
    assert {o["name"]: o["grade"] for o in orgs["list"]} == stored
    assert sum(orgs["classes"].values()) == orgs["rated"]
    assert orgs["classes"]["D"] > 0 and orgs["classes"]["A"] > 0
    assert all(o["supervision_class"] in "ABCD" for o in orgs["list"] if o["complete"])
    text = cli("rating", "summary", data=demo_data, check=True).stdout
    assert "监管类别" in text or "supervision" in text


def test_an_organizations_credit_report_and_the_statistics_state_its_class(demo_db, tmp_path):
    from pypdf import PdfReader

    from app.records.report import issue_report
    from app.stats.figures import township_figures
    from app.stats import period

    from app.users import default_operator_id

    op = default_operator_id(demo_db)
    uscc, name = demo_db.execute(
        "SELECT g.uscc, g.name FROM rating r JOIN organization g ON g.id = r.subject_id WHERE "
        "r.subject_kind = 'organization' AND r.status IN ('approved', 'plaqued') "
        "ORDER BY r.grade IS NULL, r.grade DESC LIMIT 1").fetchone()
    expected = organizations.decided_class(demo_db, demo_db.execute(
        "SELECT id FROM organization WHERE uscc = ?", [uscc]).fetchone()[0])
    row = issue_report(demo_db, op, uscc, purpose="贷款审批", output=tmp_path)
    printed = "".join(page.extract_text() for page in PdfReader(str(row["path"])).pages)
    flat = printed.replace("\n", "").replace(" ", "")
    assert name[:6] in flat
    assert f"{expected['class']}{expected['label']}" in flat
    assert expected["measures"][0][:8] in flat
    figures = township_figures(demo_db, op, period.month(TODAY.year, TODAY.month))
    summary = verdicts.summary(demo_db, campaigns.current_campaign(demo_db)["id"])
    assert figures["organizations"]["classes"] == summary["organizations"]["classes"]
    assert "list" not in figures["organizations"]


def test_the_printed_notice_lists_the_villages_organizations_with_their_class(demo_db,
                                                                               tmp_path):
    from pypdf import PdfReader

    from app.rating import printouts
    from app.users import default_operator_id

    notice_id, name = demo_db.execute(
        "SELECT r.notice_id, g.name FROM rating r JOIN organization g ON g.id = r.subject_id "
        "WHERE r.subject_kind = 'organization' AND r.notice_id IS NOT NULL "
        "AND r.grade IS NOT NULL LIMIT 1").fetchone()
    path = printouts.notice_pdf_for(demo_db, default_operator_id(demo_db), notice_id,
                                    tmp_path / "n.pdf")
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", "")
    assert "新型农业经营主体" in text and name[:8] in text
    assert "守信" in text  # the class beside the proposed grade

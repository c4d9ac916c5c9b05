"""Joint reward and punishment feedback, and the links that close the loop: the repair
letter of a repair, objection and repair dates against the record's, and a listed
organization reaching its legal representative. Through app/ and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from app import credit_policy as pol
from app.accounts.permissions import PermissionDenied
from app.errors import UserError, ValidationFailed
from app.letters import letter as letters
from app.letters import printing
from app.list_status import identity_status
from app.records import lists, objections, repair
from app.records.measures import feedback, record_measure
from app.records.records import create_record

from records_helpers import days_ago, penalty
from tests.conftest import actor_id, run_cli

SUBSIDY = "不得享受涉农补贴等财政性资金支持"


def black(db, op, number, **extra):
    return lists.add_entry(db, op, {"list_kind": "black_list", "id_number": number,
                                    "basis": "拒不履行法院判决", "deciding_body": "县发展改革委",
                                    "listed_on": days_ago(30), **extra})


# ------------------------------------------------------------------ measures applied


def test_a_measure_of_the_subjects_list_is_recorded_and_journaled(demo_db, op, household):
    entry = black(demo_db, op, household["number"])
    row = record_measure(demo_db, op, number=household["number"], measure=SUBSIDY,
                         matter="2026年耕地地力保护补贴发放", department="乡财政所",
                         applied_on=days_ago(1), note="停发")
    assert (row["measure"], row["list_entry_id"], row["subject_id"], row["recorded_by"]) == \
        (SUBSIDY, entry["id"], household["id"], op)
    journal = demo_db.execute("SELECT origin, operator_id FROM journal WHERE entity = "
                              "'measure_feedback' AND entity_id = ?", [row["id"]]).fetchall()
    assert journal == [("local", op)]  # it is in the outbox
    # The measure may be chosen by its number as the banner lists it.
    measures = identity_status(demo_db, household["number"])["measures"]
    second = record_measure(demo_db, op, number=household["number"], measure="2",
                            matter="信用户评定")
    assert second["measure"] == measures[1]
    listed = feedback(demo_db, subject_id=household["id"])
    assert [r["measure"] for r in listed] == [measures[1], SUBSIDY]
    assert listed[0]["recorded_by_name"] and listed[0]["list_label"].startswith("黑名单")


def test_refusals_say_what_is_wrong(demo_db, op, household):
    with pytest.raises(ValidationFailed, match="未列入|没有列入|不在"):
        record_measure(demo_db, op, number=household["number"], measure=SUBSIDY, matter="补贴")
    black(demo_db, op, household["number"])
    with pytest.raises(ValidationFailed) as wrong:
        record_measure(demo_db, op, number=household["number"], measure="绿色通道",
                       matter="补贴", applied_on=(dt.date.today() + dt.timedelta(days=2)))
    text = str(wrong.value)
    assert SUBSIDY in text and "1." in text  # the measures it may choose
    assert wrong.value.for_field("applied_on")  # a future day
    with pytest.raises(ValidationFailed) as no_matter:
        record_measure(demo_db, op, number=household["number"], measure=SUBSIDY, matter=" ")
    assert no_matter.value.for_field("matter")
    with pytest.raises(ValidationFailed):
        record_measure(demo_db, op, number=household["number"][:17], measure=SUBSIDY,
                       matter="补贴")
    with pytest.raises(PermissionDenied):
        record_measure(demo_db, actor_id(demo_db, "viewer"), number=household["number"],
                       measure=SUBSIDY, matter="补贴")
    assert feedback(demo_db, subject_id=household["id"]) == []


def test_cli_shows_status_records_and_lists_measures(demo_data, demo_db, op, household):
    black(demo_db, op, household["number"])
    shown = run_cli("lists", "show", household["number"], "--json", data=demo_data, check=True)
    status = json.loads(shown.stdout)
    assert status["level"] == "black" and SUBSIDY in status["measures"]
    refused = run_cli("lists", "apply-measure", household["number"], "--measure", "免检",
                      "--matter", "补贴", data=demo_data)
    assert refused.returncode != 0 and SUBSIDY in refused.stdout + refused.stderr
    done = run_cli("lists", "apply-measure", household["number"], "--measure", "1",
                   "--matter", "2026年农机购置补贴", "--department", "乡农业服务中心",
                   data=demo_data, check=True)
    assert "2026年农机购置补贴" in done.stdout and "下一批" in done.stdout
    listed = json.loads(run_cli("lists", "measures", "--number", household["number"], "--json",
                                data=demo_data, check=True).stdout)
    assert [(r["matter"], r["department"]) for r in listed] == \
        [("2026年农机购置补贴", "乡农业服务中心")]
    viewer = run_cli("lists", "apply-measure", household["number"], "--measure", "1",
                     "--matter", "x", data=demo_data,
                     env={"CREDIT_DESK_USER": "viewer"})
    assert viewer.returncode != 0


# ------------------------------------------------------------------ repair letter


def test_a_repair_letter_is_printed_for_its_repair_and_shown_on_both(demo_db, op, household,
                                                                    tmp_path):
    record = create_record(demo_db, op, penalty(household, decision_date=days_ago(200),
                                                severity="general"))
    application = repair.apply(demo_db, op, record["id"], applicant=household["name"],
                               evidence="已缴清罚款", commitment="承诺守法")
    result = repair.print_letter(demo_db, op, application["id"], tmp_path / "r.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "信用修复承诺书" in text and household["name"] in text
    linked = repair.get(demo_db, application["id"])
    letter = letters.get_letter(demo_db, linked["letter_id"])
    assert letter["letter_type"] == "credit_repair" and letter["status"] == "printed"
    assert letter["number"] == result.letters[0]["number"]
    # Shown on the repair (the list of applications) and from the letter's side.
    row = next(a for a in repair.applications(demo_db) if a["id"] == application["id"])
    assert row["letter_number"] == letter["number"]
    assert repair.letters_of_repairs(demo_db, household["id"])[letter["id"]]["id"] == \
        application["id"]
    from ui.letters.collect import repair_line  # what the letters screen says of it

    assert record["title"] in repair_line(demo_db, letter)
    # Printing again prints the same letter, not a new one.
    again = repair.print_letter(demo_db, op, application["id"], tmp_path / "r2.pdf")
    assert again.letters[0]["number"] == letter["number"]


def test_a_repair_letter_without_a_repair_is_refused(demo_db, op, household, tmp_path,
                                                    demo_data):
    with pytest.raises(UserError, match="修复申请"):
        letters.create_letter(demo_db, op, household["id"], "credit-repair")
    with pytest.raises(UserError, match="修复申请"):
        printing.print_letters(demo_db, op, tmp_path / "x.pdf", subject_ids=[household["id"]],
                               template_name="credit-repair")
    assert not (tmp_path / "x.pdf").exists()
    cli = run_cli("letters", "print", "--template", "credit-repair", "--subject",
                  household["number"], "-o", str(tmp_path / "y.pdf"), data=demo_data)
    assert cli.returncode != 0 and "修复申请" in cli.stdout + cli.stderr
    # Only a repair letter of the same subject may be attached to a repair.
    record = create_record(demo_db, op, penalty(household, decision_date=days_ago(200)))
    application = repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴",
                               commitment="承诺")
    farmer = letters.create_letter(demo_db, op, household["id"])
    with pytest.raises(UserError, match="信用修复承诺书"):
        repair.attach_letter(demo_db, op, application["id"], farmer["number"])
    assert repair.get(demo_db, application["id"])["letter_id"] is None


# ------------------------------------------------------------------ dates


def test_objection_and_repair_dates_are_checked_against_the_record(demo_db, op, household):
    record = create_record(demo_db, op, penalty(household, decision_date=days_ago(20),
                                                severity="minor", publicity_months=1))
    decided = record["decision_date"]
    with pytest.raises(UserError) as early:
        objections.file(demo_db, op, record["id"], filed_by="户主", grounds="不服",
                        filed_on=days_ago(25))
    assert days_ago(25) in str(early.value) and decided in str(early.value)
    with pytest.raises(UserError) as before:
        repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴",
                     commitment="承诺", applied_on=days_ago(21))
    assert days_ago(21) in str(before.value) and decided in str(before.value)
    end = record["publicity_end"]
    after = (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat()
    with pytest.raises(UserError) as late:
        repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴",
                     commitment="承诺", applied_on=after)
    assert end in str(late.value) and after in str(late.value)
    assert repair.applications(demo_db, subject_id=household["id"]) == []
    # A policy that allows repair after the publicity ended lets it through.
    pol.save(demo_db, pol.shipped_text() + "\n[repair]\nafter_publicity_end = true\n")
    repair.apply(demo_db, op, record["id"], applicant="户主", evidence="已缴",
                 commitment="承诺", applied_on=after)
    # On the record's day or later: accepted.
    second = create_record(demo_db, op, penalty(household, decision_date=days_ago(10),
                                                document_number="环罚〔2026〕99号"))
    filed = objections.file(demo_db, op, second["id"], filed_by="户主", grounds="不服",
                            filed_on=second["decision_date"])
    assert filed["filed_on"] == second["decision_date"]


def test_cli_refuses_an_objection_dated_before_its_record(demo_data, demo_db, op, household):
    record = create_record(demo_db, op, penalty(household, decision_date=days_ago(5)))
    out = run_cli("objection", "file", record["id"], "--by", "户主", "--grounds", "不服",
                  "--on", days_ago(9), data=demo_data)
    assert out.returncode != 0
    assert days_ago(9) in out.stdout + out.stderr and record["decision_date"] in \
        out.stdout + out.stderr
    out = run_cli("repair", "apply", record["id"], "--applicant", "户主", "--evidence", "已缴",
                  "--commitment", "承诺", "--on", days_ago(9), data=demo_data)
    assert out.returncode != 0 and record["decision_date"] in out.stdout + out.stderr
    ok = run_cli("objection", "file", record["id"], "--by", "户主", "--grounds", "不服",
                 "--on", days_ago(2), data=demo_data, check=True)
    assert days_ago(2) in ok.stdout


# ------------------------------------------------------------------ legal representative


def org_with_rep(db):
    return dict(next(db.query(
        "SELECT o.id, o.name, o.uscc AS number, o.legal_rep_name, o.legal_rep_id_number "
        "FROM organization o WHERE o.legal_rep_id_number IS NOT NULL AND o.uscc NOT IN "
        "(SELECT id_number FROM list_entry) AND o.legal_rep_id_number NOT IN "
        "(SELECT id_number FROM list_entry) AND o.legal_rep_id_number NOT IN "
        "(SELECT person_id_number FROM legal_rep_link) ORDER BY o.sid LIMIT 1")))


def test_a_listed_organization_reaches_its_legal_representative(demo_db, op):
    org = org_with_rep(demo_db)
    person = org["legal_rep_id_number"]
    assert identity_status(demo_db, person)["level"] == "none"
    entry = black(demo_db, op, org["number"])
    status = identity_status(demo_db, person)
    assert status["level"] == "black" and not status["listed"]  # reached, not listed
    assert org["name"] in status["message"] and "法定代表人" in status["message"]
    assert SUBSIDY in status["message"]
    link = demo_db.execute("SELECT source_id, person_name FROM legal_rep_link WHERE "
                           "person_id_number = ?", [person]).fetchone()
    assert link == (entry["id"], org["legal_rep_name"])
    link_id = demo_db.execute("SELECT id FROM legal_rep_link WHERE source_id = ?",
                              [entry["id"]]).fetchone()[0]
    assert demo_db.execute("SELECT count(*) FROM journal WHERE entity = 'legal_rep_link' "
                           "AND entity_id = ?", [link_id]).fetchone()[0] == 1
    # Taken off the list: it no longer reaches the person.
    lists.remove_entry(demo_db, op, entry["id"], reason="已履行")
    assert identity_status(demo_db, person)["level"] == "none"


def test_a_measure_reaching_the_legal_representative_is_recorded_as_applied(demo_db, op, ctx,
                                                                           qtbot):
    """The person is on no list of their own; the measure reaches them because the
    organization they represent is listed, and is recorded against that entry."""
    from ui.identity_banner import IdentityBanner

    org = org_with_rep(demo_db)
    person = org["legal_rep_id_number"]
    with pytest.raises(ValidationFailed, match="未列入"):
        record_measure(demo_db, op, number=person, measure="1", matter="2026年项目申报")
    entry = black(demo_db, op, org["number"])
    banner = IdentityBanner(ctx)
    qtbot.addWidget(banner)
    banner.set_text(person)
    assert not banner.apply_button.isHidden()   # offered for the representative too
    dialog = banner.record_measure()
    offered = [dialog.measure.itemData(i) for i in range(dialog.measure.count())]
    assert SUBSIDY in offered
    assert any(org["name"] in label.text() for label in dialog.findChildren(QLabel))
    dialog.close()
    row = record_measure(demo_db, op, number=person, measure=SUBSIDY, matter="2026年项目申报")
    assert (row["list_entry_id"], row["id_number"], row["name"]) == (
        entry["id"], person, org["legal_rep_name"])
    assert org["name"] in row["note"] and "法定代表人" in row["note"]
    assert demo_db.execute("SELECT count(*) FROM journal WHERE entity = 'measure_feedback' "
                           "AND entity_id = ?", [row["id"]]).fetchone()[0] == 1


def test_a_negative_record_of_an_organization_reaches_its_representative(demo_db, op):
    org = org_with_rep(demo_db)
    lists.add_entry(demo_db, op, {"list_kind": "red_list", "id_number": org["number"],
                                  "basis": "守信示范社", "deciding_body": "县农业农村局"})
    assert demo_db.execute("SELECT count(*) FROM legal_rep_link WHERE organization_id = ?",
                           [org["id"]]).fetchone()[0] == 0
    record = create_record(demo_db, op, penalty(org))
    status = identity_status(demo_db, org["legal_rep_id_number"])
    assert status["level"] == "attention" and record["title"] in status["message"]


def test_the_representatives_credit_report_and_page_show_it(demo_db, op, ctx, qtbot,
                                                           tmp_path):
    from app.records.report import facts, issue_report

    org = org_with_rep(demo_db)
    head = dict(next(demo_db.query("SELECT id, head_id_number FROM household WHERE "
                                   "head_id_number NOT IN (SELECT id_number FROM list_entry) "
                                   "LIMIT 1")))
    # The legal representative is a head of household in the register.
    demo_db.execute("UPDATE organization SET legal_rep_id_number = ? WHERE id = ?",
                    [head["head_id_number"], org["id"]])
    black(demo_db, op, org["number"])
    content = facts(demo_db, head["id"], full=False, today=dt.date.today())
    assert [k["organization"] for k in content["list_status"]["linked"]] == [org["name"]]
    assert SUBSIDY in content["list_status"]["linked_measures"]
    row = issue_report(demo_db, op, head["head_id_number"], purpose="贷款审批",
                       output=tmp_path)
    text = "".join(p.extract_text() for p in PdfReader(row["path"]).pages).replace("\n", "")
    assert org["name"] in text and "法定代表人" in text
    from ui.subject_dialog import HouseholdDialog

    dialog = HouseholdDialog(ctx, head["id"])
    qtbot.addWidget(dialog)
    assert org["name"] in dialog.summary.text()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)


def test_an_organizations_broken_commitment_reaches_its_representative(demo_db, op, tmp_path):
    from app.letters import collection, fulfilment

    org = org_with_rep(demo_db)
    printed = printing.print_letters(demo_db, op, tmp_path / "o.pdf", subject_ids=[org["id"]],
                                     template_name="industry-self-discipline")
    letter_id = printed.letters[0]["id"]
    collection.mark_signed(demo_db, op, letter_id, collector="李")
    fulfilment.record_fulfilment(demo_db, op, letter_id, "broken", note="未按合同收购社员产品",
                                 on=days_ago(1))
    status = identity_status(demo_db, org["legal_rep_id_number"])
    assert status["level"] == "attention" and org["name"] in status["message"]

"""Joint reward and punishment wherever an identity is typed (联合奖惩): the status of a
whole ID number or USCC with every measure, in forms, the search box and the records
look-up; and automatic review flags only for subjects holding a credit grade."""

from __future__ import annotations

import datetime as dt

from app import credit_policy as pol
from app.journal import changes
from app.letters import collection, fulfilment, printing
from app.list_status import identity_status
from app.records import lists
from app.records.records import create_record

from records_helpers import penalty


def black(db, op, number, name=None):
    return lists.add_entry(db, op, {"list_kind": "black_list", "id_number": number,
                                    "name": name, "basis": "拒不履行法院判决",
                                    "deciding_body": "县发展改革委"})


def black_measures(db):
    return pol.measures(pol.load(db), "black_list")


def test_a_whole_valid_number_shows_the_lists_and_every_measure(demo_db, op, household,
                                                                organization):
    number = household["number"]
    assert identity_status(demo_db, number[:17]) is None  # still typing
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert identity_status(demo_db, wrong) is None  # check character fails
    clear = identity_status(demo_db, number)
    assert clear["listed"] is False and clear["level"] == "none" and "未列入" in clear["message"]
    black(demo_db, op, number)
    status = identity_status(demo_db, " ".join([number[:6], number[6:14], number[14:]]))
    assert status["level"] == "black" and status["subject_id"] == household["id"]
    assert "黑名单" in status["message"]
    assert all(m in status["message"] for m in black_measures(demo_db))
    # An organization by its USCC, the same way.
    black(demo_db, op, organization["number"])
    org = identity_status(demo_db, organization["number"].lower())
    assert org["kind"] == "uscc" and org["level"] == "black"
    assert all(m in org["message"] for m in black_measures(demo_db))


def test_a_member_or_stranger_listed_by_number_is_shown_too(demo_db, op):
    member = demo_db.execute("SELECT name, id_number FROM household_member "
                             "WHERE id_number IS NOT NULL LIMIT 1").fetchone()
    black(demo_db, op, member[1], name=member[0])
    status = identity_status(demo_db, member[1])
    assert status["black"] and status["subject_id"] is None


# ------------------------------------------------------------------ review flags


def rated_and_unrated(db):
    rated = db.execute("SELECT subject_id FROM rating WHERE status IN ('approved', 'plaqued') "
                       "AND grade IS NOT NULL AND subject_id IN (SELECT id FROM household) "
                       "AND subject_id NOT IN (SELECT subject_id FROM rating_flag) "
                       "LIMIT 1").fetchone()[0]
    unrated = db.execute("SELECT id FROM household WHERE id NOT IN (SELECT subject_id FROM "
                         "rating WHERE grade IS NOT NULL AND status IN ('approved', 'plaqued')) "
                         "LIMIT 1").fetchone()[0]
    return [dict(next(db.query("SELECT id, head_name AS name, head_id_number AS number "
                               "FROM household WHERE id = ?", [s]))) for s in (rated, unrated)]


def flags(db, subject_id):
    return [r[0] for r in db.execute("SELECT source FROM rating_flag WHERE subject_id = ? "
                                     "AND resolved_at IS NULL", [subject_id])]


def test_a_new_negative_record_flags_only_a_credit_household(demo_db, op):
    rated, unrated = rated_and_unrated(demo_db)
    create_record(demo_db, op, penalty(rated))
    create_record(demo_db, op, penalty(unrated))
    assert flags(demo_db, rated["id"]) == ["credit_record"]
    assert flags(demo_db, unrated["id"]) == []


def test_a_list_entry_flags_only_a_credit_household(demo_db, op):
    rated, unrated = rated_and_unrated(demo_db)
    black(demo_db, op, rated["number"])
    black(demo_db, op, unrated["number"])
    assert flags(demo_db, rated["id"]) == ["list_entry"]
    assert flags(demo_db, unrated["id"]) == []


def test_a_broken_commitment_flags_only_a_credit_household(demo_db, op, tmp_path):
    rated, unrated = rated_and_unrated(demo_db)
    result = printing.print_letters(demo_db, op, tmp_path / "l.pdf",
                                    subject_ids=[rated["id"], unrated["id"]])
    for letter in result.letters:
        collection.mark_signed(demo_db, op, letter["id"], collector="李")
        fulfilment.record_fulfilment(demo_db, op, letter["id"], "broken", note="贷款逾期未还",
                                     on="2026-05-10")
    assert flags(demo_db, rated["id"]) == ["letters"]
    assert flags(demo_db, unrated["id"]) == []


def test_a_rated_organization_is_flagged_and_a_hand_raised_flag_always_is(demo_db, op):
    from app.review_flags import flag_for_review

    organization = dict(next(demo_db.query(
        "SELECT id, name, uscc AS number FROM organization WHERE id NOT IN (SELECT subject_id "
        "FROM rating WHERE grade IS NOT NULL AND status IN ('approved', 'plaqued')) LIMIT 1")))
    create_record(demo_db, op, penalty(organization))
    assert flags(demo_db, organization["id"]) == []
    with changes(demo_db, op) as cs:  # an organization with a decided grade (org ratings)
        own = demo_db.execute("SELECT id FROM rating WHERE subject_id = ?",
                              [organization["id"]]).fetchone()
        if own:  # rated in the demo campaign, not decided yet
            cs.update("rating", own[0], {"status": "approved", "grade": "A"})
        else:
            rating = demo_db.execute("SELECT * FROM rating LIMIT 1").fetchone()
            columns = [d[1] for d in demo_db.execute("PRAGMA table_info(rating)")]
            row = dict(zip(columns, rating))
            row.update(id="org-rating", subject_id=organization["id"], status="approved",
                       grade="A", subject_kind="organization")
            cs.insert("rating", row)
    create_record(demo_db, op, penalty(organization, title="未按期年报"))
    assert flags(demo_db, organization["id"]) == ["credit_record"]
    unrated = rated_and_unrated(demo_db)[1]
    with changes(demo_db, op) as cs:
        assert flag_for_review(demo_db, cs, unrated["id"], "村委会反映", "manual")
    assert flags(demo_db, unrated["id"]) == ["manual"]


# ------------------------------------------------------------------ the screens


def close(dialog, qtbot):
    qtbot.wait(250)  # the form's own check after typing
    dialog.touched.clear()
    dialog.done(0)


def test_household_form_shows_the_typed_head_and_member_numbers_status(ctx, qtbot, demo_db,
                                                                      op):
    from ui.subject_dialog import HouseholdDialog

    rated, unrated = rated_and_unrated(demo_db)
    black(ctx.ui_db, op, unrated["number"])
    dialog = HouseholdDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["head_id_number"], unrated["number"][:10])
    qtbot.wait(300)
    assert dialog.head_status.isHidden()  # nothing to say about half a number
    qtbot.keyClicks(dialog.editors["head_id_number"], unrated["number"][10:])
    qtbot.waitUntil(lambda: not dialog.head_status.isHidden(), timeout=3000)
    text = dialog.head_status.message()
    assert "黑名单" in text and all(m in text for m in black_measures(demo_db))
    assert "#b3261e" in dialog.head_status.label.styleSheet()  # black-list colour
    # A member's number typed in the members table.
    dialog.add_member({})
    from PySide6.QtWidgets import QTableWidgetItem
    dialog.members.setItem(0, 2, QTableWidgetItem(unrated["number"]))
    qtbot.waitUntil(lambda: not dialog.member_status.isHidden(), timeout=3000)
    assert "黑名单" in dialog.member_status.message()
    close(dialog, qtbot)


def test_organization_form_keeps_the_list_part_for_uscc_and_legal_rep(ctx, qtbot, demo_db, op,
                                                                     organization):
    from ui.subject_dialog import OrganizationDialog

    person = rated_and_unrated(demo_db)[1]
    black(ctx.ui_db, op, organization["number"])
    black(ctx.ui_db, op, person["number"])
    dialog = OrganizationDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["uscc"], organization["number"])
    qtbot.keyClicks(dialog.editors["legal_rep_id_number"], person["number"])
    qtbot.waitUntil(lambda: not dialog.uscc_status.isHidden()
                    and not dialog.legal_rep_status.isHidden(), timeout=3000)
    for banner in (dialog.uscc_status, dialog.legal_rep_status):
        assert "黑名单" in banner.message()
        assert all(m in banner.message() for m in black_measures(demo_db))
    # The birth date line of the legal representative's number is still there.
    assert "出生" in dialog.id_info.text()
    close(dialog, qtbot)


def test_search_box_and_record_dialog_show_the_status(window, ctx, qtbot, demo_db, op,
                                                      household):
    from ui.records.dialogs import RecordDialog

    black(ctx.ui_db, op, household["number"])
    page = window.show_area("register").households
    page.search.insert(household["number"])
    qtbot.waitUntil(lambda: not page.identity.isHidden(), timeout=3000)
    assert "黑名单" in page.identity.message()
    qtbot.waitUntil(lambda: page.model.filter.query == household["number"], timeout=3000)
    page.search.clear()
    qtbot.waitUntil(lambda: page.identity.isHidden(), timeout=3000)
    page.search.insert(household["name"])  # a name: nothing to say
    qtbot.waitUntil(lambda: page.model.filter.query == household["name"], timeout=3000)
    assert page.identity.isHidden()
    dialog = RecordDialog(ctx, subject=household["number"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.subject_status.status is not None, timeout=3000)
    assert "黑名单" in dialog.subject_status.label.text()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)


def test_a_measure_is_recorded_from_the_banner_and_from_the_subjects_page(ctx, qtbot, demo_db,
                                                                          op, household):
    from app.records.measures import feedback
    from ui.records.page import RecordsPage
    from ui.subject_dialog import HouseholdDialog

    lists.add_entry(ctx.ui_db, op, {"list_kind": "black_list", "id_number": household["number"],
                                    "basis": "拒不履行法院判决", "deciding_body": "县发展改革委",
                                    "listed_on": "2026-01-05"})
    dialog = HouseholdDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["head_id_number"], household["number"])
    qtbot.waitUntil(lambda: dialog.head_status.apply_button.isVisible(), timeout=3000)
    form = dialog.head_status.record_measure()
    form.measure.setCurrentIndex(0)
    form.buttons.accepted.emit()  # no matter typed: refused inside the form
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=15000)
    assert "事项" in form.error.text() and form.isVisible()
    form.matter.setText("2026年耕地地力保护补贴发放")
    form.department.setText("乡财政所")
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=15000)
    rows = feedback(ctx.ui_db, subject_id=household["id"])
    assert [(r["matter"], r["department"]) for r in rows] == [("2026年耕地地力保护补贴发放",
                                                               "乡财政所")]
    close(dialog, qtbot)
    # The subject's page: the button, then the measures applied listed on the page.
    page = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(page)
    page.show()
    assert page.measure_button.isVisible()
    assert "2026年耕地地力保护补贴发放" in page.summary.text()
    form = page.record_measure()
    form.measure.setCurrentIndex(1)
    form.matter.setText("信用户评定")
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=15000)
    assert "信用户评定" in page.summary.text()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)
    page.done(0)
    # A viewer sees the status but has no button to record a measure.
    records_page = RecordsPage(ctx)
    qtbot.addWidget(records_page)
    records_page.lookup.number.setText(household["number"])
    assert "黑名单" in records_page.lookup.status.text()
    records_page.close_page()


def test_viewer_gets_no_record_button(ctx, qtbot, demo_db, op, household):
    from tests.conftest import actor_id
    from ui.identity_banner import IdentityBanner

    lists.add_entry(ctx.ui_db, op, {"list_kind": "black_list", "id_number": household["number"],
                                    "basis": "拒不履行法院判决", "deciding_body": "县发展改革委"})
    ctx.operator_id = actor_id(ctx.ui_db, "viewer")
    banner = IdentityBanner(ctx)
    qtbot.addWidget(banner)
    banner.show()
    banner.show_now(household["number"])
    assert "黑名单" in banner.message() and not banner.apply_button.isVisible()


def test_repairs_tab_prints_the_repair_letter_and_shows_its_number(ctx, qtbot, demo_db, op,
                                                                  household):
    from app.records import repair
    from records_helpers import days_ago
    from ui.records.page import RecordsPage

    record = create_record(ctx.ui_db, op, penalty(household, decision_date=days_ago(200)))
    application = repair.apply(ctx.ui_db, op, record["id"], applicant=household["name"],
                               evidence="已缴清", commitment="承诺")
    page = RecordsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    tab = page.repairs_tab
    tab.reload()
    row = next(i for i in range(tab.model.rowCount())
               if tab.model.row(i)["id"] == application["id"])
    tab.view.selectRow(row)
    tab.print_letter()
    qtbot.waitUntil(lambda: "修复承诺书" in tab.note.text(), timeout=30000)
    number = repair.applications(ctx.ui_db, subject_id=household["id"])[0]["letter_number"]
    assert number and number in tab.note.text()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)
    tab.reload()
    shown = [tab.model.row(i)["letter_number"] for i in range(tab.model.rowCount())]
    assert number in shown
    page.close_page()


def test_objection_and_repair_forms_refuse_a_date_before_the_record(ctx, qtbot, demo_db, op,
                                                                    household):
    from PySide6.QtCore import QDate

    from records_helpers import days_ago
    from ui.records.dialogs import ObjectionDialog, RepairDialog

    record = create_record(ctx.ui_db, op, penalty(household, decision_date=days_ago(10)))
    early = dt.date.fromisoformat(days_ago(15))
    objection = ObjectionDialog(ctx, dict(record, subject_name=household["name"]))
    qtbot.addWidget(objection)
    objection.grounds.setPlainText("不服")
    objection.filed.setDate(QDate(early.year, early.month, early.day))
    objection.buttons.accepted.emit()
    qtbot.waitUntil(lambda: objection.error.isVisibleTo(objection), timeout=15000)
    assert early.isoformat() in objection.error.text()
    assert record["decision_date"] in objection.error.text()
    form = RepairDialog(ctx, dict(record, subject_name=household["name"]))
    qtbot.addWidget(form)
    form.evidence.setPlainText("已缴清")
    form.commitment.setPlainText("承诺")
    form.applied.setDate(QDate(early.year, early.month, early.day))
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: form.error.isVisibleTo(form), timeout=15000)
    assert record["decision_date"] in form.error.text()
    assert demo_db.execute("SELECT count(*) FROM objection WHERE record_id = ?",
                           [record["id"]]).fetchone()[0] == 0


def test_the_letters_look_up_shows_the_status_of_a_typed_number(ctx, qtbot, demo_db, op,
                                                                household):
    from ui.letters.page import LettersPage

    black(ctx.ui_db, op, household["number"])
    page = LettersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.collect.template.count() > 0, timeout=10000)
    page.collect.scan.setText("510623-2026-00001")  # a letter number: nothing to say
    assert page.collect.scan_status.isHidden()
    page.collect.scan.setText(household["number"])
    assert "黑名单" in page.collect.scan_status.message()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)
    page.close_page()

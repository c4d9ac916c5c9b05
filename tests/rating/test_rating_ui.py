"""The rating workspace: a household scored end to end at the keyboard, workflow, results."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.rating import campaign as campaigns

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(ctx, qtbot):
    from ui.rating.page import RatingPage

    widget = RatingPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def wait_idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)


def collecting_village(ctx):
    campaign = campaigns.current_campaign(ctx.ui_db)
    return ctx.ui_db.execute(
        "SELECT p.name FROM rating r JOIN place p ON p.id = r.village_id WHERE r.campaign_id = ? "
        "AND r.complete = 0 GROUP BY p.name ORDER BY count(*) DESC LIMIT 1",
        [campaign["id"]]).fetchone()[0]


def test_a_household_is_scored_end_to_end_at_the_keyboard(page, ctx, qtbot):
    page.select_village(collecting_village(ctx))
    rating = page.current_rating()
    assert rating is not None and not rating["complete"]
    focused = QApplication.focusWidget()
    assert focused is not None and focused in page.panel.rows
    # 1 = best option for every manual indicator, row after row
    for row in page.panel.rows:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert "分" in page.panel.result.text()
    live = page.panel.current()
    assert live.complete
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    stored = campaigns.get_rating(ctx.ui_db, rating["id"])
    assert stored["complete"] == 1
    assert (stored["score"], stored["grade"]) == (float(live.score), live.grade)
    assert page.current_rating()["id"] != rating["id"]  # moved on to the next household
    row = next(r for r in page.model.rows if r["id"] == rating["id"])
    assert row["grade"] == stored["grade"]
    assert "已保存" in page.status.text()


def test_veto_shows_its_reason_live(page, ctx, qtbot):
    page.select_village(collecting_village(ctx))
    for row in page.panel.rows:
        row.choose(0)
    box = next(iter(page.panel.vetoes.values()))
    box.setChecked(True)
    assert "否决" in page.panel.result.text()
    assert page.panel.current().grade is None


def test_first_review_from_the_page_moves_the_scored_households(page, ctx, qtbot):
    page.select_village(collecting_village(ctx))
    ready = sum(1 for r in page.model.rows if r["complete"] and r["status"] == "collected")
    assert ready
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True  # the official says yes
    page.step_buttons["first_review"].click()
    wait_idle(qtbot, ctx)
    statuses = [r["status"] for r in page.model.rows]
    assert statuses.count("first_reviewed") == ready
    households = sum(1 for r in page.model.rows if r["status"] == "first_reviewed"
                     and r["subject_kind"] == "household")
    assert "初评" in page.status.text() and f"{households} 户" in asked[0]
    page.step_buttons["approve"].click()  # nobody is ready for approval: refused, said why
    wait_idle(qtbot, ctx)
    assert "没有" in page.status.text()


def test_results_chart_and_table(page, ctx, qtbot, tmp_path):
    page.tabs.setCurrentIndex(1)
    assert page.results.summary_model.rowCount() == len(page.results.chart.villages) > 0
    assert page.results.chart.threshold == 0.7
    image = page.grab()
    assert not image.isNull()
    page.results.export_summary(str(tmp_path / "s.xlsx"), "xlsx")
    wait_idle(qtbot, ctx)
    assert (tmp_path / "s.xlsx").exists()


def test_an_open_objection_is_answered_from_the_objections_tab(page, ctx, qtbot):
    from app.rating import workflow

    page.tabs.setCurrentWidget(page.objections)
    tab = page.objections
    assert tab.model.rowCount() == 1  # open only, by default
    tab.answer_button.click()  # nothing chosen: said so, nothing written
    assert "选择" in page.status.text()
    tab.table.selectRow(0)
    objection = tab.selected()
    tab.answer(objection["id"], "dismissed", "经核实，收入填报属实")
    wait_idle(qtbot, ctx)
    assert tab.model.rowCount() == 0
    assert "异议不成立" in page.status.text()
    tab.open_only.setChecked(False)
    assert tab.model.rowCount() == 2
    answered = [o for o in workflow.objections(ctx.ui_db, page.campaign["id"])
                if o["id"] == objection["id"]][0]
    assert answered["outcome"] == "dismissed" and answered["answered_by_name"]
    # The demo's open objection is in the village whose notice has ended: once answered,
    # the household goes on to the township review from the village's step button.
    page.tabs.setCurrentIndex(0)
    page.select_village(answered["village_name"])
    page.confirm = lambda title, text: True
    page.step_buttons["township_review"].click()
    wait_idle(qtbot, ctx)
    assert campaigns.get_rating(ctx.ui_db, answered["rating_id"])["status"] == "township_reviewed"


def _village_at(ctx, status):
    campaign = campaigns.current_campaign(ctx.ui_db)
    return ctx.ui_db.execute(
        "SELECT p.name FROM rating r JOIN place p ON p.id = r.village_id WHERE r.campaign_id = ? "
        "AND r.status = ? AND r.grade IS NOT NULL GROUP BY p.name ORDER BY count(*) DESC LIMIT 1",
        [campaign["id"], status]).fetchone()[0]


def test_a_village_step_asks_first_and_is_undone(page, ctx, qtbot):
    page.select_village(collecting_village(ctx))
    ready = sum(1 for r in page.model.rows if r["complete"] and r["status"] == "collected")
    organizations = sum(1 for r in page.model.rows if r["complete"] and r["status"] == "collected"
                        and r["subject_kind"] == "organization")
    asked = []
    page.confirm = lambda title, text: asked.append(text) or False
    page.step_buttons["first_review"].click()
    wait_idle(qtbot, ctx)
    assert f"{ready - organizations} 户" in asked[0]
    assert not organizations or f"{organizations} 个经营主体" in asked[0]
    assert [r["status"] for r in page.model.rows].count("first_reviewed") == 0  # said no
    page.confirm = lambda title, text: True
    page.step_buttons["first_review"].click()
    wait_idle(qtbot, ctx)
    assert [r["status"] for r in page.model.rows].count("first_reviewed") == ready
    page.undo_button.click()
    wait_idle(qtbot, ctx)
    assert [r["status"] for r in page.model.rows].count("first_reviewed") == 0
    assert "撤销" in page.status.text() or "恢复" in page.status.text()
    page.undo_button.click()  # nothing left to undo: refused, said why
    wait_idle(qtbot, ctx)
    assert "撤销" in page.status.text()


def test_a_credit_household_is_removed_and_reinstated_from_the_page(page, ctx, qtbot):
    page.select_village(_village_at(ctx, "plaqued"))
    row = next(i for i, r in enumerate(page.model.rows) if r["status"] == "plaqued")
    page.table.selectRow(row)
    rating = page.current_rating()
    page.manage("remove", "")
    wait_idle(qtbot, ctx)
    assert "理由" in page.status.text()
    page.manage("remove", "列入失信被执行人名单")
    wait_idle(qtbot, ctx)
    assert campaigns.get_rating(ctx.ui_db, rating["id"])["status"] == "removed"
    page.table.selectRow(row)
    page.manage("reinstate", "已移出名单")
    wait_idle(qtbot, ctx)
    assert campaigns.get_rating(ctx.ui_db, rating["id"])["status"] == "plaqued"


def test_the_review_queue_shows_the_village_and_the_fact_and_downgrades(page, ctx, qtbot):
    from app import register
    from tests.conftest import ensure_admin

    village = _village_at(ctx, "plaqued")
    subject = ctx.ui_db.execute(
        "SELECT r.subject_id FROM rating r JOIN place p ON p.id = r.village_id WHERE p.name = ? "
        "AND r.status = 'plaqued' AND r.grade = 'AAA' LIMIT 1", [village]).fetchone()[0]
    form = register.household_form(register.get_household(ctx.ui_db, subject))
    register.update_household(ctx.ui_db, ensure_admin(ctx.ui_db), subject,
                              {**form, "loan_balance": "30000", "overdue": "5000"})
    page.tabs.setCurrentWidget(page.review)
    tab = page.review
    rows = [tab.flags_model.data(tab.flags_model.index(r, c)) for r in
            range(tab.flags_model.rowCount()) for c in range(tab.flags_model.columnCount())]
    assert village in rows and "逾期贷款" in rows and "letters" not in rows
    flag = next(f for f in tab.flags_model.rows if f["subject_id"] == subject)
    tab.resolve(flag["id"], "downgrade", "贷款逾期", "A")
    wait_idle(qtbot, ctx)
    assert ctx.ui_db.execute("SELECT grade FROM rating WHERE subject_id = ? AND status = "
                             "'plaqued'", [subject]).fetchone()[0] == "A"
    assert all(f["id"] != flag["id"] for f in tab.flags_model.rows)


def test_organizations_are_scored_in_their_village_and_classed_in_the_results(page, ctx, qtbot):
    db = ctx.ui_db
    village = db.execute(
        "SELECT p.name FROM rating r JOIN place p ON p.id = r.village_id WHERE r.campaign_id = ? "
        "AND r.subject_kind = 'organization' AND r.status = 'collected' LIMIT 1",
        [page.campaign["id"]]).fetchone()[0]
    page.select_village(village)
    number = next(i for i, r in enumerate(page.model.rows) if r["subject_kind"] == "organization")
    page.table.selectRow(number)
    org = page.model.rows[number]
    assert page.panel is page.panels["organization"]
    assert "联农带农" in page.panel.detail.text()  # the organization scheme's dimensions
    # Its credit code names no person, so it is shown whole, unlike a head's ID number.
    assert org["head_id_number"] in page.panel.title.text()
    for row in page.panel.rows:
        row.choose(0)
    page.save_current()
    wait_idle(qtbot, ctx)
    stored = campaigns.get_rating(db, org["id"])
    assert stored["complete"] == 1 and stored["grade"] == "AAA"
    page.table.selectRow(0)
    assert page.panel is page.panels["household"]
    page.tabs.setCurrentIndex(1)
    results = page.results
    assert results.org_model.rowCount() > 0
    assert "监管类别" in results.org_title.text() or "Supervision" in results.org_title.text()
    classes = {results.org_model.rows[i]["supervision_class"]
               for i in range(results.org_model.rowCount())}
    assert {"A", "D"} <= classes
    assert "联合惩戒" in results.measures.text()

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
    page.step_buttons["first_review"].click()
    wait_idle(qtbot, ctx)
    statuses = [r["status"] for r in page.model.rows]
    assert statuses.count("first_reviewed") == ready
    assert "初评" in page.status.text()
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

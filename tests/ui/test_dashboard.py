"""The home dashboard: the first screen, figures that agree with ``credit-desk
stats``, charts drawn, the lists behind the figures, and a screenshot."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.stats import figures as stats
from ui.dashboard import DashboardPage, ListDialog


def _settled(window, qtbot) -> DashboardPage:
    page = window.page("home")
    qtbot.waitUntil(lambda: page.figures is not None and not page.refreshing, timeout=30000)
    window.ctx.ops.wait_idle(30)
    QApplication.processEvents()
    return page


def test_the_dashboard_is_the_first_screen_and_agrees_with_stats(window, qtbot, ctx):
    assert window.stack.currentWidget() is window.page("home")
    page = _settled(window, qtbot)
    expected = stats.township_figures(ctx.ui_db, ctx.operator_id, stats.this_month())
    t = expected["township"]
    assert page.tiles["households"].value.text() == f"{t['households']:,}"
    assert page.tiles["credit"].value.text() == f"{t['credit_share'] * 100:.2f}%"
    assert page.tiles["villages"].value.text() == f"{t['credit_villages']}/{t['villages']}"
    assert page.village_model.rowCount() == len(expected["villages"])
    assert [page.village_model.row(i)["village_code"] for i in range(page.village_model.rowCount())] \
        == [v["village_code"] for v in expected["villages"]]
    assert page.bars.villages and page.trend.months and page.mix.parts
    # The figures were kept: a second look paints at once from them, current.
    cached, current = stats.cached(ctx.ui_db, ctx.operator_id)
    assert current and cached["township"] == page.figures["township"]


def test_a_change_makes_the_kept_figures_stale_and_the_page_recomputes(window, qtbot, ctx):
    page = _settled(window, qtbot)
    before = page.figures["letters"]["signed"]
    from app.journal import changes
    letter = ctx.ui_db.execute("SELECT id FROM commitment_letter WHERE status = 'printed' "
                               "LIMIT 1").fetchone()[0]
    with changes(ctx.ui_db, ctx.operator_id) as cs:
        cs.update("commitment_letter", letter, {"status": "signed",
                                                "signed_at": "2026-12-01T08:00:00Z"})
    assert stats.cached(ctx.ui_db, ctx.operator_id)[1] is False
    window.show_area("settings")
    window.show_area("home")
    qtbot.waitUntil(lambda: page.figures["letters"]["signed"] == before + 1, timeout=30000)


def test_rate_tiles_open_the_list_behind_them(window, qtbot):
    page = _settled(window, qtbot)
    page.tiles["upload"].clicked.emit()
    dialog = page._dialog
    assert isinstance(dialog, ListDialog)
    assert dialog.model.rowCount() == (page.figures["rates"]["decisions"]
                                       - page.figures["rates"]["uploaded"])
    dialog.close()
    page.open_village(0)
    village = page.figures["villages"][0]
    assert page._dialog.windowTitle() == village["village_name"]
    values = [page._dialog.model.row(i) for i in range(page._dialog.model.rowCount())]
    assert ("在册农户", village["households"]) in values
    page._dialog.close()
    page.tiles["sync"].clicked.emit()
    assert window.stack.currentWidget() is window.page("sync")


def test_dashboard_screenshot(window, qtbot, tmp_path):
    window.resize(1400, 900)
    page = _settled(window, qtbot)
    shot = tmp_path / "dashboard.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 20000
    assert "一览" in page.heading.text()
    assert page.state.text().startswith("数据时间")

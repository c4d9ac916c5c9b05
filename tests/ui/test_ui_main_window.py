"""The main window: areas in the navigation, placeholders, status bar, place filter."""

from __future__ import annotations

import importlib.util

from app import settings
from ui.areas import EXTERNAL, Placeholder


def test_navigation_lists_every_area_in_chinese(window):
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == ["登记册", "信用评定", "承诺书", "信用信息与报告", "导入导出", "同步", "设置"]
    assert window.windowTitle() == "乡镇信用工作台"


def test_areas_not_built_yet_say_so_and_built_ones_show_their_page(window):
    for key in EXTERNAL:
        page = window.show_area(key)
        if importlib.util.find_spec(f"ui.{key}.page") is None:
            assert isinstance(page, Placeholder)
            assert "尚未" in page.message
        else:
            assert not isinstance(page, Placeholder) or "无法打开" not in page.message
        assert window.stack.currentWidget() is page


def test_status_bar_shows_operator_database_and_last_sync(window, ctx):
    assert window.operator_label.text() == "操作员：默认操作员"
    assert str(ctx.data.register) in window.database_label.text()
    assert "从未同步" in window.sync_label.text()
    settings.put(ctx.reader, "sync.last_sync_at", "2026-11-30T08:15:00.000000Z")
    window.show_area("settings")
    assert "2026-11-30 08:15" in window.sync_label.text()


def test_place_tree_filters_both_lists(window, qtbot):
    page = window.show_area("register")
    everyone = page.households.model.rowCount()
    tree = page.places
    township = tree.topLevelItem(0).child(0)
    village = township.child(0)
    tree.setCurrentItem(village)
    model = page.households.model
    assert 0 < model.rowCount() < everyone
    names = {model.row_at(r)["village_name"] for r in range(model.rowCount())}
    assert names == {village.text(0)}
    group = village.child(0)
    tree.setCurrentItem(group)
    assert model.rowCount() <= len(names and range(everyone))
    assert {model.row_at(r)["group_name"] for r in range(model.rowCount())} <= {group.text(0)}
    organizations = page.organizations.model
    assert all(organizations.row_at(r)["village_name"] == village.text(0)
               for r in range(organizations.rowCount()))
    tree.setCurrentItem(tree.topLevelItem(0))
    assert model.rowCount() == everyone


def test_automatic_sync_is_started_from_the_main_window_when_the_sync_area_has_it(window):
    started = window.start_auto_sync()
    assert started == (importlib.util.find_spec("ui.sync.auto") is not None)
    if started:
        from ui.sync.auto import auto_sync_for

        auto_sync_for(window.ctx).stop()  # no timer outlives the test

"""The main window: every area in the navigation with its own page, status bar, place filter.

``ui.areas`` imports every page class by name: a page class renamed or removed
fails this module's import, so these tests fail rather than show a stand-in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from app import settings
from ui.areas import AREAS
from ui.sync.auto import AutoSync


def test_navigation_lists_every_area_in_chinese(window):
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == ["首页", "登记册", "村和村民小组", "信用评定", "承诺书", "信用信息与报告",
                     "导入导出", "同步", "设置"]
    assert window.windowTitle() == "乡镇信用工作台"


# What an official sees first on each area's page, in Chinese.
FIRST_SEEN = {
    "home": "一览",
    "register": "农户",
    "places": "村和村民小组",
    "rating": "评定",
    "letters": "打印与回收",
    "records": "信用记录",
    "excel": "导入",
    "sync": "同步",
    "settings": "登记册文件",
}


def _texts(page) -> set[str]:
    texts = {label.text() for label in page.findChildren(QLabel)}
    for tabs in page.findChildren(QTabWidget):
        texts |= {tabs.tabText(i) for i in range(tabs.count())}
    return texts


def test_every_area_opens_its_own_page(window):
    assert [area.key for area in AREAS] == list(FIRST_SEEN)
    for area in AREAS:
        page = window.show_area(area.key)
        assert type(page) is area.page
        assert window.stack.currentWidget() is page
        assert any(FIRST_SEEN[area.key] in text for text in _texts(page)), area.key


def test_status_bar_shows_operator_database_and_last_sync(window, ctx):
    assert window.operator_label.text() == "操作员：默认操作员"
    assert str(ctx.data.register) in window.database_label.text()
    assert "从未同步" in window.sync_label.text()
    settings.put(ctx.ui_db, "sync.last_sync_at", "2026-11-30T08:15:00.000000Z")
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
    in_village = model.rowCount()
    group = village.child(0)
    tree.setCurrentItem(group)
    assert 0 < model.rowCount() < in_village
    assert {model.row_at(r)["group_name"] for r in range(model.rowCount())} == {group.text(0)}
    organizations = page.organizations.model
    assert all(organizations.row_at(r)["village_name"] == village.text(0)
               for r in range(organizations.rowCount()))
    tree.setCurrentItem(tree.topLevelItem(0))
    assert model.rowCount() == everyone


def test_automatic_sync_is_started_from_the_main_window(window):
    auto = window.start_auto_sync()
    assert isinstance(auto, AutoSync) and auto.timer.isActive()
    window.close_context()
    assert not auto.timer.isActive()  # no timer outlives the window

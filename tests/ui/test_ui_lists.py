"""Household and organization lists: lazy model, search as you type, sorting, masking."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.pinyin import person_sort_key
from ui.list_model import household_model, organization_model


def test_household_model_passes_qtmodeltester(ctx, qtmodeltester):
    model = household_model(ctx.ui_db)
    model.reload()
    assert model.rowCount() == 400
    qtmodeltester.check(model, force_py=True)
    model.sort(7, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_organization_model_passes_qtmodeltester(ctx, qtmodeltester):
    model = organization_model(ctx.ui_db)
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_rows_are_read_a_block_at_a_time(ctx):
    model = household_model(ctx.ui_db)
    model.reload()
    model.data(model.index(0, 0))
    model.data(model.index(5, 3))
    assert model.fetches == 1  # one block for the first screenful
    model.data(model.index(399, 0))
    assert model.fetches == 2


def type_text(line_edit, text: str) -> None:
    """Type character by character (QTest cannot send non-ASCII key clicks)."""
    for ch in text:
        line_edit.insert(ch)


def test_search_as_you_type(window, qtbot, demo_db):
    page = window.show_area("register").households
    surname = demo_db.execute("SELECT head_name FROM household ORDER BY sid LIMIT 1"
                              ).fetchone()[0][0]
    type_text(page.search, surname)
    model = page.model
    qtbot.waitUntil(lambda: model.filter.query == surname, timeout=3000)
    assert 0 < model.rowCount() < 400
    # The head has the name, or a member does (the household is found through them).
    for r in range(model.rowCount()):
        row = model.row_at(r)
        members = {m for (m,) in demo_db.execute(
            "SELECT name FROM household_member WHERE household_id = ?", [row["id"]])}
        assert surname in row["head_name"] or any(surname in m for m in members)
    assert "找到" in page.count_label.text()
    # the last four digits of an ID number find that household
    number = demo_db.execute("SELECT head_id_number, head_name FROM household LIMIT 1 OFFSET 9"
                             ).fetchone()
    page.search.clear()
    type_text(page.search, number[0][-4:])
    qtbot.waitUntil(lambda: model.filter.query == number[0][-4:], timeout=3000)
    assert number[1] in {model.row_at(r)["head_name"] for r in range(model.rowCount())}
    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=3000)


def test_sorting_by_a_column(window, qtbot):
    page = window.show_area("register").households
    view = page.view
    model = page.model
    view.sortByColumn(10, Qt.SortOrder.DescendingOrder)  # loan balance: sorted in the background
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    balances = [model.row_at(r)["loan_balance_fen"] for r in range(model.rowCount())]
    assert balances == sorted(balances, reverse=True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [model.row_at(r)["head_name"] for r in range(model.rowCount())]
    assert names == sorted(names, key=person_sort_key)  # pinyin: 白 bai … 丁 ding … 王 wang
    assert names != sorted(names)


def test_numbers_are_masked_until_revealed(window, qtbot):
    page = window.show_area("register").households
    model = page.model
    full = model.row_at(0)["head_id_number"]
    shown = model.data(model.index(0, 2))
    assert shown == full[:3] + "*" * 11 + full[-4:]
    assert page.reveal.isVisible()  # the default operator is an administrator
    page.reveal.setChecked(True)
    assert model.data(model.index(0, 2)) == full
    qtbot.waitUntil(lambda: not window.ctx.ops.busy, timeout=5000)


def test_a_long_list_shows_its_first_rows_at_once_and_the_rest_after(window, qtbot, monkeypatch):
    import ui.list_model

    monkeypatch.setattr(ui.list_model, "FIRST_ROWS", 50)
    page = window.show_area("register").households
    page.reload()
    assert page.model.rowCount() == 50 and page.model.loading
    assert "正在加载" in page.count_label.text()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=5000)
    assert page.model.rowCount() == 400
    assert page.count_label.text() == "共 400 户"

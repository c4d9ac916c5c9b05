"""The register page lists households by pinyin: every 陈 (chen) before any 丁 (ding)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.subject_lists import household_columns, organization_columns
from ui.list_model import household_model, organization_model


def _column(columns, key):
    return next(i for i, c in enumerate(columns) if c.key == key)


def test_register_page_lists_by_pinyin(ctx):
    model = household_model(ctx.ui_db)
    model.reload()
    name = _column(household_columns(), "head_name")
    names = [model.data(model.index(r, name)) for r in range(model.rowCount())]
    surnames = [n[0] for n in names]
    assert "陈" in surnames and "丁" in surnames
    last_chen = max(i for i, s in enumerate(surnames) if s == "陈")
    first_ding = surnames.index("丁")
    assert last_chen < first_ding  # by code point 丁 (U+4E01) would come first
    model.sort(name, Qt.SortOrder.DescendingOrder)
    names = [model.data(model.index(r, name)) for r in range(model.rowCount())]
    surnames = [n[0] for n in names]
    assert max(i for i, s in enumerate(surnames) if s == "丁") < surnames.index("陈")


def test_organizations_list_by_pinyin(ctx):
    model = organization_model(ctx.ui_db)
    model.reload()
    from app.pinyin import text_sort_key

    names = [model.data(model.index(r, _column(organization_columns(), "name"))) for r in range(model.rowCount())]
    assert names == sorted(names, key=text_sort_key)

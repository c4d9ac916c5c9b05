"""The import wizard and exports on the Excel page, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from excel_books import id_number, write_xlsx
from ui.excel.page import ExcelPage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(qtbot, ctx):
    widget = ExcelPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 860)
    return widget


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: page._job is None, timeout=30000)


def test_import_wizard_preview_choose_and_import(page, qtbot, demo_data, tmp_path):
    reader = page.ctx.ui_db
    existing = reader.execute("SELECT head_name, head_id_number, v.name FROM household h "
                              "JOIN place v ON v.id = h.village_id LIMIT 1").fetchone()
    village = existing[2]
    path = write_xlsx(tmp_path / "名单.xlsx", {"花名册": [
        ["2026年农户花名册"],
        ["户主姓名", "身份证号", "所属村", "手机号", "主营产业"],
        ["欧阳新户", id_number(birth="19880808", seq=901), village, "13700001111", "茶叶种植"],
        [existing[0], existing[1], village, "13700002222", "新产业"],
        ["坏号码", "51062319880808901", village, None, None],
    ]}, merged={"花名册": ["A1:E1"]})
    page.open_file(path)
    _idle(qtbot, page)
    assert page.mapping_model.rowCount() == 5
    assert page.mapping_model.data(page.mapping_model.index(1, 3)) == "身份证号码"
    assert "第 2 行" in page.sheet_note.text()
    page.start_preview()
    _idle(qtbot, page)
    assert "新建：1" in page.summary.text()
    assert page.reject_model.rowCount() == 1
    assert page.dup_model.rowCount() == 1
    assert "选择处理方式" in page.message.text()
    assert "主营产业" in page.dup_model.data(page.dup_model.index(0, 4))
    page.dup_model.setData(page.dup_model.index(0, 5), "update")
    assert page.dup_model.data(page.dup_model.index(0, 5)) == "更新字段"
    page.tabs.widget(0).grab().save(str(tmp_path / "excel-page.png"))
    page.start_import()
    _idle(qtbot, page)
    assert "新建 1" in page.message.text()
    assert page.report_button.isEnabled()
    assert reader.execute("SELECT main_industry FROM household WHERE head_id_number = ?",
                          [existing[1]]).fetchone()[0] == "新产业"


def test_export_and_template_from_the_page(page, qtbot, tmp_path):
    page.export_to("households", tmp_path / "农户.xlsx")
    _idle(qtbot, page)
    assert "已导出" in page.export_message.text()
    book = openpyxl.load_workbook(tmp_path / "农户.xlsx", read_only=True)
    assert next(book.active.iter_rows(max_row=1, values_only=True))[2] == "户主姓名"
    book.close()
    page.template_to("organizations", tmp_path / "模板.xlsx")
    _idle(qtbot, page)
    sheet = openpyxl.load_workbook(tmp_path / "模板.xlsx").worksheets[0]
    assert sheet["B1"].value == "类型"
    assert any("B2" in str(v.sqref) for v in sheet.data_validations.dataValidation)


def test_the_wizard_imports_a_roster_written_by_a_second_process(page, qtbot, demo_data,
                                                                  tmp_path, monkeypatch):
    """Opened on the background lane, imported on the write lane: the writing
    process (app/excel/import_store.py) started with the file serves the import."""
    import multiprocessing

    from app.excel import import_store

    monkeypatch.setattr(import_store, "APART_FROM", 0)   # every roster written apart
    stores = []
    real = import_store.open_store
    monkeypatch.setattr(import_store, "open_store",
                        lambda *args: stores.append(real(*args)) or stores[-1])
    village = page.ctx.ui_db.execute("SELECT name FROM place WHERE level = 'village' "
                                     "LIMIT 1").fetchone()[0]
    rows = [["户主姓名", "身份证号", "所属村", "手机号"]]
    rows += [[f"欧阳{chr(0x4e00 + i)}", id_number(birth="19880808", seq=700 + i), village,
              f"1370000{i:04d}"] for i in range(40)]
    page.open_file(write_xlsx(tmp_path / "名单.xlsx", {"花名册": rows}))
    _idle(qtbot, page)
    assert page.plan.writer is not None
    page.start_import()
    _idle(qtbot, page)
    assert "新建 40" in page.message.text()
    assert [type(s).__name__ for s in stores] == ["StoreApart"]
    assert page.ctx.ui_db.execute("SELECT count(*) FROM household WHERE head_name LIKE '欧阳%'"
                                  ).fetchone()[0] == 40
    for process in multiprocessing.active_children():   # it ends by itself after its commit
        process.join(10)
    assert not multiprocessing.active_children()

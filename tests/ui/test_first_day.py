"""A new township's first day in the desktop app, from an empty data folder, no demo:
the township, two villages (one typed, one imported), a roster whose village is in its
title and whose groups are its sheet names, a member found by pinyin, a letter printed."""

from __future__ import annotations

import openpyxl
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from app.paths import DataDir
from stdnum.cn import ric


def _id(birth: str, seq: int) -> str:
    body = f"510623{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def _place_list(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["村名", "统计用区划代码", "村民小组"])
    sheet.append(["新华村", "510623105215", "一组、二组、三组"])
    book.save(path)
    return path


def _roster(path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet_name, people in (("一组", [("赵大山", "户主", _id("19600101", 11)),
                                        ("王长林", "子女", _id("19900202", 13))]),
                               ("第二村民小组", [("钱小河", "户主", _id("19650303", 15))])):
        sheet = book.create_sheet(sheet_name)
        sheet.append(["青山镇新华村农户信用信息采集表"])
        sheet.append(["姓名", "与户主关系", "身份证号码", "家庭人数"])
        for name, relation, number in people:
            sheet.append([name, relation, number, 2])
    book.save(path)
    return path


def test_first_day_from_an_empty_folder(qtbot, ui_app, tmp_path):
    from ui.app import open_context
    from ui.main_window import MainWindow
    from ui.places_page import VillageDialog
    from ui.welcome import WelcomeWindow

    data = DataDir(tmp_path / "new-township")
    welcome = WelcomeWindow(data)
    qtbot.addWidget(welcome)
    welcome.code.setText("510623105")
    welcome.name.setText("青山镇")
    welcome.admin.setText("zhangsan")  # the first administrator's password opens it
    welcome.password.setText("qingshan-2026")
    welcome.password_again.setText("qingshan-2026")
    welcome.create_button.click()
    with qtbot.waitSignal(welcome.register_ready, timeout=20000):
        welcome.recovery_dialog.kept.setChecked(True)  # the recovery key was kept
        welcome.recovery_dialog.ok.click()
    assert data.exists()

    ctx = open_context(data)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        window.show()
        # The first day goes on where the register is still empty: its places.
        page = window.stack.currentWidget()
        assert page.objectName() == "places-page"
        assert "第 2 步" in page.banner.text()

        # One village typed, with its groups ...
        dialog = VillageDialog(ctx, page)
        dialog.name.setText("青龙村")
        dialog.code.setText("510623105216")
        dialog.groups.setText("一组,二组")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
        # ... a bad code says why, in Chinese.
        bad = VillageDialog(ctx, page)
        bad.name.setText("白云村")
        bad.code.setText("51062310521")
        bad.save()
        qtbot.waitUntil(lambda: bad.errors.text() != "", timeout=20000)
        assert "12 位" in bad.errors.text()
        # ... and one imported from the county's list.
        page.import_list(str(_place_list(tmp_path / "区划.xlsx")))
        qtbot.waitUntil(lambda: not ctx.ops.busy and page.tree.topLevelItemCount() == 2,
                        timeout=20000)
        assert "第 3 步" in page.banner.text() and page.next_button.isVisible()

        # The first roster: no village column; village from the title, groups from sheets.
        page.next_button.click()
        excel = window.stack.currentWidget()
        assert excel.objectName() != "places-page"
        excel.open_file(_roster(tmp_path / "采集表.xlsx"))
        qtbot.waitUntil(lambda: excel._job is None and excel.plan is not None, timeout=30000)
        assert "新华村（取自标题行）" in excel.sheet_note.text()
        assert "一组（取自工作表名）" in excel.sheet_note.text()
        excel.start_preview()
        qtbot.waitUntil(lambda: excel._job is None and excel.outcome is not None, timeout=30000)
        assert "新建：2" in excel.summary.text()
        assert "可以导入" in excel.message.text()   # nothing to choose: it says so
        excel.start_import()
        qtbot.waitUntil(lambda: excel._job is None and excel.result is not None, timeout=30000)
        placed = dict(ctx.ui_db.execute(
            "SELECT h.head_name, v.name || g.name FROM household h "
            "JOIN place v ON v.id = h.village_id JOIN place g ON g.id = h.group_id"))
        assert placed == {"赵大山": "新华村一组", "钱小河": "新华村二组"}

        # A household member found by pinyin, in the register's list.
        register = window.show_area("register")
        assert not register.empty.isVisible()
        households = register.households
        households.search.setText("wangchanglin")
        households.apply_search()
        households.model.wait_loaded()
        qtbot.waitUntil(lambda: households.model.rowCount() == 1, timeout=20000)
        household_id = households.model.subject_id_at(0)
        assert households.model.row_at(0)["head_name"] == "赵大山"

        # That household's letter, printed.
        letters = window.show_area("letters")
        out = tmp_path / "letter.pdf"
        letters.collect.print_batch(str(out), subject_ids=[household_id])
        qtbot.waitUntil(lambda: not ctx.ops.busy and out.exists(), timeout=60000)
        text = "".join(p.extract_text() for p in PdfReader(out).pages)
        assert "赵大山" in text
    finally:
        window.close_context()

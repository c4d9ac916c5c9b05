"""Detail and edit forms: validation as you type, save, cancel, delete, masking by role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from stdnum.cn import ric

from app.users import create_user
from ui.subject_dialog import HouseholdDialog, OrganizationDialog


def make_id(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


def first_household(db) -> dict:
    return dict(zip(("id", "head_name", "head_id_number", "phone"), db.execute(
        "SELECT id, head_name, head_id_number, phone FROM household ORDER BY head_name LIMIT 1"
    ).fetchone()))


def journal_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def retype(qtbot, editor, text: str) -> None:
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def test_validation_error_as_you_type_then_fix_and_save(ctx, qtbot, wait_idle):
    household = first_household(ctx.ui_db)
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_editing()
    phone = dialog.editors["phone"]
    retype(qtbot, phone, "1234")
    error = dialog.errors["phone"]
    qtbot.waitUntil(lambda: error.text() != "", timeout=3000)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.text())  # the reason, in Chinese
    before = journal_count(ctx.ui_db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "标红" in dialog.form_message.text()  # refused; nothing written
    assert journal_count(ctx.ui_db) == before
    retype(qtbot, phone, "13912345678")
    qtbot.waitUntil(lambda: error.text() == "", timeout=3000)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = ctx.ui_db.execute("SELECT phone, version FROM household WHERE id = ?",
                             [household["id"]]).fetchone()
    assert row == ("13912345678", 2)
    action = ctx.ui_db.execute(
        "SELECT action FROM journal WHERE entity = 'household' AND entity_id = ? "
        "ORDER BY seq DESC LIMIT 1", [household["id"]]).fetchone()[0]
    assert action == "update"
    wait_idle()


def _answer(dialog, button) -> None:
    box = dialog.discard_box
    assert box.isVisible() and "未保存" in box.text()
    box.button(button).click()


def test_cancel_leaves_the_database_untouched(ctx, qtbot, wait_idle):
    households = ctx.ui_db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    wait_idle()
    journal = journal_count(ctx.ui_db)
    dialog = HouseholdDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["head_name"].setText("陈试")
    qtbot.keyClicks(dialog.editors["head_id_number"], make_id("51062319800101123"))
    qtbot.keyClicks(dialog.editors["phone"], "13900001111")
    assert dialog.check(all_fields=True)  # a valid household, typed in full ...
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _answer(dialog, QMessageBox.StandardButton.Discard)  # typed: asked before dropping them
    assert dialog.result() == QDialog.DialogCode.Rejected
    wait_idle()
    assert ctx.ui_db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == households
    assert journal_count(ctx.ui_db) == journal  # ... and nothing of it was written


def test_closing_a_form_with_typed_changes_asks_and_can_stay(ctx, qtbot):
    household = first_household(ctx.ui_db)
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()                      # nothing typed: closes without a question
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_editing()
    retype(qtbot, dialog.editors["phone"], "13912345678")
    dialog.reject()                      # the window's X or Esc
    _answer(dialog, QMessageBox.StandardButton.Cancel)
    assert dialog.isVisible() and dialog.editors["phone"].text() == "13912345678"
    dialog.reject()
    _answer(dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()
    assert ctx.ui_db.execute("SELECT phone FROM household WHERE id = ?",
                             [household["id"]]).fetchone()[0] == household["phone"]


def test_new_household_with_a_member_is_saved_whole(ctx, qtbot):
    dialog = HouseholdDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["head_name"].setText("陈新户")
    head = make_id("51062319800101123")
    qtbot.keyClicks(dialog.editors["head_id_number"], head)
    dialog.add_member({"name": "李秀", "relation": "spouse",
                       "id_number": make_id("51062319820202124")})
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    row = ctx.ui_db.execute("SELECT id, head_sex, head_birth_date FROM household "
                             "WHERE head_id_number = ?", [head]).fetchone()
    assert row[1:] == ("M", "1980-01-01")
    members = ctx.ui_db.execute("SELECT name, sex FROM household_member WHERE household_id = ?",
                                 [row[0]]).fetchall()
    assert members == [("李秀", "F")]


def test_typing_an_id_number_shows_birth_date_sex_and_who_has_it(ctx, qtbot):
    household = first_household(ctx.ui_db)
    dialog = HouseholdDialog(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editors["head_id_number"], household["head_id_number"])
    number = household["head_id_number"]
    info = dialog.id_info.text()
    assert f"{number[6:10]}-{number[10:12]}-{number[12:14]}" in info
    assert ("男" if int(number[16]) % 2 else "女") in info
    assert "已登记" in info and household["head_name"] in info
    fresh = make_id("51062319900315002")
    retype(qtbot, dialog.editors["head_id_number"], fresh)
    assert "1990-03-15" in dialog.id_info.text() and "女" in dialog.id_info.text()
    assert "已登记" not in dialog.id_info.text()
    assert dialog.editors["head_birth_date"].text() == "1990-03-15"  # filled from the number
    assert dialog.editors["head_sex"].currentData() == "F"


def test_detail_masks_numbers_until_shown_and_logs_the_reveal(ctx, qtbot, wait_idle):
    household = first_household(ctx.ui_db)
    count = "SELECT COUNT(*) FROM query_log WHERE subject_id = ?"
    before = ctx.ui_db.execute(count, [household["id"]]).fetchone()[0]  # the demo's own uses
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    number = household["head_id_number"]
    assert number not in dialog.summary.text()
    assert number[:3] + "*" * 11 + number[-4:] in dialog.summary.text()
    dialog.reveal_button.setChecked(True)
    assert number in dialog.summary.text()
    wait_idle()
    logged = ctx.ui_db.execute(count, [household["id"]]).fetchone()[0] - before
    assert logged == 2  # opening the detail, then showing the numbers


def test_a_viewer_can_neither_reveal_nor_edit(ctx, qtbot):
    ctx.operator_id = create_user(ctx.ui_db, "viewer1", "查看员", role="viewer")
    household = first_household(ctx.ui_db)
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.reveal_button.isVisible()
    assert not dialog.edit_button.isVisible() and not dialog.delete_button.isVisible()
    dialog.set_revealed(True)
    assert household["head_id_number"] not in dialog.summary.text()


def test_delete_asks_first_and_is_journaled(ctx, qtbot, monkeypatch, wait_idle):
    household = first_household(ctx.ui_db)
    dialog = HouseholdDialog(ctx, household["id"])
    qtbot.addWidget(dialog)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or next(answers))
    dialog.delete()
    wait_idle()
    assert household["head_name"] in asked[0]
    assert ctx.ui_db.execute("SELECT 1 FROM household WHERE id = ?", [household["id"]]
                              ).fetchone()
    with qtbot.waitSignal(dialog.deleted, timeout=10000):
        dialog.delete()
    assert not ctx.ui_db.execute("SELECT 1 FROM household WHERE id = ?", [household["id"]]
                                  ).fetchone()
    assert ctx.ui_db.execute(
        "SELECT action FROM journal WHERE entity = 'household' AND entity_id = ? "
        "ORDER BY seq DESC LIMIT 1", [household["id"]]).fetchone()[0] == "delete"


def test_organization_code_checked_as_typed(ctx, qtbot):
    org = ctx.ui_db.execute("SELECT id, uscc FROM organization LIMIT 1").fetchone()
    dialog = OrganizationDialog(ctx, org[0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_editing()
    retype(qtbot, dialog.editors["uscc"], "93510623MA6X0000O0")
    qtbot.waitUntil(lambda: "O" in dialog.errors["uscc"].text(), timeout=3000)
    retype(qtbot, dialog.editors["uscc"], org[1])
    qtbot.waitUntil(lambda: dialog.errors["uscc"].text() == "", timeout=3000)

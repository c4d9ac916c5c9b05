"""The letters screen: print with progress, collection actions, templates, direct print."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

pytest.importorskip("PySide6")

from app.letters.letter import get_letter  # noqa: E402
from app.letters.queries import subject_letters  # noqa: E402


@pytest.fixture
def letters_ctx(ctx):
    return ctx


@pytest.fixture
def page(letters_ctx, qtbot):
    from ui.letters.page import LettersPage

    widget = LettersPage(letters_ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.collect.template.count() == 6, timeout=10000)
    yield widget
    widget.close_page()


def _idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=20000)


def test_print_a_village_in_the_background_then_collect(page, letters_ctx, qtbot, tmp_path):
    out = tmp_path / "village.pdf"
    households = letters_ctx.ui_db.execute(
        "SELECT COUNT(*) FROM household WHERE village_id = ?",
        [page.collect.village.currentData()]).fetchone()[0]
    with qtbot.waitSignal(letters_ctx.ops.busy_changed, timeout=20000):
        page.collect.print_batch(str(out))
    _idle(qtbot, letters_ctx)
    assert len(PdfReader(out).pages) == 2 * households  # a letter at 3号 takes two pages
    assert page.collect.last_result.pages == 2 * households
    # Letters still out in the village; pick one and record it signed.
    page.collect.only_outstanding.setChecked(True)
    assert page.collect.model.rowCount() > 0
    assert all(r["status"] == "printed" for r in page.collect.model.rows)
    letter_id = page.collect.model.rows[0]["id"]
    page.collect.select_letter(letter_id)
    assert page.collect.sign_button.isEnabled() and not page.collect.kept_button.isEnabled()
    page.collect.mark_signed(letter_id, "李驻村", "村委会", "2026-03-15T10:30")
    _idle(qtbot, letters_ctx)
    assert get_letter(letters_ctx.ui_db, letter_id)["status"] == "signed"
    assert letter_id not in {r["id"] for r in page.collect.model.rows}  # no longer outstanding
    page.collect.only_outstanding.setChecked(False)
    assert page.collect.select_letter(letter_id)
    assert "李驻村" in page.collect.detail.text() and page.collect.kept_button.isEnabled()

    # Signature on screen, a scan, then the promise broken.
    from ui.letters.widgets import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.add_stroke([(20, 100), (80, 40), (140, 110), (220, 50), (300, 90)])
    page.collect.save_signature(letter_id, pad.png())
    page.collect.attach(letter_id, str(out))
    _idle(qtbot, letters_ctx)
    page.collect.select_letter(letter_id)
    assert page.collect.files.count() == 2
    assert not page.collect.signature_view.pixmap().isNull()
    page.collect.record_fulfilment("broken", "贷款逾期", letter_id)
    _idle(qtbot, letters_ctx)
    letter = get_letter(letters_ctx.ui_db, letter_id)
    assert letter["fulfilment"] == "broken" and letter["credit_record_id"]
    assert not page.collect.void_button.isEnabled()


def test_void_from_the_screen_keeps_the_letter(page, letters_ctx, qtbot):
    row = next(r for r in page.collect.model.rows if r["status"] in ("printed", "drafted"))
    page.collect.void(row["id"], "重复打印")
    _idle(qtbot, letters_ctx)
    letter = get_letter(letters_ctx.ui_db, row["id"])
    assert letter["status"] == "void" and letter["void_reason"] == "重复打印"
    assert row["id"] in {r["id"] for r in page.collect.model.rows}


def test_cancel_stops_a_print_and_leaves_nothing(page, letters_ctx, qtbot, tmp_path):
    out = tmp_path / "cancelled.pdf"
    subject = letters_ctx.ui_db.execute(
        "SELECT id FROM household WHERE id NOT IN (SELECT subject_id FROM commitment_letter) "
        "LIMIT 1").fetchone()
    page.collect.print_batch(str(out))
    page.collect.cancel()
    _idle(qtbot, letters_ctx)
    assert not out.exists() and page.collect.last_result is None if hasattr(page, "last_result") \
        else not out.exists()
    if subject:
        assert subject_letters(letters_ctx.ui_db, subject[0]) == []


def test_template_edit_with_live_preview_and_unknown_placeholder(page, letters_ctx, qtbot):
    assert page.templates.preview.pixmap().isNull()  # not laid out until the tab is shown
    page.tabs.setCurrentIndex(2)
    assert page.templates.t_title.text() == "农户信用承诺书"
    # rendered on the background lane, the window free meanwhile
    qtbot.waitUntil(lambda: not page.templates.preview.pixmap().isNull(), timeout=20000)
    page.templates.t_body.setPlainText(page.templates.t_body.toPlainText() + "\n五、{不存在}")
    page.templates.update_preview()
    assert "{不存在}" in page.templates.t_status.text() and not page.templates.t_save.isEnabled()
    page.templates.t_body.setPlainText(page.templates.t_body.toPlainText().replace("{不存在}", "按时参加村民会议。"))
    page.templates.update_preview()
    assert page.templates.t_save.isEnabled()
    page.templates.save_template()
    _idle(qtbot, letters_ctx)
    qtbot.waitUntil(lambda: "第 2 版" in page.templates.t_status.text() or "version 2" in
                    page.templates.t_status.text() or page.templates._editing["template_version"] == 2, timeout=5000)
    assert page.templates._editing["template_version"] == 2


def test_direct_printing_sends_every_page_to_the_printer(page, letters_ctx, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    ids = [r["id"] for r in page.collect.model.rows if r["status"] != "void"][:3]
    sent = []
    page.collect.print_directly(printer, ask=False, letter_ids=ids, on_done=sent.append)
    _idle(qtbot, letters_ctx)
    qtbot.waitUntil(lambda: sent == [6], timeout=10000)  # two pages a letter
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 6


def test_scanning_a_qr_code_selects_the_letter(page, letters_ctx):
    row = page.collect.model.rows[-1]
    page.collect.scan.setText(row["id"])
    page.collect.scan.returnPressed.emit()
    assert page.collect.selected_letter_ids() == [row["id"]]


def test_screenshot(page, letters_ctx, qtbot, tmp_path):
    page.collect.only_outstanding.setChecked(False)
    page.collect.select_letter(page.collect.model.rows[2]["id"])
    path = tmp_path / "letters.png"
    assert page.grab().save(str(path))

"""The records page: list status as you type, dialogs that save or explain,
deadline warnings, reports printed in the background, a read-only query log."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from app import query_log
from app.records import lists
from app.records.records import create_record

from records_helpers import penalty
from tests.conftest import ensure_admin


@pytest.fixture
def page(ctx, qtbot):
    from ui.records.page import RecordsPage

    widget = RecordsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    yield widget
    widget.close_page()
    widget.close()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=15000)


def test_typing_an_id_shows_list_status_at_once(page, ctx, demo_db, op, household, qtbot):
    lists.add_entry(demo_db, op, {"list_kind": "black_list", "id_number": household["number"],
                                  "basis": "严重失信", "deciding_body": "县发展改革委"})
    page.lookup.number.setText(household["number"])
    assert "黑名单" in page.lookup.status.text() and "措施" in page.lookup.status.text()


def test_viewing_credit_detail_is_logged_with_purpose(page, ctx, demo_db, household, qtbot):
    page.lookup.number.setText(household["number"])
    page.lookup.purpose.setCurrentText("贷款审批")
    page.lookup.view_button.click()
    idle(qtbot, ctx)
    logged = query_log.search_log(demo_db, subject_id=household["id"], action="view")
    assert logged and logged[0]["purpose"] == "贷款审批"
    assert household["name"] in page.records_tab.subject_label.text()


def test_new_record_dialog_refuses_then_saves(page, ctx, demo_db, household, qtbot):
    dialog = page.records_tab.new_record()
    dialog.subject.setText(household["number"])
    dialog.category.setCurrentIndex(dialog.category.findData("administrative_penalty"))
    dialog.title.setText("违规焚烧秸秆")
    dialog.buttons.accepted.emit()
    idle(qtbot, ctx)
    assert dialog.isVisible() and "决定文书号" in dialog.error.text()
    data = penalty(household)
    dialog.severity.setCurrentIndex(dialog.severity.findData("general"))
    dialog.document.setText(data["document_number"])
    for key, value in data["details"].items():
        dialog.detail_edits[key].setText(str(value))
    dialog.buttons.accepted.emit()
    idle(qtbot, ctx)
    assert not dialog.isVisible(), dialog.error.text()
    titles = [r["title"] for r in page.records_tab.model.rows]
    assert "违规焚烧秸秆" in titles


def test_objection_warning_and_answer(page, ctx, demo_db, op, household, qtbot):
    import datetime as dt

    from app.records import objections

    record = create_record(demo_db, op, penalty(household))
    # Recorded by another official: who records an objection may not answer it.
    objections.file(demo_db, ensure_admin(demo_db), record["id"], filed_by="户主",
                    grounds="不是本人",
                    filed_on=dt.date.today() - dt.timedelta(days=22))
    page.refresh()
    assert page.alerts.isVisible() and "超期" in page.alerts.text() + \
        objections.warning_text(objections.alerts(demo_db)[0])
    tab = page.objections_tab
    row = next(i for i, r in enumerate(tab.model.rows) if r["record_id"] == record["id"])
    tab.view.selectRow(row)
    dialog = tab.answer()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("revoked"))
    dialog.reason.setPlainText("核实为同名他人")
    dialog.buttons.accepted.emit()
    idle(qtbot, ctx)
    assert not dialog.isVisible(), dialog.error.text()
    assert demo_db.execute("SELECT status FROM credit_record WHERE id = ?",
                           [record["id"]]).fetchone()[0] == "revoked"


def test_print_report_in_background_and_log_shows_it(page, ctx, demo_db, household, qtbot,
                                                    tmp_path):
    tab = page.reports_tab
    tab.subject.setText(household["number"])
    tab.purpose.setCurrentText("贷款审批")
    tab.output.setText(str(tmp_path / "r.pdf"))
    tab.print_button.click()
    idle(qtbot, ctx)
    assert (tmp_path / "r.pdf").exists(), tab.message.text()
    assert "XYBG-" in tab.message.text()
    assert tab.model.rows and tab.model.rows[0]["subject_name"] == household["name"]
    page.log_tab.text.setText(household["name"])
    page.log_tab.reload()
    assert any(r["action"] == "report" for r in page.log_tab.model.rows)


def test_two_reports_the_same_day_keep_two_files_and_print_from_the_screen(
        page, ctx, demo_db, household, qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    tab = page.reports_tab
    tab.subject.setText(household["number"])
    tab.purpose.setCurrentText("贷款审批")
    tab.output.setText("")  # the reports folder, each file named by its number
    for _ in range(2):
        tab.print_button.click()
        idle(qtbot, ctx)
    numbers = [r["number"] for r in tab.model.rows[:2]]
    files = sorted(p.name for p in (ctx.data.root / "reports").glob("*.pdf"))
    assert len(set(numbers)) == 2 and files == sorted(f"{n}.pdf" for n in numbers)
    # Print the selected report (to a PDF printer here).
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = tab.print_selected(printer)
    assert pages == len(PdfReader(ctx.data.root / "reports" / f"{numbers[0]}.pdf").pages) > 1
    # The QR line typed (or scanned) into the verify field answers with the facts.
    tab.code.setText(tab.model.rows[0]["verify_code"])
    tab.verify_button.click()
    idle(qtbot, ctx)
    assert "真实有效" in tab.message.text()


def test_query_log_tab_offers_no_edit_or_delete(page, qtmodeltester):
    labels = [b.text() for b in page.log_tab.findChildren(QPushButton)]
    assert not any(word in label for label in labels for word in ("删除", "修改", "编辑"))
    assert page.log_tab.view.editTriggers() == page.log_tab.view.EditTrigger.NoEditTriggers
    qtmodeltester.check(page.log_tab.model)
    qtmodeltester.check(page.records_tab.model)


def test_screenshot(page, qtbot, tmp_path):
    page.tabs.setCurrentWidget(page.records_tab)
    qtbot.wait(50)
    path = tmp_path / "records.png"
    page.grab().save(str(path))
    assert path.stat().st_size > 10_000

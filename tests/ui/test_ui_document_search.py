"""The number printed on a letter or report, typed or scanned into the search box, opens
that letter or report on screen (not only the household it belongs to)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pypdf import PdfReader

from app.records.report import issue_report


def _enter(qtbot, page, text: str) -> None:
    page.search.setText(text)  # a scanner types the code and presses Enter
    qtbot.keyClick(page.search, Qt.Key.Key_Return)


def _pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_a_typed_letter_number_opens_the_letter(window, qtbot, demo_db, wait_idle):
    number, subject_id, head = demo_db.execute(
        "SELECT l.number, l.subject_id, h.head_name FROM commitment_letter l "
        "JOIN household h ON h.id = l.subject_id WHERE l.status = 'signed' "
        "ORDER BY l.number LIMIT 1").fetchone()
    page = window.show_area("register").households
    _enter(qtbot, page, number)
    qtbot.waitUntil(lambda: getattr(page, "document", None) is not None
                    and page.document.isVisible(), timeout=20000)
    dialog = page.document
    assert dialog.found["kind"] == "letter" and dialog.found["number"] == number
    assert number in dialog.windowTitle()
    text = _pdf_text(dialog.found["path"])
    assert number in text and head in text  # the letter as printed, for its committer
    assert dialog.page_labels and not dialog.page_labels[0].pixmap().isNull()
    # whose it is stays in the list under the box
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=5000)
    assert page.model.subject_id_at(0) == subject_id
    # and the subject opens from the letter
    with qtbot.waitSignal(dialog.open_subject, timeout=3000) as opened:
        dialog.subject_button.click()
    assert opened.args == [subject_id]
    wait_idle()
    seen = [d for (d,) in demo_db.execute("SELECT detail FROM query_log WHERE subject_id = ?",
                                          [subject_id]) if d and number in d]
    assert seen  # viewing it is in the query and use log


def test_a_report_number_opens_the_saved_report(window, qtbot, ctx, demo_db, wait_idle):
    admin = demo_db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    number_id = demo_db.execute("SELECT head_id_number FROM household ORDER BY sid LIMIT 1"
                                ).fetchone()[0]
    folder = ctx.data.root / "reports"
    folder.mkdir(exist_ok=True)
    row = issue_report(demo_db, admin, number_id, purpose="贷款审批", output=folder)
    page = window.show_area("register").households
    _enter(qtbot, page, row["number"].lower())  # typed by hand, in lower case
    qtbot.waitUntil(lambda: getattr(page, "document", None) is not None
                    and page.document.isVisible(), timeout=20000)
    assert page.document.found["kind"] == "report"
    assert page.document.found["path"] == row["path"]


def test_a_scanned_report_qr_is_verified_and_the_report_opens(window, qtbot, ctx, demo_db):
    admin = demo_db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    number_id = demo_db.execute("SELECT head_id_number FROM household ORDER BY sid LIMIT 1"
                                ).fetchone()[0]
    folder = ctx.data.root / "reports"
    folder.mkdir(exist_ok=True)
    row = issue_report(demo_db, admin, number_id, purpose="贷款审批", output=folder)
    page = window.show_area("register").households
    _enter(qtbot, page, row["qr_text"])
    qtbot.waitUntil(lambda: getattr(page, "verification", None) is not None
                    and page.verification.isVisible(), timeout=20000)
    box = page.verification
    assert row["number"] in box.text()
    [opener] = [b for b in box.buttons() if b.text() == "打开报告"]
    opener.click()
    qtbot.waitUntil(lambda: getattr(page, "document", None) is not None
                    and page.document.isVisible(), timeout=20000)
    assert page.document.found["path"] == row["path"]


def test_a_number_of_no_document_says_so(window, qtbot, wait_idle):
    page = window.show_area("register").households
    _enter(qtbot, page, "510623105201-2026-99999")
    wait_idle()
    qtbot.waitUntil(lambda: "510623105201-2026-99999" in page.count_label.text(), timeout=5000)
    assert getattr(page, "document", None) is None

"""The import in chunks: rows streamed from the file, checked and written a
chunk at a time in one transaction, and the streaming reader used for sheets
too large for calamine's memory."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
import xlsxwriter

from app.excel import importer, reader
from app.jobs import Cancelled, Job
from excel_books import id_number, write_xlsx

TODAY = dt.date(2026, 12, 1)
HEADER = ["户主姓名", "身份证号码", "村", "组", "联系电话"]


def _numbers(count: int) -> list[str]:
    return [id_number(birth=f"19{60 + i // 300:02d}0101", seq=100 + i % 300) for i in range(count)]


def _roster(path, count: int, *, duplicate_of: int | None = None, bad_row: int | None = None):
    numbers = _numbers(count)
    rows = [HEADER]
    for i, number in enumerate(numbers):
        rows.append([f"王{chr(0x4e00 + i)}", number, "青龙村", "一组", f"1380000{i:04d}"])
        if bad_row is not None and len(rows) == bad_row:
            rows[-1][1] = number[:-1] + ("0" if number[-1] != "0" else "1")   # check digit wrong
    if duplicate_of is not None:   # the same head again, at the end, with a new phone
        rows.append([rows[duplicate_of - 1][0], rows[duplicate_of - 1][1], "青龙村", "一组",
                     "13999999999"])
    return write_xlsx(path, {"花名册": rows})


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 7)
    monkeypatch.setattr(importer, "FIRST_CHUNK_ROWS", 3)


def test_a_duplicate_of_a_row_written_chunks_earlier_updates_it(db, operator, township,
                                                                 tmp_path, small_chunks):
    path = _roster(tmp_path / "roster.xlsx", 30, duplicate_of=3)
    plan = importer.inspect(db, path)
    outcome = importer.preview(db, plan, today=TODAY)
    dup = outcome.duplicates[0]
    assert (dup.row, dup.first.row, dup.action) == (32, 3, "duplicate_file")
    assert importer.summarise(outcome)["created"] == 30
    result = importer.run(db, operator, plan, today=TODAY, choices={dup.ref: "update"})
    assert result["created"] == 30 and result["skipped_duplicates"] == 1
    phone = db.execute("SELECT phone FROM household WHERE head_id_number = ?",
                       [dup.key]).fetchone()[0]
    assert phone == "13999999999"
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 30


def test_a_duplicate_skipped_by_default_leaves_the_first_row(db, operator, township, tmp_path,
                                                             small_chunks):
    path = _roster(tmp_path / "roster.xlsx", 20, duplicate_of=2)
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert result["created"] == 20 and result["skipped_duplicates"] == 1
    assert db.execute("SELECT phone FROM household WHERE head_name = '王一'").fetchone()[0] \
        == "13800000000"


def test_a_reject_in_a_late_chunk_reaches_the_report(db, operator, township, tmp_path,
                                                     small_chunks):
    path = _roster(tmp_path / "roster.xlsx", 30, bad_row=29)
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY,
                          report_dir=tmp_path)
    assert result["created"] == 29 and result["rejected"] == 1
    sheet = openpyxl.load_workbook(result["report"]).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:5] == HEADER
    assert rows[1][0] == f"王{chr(0x4e00 + 27)}" and rows[1][5] == 29   # cells as in the file
    assert "校验" in rows[1][6]


def test_cancel_after_chunks_were_written_leaves_the_register_untouched(db, operator, township,
                                                                        tmp_path, small_chunks):
    path = _roster(tmp_path / "roster.xlsx", 40)
    journal = db.execute("SELECT COUNT(*) FROM journal").fetchone()[0]
    written = []

    def progress(done, total, message):
        written.append(db.execute("SELECT COUNT(*) FROM household").fetchone()[0])
        if written[-1] >= 14:
            job.cancel()

    job = Job(progress)
    with pytest.raises(Cancelled):
        importer.run(db, operator, importer.inspect(db, path), today=TODAY, job=job)
    assert max(written) >= 14          # two chunks were in the register when cancelled
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM subject").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM journal").fetchone()[0] == journal


def test_a_dry_run_keeps_counts_of_every_row_but_not_every_row(db, township, tmp_path,
                                                               small_chunks, monkeypatch):
    monkeypatch.setattr(importer, "KEEP_ROWS", 10)
    path = _roster(tmp_path / "roster.xlsx", 40, duplicate_of=5, bad_row=38)
    plan = importer.inspect(db, path)
    outcome = importer.preview(db, plan, today=TODAY)
    assert importer.summarise(outcome)["created"] == 39
    assert len(outcome.rejects) == 1 and outcome.rejects[0].row == 38
    assert [d.row for d in outcome.duplicates] == [42]
    assert len(outcome.rows) <= importer.KEEP_ROWS


def _typical_book(path):
    """Cells as rosters have them: text, numbers, an ID as text, dates, blanks,
    a merged title and a two-row header, a row shorter than the rest."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("一组")
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.merge_range(0, 0, 0, 5, "青龙村农户信息采集表（一组）")
    sheet.merge_range(1, 0, 1, 1, "户主信息")
    sheet.write_row(2, 0, ["户主姓名", "身份证号码", "出生日期", "家庭人口", "年收入（万元）", "备注"])
    for i in range(30):
        sheet.write_string(3 + i, 0, f"李{chr(0x4e00 + i)}")
        sheet.write_string(3 + i, 1, id_number(seq=200 + i))
        sheet.write_datetime(3 + i, 2, dt.datetime(1970, 1, 1 + i % 28), date)
        sheet.write_number(3 + i, 3, 1 + i % 5)
        sheet.write_number(3 + i, 4, 0.5 + i / 10)
        if i % 3 == 0:
            sheet.write_string(3 + i, 5, "低保户")
    sheet.write_string(40, 0, "合计")
    book.close()
    return path


def test_the_streaming_reader_gives_the_rows_calamine_gives(tmp_path, monkeypatch):
    path = _typical_book(tmp_path / "typical.xlsx")
    whole = reader.read_workbook(path).sheets[0]
    monkeypatch.setattr(reader, "STREAM_FROM_BYTES", 0)
    streamed = reader.read_workbook(path, stream=True).sheets[0]
    assert streamed.reader == "openpyxl"
    got = [row for row in streamed.iter_rows()]
    assert got == whole.rows
    assert sorted(streamed.merged) == sorted(whole.merged)
    assert streamed.filled_counts(3) == [sum(1 for r in whole.rows[3:] if len(r) > c and r[c] != "")
                                         for c in range(len(got[0]))]


def test_a_sheet_too_large_for_calamine_imports_alike(db, operator, township, tmp_path,
                                                      monkeypatch, small_chunks):
    path = _roster(tmp_path / "roster.xlsx", 25, duplicate_of=4, bad_row=20)
    by_calamine = importer.summarise(importer.preview(db, importer.inspect(db, path),
                                                      today=TODAY))
    monkeypatch.setattr(reader, "STREAM_FROM_BYTES", 0)
    plan = importer.inspect(db, path)
    assert plan.workbook.sheets[0].reader == "openpyxl"
    assert importer.summarise(importer.preview(db, plan, today=TODAY)) == by_calamine
    result = importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    assert result["created"] == 24 and result["rejected"] == 1


def test_a_first_roster_with_members_loads_with_indexes_set_aside(db, operator, township,
                                                                  tmp_path):
    """A roster larger than the register is loaded with its indexes dropped and
    built again at the end; member rows need household.id's index back first."""
    rows = [["户主姓名", "与户主关系", "身份证号码", "村", "组"]]
    numbers = _numbers(1300)
    for i in range(0, 1300, 2):
        rows.append([f"赵{chr(0x4e00 + i)}", "户主", numbers[i], "青龙村", "二组"])
        rows.append([f"钱{chr(0x4e00 + i)}", "配偶", numbers[i + 1], "青龙村", "二组"])
    path = write_xlsx(tmp_path / "first.xlsx", {"花名册": rows})
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert result["created"] == 650 and result["members_created"] == 650
    assert result["rejected"] == 0
    indexes = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                        "AND tbl_name IN ('household', 'subject', 'journal')")}
    assert {"household_id", "household_head_id_number", "subject_id",
            "journal_entity"} <= indexes
    household = db.execute("SELECT id FROM household WHERE head_name = '赵一'").fetchone()[0]
    assert db.execute("SELECT name FROM household_member WHERE household_id = ?",
                      [household]).fetchall() == [("钱一",)]


def test_a_first_roster_without_members_loads_with_indexes_set_aside(db, operator, township,
                                                                     tmp_path):
    path = _roster(tmp_path / "first.xlsx", 1100, duplicate_of=2)
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY,
                          default_choice="update")
    assert result["created"] == 1100 and result["skipped_duplicates"] == 1
    assert db.execute("SELECT phone FROM household WHERE head_name = '王一'").fetchone()[0] \
        == "13999999999"
    assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'household_id'"
                      ).fetchone()[0] == 1


def test_reading_a_workbook_reports_progress_and_can_be_cancelled(db, township, tmp_path,
                                                                   monkeypatch):
    path = _roster(tmp_path / "roster.xlsx", 4500)
    monkeypatch.setattr(reader, "STREAM_FROM_BYTES", 0)   # the slow reader: progress matters
    seen = []
    plan = importer.inspect(db, path, job=Job(lambda done, total, message:
                                              seen.append((done, total, message))))
    assert seen[-1][0] == seen[-1][1] == 4501 and seen[-1][2] == "正在读取"
    assert plan.workbook.sheets[0].total == 4501
    job = Job()
    job.cancel()
    with pytest.raises(Cancelled):
        importer.inspect(db, path, job=job)


def test_the_wizard_says_when_only_the_first_unchanged_rows_are_listed(qtbot, ctx, demo_data,
                                                                       tmp_path, monkeypatch):
    from ui.excel.page import ExcelPage

    monkeypatch.setattr(importer, "KEEP_UNCHANGED", 3)
    db = ctx.ui_db
    rows = [["户主姓名", "身份证号码", "村"]] + [list(r) for r in db.execute(
        "SELECT head_name, head_id_number, v.name FROM household h "
        "JOIN place v ON v.id = h.village_id LIMIT 5")]
    page = ExcelPage(ctx)
    qtbot.addWidget(page)
    page.open_file(write_xlsx(tmp_path / "again.xlsx", {"表": rows}))
    qtbot.waitUntil(lambda: page._job is None, timeout=30000)
    page.start_preview()
    qtbot.waitUntil(lambda: page._job is None, timeout=30000)
    assert "其中 5 条无变化" in page.summary.text()
    assert "只列出前 3 条无变化的重复行" in page.summary.text()
    assert page.dup_model.rowCount() == 3


def test_rows_kept_between_passes_never_reach_the_disk_in_clear(tmp_path, monkeypatch):
    """A county roster's ID numbers and phones are as private in the reader's spill
    file as in the encrypted register."""
    import tempfile

    made = []
    real = tempfile.TemporaryFile

    def keep(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(tempfile, "TemporaryFile", keep)
    monkeypatch.setattr(reader, "STREAM_FROM_BYTES", 0)
    path = _roster(tmp_path / "roster.xlsx", 40)
    sheet = reader.read_workbook(path, stream=True).sheets[0]
    sheet.filled_counts(1)          # the first pass: parsed once, kept for the next ones
    assert len(made) == 1
    made[0].flush()
    made[0].seek(0)
    spilled = made[0].read()
    number = _numbers(40)[7]
    assert spilled and number.encode() not in spilled and "王".encode() not in spilled
    assert [row[1] for row in sheet.iter_rows(1)][7] == number   # and read back whole

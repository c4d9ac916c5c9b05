"""A large roster is written by a process of its own while this one checks
(app/excel/import_store.py ``StoreApart``). These tests send small rosters
that way (``APART_FROM`` lowered, chunks made small) and look at the
register it leaves: the same rows, members, search keys and audit chain as
the in-process path, nothing at all after a cancel or a failure there."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from app import search
from app.accounts import audit
from app.jobs import Cancelled, Job
from app.excel import import_store, importer
from excel_books import id_number, write_xlsx

TODAY = dt.date(2026, 12, 1)


def _numbers(count: int) -> list[str]:
    return [id_number(birth=f"19{60 + i // 300:02d}0101", seq=100 + i % 300) for i in range(count)]


def _roster(path, households: int, *, phone: str = "139"):
    rows = [["户主姓名", "与户主关系", "身份证号码", "村", "组", "联系电话"]]
    numbers = _numbers(households * 2)
    for i in range(households):
        rows.append([f"赵{chr(0x4e00 + i)}", "户主", numbers[2 * i], "青龙村", "二组",
                     f"{phone}{i:08d}"])
        rows.append([f"钱{chr(0x4e00 + i)}", "配偶", numbers[2 * i + 1], "青龙村", "二组", None])
    return write_xlsx(path, {"花名册": rows})


@pytest.fixture
def apart(monkeypatch):
    """Every import written apart, 40 rows a chunk; the stores opened, to see it was."""
    monkeypatch.setattr(import_store, "APART_FROM", 0)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 40)
    monkeypatch.setattr(importer, "FIRST_CHUNK_ROWS", 40)
    opened = []
    real = import_store.open_store

    def open_store(*args):
        store = real(*args)
        opened.append(type(store).__name__)
        return store

    monkeypatch.setattr(import_store, "open_store", open_store)
    return opened


def _writers_end() -> bool:
    """The writing processes end by themselves (after a commit, once the
    register is checkpointed): none is left a few seconds later."""
    for process in multiprocessing.active_children():
        process.join(10)
    return not multiprocessing.active_children()


def _counts(db) -> dict[str, int]:
    return {table: db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
            for table in ("household", "household_member", "subject", "journal",
                          "audit_chain", "search_key", "name_key")}


def test_a_roster_written_apart_is_whole_findable_and_chained(db, operator, township, tmp_path,
                                                                apart):
    path = _roster(tmp_path / "花名册.xlsx", 300)
    result = importer.run(db, operator, importer.inspect(db, path), today=TODAY)
    assert apart == ["StoreApart"]
    assert result["created"] == 300 and result["members_created"] == 300
    assert result["rejected"] == 0
    head = db.execute("SELECT id, phone, village_id, group_id FROM household "
                      "WHERE head_name = '赵丁'").fetchone()
    assert head[1] == "13900000001" and head[2] == township["青龙村"]
    assert head[3] == township["青龙村二组"]
    assert db.execute("SELECT name FROM household_member WHERE household_id = ?",
                      [head[0]]).fetchall() == [("钱丁",)]
    # Findable by a member's name in pinyin and by a phone's last digits.
    found = search.search(db, "qian ding")
    assert [r.name for r in found][:1] == ["赵丁"]
    assert any(r.name == "赵丁" for r in search.search(db, "0001"))
    # Indexes are back, and every journal row is chained as the trigger would.
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name IN "
                      "('household_id', 'household_head_id_number', 'journal_entity')"
                      ).fetchone()[0] == 3
    verified = audit.verify(db)
    assert verified["ok"], verified
    assert _writers_end()


def test_updating_from_a_second_roster_apart(db, operator, township, tmp_path, apart):
    importer.run(db, operator, importer.inspect(db, _roster(tmp_path / "a.xlsx", 100)),
                 today=TODAY)
    plan = importer.inspect(db, _roster(tmp_path / "b.xlsx", 120, phone="137"))
    result = importer.run(db, operator, plan, today=TODAY, default_choice="update")
    assert result["created"] == 20 and result["updated"] == 100
    assert db.execute("SELECT phone FROM household WHERE head_name = '赵丁'").fetchone()[0] \
        == "13700000001"
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 120
    assert audit.verify(db)["ok"]


def test_cancelling_while_a_chunk_is_written_apart_leaves_nothing(db, operator, township,
                                                                   tmp_path, apart):
    plan = importer.inspect(db, _roster(tmp_path / "花名册.xlsx", 300))
    before = _counts(db)
    steps = []

    def progress(done, total, message):
        steps.append(done)
        if len(steps) == 3:   # chunks have gone to the other process by now
            job.cancel()

    job = Job(progress)
    with pytest.raises(Cancelled):
        importer.run(db, operator, plan, today=TODAY, job=job)
    assert _counts(db) == before
    assert _writers_end()
    # The register takes the same roster afterwards: no lock or trigger was left behind.
    assert importer.run(db, operator, plan, today=TODAY)["created"] == 300


def test_a_failure_in_the_writing_process_comes_back_and_keeps_nothing(db, operator, township,
                                                                      tmp_path, apart):
    plan = importer.inspect(db, _roster(tmp_path / "花名册.xlsx", 300))
    before = _counts(db)
    # A trigger in the file itself, so the other process's connection meets it.
    db.execute("CREATE TRIGGER fail_late AFTER INSERT ON household_member "
               "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    try:
        with pytest.raises(Exception, match="disk full"):
            importer.run(db, operator, plan, today=TODAY)
    finally:
        db.execute("DROP TRIGGER fail_late")
    assert _counts(db) == before
    assert _writers_end()


def test_the_writing_process_dying_keeps_nothing(db, operator, township, tmp_path, apart):
    """As a power cut or a killed process would leave it: the transaction never commits."""
    plan = importer.inspect(db, _roster(tmp_path / "花名册.xlsx", 300))
    before = _counts(db)
    steps = []

    def progress(done, total, message):
        steps.append(done)
        if len(steps) == 3:
            for child in multiprocessing.active_children():
                child.kill()
                child.join()

    with pytest.raises(Exception):
        importer.run(db, operator, plan, today=TODAY, job=Job(progress))
    assert _counts(db) == before
    assert importer.run(db, operator, plan, today=TODAY)["created"] == 300


def test_a_writer_started_for_a_file_never_imported_ends_with_its_plan(db, operator, township,
                                                                        tmp_path, apart):
    import gc

    plan = importer.inspect(db, _roster(tmp_path / "花名册.xlsx", 50))
    assert plan.writer is not None and plan.writer.process.is_alive()
    importer.preview(db, plan, today=TODAY)   # a dry run writes nothing and needs no writer
    before = _counts(db)
    del plan
    gc.collect()
    assert _writers_end()
    assert _counts(db) == before


def test_without_a_second_process_the_import_is_written_here(db, operator, township, tmp_path,
                                                             apart, monkeypatch, caplog):
    """A PC where no process can be started still imports, only slower."""
    class NoProcess:
        def __init__(self, db):
            raise OSError("process creation refused")

    monkeypatch.setattr(import_store, "Writer", NoProcess)
    plan = importer.inspect(db, _roster(tmp_path / "花名册.xlsx", 100))
    assert plan.writer is None
    result = importer.run(db, operator, plan, today=TODAY)
    assert apart == ["Store"]
    assert result["created"] == 100 and result["members_created"] == 100
    assert "failed to start" in caplog.text
    assert audit.verify(db)["ok"]

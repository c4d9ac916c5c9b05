"""A large import chains its journal rows in one pass, hashing the rows the
insert returns (app/journal.py ``journal_inserted``): the audit chain must be exactly what the trigger
would have written, and the trigger must be back afterwards."""

from __future__ import annotations

import datetime as dt

from app.accounts import audit
from app.excel import importer
from app.journal import new_ids
from app.register import create_place
from excel_books import id_number, write_xlsx

TODAY = dt.date(2026, 12, 1)
HEADER = ["户主姓名", "身份证号码", "村", "组", "联系电话", "家庭人口"]


def _roster(tmp_path, rows: int, start: int = 0):
    body = [["石泉镇农户信息采集表"], HEADER]
    for i in range(start, start + rows):
        body.append([f"王{'建国军华明强'[i % 6]}{'一二三四五六七八九'[i % 9]}",
                     id_number(birth=f"19{50 + i // 900:02d}{1 + i // 75 % 12:02d}"
                                     f"{1 + i % 28:02d}", seq=i % 1000),
                     "青龙村", "一二三"[i % 3] + "组", f"139{i:08d}", 1 + i % 5])
    return write_xlsx(tmp_path / f"花名册{start}.xlsx", {"农户": body})


def test_a_600_row_import_keeps_the_audit_chain_whole(db, operator, township, tmp_path):
    plan = importer.inspect(db, _roster(tmp_path, 600))
    result = importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    assert result["created"] == 600 and result["rejected"] == 0
    chained = db.execute("SELECT count(*) FROM journal j JOIN audit_chain c "
                         "ON c.log = 'journal' AND c.seq = j.seq "
                         "WHERE j.entity = 'household'").fetchone()[0]
    assert chained == 600
    # The trigger is back: a normal write after the import is chained by it.
    create_place(db, operator, level="village", code="510623105203", name="新华村",
                 parent_id=db.execute("SELECT id FROM place WHERE level = 'township'")
                 .fetchone()[0])
    last = db.execute("SELECT max(seq) FROM journal").fetchone()[0]
    assert db.execute("SELECT 1 FROM audit_chain WHERE log = 'journal' AND seq = ?",
                      [last]).fetchone()
    result = audit.verify(db)
    assert result["ok"], result
    assert not result["missing_triggers"]


def test_a_failed_import_leaves_trigger_and_chain_as_they_were(db, operator, township,
                                                               tmp_path):
    plan = importer.inspect(db, _roster(tmp_path, 600))
    before = audit.chain_heads(db)
    db.execute("CREATE TEMP TRIGGER fail_late AFTER INSERT ON audit_chain "
               "WHEN NEW.log = 'journal' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    try:
        importer.run(db, operator, plan, today=TODAY, report_dir=tmp_path)
    except Exception as exc:  # noqa: BLE001 - the point is what is left behind
        assert "disk full" in str(exc)
    else:
        raise AssertionError("the import should have failed")
    db.execute("DROP TRIGGER fail_late")
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 0
    assert audit.chain_heads(db) == before
    assert audit.verify(db)["ok"]


def test_new_ids_are_distinct_version_4_uuids():
    import uuid

    ids = new_ids(2000)
    assert len(set(ids)) == 2000
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text

"""Opening registers: new, current, old (upgraded with a backup, every row kept), newer, foreign."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.errors import describe
from db import migrations
from db.connection import open_register, pending_migrations
from db.errors import DatabaseProblem

FROZEN = sorted((Path(__file__).parent / "data").glob("register-*.sqlite3"))


def test_new_register_gets_every_migration_and_pragmas(tmp_path):
    db = open_register(tmp_path / "r.sqlite3")
    assert pending_migrations(db) == []
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.schema_version()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM app_user").fetchone()[0] == 1
    db.close()


def test_reopening_changes_nothing_and_makes_no_backup(tmp_path):
    open_register(tmp_path / "r.sqlite3").close()
    db = open_register(tmp_path / "r.sqlite3", backup_dir=tmp_path / "backups")
    db.close()
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize("frozen", FROZEN, ids=lambda p: p.stem)
def test_every_past_schema_upgrades_with_its_data_and_a_backup(tmp_path, frozen):
    path = tmp_path / "old.sqlite3"
    shutil.copy(frozen, path)
    old = sqlite3.connect(path)
    households = old.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    journal = old.execute("SELECT COUNT(*) FROM journal").fetchone()[0]
    applied = old.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    old.close()
    had_pending = applied < migrations.schema_version()
    db = open_register(path, backup_dir=tmp_path / "backups")
    assert pending_migrations(db) == []
    assert db.execute("SELECT COUNT(*) FROM household").fetchone()[0] == households == 40
    assert db.execute("SELECT COUNT(*) FROM journal").fetchone()[0] >= journal
    from app.search import search
    assert search(db, "建国") or search(db, "王")
    db.close()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == (1 if had_pending else 0)
    if had_pending:
        copy = sqlite3.connect(backups[0])
        assert copy.execute("SELECT COUNT(*) FROM household").fetchone()[0] == households
        copy.close()


def test_register_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "r.sqlite3"
    open_register(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('core', 'm999_from_the_future', 'x')")
    conn.execute("PRAGMA user_version=999")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem) as err:
        open_register(path, backup_dir=tmp_path / "backups")
    assert err.value.kind == DatabaseProblem.NEWER_SCHEMA
    assert "更新版本" in describe(err.value) and "999" in describe(err.value)
    assert not (tmp_path / "backups").exists()


def test_a_foreign_sqlite_file_is_not_taken_for_a_register(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem) as err:
        open_register(path)
    assert err.value.kind == DatabaseProblem.NOT_A_REGISTER
    assert "不是乡镇信用工作台的登记册" in describe(err.value)


def test_a_damaged_file_says_what_to_do(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(DatabaseProblem) as err:
        open_register(path)
    assert err.value.kind == DatabaseProblem.CORRUPT
    assert "备份" in describe(err.value)


def test_a_failing_migration_leaves_no_trace(tmp_path, monkeypatch):
    from sqlite_utils.migrations import Migrations

    broken = Migrations("broken")

    @broken()
    def m001_half_done(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATION_SETS", [*migrations.MIGRATION_SETS, broken])
    import db.connection as connection
    monkeypatch.setattr(connection, "MIGRATION_SETS", migrations.MIGRATION_SETS)
    with pytest.raises(RuntimeError):
        open_register(tmp_path / "r.sqlite3")
    conn = sqlite3.connect(tmp_path / "r.sqlite3")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "half_done" not in tables and "household" in tables


def _rows_by_table(conn: sqlite3.Connection) -> dict[str, tuple[list[str], set[tuple]]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations'")]
    out = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        out[table] = (columns, set(conn.execute(f"SELECT * FROM {table}")))
    return out


def test_a_register_of_every_area_upgrades_with_all_its_rows(tmp_path):
    """The December 2026 schema (every migration set: core, credit, records,
    rating, letters, sync) opens with every row of every table unchanged."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parent / "data" / "register-2026-12-all-sets.sqlite3", path)
    old = sqlite3.connect(path)
    household_id, head_name = old.execute(
        "SELECT h.id, h.head_name FROM household h WHERE EXISTS (SELECT 1 FROM rating r "
        "WHERE r.subject_id = h.id) AND EXISTS (SELECT 1 FROM commitment_letter l "
        "WHERE l.subject_id = h.id) ORDER BY h.id LIMIT 1").fetchone()
    # A county-list flag an older build kept for itself: it must reach the review queue.
    old.execute("INSERT INTO sync_review_flag VALUES ('f1', ?, '县级名单：失信被执行人', "
                "'county_list', '2026-12-01T08:00:00Z')", [household_id])
    old.commit()
    before = _rows_by_table(old)
    old.close()

    db = open_register(path, backup_dir=tmp_path / "backups")
    assert pending_migrations(db) == []
    after = _rows_by_table(db.conn)
    assert set(before) - set(after) == {"sync_review_flag"}
    for table, (columns, rows) in before.items():
        if table == "sync_review_flag":
            continue
        kept = set(db.conn.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        assert rows <= kept, f"{table}: {len(rows - kept)} rows changed or lost"
        assert len(after[table][1]) == len(rows) + (table == "rating_flag"), table
    assert all(rows for table, (_, rows) in before.items()
               if table in ("household", "credit_record", "list_entry", "query_log", "rating",
                            "rating_step", "commitment_letter", "letter_template"))

    from app.rating.review_queue import open_flags
    from app.records.report import facts
    from app.search import search

    assert [(f["subject_id"], f["reason"]) for f in open_flags(db)] == [
        (household_id, "县级名单：失信被执行人")]
    from app.letters.queries import subject_letters

    report = facts(db, household_id, full=False, today=dt.date(2026, 12, 6))
    # The report lists signed letters as commitments; the letters area reads them all.
    assert report["name"] == head_name and report["ratings"] and subject_letters(db, household_id)
    signed = [x["number"] for x in subject_letters(db, household_id) if x["status"] == "signed"]
    assert [x["number"] for x in report["letters"]] == signed
    assert search(db, head_name)
    db.close()

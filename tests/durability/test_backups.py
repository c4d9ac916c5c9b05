"""Backups that are made, checked, listed, kept by the rule, and restore the same counts."""

import datetime as dt
import json
from pathlib import Path

import pytest

from app import backup, keystore
from app.store import open_data_dir
from db.connection import raw_connect


def household_count(data) -> int:
    db = open_data_dir(data)
    try:
        return db.execute("SELECT count(*) FROM household").fetchone()[0]
    finally:
        db.close()


def test_backup_then_restore_round_trips_the_counts_and_keeps_the_replaced_register(
        cli, demo_data):
    before = household_count(demo_data)
    made = cli("backup", "--json", data=demo_data, check=True)
    meta = json.loads(made.stdout)
    assert meta["counts"]["households"] == before and meta["check"] == "ok"
    assert meta["by"] == "admin"

    db = open_data_dir(demo_data)  # work done after the backup
    db.execute("DELETE FROM household_member")
    db.close()

    listed = json.loads(cli("backups", "--json", data=demo_data, check=True).stdout)
    assert [m["path"] for m in listed] == [meta["path"]]

    refused = cli("restore", meta["path"], data=demo_data)
    assert refused.returncode == 2 and "--yes" in refused.stderr  # no terminal to ask in
    done = cli("restore", meta["path"], "--yes", data=demo_data, check=True)
    assert "家庭成员" in done.stdout  # says what is lost... (nothing: members came back)
    db = open_data_dir(demo_data)
    assert db.execute("SELECT count(*) FROM household_member").fetchone()[0] == \
        meta["counts"]["members"]
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == before
    db.close()
    aside = list(demo_data.backups.glob("replaced-*.sqlite3"))
    assert len(aside) == 1
    kept = raw_connect(aside[0], key=keystore.known_key(demo_data))
    assert kept.execute("SELECT count(*) FROM household_member").fetchone()[0] == 0
    kept.close()


def test_restore_says_what_would_be_lost(cli, demo_data):
    meta = json.loads(cli("backup", "--json", data=demo_data, check=True).stdout)
    db = open_data_dir(demo_data)
    from app.users import default_operator_id
    from app.journal import changes
    with changes(db, default_operator_id(db)) as cs:
        cs.insert("place", {"level": "county", "code": "999999", "name": "after the backup"})
    db.close()
    out = cli("restore", meta["path"], "--yes", data=demo_data, check=True).stdout
    assert "丢失" in out and "日志" in out  # the change made after the backup is named


def test_backup_to_a_usb_folder_and_a_second_copy_when_the_stick_is_there(
        cli, demo_data, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    cli("backup", "--to", str(stick), data=demo_data, check=True)
    assert len(list(stick.glob("register-*.sqlite3"))) == 1
    db = open_data_dir(demo_data)
    from app import settings
    settings.put(db, "backup.second_folder", str(tmp_path / "second"))
    meta = backup.make_backup(db, demo_data, reason="auto")  # stick not plugged in: fine
    assert "second_copy" not in meta
    (tmp_path / "second").mkdir()
    meta = backup.make_backup(db, demo_data, reason="auto",
                              now=dt.datetime.now() + dt.timedelta(seconds=2))
    db.close()
    assert (tmp_path / "second" / meta["file"]).exists()
    copy = raw_connect(tmp_path / "second" / meta["file"], key=keystore.known_key(demo_data))
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_retention_keeps_seven_daily_and_four_weekly(db, data):
    start = dt.datetime(2026, 9, 1, 18, 0)
    for day in range(60):  # two a day for two months
        for hour in (9, 18):
            backup.make_backup(db, data, reason="auto",
                               now=start + dt.timedelta(days=day) - dt.timedelta(hours=18 - hour))
    kept = backup.list_backups(data.backups)
    days = sorted({m["made_at"][:10] for m in kept})
    # 7 newest days (one each: the evening copy) + older weekly ones to make 4 weeks.
    assert len(kept) == len(days)
    assert days[-7:] == [(start + dt.timedelta(days=d)).date().isoformat()
                         for d in range(53, 60)]
    assert 7 <= len(kept) <= 7 + 4
    assert all(m["made_at"].endswith("18:00:00") for m in kept)
    assert len(list(data.backups.glob("*.json"))) == len(kept)


def test_a_damaged_backup_is_refused_for_restore(cli, demo_data, tmp_path):
    meta = json.loads(cli("backup", "--json", data=demo_data, check=True).stdout)
    raw = bytearray(Path(meta["path"]).read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle:middle + 4096] = b"\xa5" * 4096
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(bytes(raw))
    result = cli("restore", str(bad), "--yes", data=demo_data)
    assert result.returncode == 2 and "损坏" in result.stderr
    assert household_count(demo_data) > 0


@pytest.mark.parametrize("daily_due", [True])
def test_a_daily_backup_is_due_after_a_day(db, data, daily_due):
    assert backup.is_due(db)
    backup.make_backup(db, data, reason="auto")
    assert not backup.is_due(db)
    assert backup.is_due(db, now=dt.datetime.now() + dt.timedelta(days=1, seconds=1))


def test_the_automatic_backup_runs_when_something_changed_or_a_day_passed(db, data):
    first = backup.auto_backup(db, data, by="admin")
    assert first is not None and first["reason"] == "auto"
    assert backup.auto_backup(db, data) is None  # nothing new: no copy
    from app.journal import changes
    from app.users import default_operator_id
    with changes(db, default_operator_id(db)) as cs:
        cs.insert("place", {"level": "county", "code": "510699", "name": "new"})
    later = dt.datetime.now() + dt.timedelta(seconds=2)
    assert backup.auto_backup(db, data, now=later) is not None
    assert backup.auto_backup(db, data, now=later + dt.timedelta(days=1, seconds=1))

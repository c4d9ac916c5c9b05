"""A damaged register is noticed at start, never written to, and the newest good backup offered."""

import hashlib
import os

import pytest

from app import backup, keystore
from app.errors import UserError, describe
from app.store import open_data_dir
from db import connection
from db.connection import raw_connect
from db.errors import DatabaseProblem


def damage(path) -> None:
    """Overwrite 4 KiB in the middle of the file, as a failing disk sector would."""
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle:middle + 4096] = b"\x5a" * 4096
    path.write_bytes(bytes(raw))


def damage_in_place(path) -> None:
    """A sector gone bad under the file system: the file's time and size stay."""
    stat = path.stat()
    damage(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def new_start() -> None:
    """What a new process knows: no register found whole yet."""
    connection._checked.clear()


def settle(data) -> None:
    conn = raw_connect(data.register, key=keystore.known_key(data))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_a_damaged_register_is_refused_and_the_newest_good_backup_offered(cli, demo_data):
    db = open_data_dir(demo_data)
    good = backup.make_backup(db, demo_data, reason="manual")
    db.close()
    settle(demo_data)
    damage(demo_data.register)
    before = hashlib.sha256(demo_data.register.read_bytes()).hexdigest()

    with pytest.raises(DatabaseProblem) as caught:
        open_data_dir(demo_data)
    assert caught.value.kind == DatabaseProblem.CORRUPT
    message = describe(caught.value)
    assert good["file"] in message and "credit-desk restore" in message

    result = cli("search", "王", data=demo_data)
    assert result.returncode == 2 and "损坏" in result.stderr and good["file"] in result.stderr
    assert hashlib.sha256(demo_data.register.read_bytes()).hexdigest() == before  # untouched

    # Restoring works without signing in to the register (a damaged one cannot check a
    # password): the user's password only unwraps the key (keys.json, beside it).
    # The damaged file is kept aside for experts.
    nobody = cli("restore", good["path"], "--yes", data=demo_data, env={"CREDIT_DESK_USER": ""})
    assert nobody.returncode == 2 and "密码" in nobody.stderr
    done = cli("restore", good["path"], "--yes", data=demo_data)
    assert done.returncode == 0, done.stderr
    assert "损坏" in done.stdout
    aside = list(demo_data.backups.glob("replaced-*.sqlite3"))
    assert hashlib.sha256(aside[0].read_bytes()).hexdigest() == before
    db = open_data_dir(demo_data)
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == \
        good["counts"]["households"]
    db.close()


def test_a_damaged_register_with_no_backup_says_whom_to_ask(demo_data):
    settle(demo_data)
    damage(demo_data.register)
    with pytest.raises(DatabaseProblem) as caught:
        open_data_dir(demo_data)
    assert "没有完好的备份" in describe(caught.value)


def test_a_register_closed_cleanly_is_not_read_whole_at_the_next_start(demo_data):
    # Reading every page is what made a county-sized register take 10 s to
    # open. A clean close leaves the file as SQLite's commits made it, so the
    # next start trusts it: the damage below, which the file system does not
    # see, passes the open and is found by the backup's check of its copy.
    open_data_dir(demo_data).close()
    damage_in_place(demo_data.register)
    new_start()
    db = open_data_dir(demo_data)
    try:
        with pytest.raises(UserError) as caught:
            backup.make_backup(db, demo_data, reason="manual")
        assert "损坏" in str(caught.value)
    finally:
        db.close()
    # From then on the register is checked in full, and refused, at every start.
    for _ in range(2):
        new_start()
        with pytest.raises(DatabaseProblem) as refused:
            open_data_dir(demo_data)
        assert refused.value.kind == DatabaseProblem.CORRUPT


def test_a_register_left_open_by_a_crash_is_read_whole_at_the_next_start(demo_data):
    open_data_dir(demo_data).close()
    crashed = open_data_dir(demo_data)  # never closed: its log stays beside the file
    try:
        crashed.execute("UPDATE household SET phone = phone WHERE rowid = 1")
        damage_in_place(demo_data.register)
        new_start()
        with pytest.raises(DatabaseProblem) as refused:
            open_data_dir(demo_data)
        assert refused.value.kind == DatabaseProblem.CORRUPT
    finally:
        crashed.whole_path = None  # the test's own clean-up is no clean close
        crashed.close()


def test_a_register_changed_behind_the_apps_back_is_read_whole(demo_data):
    open_data_dir(demo_data).close()
    settle(demo_data)
    damage(demo_data.register)  # written through the file system: its time moves
    new_start()
    with pytest.raises(DatabaseProblem) as refused:
        open_data_dir(demo_data)
    assert refused.value.kind == DatabaseProblem.CORRUPT

"""A damaged register is noticed at start, never written to, and the newest good backup offered."""

import hashlib

import pytest

from app import backup, keystore
from app.errors import describe
from app.store import open_data_dir
from db.connection import raw_connect
from db.errors import DatabaseProblem


def damage(path) -> None:
    """Overwrite 4 KiB in the middle of the file, as a failing disk sector would."""
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle:middle + 4096] = b"\x5a" * 4096
    path.write_bytes(bytes(raw))


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

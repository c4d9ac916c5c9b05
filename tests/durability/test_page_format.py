"""Registers written before the page format changed still open, change, back up and restore."""

import json

import sqlcipher3.dbapi2 as sqlcipher

from app import keystore
from app.store import open_data_dir
from db.connection import CIPHER_FORMAT, LEGACY_CIPHER_FORMAT, cipher_format, raw_connect


def rewrite_in_legacy_format(data) -> None:
    """The register as a version before the change wrote it: SQLCipher 4's defaults."""
    key = keystore.known_key(data).hex()
    old = data.register.with_name("older.sqlite3")
    conn = sqlcipher.connect(str(data.register), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    for pragma in CIPHER_FORMAT.pragmas():
        conn.execute(pragma)
    versions = [conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "application_id")]
    conn.execute("ATTACH DATABASE ? AS old KEY ?", [str(old), f"x'{key}'"])
    for pragma in LEGACY_CIPHER_FORMAT.pragmas("old"):
        conn.execute(pragma)
    conn.execute("SELECT sqlcipher_export('old')")
    conn.execute(f"PRAGMA old.user_version = {versions[0]}")
    conn.execute(f"PRAGMA old.application_id = {versions[1]}")
    conn.execute("DETACH DATABASE old")
    conn.close()
    for suffix in ("-wal", "-shm"):
        data.register.with_name(data.register.name + suffix).unlink(missing_ok=True)
    old.replace(data.register)


def test_a_new_register_is_written_in_the_current_format(demo_data):
    db = open_data_dir(demo_data)
    try:
        assert cipher_format(db.conn) == CIPHER_FORMAT
    finally:
        db.close()
    # Read with SQLCipher 4's defaults, the file is noise: the format is the file's.
    conn = sqlcipher.connect(str(demo_data.register))
    conn.execute(f"PRAGMA key = \"x'{keystore.known_key(demo_data).hex()}'\"")
    for pragma in LEGACY_CIPHER_FORMAT.pragmas():
        conn.execute(pragma)
    try:
        conn.execute("SELECT count(*) FROM household").fetchone()
    except sqlcipher.DatabaseError as exc:
        assert "not a database" in str(exc)
    else:
        raise AssertionError("a new register read in the old format")
    finally:
        conn.close()


def test_an_older_register_opens_changes_backs_up_and_restores(cli, demo_data):
    db = open_data_dir(demo_data)
    households = db.execute("SELECT count(*) FROM household").fetchone()[0]
    db.close()
    rewrite_in_legacy_format(demo_data)

    listed = cli("list", "--json", data=demo_data, check=True)
    assert len(json.loads(listed.stdout)) > 0
    assert "ERROR" not in listed.stderr  # SQLCipher's own log stays quiet while trying formats
    db = open_data_dir(demo_data)
    assert cipher_format(db.conn) == LEGACY_CIPHER_FORMAT
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == households
    db.close()

    made = json.loads(cli("backup", "--json", data=demo_data, check=True).stdout)
    assert made["check"] == "ok" and made["counts"]["households"] == households
    copy = raw_connect(made["path"], key=keystore.known_key(demo_data), readonly=True)
    assert cipher_format(copy) == LEGACY_CIPHER_FORMAT  # SQLite's backup copies pages as they are
    copy.close()

    db = open_data_dir(demo_data)
    db.execute("DELETE FROM household_member")
    db.close()
    cli("restore", made["path"], "--yes", data=demo_data, check=True)
    db = open_data_dir(demo_data)
    assert db.execute("SELECT count(*) FROM household_member").fetchone()[0] == \
        made["counts"]["members"]
    db.close()

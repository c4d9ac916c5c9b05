"""Encrypted at rest: the register and its backups are unreadable without a user's password."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

from app import keystore
from app.errors import UserError
from app.paths import DataDir
from app.store import open_data_dir


def demo_register(cli, tmp_path) -> tuple[DataDir, str]:
    data = DataDir(tmp_path / "d")
    cli("demo", "--households", "120", data=data, check=True)
    conn = sqlite3.connect(data.register)
    number = conn.execute("SELECT head_id_number FROM household LIMIT 1").fetchone()[0]
    conn.close()
    return data, number


def test_encrypt_leaves_no_id_number_and_no_sqlite_header_on_disk(cli, tmp_path):
    data, number = demo_register(cli, tmp_path)
    cli("backup", data=data, check=True)  # a plain backup made before: encrypted too
    done = cli("encrypt", data=data, check=True)
    recovery = re.search(r"([A-Z2-7]{5}(?:-[A-Z2-7]{5}){7})", done.stdout).group(1)

    files = [data.register, *data.backups.glob("*.sqlite3")]
    assert len(files) >= 3
    for path in files:
        raw = path.read_bytes()
        assert not raw.startswith(b"SQLite format 3"), path.name
        assert number.encode() not in raw, path.name
    assert number.encode() not in json.dumps(
        json.loads(keystore.keys_path(data).read_text())).encode()

    plain = sqlite3.connect(data.register)
    with pytest.raises(sqlite3.DatabaseError):  # a plain SQLite reader sees noise
        plain.execute("SELECT count(*) FROM household").fetchone()
    plain.close()

    # Every command signs in, and the signed-in password opens the register.
    found = cli("search", number, "--json", data=data, check=True)
    assert json.loads(found.stdout)
    wrong = cli("search", number, data=data, env={"CREDIT_DESK_PASSWORD": "wrong-2026"})
    assert wrong.returncode == 2 and number not in wrong.stdout
    other = cli("search", number, data=data, env={"CREDIT_DESK_USER": "official"})
    assert other.returncode == 0  # each demo account has its own wrap of the key

    # Backup and restore work on the encrypted register and round-trip the counts.
    made = json.loads(cli("backup", "--json", data=data, check=True).stdout)
    assert not Path(made["path"]).read_bytes().startswith(b"SQLite format 3")
    restored = cli("restore", made["path"], "--yes", data=data, check=True)
    assert str(made["counts"]["households"]) in restored.stdout

    # The recovery key alone opens it.
    keystore.forget(data)
    with pytest.raises(UserError):
        open_data_dir(data)
    keystore.unlock_with_recovery(data, recovery.lower())
    db = open_data_dir(data)
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 120
    db.close()
    keystore.forget(data)


def test_a_new_password_rewraps_the_key_and_the_old_one_stops_working(cli, tmp_path):
    from app.accounts import auth

    data, number = demo_register(cli, tmp_path)
    cli("encrypt", data=data, check=True)
    keystore.unlock(data, "admin", "demo2026")
    db = open_data_dir(data)
    admin = db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    auth.reset_password(db, admin, "viewer", "new-pass-2026")
    db.close()
    keystore.forget(data)
    with pytest.raises(UserError):
        keystore.unlock(data, "viewer", "demo2026")
    assert keystore.unlock(data, "viewer", "new-pass-2026")
    db = open_data_dir(data)  # same data key: the file was not re-encrypted
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 120
    db.close()
    keystore.forget(data)


def test_the_desktop_login_unlocks_an_encrypted_register(cli, tmp_path, ui_app, qtbot):
    from ui.accounts.login import LoginWindow

    data, number = demo_register(cli, tmp_path)
    cli("encrypt", data=data, check=True)
    keystore.forget(data)
    login = LoginWindow(data)  # opens nothing: the register cannot be read yet
    qtbot.addWidget(login)
    login.username.setText("official")
    login.password.setText("not-the-password")
    login.submit()
    assert "密码" in login.message.text()
    login.password.setText("demo2026")
    with qtbot.waitSignal(login.signed_in, timeout=10000) as signal:
        login.submit()
    assert signal.args[0].username == "official"
    db = open_data_dir(data)  # the key stays unlocked for the session's connections
    assert db.execute("SELECT count(*) FROM household WHERE head_id_number = ?",
                      [number]).fetchone()[0] == 1
    db.close()
    keystore.forget(data)


def test_the_sync_device_key_is_kept_encrypted_with_the_register(cli, tmp_path):
    from app.sync.keys import public_b64
    from app.sync.outbox import device_key, device_key_path

    data, _ = demo_register(cli, tmp_path)
    before = public_b64(device_key(data))  # plain register: a plain key file
    assert b"ENCRYPTED" not in device_key_path(data).read_bytes()
    cli("encrypt", data=data, check=True)
    keystore.unlock(data, "admin", "demo2026")
    assert public_b64(device_key(data)) == before  # same identity towards the county
    assert b"ENCRYPTED PRIVATE KEY" in device_key_path(data).read_bytes()
    keystore.forget(data)
    with pytest.raises(UserError):
        device_key(data)  # locked: nobody signed in

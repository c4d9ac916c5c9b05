"""Encrypted at rest: the register and its backups are unreadable without a user's password."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

from app import files as files_mod, keystore
from app.errors import UserError
from app.paths import DataDir
from app.store import open_data_dir

RECOVERY = re.compile(r"([A-Z2-7]{5}(?:-[A-Z2-7]{5}){7})")


def demo_register(cli, tmp_path) -> tuple[DataDir, str, str]:
    """`credit-desk demo` as a user runs it: (data, a head's ID number, the recovery key)."""
    data = DataDir(tmp_path / "d")
    built = cli("demo", "--households", "120", data=data, check=True, env={"CREDIT_DESK_USER": ""})
    keystore.unlock(data, "admin", "demo2026")
    db = open_data_dir(data)
    number = db.execute("SELECT head_id_number FROM household LIMIT 1").fetchone()[0]
    db.close()
    keystore.forget(data)
    return data, number, RECOVERY.search(built.stdout).group(1)


def plain_register(tmp_path) -> DataDir:
    """A plain register as an older version left it (the demo, and a real user lisi)."""
    from app.accounts import auth
    from app.demo import build_demo

    data = DataDir(tmp_path / "old")
    db = open_data_dir(data)
    build_demo(db, households=120, seed=5)
    admin = db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
    auth.create_user(db, admin, "lisi", "李四", "official", "lisi-own-2026", must_change=False)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert keystore.is_plain_file(data.register)
    return data


def assert_unreadable(path: Path, number: str) -> None:
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3"), path.name
    assert number.encode() not in raw, path.name


def test_the_demo_is_encrypted_from_the_start(cli, tmp_path):
    data, number, recovery = demo_register(cli, tmp_path)
    assert_unreadable(data.register, number)
    assert number.encode() not in keystore.keys_path(data).read_bytes()
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

    # Backups are encrypted too, and restore round-trips the counts.
    made = json.loads(cli("backup", "--json", data=data, check=True).stdout)
    assert_unreadable(Path(made["path"]), number)
    restored = cli("restore", made["path"], "--yes", data=data, check=True)
    assert str(made["counts"]["households"]) in restored.stdout

    # The recovery key alone opens it.
    with pytest.raises(UserError):
        open_data_dir(data)
    keystore.unlock_with_recovery(data, recovery.lower())
    db = open_data_dir(data)
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 120
    db.close()
    keystore.forget(data)


def test_a_new_township_register_is_encrypted_and_prints_its_recovery_key_once(cli, tmp_path):
    data = DataDir(tmp_path / "new")
    made = cli("setup", "--township-code", "510623105", "--township-name", "石泉镇", "--json",
               data=data, check=True, env={"CREDIT_DESK_USER": "zhangsan",
                                           "CREDIT_DESK_PASSWORD": "zhang-2026"})
    key = json.loads(made.stdout)["recovery_key"]
    assert RECOVERY.fullmatch(key)
    assert not keystore.is_plain_file(data.register) and keystore.is_encrypted(data)
    env = {"CREDIT_DESK_USER": "zhangsan", "CREDIT_DESK_PASSWORD": "zhang-2026"}
    listed = cli("places", "list", "--json", data=data, check=True, env=env)
    assert json.loads(listed.stdout)["township"]["name"] == "石泉镇"
    assert key not in listed.stdout  # shown once, at setup
    nobody = cli("setup", "--township-code", "510623106", "--township-name", "别的镇",
                 data=DataDir(tmp_path / "other"), env={"CREDIT_DESK_USER": ""})
    assert nobody.returncode == 2 and "管理员" in nobody.stderr
    assert not DataDir(tmp_path / "other").exists()


def test_encrypt_converts_a_plain_register_and_no_user_is_locked_out(cli, tmp_path):
    data = plain_register(tmp_path)
    db = open_data_dir(data)
    number = db.execute("SELECT head_id_number FROM household LIMIT 1").fetchone()[0]
    db.close()
    cli("backup", data=data, check=True)  # a plain backup made before: encrypted too
    scan = data.root / "letters" / "attachments" / "l1" / "ab12.png"  # a scan kept before
    scan.parent.mkdir(parents=True)
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + number.encode() * 10)
    hint = cli("search", number, data=data, check=True)
    assert "encrypt" in hint.stderr  # an administrator is told the register is still plain
    done = cli("encrypt", data=data, check=True)
    assert RECOVERY.search(done.stdout)
    files = [data.register, *data.backups.glob("*.sqlite3")]
    assert len(files) >= 3  # the register, the plain backup, the one made before converting
    for path in files:
        assert_unreadable(path, number)
    assert scan.read_bytes().startswith(files_mod.SEALED_MAGIC)
    assert number.encode() not in scan.read_bytes()
    keystore.unlock(data, "admin", "demo2026")
    assert files_mod.read_decrypted(data, scan).endswith(number.encode())
    keystore.forget(data)

    # lisi's password was never typed during the conversion, and still opens it: a
    # provisional wrap from the sign-in hash, made proper at the first sign-in.
    entry = json.loads(keystore.keys_path(data).read_text())["users"]["lisi"]
    assert "from_sign_in_hash" in entry and "$argon2id$" in entry["from_sign_in_hash"]
    lisi = {"CREDIT_DESK_USER": "lisi", "CREDIT_DESK_PASSWORD": "lisi-own-2026"}
    assert json.loads(cli("search", number, "--json", data=data, check=True, env=lisi).stdout)
    entry = json.loads(keystore.keys_path(data).read_text())["users"]["lisi"]
    assert "from_sign_in_hash" not in entry and "salt" in entry
    assert cli("search", number, data=data, env=lisi).returncode == 0
    wrong = cli("search", number, data=data, env={**lisi, "CREDIT_DESK_PASSWORD": "nope-2026"})
    assert wrong.returncode == 2


def test_a_new_password_rewraps_the_key_and_the_old_one_stops_working(cli, tmp_path):
    from app.accounts import auth

    data, number, _ = demo_register(cli, tmp_path)
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

    data, number, _ = demo_register(cli, tmp_path)
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


def test_an_administrator_signing_in_to_a_plain_register_encrypts_it(tmp_path, ui_app, qtbot):
    from ui.accounts.login import LoginWindow

    data = plain_register(tmp_path)
    login = LoginWindow(data)
    qtbot.addWidget(login)
    login.username.setText("admin")
    login.password.setText("demo2026")
    login.submit()
    qtbot.waitUntil(lambda: getattr(login, "recovery_dialog", None) is not None, timeout=30000)
    dialog = login.recovery_dialog
    assert not keystore.is_plain_file(data.register)
    assert list(data.backups.glob("*before-encryption.sqlite3"))  # a backup first
    with qtbot.waitSignal(login.signed_in, timeout=5000) as signal:
        dialog.kept.setChecked(True)
        dialog.ok.click()
    assert signal.args[0].username == "admin"
    keystore.forget(data)
    assert keystore.unlock(data, "lisi", "lisi-own-2026")  # the others are not locked out
    keystore.forget(data)


def test_the_sync_device_key_is_kept_encrypted_with_the_register(cli, tmp_path):
    from app.sync.keys import public_b64
    from app.sync.outbox import device_key, device_key_path

    data = plain_register(tmp_path)
    before = public_b64(device_key(data))  # plain register: a plain key file
    assert b"ENCRYPTED" not in device_key_path(data).read_bytes()
    cli("encrypt", data=data, check=True)
    keystore.unlock(data, "admin", "demo2026")
    assert public_b64(device_key(data)) == before  # same identity towards the county
    assert b"ENCRYPTED PRIVATE KEY" in device_key_path(data).read_bytes()
    keystore.forget(data)
    with pytest.raises(UserError):
        device_key(data)  # locked: nobody signed in


def _add_wraps(root: str, key_hex: str, prefix: str, count: int) -> None:
    data = DataDir(Path(root))
    keystore.remember(data, bytes.fromhex(key_hex))
    for i in range(count):
        keystore.set_user_key(data, f"{prefix}{i}", "pw-" + prefix)


def test_two_processes_adding_passwords_at_once_lose_none(tmp_path):
    """Two officials' sessions on one PC change keys.json at the same moments: every
    user's key wrap survives (each change reads the file afresh under a lock)."""
    import multiprocessing

    data = DataDir(tmp_path / "shared")
    data.root.mkdir()
    key, _ = keystore.create(data, {"admin": "demo2026"})
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_add_wraps, args=(str(data.root), key.hex(), p, 6))
               for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    users = json.loads(keystore.keys_path(data).read_text())["users"]
    assert set(users) == {"admin"} | {f"{p}{i}" for p in "ab" for i in range(6)}
    for name in ("a5", "b0"):
        assert keystore.unlock(data, name, "pw-" + name[0])

"""Signing in: argon2id hashes, lockout and its end, account administration."""

from __future__ import annotations

import datetime as dt

import pytest

from app.accounts import auth, permissions
from app.accounts.auth import SignInFailed
from app.errors import UserError
from tests.conftest import PASSWORD


def test_password_is_stored_as_argon2id_and_checked(db, admin_id):
    stored = db.execute("SELECT password_hash FROM app_user WHERE id = ?", [admin_id]).fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert auth.authenticate(db, "admin", PASSWORD).id == admin_id
    with pytest.raises(SignInFailed, match="用户名或密码错误"):
        auth.authenticate(db, "admin", "wrong-one")
    outcomes = [r[0] for r in db.execute("SELECT outcome FROM login_attempt ORDER BY seq")]
    assert outcomes == ["ok", "wrong_password"]


def test_five_wrong_passwords_lock_the_account_until_the_lock_ends(db, admin_id):
    start = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.timezone.utc)
    for attempt in range(4):
        with pytest.raises(SignInFailed) as exc:
            auth.authenticate(db, "admin", "nope-nope", now=start)
        assert exc.value.outcome == "wrong_password"
    with pytest.raises(SignInFailed, match="锁定") as exc:
        auth.authenticate(db, "admin", "nope-nope", now=start)
    assert exc.value.outcome == "locked"
    # Locked: even the right password is refused, and the refusal is logged.
    with pytest.raises(SignInFailed) as exc:
        auth.authenticate(db, "admin", PASSWORD, now=start + dt.timedelta(minutes=14))
    assert exc.value.outcome == "locked"
    assert auth.authenticate(db, "admin", PASSWORD,
                             now=start + dt.timedelta(minutes=15, seconds=1)).id == admin_id
    outcomes = [r[0] for r in db.execute("SELECT outcome FROM login_attempt ORDER BY seq")]
    assert outcomes == ["wrong_password"] * 5 + ["locked", "ok"]


def test_lockout_numbers_come_from_the_policy(db, admin_id):
    from app.accounts import policy

    text = policy.shipped_text().replace("max_failed_attempts = 5", "max_failed_attempts = 2")
    policy.save(db, admin_id, text)
    for _ in range(2):
        with pytest.raises(SignInFailed) as exc:
            auth.authenticate(db, "admin", "nope-nope")
    assert exc.value.outcome == "locked"
    log = list(db.query("SELECT action, detail FROM account_log WHERE action = 'policy_change'"))
    assert len(log) == 1 and '"version": 2' in log[0]["detail"]


def test_admin_manages_users_and_cannot_remove_the_last_admin(db, admin_id):
    clerk = auth.create_user(db, admin_id, "zhang", "张三", "official", "first-pass")
    assert clerk.must_change_password
    with pytest.raises(UserError, match="最后一个管理员"):
        auth.set_active(db, admin_id, "admin", False)
    with pytest.raises(UserError, match="最后一个管理员"):
        auth.set_role(db, admin_id, "admin", "viewer")
    auth.set_role(db, admin_id, "zhang", "admin")
    auth.set_role(db, admin_id, "admin", "viewer")  # another admin exists now
    with pytest.raises(permissions.PermissionDenied, match="users.manage"):
        auth.create_user(db, admin_id, "li", "李四", "viewer", "first-pass")
    auth.set_active(db, clerk.id, "admin", False)
    with pytest.raises(SignInFailed, match="停用"):
        auth.authenticate(db, "admin", PASSWORD)
    auth.reset_password(db, clerk.id, "zhang", "temporary1")
    assert auth.authenticate(db, "zhang", "temporary1").must_change_password
    changed = auth.change_password(db, clerk.id, "temporary1", "my-own-pass")
    assert not changed.must_change_password


def test_cli_needs_a_user_and_the_right_password(cli, demo_data):
    env = {"CREDIT_DESK_USER": "", "CREDIT_DESK_PASSWORD": ""}
    r = cli("search", "王", "--json", data=demo_data, env=env)
    assert r.returncode == 2 and "--user" in r.stderr and r.stdout == ""
    assert "demo2026" in r.stderr  # the demo township names its accounts
    r = cli("search", "王", "--json", data=demo_data,
            env={"CREDIT_DESK_USER": "viewer", "CREDIT_DESK_PASSWORD": "wrong-pass"})
    assert r.returncode == 2 and "密码错误" in r.stderr
    r = cli("--user", "viewer", "--password-stdin", "search", "王", data=demo_data,
            env={"CREDIT_DESK_USER": "", "CREDIT_DESK_PASSWORD": ""}, input="demo2026\n")
    assert r.returncode == 0, r.stderr
    r = cli("search", "王", "--user", "official", data=demo_data,
            env={"CREDIT_DESK_USER": ""})
    assert r.returncode == 0, r.stderr


def test_cli_five_wrong_passwords_lock_the_account(cli, demo_data):
    bad = {"CREDIT_DESK_USER": "official", "CREDIT_DESK_PASSWORD": "not-it-at-all"}
    for _ in range(5):
        assert cli("search", "王", data=demo_data, env=bad).returncode == 2
    r = cli("search", "王", data=demo_data,
            env={"CREDIT_DESK_USER": "official", "CREDIT_DESK_PASSWORD": PASSWORD})
    assert r.returncode == 2 and "锁定" in r.stderr


def test_cli_users_commands(cli, demo_data, tmp_path):
    r = cli("users", "list", "--json", data=demo_data, check=True)
    import json
    names = {u["username"]: u for u in json.loads(r.stdout)}
    assert {"admin", "official", "field", "viewer"} <= set(names)
    assert names["field"]["villages"]
    new = {"CREDIT_DESK_NEW_PASSWORD": "start-2026"}
    cli("users", "add", "wang", "--name", "王五", "--role", "viewer", data=demo_data, env=new,
        check=True)
    r = cli("search", "王", data=demo_data,
            env={"CREDIT_DESK_USER": "wang", "CREDIT_DESK_PASSWORD": "start-2026"})
    assert r.returncode == 2 and "users passwd" in r.stderr
    cli("users", "passwd", data=demo_data, check=True,
        env={"CREDIT_DESK_USER": "wang", "CREDIT_DESK_PASSWORD": "start-2026",
             "CREDIT_DESK_NEW_PASSWORD": "wangs-own-1"})
    cli("search", "王", data=demo_data, check=True,
        env={"CREDIT_DESK_USER": "wang", "CREDIT_DESK_PASSWORD": "wangs-own-1"})
    r = cli("users", "add", "li", data=demo_data, env={
        "CREDIT_DESK_USER": "viewer", "CREDIT_DESK_PASSWORD": PASSWORD, **new})
    assert r.returncode == 2 and "users.manage" in r.stderr
    cli("users", "disable", "wang", data=demo_data, check=True)
    r = cli("search", "王", data=demo_data,
            env={"CREDIT_DESK_USER": "wang", "CREDIT_DESK_PASSWORD": "wangs-own-1"})
    assert r.returncode == 2 and "停用" in r.stderr
    cli("users", "enable", "wang", data=demo_data, check=True)
    cli("users", "set-role", "wang", "official", data=demo_data, check=True)
    cli("users", "reset-password", "wang", data=demo_data, env={
        "CREDIT_DESK_NEW_PASSWORD": "temp-2026-x"}, check=True)
    r = cli("users", "disable", "admin", data=demo_data)
    assert r.returncode == 2 and "最后一个管理员" in r.stderr


def test_first_administrator_of_a_new_register_needs_no_sign_in(cli, data):
    from app.store import open_data_dir

    open_data_dir(data).close()
    r = cli("users", "add", "chief", "--name", "主任", data=data,
            env={"CREDIT_DESK_USER": "", "CREDIT_DESK_NEW_PASSWORD": "chief-pass-1"})
    assert r.returncode == 0, r.stderr
    r = cli("users", "add", "other", data=data,
            env={"CREDIT_DESK_USER": "", "CREDIT_DESK_NEW_PASSWORD": "other-pass-1"})
    assert r.returncode == 2 and "--user" in r.stderr
    assert "demo2026" not in r.stderr  # a real township is not told of demo accounts
    cli("users", "list", data=data, check=True,
        env={"CREDIT_DESK_USER": "chief", "CREDIT_DESK_PASSWORD": "chief-pass-1"})


def test_a_register_without_an_administrator_says_how_to_make_one(cli, data):
    from app.store import open_data_dir

    open_data_dir(data).close()  # as upgraded from before accounts: no one can sign in
    r = cli("search", "王", data=data)
    assert r.returncode == 2 and "users add" in r.stderr


def test_password_listeners_hear_every_new_password_and_each_sign_in(db, admin_id):
    heard = []

    def listener(database, user_id, password, event):
        heard.append((user_id, password, event))

    auth.add_password_listener(listener)
    try:
        clerk = auth.create_user(db, admin_id, "sun", "孙七", "viewer", "first-pass")
        auth.authenticate(db, "sun", "first-pass")
        auth.change_password(db, clerk.id, "first-pass", "second-pass")
        auth.reset_password(db, admin_id, "sun", "third-pass")
    finally:
        auth._listeners.remove(listener)
    assert heard == [(clerk.id, "first-pass", "set"), (clerk.id, "first-pass", "verified"),
                     (clerk.id, "second-pass", "set"), (clerk.id, "third-pass", "set")]

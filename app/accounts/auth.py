"""Signing in and managing accounts.

Passwords are argon2id hashes (argon2-cffi);
a password is never stored or logged. Every sign-in attempt is written to
``login_attempt``; too many wrong passwords in a row lock the account for a
while (both numbers in the access policy). What administrators do to
accounts goes to the hash-chained ``account_log``, never to the journal:
the journal travels to the county, account data does not.

Other areas that need the password itself (encryption keys wrapped per
user) register a listener with ``add_password_listener``; it is called
with ``(db, user_id, password, event)`` where event is "set" (a new
password: creation, reset, change) or "verified" (a successful sign-in).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Any, Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from app.accounts import permissions
from app.accounts import policy as access_policy
from app.accounts.permissions import Actor
from app.errors import FieldError, UserError, ValidationFailed
from app.i18n import translate
from app.journal import new_id, utc_now

# argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about
# 70 ms on a slow township PC, and every CLI command signs in. The parameters
# are stored in each hash, so raising them later needs no migration.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_listeners: list[Callable[[Database, str, str, str], None]] = []


class SignInFailed(UserError):
    def __init__(self, message: str, outcome: str):
        super().__init__(message)
        self.outcome = outcome


def add_password_listener(fn: Callable[[Database, str, str, str], None]) -> None:
    if fn not in _listeners:
        _listeners.append(fn)


def _tell(db: Database, user_id: str, password: str, event: str) -> None:
    for fn in list(_listeners):
        fn(db, user_id, password, event)


def notify_password_set(db: Database, user_id: str, password: str) -> None:
    """For code that stores a hash itself (the demo accounts): tell the listeners."""
    _tell(db, user_id, password, "set")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def log_account(db: Database, actor_id: str, action: str, user_id: str | None,
                detail: Any = None) -> None:
    if detail is not None and not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    with db.atomic():
        db.execute("INSERT INTO account_log (at, actor_id, action, user_id, detail) "
                   "VALUES (?,?,?,?,?)", [utc_now(), actor_id, action, user_id, detail])


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.timezone.utc)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)


def _find(db: Database, username: str) -> dict | None:
    cursor = db.execute("SELECT * FROM app_user WHERE username = ?", [username])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def _attempt(db: Database, username: str, user_id: str | None, outcome: str, via: str,
             now: dt.datetime) -> None:
    db.execute("INSERT INTO login_attempt (at, username, user_id, outcome, via) "
               "VALUES (?,?,?,?,?)", [_stamp(now), username, user_id, outcome, via])


def authenticate(db: Database, username: str, password: str, *, via: str = "cli",
                 now: dt.datetime | None = None) -> Actor:
    """The account if the password is right; otherwise SignInFailed, and the attempt logged.

    A locked account refuses even the right password until the lock ends.
    """
    now = _now(now)
    username = (username or "").strip()
    user = _find(db, username)
    failure: SignInFailed | None = None
    with db.atomic():
        if user is None or not user["password_hash"]:
            _attempt(db, username, user and user["id"], "unknown_user", via, now)
            failure = SignInFailed(translate(
                "Accounts", "Wrong user name or password."), "unknown_user")
        elif not user["active"]:
            _attempt(db, username, user["id"], "disabled", via, now)
            failure = SignInFailed(translate(
                "Accounts", "The account {user} is disabled. Ask an administrator.").format(
                user=username), "disabled")
        elif user["locked_until"] and _parse_stamp(user["locked_until"]) > now:
            _attempt(db, username, user["id"], "locked", via, now)
            until = _parse_stamp(user["locked_until"]).astimezone()
            failure = SignInFailed(translate(
                "Accounts", "The account {user} is locked after too many wrong passwords "
                            "until {time}. Try again then, or ask an administrator to reset "
                            "the password.").format(user=username,
                                                    time=until.strftime("%H:%M")), "locked")
        elif not _verify(user["password_hash"], password):
            failed = (0 if user["locked_until"] else user["failed_attempts"]) + 1
            limit = access_policy.signin_rule(db, "max_failed_attempts")
            locked_until = None
            if failed >= limit:
                minutes = access_policy.signin_rule(db, "lockout_minutes")
                locked_until = _stamp(now + dt.timedelta(minutes=minutes))
            db.execute("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                       [0 if locked_until else failed, locked_until, user["id"]])
            _attempt(db, username, user["id"], "wrong_password", via, now)
            if locked_until:
                failure = SignInFailed(translate(
                    "Accounts", "Wrong password. The account {user} is now locked for {minutes} "
                                "minutes.").format(user=username, minutes=minutes), "locked")
            else:
                failure = SignInFailed(translate(
                    "Accounts", "Wrong user name or password ({left} tries left before the "
                                "account is locked).").format(left=limit - failed),
                    "wrong_password")
        else:
            db.execute("UPDATE app_user SET failed_attempts = 0, locked_until = NULL "
                       "WHERE id = ?", [user["id"]])
            _attempt(db, username, user["id"], "ok", via, now)
    if failure is not None:
        raise failure
    _tell(db, user["id"], password, "verified")
    return permissions.actor(db, user["id"])


def verify_password(db: Database, user_id: str, password: str, *, via: str = "unlock") -> Actor:
    """The same checks as signing in, for the user already known (unlocking the window)."""
    row = db.execute("SELECT username FROM app_user WHERE id = ?", [user_id]).fetchone()
    if row is None:
        raise SignInFailed(translate("Accounts", "Unknown user."), "unknown_user")
    return authenticate(db, row[0], password, via=via)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _check_password(db: Database, password: str, field: str = "password") -> None:
    minimum = access_policy.signin_rule(db, "min_password_length")
    if len(password or "") < minimum:
        raise ValidationFailed([FieldError(field, translate(
            "Accounts", "A password needs at least {n} characters.").format(n=minimum))])


def _clean_username(username: str) -> str:
    name = unicodedata.normalize("NFKC", username or "").strip()
    if not name or any(c.isspace() for c in name) or len(name) > 40:
        raise ValidationFailed([FieldError("username", translate(
            "Accounts", "A user name is 1 to 40 characters without spaces, e.g. zhangsan."))])
    return name


def _check_role(role: str) -> None:
    if role not in access_policy.ROLES:
        raise ValidationFailed([FieldError("role", translate(
            "Accounts", "Unknown role {role}; choose one of {roles}.").format(
            role=role, roles=", ".join(access_policy.ROLES)))])


def _place_ids(db: Database, villages: list[str]) -> list[str]:
    """Village ids from ids, 12-digit codes or names."""
    out = []
    for v in villages:
        row = db.execute("SELECT id FROM place WHERE level = 'village' AND "
                         "(id = ? OR code = ? OR name = ?)", [v, v, v]).fetchone()
        if row is None:
            raise ValidationFailed([FieldError("village_id", translate(
                "Accounts", "No village {village} in the register.").format(village=v))])
        out.append(row[0])
    return out


def needs_first_admin(db: Database) -> bool:
    """True while no active administrator can sign in (new or upgraded register)."""
    return db.execute("SELECT 1 FROM app_user WHERE role = 'admin' AND active = 1 "
                      "AND password_hash IS NOT NULL").fetchone() is None


def _insert(db: Database, actor_id: str | None, username: str, display_name: str, role: str,
            password: str, villages: list[str], must_change: bool) -> str:
    username = _clean_username(username)
    _check_role(role)
    _check_password(db, password)
    if _find(db, username):
        raise ValidationFailed([FieldError("username", translate(
            "Accounts", "The user name {user} is taken; choose another.").format(user=username))])
    village_ids = _place_ids(db, villages)
    user_id = new_id()
    with db.atomic():
        db.execute(
            "INSERT INTO app_user (id, username, display_name, role, created_at, password_hash, "
            "must_change_password, password_changed_at) VALUES (?,?,?,?,?,?,?,?)",
            [user_id, username, (display_name or "").strip() or username, role, utc_now(),
             hash_password(password), int(must_change), utc_now()])
        db.conn.executemany("INSERT INTO user_village (user_id, village_id) VALUES (?,?)",
                            [(user_id, v) for v in village_ids])
        log_account(db, actor_id or user_id, "create_user", user_id,
                    {"username": username, "role": role, "villages": village_ids})
        _tell(db, user_id, password, "set")
    return user_id


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> Actor:
    """The first administrator, at setup or on a register that has none able to sign in."""
    if not needs_first_admin(db):
        raise UserError(translate("Accounts", "This register already has an administrator; "
                                              "ask them to add your account."))
    user_id = _insert(db, None, username, display_name, "admin", password, [], False)
    return permissions.actor(db, user_id)


def create_user(db: Database, actor_id: str, username: str, display_name: str, role: str,
                password: str, *, villages: list[str] = (), must_change: bool = True) -> Actor:
    permissions.require(db, actor_id, "users.manage")
    return permissions.actor(db, _insert(db, actor_id, username, display_name, role, password,
                                         list(villages), must_change))


def user_by_name(db: Database, username: str) -> dict:
    user = _find(db, (username or "").strip())
    if user is None:
        raise UserError(translate("Accounts", "No user named {user}.").format(user=username))
    return user


def _active_admins(db: Database) -> int:
    return db.execute("SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1 "
                      "AND password_hash IS NOT NULL").fetchone()[0]


def _guard_last_admin(db: Database, user: dict) -> None:
    if user["role"] == "admin" and user["active"] and user["password_hash"] \
            and _active_admins(db) <= 1:
        raise UserError(translate("Accounts", "{user} is the last administrator; make another "
                                              "user an administrator first.").format(
            user=user["username"]))


def set_active(db: Database, actor_id: str, username: str, active: bool) -> None:
    permissions.require(db, actor_id, "users.manage")
    user = user_by_name(db, username)
    if not active:
        _guard_last_admin(db, user)
    with db.atomic():
        db.execute("UPDATE app_user SET active = ? WHERE id = ?", [int(active), user["id"]])
        log_account(db, actor_id, "enable_user" if active else "disable_user", user["id"],
                    {"username": user["username"]})


def set_role(db: Database, actor_id: str, username: str, role: str,
             villages: list[str] | None = None) -> None:
    permissions.require(db, actor_id, "users.manage")
    _check_role(role)
    user = user_by_name(db, username)
    if role != "admin":
        _guard_last_admin(db, user)
    village_ids = _place_ids(db, villages) if villages is not None else None
    with db.atomic():
        db.execute("UPDATE app_user SET role = ? WHERE id = ?", [role, user["id"]])
        if village_ids is not None:
            db.execute("DELETE FROM user_village WHERE user_id = ?", [user["id"]])
            db.conn.executemany("INSERT INTO user_village (user_id, village_id) VALUES (?,?)",
                                [(user["id"], v) for v in village_ids])
        log_account(db, actor_id, "set_role", user["id"], {
            "username": user["username"], "from": user["role"], "to": role,
            "villages": village_ids})


def reset_password(db: Database, actor_id: str, username: str, new_password: str) -> None:
    """An administrator sets a temporary password; the user must change it at next sign-in."""
    permissions.require(db, actor_id, "users.manage")
    user = user_by_name(db, username)
    _check_password(db, new_password)
    with db.atomic():
        db.execute("UPDATE app_user SET password_hash = ?, must_change_password = 1, "
                   "failed_attempts = 0, locked_until = NULL, password_changed_at = ? "
                   "WHERE id = ?", [hash_password(new_password), utc_now(), user["id"]])
        log_account(db, actor_id, "reset_password", user["id"], {"username": user["username"]})
        _tell(db, user["id"], new_password, "set")


def change_password(db: Database, user_id: str, old_password: str, new_password: str) -> Actor:
    """The user's own change (also the forced one after a reset)."""
    row = db.execute("SELECT password_hash FROM app_user WHERE id = ?", [user_id]).fetchone()
    if row is None or not row[0] or not _verify(row[0], old_password):
        raise ValidationFailed([FieldError("old_password", translate(
            "Accounts", "The current password is wrong."))])
    _check_password(db, new_password, "new_password")
    if new_password == old_password:
        raise ValidationFailed([FieldError("new_password", translate(
            "Accounts", "Choose a new password different from the current one."))])
    with db.atomic():
        db.execute("UPDATE app_user SET password_hash = ?, must_change_password = 0, "
                   "password_changed_at = ? WHERE id = ?",
                   [hash_password(new_password), utc_now(), user_id])
        log_account(db, user_id, "change_password", user_id)
        _tell(db, user_id, new_password, "set")
    return permissions.actor(db, user_id)


def list_users(db: Database) -> list[dict[str, Any]]:
    rows = list(db.query(
        "SELECT u.id, u.username, u.display_name, u.role, u.active, u.must_change_password, "
        "u.locked_until, u.password_hash IS NOT NULL AS can_sign_in, u.created_at, "
        "(SELECT group_concat(p.name, '、') FROM user_village v JOIN place p "
        " ON p.id = v.village_id WHERE v.user_id = u.id) AS villages "
        "FROM app_user u ORDER BY u.created_at, u.username"))
    for row in rows:
        row["role_label"] = permissions.role_label(row["role"], db)
        row["active"] = bool(row["active"])
        row["must_change_password"] = bool(row["must_change_password"])
        row["can_sign_in"] = bool(row["can_sign_in"])
    return rows

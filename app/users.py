"""Operators. Until login exists the default operator signs every change."""

from __future__ import annotations

from sqlite_utils import Database

from app.journal import new_id, utc_now


def default_operator_id(db: Database) -> str:
    row = db.execute(
        "SELECT id FROM app_user WHERE active = 1 ORDER BY (username = 'operator') DESC, "
        "created_at LIMIT 1"
    ).fetchone()
    return row[0]


def get_user(db: Database, user_id: str) -> dict:
    return next(db.query("SELECT * FROM app_user WHERE id = ?", [user_id]))


def username_of(db: Database, user_id: str | None) -> str:
    """The login name of ``user_id`` ("" when there is none), as backups record it."""
    row = db.execute("SELECT username FROM app_user WHERE id = ?", [user_id]).fetchone()
    return row[0] if row else ""


def create_user(db: Database, username: str, display_name: str, role: str = "official") -> str:
    user_id = new_id()
    with db.atomic():
        db.execute(
            "INSERT INTO app_user (id, username, display_name, role, created_at) VALUES (?,?,?,?,?)",
            [user_id, username, display_name, role, utc_now()],
        )
    return user_id


def display_name(user: dict) -> str:
    """The name to show; the built-in operator is named in the user's language."""
    from app.i18n import translate

    if user.get("username") == "operator" and user.get("display_name") in (
            "Default operator", "默认操作员"):
        return translate("Users", "Default operator")
    return user.get("display_name") or user.get("username") or ""

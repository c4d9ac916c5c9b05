"""The demo township's accounts: one user of each role, password demo2026.

Shown on the login screen of the demo register only (``is_demo``).
"""

from __future__ import annotations

from sqlite_utils import Database

from app import settings
from app.accounts import auth
from app.journal import new_id, utc_now

DEMO_PASSWORD = "demo2026"
DEMO_SETTING = "accounts.demo_register"
# username, display name, role
DEMO_USERS = (
    ("admin", "管理员（演示）", "admin"),
    ("official", "信用办干部（演示）", "official"),
    ("field", "驻村干部（演示）", "field_staff"),
    ("viewer", "查询员（演示）", "viewer"),
)


def create_demo_users(db: Database) -> dict[str, str]:
    """The four demo accounts (existing ones kept); returns username -> id."""
    ids = {}
    hashed = auth.hash_password(DEMO_PASSWORD)  # one hash for four: the demo is public anyway
    with db.atomic():
        for username, name, role in DEMO_USERS:
            row = db.execute("SELECT id FROM app_user WHERE username = ?", [username]).fetchone()
            if row:
                ids[username] = row[0]
                continue
            ids[username] = new_id()
            db.execute(
                "INSERT INTO app_user (id, username, display_name, role, created_at, "
                "password_hash, password_changed_at) VALUES (?,?,?,?,?,?,?)",
                [ids[username], username, name, role, utc_now(), hashed, utc_now()])
            auth.log_account(db, ids["admin"], "create_user", ids[username],
                             {"username": username, "role": role, "demo": True})
            auth.notify_password_set(db, ids[username], DEMO_PASSWORD)
        settings.put(db, DEMO_SETTING, True)
    return ids


def assign_demo_villages(db: Database, village_ids: list[str]) -> None:
    with db.atomic():
        user = db.execute("SELECT id FROM app_user WHERE username = 'field'").fetchone()
        if user:
            db.conn.executemany("INSERT OR IGNORE INTO user_village (user_id, village_id) "
                                "VALUES (?,?)", [(user[0], v) for v in village_ids])


def is_demo(db: Database) -> bool:
    return bool(settings.get(db, DEMO_SETTING, False))


def demo_accounts() -> list[dict[str, str]]:
    return [{"username": u, "display_name": n, "role": r, "password": DEMO_PASSWORD}
            for u, n, r in DEMO_USERS]


def demo_user_id(db: Database, username: str) -> str | None:
    row = db.execute("SELECT id FROM app_user WHERE username = ?", [username]).fetchone()
    return row[0] if row else None

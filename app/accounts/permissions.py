"""What each role may do, checked by the app/ functions that do the work.

A refusal is a ``PermissionDenied`` whose message names the missing
permission in the user's language, so the desktop app and the command line
say the same thing. Field staff (a ``village_scoped`` role) see and change
only the villages assigned to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.accounts import policy as access_policy
from app.errors import UserError
from app.i18n import translate


def permission_labels() -> dict[str, str]:
    return {
        "register.view": translate("Accounts", "look up households and organizations"),
        "register.edit": translate("Accounts", "change the register"),
        "register.full_numbers": translate("Accounts", "see full ID numbers and phones"),
        "register.import": translate("Accounts", "import from Excel"),
        "places.manage": translate("Accounts", "manage villages and groups"),
        "register.export": translate("Accounts", "export personal data"),
        "rating.collect": translate("Accounts", "collect rating answers"),
        "rating.first_review": translate("Accounts", "record a rating's first review"),
        "rating.review": translate("Accounts", "township review of ratings"),
        "rating.approve": translate("Accounts", "approve ratings"),
        "rating.manage": translate("Accounts", "manage rating campaigns and schemes"),
        "letters.manage": translate("Accounts", "print and collect commitment letters"),
        "records.edit": translate("Accounts", "record credit information"),
        "records.repair": translate("Accounts", "record a credit repair application"),
        "records.repair_approve": translate("Accounts", "decide credit repairs"),
        "records.objection": translate("Accounts", "record an objection"),
        "records.objection_decide": translate("Accounts", "decide objections"),
        "reports.issue": translate("Accounts", "issue credit reports"),
        "lists.manage": translate("Accounts", "manage red and black lists"),
        "sync.run": translate("Accounts", "exchange batches with the county"),
        "users.manage": translate("Accounts", "manage users"),
        "policy.edit": translate("Accounts", "change policies"),
        "backups.manage": translate("Accounts", "make and restore backups"),
        "audit.review": translate("Accounts", "review the query and use log"),
    }


PERMISSIONS = tuple(permission_labels())


class PermissionDenied(UserError):
    def __init__(self, message: str, permission: str):
        super().__init__(message)
        self.permission = permission


@dataclass(frozen=True)
class Actor:
    """The signed-in person; ``id`` is what app/ functions take as operator_id."""

    id: str
    username: str
    display_name: str
    role: str
    must_change_password: bool = False


def role_label(role: str, db: Database | None = None) -> str:
    roles = access_policy.load(db)["roles"]
    return roles.get(role, {}).get("label") or role


def _user(db: Database, user_id: str) -> dict | None:
    cursor = db.execute(
        "SELECT id, username, display_name, role, active, must_change_password "
        "FROM app_user WHERE id = ?", [user_id])
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


def actor(db: Database, user_id: str) -> Actor:
    user = _user(db, user_id)
    if user is None:
        raise UserError(translate("Accounts", "Unknown user."))
    return Actor(user["id"], user["username"], user["display_name"], user["role"],
                 bool(user["must_change_password"]))


def role_permissions(db: Database | None, role: str) -> frozenset[str]:
    granted = access_policy.load(db)["roles"].get(role, {}).get("permissions", [])
    if "*" in granted:
        return frozenset(PERMISSIONS)
    return frozenset(granted)


def has(db: Database, user_id: str, permission: str) -> bool:
    user = _user(db, user_id)
    return bool(user and user["active"]) and permission in role_permissions(db, user["role"])


def require(db: Database, user_id: str, permission: str) -> None:
    """Refuse unless ``user_id`` is an active user whose role grants ``permission``."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    user = _user(db, user_id)
    if user is None or not user["active"]:
        raise PermissionDenied(translate(
            "Accounts", "This account is disabled or unknown; sign in as another user."),
            permission)
    if permission not in role_permissions(db, user["role"]):
        raise PermissionDenied(translate(
            "Accounts", "{user} ({role}) may not {action}: the permission \"{permission}\" is "
                        "missing. Ask an administrator.").format(
            user=user["display_name"] or user["username"], role=role_label(user["role"], db),
            action=permission_labels()[permission], permission=permission), permission)


def villages_of(db: Database, user_id: str) -> frozenset[str] | None:
    """The villages a user may work in, or None for all (roles not village-scoped)."""
    user = _user(db, user_id)
    if user is None:
        return frozenset()
    rules = access_policy.load(db)["roles"].get(user["role"], {})
    if not rules.get("village_scoped"):
        return None
    return frozenset(r[0] for r in db.execute(
        "SELECT village_id FROM user_village WHERE user_id = ?", [user_id]))


def require_village(db: Database, user_id: str, village_id: str | None) -> None:
    """Refuse work on a village outside the user's assignment (field staff)."""
    allowed = villages_of(db, user_id)
    if allowed is None or village_id in allowed:
        return
    row = db.execute("SELECT name FROM place WHERE id = ?", [village_id]).fetchone()
    raise PermissionDenied(translate(
        "Accounts", "You are not assigned to {village}; field staff work only in their own "
                    "villages. Ask an administrator to assign it.").format(
        village=row[0] if row else village_id), "register.edit")


def require_subject_village(db: Database, user_id: str, subject_id: str) -> None:
    if villages_of(db, user_id) is None:
        return
    row = db.execute(
        "SELECT village_id FROM household WHERE id = ? UNION ALL "
        "SELECT village_id FROM organization WHERE id = ?", [subject_id, subject_id]).fetchone()
    require_village(db, user_id, row[0] if row else None)


def require_letter_village(db: Database, user_id: str, letter_id: str) -> None:
    """Field staff handle the letters of their own villages only."""
    if villages_of(db, user_id) is None:
        return
    row = db.execute("SELECT subject_id FROM commitment_letter WHERE id = ?",
                     [letter_id]).fetchone()
    if row:
        require_subject_village(db, user_id, row[0])


def sod_applies(db: Database | None, step: str) -> bool:
    rule = access_policy.load(db)["separation_of_duties"]
    return bool(rule.get("enabled")) and step in rule.get("steps", [])


def require_other_person(db: Database, user_id: str, step: str,
                         recorded_by: str | None) -> None:
    """Separation of duties: who recorded or applied for something may not approve it."""
    if recorded_by and recorded_by == user_id and sod_applies(db, step):
        raise PermissionDenied(translate(
            "Accounts", "You recorded this yourself; another person must approve it "
                        "(separation of duties)."), step)

"""Who may see personal numbers in full, and how they are masked otherwise.

ID numbers and phones are personal information (PIPL): lists and detail
views show them masked (``5106****1234``) unless the operator's role allows
full display and the operator asks for it. Revealing is logged through the
records area's query-and-use log when that exists.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from sqlite_utils import Database

from app.i18n import translate

# Roles (app_user.role) allowed to reveal full numbers and to edit the register.
REVEAL_ROLES = frozenset({"admin", "official"})
EDIT_ROLES = frozenset({"admin", "official"})


def can_reveal(role: str | None) -> bool:
    return role in REVEAL_ROLES


def can_edit(role: str | None) -> bool:
    return role in EDIT_ROLES


def mask_id_number(number: str | None) -> str:
    """510623198001011234 -> 5106**********1234 (first 4 and last 4 kept)."""
    if not number:
        return ""
    if len(number) <= 8:
        return number[:1] + "*" * (len(number) - 1)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """13812345678 -> 138****5678."""
    if not phone:
        return ""
    if len(phone) <= 7:
        return "*" * (len(phone) - 2) + phone[-2:]
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_uscc(uscc: str | None) -> str:
    """A USCC names an organization, not a person: shown in full."""
    return uscc or ""


def _optional(module: str, name: str):
    """``module.name`` if that module exists (areas land at different times)."""
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(importlib.import_module(module), name, None)


def log_use(db: Database, operator_id: str, *, action: str, subject_id: str | None = None,
            purpose: str | None = None, detail: Any = None) -> bool:
    """Write to the query-and-use log if the records area provides it."""
    fn = _optional("app.records.query_log", "log_use")
    if fn is None:
        return False
    fn(db, operator_id, action=action, subject_id=subject_id, purpose=purpose, detail=detail)
    return True


def describe_list_status(status: dict) -> str:
    """One line for a form, in the records area's words when it provides them."""
    fn = _optional("app.records.lists", "describe_status")
    if fn is not None:
        return fn(status)
    if not status.get("listed"):
        return translate("Privacy", "Not on any list.")
    return "、".join(str(x) for x in status.get("labels") or status.get("lists") or [])


def purpose_register() -> str:
    return translate("Privacy", "Register: viewing a household or organization")


def purpose_reveal() -> str:
    return translate("Privacy", "Register: showing ID numbers and phones in full")


def list_status(db: Database, *, id_number: str | None = None, uscc: str | None = None,
                subject_id: str | None = None) -> dict | None:
    """Red/black list status from the records area, or None if it is not there yet."""
    fn = _optional("app.records.lists", "list_status")
    if fn is None:
        return None
    return fn(db, id_number=id_number, uscc=uscc, subject_id=subject_id)

"""Who may see personal numbers in full, and how they are masked otherwise.

ID numbers and phones are personal information (PIPL): lists and detail
views show them masked (``510***********123X``, as on every printout) unless the operator's role allows
full display and the operator asks for it. Revealing is logged in the
query-and-use log (``app.query_log``).
"""

from __future__ import annotations

from app import identity
from app.accounts.permissions import role_permissions
from app.i18n import translate

def can_reveal(role: str | None) -> bool:
    """Whether the role may see full numbers (the shipped access policy; the app/
    functions check the register's own policy again when it matters)."""
    return "register.full_numbers" in role_permissions(None, role or "")


def can_edit(role: str | None) -> bool:
    return "register.edit" in role_permissions(None, role or "")


def mask_id_number(number: str | None) -> str:
    """510623198001011234 -> 510***********1234: the same mask as on every printout."""
    return identity.mask_id_number(number) if number else ""


def mask_phone(phone: str | None) -> str:
    """13812345678 -> 138****5678."""
    return identity.mask_phone(phone) if phone else ""


def mask_uscc(uscc: str | None) -> str:
    """A USCC names an organization, not a person: shown in full."""
    return uscc or ""


def purpose_register() -> str:
    return translate("Privacy", "Register: viewing a household or organization")


def purpose_reveal() -> str:
    return translate("Privacy", "Register: showing ID numbers and phones in full")

"""Bulk disclosure of personal numbers: masked unless asked for, allowed and logged.

Lists that leave the program (``search --json``, Excel exports, printed
lists) show ID numbers and phones masked. Full numbers need the
``register.full_numbers`` permission and a purpose from the credit policy's
purpose list that allows full display (``[report] full_display_purposes``);
every bulk disclosure is entered in the query and use log with its count.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app import credit_policy, query_log
from app.accounts.permissions import PermissionDenied, require, villages_of
from app.errors import UserError
from app.i18n import translate
from app.privacy import mask_id_number, mask_phone

SEARCH = "search"


def purposes(db: Database) -> list[str]:
    return list(credit_policy.load(db)["report"].get("purposes", []))


def full_purposes(db: Database) -> list[str]:
    return list(credit_policy.load(db)["report"].get("full_display_purposes", []))


def check_purpose(db: Database, purpose: str | None) -> str:
    """The purpose if it is on the policy's list; otherwise a message listing them."""
    purpose = (purpose or "").strip()
    allowed = purposes(db)
    if purpose not in allowed:
        raise UserError(translate(
            "Accounts", "State the purpose, one of: {purposes}.").format(
            purposes="、".join(allowed)))
    return purpose


def allow_full(db: Database, operator_id: str, purpose: str | None) -> str:
    """Check that ``operator_id`` may see full numbers for ``purpose``; returns the purpose."""
    require(db, operator_id, "register.full_numbers")
    purpose = check_purpose(db, purpose)
    if purpose not in full_purposes(db):
        raise PermissionDenied(translate(
            "Accounts", "The purpose {purpose} does not allow full ID numbers; it allows masked "
                        "numbers only. Purposes that allow full numbers: {purposes}.").format(
            purpose=purpose, purposes="、".join(full_purposes(db))), "register.full_numbers")
    return purpose


def log_bulk(db: Database, operator_id: str, *, action: str, what: str, count: int, full: bool,
             purpose: str | None, detail: dict[str, Any] | None = None) -> None:
    query_log.log_use(db, operator_id, action=action, purpose=purpose or what,
                      detail={"what": what, "count": count, "full_numbers": full,
                              **(detail or {})})


def search_list(db: Database, operator_id: str, query: str, *, limit: int = 20,
                full: bool = False, purpose: str | None = None) -> list[dict[str, Any]]:
    """Search results as they leave the program (``search --json``, printed lists):
    masked unless full numbers are allowed, field staff's villages only, logged."""
    from app.search import search

    require(db, operator_id, "register.view")
    if full:
        purpose = allow_full(db, operator_id, purpose)
    elif purpose:
        purpose = check_purpose(db, purpose)
    allowed = villages_of(db, operator_id)
    # Field staff: look further, then keep their villages' subjects only.
    wide = limit if allowed is None else limit * 50
    results = [r.as_dict() for r in search(db, query, limit=wide)]
    if allowed is not None:
        codes = {r[0] for r in db.execute(
            f"SELECT code FROM place WHERE id IN ({','.join('?' for _ in allowed)})",
            list(allowed))} if allowed else set()
        results = [r for r in results if r["village_code"] in codes][:limit]
    if not full:
        for r in results:
            if r["kind"] == "household":
                r["id_number"] = mask_id_number(r["id_number"])
            r["phone"] = mask_phone(r["phone"])
    log_bulk(db, operator_id, action=SEARCH,
             what=translate("Accounts", "Search: {query}").format(query=query),
             count=len(results), full=full, purpose=purpose, detail={"query": query})
    return results

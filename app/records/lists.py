"""Red and black lists (红黑名单): putting a subject on a list, taking it off,
and the lists as the records page shows them.

Whether a subject is listed now is ``app.list_status``, which every area
asks; a negative listing queues the subject for rating review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require
from app.errors import FieldError, UserError, ValidationFailed
from app.i18n import translate
from app.identity import IdentityError
from app.journal import ChangeSet, changes
from app.legal_rep_links import link_to_legal_rep
from app.list_status import NEGATIVE_LISTS, active_sql, normalise_number
from app.rating.review_queue import flag_for_review
from app.subjects import parse_subject_number, subject_by_number, subject_info


def _field_label(field: str) -> str:
    return {
        "list_kind": translate("Records", "List"),
        "name": translate("Records", "Name"),
        "id_number": translate("Records", "ID number or USCC"),
        "basis": translate("Records", "Basis"),
        "deciding_body": translate("Records", "Deciding body"),
        "listed_on": translate("Records", "Listed on"),
        "valid_until": translate("Records", "Valid until"),
        "removed_on": translate("Records", "Removed on"),
    }.get(field, field)


def _error(field: str, message: str) -> FieldError:
    err = FieldError(field, message)
    err.args = (f"{_field_label(field)}: {message}",)
    return err


def add_entry(db: Database, operator_id: str, data: dict[str, Any], *,
              source: str = "local", origin: str = "local") -> dict[str, Any]:
    """Put a subject (or a number not in the register) on a list."""
    require(db, operator_id, "lists.manage")
    errors: list[FieldError] = []
    kind = data.get("list_kind")
    if kind not in pol.LIST_KINDS:
        errors.append(_error("list_kind", translate(
            "Records", "Choose red list, black list or court-judgment defaulter.")))
    number = normalise_number(data.get("id_number") or "")
    if len(number) != 18:
        errors.append(_error("id_number", translate(
            "Records", "Enter the 18-character ID number or unified social credit code.")))
    else:
        try:
            number = parse_subject_number(number)
        except IdentityError as exc:
            errors.append(_error("id_number", str(exc)))
    subject_id = subject_by_number(db, number) if number else None
    name = (data.get("name") or "").strip()
    if not name and subject_id:
        name = subject_info(db, subject_id)["name"]
    if not name:
        errors.append(_error("name", translate("Records", "Enter the name.")))
    basis = (data.get("basis") or "").strip()
    if not basis:
        errors.append(_error("basis", translate(
            "Records", "Enter the basis: the decision or judgment that put the subject on "
                       "the list.")))
    body = (data.get("deciding_body") or "").strip()
    if not body:
        errors.append(_error("deciding_body", translate("Records", "Enter the deciding body.")))
    listed_on = valid_until = None
    try:
        listed_on = pol.parse_date(data.get("listed_on") or pol.today(), "listed_on")
    except FieldError as exc:
        errors.append(_error("listed_on", exc.message))
    if data.get("valid_until"):
        try:
            valid_until = pol.parse_date(data["valid_until"], "valid_until")
            if listed_on and valid_until < listed_on:
                errors.append(_error("valid_until", translate(
                    "Records", "The end date is before the listing date.")))
        except FieldError as exc:
            errors.append(_error("valid_until", exc.message))
    if errors:
        raise ValidationFailed(errors)
    with changes(db, operator_id, origin=origin) as cs:
        return insert_entry(cs, {
            "list_kind": kind, "subject_id": subject_id, "name": name, "id_number": number,
            "basis": basis, "deciding_body": body,
            "document_number": (data.get("document_number") or "").strip() or None,
            "listed_on": listed_on.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else None,
            "source": source,
        })


def insert_entry(cs: ChangeSet, row: dict[str, Any]) -> dict[str, Any]:
    """Insert a checked entry in the caller's change set; a negative listing
    of a registered subject queues it for rating review."""
    entry = cs.insert("list_entry", row)
    if row["list_kind"] in NEGATIVE_LISTS and row.get("subject_id"):
        title = translate("Records", "Put on the {list}: {basis}").format(
            list=pol.list_label(pol.load(cs.db), row["list_kind"]), basis=row["basis"])
        flag_for_review(cs.db, cs, row["subject_id"], title, "list_entry")
        # An organization's listing reaches its legal representative too.
        link_to_legal_rep(cs, source_kind="list_entry", source_id=entry["id"],
                          subject_id=row["subject_id"], list_kind=row["list_kind"],
                          title=title, decided_on=row["listed_on"])
    return entry


def remove_entry(db: Database, operator_id: str, entry_id: str, *, removed_on: Any = None,
                 reason: str = "") -> dict[str, Any]:
    """Take a subject off a list (the entry stays on file with the date)."""
    require(db, operator_id, "lists.manage")
    reason = (reason or "").strip()
    if not reason:
        raise UserError(translate("Records", "Enter why the entry is removed from the list."))
    day = pol.parse_date(removed_on or pol.today(), "removed_on")
    with changes(db, operator_id) as cs:
        entry = cs.get("list_entry", entry_id)
        if entry["removed_on"]:
            raise UserError(translate("Records", "This entry was already removed on {day}.")
                            .format(day=entry["removed_on"]))
        basis = (entry["basis"] or "") + "\n" + translate("Records", "Removed: {reason}").format(
            reason=reason)
        return cs.update("list_entry", entry_id, {"removed_on": day.isoformat(),
                                                   "basis": basis.strip()})[1]


def entries(db: Database, *, list_kind: str | None = None, text: str | None = None,
            include_removed: bool = False, limit: int = 1000,
            today: dt.date | None = None) -> list[dict[str, Any]]:
    where, params = [], {"today": (today or pol.today()).isoformat(), "limit": limit}
    if list_kind:
        where.append("e.list_kind = :kind")
        params["kind"] = list_kind
    if not include_removed:
        where.append("e.removed_on IS NULL")
    if text:
        where.append("(e.name LIKE :t OR e.id_number LIKE :t OR e.basis LIKE :t)")
        params["t"] = f"%{text.strip()}%"
    rows = list(db.query(
        "SELECT e.*, CASE WHEN " + active_sql() + " THEN 1 ELSE 0 END AS active "
        "FROM list_entry e " + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.listed_on DESC LIMIT :limit", params))
    policy = pol.load(db)
    for row in rows:
        row["label"] = pol.list_label(policy, row["list_kind"])
    return rows

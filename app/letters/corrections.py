"""Correcting 履约 (fulfilment) and signing entered wrongly, with a reason.

A correction never erases: the letter gets the corrected values, and a
``letter_correction`` row keeps what it said before and after, why, who and
when (both journaled in one transaction). Correcting a broken promise to
kept revokes the negative credit record it had made (the record stays on
file, revoked); correcting to broken makes one, as marking it broken does.
A letter marked signed by mistake goes back to printed, unless its
fulfilment is recorded (correct that first).
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require, require_letter_village
from app.errors import UserError
from app.i18n import translate
from app.journal import ChangeSet, changes
from app.letters.collection import _parse_when
from app.letters.fulfilment import _parse_day, broken_promise_record
from app.letters.letter import get_letter, status_label

FULFILMENT_FIELDS = ("fulfilment", "fulfilment_at", "fulfilment_note", "credit_record_id")
SIGNING_FIELDS = ("status", "signed_at", "collected_by", "signed_place")


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise UserError(translate("Letters", "Give the reason for the correction (it is kept "
                                             "with the letter)."))
    return text


def _record(cs: ChangeSet, letter: dict[str, Any], what: str, fields: tuple[str, ...],
            after: dict[str, Any], reason: str) -> None:
    before = {k: letter[k] for k in fields}
    merged = {**before, **after}
    if merged == before:
        raise UserError(translate("Letters", "The correction changes nothing on letter {number}.")
                        .format(number=letter["number"]))
    cs.update("commitment_letter", letter["id"], after)
    cs.insert("letter_correction", {
        "letter_id": letter["id"], "what": what,
        "before": json.dumps(before, ensure_ascii=False, sort_keys=True),
        "after": json.dumps(merged, ensure_ascii=False, sort_keys=True),
        "reason": reason, "corrected_at": cs.at, "operator_id": cs.operator_id})


def correct_fulfilment(db: Database, operator_id: str, letter_id: str, *, outcome: str | None,
                       reason: str, on: Any = None, note: str = "") -> dict[str, Any]:
    """Change a recorded 履约 to kept, broken, or not assessed yet (``None``)."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    reason = _reason(reason)
    if outcome not in ("kept", "broken", None):
        raise UserError(translate("Letters", "The corrected fulfilment is kept, broken or not "
                                             "assessed yet."))
    note = (note or "").strip()
    if outcome == "broken" and not note:
        raise UserError(translate("Letters", "Say how the promise was broken (e.g. loan overdue "
                                             "since 2026-03-01)."))
    with changes(db, operator_id) as cs:
        letter = get_letter(db, letter_id)
        if not letter["fulfilment"]:
            raise UserError(translate(
                "Letters", "Letter {number} has no fulfilment recorded yet; record it as kept "
                           "or broken instead of correcting it.").format(number=letter["number"]))
        day = _parse_day(on or letter["fulfilment_at"]) if outcome else None
        after: dict[str, Any] = {"fulfilment": outcome,
                                 "fulfilment_at": day.isoformat() if day else None,
                                 "fulfilment_note": (note or None) if outcome else None,
                                 "credit_record_id": letter["credit_record_id"]}
        old_record = letter["credit_record_id"]
        if letter["fulfilment"] == "broken" and outcome != "broken" and old_record:
            # No promise was broken after all: the record it made is revoked, kept on file.
            cs.update("credit_record", old_record, {"status": "revoked"})
            after["credit_record_id"] = None
        elif outcome == "broken" and letter["fulfilment"] != "broken":
            after["credit_record_id"] = broken_promise_record(cs, letter, note, day)
        elif outcome == "broken" and old_record:
            cs.update("credit_record", old_record, {"content": note,
                                                    "decision_date": day.isoformat()})
        _record(cs, letter, "fulfilment", FULFILMENT_FIELDS, after, reason)
    return get_letter(db, letter_id)


def correct_signing(db: Database, operator_id: str, letter_id: str, *, reason: str,
                    collector: str | None = None, place: str | None = None,
                    signed_at: Any = None, unsign: bool = False) -> dict[str, Any]:
    """Correct who collected a signed letter, where or when it was signed, or
    (``unsign``) that it was not signed at all."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    reason = _reason(reason)
    with changes(db, operator_id) as cs:
        letter = get_letter(db, letter_id)
        if letter["status"] != "signed":
            raise UserError(translate(
                "Letters", "Letter {number} is {status}; only a signed letter's signing can be "
                           "corrected.").format(number=letter["number"],
                                                status=status_label(letter["status"])))
        if unsign:
            if letter["fulfilment"]:
                raise UserError(translate(
                    "Letters", "Letter {number} already has its fulfilment recorded; correct "
                               "that to 'not assessed' first.").format(number=letter["number"]))
            after = {"status": "printed", "signed_at": None, "collected_by": None,
                     "signed_place": None}
        else:
            after = {}
            if collector is not None:
                if not collector.strip():
                    raise UserError(translate("Letters", "Enter who collected the signed letter."))
                after["collected_by"] = collector.strip()
            if place is not None:
                after["signed_place"] = place.strip() or None
            if signed_at not in (None, ""):
                after["signed_at"] = _parse_when(signed_at)
        _record(cs, letter, "signing", SIGNING_FIELDS, after, reason)
    return get_letter(db, letter_id)


def corrections(db: Database, letter_id: str) -> list[dict[str, Any]]:
    """A letter's corrections, oldest first, with who made them."""
    rows = list(db.query(
        "SELECT c.*, u.display_name AS operator_name FROM letter_correction c "
        "LEFT JOIN app_user u ON u.id = c.operator_id WHERE c.letter_id = ? "
        "ORDER BY c.corrected_at, c.rowid", [letter_id]))
    for row in rows:
        row["before"], row["after"] = json.loads(row["before"]), json.loads(row["after"])
    return rows


def what_label(what: str) -> str:
    return {"fulfilment": translate("Letters", "fulfilment"),
            "signing": translate("Letters", "signing")}.get(what, what)

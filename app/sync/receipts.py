"""Verifying the county's receipts and recording what they say (protocol §5).

A batch becomes ``acknowledged`` only here, and only when its receipt is
signed by the pinned county key, names this batch, matches its bytes and has
one result per change. Conflicts in the results are kept side by side.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.journal import new_id, utc_now
from app.sync import fields, wire


class ReceiptRefused(UserError):
    """A receipt that does not verify or does not belong to a batch we hold."""


def county_key(db: Database) -> str:
    key = settings.get(db, "sync.county_public_key")
    if not key:
        raise UserError(translate("Sync", "This register is not enrolled with a county yet. "
                                          "Enrol it with the county first (on the sync page, or "
                                          "sync enroll)."))
    return key


def verify_receipt(db: Database, data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The receipt and its batch row if the receipt is genuine and matches; else ReceiptRefused."""
    try:
        signed = wire.parse_receipt(data)
    except wire.WireError as exc:
        raise ReceiptRefused(translate("Sync", "The receipt is not a county receipt file: {why}")
                             .format(why=exc.message)) from None
    if not signed.verify(county_key(db)):
        raise ReceiptRefused(translate("Sync", "The receipt's signature does not verify with the "
                                               "county key; it was altered or not made by the county."))
    receipt = signed.head
    mine = settings.get(db, "device_id")
    if receipt["device_id"] != mine:
        raise ReceiptRefused(translate("Sync", "The receipt is for another device ({device})."
                                       ).format(device=receipt["device_id"]))
    batch = db.execute("SELECT sequence, batch_sha256, content, state, change_count, "
                       "first_journal_seq, last_journal_seq FROM sync_batch WHERE sequence = ?",
                       [receipt["sequence"]]).fetchone()
    if batch is None:
        raise ReceiptRefused(translate("Sync", "The receipt is for batch {sequence}, which this "
                                               "register never packed.").format(
            sequence=receipt["sequence"]))
    sequence, sha, content, state, count, first, last = batch
    if receipt["batch_sha256"] != sha:
        raise ReceiptRefused(translate("Sync", "The receipt does not match batch {sequence}: the "
                                               "county took different bytes under that number."
                                       ).format(sequence=sequence))
    seqs = [r.get("journal_seq") for r in receipt["results"]]
    # The batch was packed from exactly these journal entries (outbox.pack_batches).
    expected = [r[0] for r in db.execute(
        "SELECT seq FROM journal WHERE origin = 'local' AND seq BETWEEN ? AND ? ORDER BY seq",
        [first, last])]
    if seqs != expected:
        raise ReceiptRefused(translate("Sync", "The receipt for batch {sequence} does not list "
                                               "every change of the batch.").format(sequence=sequence))
    return receipt, {"sequence": sequence, "state": state, "content": content}


def apply_receipt(db: Database, data: bytes) -> dict[str, Any]:
    """Verify ``data`` and mark its batch acknowledged; returns a summary."""
    receipt, batch = verify_receipt(db, data)
    if batch["state"] == "acknowledged":
        return {"sequence": batch["sequence"], "already": True, "conflicts": 0}
    now = utc_now()
    conflicts = [r for r in receipt["results"] if r.get("result") == "conflict"]
    with db.atomic():
        for result in conflicts:
            # The batch is sealed to the county: the change is read back from the journal.
            seq, entity, entity_id, version, after = db.execute(
                "SELECT seq, entity, entity_id, version, after FROM journal WHERE seq = ?",
                [result["journal_seq"]]).fetchone()
            change = {"journal_seq": seq, "entity": entity, "entity_id": entity_id,
                      "version": version, "after": json.loads(after) if after else None}
            result = {**result, "county_data": fields.from_wire(db, entity,
                                                                result.get("county_data"))}
            _record_conflict(db, change, result, batch["sequence"], now)
        db.execute(
            "UPDATE sync_batch SET state = 'acknowledged', reason = NULL, acknowledged_at = ?, "
            "sent_at = coalesce(sent_at, ?), attempts = attempts + 1, last_attempt_at = ?, "
            "receipt = ?, accepted = ?, conflicts = ?, rejected = ? WHERE sequence = ?",
            [now, now, now, data, receipt["accepted"], receipt["conflicts"], receipt["rejected"],
             batch["sequence"]])
    return {"sequence": batch["sequence"], "already": False, "conflicts": len(conflicts),
            "rejected": receipt["rejected"], "changes": len(receipt["results"])}


def _record_conflict(db: Database, change: dict, result: dict, sequence: int, now: str) -> None:
    """One open conflict per record: a newer local change updates it."""
    local_data = change.get("after")
    args = [change["journal_seq"], sequence, change.get("version"),
            None if local_data is None else json.dumps(local_data, ensure_ascii=False),
            result.get("county_version"), result.get("county_source"),
            None if result.get("county_data") is None
            else json.dumps(result["county_data"], ensure_ascii=False), now]
    existing = db.execute("SELECT id FROM sync_conflict WHERE status = 'open' AND entity = ? "
                          "AND entity_id = ?", [change["entity"], change["entity_id"]]).fetchone()
    if existing:
        db.execute("UPDATE sync_conflict SET journal_seq = ?, batch_sequence = ?, local_version = ?, "
                   "local_data = ?, county_version = ?, county_source = ?, county_data = ?, "
                   "detected_at = ? WHERE id = ?", [*args, existing[0]])
    else:
        db.execute("INSERT INTO sync_conflict (journal_seq, batch_sequence, local_version, "
                   "local_data, county_version, county_source, county_data, detected_at, id, "
                   "entity, entity_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   [*args, new_id(), change["entity"], change["entity_id"]])

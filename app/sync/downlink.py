"""Applying what the county sends down (docs/sync-protocol.md §8).

A package is applied only if it is signed by the pinned county key and its
payload matches; then all of it in one transaction, every change journaled
with ``origin = 'county'`` (so it never goes back up), and every household or
organization a list entry names is flagged for the rating workflow.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlite_utils import Database

from app.errors import UserError, field_label
from app.i18n import translate
from app.journal import LOCAL_COLUMNS, ChangeSet, changes, new_id, utc_now
from app.legal_rep_links import link_to_legal_rep
from app.rating.review_queue import flag_for_review
from app.rules import stored as stored_rules
from app.sync import fields, receipts, wire

log = logging.getLogger("credit_desk.sync")

LIST_KINDS = ("red_list", "black_list", "dishonest_judgment_debtor")
ENTRY_FIELDS = ("list_kind", "name", "id_number", "basis", "deciding_body", "document_number",
                "listed_on", "valid_until", "removed_on")


class PackageRefused(UserError):
    """A downlink package that does not verify; nothing of it was applied."""


def last_package(db: Database) -> int:
    return db.execute("SELECT coalesce(max(package), 0) FROM sync_downlink").fetchone()[0]


def list_label(kind: str) -> str:
    return {"red_list": translate("Sync", "red list"),
            "black_list": translate("Sync", "black list (serious dishonesty)"),
            "dishonest_judgment_debtor": translate("Sync", "court-judgment defaulters")
            }.get(kind, kind)


def verify_package(db: Database, data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        signed = wire.parse_downlink(data)
    except wire.WireError as exc:
        raise PackageRefused(translate("Sync", "Not a county package: {why}").format(
            why=exc.message)) from None
    if not signed.verify(receipts.county_key(db)):
        raise PackageRefused(translate("Sync", "The county package's signature does not verify "
                                               "with the county key; nothing of it was applied."))
    try:
        items = wire.check_payload(signed, "item_count")
    except wire.WireError:
        raise PackageRefused(translate("Sync", "The county package was changed or cut off on the "
                                               "way (its content does not match its signed "
                                               "manifest); nothing of it was applied.")) from None
    return signed.head, items


def apply_package(db: Database, operator_id: str, data: bytes) -> dict[str, Any]:
    head, items = verify_package(db, data)
    number = head["package"]
    last = last_package(db)
    summary = {"package": number, "packages": 0, "list_entries": 0, "policies": 0,
               "corrections": 0, "flagged": 0, "conflicts": 0, "already": False,
               "refused": 0, "refusals": []}
    if number <= last:
        summary["already"] = True
        return summary
    if number != last + 1:
        raise PackageRefused(translate("Sync", "County package {n} cannot be applied before "
                                               "package {missing}.").format(n=number,
                                                                            missing=last + 1))
    with changes(db, operator_id, origin="county") as cs:
        for item in items:
            kind = item.get("kind")
            if kind == "list_entry":
                summary["flagged"] += _apply_list_entry(db, cs, item["entry"])
                summary["list_entries"] += 1
            elif kind == "policy":
                _apply_policy(db, cs, item, head)
                summary["policies"] += 1
            elif kind == "correction":
                item, refused = _within_allowlist(db, item)
                if refused:  # outside what the protocol lets the county correct
                    summary["refused"] += 1
                    summary["refusals"].append(_refusal(item, refused))
                    continue
                cleaned, refused = stored_rules.correction(item["entity"], item.get("data"))
                if refused:  # the entity rules refuse it, as a form or an import would
                    summary["refused"] += 1
                    summary["refusals"].append(_refusal(item, refused))
                    continue
                item = {**item, "data": cleaned}
                if _apply_correction(db, cs, item):
                    summary["corrections"] += 1
                else:
                    summary["conflicts"] += 1
        db.execute("INSERT INTO sync_downlink VALUES (?,?,?,?,?)",
                   [number, head["issued_at"], head["item_count"], wire.sha256(data), utc_now()])
    summary["packages"] = 1
    return summary


def _within_allowlist(db: Database, item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The correction limited to the fields the protocol lets the county change (§8.3).

    Anything else (another kind of record, users, settings, attachments, the
    journal, or a field outside the list) refuses the whole item.
    """
    entity, data = item.get("entity"), item.get("data")
    if not isinstance(entity, str) or entity not in fields.CORRECTABLE:
        return item, [translate("Sync", "{entity}: the county may not correct this kind of "
                                        "record").format(entity=entity)]
    if not isinstance(item.get("entity_id"), str) or not isinstance(data, dict):
        return item, [translate("Sync", "{entity}: a correction needs the record's id and "
                                        "data").format(entity=entity)]
    cursor = db.execute(f"SELECT * FROM [{entity}] WHERE id = ?", [item["entity_id"]])
    got = cursor.fetchone()
    local = dict(zip([d[0] for d in cursor.description], got)) if got else None
    refused = fields.refused_fields(entity, data, local)
    if refused:
        # The township reads these, so in its language and with the form's field names.
        return item, [translate("Sync", "{field}: the county may not change this field").format(
            field=field_label(f)) for f in refused]
    allowed = fields.CORRECTABLE[entity]
    merged = {**(local or {}), **{k: v for k, v in data.items() if k in allowed}}
    merged = {k: v for k, v in merged.items() if k not in LOCAL_COLUMNS}
    return {**item, "data": merged}, []


def _refusal(item: dict[str, Any], reasons: list[str]) -> str:
    data = item.get("data") or {}
    what = data.get("head_name") or data.get("name") or item["entity_id"]
    text = translate("Sync", "A county correction of {what} was not applied: {why}").format(
        what=what, why="; ".join(reasons))
    log.warning("%s", text)
    return text


def _subjects_for(db: Database, number: str) -> list[str]:
    rows = db.execute(
        "SELECT id FROM household WHERE head_id_number = ? "
        "UNION SELECT household_id FROM household_member WHERE id_number = ? "
        "UNION SELECT id FROM organization WHERE uscc = ? OR legal_rep_id_number = ?",
        [number, number, number, number]).fetchall()
    return [r[0] for r in rows]


def _apply_list_entry(db: Database, cs: ChangeSet, entry: dict[str, Any]) -> int:
    if entry.get("list_kind") not in LIST_KINDS or not entry.get("id_number") \
            or not entry.get("name") or not entry.get("listed_on") or not entry.get("id"):
        raise PackageRefused(translate("Sync", "A list entry of the county package lacks its "
                                               "id, list kind, name, number or date; nothing of "
                                               "the package was applied."))
    number = str(entry["id_number"]).strip().upper()
    subjects = _subjects_for(db, number)
    row = {k: entry.get(k) for k in ENTRY_FIELDS}
    row["id_number"] = number
    row["subject_id"] = subjects[0] if subjects else None
    row["source"] = "county"
    exists = db.execute("SELECT 1 FROM list_entry WHERE id = ?", [entry["id"]]).fetchone()
    if exists:
        cs.update("list_entry", entry["id"], row)
    else:
        cs.insert("list_entry", {"id": entry["id"], **row})
    reason = translate("Sync", "County list: {list}, {basis}").format(
        list=list_label(row["list_kind"]), basis=row.get("basis") or "")
    if row.get("removed_on"):
        reason = translate("Sync", "Removed from county list: {list}").format(
            list=list_label(row["list_kind"]))
    for subject_id in subjects:
        flag_for_review(db, cs, subject_id, reason, "county_list")
    organization = db.execute("SELECT id FROM organization WHERE uscc = ?", [number]).fetchone()
    if organization and not exists and not row.get("removed_on"):
        # A listed organization's entry reaches its legal representative (county plan).
        link_to_legal_rep(cs, source_kind="list_entry", source_id=entry["id"],
                          subject_id=organization[0], list_kind=row["list_kind"], title=reason,
                          decided_on=row["listed_on"])
    return len(subjects)


def _apply_policy(db: Database, cs: ChangeSet, item: dict[str, Any], head: dict) -> None:
    if db.execute("SELECT 1 FROM county_policy WHERE name = ? AND policy_version = ?",
                  [item["name"], str(item["version"])]).fetchone():
        return
    cs.insert("county_policy", {"name": item["name"], "policy_version": str(item["version"]),
                                "content": json.dumps(item.get("content") or {},
                                                      ensure_ascii=False, sort_keys=True),
                                "issued_at": head["issued_at"]})


def current_policy(db: Database, name: str) -> dict[str, Any] | None:
    """The newest version the county sent, by version order (2026.10 after 2026.9),
    not by arrival."""
    from app.credit_policy import version_key

    rows = db.execute("SELECT policy_version, content, issued_at FROM county_policy WHERE name = ?",
                      [name]).fetchall()
    if not rows:
        return None
    row = max(rows, key=lambda r: version_key(r[0]))
    return {"version": row[0], "content": json.loads(row[1]), "issued_at": row[2]}


def _apply_correction(db: Database, cs: ChangeSet, item: dict[str, Any]) -> bool:
    """Apply a county correction unless the record has local changes the county has not seen."""
    from app.sync import conflicts

    entity, entity_id = item["entity"], item["entity_id"]
    table = conflicts.known_table(db, entity)
    unseen = db.execute(
        "SELECT max(seq) FROM journal WHERE origin = 'local' AND entity = ? AND entity_id = ? "
        "AND seq > (SELECT coalesce(max(last_journal_seq), 0) FROM sync_batch "
        "WHERE state = 'acknowledged')", [entity, entity_id]).fetchone()[0]
    open_conflict = db.execute("SELECT 1 FROM sync_conflict WHERE status = 'open' AND entity = ? "
                               "AND entity_id = ?", [entity, entity_id]).fetchone()
    local = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [entity_id])
    cols = [d[0] for d in local.description]
    got = local.fetchone()
    local_row = dict(zip(cols, got)) if got else None
    if local_row:
        local_row = {k: v for k, v in local_row.items() if k not in LOCAL_COLUMNS}
        if (local_row.get("version") or 0) >= item["version"] and unseen is None \
                and not open_conflict:
            return True  # this register already holds that version or a later one
    if unseen is not None or open_conflict:
        county_json = json.dumps(item["data"], ensure_ascii=False)
        if open_conflict:  # one open conflict per record: it now shows the newest county version
            db.execute("UPDATE sync_conflict SET county_version = ?, county_source = 'county', "
                       "county_data = ? WHERE status = 'open' AND entity = ? AND entity_id = ?",
                       [item["version"], county_json, entity, entity_id])
            return False
        db.execute("INSERT INTO sync_conflict (id, entity, entity_id, journal_seq, local_version, "
                   "local_data, county_version, county_source, county_data, detected_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?)",
                   [new_id(), entity, entity_id, unseen,
                    local_row["version"] if local_row else None,
                    json.dumps(local_row, ensure_ascii=False) if local_row else None,
                    item["version"], "county", county_json, utc_now()])
        return False
    if local_row is None:
        return True  # deleted here; the county will hear of it with the next batch
    conflicts.write_version(db, cs, table, entity_id, item["data"], item["version"],
                            base_version=None)
    return True

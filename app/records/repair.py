"""Credit repair (信用修复).

A subject that has met its obligations applies with evidence and a repair
commitment; an official approves or rejects with reasons. An approved record
becomes ``repaired``: it is no longer published or counted (ratings read
``records.active_records``), and its history stays in the journal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require, require_other_person
from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import changes
from app.letters.letter import create_letter, find_letter, get_letter
from app.letters.printing import print_letters
from app.letters.templates import (current_template, ensure_templates,
                                   letter_type_label)
from app.records.records import require_status


def check_dates(db: Database, record: dict[str, Any], day: dt.date) -> None:
    """A repair application cannot come before the record it repairs was decided,
    nor (unless the credit policy allows it) after the record's publicity ended:
    by then it is no longer published and there is nothing to repair."""
    decided = record.get("decision_date")
    if decided and day.isoformat() < decided:
        raise UserError(translate(
            "Records", "The repair application is dated {applied}, before the record it "
                       "repairs was decided ({decided}). Check the date of the application.")
            .format(applied=day.isoformat(), decided=decided))
    end = record.get("publicity_end")
    allowed = pol.load(db).get("repair", {}).get("after_publicity_end", False)
    if end and day.isoformat() > end and not allowed:
        raise UserError(translate(
            "Records", "The repair application is dated {applied}, after the record's publicity "
                       "ended ({end}): the record is no longer published, so there is nothing "
                       "to repair.").format(applied=day.isoformat(), end=end))


def apply(db: Database, operator_id: str, record_id: str, *, applicant: str, evidence: str,
          commitment: str, applied_on: Any = None, letter: str | None = None) -> dict[str, Any]:
    """Record a repair application; ``letter`` (number or QR text) attaches its
    signed repair commitment letter at once."""
    require(db, operator_id, "records.repair")
    applicant, evidence, commitment = (applicant or "").strip(), (evidence or "").strip(), \
        (commitment or "").strip()
    if not applicant:
        raise UserError(translate("Records", "Enter who applies for the repair."))
    if not evidence:
        raise UserError(translate(
            "Records", "Enter the evidence that the obligations were met (e.g. the payment "
                       "receipt number)."))
    if not commitment:
        raise UserError(translate(
            "Records", "Enter the repair commitment the applicant signed (信用修复承诺书)."))
    day = pol.parse_date(applied_on or pol.today(), "applied_on")
    with changes(db, operator_id) as cs:
        record = cs.get("credit_record", record_id)
        if record["polarity"] != "negative":
            raise UserError(translate("Records", "Only a negative record can be repaired."))
        require_status(record, ("public", "expired"), translate("Records", "apply for repair"))
        check_dates(db, record, day)
        letter_id = _repair_letter(db, letter, record["subject_id"])["id"] if letter else None
        pending = db.execute("SELECT 1 FROM repair_application WHERE record_id = ? AND "
                             "status = 'pending'", [record_id]).fetchone()
        if pending:
            raise UserError(translate(
                "Records", "A repair application for this record is already waiting for a "
                           "decision."))
        # The earliest repair date is pinned with the policy it was set under.
        return cs.insert("repair_application", {
            "record_id": record_id, "subject_id": record["subject_id"], "applicant": applicant,
            "applied_on": day.isoformat(), "evidence": evidence, "commitment": commitment,
            "status": "pending", "created_by": operator_id, "letter_id": letter_id,
            "earliest_on": earliest_repair(db, record).isoformat(),
            "policy_version": pol.in_force(db)["label"]})


def _repair_letter(db: Database, text: str, subject_id: str) -> dict[str, Any]:
    """The repair commitment letter typed or scanned, checked to fit the repair."""
    letter = find_letter(db, text)
    if letter["letter_type"] != "credit_repair":
        raise UserError(translate(
            "Records", "Letter {number} is a {kind} letter; only a credit repair commitment "
                       "letter (信用修复承诺书) belongs to a repair.").format(
            number=letter["number"], kind=letter_type_label(letter["letter_type"])))
    if letter["subject_id"] != subject_id:
        raise UserError(translate(
            "Records", "Letter {number} was made for someone else, not for the subject of "
                       "this record.").format(number=letter["number"]))
    if letter["status"] == "void":
        raise UserError(translate("Records", "Letter {number} is void.").format(
            number=letter["number"]))
    other = db.execute("SELECT id FROM repair_application WHERE letter_id = ?",
                       [letter["id"]]).fetchone()
    if other:
        raise UserError(translate(
            "Records", "Letter {number} already belongs to another repair application.")
            .format(number=letter["number"]))
    return letter


def attach_letter(db: Database, operator_id: str, application_id: str,
                  letter: str) -> dict[str, Any]:
    """Attach a repair commitment letter (by number or QR text) to a repair application."""
    require(db, operator_id, "records.repair")
    with changes(db, operator_id) as cs:
        row = cs.get("repair_application", application_id)
        found = _repair_letter(db, letter, row["subject_id"])
        return cs.update("repair_application", application_id, {"letter_id": found["id"]})[1]


def print_letter(db: Database, operator_id: str, application_id: str, path: Any,
                 today: dt.date | None = None):
    """Print the repair commitment letter of a repair application into ``path``:
    its own letter again, or a new one drafted for it and attached at once."""
    require(db, operator_id, "records.repair")
    row = get(db, application_id)
    if row["letter_id"]:
        letter = get_letter(db, row["letter_id"])
        if letter["status"] != "void":
            return print_letters(db, operator_id, path, letter_ids=[letter["id"]],
                                 template_name=letter["template_name"], repair_id=row["id"])
    template = repair_template(db, operator_id)
    letter = create_letter(db, operator_id, row["subject_id"], template["name"],
                           repair_id=row["id"])
    with changes(db, operator_id) as cs:
        cs.update("repair_application", application_id, {"letter_id": letter["id"]})
    return print_letters(db, operator_id, path, letter_ids=[letter["id"]],
                         template_name=template["name"], repair_id=row["id"], today=today)


def repair_template(db: Database, operator_id: str) -> dict[str, Any]:
    ensure_templates(db, operator_id)
    name = db.execute("SELECT name FROM letter_template WHERE letter_type = 'credit_repair' "
                      "ORDER BY source = 'shipped', template_version DESC LIMIT 1").fetchone()
    if name is None:
        raise UserError(translate("Records", "There is no credit repair letter template. Add "
                                             "one under Letters → Templates."))
    return current_template(db, name[0])


def letters_of_repairs(db: Database, subject_id: str) -> dict[str, dict[str, Any]]:
    """{letter id: its repair application (with the record's title)} of a subject."""
    return {r["letter_id"]: r for r in db.query(
        "SELECT a.*, r.title AS record_title FROM repair_application a JOIN credit_record r "
        "ON r.id = a.record_id WHERE a.subject_id = ? AND a.letter_id IS NOT NULL",
        [subject_id])}


def earliest_repair(db: Database, record: dict[str, Any]) -> dt.date:
    band = pol.load(db)["publicity"].get(record["severity"] or "minor", {})
    return pol.add_months(dt.date.fromisoformat(record["decision_date"]),
                          int(band.get("repair_after_months", 0)))


def decide(db: Database, operator_id: str, application_id: str, *, approve: bool,
           reason: str, today: dt.date | None = None) -> dict[str, Any]:
    require(db, operator_id, "records.repair_approve")
    reason = (reason or "").strip()
    if not reason:
        raise UserError(translate("Records", "Enter the reasons for the decision."))
    day = today or pol.today()
    with changes(db, operator_id) as cs:
        app_row = cs.get("repair_application", application_id)
        require_other_person(db, operator_id, "repair", app_row["created_by"])
        if app_row["status"] != "pending":
            raise UserError(translate("Records", "This application was already decided."))
        record = cs.get("credit_record", app_row["record_id"])
        if approve:
            require_status(record, ("public", "expired"), translate("Records", "approve repair"))
            earliest = (dt.date.fromisoformat(app_row["earliest_on"]) if app_row.get("earliest_on")
                        else earliest_repair(db, record))
            if day < earliest:
                raise UserError(translate(
                    "Records", "A {severity} record can be repaired from {day} (minimum "
                               "publicity period of the credit policy).").format(
                        severity=pol.severity_label(pol.load(db), record["severity"]),
                        day=earliest.isoformat()))
            cs.update("credit_record", record["id"], {"status": "repaired"})
        decided = cs.update("repair_application", application_id, {
            "status": "approved" if approve else "rejected", "decision_reason": reason,
            "decided_by": operator_id, "decided_at": cs.at})[1]
    return decided


def applications(db: Database, *, status: str | None = None, subject_id: str | None = None,
                 limit: int = 500) -> list[dict[str, Any]]:
    where, params = [], []
    if status:
        where.append("a.status = ?")
        params.append(status)
    if subject_id:
        where.append("a.subject_id = ?")
        params.append(subject_id)
    rows = list(db.query(
        "SELECT a.*, r.title AS record_title, r.category, r.severity, "
        "(SELECT number FROM commitment_letter l WHERE l.id = a.letter_id) AS letter_number, "
        "COALESCE((SELECT head_name FROM household h WHERE h.id = a.subject_id), "
        "(SELECT name FROM organization o WHERE o.id = a.subject_id)) AS subject_name, "
        "u.display_name AS decided_by_name "
        "FROM repair_application a JOIN credit_record r ON r.id = a.record_id "
        "LEFT JOIN app_user u ON u.id = a.decided_by "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY (a.status = 'pending') DESC, a.applied_on DESC LIMIT ?", [*params, limit]))
    for row in rows:
        row["status_label"] = status_label(row["status"])
    return rows


def status_label(status: str) -> str:
    return {"pending": translate("Records", "Pending"),
            "approved": translate("Records", "Approved"),
            "rejected": translate("Records", "Rejected")}.get(status, status)


def get(db: Database, application_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM repair_application WHERE id = ?", [application_id]), None)
    if row is None:
        raise NotFound(translate("Records", "No repair application with id {id}.")
                       .format(id=application_id))
    return row

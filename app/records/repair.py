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
from app.records.records import require_status


def apply(db: Database, operator_id: str, record_id: str, *, applicant: str, evidence: str,
          commitment: str, applied_on: Any = None) -> dict[str, Any]:
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
        pending = db.execute("SELECT 1 FROM repair_application WHERE record_id = ? AND "
                             "status = 'pending'", [record_id]).fetchone()
        if pending:
            raise UserError(translate(
                "Records", "A repair application for this record is already waiting for a "
                           "decision."))
        return cs.insert("repair_application", {
            "record_id": record_id, "subject_id": record["subject_id"], "applicant": applicant,
            "applied_on": day.isoformat(), "evidence": evidence, "commitment": commitment,
            "status": "pending", "created_by": operator_id})


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
            earliest = earliest_repair(db, record)
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

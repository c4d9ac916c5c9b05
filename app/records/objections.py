"""Objections (异议): a subject disputes a record.

Filing marks the record ``disputed`` at once. The answer is due within the
policy's deadline (default 20 calendar days; "working" days are possible);
``alerts`` warns as it nears and when it has passed. The outcome is
corrected, revoked or upheld, with reasons; every step records who and when
(the journal, and the objection's own columns).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require, require_other_person
from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import changes
from app.records.records import require_status

OUTCOMES = ("corrected", "revoked", "upheld")
CORRECTABLE = ("title", "content", "severity", "document_number", "decision_date",
               "source_department", "details")


def deadline_for(db: Database, filed_on: dt.date) -> dt.date:
    rules = pol.load(db)["objection"]
    return pol.add_days(filed_on, int(rules["deadline_days"]), rules.get("day_kind", "calendar"))


def file(db: Database, operator_id: str, record_id: str, *, filed_by: str, grounds: str,
         filed_on: Any = None) -> dict[str, Any]:
    require(db, operator_id, "records.objection")
    filed_by, grounds = (filed_by or "").strip(), (grounds or "").strip()
    if not filed_by:
        raise UserError(translate("Records", "Enter who raises the objection."))
    if not grounds:
        raise UserError(translate("Records", "Enter the grounds of the objection."))
    day = pol.parse_date(filed_on or pol.today(), "filed_on")
    with changes(db, operator_id) as cs:
        record = cs.get("credit_record", record_id)
        require_status(record, ("public", "expired"), translate("Records", "raise an objection"))
        if record["decision_date"] and day.isoformat() < record["decision_date"]:
            raise UserError(translate(
                "Records", "The objection is dated {filed}, before the record it disputes was "
                           "decided ({decided}). Check the date of the objection.").format(
                filed=day.isoformat(), decided=record["decision_date"]))
        row = cs.insert("objection", {
            "record_id": record_id, "subject_id": record["subject_id"], "filed_by": filed_by,
            "filed_on": day.isoformat(), "grounds": grounds,
            "deadline": deadline_for(db, day).isoformat(), "prior_status": record["status"],
            "status": "open", "created_by": operator_id,
            "policy_version": pol.in_force(db)["label"]})
        cs.update("credit_record", record_id, {"status": "disputed"})
    return row


def decide(db: Database, operator_id: str, objection_id: str, *, outcome: str, reason: str,
           corrections: dict[str, Any] | None = None, today: dt.date | None = None
           ) -> dict[str, Any]:
    require(db, operator_id, "records.objection_decide")
    if outcome not in OUTCOMES:
        raise UserError(translate("Records", "Choose corrected, revoked or upheld."))
    reason = (reason or "").strip()
    if not reason:
        raise UserError(translate("Records", "Enter the reasons for the outcome."))
    corrections = {k: v for k, v in (corrections or {}).items() if v not in (None, "")}
    if outcome == "corrected" and not corrections:
        raise UserError(translate("Records", "Enter what is corrected in the record."))
    unknown = set(corrections) - set(CORRECTABLE)
    if unknown:
        raise UserError(translate("Records", "These fields cannot be corrected here: {fields}.")
                        .format(fields=", ".join(sorted(unknown))))
    day = today or pol.today()
    with changes(db, operator_id) as cs:
        objection = cs.get("objection", objection_id)
        require_other_person(db, operator_id, "objection", objection["created_by"])
        if objection["status"] != "open":
            raise UserError(translate("Records", "This objection was already answered."))
        record = cs.get("credit_record", objection["record_id"])
        if outcome == "revoked":
            cs.update("credit_record", record["id"], {"status": "revoked"})
        else:
            status = objection["prior_status"]
            change: dict[str, Any] = {}
            if outcome == "corrected":
                change.update(corrections)
                if "details" in change and not isinstance(change["details"], str):
                    merged = {**json.loads(record["details"] or "{}"), **change["details"]}
                    change["details"] = json.dumps(merged, ensure_ascii=False, sort_keys=True)
                if "severity" in change or "decision_date" in change:
                    from app.records.records import publicity_end

                    severity = change.get("severity", record["severity"])
                    decided = pol.parse_date(change.get("decision_date",
                                                        record["decision_date"]), "decision_date")
                    change["decision_date"] = decided.isoformat()
                    if record["polarity"] == "negative" and severity:
                        change["publicity_end"] = publicity_end(
                            pol.load(db), severity, decided).isoformat()
            end = change.get("publicity_end", record["publicity_end"])
            if status in ("public", "expired"):
                status = "expired" if end and end < day.isoformat() else "public"
            change["status"] = status
            cs.update("credit_record", record["id"], change)
        return cs.update("objection", objection_id, {
            "status": outcome, "outcome_reason": reason, "decided_by": operator_id,
            "decided_at": cs.at})[1]


def outcome_label(status: str) -> str:
    return {"open": translate("Records", "Open"),
            "corrected": translate("Records", "Corrected"),
            "revoked": translate("Records", "Revoked"),
            "upheld": translate("Records", "Upheld")}.get(status, status)


def _decorate(row: dict[str, Any], day: dt.date, warn_days: int) -> dict[str, Any]:
    row["status_label"] = outcome_label(row["status"])
    left = (dt.date.fromisoformat(row["deadline"]) - day).days
    row["days_left"] = left
    if row["status"] != "open":
        row["warning"] = None
    elif left < 0:
        row["warning"] = "overdue"
    elif left <= warn_days:
        row["warning"] = "due_soon"
    else:
        row["warning"] = None
    return row


def warning_text(row: dict[str, Any]) -> str:
    if row.get("warning") == "overdue":
        return translate("Records", "Overdue by {n} days").format(n=-row["days_left"])
    if row.get("warning") == "due_soon":
        return translate("Records", "Due in {n} days").format(n=row["days_left"])
    if row["status"] == "open":
        return translate("Records", "{n} days left").format(n=row["days_left"])
    return ""


def objections(db: Database, *, status: str | None = None, subject_id: str | None = None,
               today: dt.date | None = None, limit: int = 500) -> list[dict[str, Any]]:
    where, params = [], []
    if status:
        where.append("o.status = ?")
        params.append(status)
    if subject_id:
        where.append("o.subject_id = ?")
        params.append(subject_id)
    rows = list(db.query(
        "SELECT o.*, r.title AS record_title, r.category, "
        "COALESCE((SELECT head_name FROM household h WHERE h.id = o.subject_id), "
        "(SELECT name FROM organization g WHERE g.id = o.subject_id)) AS subject_name, "
        "u.display_name AS decided_by_name, c.display_name AS created_by_name "
        "FROM objection o JOIN credit_record r ON r.id = o.record_id "
        "LEFT JOIN app_user u ON u.id = o.decided_by "
        "LEFT JOIN app_user c ON c.id = o.created_by "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY (o.status = 'open') DESC, o.deadline, o.filed_on DESC LIMIT ?",
        [*params, limit]))
    warn = int(pol.load(db)["objection"].get("warn_days", 5))
    day = today or pol.today()
    return [_decorate(r, day, warn) for r in rows]


def alerts(db: Database, *, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Open objections that are due soon or overdue, most urgent first."""
    return [r for r in objections(db, status="open", today=today) if r["warning"]]


def get(db: Database, objection_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM objection WHERE id = ?", [objection_id]), None)
    if row is None:
        raise NotFound(translate("Records", "No objection with id {id}.").format(id=objection_id))
    return row

"""Credit records (信用记录): dated facts about a subject, by catalogue category.

Administrative licences and penalties carry every 双公示 field (in
``details``). Negative records are public for a period set by severity
(policy ``publicity``); ``refresh_statuses`` moves records whose period has
ended to ``expired`` as dates pass. Repair (repair.py) and objections
(objections.py) change the status through their own workflows; nothing is
ever deleted, so the history stays.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require
from app.errors import FieldError, UserError, ValidationFailed
from app.i18n import translate
from app.identity import IdentityError, parse_uscc
from app.journal import ChangeSet, changes, entries_for
from app.legal_rep_links import link_to_legal_rep
from app.rating.review_queue import flag_for_review
from app.rules import credit_record as record_rules
from app.rules import fields as record_fields
from app.subjects import parse_subject_number, subject_info
from app.units import UnitError, parse_money

# Statuses whose records are published (shown, counted). Repaired, revoked
# and expired records are kept for history only.
COUNTED_STATUSES = ("public",)

# 双公示 fields: (key, English label, required, kind)
PENALTY_FIELDS = [
    ("counterpart_name", "Counterpart name", True, "text"),
    ("counterpart_code", "Counterpart USCC or ID number", True, "number"),
    ("legal_rep", "Legal representative", False, "text"),
    ("violation_facts", "Violation facts", True, "text"),
    ("legal_basis", "Legal basis", True, "text"),
    ("penalty_kind", "Penalty kind", True, "text"),
    ("penalty_amount", "Fine or confiscation (yuan)", False, "money"),
    ("valid_until", "Validity", False, "date"),
    ("authority", "Deciding authority", True, "text"),
    ("authority_uscc", "Deciding authority's USCC", True, "uscc"),
    ("data_source", "Data source", True, "text"),
]
LICENCE_FIELDS = [
    ("counterpart_name", "Counterpart name", True, "text"),
    ("counterpart_code", "Counterpart USCC or ID number", True, "number"),
    ("legal_rep", "Legal representative", False, "text"),
    ("licence_name", "Licence name", True, "text"),
    ("licence_number", "Licence number", False, "text"),
    ("licence_kind", "Licence kind", True, "text"),
    ("licence_content", "Licence content", True, "text"),
    ("valid_from", "Valid from", True, "date"),
    ("valid_until", "Valid until", False, "date"),
    ("authority", "Deciding authority", True, "text"),
    ("authority_uscc", "Deciding authority's USCC", True, "uscc"),
    ("data_source", "Data source", True, "text"),
]
DETAIL_FIELDS = {"administrative_penalty": PENALTY_FIELDS,
                 "administrative_licence": LICENCE_FIELDS}

def field_label(key: str) -> str:
    return {
        "counterpart_name": translate("RecordFields", "Counterpart name"),
        "counterpart_code": translate("RecordFields", "Counterpart USCC or ID number"),
        "legal_rep": translate("RecordFields", "Legal representative"),
        "violation_facts": translate("RecordFields", "Violation facts"),
        "legal_basis": translate("RecordFields", "Legal basis"),
        "penalty_kind": translate("RecordFields", "Penalty kind"),
        "penalty_amount": translate("RecordFields", "Fine or confiscation (yuan)"),
        "penalty_amount_fen": translate("RecordFields", "Fine or confiscation (yuan)"),
        "valid_until": translate("RecordFields", "Valid until"),
        "authority": translate("RecordFields", "Deciding authority"),
        "authority_uscc": translate("RecordFields", "Deciding authority's USCC"),
        "data_source": translate("RecordFields", "Data source"),
        "licence_name": translate("RecordFields", "Licence name"),
        "licence_number": translate("RecordFields", "Licence number"),
        "licence_kind": translate("RecordFields", "Licence kind"),
        "licence_content": translate("RecordFields", "Licence content"),
        "valid_from": translate("RecordFields", "Valid from"),
        "subject_id": translate("RecordFields", "Subject"),
        "category": translate("RecordFields", "Category"),
        "polarity": translate("RecordFields", "Polarity"),
        "severity": translate("RecordFields", "Severity"),
        "title": translate("RecordFields", "Title"),
        "content": translate("RecordFields", "Content"),
        "source_department": translate("RecordFields", "Source department"),
        "document_number": translate("RecordFields", "Decision document number"),
        "decision_date": translate("RecordFields", "Decision date"),
        "publicity_months": translate("RecordFields", "Publicity period (months)"),
        "publicity_end": translate("RecordFields", "Publicity end date"),
    }.get(key, key)


def _error(field: str, message: str) -> FieldError:
    err = FieldError(field, message)
    err.args = (f"{field_label(field)}: {message}",)
    return err


def _clean_details(category: str, details: dict[str, Any], errors: list[FieldError]
                   ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (details or {}).items():
        if value not in (None, ""):
            out[key] = value.strip() if isinstance(value, str) else value
    for key, _, required, kind in DETAIL_FIELDS.get(category, []):
        value = out.get(key)
        if value in (None, ""):
            if required:
                errors.append(_error(key, translate("Records", "Required for this category "
                                                               "(双公示).")))
            continue
        try:
            if kind == "text":
                out[key] = record_fields.text(value, multiline=True)
            elif kind == "date":
                out[key] = pol.parse_date(value, key).isoformat()
            elif kind == "money":
                out[key + "_fen"] = parse_money(value) if not isinstance(value, int) else value
                del out[key]
            elif kind == "uscc":
                info = parse_uscc(str(value))
                out[key] = info.number
            elif kind == "number":
                out[key] = parse_subject_number(str(value))
        except (IdentityError, UnitError, record_fields.RuleError) as exc:
            errors.append(_error(key, str(exc)))
        except FieldError as exc:
            errors.append(_error(key, exc.message))
    return out


def publicity_end(policy: dict, severity: str, decision_date: dt.date,
                  months: int | None = None) -> dt.date:
    band = policy["publicity"][severity]
    months = band["default_months"] if months is None else int(months)
    if not band["min_months"] <= months <= band["max_months"]:
        raise _error("publicity_months", translate(
            "Records", "A {severity} record is public for {low} to {high} months.").format(
                severity=band["label"], low=band["min_months"], high=band["max_months"]))
    return pol.add_months(decision_date, months)


def clean_record(db: Database, data: dict[str, Any]) -> dict[str, Any]:
    policy = pol.load(db)
    errors: list[FieldError] = []
    subject_id = data.get("subject_id")
    if not subject_id or not db.execute("SELECT 1 FROM subject WHERE id = ?",
                                        [subject_id]).fetchone():
        errors.append(_error("subject_id", translate(
            "Records", "Choose the household or organization the record is about.")))
    checked = record_rules.check(data, policy, today=pol.today())
    errors.extend(_error(field, message) for field, message in checked.problems)
    category, polarity = checked.row["category"], checked.row["polarity"]
    severity, title = checked.row["severity"], checked.row["title"]
    document_number = checked.row["document_number"]
    decision = dt.date.fromisoformat(checked.row["decision_date"]) \
        if checked.row["decision_date"] else None
    if polarity == "negative" and severity is None \
            and not any(f == "severity" for f, _ in checked.problems):
        errors.append(_error("severity", translate(
            "Records", "A negative record needs a severity: minor, general or serious.")))
    details = _clean_details(category, data.get("details") or {}, errors)
    end = None
    if decision and polarity == "negative" and severity in pol.SEVERITIES:
        try:
            end = publicity_end(policy, severity, decision, data.get("publicity_months"))
        except FieldError as exc:
            errors.append(exc)
    elif checked.row["publicity_end"]:
        end = dt.date.fromisoformat(checked.row["publicity_end"])
    if end is not None and category in DETAIL_FIELDS:
        details["publicity_end"] = end.isoformat()
    if errors:
        raise ValidationFailed(errors)
    status = "public"
    if end is not None and end < pol.today():
        status = "expired"
    return {
        "subject_id": subject_id, "category": category, "polarity": polarity,
        "severity": severity, "title": title,
        "content": checked.row["content"],
        "source_department": checked.row["source_department"],
        "document_number": document_number, "decision_date": decision.isoformat(),
        "publicity_end": end.isoformat() if end else None, "status": status,
        "details": json.dumps(details, ensure_ascii=False, sort_keys=True),
        "letter_id": data.get("letter_id"),
    }


def create_record(db: Database, operator_id: str, data: dict[str, Any]) -> dict[str, Any]:
    require(db, operator_id, "records.edit")
    row = clean_record(db, data)
    with changes(db, operator_id) as cs:
        return insert_record(cs, row)


def insert_record(cs: ChangeSet, row: dict[str, Any]) -> dict[str, Any]:
    """Insert a cleaned record in the caller's change set; a new negative
    record queues its subject for rating review."""
    record = cs.insert("credit_record", row)
    if row["polarity"] == "negative" and row["status"] == "public":
        flag_for_review(cs.db, cs, row["subject_id"],
                        translate("Records", "New negative credit record: {title}").format(
                            title=row["title"]), "credit_record")
        # An organization's negative record reaches its legal representative too.
        link_to_legal_rep(cs, source_kind="credit_record", source_id=record["id"],
                          subject_id=row["subject_id"], title=row["title"],
                          decided_on=row["decision_date"])
    return record


def get_record(db: Database, record_id: str) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM credit_record WHERE id = ?", [record_id]), None)
    if row is None:
        from app.errors import NotFound

        raise NotFound(translate("Records", "No credit record with id {id}.").format(id=record_id))
    return _decorate(db, row)


def _decorate(db: Database, row: dict[str, Any], policy: dict | None = None) -> dict[str, Any]:
    policy = policy or pol.load(db)
    row["details"] = json.loads(row["details"]) if isinstance(row["details"], str) else row["details"]
    row["category_label"] = pol.category_label(policy, row["category"])
    row["status_label"] = pol.status_label(row["status"])
    row["polarity_label"] = pol.polarity_label(row["polarity"])
    row["severity_label"] = pol.severity_label(policy, row["severity"])
    return row


def subject_records(db: Database, subject_id: str, *, statuses: tuple[str, ...] | None = None
                    ) -> list[dict[str, Any]]:
    """Records of a subject, newest first (all statuses unless given)."""
    where = "subject_id = ?"
    params: list[Any] = [subject_id]
    if statuses:
        where += f" AND status IN ({', '.join('?' * len(statuses))})"
        params += list(statuses)
    policy = pol.load(db)
    return [_decorate(db, r, policy) for r in db.query(
        f"SELECT * FROM credit_record WHERE {where} ORDER BY decision_date DESC, created_at DESC",
        params)]


def active_records(db: Database, subject_id: str) -> list[dict[str, Any]]:
    """What ratings count: published records only. A repaired, revoked,
    expired or disputed record does not count against the subject."""
    return subject_records(db, subject_id, statuses=COUNTED_STATUSES)


def search_records(db: Database, *, text: str | None = None, category: str | None = None,
                   status: str | None = None, polarity: str | None = None,
                   subject_id: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Records with the subject's name, newest first, for the records screen."""
    where, params = [], []
    for column, value in (("r.category", category), ("r.status", status),
                          ("r.polarity", polarity), ("r.subject_id", subject_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    name = ("COALESCE((SELECT head_name FROM household h WHERE h.id = r.subject_id), "
            "(SELECT name FROM organization o WHERE o.id = r.subject_id))")
    if text:
        where.append(f"(r.title LIKE ? OR r.document_number LIKE ? OR {name} LIKE ?)")
        params += [f"%{text.strip()}%"] * 3
    sql = (f"SELECT r.*, {name} AS subject_name FROM credit_record r "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} "
           "ORDER BY r.decision_date DESC, r.created_at DESC LIMIT ?")
    policy = pol.load(db)
    return [_decorate(db, r, policy) for r in db.query(sql, [*params, limit])]


def history(db: Database, record_id: str) -> list[dict[str, Any]]:
    """Every change of the record: who, when, status before and after."""
    return entries_for(db, "credit_record", record_id)


def refresh_statuses(db: Database, operator_id: str, *, today: dt.date | None = None) -> int:
    """Public records whose publicity period has ended become ``expired``.
    Journaled like any change; returns how many changed."""
    day = (today or pol.today()).isoformat()
    ids = [r[0] for r in db.execute(
        "SELECT id FROM credit_record WHERE status = 'public' AND publicity_end IS NOT NULL "
        "AND publicity_end < ?", [day])]
    if not ids:
        return 0
    with changes(db, operator_id) as cs:
        for record_id in ids:
            cs.update("credit_record", record_id, {"status": "expired"})
    return len(ids)


def subject_name(db: Database, subject_id: str) -> str:
    return subject_info(db, subject_id)["name"]


def require_status(record: dict[str, Any], allowed: tuple[str, ...], action: str) -> None:
    if record["status"] not in allowed:
        raise UserError(translate(
            "Records", "Cannot {action}: the record is {status}.").format(
                action=action, status=pol.status_label(record["status"])))

"""Joint reward and punishment feedback (联合奖惩 触发反馈).

When a listed subject comes before an official (a subsidy, a loan
recommendation, a rating, an award) and a measure its list implies is
applied, the official records it here: which measure, in which matter and
department, on which day, with a note. The record is journaled, so it
travels to the county with the next batch (the county counts how often the
lists are actually used), and it shows on the subject's page.

Only a measure of a list the subject is on that day, or one reaching a
person as the legal representative of a listed organization, can be
recorded: the banner that offers the action and this function read the
same ``app.list_status.identity_status`` (through ``applicable``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require
from app.errors import FieldError, ValidationFailed
from app.i18n import translate
from app.journal import changes
from app.list_status import identity_status


def _error(field: str, message: str) -> FieldError:
    label = {
        "id_number": translate("Records", "ID number or USCC"),
        "measure": translate("Records", "Measure"),
        "matter": translate("Records", "Matter"),
        "applied_on": translate("Records", "Applied on"),
    }.get(field, field)
    err = FieldError(field, message)
    err.args = (f"{label}: {message}",)
    return err


def record_measure(db: Database, operator_id: str, *, number: str, measure: str, matter: str,
                   applied_on: Any = None, department: str = "", note: str = "",
                   today: dt.date | None = None) -> dict[str, Any]:
    """Record that ``measure`` was applied to the subject with ``number`` in ``matter``.

    ``measure`` is the measure's text or its 1-based number in the list the
    banner shows. Refused with the reason when the number is not whole, the
    subject is on no list that day, or the measure is not one its lists imply.
    """
    require(db, operator_id, "records.edit")
    errors: list[FieldError] = []
    day = today or pol.today()
    applied = None
    try:
        applied = pol.parse_date(applied_on or day, "applied_on")
        if applied > day:
            errors.append(_error("applied_on", translate(
                "Records", "{day} is in the future: record a measure once it was applied.")
                .format(day=applied.isoformat())))
    except FieldError as exc:
        errors.append(_error("applied_on", exc.message))
    status = identity_status(db, number, today=applied if applied and applied <= day else day)
    chosen = None
    options = applicable(status) if status else []
    if status is None:
        errors.append(_error("id_number", translate(
            "Records", "Enter the whole 18-character ID number or unified social credit code.")))
    elif not options:
        errors.append(_error("id_number", translate(
            "Records", "{number} is on no red or black list on {day}: no joint reward or "
                       "punishment measure applies.").format(
            number=status["number"], day=(applied or day).isoformat())))
    else:
        chosen = _match(options, (measure or "").strip())
        if chosen is None:
            errors.append(_error("measure", translate(
                "Records", "Choose one of the measures its lists imply: {measures}.").format(
                measures="；".join(f"{i}. {m}" for i, (m, _) in enumerate(options, 1)))))
    matter = (matter or "").strip()
    if not matter:
        errors.append(_error("matter", translate(
            "Records", "Enter the matter in which the measure was applied (e.g. 2026年耕地地力"
                       "保护补贴发放).")))
    if errors:
        raise ValidationFailed(errors)
    entry = chosen[1]
    name = entry.get("name") or ""
    note = (note or "").strip()
    if entry.get("as_legal_rep_of"):
        note = "；".join(filter(None, [translate(
            "Records", "as legal representative of {organization}").format(
            organization=entry["as_legal_rep_of"]), note]))
    with changes(db, operator_id) as cs:
        return cs.insert("measure_feedback", {
            "subject_id": status["subject_id"], "id_number": status["number"],
            "name": name, "list_entry_id": entry["id"], "list_kind": entry["list_kind"],
            "measure": chosen[0], "matter": matter,
            "department": (department or "").strip() or None,
            "applied_on": applied.isoformat(), "note": note or None,
            "recorded_by": operator_id,
        })


def applicable(status: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every measure that may be recorded for this identity, in the order the banner
    lists them, each with the list entry implying it: the subject's own lists first,
    then those reaching the person as the legal representative of a listed
    organization (the organization's entry, with ``as_legal_rep_of``)."""
    out: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for entry in status["entries"]:
        for text in entry.get("measures", ()):
            if text not in seen:
                seen.add(text)
                out.append((text, entry))
    for link in status.get("linked", ()):
        if link["source_kind"] != "list_entry":
            continue
        for text in link.get("measures", ()):
            if text not in seen:
                seen.add(text)
                out.append((text, {"id": link["source_id"], "list_kind": link["list_kind"],
                                   "name": link["person_name"],
                                   "as_legal_rep_of": link["organization_name"]}))
    return out


def _match(options: list[tuple[str, dict[str, Any]]], measure: str
           ) -> tuple[str, dict[str, Any]] | None:
    """(measure text, the list entry implying it) for a typed measure or its number."""
    if measure.isdigit() and 1 <= int(measure) <= len(options):
        return options[int(measure) - 1]
    return next((option for option in options if option[0] == measure), None)


def feedback(db: Database, *, number: str | None = None, subject_id: str | None = None,
             since: Any = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Recorded measures, newest first, with who recorded them."""
    where, params = [], []
    if number:
        from app.list_status import normalise_number

        where.append("f.id_number = ?")
        params.append(normalise_number(number))
    if subject_id:
        where.append("f.subject_id = ?")
        params.append(subject_id)
    if since:
        where.append("f.applied_on >= ?")
        params.append(pol.parse_date(since, "since").isoformat())
    rows = list(db.query(
        "SELECT f.*, u.display_name AS recorded_by_name FROM measure_feedback f "
        "LEFT JOIN app_user u ON u.id = f.recorded_by "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY f.applied_on DESC, f.created_at DESC LIMIT ?", [*params, limit]))
    policy = pol.load(db)
    for row in rows:
        row["list_label"] = pol.list_label(policy, row["list_kind"])
    return rows

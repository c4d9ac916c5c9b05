"""A commitment letter (信用承诺书): drafting, numbers, finding one, its text.

A letter is drafted for one subject from the newest version of a template;
it keeps that template version and a snapshot of the placeholder values, so
its text is fixed from then on (``letter_text``), whatever later happens to
the template or the register.

Lifecycle (``status``): drafted → printed → signed; any letter may be
voided (it stays on file). A signed letter is then kept or broken
(``fulfilment``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require, require_subject_village
from app.errors import NotFound, UserError
from app.i18n import translate
from app.journal import ChangeSet, new_id
from app.letters import templates as tpl

STATUSES = ("drafted", "printed", "signed", "void")
FULFILMENTS = ("kept", "broken")


def status_label(status: str | None) -> str:
    return {
        "drafted": translate("Letters", "drafted"),
        "printed": translate("Letters", "printed, not yet signed"),
        "signed": translate("Letters", "signed"),
        "void": translate("Letters", "void"),
        "kept": translate("Letters", "kept"),
        "broken": translate("Letters", "broken"),
        None: "",
    }.get(status, status or "")


def _row(db: Database, sql: str, params) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([d[0] for d in cursor.description], values))


def get_letter(db: Database, letter_id: str) -> dict[str, Any]:
    row = _row(db, """
        SELECT l.*, t.template_version, t.title AS template_title, t.letter_type
        FROM commitment_letter l JOIN letter_template t ON t.id = l.template_id
        WHERE l.id = ?""", [letter_id])
    if row is None:
        raise NotFound(translate("Letters", "No such letter; check the number or scan it again."))
    row["values"] = json.loads(row["snapshot"])
    return row


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def find_letter(db: Database, text: str) -> dict[str, Any]:
    """A letter by what a scanner or a person typed: its id (QR code) or number."""
    text = (text or "").strip()
    match = _UUID.search(text)
    if match:
        row = _row(db, "SELECT id FROM commitment_letter WHERE id = ?", [match.group(0).lower()])
    else:
        row = _row(db, "SELECT id FROM commitment_letter WHERE number = ?", [text])
    if row is None:
        raise NotFound(translate("Letters", "No letter has the number or code {text}.")
                       .format(text=text))
    return get_letter(db, row["id"])


def letter_text(db: Database, letter: dict[str, Any]) -> dict[str, Any]:
    """What the letter prints, from its template version and snapshot."""
    template = tpl.get_template(db, letter["template_id"])
    values = letter["values"] if "values" in letter else json.loads(letter["snapshot"])
    text = tpl.filled(template, values)
    return {**text, "id": letter["id"], "number": letter["number"], "values": values,
            "template_name": template["name"], "template_version": template["template_version"]}


def next_numbers(db: Database, village_code: str, year: int, count: int) -> list[str]:
    """The next ``count`` numbers of a village and year: 510623105201-2026-00001."""
    prefix = f"{village_code}-{year}-"
    row = db.execute("SELECT MAX(number) FROM commitment_letter WHERE number >= ? AND number < ?",
                     [prefix, prefix + "~"]).fetchone()
    last = int(row[0][len(prefix):]) if row and row[0] else 0
    return [f"{prefix}{last + i:05d}" for i in range(1, count + 1)]


def draft_letters(cs: ChangeSet, template: dict[str, Any], subject_ids: list[str], *,
                  today: dt.date | None = None,
                  values: dict[str, dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Draft one letter per subject from ``template`` in the caller's change set."""
    db = cs.db
    today = today or dt.date.today()
    values = values if values is not None else tpl.subjects_values(db, subject_ids, today=today)
    missing = [s for s in subject_ids if s not in values]
    if missing:
        raise NotFound(translate("Letters", "No such household or organization; it may have been deleted."))
    check_kind(template, [values[s] for s in subject_ids])
    by_village: dict[str, list[str]] = {}
    for subject_id in subject_ids:
        by_village.setdefault(values[subject_id]["village_code"], []).append(subject_id)
    rows = []
    for code, ids in by_village.items():
        for subject_id, number in zip(ids, next_numbers(db, code, today.year, len(ids))):
            snapshot = dict(values[subject_id], letter_number=number)
            rows.append({
                "id": new_id(), "number": number, "subject_id": subject_id,
                "village_id": snapshot["village_id"], "template_id": template["id"],
                "template_name": template["name"], "status": "drafted",
                "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
                "text_sha256": tpl.text_hash(tpl.filled(template, snapshot)),
                "print_count": 0, "version": 1, "created_at": cs.at, "updated_at": cs.at,
            })
    cs.insert_many("commitment_letter", rows)
    return rows


def check_kind(template: dict[str, Any], values: list[dict[str, str]]) -> None:
    kind = template["subject_kind"]
    if kind == "any":
        return
    wrong = [v for v in values if v["kind"] != kind]
    if wrong:
        raise UserError(translate(
            "Letters", "The template {template} is for {kind} only; {name} is not one. Choose "
                       "another template.").format(
            template=template["name"], kind=_kind_label(kind), name=wrong[0]["committer_name"]))


def _kind_label(kind: str) -> str:
    return {"household": translate("Letters", "households"),
            "organization": translate("Letters", "organizations")}.get(kind, kind)


def require_repair(db: Database, template: dict[str, Any], subject_ids: list[str],
                   repair_id: str | None) -> None:
    """A credit repair letter (信用修复承诺书) belongs to one repair application of
    its subject: drafting one without it is refused with what to do instead."""
    if template.get("letter_type") != "credit_repair":
        return
    row = db.execute("SELECT subject_id FROM repair_application WHERE id = ?",
                     [repair_id]).fetchone() if repair_id else None
    if row is None or any(s != row[0] for s in subject_ids):
        raise UserError(translate(
            "Letters", "A credit repair commitment letter belongs to a repair application: "
                       "record the application first (Credit records → Repairs), then print "
                       "the letter from it."))


def create_letter(db: Database, operator_id: str, subject_id: str,
                  template_name: str = tpl.DEFAULT_TEMPLATE, *,
                  repair_id: str | None = None) -> dict[str, Any]:
    """Draft a new letter for one subject (even if it already has one); a credit
    repair letter only for a repair application (``repair_id``) of the subject."""
    require(db, operator_id, "letters.manage")
    require_subject_village(db, operator_id, subject_id)
    from app.journal import changes

    tpl.ensure_templates(db, operator_id)
    template = tpl.current_template(db, template_name)
    require_repair(db, template, [subject_id], repair_id)
    with changes(db, operator_id) as cs:
        row = draft_letters(cs, template, [subject_id])[0]
    return get_letter(db, row["id"])

"""Credit reports (信用报告): what a report says, issuing one, verifying one.

``issue_report`` gathers the facts of a subject (basic information, current
rating, list status, records by category with status, ratings history,
commitments, repairs and objections), masks ID numbers and phones unless the
purpose and the operator's role both allow full display, renders the PDF
(report_pdf.py), registers the report with a short verification code and
the PDF's SHA-256, and logs the use — all in one transaction.

``verify_report`` answers "is this printed report genuine and current?":
the code must be registered; a given PDF file must be byte-identical to the
one issued; the report must be within its validity; and the facts it showed
must still be the facts in the register.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol, query_log, register
from app.accounts.disclosure import check_purpose
from app.accounts.permissions import has as has_permission
from app.accounts.permissions import require
from app.errors import UserError
from app.files import file_unit
from app.i18n import translate
from app.identity import mask_id_number, mask_phone
from app.journal import changes, utc_now
from app.letters import letter as letters
from app.letters.queries import subject_letters
from app.list_status import list_status
from app.rating.queries import subject_ratings
from app.rating.statuses import DECIDED, status_label as rating_status_label
from app.records import objections, repair
from app.records.records import subject_records
from app.subjects import resolve, subject_info
from app.units import format_mu, format_yuan

# Crockford's base32 without I, L, O, U: no letter is mistaken for a digit
# when a bank clerk reads the code off paper.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_verify_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str:
    raw = "".join(c for c in (text or "").upper() if c.isalnum())
    raw = raw.replace("O", "0").replace("I", "1").replace("L", "1")
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def issuing_body(db: Database, policy: dict) -> str:
    body = policy["report"].get("issuing_body") or ""
    if body:
        return body
    township = register.home_township(db)
    name = township["name"] if township else ""
    return translate("Report", "{township} Credit Information Service").format(township=name)


def may_show_full(db: Database, operator_id: str, purpose: str, policy: dict, *,
                  requester: str | None = None, subject_name: str | None = None) -> bool:
    """Full ID numbers and phones only if the purpose, the role and the user's
    permission allow it; a purpose for the person themselves (本人查询) only
    when the requester is that person."""
    row = db.execute("SELECT role FROM app_user WHERE id = ?", [operator_id]).fetchone()
    role = row[0] if row else None
    rules = policy["report"]
    if purpose not in rules.get("full_display_purposes", []):
        return False
    if role not in rules.get("full_display_roles", [role]):
        return False
    if not has_permission(db, operator_id, "register.full_numbers"):
        return False
    if purpose in rules.get("self_purposes", ["本人查询"]) and requester and \
            requester != subject_name:
        return False
    return True


def _mask_number(number: str | None, full: bool) -> str:
    if not number:
        return ""
    return number if full else mask_id_number(number)


def _mask_phone(number: str | None, full: bool) -> str:
    if not number:
        return ""
    return number if full else mask_phone(number)


def _basic_facts(info: dict[str, Any], full: bool) -> list[tuple[str, Any]]:
    if info["kind"] == "household":
        return [
            (translate("Report", "Name"), info["name"]),
            (translate("Report", "Subject type"), register.kind_label("household")),
            (translate("Report", "ID number"), _mask_number(info["number"], full)),
            (translate("Report", "Phone"), _mask_phone(info["phone"], full)),
            (translate("Report", "Village"), "".join(x for x in (info["village"],
                                                                  info["village_group"]) if x)),
            (translate("Report", "Family members / labour"), f"{info['members']} / {info['labor']}"),
            (translate("Report", "Main industry"), info["main_industry"] or ""),
            (translate("Report", "Contracted land (mu)"), format_mu(info["land_area_centimu"])),
            (translate("Report", "Loan balance / overdue (yuan)"),
             f"{format_yuan(info['loan_balance_fen'])} / {format_yuan(info['overdue_fen'])}"),
        ]
    return [
        (translate("Report", "Name"), info["name"]),
        (translate("Report", "Subject type"), register.kind_label(info["org_kind"])),
        (translate("Report", "Unified social credit code"), info["number"]),
        (translate("Report", "Legal representative"), info["legal_rep_name"] or ""),
        (translate("Report", "Legal representative ID number"),
         _mask_number(info["legal_rep_id_number"], full)),
        (translate("Report", "Phone"), _mask_phone(info["phone"], full)),
        (translate("Report", "Village"), info["village"]),
        (translate("Report", "Business scope"), info["main_industry"] or ""),
    ]


def _rating_facts(db: Database, subject_id: str) -> tuple[dict | None, list[dict[str, Any]]]:
    """The current rating and the rating history.

    Current is the newest approved rating (审定); one still in the workflow
    is history, not a grade a bank may rely on.
    """
    ratings = subject_ratings(db, subject_id)
    current = next((r for r in ratings if r.get("grade")
                    and r.get("status") in DECIDED), None)
    if current is not None:
        current = {**current, "status": rating_status_label(current.get("status")),
                   "decided_at": str(current.get("decided_at") or "")[:10]}
    return current, [{
        "campaign_year": r.get("campaign_year"), "scheme_version": r.get("scheme_version"),
        "score": r.get("score"), "grade": r.get("grade") or "",
        "status": rating_status_label(r.get("status")),
        "decided_at": str(r.get("decided_at") or "")[:10]} for r in ratings]


def _letter_facts(db: Database, subject_id: str) -> list[dict[str, Any]]:
    return [{
        "number": x.get("number"), "template": x.get("title") or x.get("template"),
        "status": letters.status_label(x.get("status")),
        "signed_at": str(x.get("signed_at") or "")[:10],
        "fulfilment": letters.status_label(x.get("fulfilment")),
        "fulfilment_at": str(x.get("fulfilment_at") or "")[:10]}
        for x in subject_letters(db, subject_id)]


def facts(db: Database, subject_id: str, *, full: bool, today: dt.date) -> dict[str, Any]:
    """Everything a report shows about a subject (deterministic: its hash
    tells later whether the register still says the same)."""
    policy = pol.load(db)
    info = subject_info(db, subject_id)
    shown = tuple(policy["report"].get("shown_statuses", ["public", "disputed"]))
    shown = tuple(s for s in shown if s not in ("repaired", "revoked"))
    all_records = subject_records(db, subject_id)
    visible = [r for r in all_records if r["status"] in shown]
    by_category: list[dict[str, Any]] = []
    for category in policy["category"]:
        rows = [r for r in visible if r["category"] == category["id"]]
        if rows:
            by_category.append({"label": category["label"], "records": [{
                "decision_date": r["decision_date"], "title": r["title"],
                "polarity": r["polarity_label"], "severity": r["severity_label"],
                "source": r["source_department"] or r["details"].get("authority") or "",
                "document_number": r["document_number"] or "",
                "publicity_end": r["publicity_end"] or "", "status": r["status_label"],
            } for r in rows]})
    counts = {p: sum(1 for r in visible if r["polarity"] == p) for p in pol.POLARITIES}
    status = list_status(db, subject_id=subject_id, today=today)
    repairs = [{
        "applied_on": a["applied_on"], "category": pol.category_label(policy, a["category"]),
        "status": a["status_label"], "decided_at": (a["decided_at"] or "")[:10],
        "reason": a["decision_reason"] or "",
    } for a in repair.applications(db, subject_id=subject_id)]
    objection_rows = [{
        "filed_on": o["filed_on"], "category": pol.category_label(policy, o["category"]),
        "deadline": o["deadline"], "status": o["status_label"],
        "decided_at": (o["decided_at"] or "")[:10], "reason": o["outcome_reason"] or "",
    } for o in objections.objections(db, subject_id=subject_id, today=today)]
    current, ratings = _rating_facts(db, subject_id)
    return {
        "subject_id": subject_id,
        "name": info["name"],
        "kind": info["kind"],
        "number_masked": mask_id_number(info["number"]) if info["kind"] == "household"
        else info["number"],
        "basic": _basic_facts(info, full),
        "current_rating": current,
        "ratings": ratings,
        "list_status": {"listed": status["listed"], "labels": status["labels"],
                        "measures": status["measures"],
                        "entries": [{"label": e["label"], "basis": e["basis"] or "",
                                     "deciding_body": e["deciding_body"] or "",
                                     "listed_on": e["listed_on"],
                                     "valid_until": e["valid_until"] or ""}
                                    for e in status["entries"]]},
        "counts": counts,
        "records_by_category": by_category,
        "not_shown": len(all_records) - len(visible),
        "letters": _letter_facts(db, subject_id),
        "repairs": repairs,
        "objections": objection_rows,
    }


def content_hash(content: dict[str, Any]) -> str:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _next_number(db: Database, policy: dict, day: dt.date) -> str:
    prefix = f"{policy['report'].get('number_prefix', 'XYBG')}-{day.strftime('%Y%m%d')}-"
    row = db.execute("SELECT MAX(number) FROM credit_report WHERE number LIKE ?",
                     [prefix + "%"]).fetchone()
    seq = int(row[0].rsplit("-", 1)[1]) + 1 if row and row[0] else 1
    return f"{prefix}{seq:04d}"


def issue_report(db: Database, operator_id: str, subject: str, *, purpose: str,
                 output: str | os.PathLike, requester: str | None = None,
                 requester_org: str | None = None,
                 today: dt.date | None = None) -> dict[str, Any]:
    """Issue a credit report for ``subject`` (ID number, USCC, record id or
    subject id) and write its PDF to ``output``. Returns the report row.

    The purpose must be on the policy's list; the requester (the person, and
    the organisation they ask for) is recorded, printed and logged."""
    require(db, operator_id, "reports.issue")
    from app.records.report_pdf import render

    purpose = (purpose or "").strip()
    if not purpose:
        raise UserError(translate("Report", "Enter the purpose of the report (e.g. 贷款审批): "
                                            "a report is only issued for a stated purpose."))
    purpose = check_purpose(db, purpose)
    day = today or pol.today()
    policy = pol.load(db)
    subject_id = resolve(db, subject)
    output = Path(output)
    if not output.parent.exists():
        raise UserError(translate("Report", "The folder {folder} does not exist.")
                        .format(folder=output.parent))
    person = (requester or "").strip()
    full = may_show_full(db, operator_id, purpose, policy, requester=person or None,
                         subject_name=subject_info(db, subject_id)["name"])
    from app.records.records import refresh_statuses

    refresh_statuses(db, operator_id, today=day)
    # The number is committed together with the fsynced PDF (app/files.py):
    # a number on paper is never given to another report.
    with file_unit(db, output, "credit_report") as unit, changes(db, operator_id) as cs:
        content = facts(db, subject_id, full=full, today=day)
        requester = person or content["name"]
        org = (requester_org or "").strip()
        if org:
            requester = f"{requester}（{org}）"
        operator = db.execute("SELECT display_name FROM app_user WHERE id = ?",
                              [operator_id]).fetchone()
        meta = {
            "number": _next_number(db, policy, day),
            "verify_code": new_verify_code(),
            "issued_on": day.isoformat(),
            "issued_at": utc_now(),
            "valid_until": (day + dt.timedelta(days=int(policy["report"]["validity_days"])))
            .isoformat(),
            "requester": requester, "purpose": purpose, "full_display": full,
            "issuing_body": issuing_body(db, policy),
            "operator_name": operator[0] if operator else "",
            "scope_note": policy["report"].get("scope_note", ""),
            "policy_version": policy.get("version", ""),
        }
        pdf = render(meta, content)
        summary = {
            "name": content["name"], "number": content["number_masked"],
            "grade": (content["current_rating"] or {}).get("grade"),
            "lists": content["list_status"]["labels"], "counts": content["counts"],
        }
        row = cs.insert("credit_report", {
            "number": meta["number"], "verify_code": meta["verify_code"],
            "subject_id": subject_id, "subject_name": content["name"],
            "subject_number_masked": content["number_masked"], "requester": requester,
            "purpose": purpose, "full_display": int(full), "issued_by": operator_id,
            "issuing_body": meta["issuing_body"], "issued_on": meta["issued_on"],
            "valid_until": meta["valid_until"],
            "summary": json.dumps(summary, ensure_ascii=False, sort_keys=True),
            "content_hash": content_hash(content),
            "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
        })
        query_log.log_use(db, operator_id, action=query_log.REPORT, subject_id=subject_id,
                          purpose=purpose, detail={"number": meta["number"],
                                                   "requester": requester,
                                                   "full_display": full})
        unit.temp.write_bytes(pdf)
        unit.seal()
    row["summary"] = summary
    row["path"] = str(output)
    return row


def issue_batch(db: Database, operator_id: str, subjects: list[str], *, purpose: str,
                folder: str | os.PathLike, requester: str | None = None, job=None
                ) -> list[dict[str, Any]]:
    """Issue one report per subject into ``folder`` (named by report number),
    each in its own transaction; progress and cancel through ``job``."""
    from app.jobs import NO_JOB

    job = job or NO_JOB
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for done, subject in enumerate(subjects):
        job.step(done, len(subjects), translate("Report", "credit reports"))
        tmp = folder / f"report-{done:06d}.pdf"
        row = issue_report(db, operator_id, subject, purpose=purpose, output=tmp,
                           requester=requester)
        final = folder / f"{row['number']}.pdf"
        os.replace(tmp, final)
        row["path"] = str(final)
        out.append(row)
    job.step(len(subjects), len(subjects), translate("Report", "credit reports"))
    return out


def verify_report(db: Database, code: str, *, pdf_path: str | os.PathLike | None = None,
                  operator_id: str | None = None, today: dt.date | None = None
                  ) -> dict[str, Any]:
    """Check a report by its verification code (and optionally its PDF file).

    Keys: found, genuine, current, message (one sentence for the user),
    and the registered facts (number, subject, purpose, dates, summary).
    """
    day = today or pol.today()
    normal = normalise_code(code)
    row = next(db.query("SELECT * FROM credit_report WHERE verify_code = ? OR number = ?",
                        [normal, (code or "").strip()]), None)
    if row is None:
        return {"found": False, "genuine": False, "current": False,
                "message": translate("Report", "No report with the code {code} was issued "
                                               "here: the report is NOT genuine.")
                .format(code=code)}
    row["summary"] = json.loads(row["summary"])
    result = {"found": True, **row}
    problems = []
    genuine = True
    if pdf_path is not None:
        digest = hashlib.sha256(Path(pdf_path).read_bytes()).hexdigest()
        if digest != row["pdf_sha256"]:
            genuine = False
            problems.append(translate("Report", "the file differs from the report that was "
                                                "issued (it has been changed)"))
    expired = row["valid_until"] < day.isoformat()
    if expired:
        problems.append(translate("Report", "its validity ended on {day}").format(
            day=row["valid_until"]))
    changed = False
    if db.execute("SELECT 1 FROM subject WHERE id = ?", [row["subject_id"]]).fetchone():
        now = facts(db, row["subject_id"], full=bool(row["full_display"]), today=day)
        changed = content_hash(now) != row["content_hash"]
    else:
        changed = True
    if changed:
        problems.append(translate("Report", "the subject's credit information has changed "
                                            "since it was issued"))
    result.update(genuine=genuine, expired=expired, changed=changed,
                  current=genuine and not expired and not changed)
    if not genuine:
        message = translate("Report", "Report {number} is NOT genuine: {problems}.")
    elif problems:
        message = translate("Report", "Report {number} was issued here but is no longer "
                                      "current: {problems}. Ask for a new report.")
    else:
        message = translate("Report", "Report {number} is genuine and current: issued on "
                                      "{issued} for {name} ({purpose}), valid until {until}.")
    result["message"] = message.format(number=row["number"], problems="；".join(problems),
                                       issued=row["issued_on"], name=row["subject_name"],
                                       purpose=row["purpose"], until=row["valid_until"])
    if operator_id:
        query_log.log_use(db, operator_id, action=query_log.VERIFY, subject_id=row["subject_id"],
                          detail={"number": row["number"], "current": result["current"]})
    return result


def reports(db: Database, *, subject_id: str | None = None, limit: int = 500
            ) -> list[dict[str, Any]]:
    where = "WHERE r.subject_id = ?" if subject_id else ""
    return list(db.query(
        "SELECT r.*, u.display_name AS issued_by_name FROM credit_report r "
        f"LEFT JOIN app_user u ON u.id = r.issued_by {where} ORDER BY r.created_at DESC LIMIT ?",
        ([subject_id] if subject_id else []) + [limit]))

"""Credit reports (信用报告): what a report says, issuing one, verifying one.

``issue_report`` gathers the facts of a subject (basic information, current
rating, list status, records by category with status, ratings history,
commitments, repairs and objections), masks ID numbers and phones unless the
purpose and the operator's role both allow full display, renders the PDF
(report_pdf.py), registers the report with a short verification code and
the PDF's SHA-256, and logs the use — all in one transaction.

The report's QR code carries the facts it printed, signed with the
township's Ed25519 key (app/records/verification.py), so a bank can check a
paper report offline; the file is named by the report number, and a number
once given out is never given again (it is reserved in its own transaction
before the report is written).

``verify_report`` answers "is this printed report genuine and current?":
the code must be registered; a scanned QR line must carry a valid signature
and the registered facts; a given PDF file must be byte-identical to the
one issued; the report must be within its validity; and the subject's
credit facts must not have changed since (printing a letter is not such a
change). The answer states the facts the report printed, so altered text
on the paper shows.
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

from app import credit_policy as pol, query_log, register, settings
from app.accounts.disclosure import check_purpose
from app.accounts.permissions import has as has_permission
from app.accounts.permissions import require
from app.documents import office_name
from app.errors import UserError
from app.files import file_unit
from app.i18n import translate
from app.identity import mask_id_number, mask_phone
from app.journal import changes, utc_now
from app.letters import letter as letters
from app.letters.queries import subject_letters
from app.list_status import list_status
from app.rating import organizations
from app.rating.queries import subject_ratings
from app.rating.statuses import DECIDED, status_label as rating_status_label
from app.records import objections, repair, verification
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


def issuing_body(db: Database, policy: dict | None = None) -> str:
    """The issuing office, configured once for every document (app.documents)."""
    return office_name(db)


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


def rating_outcome(rating: dict[str, Any]) -> str:
    """The grade of a rating, or why it has none (a veto, a score below the
    lowest grade, removal, still in the workflow)."""
    if rating.get("grade"):
        return rating["grade"]
    if rating.get("status") == "removed":
        return translate("Report", "removed from the credit households")
    if rating.get("status") not in DECIDED:
        return translate("Report", "not yet decided")
    if rating.get("veto"):
        return translate("Report", "not a credit household: veto ({reason})").format(
            reason=rating["veto"])
    return translate("Report", "not a credit household: score below the lowest grade")


def _rating_facts(db: Database, subject_id: str) -> tuple[dict | None, list[dict[str, Any]]]:
    """The current rating and the rating history, which agree.

    Current is the newest decided rating (审定, or removal) with its grade or
    the reason it has none; one still in the workflow is history, not
    something a bank may rely on.
    """
    ratings = subject_ratings(db, subject_id)
    current = next((r for r in ratings if r.get("status") in DECIDED + ("removed",)), None)
    if current is not None:
        current = {"campaign_year": current.get("campaign_year"), "score": current.get("score"),
                   "grade": current.get("grade") or "", "veto": current.get("veto") or "",
                   "outcome": rating_outcome(current),
                   "status": rating_status_label(current.get("status")),
                   "decided_at": str(current.get("decided_at") or "")[:10]}
    return current, [{
        "campaign_year": r.get("campaign_year"), "scheme_version": r.get("scheme_version"),
        "score": r.get("score"), "grade": r.get("grade") or "", "outcome": rating_outcome(r),
        "status": rating_status_label(r.get("status")),
        "decided_at": str(r.get("decided_at") or "")[:10]} for r in ratings]


def _letter_facts(db: Database, subject_id: str) -> list[dict[str, Any]]:
    return [{
        "number": x.get("number"), "template": x.get("title") or x.get("template"),
        "status": letters.status_label(x.get("status")),
        "signed_at": str(x.get("signed_at") or "")[:10],
        "fulfilment": letters.status_label(x.get("fulfilment")),
        "fulfilment_at": str(x.get("fulfilment_at") or "")[:10]}
        # Commitments are signed letters; drafts, printed-not-signed and void
        # letters are not (and printing one changes no credit fact).
        for x in subject_letters(db, subject_id) if x.get("status") == "signed"]


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
    listed = {"listed": status["listed"], "labels": status["labels"],
              "measures": status["measures"],
              "entries": [{"label": e["label"], "basis": e["basis"] or "",
                           "deciding_body": e["deciding_body"] or "",
                           "listed_on": e["listed_on"],
                           "valid_until": e["valid_until"] or ""}
                          for e in status["entries"]]}
    if status["linked"]:
        # What reached the person as a listed organization's legal representative
        # (only when there is some: older reports keep their content hash).
        listed["linked"] = [{"organization": k["organization_name"], "label": k["label"],
                             "title": k["title"], "decided_on": k["decided_on"]}
                            for k in status["linked"]]
        listed["linked_measures"] = status["linked_measures"]
    if current is not None and info["kind"] == "organization":
        # 分级分类监管: the class the decided rating puts the organization in.
        current["supervision"] = organizations.decided_class(db, subject_id)
    return {
        "subject_id": subject_id,
        "name": info["name"],
        "kind": info["kind"],
        "number_masked": mask_id_number(info["number"]) if info["kind"] == "household"
        else info["number"],
        "basic": _basic_facts(info, full),
        "current_rating": current,
        "ratings": ratings,
        "list_status": listed,
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


_NUMBER_SETTING = "report_number_reserved"


def reserve_number(db: Database, policy: dict, day: dt.date) -> str:
    """The next report number, reserved in its own committed transaction, so
    that a report that fails or a crash after the file was written never
    lets the same number be given to another report."""
    prefix = f"{policy['report'].get('number_prefix', 'XYBG')}-{day.strftime('%Y%m%d')}-"
    with db.atomic():
        row = db.execute("SELECT MAX(number) FROM credit_report WHERE number LIKE ?",
                         [prefix + "%"]).fetchone()
        issued = int(row[0].rsplit("-", 1)[1]) if row and row[0] else 0
        reserved = settings.get(db, _NUMBER_SETTING) or {}
        seq = max(issued, int(reserved.get(prefix, 0))) + 1
        db.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) "
                   "DO UPDATE SET value = excluded.value",
                   [_NUMBER_SETTING, json.dumps({prefix: seq})])
    return f"{prefix}{seq:04d}"


def _summary(content: dict[str, Any], signed: dict[str, str]) -> dict[str, Any]:
    return {"name": content["name"], "number": content["number_masked"],
            "grade": (content["current_rating"] or {}).get("grade"),
            "lists": content["list_status"]["labels"], "counts": content["counts"],
            "signed": signed}


def issue_report(db: Database, operator_id: str, subject: str, *, purpose: str,
                 output: str | os.PathLike, requester: str | None = None,
                 requester_org: str | None = None,
                 today: dt.date | None = None) -> dict[str, Any]:
    """Issue a credit report for ``subject`` (ID number, USCC, record id or
    subject id) and write its PDF to ``output``: a folder (the file is then
    named by the report number) or a file name. Returns the report row.

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
    folder = output if output.is_dir() else output.parent
    if not folder.exists():
        raise UserError(translate("Report", "The folder {folder} does not exist.")
                        .format(folder=folder))
    person = (requester or "").strip()
    full = may_show_full(db, operator_id, purpose, policy, requester=person or None,
                         subject_name=subject_info(db, subject_id)["name"])
    from app.records.records import refresh_statuses

    refresh_statuses(db, operator_id, today=day)
    signing_key = verification.township_key(db)
    number = reserve_number(db, policy, day)
    if output.is_dir():
        output = output / f"{number}.pdf"
    if output.exists() and output.name == f"{number}.pdf":
        raise UserError(translate("Report", "A file {path} is already there; move it away "
                                            "before issuing the report.").format(path=output))
    # The report and its fsynced PDF are one unit (app/files.py); the number was
    # reserved above, so it is never given to another report either way.
    with file_unit(db, output, "credit_report") as unit, changes(db, operator_id) as cs:
        content = facts(db, subject_id, full=full, today=day)
        requester = person or content["name"]
        org = (requester_org or "").strip()
        if org:
            requester = f"{requester}（{org}）"
        operator = db.execute("SELECT display_name FROM app_user WHERE id = ?",
                              [operator_id]).fetchone()
        meta = {
            "number": number,
            "verify_code": new_verify_code(),
            "issued_on": day.isoformat(),
            "issued_at": utc_now(),
            "valid_until": (day + dt.timedelta(days=int(policy["report"]["validity_days"])))
            .isoformat(),
            "requester": requester, "purpose": purpose, "full_display": full,
            "issuing_body": issuing_body(db),
            "operator_name": operator[0] if operator else "",
            "scope_note": policy["report"].get("scope_note", ""),
            "policy_version": policy.get("version", ""),
        }
        signed = verification.signed_facts(meta, content)
        meta["qr_text"] = verification.qr_text(signed, signing_key)
        pdf = render(meta, content)
        summary = _summary(content, signed)
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
    row["qr_text"] = meta["qr_text"]
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
        out.append(issue_report(db, operator_id, subject, purpose=purpose, output=folder,
                                requester=requester))
    job.step(len(subjects), len(subjects), translate("Report", "credit reports"))
    return out


def verify_report(db: Database, code: str, *, pdf_path: str | os.PathLike | None = None,
                  operator_id: str | None = None, today: dt.date | None = None
                  ) -> dict[str, Any]:
    """Check a report by what was scanned or typed: the QR code's line, the
    verification code or the report number (and optionally its PDF file).

    Keys: found, genuine, current, facts (what the report printed), message
    (for the user: the verdict and the facts), and the registered row.
    """
    day = today or pol.today()
    text = (code or "").strip()
    scanned = verification.parse(text)
    wanted = verification.code_in(text)
    row = next(db.query("SELECT * FROM credit_report WHERE verify_code = ? OR number = ?",
                        [normalise_code(wanted), wanted]), None)
    if row is None:
        return {"found": False, "genuine": False, "current": False,
                "message": translate("Report", "No report with the code {code} was issued "
                                               "here: the report is NOT genuine.")
                .format(code=wanted or text)}
    row["summary"] = json.loads(row["summary"])
    registered = row["summary"].get("signed") or {}
    result = {"found": True, **row, "facts": registered}
    problems = []
    genuine = True
    if scanned is not None:
        valid, why = verification.check_signature(scanned, verification.trusted_keys(db))
        if not valid:
            genuine = False
            problems.append(why)
        elif registered and any(scanned.fields.get(k) != v for k, v in registered.items()):
            genuine = False
            problems.append(translate("Report", "the QR code's facts differ from the report "
                                                "that was issued"))
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
                                      "current: {problems}. Ask for a new report. It printed: "
                                      "{facts}.")
    else:
        message = translate("Report", "Report {number} is genuine and current: {facts}; "
                                      "purpose {purpose}, valid until {until}. Any other "
                                      "fact on the paper means it was altered.")
    shown = verification.facts_sentence(registered) if registered else translate(
        "Report", "subject {name}, issued on {issued}").format(name=row["subject_name"],
                                                              issued=row["issued_on"])
    result["message"] = message.format(number=row["number"], problems="；".join(problems),
                                       facts=shown, purpose=row["purpose"],
                                       until=row["valid_until"])
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

"""``credit-desk`` commands of the records area: report, verify-report, verifier-page,
query-log, credit-policy."""

from __future__ import annotations

import json

from app.accounts.permissions import require
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    report = sub.add_parser("report", help=translate("RecordsCLI", "print a credit report (PDF)"))
    report.add_argument("subject", metavar="SUBJECT", help=translate(
        "RecordsCLI", "ID number of the head of household, USCC, or credit record id"))
    report.add_argument("--purpose", required=True, help=translate(
        "RecordsCLI", "what the report is for, e.g. 贷款审批 (logged; decides masking)"))
    report.add_argument("-o", "--output", required=True, metavar="FOLDER|FILE.pdf",
                        help=translate("RecordsCLI", "folder to write the PDF to (named by "
                                                     "the report number), or a PDF file"))
    report.add_argument("--requester", help=translate(
        "RecordsCLI", "who asked for the report (default: the subject)"))
    report.add_argument("--requester-org", help=translate(
        "RecordsCLI", "the organisation the requester asks for (e.g. a bank)"))
    report.set_defaults(func=cmd_report)

    verify = sub.add_parser("verify-report", help=translate(
        "RecordsCLI", "say whether a printed credit report is genuine and current"))
    verify.add_argument("code", metavar="CODE", nargs="?", help=translate(
        "RecordsCLI", "the text of the report's QR code, its verification code or the report "
                      "number"))
    verify.add_argument("--scan", metavar="IMAGE", help=translate(
        "RecordsCLI", "read the QR code from a photo or scan of the report"))
    verify.add_argument("--file", metavar="FILE.pdf", help=translate(
        "RecordsCLI", "also check that this PDF file is exactly the one issued"))
    verify.add_argument("--key", action="append", metavar="KEY|FILE", help=translate(
        "RecordsCLI", "also trust this township public key (base64), or the keys listed in "
                      "this file (one \"name key\" a line)"))
    verify.add_argument("--offline", action="store_true", help=translate(
        "RecordsCLI", "check only the QR code's signature, without the register (a bank)"))
    # A bank checks offline, with no register and so no user to sign in.
    verify.set_defaults(needs_user=lambda args, data: data.exists() and not args.offline)
    verify.add_argument("--json", action="store_true", help=translate("RecordsCLI", "print JSON"))
    verify.set_defaults(func=cmd_verify)

    page = sub.add_parser("verifier-page", help=translate(
        "RecordsCLI", "write the offline HTML page that checks a report's QR code (for banks)"))
    page.add_argument("-o", "--output", required=True, metavar="FILE.html")
    page.add_argument("--key", action="append", metavar="KEY|FILE", help=translate(
        "RecordsCLI", "also trust this township public key (base64), or the keys in this file"))
    page.set_defaults(func=cmd_verifier_page, needs_user=lambda args, data: data.exists())

    office = sub.add_parser("issuing-office", help=translate(
        "RecordsCLI", "show or set the issuing office printed on every letter, report and "
                      "notice"))
    office.add_argument("name", nargs="?", metavar="NAME")
    office.set_defaults(func=cmd_issuing_office)

    log = sub.add_parser("query-log", help=translate(
        "RecordsCLI", "search the query and use log (who viewed, printed or exported what)"))
    log.add_argument("--subject", help=translate(
        "RecordsCLI", "ID number, USCC or record id of a subject"))
    log.add_argument("--action", help=translate("RecordsCLI", "view, report, export, verify ..."))
    log.add_argument("--since", metavar="YYYY-MM-DD")
    log.add_argument("--until", metavar="YYYY-MM-DD")
    log.add_argument("--text", help=translate("RecordsCLI", "words in purpose, detail or names"))
    log.add_argument("--limit", type=int, default=100)
    log.add_argument("--json", action="store_true", help=translate("RecordsCLI", "print JSON"))
    log.set_defaults(func=cmd_query_log)

    policy = sub.add_parser("credit-policy", help=translate(
        "RecordsCLI", "show or replace the credit policy (periods, deadlines, measures, masking)"))
    policy.add_argument("--set", metavar="FILE.toml", help=translate(
        "RecordsCLI", "check this TOML file and make it the register's policy"))
    policy.add_argument("--reset", action="store_true", help=translate(
        "RecordsCLI", "go back to the shipped policy"))
    policy.set_defaults(func=cmd_policy)

    from app.records import lists_cli

    lists_cli.register(sub)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("RecordsCLI", "There is no register in {path}. Create one "
                                                "first (e.g. credit-desk demo).").format(
            path=data.root))
    return open_data_dir(data)


def cmd_report(args, data: DataDir) -> int:
    from app.records.report import issue_report

    db = _open(data)
    try:
        row = issue_report(db, args.actor.id, args.subject, purpose=args.purpose,
                           output=args.output, requester=args.requester,
                           requester_org=args.requester_org)
    finally:
        db.close()
    print(translate("RecordsCLI", "Credit report {number} for {name} ({masked}) written to "
                                  "{path}. Verification code: {code}; valid until {until}.")
          .format(number=row["number"], name=row["subject_name"],
                  masked=row["subject_number_masked"], path=row["path"],
                  code=row["verify_code"], until=row["valid_until"]))
    return 0


def cmd_verify(args, data: DataDir) -> int:
    from app.records import verification
    from app.records.report import verify_report

    text = verification.scan_image(args.scan) if args.scan else (args.code or "")
    if not text.strip():
        raise UserError(translate("RecordsCLI", "Give the QR code's text, the verification "
                                                "code, or --scan IMAGE."))
    if args.offline or not data.exists():
        # A bank's computer: no register, only the signature and the keys it trusts.
        result = verification.verify_offline(text, verification.trusted_keys(None, args.key))
        ok = result["genuine"]
    else:
        db = _open(data)
        try:
            if args.key and verification.parse(text) is not None and not verify_report(
                    db, text).get("found"):
                result = verification.verify_offline(
                    text, verification.trusted_keys(db, args.key))
                ok = result["genuine"]
            else:
                result = verify_report(db, text, pdf_path=args.file,
                                       operator_id=args.actor.id)
                ok = bool(result.get("current"))
        finally:
            db.close()
    if args.json:
        print(json.dumps({k: v for k, v in result.items()}, ensure_ascii=False, indent=1,
                         default=str))
    else:
        print(result["message"])
    return 0 if ok else 1


def cmd_issuing_office(args, data: DataDir) -> int:
    from app import documents

    db = _open(data)
    try:
        if args.name is not None:
            documents.set_office_name(db, args.name, operator_id=args.actor.id)
        print(documents.office_name(db))
    finally:
        db.close()
    return 0


def cmd_verifier_page(args, data: DataDir) -> int:
    from app.records import verification

    db = _open(data) if data.exists() else None
    try:
        path = verification.write_verifier_page(db, args.output, args.key)
    finally:
        if db is not None:
            db.close()
    print(translate("RecordsCLI", "Verifier page written to {path}. Open it in a browser; it "
                                  "needs no network.").format(path=path))
    return 0


def cmd_query_log(args, data: DataDir) -> int:
    from app.query_log import search_log
    from app.subjects import resolve

    db = _open(data)
    try:
        require(db, args.actor.id, "audit.review")
        subject_id = resolve(db, args.subject) if args.subject else None
        rows = search_log(db, subject_id=subject_id, action=args.action, since=args.since,
                          until=args.until, text=args.text, limit=args.limit)
    finally:
        db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print("\t".join(str(x or "") for x in (
            row["at"][:19].replace("T", " "), row["operator_name"], row["action_label"],
            row["subject_name"], row["purpose"], row["detail"])))
    if not rows:
        print(translate("RecordsCLI", "No log entries match."))
    return 0


def cmd_policy(args, data: DataDir) -> int:
    from pathlib import Path

    from app import settings
    from app import credit_policy as policy

    db = _open(data)
    try:
        if args.set:
            text = Path(args.set).read_text(encoding="utf-8")
            policy.save(db, text, args.actor.id)
            print(translate("RecordsCLI", "Credit policy version {version} is now in use.")
                  .format(version=policy.load(db).get("version", "?")))
        elif args.reset:
            policy.save(db, None, args.actor.id)
            print(translate("RecordsCLI", "The shipped credit policy is in use again."))
        else:
            print(settings.get(db, policy.SETTING_KEY) or policy.shipped_text())
    finally:
        db.close()
    return 0

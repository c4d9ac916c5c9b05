"""``credit-desk audit``: verify the audit chains."""

from __future__ import annotations

import json

from app.accounts import audit, permissions
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    cmd = sub.add_parser("audit", help=translate(
        "Audit", "check that the journal and the query and use log were not rewritten"))
    cmds = cmd.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = cmds.add_parser("verify", help=translate(
        "Audit", "recompute the hash chains and name the first broken row"))
    verify.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    verify.set_defaults(func=cmd_verify)
    rev = cmds.add_parser("review", help=translate(
        "Audit", "review the query and use log of a period: full-number disclosures, use "
                 "outside office hours, unusual volumes per user"))
    rev.add_argument("--since", required=True, metavar="YYYY-MM-DD")
    rev.add_argument("--until", required=True, metavar="YYYY-MM-DD")
    rev.add_argument("--sign", metavar="NOTE", help=translate(
        "Audit", "sign the review with this finding (entered in the account log)"))
    rev.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    rev.set_defaults(func=cmd_review)


def cmd_verify(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        permissions.require(db, args.actor.id, "audit.review")
        result = audit.verify(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps({**result, "breaks": [b.as_dict() for b in result["breaks"]]},
                         ensure_ascii=False, indent=1))
    else:
        for log, rows in result["checked"].items():
            print(translate("Audit", "{log}: {rows} rows checked.").format(
                log=audit.log_label(log), rows=rows))
        for b in result["breaks"]:
            print(b.message())
        if result["missing_triggers"]:
            print(translate("Audit", "Missing protective triggers: {names}").format(
                names=", ".join(result["missing_triggers"])))
        print(translate("Audit", "The audit chains are intact.") if result["ok"] else
              translate("Audit", "THE AUDIT CHAINS ARE BROKEN: the logs were changed outside "
                                 "the program."))
    return 0 if result["ok"] else 1


def cmd_review(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        result = audit.review(db, args.actor.id, args.since, args.until)
        if args.sign:
            audit.sign_review(db, args.actor.id, args.since, args.until, args.sign, result)
    finally:
        db.close()
    if args.json:
        print(json.dumps({**result, "signed": bool(args.sign)}, ensure_ascii=False, indent=1))
        return 0
    print(translate("Audit", "{since} to {until}: {entries} entries.").format(**result))
    for user in result["per_user"]:
        print(translate("Audit", "  {user}: {uses} uses, {subjects} subjects").format(**user))
    print(translate("Audit", "Full-number disclosures: {n}").format(
        n=len(result["full_disclosures"])))
    for row in result["full_disclosures"]:
        print(f"  ! {row['at'][:16]} {row['user']} {row['action']} {row['purpose'] or ''}")
    print(translate("Audit", "Use outside office hours ({hours}): {n}").format(
        hours=result["office_hours"], n=len(result["after_hours"])))
    for row in result["after_hours"]:
        print(f"  ! {row['at'][:16]} {row['user']} {row['action']} {row['purpose'] or ''}")
    for item in result["unusual"]:
        print(translate("Audit", "  ! {user} on {day}: {count} subjects (more than {limit})")
              .format(limit=result["unusual_daily_uses"], **item))
    if args.sign:
        print(translate("Audit", "Review signed and entered in the account log."))
    return 0

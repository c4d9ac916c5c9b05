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

"""``credit-desk policy show|history``: the credit policy in force and the county's updates."""

from __future__ import annotations

import json

from app import credit_policy
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.records import policy as policy_view
from app.store import open_data_dir
from app.units import local_time


def register(sub) -> None:
    policy = sub.add_parser("policy", help=translate(
        "PolicyCLI", "the credit policy in force and the county's policy updates"))
    cmds = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = cmds.add_parser("show", help=translate("PolicyCLI", "the policy in force today"))
    show.add_argument("--json", action="store_true", help=translate("PolicyCLI", "print JSON"))
    show.set_defaults(func=cmd_show)
    history = cmds.add_parser("history", help=translate(
        "PolicyCLI", "the county's updates, newest version first, with their effective dates, "
                     "then the administrators' own edits"))
    history.add_argument("--json", action="store_true", help=translate("PolicyCLI", "print JSON"))
    history.set_defaults(func=cmd_history)
    deadlines = cmds.add_parser("deadlines", help=translate(
        "PolicyCLI", "open deadlines and the policy version each runs under"))
    deadlines.add_argument("--json", action="store_true", help=translate("PolicyCLI", "print JSON"))
    deadlines.set_defaults(func=cmd_deadlines)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("PolicyCLI", "No register in {path}.").format(path=data.root))
    return open_data_dir(data)


def cmd_show(args, data: DataDir) -> int:
    db = _open(data)
    try:
        policy = credit_policy.load(db)
        shown = policy_view.view(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(policy, ensure_ascii=False, indent=1, default=str))
        return 0
    print(translate("PolicyCLI", "Credit policy {version}; county update in force: {county}; "
                                 "objections answered within {days} days.").format(
        version=policy.get("version", "?"), county=policy.get("county_version") or "-",
        days=policy["objection"]["deadline_days"]))
    for value in shown["values"]:
        print(f"{value['label']}\t{value['shown']}\t{value['from']}")
    return 0


def cmd_deadlines(args, data: DataDir) -> int:
    db = _open(data)
    try:
        rows = policy_view.open_deadlines(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps([{k: r[k] for k in ("kind", "id", "subject", "set_on", "due",
                                                "policy_version")} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(translate("PolicyCLI", "No deadline is open."))
    for r in rows:
        print(f"{r['kind_label']}\t{r['subject'] or ''}\t{r['set_on']}\t{r['due'] or ''}\t"
              f"{r['version_label']}")
    return 0


def cmd_history(args, data: DataDir) -> int:
    db = _open(data)
    try:
        rows = policy_view.history(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not any(r["source"] == "county" for r in rows):
        print(translate("PolicyCLI", "The county has sent no policy update."))
    for r in rows:
        if r["source"] == "county":
            state = (translate("PolicyCLI", "from {date}").format(date=r["effective_from"])
                     if r["state"] == "future" else policy_view.state_label(r["state"]))
            print(f"{r['version']}\t{r['effective_from']}\t{state}\t"
                  f"{policy_view.changes_text(r['changes'])}")
        else:
            print(f"{policy_view.source_label(r)}\t{local_time(r['received_at'])}\t"
                  f"{policy_view.state_label(r['state'])}\t{r['note']}")
    return 0

"""``credit-desk policy show|history``: the credit policy in force and the county's updates."""

from __future__ import annotations

import json

from app import credit_policy
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    policy = sub.add_parser("policy", help=translate(
        "PolicyCLI", "the credit policy in force and the county's policy updates"))
    cmds = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = cmds.add_parser("show", help=translate("PolicyCLI", "the policy in force today"))
    show.add_argument("--json", action="store_true", help=translate("PolicyCLI", "print JSON"))
    show.set_defaults(func=cmd_show)
    history = cmds.add_parser("history", help=translate(
        "PolicyCLI", "the county's updates, newest version first, with their effective dates"))
    history.set_defaults(func=cmd_history)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("PolicyCLI", "No register in {path}.").format(path=data.root))
    return open_data_dir(data)


def cmd_show(args, data: DataDir) -> int:
    db = _open(data)
    try:
        policy = credit_policy.load(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(policy, ensure_ascii=False, indent=1, default=str))
        return 0
    print(translate("PolicyCLI", "Credit policy {version}; county update in force: {county}; "
                                 "objections answered within {days} days.").format(
        version=policy.get("version", "?"), county=policy.get("county_version") or "-",
        days=policy["objection"]["deadline_days"]))
    return 0


def cmd_history(args, data: DataDir) -> int:
    db = _open(data)
    try:
        updates = credit_policy.county_updates(db)
        today = credit_policy.today().isoformat()
    finally:
        db.close()
    if not updates:
        print(translate("PolicyCLI", "The county has sent no policy update."))
    in_force = next((u["version"] for u in updates if u["effective_from"] <= today), None)
    for u in updates:
        state = (translate("PolicyCLI", "in force") if u["version"] == in_force else
                 translate("PolicyCLI", "from {date}").format(date=u["effective_from"])
                 if u["effective_from"] > today else translate("PolicyCLI", "replaced"))
        print(f"{u['version']}\t{u['effective_from']}\t{state}\t"
              f"{json.dumps(u['content'], ensure_ascii=False, sort_keys=True)}")
    return 0

"""Signing in on the command line, and ``credit-desk users``.

Every command that reads personal data or changes anything runs as a
signed-in user: ``--user NAME`` (or CREDIT_DESK_USER) with the password from
an interactive prompt, ``--password-stdin``, or CREDIT_DESK_PASSWORD (for
scripts and tests, as psql takes PGPASSWORD). Commands that need no user set
``needs_user=False`` in their parser defaults (or a function of args and
the data folder that says whether this run needs one).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from app import keystore
from app.accounts import auth, permissions
from app.accounts.permissions import Actor
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir

USER_ENV = "CREDIT_DESK_USER"
PASSWORD_ENV = "CREDIT_DESK_PASSWORD"


def add_signin_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--user`` and ``--password-stdin`` before or after the command name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--user", metavar="NAME", default=default, help=translate(
        "Accounts", "sign in as this user (or CREDIT_DESK_USER); the password is asked, read "
                    "with --password-stdin, or taken from CREDIT_DESK_PASSWORD"))
    parser.add_argument("--password-stdin", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help=translate("Accounts", "read the password from the first line of "
                                                   "standard input"))


def add_signin_options_everywhere(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:  # argparse has no public walk over subparsers
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any(o == "--user" for a in child._actions for o in a.option_strings):
                    add_signin_options(child, top=False)
                add_signin_options_everywhere(child)


def _password(args) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASSWORD_ENV) is not None:
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(translate("Accounts", "Password: "))
    raise UserError(translate("Accounts", "No password: type it when asked, or give it with "
                                          "--password-stdin or CREDIT_DESK_PASSWORD."))


def sign_in(args, data: DataDir) -> Actor | None:
    """The signed-in user for this command, or None for commands that need none."""
    needs = getattr(args, "needs_user", True)
    if not (needs(args, data) if callable(needs) else needs):
        return None
    if not data.exists():
        raise UserError(translate("CLI", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    # An encrypted register opens only with a password, and always has accounts.
    if not keystore.is_encrypted(data):
        db = open_data_dir(data)
        try:
            if getattr(args, "bootstrap", None) and args.bootstrap(db):
                return None
            if auth.needs_first_admin(db):
                raise UserError(translate(
                    "Accounts", "This register has no administrator who can sign in yet (it was "
                                "made before accounts existed). Create one first: credit-desk "
                                "users add NAME, or start the desktop app."))
        finally:
            db.close()
    username = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not username:
        text = translate("Accounts", "This command needs a user: give --user NAME (or set "
                                     "CREDIT_DESK_USER) and the password.")
        if keystore.is_demo_register(data):  # a real township's accounts are its own
            text += " " + translate("Accounts", "Demo township: --user official, password "
                                                "demo2026.")
        raise UserError(text)
    password = _password(args)
    keystore.unlock(data, username, password)  # an encrypted register opens with it
    db = open_data_dir(data)
    try:
        keystore.replay_failures(data, db, via="cli")
        actor = auth.authenticate(db, username, password, via="cli")
    finally:
        db.close()
    if actor.role == "admin" and not keystore.is_encrypted(data):
        # Not converted here: the desktop app may have the register open, and
        # a file replaced under it would lose its writes. The desktop sign-in
        # converts (it is the only one then); `credit-desk encrypt` does it here.
        print(translate("Keys", "Note: this register is not encrypted yet. Sign in to the "
                                "desktop app as an administrator, or close it and run "
                                "credit-desk encrypt, to encrypt it."), file=sys.stderr)
    if getattr(args, "password_change", False):
        args.signin_password = password
    elif actor.must_change_password:
        raise UserError(translate(
            "Accounts", "{user} must choose a new password first: credit-desk users passwd "
                        "--user {user}").format(user=actor.username))
    return actor


def add_disclosure_options(parser: argparse.ArgumentParser) -> None:
    """``--full-numbers --purpose P`` for commands that print or write lists."""
    parser.add_argument("--full-numbers", action="store_true", help=translate(
        "Accounts", "full ID numbers and phones instead of masked ones (needs the permission "
                    "and a --purpose that allows it; logged)"))
    parser.add_argument("--purpose", help=translate(
        "Accounts", "why the list is needed, from the credit policy's purposes (e.g. 司法协查)"))


def register(sub) -> None:
    users = sub.add_parser("users", help=translate(
        "Accounts", "user accounts: list, add, disable, enable, reset-password, set-role, passwd"))
    cmds = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    ls = cmds.add_parser("list", help=translate("Accounts", "list user accounts"))
    ls.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    ls.set_defaults(func=cmd_list)

    add = cmds.add_parser("add", help=translate(
        "Accounts", "add a user (the first administrator of a register needs no sign-in)"))
    add.add_argument("username")
    add.add_argument("--name", default="", help=translate("Accounts", "display name"))
    add.add_argument("--role", default="official", choices=["admin", "official", "field_staff",
                                                            "viewer"])
    add.add_argument("--village", action="append", default=[], metavar="VILLAGE", help=translate(
        "Accounts", "a village this user works in (code or name; repeat for more)"))
    add.add_argument("--new-password-stdin", action="store_true", help=translate(
        "Accounts", "read the new password from standard input (else asked, or "
                    "CREDIT_DESK_NEW_PASSWORD)"))
    add.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    add.set_defaults(func=cmd_add, bootstrap=_first_admin_wanted)

    for name, helptext in (("disable", translate("Accounts", "disable a user")),
                           ("enable", translate("Accounts", "enable a user again"))):
        p = cmds.add_parser(name, help=helptext)
        p.add_argument("username")
        p.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
        p.set_defaults(func=cmd_active, active=name == "enable")

    reset = cmds.add_parser("reset-password", help=translate(
        "Accounts", "give a user a temporary password they must change at next sign-in"))
    reset.add_argument("username")
    reset.add_argument("--new-password-stdin", action="store_true", help=translate(
        "Accounts", "read the new password from standard input (else asked, or "
                    "CREDIT_DESK_NEW_PASSWORD)"))
    reset.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    reset.set_defaults(func=cmd_reset)

    role = cmds.add_parser("set-role", help=translate("Accounts", "change a user's role"))
    role.add_argument("username")
    role.add_argument("role", choices=["admin", "official", "field_staff", "viewer"])
    role.add_argument("--village", action="append", default=None, metavar="VILLAGE",
                      help=translate("Accounts", "villages this user works in (replaces the "
                                                 "list; repeat for more)"))
    role.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    role.set_defaults(func=cmd_set_role)

    passwd = cmds.add_parser("passwd", help=translate(
        "Accounts", "change your own password (new one asked, or CREDIT_DESK_NEW_PASSWORD)"))
    passwd.set_defaults(func=cmd_passwd, password_change=True)


def _first_admin_wanted(db) -> bool:
    return auth.needs_first_admin(db)


def _new_password(args) -> str:
    if getattr(args, "new_password_stdin", False):
        # With --password-stdin too, the sign-in password is the first line.
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get("CREDIT_DESK_NEW_PASSWORD"):
        return os.environ["CREDIT_DESK_NEW_PASSWORD"]
    if sys.stdin.isatty():
        first = getpass.getpass(translate("Accounts", "New password: "))
        again = getpass.getpass(translate("Accounts", "New password again: "))
        if first != again:
            raise UserError(translate("Accounts", "The two new passwords differ."))
        return first
    raise UserError(translate("Accounts", "No new password: type it when asked, or give it "
                                          "with --new-password-stdin or "
                                          "CREDIT_DESK_NEW_PASSWORD."))


def _print(args, obj, line: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(obj, ensure_ascii=False, indent=1))
    else:
        print(line)


def cmd_list(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        permissions.require(db, args.actor.id, "users.manage")
        rows = auth.list_users(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "id"} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        state = [] if r["active"] else [translate("Accounts", "disabled")]
        if r["must_change_password"]:
            state.append(translate("Accounts", "must change password"))
        if not r["can_sign_in"]:
            state.append(translate("Accounts", "no password"))
        print("\t".join([r["username"], r["display_name"], r["role_label"], r["villages"] or "",
                         "、".join(state)]))
    return 0


def cmd_add(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        password = _new_password(args)
        if args.actor is None:
            actor = auth.create_first_admin(db, args.username, args.name, password)
        else:
            actor = auth.create_user(db, args.actor.id, args.username, args.name, args.role,
                                     password, villages=args.village)
    finally:
        db.close()
    _print(args, {"username": actor.username, "role": actor.role},
           translate("Accounts", "User {user} added ({role}).").format(
               user=actor.username, role=permissions.role_label(actor.role)))
    return 0


def cmd_active(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        auth.set_active(db, args.actor.id, args.username, args.active)
    finally:
        db.close()
    _print(args, {"username": args.username, "active": args.active},
           (translate("Accounts", "User {user} enabled.") if args.active else
            translate("Accounts", "User {user} disabled.")).format(user=args.username))
    return 0


def cmd_reset(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        auth.reset_password(db, args.actor.id, args.username, _new_password(args))
    finally:
        db.close()
    _print(args, {"username": args.username, "must_change_password": True},
           translate("Accounts", "Password of {user} reset; they must change it at next "
                                 "sign-in.").format(user=args.username))
    return 0


def cmd_set_role(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        auth.set_role(db, args.actor.id, args.username, args.role, args.village)
    finally:
        db.close()
    _print(args, {"username": args.username, "role": args.role},
           translate("Accounts", "{user} is now {role}.").format(
               user=args.username, role=permissions.role_label(args.role)))
    return 0


def cmd_passwd(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        old = _password_again(args)
        auth.change_password(db, args.actor.id, old, _new_password(args))
    finally:
        db.close()
    print(translate("Accounts", "Password changed."))
    return 0


def _password_again(args) -> str:
    # The sign-in password was just checked; it is the "current password" here.
    return args.signin_password

"""Backup and encryption commands: backup, backups, restore, encrypt."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from app import backup, keystore
from app.accounts.cli import USER_ENV, sign_in
from app.accounts.cli import _password as signin_password
from app.accounts import permissions
from app.accounts.demo import demo_accounts, is_demo
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    make = sub.add_parser("backup", help=translate(
        "Backup", "back the register up now (checked; kept 7 daily and 4 weekly)"))
    make.add_argument("--to", metavar="DIR", help=translate(
        "Backup", "write the backup into DIR (a USB stick) instead of the backups folder"))
    make.add_argument("--json", action="store_true", help=translate("Backup", "print JSON"))
    make.set_defaults(func=cmd_backup)

    show = sub.add_parser("backups", help=translate("Backup", "list the backups"))
    show.add_argument("--json", action="store_true", help=translate("Backup", "print JSON"))
    show.add_argument("--dir", metavar="DIR", help=translate(
        "Backup", "list the backups in DIR instead of the backups folder"))
    show.set_defaults(func=cmd_backups)

    back = sub.add_parser("restore", help=translate(
        "Backup", "put a backup in place of the register (the current one is kept aside)"))
    back.add_argument("file", metavar="FILE", help=translate("Backup", "the backup file"))
    back.add_argument("--yes", action="store_true", help=translate(
        "Backup", "do not ask for confirmation (for scripts)"))
    # A damaged register cannot check a password; restoring it must still work
    # (an encrypted one is unlocked with the user's key in cmd_restore).
    back.set_defaults(func=cmd_restore, needs_user=lambda args, data: (
        not keystore.is_encrypted(data) and backup.current_counts(data) is not None))


    enc = sub.add_parser("encrypt", help=translate(
        "Keys", "encrypt the register and its backups (the signed-in administrator's password "
                "opens it; prints a recovery key)"))
    enc.set_defaults(func=cmd_encrypt)


def cmd_encrypt(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        permissions.require(db, args.actor.id, "users.manage")
        # The others keep their passwords: a wrap from each sign-in hash,
        # made proper at their next sign-in (app/keystore.py).
        others = keystore.sign_in_hashes(db, but=args.actor.username)
        demo = is_demo(db)
    finally:
        db.close()
    users = {args.actor.username: signin_password(args)}
    if demo:  # the demo accounts all share the published demo password
        users.update({u["username"]: u["password"] for u in demo_accounts()})
    recovery = keystore.encrypt_register(data, users, provisional=others, demo=demo)
    print(translate("Keys", "The register and its backups are encrypted."))
    print(translate("Keys", "Recovery key (print it and lock it away; it is the only way in if "
                            "every password is lost): {key}").format(key=recovery))
    return 0


def _require(data: DataDir, actor) -> None:
    if actor is None:
        return
    db = open_data_dir(data)
    try:
        permissions.require(db, actor.id, "backups.manage")
    finally:
        db.close()


def _counts_line(held: dict[str, int] | None) -> str:
    if not held:
        return "-"
    labels = backup.count_labels()
    return translate("Backup", ", ").join(
        f"{labels[k]} {v}" for k, v in held.items() if k in labels)


def cmd_backup(args, data: DataDir) -> int:
    if not data.exists():
        raise UserError(translate("CLI", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    _require(data, args.actor)
    db = open_data_dir(data)
    try:
        by = args.actor.username if args.actor else ""
        meta = backup.make_backup(db, data, reason="manual", by=by,
                                  to=Path(args.to) if args.to else None)
    finally:
        db.close()
    if args.json:
        print(json.dumps(meta, ensure_ascii=False, indent=1))
    else:
        print(translate("Backup", "Backup written and checked: {path} ({size} KB; {counts})")
              .format(path=meta["path"], size=meta["size"] // 1024,
                      counts=_counts_line(meta["counts"])))
    return 0


def cmd_backups(args, data: DataDir) -> int:
    folder = Path(args.dir) if args.dir else data.backups
    found = backup.list_backups(folder)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    if not found:
        print(translate("Backup", "No backups in {folder}.").format(folder=folder))
        return 0
    for meta in found:
        print("\t".join([meta["made_at"].replace("T", " "), f"{meta['size'] // 1024} KB",
                         meta.get("by") or "-", meta.get("reason") or "-",
                         _counts_line(meta.get("counts")), meta["path"]]))
    return 0


def cmd_restore(args, data: DataDir) -> int:
    if keystore.is_encrypted(data):
        username = getattr(args, "user", None) or os.environ.get(USER_ENV) or ""
        keystore.unlock(data, username, signin_password(args))
        if backup.current_counts(data) is not None:
            args.actor = sign_in(args, data)
    _require(data, args.actor)
    held = backup.inspect_backup(Path(args.file), keystore.key_for(data))
    now = backup.current_counts(data)
    lost = backup.what_would_be_lost(now, held["counts"])
    print(translate("Backup", "The backup holds: {counts}.").format(
        counts=_counts_line(held["counts"])))
    if now is None and data.register.exists():
        print(translate("Backup", "The current register is damaged; it will be kept aside "
                                  "for experts."))
    elif lost:
        print(translate("Backup", "Restoring it loses what the register has beyond it: "
                                  "{counts}.").format(counts=_counts_line(lost)))
    else:
        print(translate("Backup", "The register holds nothing the backup lacks."))
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(translate("Backup", "Restoring needs confirmation: run it in a "
                                                "terminal, or add --yes."))
        answer = input(translate("Backup", "Restore this backup? Type yes to go on: "))
        if answer.strip().lower() not in ("yes", "y", "是"):
            print(translate("Backup", "Nothing was changed."))
            return 1
    result = backup.restore(data, Path(args.file))
    print(translate("Backup", "Restored. The previous register is kept as {kept}.").format(
        kept=result["kept_aside"] or "-"))
    return 0

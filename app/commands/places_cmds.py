"""``credit-desk setup`` (a new township's register) and ``credit-desk places``.

A place on the command line is a village by its code or name (青龙 finds
青龙村), or a group as ``VILLAGE/GROUP`` (新华村/二组, 新华/2组).
"""

from __future__ import annotations

import json
import os

from app import places
from app.accounts.cli import USER_ENV
from app.accounts.cli import _password as signin_password
from app.errors import UserError
from app.excel import place_list
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir
from app.township_setup import create_township_register


def register(sub) -> None:
    setup = sub.add_parser("setup", help=translate(
        "Places", "create the register of a township (what the welcome screen does)"))
    setup.add_argument("--township-code", required=True, metavar="CODE", help=translate(
        "Places", "the township's 9-digit division code, e.g. 510623105"))
    setup.add_argument("--township-name", required=True, metavar="NAME")
    setup.add_argument("--county-name", default="", metavar="NAME")
    setup.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    # No register yet, so nobody to sign in; the first administrator is made
    # from --user / CREDIT_DESK_USER and its password when they are given.
    setup.set_defaults(func=cmd_setup, needs_user=False)

    p = sub.add_parser("places", help=translate(
        "Places", "the township's villages and groups: list, add, rename, merge, split, "
                  "move a group, retire, import a list"))
    cmds = p.add_subparsers(dest="places_command", metavar="ACTION", required=True)

    ls = cmds.add_parser("list", help=translate("Places", "list villages and their groups"))
    ls.add_argument("--retired", action="store_true", help=translate(
        "Places", "include retired places"))
    ls.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    ls.set_defaults(func=cmd_list)

    add = cmds.add_parser("add", help=translate(
        "Places", "add a village with its groups, or groups to a village"))
    add.add_argument("--village", required=True, metavar="NAME", help=translate(
        "Places", "the village (new, or existing when only groups are added)"))
    add.add_argument("--code", metavar="CODE", help=translate(
        "Places", "the new village's 12-digit statistical code"))
    add.add_argument("--groups", default="", metavar="NAMES", help=translate(
        "Places", "group names separated by commas, e.g. 一组,二组,三组"))
    add.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    add.set_defaults(func=cmd_add)

    ren = cmds.add_parser("rename", help=translate("Places", "rename a village or group"))
    ren.add_argument("place", metavar="PLACE")
    ren.add_argument("name", metavar="NEW_NAME")
    ren.add_argument("--code", metavar="CODE", help=translate(
        "Places", "a corrected 12-digit code for a village"))
    ren.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    ren.set_defaults(func=cmd_rename)

    merge = cmds.add_parser("merge", help=translate(
        "Places", "merge a village or group into another (its households move along)"))
    merge.add_argument("place", metavar="PLACE")
    merge.add_argument("--into", required=True, metavar="PLACE")
    merge.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    merge.set_defaults(func=cmd_merge)

    split = cmds.add_parser("split", help=translate(
        "Places", "make a new village of some groups of a village"))
    split.add_argument("place", metavar="VILLAGE")
    split.add_argument("--name", required=True)
    split.add_argument("--code", required=True)
    split.add_argument("--groups", required=True, metavar="NAMES")
    split.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    split.set_defaults(func=cmd_split)

    move = cmds.add_parser("move-group", help=translate(
        "Places", "move a group (and its households) to another village"))
    move.add_argument("place", metavar="VILLAGE/GROUP")
    move.add_argument("--to", required=True, metavar="VILLAGE")
    move.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    move.set_defaults(func=cmd_move)

    retire = cmds.add_parser("retire", help=translate(
        "Places", "retire an empty village or group (kept for history)"))
    retire.add_argument("place", metavar="PLACE")
    retire.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    retire.set_defaults(func=cmd_retire)

    imp = cmds.add_parser("import", help=translate(
        "Places", "import the village and group list from a spreadsheet"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help=translate(
        "Places", "show what would be added, without adding it"))
    imp.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    imp.set_defaults(func=cmd_import)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("Places", "No register in {path}. Create it first: "
                                            "credit-desk setup --township-code CODE "
                                            "--township-name NAME.").format(path=data.root))
    return open_data_dir(data)


resolve = places.resolve


def _out(args, payload, line: str) -> int:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        print(line)
    return 0


def _public(row: dict) -> dict:
    return {k: row.get(k) for k in ("id", "level", "code", "name", "parent_id", "retired_at")
            if k in row}


def cmd_setup(args, data: DataDir) -> int:
    username = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not username:
        raise UserError(translate(
            "Places", "A new register needs its first administrator, whose password opens "
                      "the encrypted register: give --user NAME (or set CREDIT_DESK_USER) and "
                      "the password."))
    township = create_township_register(data, code=args.township_code,
                                        name=args.township_name, county_name=args.county_name,
                                        admin=username, password=signin_password(args))
    line = translate("Places", "Register created for {name} ({code}) in {path}.").format(
        name=township["name"], code=township["code"], path=data.root)
    line += "\n" + translate("Places", "First administrator: {user}.").format(user=username)
    line += "\n" + translate(
        "Places", "The register is encrypted. Recovery key (print it and lock it away; it is "
                  "the only way in if every password is lost; it is shown only now): {key}"
    ).format(key=township["recovery_key"])
    return _out(args, {"township": _public(township), "admin": username,
                       "register": str(data.register),
                       "recovery_key": township["recovery_key"]}, line)


def cmd_list(args, data: DataDir) -> int:
    db = _open(data)
    try:
        home = places.township(db)
        villages = places.tree(db, retired=args.retired)
    finally:
        db.close()
    if args.json:
        print(json.dumps({"township": _public(home), "villages": villages},
                         ensure_ascii=False, indent=1))
        return 0
    print(f"{home['name']} {home['code']}")
    if not villages:
        print(translate("Places", "No villages yet: add them with credit-desk places add, or "
                                  "import the list with credit-desk places import FILE."))
    for v in villages:
        mark = translate("Places", " (retired)") if v["retired_at"] else ""
        print(translate("Places", "{code} {name}{mark}: {households} households, "
                                  "{organizations} organizations").format(mark=mark, **v))
        for g in v["groups"]:
            gmark = translate("Places", " (retired)") if g["retired_at"] else ""
            print(translate("Places", "    {name}{mark}: {households} households").format(
                mark=gmark, **g))
    return 0


def cmd_add(args, data: DataDir) -> int:
    db = _open(data)
    try:
        existing = places.match_village(db, args.village)
        if existing and not args.code:
            created = places.add_groups(db, args.actor.id, existing, args.groups)
            return _out(args, {"groups": [_public(g) for g in created]}, translate(
                "Places", "Added {n} groups.").format(n=len(created)))
        if not args.code:
            raise UserError(translate("Places", "There is no village '{name}' yet. To add it, "
                                                "give its 12-digit code with --code.").format(
                name=args.village))
        village = places.add_village(db, args.actor.id, name=args.village, code=args.code,
                                     groups=args.groups)
    finally:
        db.close()
    return _out(args, {"village": _public(village),
                       "groups": [_public(g) for g in village["groups"]]},
                translate("Places", "Added {name} ({code}) with {n} groups.").format(
                    name=village["name"], code=village["code"], n=len(village["groups"])))


def cmd_rename(args, data: DataDir) -> int:
    db = _open(data)
    try:
        row = resolve(db, args.place)
        after = places.rename(db, args.actor.id, row["id"], args.name, code=args.code)
    finally:
        db.close()
    return _out(args, _public(after), translate("Places", "{old} is now {new}.").format(
        old=row["name"], new=after["name"]))


def cmd_merge(args, data: DataDir) -> int:
    db = _open(data)
    try:
        source = resolve(db, args.place)
        target = resolve(db, args.into)
        result = places.merge(db, args.actor.id, source["id"], target["id"])
    finally:
        db.close()
    return _out(args, result, translate(
        "Places", "{source} merged into {target}; {households_moved} households moved; "
                  "{source} is retired.").format(**result))


def cmd_split(args, data: DataDir) -> int:
    db = _open(data)
    try:
        village = resolve(db, args.place)
        new = places.split(db, args.actor.id, village["id"], name=args.name, code=args.code,
                           groups=places.split_names(args.groups))
    finally:
        db.close()
    return _out(args, _public(new) | {"households_moved": new["households_moved"]}, translate(
        "Places", "Added {name} ({code}); {households_moved} households moved.").format(**new))


def cmd_move(args, data: DataDir) -> int:
    db = _open(data)
    try:
        group = resolve(db, args.place)
        village = places.find(db, args.to)
        after = places.move_group(db, args.actor.id, group["id"], village["id"])
    finally:
        db.close()
    return _out(args, _public(after) | {"households_moved": after["households_moved"]},
                translate("Places", "{group} now belongs to {village}; {n} households moved.")
                .format(group=after["name"], village=village["name"],
                        n=after["households_moved"]))


def cmd_retire(args, data: DataDir) -> int:
    db = _open(data)
    try:
        row = resolve(db, args.place)
        after = places.retire(db, args.actor.id, row["id"])
    finally:
        db.close()
    return _out(args, _public(after), translate(
        "Places", "{name} is retired; it stays in the history.").format(name=after["name"]))


def cmd_import(args, data: DataDir) -> int:
    db = _open(data)
    try:
        result = place_list.import_places(db, args.actor.id, args.file, dry_run=args.dry_run)
    finally:
        db.close()
    payload = result.as_dict() | {"dry_run": args.dry_run}
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 2 if result.problems else 0
    for problem in result.problems:
        print(translate("Places", "Sheet {sheet}, row {row}: {message}").format(**problem))
    if result.problems:
        print(translate("Places", "Nothing was imported: correct the rows above and import "
                                  "again."))
        return 2
    line = translate("Places", "Would add {v} villages and {g} groups.") if args.dry_run else \
        translate("Places", "Added {v} villages and {g} groups.")
    print(line.format(v=len(result.villages_new),
                      g=len(result.groups_new) + sum(len(v["groups"])
                                                     for v in result.villages_new)))
    return 0

"""Register commands: demo, search."""

from __future__ import annotations

import json
import sys

from app.accounts.permissions import require
from app.demo import build_demo
from app.errors import UserError
from app.i18n import translate
from app.jobs import Job
from app.paths import DataDir
from app.search import search
from app.store import open_data_dir


def register(sub) -> None:
    demo = sub.add_parser("demo", help=translate("CLI", "build a demo township register"))
    demo.add_argument("--households", type=int, default=8000,
                      help=translate("CLI", "number of households (default 8000)"))
    demo.add_argument("--seed", type=int, default=2026, help=translate("CLI", "random seed"))
    demo.add_argument("--replace", action="store_true",
                      help=translate("CLI", "delete an existing register first"))
    demo.add_argument("--if-missing", action="store_true",
                      help=translate("CLI", "do nothing if a register already exists"))
    # Building a new demo needs no account; replacing a register needs an administrator.
    demo.set_defaults(func=cmd_demo, needs_user=lambda args, data: bool(
        args.replace and data.exists()))

    find = sub.add_parser("search", help=translate("CLI", "find households and organizations"))
    find.add_argument("query", help=translate(
        "CLI", "part of a name, pinyin, initials, ID number or its last 4+ digits, phone, USCC"))
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    find.set_defaults(func=cmd_search)


def _remove_register(data: DataDir) -> None:
    for suffix in ("", "-wal", "-shm"):
        path = data.register.with_name(data.register.name + suffix)
        if path.exists():
            path.unlink()


def cmd_demo(args, data: DataDir) -> int:
    if args.households < 1 or args.households > 2_000_000:
        raise UserError(translate("CLI", "--households must be between 1 and 2000000."))
    if data.exists():
        if args.if_missing:
            return 0
        if not args.replace:
            raise UserError(translate(
                "CLI", "A register already exists in {path}. Use --replace to delete it and "
                       "build the demo, or choose another --data-dir.").format(path=data.root))
        db = open_data_dir(data)
        try:
            require(db, args.actor.id, "backups.manage")
        finally:
            db.close()
        _remove_register(data)
    counts = build_demo_register(data, households=args.households, seed=args.seed)
    print(translate("CLI", "Demo register built in {path}: {households} households, "
                           "{organizations} organizations, {villages} villages.").format(
        path=data.register, **counts))
    return 0


def build_demo_register(data: DataDir, *, households: int, seed: int) -> dict[str, int]:
    db = open_data_dir(data)
    try:
        def show(done: int, total: int, message: str) -> None:
            print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)

        counts = build_demo(db, households=households, seed=seed,
                            job=Job(show))
        print(file=sys.stderr)
    except BaseException:
        db.close()
        _remove_register(data)  # a half-built demo is worse than none
        raise
    db.close()
    return counts


def cmd_search(args, data: DataDir) -> int:
    if not data.exists():
        raise UserError(translate("CLI", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    db = open_data_dir(data)
    try:
        results = search(db, args.query, limit=max(1, args.limit))
    finally:
        db.close()
    if args.json:
        print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=1))
        return 0
    if not results:
        print(translate("CLI", "Nothing found."))
    for r in results:
        print(f"{r.name}\t{r.village_name or ''}{(' ' + r.group_name) if r.group_name else ''}"
              f"\t{r.kind}\t{r.id}")
    return 0

"""Register commands: demo, search, list."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from app.accounts.cli import add_disclosure_options
from app.accounts.disclosure import search_list
from app import keystore
from app.accounts.demo import demo_accounts, is_demo
from app.accounts.permissions import require
from app.backup import set_aside
from app.files import TEMP_PREFIX, fsync_folder
from app.demo import build_demo
from app.errors import UserError
from app.i18n import translate
from app.jobs import Job
from app.paths import DataDir
from app.store import open_data_dir
from app.subject_lists import listed


def register(sub) -> None:
    demo = sub.add_parser("demo", help=translate("CLI", "build a demo township register"))
    demo.add_argument("--households", type=int, default=8000,
                      help=translate("CLI", "number of households (default 8000)"))
    demo.add_argument("--seed", type=int, default=2026, help=translate("CLI", "random seed"))
    demo.add_argument("--replace", action="store_true",
                      help=translate("CLI", "delete an existing register first"))
    demo.add_argument("--yes", action="store_true",
                      help=translate("CLI", "replace without asking (for scripts)"))
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
    add_disclosure_options(find)
    find.set_defaults(func=cmd_search)

    ls = sub.add_parser("list", help=translate(
        "CLI", "list households or organizations in the register's order (by pinyin)"))
    ls.add_argument("kind", nargs="?", default="households",
                    choices=["households", "organizations"])
    ls.add_argument("--village", help=translate("CLI", "only this village (name or code)"))
    ls.add_argument("--limit", type=int, help=translate("CLI", "at most this many rows"))
    ls.add_argument("--json", action="store_true", help=translate("CLI", "print JSON"))
    add_disclosure_options(ls)
    ls.set_defaults(func=cmd_list)


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
            demo = is_demo(db)
        finally:
            db.close()
        if not demo:
            raise UserError(translate(
                "CLI", "The register in {path} is a real township's, not a demo: --replace only "
                       "ever replaces a demo register. Choose another --data-dir for the demo.")
                .format(path=data.root))
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(translate("CLI", "Replacing the demo register needs "
                                                 "confirmation: run it in a terminal, or add "
                                                 "--yes."))
            answer = input(translate("CLI", "Replace the demo register in {path}? Type yes to "
                                            "go on: ").format(path=data.root))
            if answer.strip().lower() not in ("yes", "y", "是"):
                return 1
    counts = build_demo_register(data, households=args.households, seed=args.seed)
    print(translate("CLI", "Demo register built in {path}: {households} households, "
                           "{organizations} organizations, {villages} villages.").format(
        path=data.register, **counts))
    print(translate("CLI", "The register is encrypted; each demo account (password demo2026) "
                           "opens it. Recovery key: {key}").format(key=counts["recovery_key"]))
    return 0


def build_demo_register(data: DataDir, *, households: int, seed: int,
                        job: Job | None = None) -> dict[str, int]:
    """Build the demo in a temp folder and put it in place only when whole.

    A killed build leaves a ``.cdtmp-demo-*`` folder (removed by the next
    build), never a half-built register. A register it replaces is kept in
    the backups folder.
    """
    for stale in data.root.glob(TEMP_PREFIX + "demo-*"):
        shutil.rmtree(stale, ignore_errors=True)
    data.root.mkdir(parents=True, exist_ok=True)
    scratch = DataDir(Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "demo-", dir=data.root)))
    try:
        # Encrypted from the first page: cheaper than building plain and
        # exporting (bench figures in docs/benchmarks.md); each demo account
        # gets its own wrap of the key.
        recovery = keystore.create_register(
            scratch, {a["username"]: a["password"] for a in demo_accounts()}, demo=True)
        db = open_data_dir(scratch)
        try:
            def show(done: int, total: int, message: str) -> None:
                print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)

            counts = build_demo(db, households=households, seed=seed, job=job or Job(show))
            print(file=sys.stderr)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        counts["recovery_key"] = recovery
        data_key = keystore.key_for(scratch)
        keystore.forget(scratch)
        if data.register.exists():
            data.backups.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            set_aside(data.register, data.backups / f"replaced-{stamp}.sqlite3",
                      keystore.known_key(data))
            if keystore.is_encrypted(data):  # the replaced register opens with its own keys
                shutil.copyfile(keystore.keys_path(data),
                                data.backups / f"replaced-{stamp}.keys.json")
        for entry in sorted(scratch.root.iterdir(), key=lambda p: p == scratch.register):
            if entry.name.endswith(("-wal", "-shm")):
                continue
            destination = data.root / entry.name
            if entry.is_dir() and destination.is_dir():
                shutil.rmtree(destination)
            os.replace(entry, destination)
        fsync_folder(data.root)
        keystore.remember(data, data_key)
    finally:
        shutil.rmtree(scratch.root, ignore_errors=True)
    return counts


def cmd_list(args, data: DataDir) -> int:
    kind = "household" if args.kind == "households" else "organization"
    db = open_data_dir(data)
    try:
        rows = listed(db, args.actor.id, kind, village=args.village,
                      limit=max(1, args.limit) if args.limit else None,
                      full=args.full_numbers, purpose=args.purpose)
    finally:
        db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        if kind == "household":
            print(f"{r['head_name']}\t{r['village_name']}{(' ' + r['group_name']) if r['group_name'] else ''}"
                  f"\t{r['head_id_number']}\t{r['id']}")
        else:
            print(f"{r['name']}\t{r['village_name']}\t{r['uscc']}\t{r['id']}")
    return 0


def cmd_search(args, data: DataDir) -> int:
    db = open_data_dir(data)
    try:
        results = search_list(db, args.actor.id, args.query, limit=max(1, args.limit),
                              full=args.full_numbers, purpose=args.purpose)
    finally:
        db.close()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    if not results:
        print(translate("CLI", "Nothing found."))
    for r in results:
        if r.get("person"):
            role = translate("CLI", "legal representative of") if r["kind"] == "organization" \
                else translate("CLI", "member of the household of")
            print(f"{r['person']}\t{role}", end=" ")
        print(f"{r['name']}\t{r['village_name'] or ''}"
              f"{(' ' + r['group_name']) if r['group_name'] else ''}"
              f"\t{r['kind']}\t{r['id_number'] or ''}\t{r['id']}")
    return 0

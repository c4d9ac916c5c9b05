"""``credit-desk sync …``: the township side of county sync."""

from __future__ import annotations

import json
import sys

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.jobs import Job
from app.paths import DataDir
from app.store import open_data_dir

def register(sub) -> None:
    sync = sub.add_parser("sync", help=translate("Sync", "send changes to the county and fetch "
                                                         "its lists (sync --url URL, --to-file "
                                                         "DIR, --receipt FILE, or an action)"))
    how = sync.add_mutually_exclusive_group()
    how.add_argument("--url", help=translate("Sync", "county server address: push, then pull"))
    how.add_argument("--to-file", metavar="DIR", help=translate(
        "Sync", "write unacknowledged batches to a folder or .zip (USB transport)"))
    how.add_argument("--receipt", metavar="FILE", help=translate(
        "Sync", "import receipt files from the county (file, folder or .zip)"))
    sync.add_argument("--json", action="store_true", help=translate("Sync", "print JSON"))
    sync.set_defaults(func=cmd_sync_short)
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION")

    def action(name, func, help_text):
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help=translate("Sync", "print JSON"))
        p.set_defaults(func=func)
        return p

    p = action("enroll", cmd_enroll, translate("Sync", "register this device's key with the county"))
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--url", help=translate("Sync", "enrol over the network"))
    how.add_argument("--request-file", metavar="PATH", help=translate(
        "Sync", "no network: write the enrolment request file for the county (file or folder)"))
    how.add_argument("--approval-file", metavar="FILE", help=translate(
        "Sync", "no network: read the county's approval file (.ctapproval)"))
    p.add_argument("--label")
    p = action("push", cmd_push, translate("Sync", "upload every unacknowledged change"))
    p.add_argument("--url")
    p.add_argument("--batch-size", type=int)
    p.add_argument("--retries", type=int, default=5)
    p.add_argument("--timeout", type=float, default=30.0)
    action("status", cmd_status, translate("Sync", "what is pending, sent, acknowledged, failed"))
    p = action("export", cmd_export, translate("Sync", "write batch files for a USB stick"))
    p.add_argument("-o", "--output", required=True, metavar="DIR_OR_ZIP")
    p.add_argument("--batch-size", type=int)
    p = action("import-receipt", cmd_import_receipt, translate("Sync", "import county receipts"))
    p.add_argument("path", metavar="FILE")
    p = action("pull", cmd_pull, translate("Sync", "fetch and apply county list and policy updates"))
    p.add_argument("--url")
    p = action("import-downlink", cmd_import_downlink,
               translate("Sync", "apply county packages brought on a USB stick"))
    p.add_argument("path", metavar="FILE")
    action("key", cmd_key, translate("Sync", "show this device's and the county's key ids"))
    action("conflicts", cmd_conflicts, translate("Sync", "list records changed here and at the county"))
    p = action("resolve", cmd_resolve, translate("Sync", "settle a conflict"))
    p.add_argument("conflict_id")
    p.add_argument("choice", choices=["keep_local", "take_county"])
    p = action("config", cmd_config, translate("Sync", "set county address, auto-sync, batch size"))
    p.add_argument("--url")
    p.add_argument("--auto", choices=["on", "off"])
    p.add_argument("--batch-size", type=int)


def _out(args, obj, text: str | None = None) -> None:
    if getattr(args, "json", False) or text is None:
        print(json.dumps(obj, ensure_ascii=False, indent=1))
    else:
        print(text)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("CLI", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    return open_data_dir(data)


def _progress(done: int, total: int, message: str) -> None:
    if total:
        print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)


def cmd_sync_short(args, data: DataDir) -> int:
    if args.url:
        db = _open(data)
        try:
            from app.sync.client import sync_now

            result = sync_now(db, data, args.actor.id, args.url, job=Job(_progress))
        finally:
            db.close()
        print(file=sys.stderr)
        _out(args, result)
        return 0 if result["push"]["failed"] is None else 1
    if args.to_file:
        args.output, args.batch_size = args.to_file, None
        return cmd_export(args, data)
    if args.receipt:
        args.path = args.receipt
        return cmd_import_receipt(args, data)
    return cmd_status(args, data)


def cmd_enroll(args, data: DataDir) -> int:
    from app.sync.client import (enrolment_label, enrolment_request, enroll,
                                 enroll_from_approval)

    db = _open(data)
    try:
        if args.request_file:
            written = enrolment_request(db, data, args.request_file, label=args.label)
            _out(args, {"written": str(written)}, translate(
                "Sync", "Wrote the enrolment request {path}. Take it to the county IT team; "
                        "bring back their approval file and run: credit-desk sync enroll "
                        "--approval-file FILE").format(path=written))
            return 0
        if args.approval_file:
            result = enroll_from_approval(db, data, args.approval_file)
        else:
            result = enroll(db, data, args.url, label=args.label)
    finally:
        db.close()
    _out(args, result, translate("Sync", "Enrolled device {device} (key {key}) with county {county} "
                                         "(county key {ckey}); status: {status}.").format(
        device=result["device_id"], key=result["key_id"], county=result["county_code"],
        ckey=result["county_key_id"], status=enrolment_label(result["status"])))
    return 0


def cmd_push(args, data: DataDir) -> int:
    from app.sync.client import Retry, push

    db = _open(data)
    try:
        result = push(db, data, args.url, job=Job(_progress), size=args.batch_size,
                      timeout=args.timeout, retry=Retry(attempts=max(1, args.retries)))
    finally:
        db.close()
    print(file=sys.stderr)
    text = translate("Sync", "Sent {batches} batches ({changes} changes); {pending} changes still "
                             "pending; {conflicts} conflicts.").format(
        batches=result["batches_sent"], changes=result["changes_sent"],
        pending=result["pending_after"], conflicts=result["conflicts"])
    if result["failed"]:
        text += "\n" + translate("Sync", "Failed: {reason}").format(reason=result["failed"]["reason"])
    _out(args, result, text)
    return 0 if result["failed"] is None else 1


def cmd_status(args, data: DataDir) -> int:
    from app.sync.outbox import status

    db = _open(data)
    try:
        result = status(db)
    finally:
        db.close()
    b = result["batches"]
    text = translate("Sync", "Pending changes: {pending} ({unpacked} not yet packed). Batches: "
                             "{p} pending, {s} sent, {a} acknowledged, {f} failed. Open conflicts: "
                             "{c}. Last sync: {last}.").format(
        pending=result["pending_changes"], unpacked=result["unpacked_changes"],
        p=b["pending"]["batches"], s=b["sent"]["batches"], a=b["acknowledged"]["batches"],
        f=b["failed"]["batches"], c=result["open_conflicts"], last=result["last_sync_at"] or "-")
    if result["last_failure"]:
        text += "\n" + translate("Sync", "Failed: {reason}").format(
            reason=result["last_failure"]["reason"])
    _out(args, result, text)
    return 0


def cmd_export(args, data: DataDir) -> int:
    from app.sync.usb import export_batches

    db = _open(data)
    try:
        result = export_batches(db, data, args.output, size=args.batch_size, job=Job(_progress))
    finally:
        db.close()
    _out(args, result, translate("Sync", "Wrote {batches} batch files ({changes} changes) to "
                                         "{target}. Bring back the county's receipt files and "
                                         "import them.").format(**result))
    return 0


def cmd_import_receipt(args, data: DataDir) -> int:
    from app.sync.usb import import_receipts

    db = _open(data)
    try:
        result = import_receipts(db, args.path)
    finally:
        db.close()
    text = translate("Sync", "{n} batches acknowledged, {already} already acknowledged, {c} "
                             "conflicts.").format(n=result["acknowledged"],
                                                  already=result["already"], c=result["conflicts"])
    for refused in result["refused"]:
        text += "\n" + translate("Sync", "Refused {file}: {reason}").format(**refused)
    for refused in result["county_refused"]:
        text += "\n" + translate("Sync", "The county refused {file}: {reason}").format(
            file=refused["file"], reason=refused["reason"])
    _out(args, result, text)
    return 1 if result["refused"] or result["county_refused"] else 0


def cmd_pull(args, data: DataDir) -> int:
    from app.sync.client import pull

    db = _open(data)
    try:
        result = pull(db, data, args.actor.id, args.url, job=Job(_progress))
    finally:
        db.close()
    print(file=sys.stderr)
    _out(args, result, translate("Sync", "Applied {packages} county packages: {list_entries} list "
                                         "entries, {policies} policies; {flagged} subjects flagged "
                                         "for review.").format(**result))
    return 0


def cmd_import_downlink(args, data: DataDir) -> int:
    from app.sync.usb import import_downlink

    db = _open(data)
    try:
        result = import_downlink(db, args.actor.id, args.path)
    finally:
        db.close()
    _out(args, result, translate("Sync", "Applied {packages} county packages: {list_entries} list "
                                         "entries, {policies} policies; {flagged} subjects flagged "
                                         "for review.").format(**result))
    return 0


def cmd_key(args, data: DataDir) -> int:
    from app.sync import keys, outbox

    db = _open(data)
    try:
        key = outbox.device_key(data)
        result = {"device_id": outbox.device_id(db),
                  "key_id": keys.key_id(keys.raw_public(key)),
                  "public_key": keys.public_b64(key),
                  "county_key_id": settings.get(db, "sync.county_key_id"),
                  "county_url": settings.get(db, "sync.url")}
    finally:
        db.close()
    _out(args, result, translate("Sync", "Device {device_id}: key {key_id}. County key: "
                                         "{county_key_id}.").format(**result))
    return 0


def cmd_conflicts(args, data: DataDir) -> int:
    from app.sync.conflicts import differences, open_conflicts

    db = _open(data)
    try:
        rows = open_conflicts(db)
    finally:
        db.close()
    if args.json:
        _out(args, rows)
        return 0
    for row in rows:
        print(f"{row['id']}\t{row['entity']}\t{row['entity_id']}")
        for field, mine, theirs in differences(row):
            print(f"    {field}: {mine!r} | {theirs!r}")
    return 0


def cmd_resolve(args, data: DataDir) -> int:
    from app.sync.conflicts import resolve

    db = _open(data)
    try:
        result = resolve(db, args.actor.id, args.conflict_id, args.choice)
    finally:
        db.close()
    _out(args, result, translate("Sync", "Resolved; the choice goes to the county with the next "
                                         "push."))
    return 0


def cmd_config(args, data: DataDir) -> int:
    db = _open(data)
    try:
        if args.url is not None:
            settings.put(db, "sync.url", args.url)
        if args.auto is not None:
            settings.put(db, "sync.auto", args.auto == "on")
        if args.batch_size is not None:
            if args.batch_size < 1:
                raise UserError(translate("Sync", "The batch size must be at least 1."))
            settings.put(db, "sync.batch_size", args.batch_size)
        result = {k: settings.get(db, "sync." + k) for k in ("url", "auto", "batch_size")}
    finally:
        db.close()
    _out(args, result, json.dumps(result, ensure_ascii=False))
    return 0

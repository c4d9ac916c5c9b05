"""``credit-desk county-server …``: the reference county receiver's commands."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir

COUNTY_ACTIONS = ("serve", "summary", "approve", "revoke", "receive", "enrol", "export-downlink",
                  "publish-list", "publish-policy", "correct", "refusals")


def register(sub) -> None:
    county = sub.add_parser("county-server", help=translate(
        "Sync", "the reference county receiver (serve, summary, approve, revoke, receive, "
                "enrol, export-downlink, publish-list, publish-policy, correct, refusals)"))
    county.add_argument("action", nargs="?", default="serve", choices=COUNTY_ACTIONS)
    county.add_argument("targets", nargs="*", help=argparse.SUPPRESS)
    county.add_argument("--data-dir", dest="county_dir", required=True, metavar="DIR",
                        help=translate("Sync", "folder of the county database and key"))
    county.add_argument("--database-url", metavar="URL", help=translate(
        "Sync", "PostgreSQL database of the county (postgresql://user@host/db); default: a "
                "SQLite file in the data folder"))
    county.add_argument("--port", type=int, default=8470)
    county.add_argument("--host", default="127.0.0.1")
    county.add_argument("--auto-enroll", action="store_true", help=translate(
        "Sync", "accept new device keys at once (trials and tests)"))
    county.add_argument("--county-code")
    county.add_argument("--county-name")
    county.add_argument("--json", action="store_true")
    county.add_argument("--verbose", action="store_true")
    county.set_defaults(func=cmd_county, needs_user=False)  # the county's own server


def _entries_from(path: Path) -> list[dict]:
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as fh:
            return [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(fh)]
    return json.loads(path.read_text(encoding="utf-8"))


def cmd_county(args, data: DataDir) -> int:
    # Loaded when used: the township's CLI starts without the county's server code.
    from app.county.files import enrol_files, export_downlink, receive_files
    from app.county.http import make_server
    from app.county.store import CountyStore, Refusal

    url = args.database_url
    if url and not url.startswith(("postgresql://", "postgres://", "sqlite:")):
        raise UserError(translate("Sync", "The database URL must begin with postgresql:// (or "
                                          "sqlite: and a file path)."))
    if args.action == "serve":
        server = make_server(args.county_dir, port=args.port, host=args.host,
                             auto_enroll=args.auto_enroll, verbose=args.verbose,
                             county_code=args.county_code, county_name=args.county_name,
                             database_url=args.database_url)
        host, port = server.server_address[:2]
        print(translate("Sync", "County server on http://{host}:{port} (key {key}); Ctrl+C stops "
                                "it.").format(host=host, port=port,
                                              key=server.store.info()["key_id"]), flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
            server.store.close()
        return 0
    store = CountyStore(args.county_dir, county_code=args.county_code,
                        county_name=args.county_name, database_url=args.database_url)
    try:
        t = args.targets
        if args.action == "summary":
            result = store.summary()
        elif args.action == "refusals":
            result = store.refusals()
        elif args.action in ("approve", "revoke"):
            if not t:
                raise UserError(translate("Sync", "Name the device id."))
            status = "active" if args.action == "approve" else "revoked"
            result = {d: store.set_device_status(d, status) for d in t}
        elif args.action == "receive":
            result = receive_files(store, [Path(p) for p in t])
        elif args.action == "enrol":
            result = enrol_files(store, [Path(p) for p in t])
        elif args.action == "export-downlink":  # export-downlink DIR [AFTER]
            if not t:
                raise UserError("export-downlink DIR [AFTER]")
            result = export_downlink(store, Path(t[0]), int(t[1]) if len(t) > 1 else 0)
        elif args.action == "publish-list":
            result = {"package": store.publish_list([e for p in t for e in _entries_from(Path(p))])}
        elif args.action == "publish-policy":
            if len(t) != 3:
                raise UserError("publish-policy NAME VERSION FILE.json")
            result = {"package": store.publish_policy(
                t[0], t[1], json.loads(Path(t[2]).read_text(encoding="utf-8")))}
        else:  # correct ENTITY ID FIELD=VALUE…
            if len(t) < 3:
                raise UserError("correct ENTITY ID FIELD=VALUE ...")
            fields = {}
            for pair in t[2:]:
                k, _, v = pair.partition("=")
                try:
                    fields[k] = json.loads(v)
                except json.JSONDecodeError:
                    fields[k] = v
            result = store.correct(t[0], t[1], fields)
    except Refusal as exc:
        raise UserError(f"{exc.message} ({exc.code})") from None
    finally:
        store.close()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0

"""``credit-desk`` commands of this area: import, export, template (issue 7)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.errors import UserError
from app.i18n import translate
from app.jobs import Job
from app.paths import DataDir
from app.store import open_data_dir
from app.users import default_operator_id


def register(sub) -> None:
    from app.excel.exports import KINDS

    exp = sub.add_parser("export", help=translate("Excel", "export a list to .xlsx"))
    exp.add_argument("kind", choices=sorted(KINDS) + ["ratings", "letters", "query_log"],
                     metavar="KIND", help=translate(
                         "Excel", "what to export: households, members, organizations, records, "
                                  "ratings, letters, query_log"))
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                     help=translate("Excel", "the file to write"))
    exp.add_argument("--json", action="store_true", help=translate("Excel", "print JSON"))
    exp.set_defaults(func=cmd_export)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("Excel", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    return open_data_dir(data)


def _progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)


def cmd_export(args, data: DataDir) -> int:
    from app.excel.exports import export

    db = _open(data)
    try:
        result = export(db, default_operator_id(db), args.kind, Path(args.output), Job(_progress))
    finally:
        db.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(translate("Excel", "{rows} rows written to {path}.").format(**result))
    return 0

"""``credit-desk`` commands of the excel area: import, export, template."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.accounts.cli import add_disclosure_options
from app.accounts.permissions import require
from app.errors import UserError
from app.i18n import translate
from app.jobs import Job, announced
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    from app.excel.exports import KINDS

    imp = sub.add_parser("import", help=translate(
        "Excel", "import households, members, organizations or credit records from "
                 ".xlsx/.xls/.ods"))
    imp.add_argument("file", metavar="FILE", help=translate("Excel", "the workbook to import"))
    imp.add_argument("--dry-run", action="store_true", help=translate(
        "Excel", "check every row and report what would happen, without importing"))
    imp.add_argument("--json", action="store_true", help=translate("Excel", "print JSON"))
    imp.add_argument("--on-duplicate", choices=["skip", "update", "keep"], default="skip",
                     help=translate("Excel", "rows already in the register: skip them (default), "
                                             "update their fields, or keep existing values and "
                                             "fill only empty fields"))
    imp.add_argument("--village", metavar="NAME", help=translate(
        "Excel", "the village of rows that have no village column"))
    imp.add_argument("--report-dir", metavar="DIR", help=translate(
        "Excel", "where to write the validation report (default: beside the file)"))
    imp.set_defaults(func=cmd_import)

    tpl = sub.add_parser("template", help=translate(
        "Excel", "write a blank import template with dropdowns"))
    tpl.add_argument("kind", choices=["households", "members", "organizations", "records"],
                     metavar="KIND", help=translate(
                         "Excel", "households, members, organizations or records"))
    tpl.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                     help=translate("Excel", "the file to write"))
    tpl.set_defaults(func=cmd_template, needs_user=False)  # blank forms, no personal data

    exp = sub.add_parser("export", help=translate("Excel", "export a list to .xlsx"))
    exp.add_argument("kind", choices=sorted(KINDS),
                     metavar="KIND", help=translate(
                         "Excel", "what to export: households, members, organizations, records, "
                                  "ratings, letters, query_log"))
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                     help=translate("Excel", "the file to write"))
    exp.add_argument("--json", action="store_true", help=translate("Excel", "print JSON"))
    add_disclosure_options(exp)
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
        result = export(db, args.actor.id, args.kind, Path(args.output), Job(_progress),
                        full=args.full_numbers, purpose=args.purpose)
    finally:
        db.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(translate("Excel", "{rows} rows written to {path}.").format(**result))
    return 0


def cmd_import(args, data: DataDir) -> int:
    from app.excel import importer
    from app.excel.report import write_report

    db = _open(data)
    try:
        # Refused before the file is even read (importer.run checks again).
        require(db, args.actor.id, "register.import")
        plan = importer.inspect(db, Path(args.file))
        if args.village:
            plan.choose_village(db, importer.find_village(db, args.village))
        report_dir = Path(args.report_dir) if args.report_dir else None
        if args.dry_run:
            outcome = importer.preview(db, plan, job=Job(_progress))
            summary = {"dry_run": True, **importer.summarise(outcome)}
            if outcome.rejects or plan.unmapped_columns():
                summary["report"] = str(write_report(plan, outcome, report_dir))
        else:
            title = translate("Excel", "import of {file}").format(file=Path(args.file).name)
            with announced(data.root, title, Job(_progress)) as job:
                summary = {"dry_run": False, **importer.run(
                    db, args.actor.id, plan, default_choice=args.on_duplicate,
                    job=job, report_dir=report_dir)}
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    summary["sheets"] = [s for s in plan.as_dict()["sheets"]]
    summary["unmapped_columns"] = plan.unmapped_columns()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    for sheet in plan.sheets:
        from app.excel.mapping import kind_label
        from app.excel.roster_places import describe

        if sheet.kind and sheet.visible:
            print(translate("Excel", "Sheet {sheet}: {kind}, header in row {row}.").format(
                sheet=sheet.sheet, kind=kind_label(sheet.kind), row=max(sheet.header_rows) + 1))
            where = describe(sheet)
            if where:
                print("  " + translate("Excel", "Place: {where}").format(where=where))
            if sheet.place_note:
                print("  " + sheet.place_note)
            for column in sheet.unmapped:
                print("  " + translate(
                    "Excel", "Column {column} ({header}) has data in {rows_with_data} rows but "
                             "is not imported: map it to a field, or leave it out on purpose."
                ).format(column=column["column"], rows_with_data=column["rows_with_data"],
                         header=column["header"] or translate("Excel", "no header")))
        elif sheet.note:
            print(translate("Excel", "Sheet {sheet}: {note}").format(sheet=sheet.sheet,
                                                                    note=sheet.note))
    line = translate("Excel", "Would create {created}, skip {skipped_duplicates} duplicates; "
                              "{rejected} rows rejected.") if args.dry_run else \
        translate("Excel", "Created {created}, updated {updated}, skipped {skipped_duplicates} "
                           "duplicates; {rejected} rows rejected.")
    print(line.format(**summary))
    if summary.get("report"):
        print(translate("Excel", "Validation report: {path}").format(path=summary["report"]))
    return 0


def cmd_template(args, data: DataDir) -> int:
    from app.excel.templates import write_template

    db = open_data_dir(data) if data.exists() else None
    try:
        path = write_template(db, args.kind, Path(args.output))
    finally:
        if db is not None:
            db.close()
    print(translate("Excel", "Template written to {path}.").format(path=path))
    return 0

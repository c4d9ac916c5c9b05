"""``credit-desk`` commands for lists and joint reward and punishment, repairs and
objections: lists show|measures|apply-measure, repair apply|attach-letter|print-letter,
objection file."""

from __future__ import annotations

import json

from app.i18n import translate
from app.paths import DataDir


def register(sub) -> None:
    lists = sub.add_parser("lists", help=translate(
        "RecordsCLI",
        "red and black lists: an identity's status and measures (联合奖惩), measures applied"))
    lsub = lists.add_subparsers(dest="lists_command", metavar="ACTION", required=True)
    show = lsub.add_parser("show", help=translate(
        "RecordsCLI", "list status and measures of an ID number or USCC"))
    show.add_argument("number", metavar="NUMBER")
    show.add_argument("--json", action="store_true", help=translate("RecordsCLI", "print JSON"))
    show.set_defaults(func=cmd_show)
    measures = lsub.add_parser("measures", help=translate(
        "RecordsCLI", "measures recorded as applied (联合奖惩 触发反馈), newest first"))
    measures.add_argument("--number", metavar="NUMBER", help=translate(
        "RecordsCLI", "only this ID number or USCC"))
    measures.add_argument("--since", metavar="YYYY-MM-DD")
    measures.add_argument("--json", action="store_true", help=translate("RecordsCLI", "print JSON"))
    measures.set_defaults(func=cmd_measures)
    apply = lsub.add_parser("apply-measure", help=translate(
        "RecordsCLI", "record that a measure implied by a list was applied to a subject"))
    apply.add_argument("number", metavar="NUMBER", help=translate(
        "RecordsCLI", "ID number or USCC"))
    apply.add_argument("--measure", required=True, help=translate(
        "RecordsCLI", "the measure's text, or its number as 'lists show' lists them"))
    apply.add_argument("--matter", required=True, help=translate(
        "RecordsCLI", "the matter it was applied in, e.g. 2026年耕地地力保护补贴发放"))
    apply.add_argument("--on", metavar="YYYY-MM-DD", help=translate(
        "RecordsCLI", "the day (default today)"))
    apply.add_argument("--department", help=translate(
        "RecordsCLI", "the department that applied it"))
    apply.add_argument("--note", default="")
    apply.add_argument("--json", action="store_true", help=translate("RecordsCLI", "print JSON"))
    apply.set_defaults(func=cmd_apply)

    repair = sub.add_parser("repair", help=translate(
        "RecordsCLI", "credit repair: apply, attach the repair commitment letter, print it"))
    rsub = repair.add_subparsers(dest="repair_command", metavar="ACTION", required=True)
    rapply = rsub.add_parser("apply", help=translate(
        "RecordsCLI", "record a repair application for a record"))
    rapply.add_argument("record", metavar="RECORD_ID")
    rapply.add_argument("--applicant", required=True)
    rapply.add_argument("--evidence", required=True)
    rapply.add_argument("--commitment", required=True)
    rapply.add_argument("--on", metavar="YYYY-MM-DD", help=translate(
        "RecordsCLI", "date of the application"))
    rapply.add_argument("--letter", metavar="NUMBER", help=translate(
        "RecordsCLI", "the signed repair commitment letter's number"))
    rapply.set_defaults(func=cmd_repair_apply)
    attach = rsub.add_parser("attach-letter", help=translate(
        "RecordsCLI", "attach a signed repair commitment letter to a repair application"))
    attach.add_argument("application", metavar="APPLICATION_ID")
    attach.add_argument("letter", metavar="LETTER_NUMBER")
    attach.set_defaults(func=cmd_repair_attach)
    printing = rsub.add_parser("print-letter", help=translate(
        "RecordsCLI", "print the repair commitment letter of a repair application (PDF)"))
    printing.add_argument("application", metavar="APPLICATION_ID")
    printing.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    printing.set_defaults(func=cmd_repair_print)

    objection = sub.add_parser("objection", help=translate(
        "RecordsCLI", "objections to credit records"))
    osub = objection.add_subparsers(dest="objection_command", metavar="ACTION", required=True)
    ofile = osub.add_parser("file", help=translate(
        "RecordsCLI", "record an objection to a credit record"))
    ofile.add_argument("record", metavar="RECORD_ID")
    ofile.add_argument("--by", required=True, help=translate("RecordsCLI", "who raises it"))
    ofile.add_argument("--grounds", required=True)
    ofile.add_argument("--on", metavar="YYYY-MM-DD", help=translate(
        "RecordsCLI", "date of the objection"))
    ofile.set_defaults(func=cmd_objection_file)


def _open(data: DataDir):
    from app.records.cli import _open as open_register

    return open_register(data)


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1, default=str))


def cmd_show(args, data: DataDir) -> int:
    from app.errors import UserError
    from app.list_status import identity_status

    db = _open(data)
    try:
        status = identity_status(db, args.number)
    finally:
        db.close()
    if status is None:
        raise UserError(translate(
            "RecordsCLI", "Enter the whole 18-character ID number or unified social credit "
                          "code (its check character must be right)."))
    if args.json:
        _print_json(status)
        return 0
    print(status["message"])
    for i, measure in enumerate(status["measures"], 1):
        print(f"  {i}. {measure}")
    return 0


def cmd_measures(args, data: DataDir) -> int:
    from app.records.measures import feedback

    db = _open(data)
    try:
        rows = feedback(db, number=args.number, since=args.since)
    finally:
        db.close()
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        print("\t".join(str(x or "") for x in (
            row["applied_on"], row["name"], row["id_number"], row["list_label"],
            row["measure"], row["matter"], row["department"], row["recorded_by_name"],
            row["note"])))
    if not rows:
        print(translate("RecordsCLI", "No measures recorded."))
    return 0


def cmd_apply(args, data: DataDir) -> int:
    from app.records.measures import record_measure

    db = _open(data)
    try:
        row = record_measure(db, args.actor.id, number=args.number, measure=args.measure,
                             matter=args.matter, applied_on=args.on,
                             department=args.department or "", note=args.note)
    finally:
        db.close()
    if args.json:
        _print_json(row)
        return 0
    print(translate(
        "RecordsCLI", "Recorded: {measure} applied to {name} in {matter} on {day}; it goes to "
                      "the county with the next batch.").format(
        measure=row["measure"], name=row["name"], matter=row["matter"], day=row["applied_on"]))
    return 0


def cmd_repair_apply(args, data: DataDir) -> int:
    from app.records import repair

    db = _open(data)
    try:
        row = repair.apply(db, args.actor.id, args.record, applicant=args.applicant,
                           evidence=args.evidence, commitment=args.commitment,
                           applied_on=args.on, letter=args.letter)
    finally:
        db.close()
    print(translate("RecordsCLI", "Repair application {id} recorded ({day}).").format(id=row["id"],
                                                                 day=row["applied_on"]))
    return 0


def cmd_repair_attach(args, data: DataDir) -> int:
    from app.records import repair

    db = _open(data)
    try:
        repair.attach_letter(db, args.actor.id, args.application, args.letter)
    finally:
        db.close()
    print(translate("RecordsCLI", "Letter {number} attached to repair application {id}.").format(
        number=args.letter, id=args.application))
    return 0


def cmd_repair_print(args, data: DataDir) -> int:
    from app.records import repair

    db = _open(data)
    try:
        result = repair.print_letter(db, args.actor.id, args.application, args.output)
    finally:
        db.close()
    numbers = ", ".join(x["number"] for x in result.letters)
    print(translate("RecordsCLI", "Repair commitment letter {numbers} written to {path}.").format(
        numbers=numbers, path=result.path))
    return 0


def cmd_objection_file(args, data: DataDir) -> int:
    from app.records import objections

    db = _open(data)
    try:
        row = objections.file(db, args.actor.id, args.record, filed_by=args.by,
                              grounds=args.grounds, filed_on=args.on)
    finally:
        db.close()
    print(translate("RecordsCLI", "Objection {id} recorded ({day}); answer due by "
                                  "{deadline}.").format(
        id=row["id"], day=row["filed_on"], deadline=row["deadline"]))
    return 0

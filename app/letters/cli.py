"""``credit-desk letters ...`` commands.

    credit-desk letters print (--village VILLAGE | --group VILLAGE/GROUP | --subject ID) [--template NAME] -o FILE.pdf
    credit-desk letters templates
    credit-desk letters list (--village VILLAGE | --subject ID) [--outstanding]
    credit-desk letters sign NUMBER --collector NAME [--place TEXT] [--at WHEN] [--attach FILE]
    credit-desk letters void NUMBER --reason TEXT
    credit-desk letters fulfil NUMBER (--kept | --broken) [--note TEXT]
    credit-desk letters reproduce NUMBER -o FILE.pdf
"""

from __future__ import annotations

import json
import sys

from app.errors import UserError
from app.i18n import translate
from app.jobs import Job
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    letters = sub.add_parser("letters", help=translate("LettersCLI", "commitment letters: print, "
                                                                      "collect, fulfil"))
    cmds = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True,
                                  parser_class=sub._parser_class)

    p = cmds.add_parser("print", help=translate("LettersCLI", "print letters into one PDF"))
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--village", metavar="VILLAGE",
                     help=translate("LettersCLI", "every household (or organization) of this "
                                                  "village (name or 12-digit code)"))
    who.add_argument("--group", metavar="VILLAGE/GROUP", help=translate(
        "LettersCLI", "every household of this village group (e.g. 新华村/一组)"))
    who.add_argument("--subject", metavar="ID", action="append",
                     help=translate("LettersCLI", "a household or organization id (repeatable)"))
    p.add_argument("--template", metavar="NAME", default=None,
                   help=translate("LettersCLI", "template name (default farmer-credit for "
                                                "households, voluntary-public for organizations)"))
    p.add_argument("--unsigned", action="store_true",
                   help=translate("LettersCLI", "only letters not yet signed"))
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    p.set_defaults(func=cmd_print)

    t = cmds.add_parser("templates", help=translate("LettersCLI", "list letter templates"))
    t.set_defaults(func=cmd_templates)

    ls = cmds.add_parser("list", help=translate("LettersCLI", "list letters"))
    who = ls.add_mutually_exclusive_group(required=True)
    who.add_argument("--village", metavar="VILLAGE", help=translate(
        "LettersCLI", "name or 12-digit code"))
    who.add_argument("--subject", metavar="ID")
    ls.add_argument("--outstanding", action="store_true",
                    help=translate("LettersCLI", "only letters printed but not yet signed"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    s = cmds.add_parser("sign", help=translate("LettersCLI", "record a letter as signed"))
    s.add_argument("letter", metavar="NUMBER", help=translate("LettersCLI", "letter number or id"))
    s.add_argument("--collector", required=True,
                   help=translate("LettersCLI", "who collected the signed paper"))
    s.add_argument("--place", default="", help=translate("LettersCLI", "where it was signed"))
    s.add_argument("--at", default=None, help=translate("LettersCLI", "when (YYYY-MM-DD[THH:MM]); "
                                                                      "default now"))
    s.add_argument("--attach", metavar="FILE",
                   help=translate("LettersCLI", "scan or photo of the signed paper"))
    s.set_defaults(func=cmd_sign)

    v = cmds.add_parser("void", help=translate("LettersCLI", "void a letter (it stays on file)"))
    v.add_argument("letter", metavar="NUMBER")
    v.add_argument("--reason", required=True)
    v.set_defaults(func=cmd_void)

    f = cmds.add_parser("fulfil", help=translate("LettersCLI", "record whether a promise was kept"))
    f.add_argument("letter", metavar="NUMBER")
    outcome = f.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--kept", action="store_const", const="kept", dest="outcome")
    outcome.add_argument("--broken", action="store_const", const="broken", dest="outcome")
    f.add_argument("--note", default="")
    f.set_defaults(func=cmd_fulfil)

    c = cmds.add_parser("correct", help=translate(
        "LettersCLI", "correct a recorded fulfilment or signing, with a reason (the original "
                      "is kept)"))
    c.add_argument("letter", metavar="NUMBER")
    c.add_argument("--reason", required=True, help=translate("LettersCLI", "why it is corrected"))
    fix = c.add_mutually_exclusive_group()
    fix.add_argument("--kept", action="store_const", const="kept", dest="outcome")
    fix.add_argument("--broken", action="store_const", const="broken", dest="outcome")
    fix.add_argument("--not-assessed", action="store_const", const="none", dest="outcome",
                     help=translate("LettersCLI", "fulfilment was recorded by mistake"))
    fix.add_argument("--unsign", action="store_true",
                     help=translate("LettersCLI", "the letter was not signed after all"))
    c.add_argument("--on", help=translate("LettersCLI", "corrected fulfilment date"))
    c.add_argument("--note", default="")
    c.add_argument("--collector")
    c.add_argument("--place")
    c.add_argument("--signed-at")
    c.set_defaults(func=cmd_correct)

    h = cmds.add_parser("corrections", help=translate(
        "LettersCLI", "a letter's corrections: before, after, reason, who and when"))
    h.add_argument("letter", metavar="NUMBER")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_corrections)

    r = cmds.add_parser("reproduce", help=translate(
        "LettersCLI", "print a letter again exactly as it was printed"))
    r.add_argument("letter", metavar="NUMBER")
    r.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    r.set_defaults(func=cmd_reproduce)


def _open(data: DataDir, args):
    if not data.exists():
        raise UserError(translate("LettersCLI", "No register in {path}. Run 'credit-desk demo' or start "
                                         "the app to create one.").format(path=data.root))
    db = open_data_dir(data)
    return db, args.actor.id


def _progress(done: int, total: int, message: str) -> None:
    print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)


def _village(db, text: str, level: str = "village") -> dict:
    from app.places import resolve

    return resolve(db, text, level=level)


def cmd_print(args, data: DataDir) -> int:
    from app.letters import printing
    from app.letters import templates as tpl
    from app.register import get_subject

    db, operator = _open(data, args)
    try:
        kwargs: dict = {}
        template = args.template
        if args.village:
            kwargs["village_id"] = _village(db, args.village)["id"]
        elif args.group:
            kwargs["group_id"] = _village(db, args.group, "village_group")["id"]
        else:
            kwargs["subject_ids"] = args.subject
            if template is None:
                kinds = {get_subject(db, s)["subject_kind"] for s in args.subject}
                if kinds == {"organization"}:
                    template = tpl.DEFAULT_ORGANIZATION_TEMPLATE
        result = printing.print_letters(db, operator, args.output,
                                        template_name=template or tpl.DEFAULT_TEMPLATE,
                                        only_unsigned=args.unsigned, job=Job(_progress), **kwargs)
        print(file=sys.stderr)
    finally:
        db.close()
    print(translate("LettersCLI", "{count} letters ({new} new) on {pages} pages: {path}").format(
        count=len(result.letters), new=result.new, pages=result.pages, path=result.path))
    if result.skipped:
        print(translate("LettersCLI", "{count} letter(s) left out:").format(
            count=len(result.skipped)))
        for item in result.skipped:
            print(f"  {item['name']}: {item['reason']}")
        return 3
    return 0


def cmd_templates(args, data: DataDir) -> int:
    from app.letters import templates as tpl

    db, operator = _open(data, args)
    try:
        tpl.ensure_templates(db, operator)
        for t in tpl.templates(db):
            print(f"{t['name']}\t{t['template_version']}\t{tpl.letter_type_label(t['letter_type'])}"
                  f"\t{t['title']}")
    finally:
        db.close()
    return 0


def cmd_list(args, data: DataDir) -> int:
    from app.letters import collection
    from app.letters.letter import status_label
    from app.letters.queries import subject_letters

    db, _ = _open(data, args)
    try:
        if args.subject:
            rows = subject_letters(db, args.subject)
            if args.outstanding:
                rows = [r for r in rows if r["status"] == "printed"]
        else:
            village = _village(db, args.village)
            rows = collection.village_letters(db, village["id"],
                                              outstanding=args.outstanding)
    finally:
        db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        print("\t".join(str(x or "") for x in (
            r["number"], r.get("name", ""), r.get("village_group", ""), status_label(r["status"]),
            status_label(r.get("fulfilment")), r.get("signed_at"))))
    print(translate("LettersCLI", "{n} letters").format(n=len(rows)), file=sys.stderr)
    return 0


def cmd_sign(args, data: DataDir) -> int:
    from app.letters import collection
    from app.letters.letter import find_letter

    db, operator = _open(data, args)
    try:
        letter = find_letter(db, args.letter)
        collection.mark_signed(db, operator, letter["id"], collector=args.collector,
                               place=args.place, signed_at=args.at)
        if args.attach:
            collection.attach_scan(db, operator, letter["id"], args.attach)
    finally:
        db.close()
    print(translate("LettersCLI", "Letter {number} recorded as signed.").format(
        number=letter["number"]))
    return 0


def cmd_void(args, data: DataDir) -> int:
    from app.letters import collection
    from app.letters.letter import find_letter

    db, operator = _open(data, args)
    try:
        letter = find_letter(db, args.letter)
        collection.void_letter(db, operator, letter["id"], args.reason)
    finally:
        db.close()
    print(translate("LettersCLI", "Letter {number} is void.").format(number=letter["number"]))
    return 0


def cmd_fulfil(args, data: DataDir) -> int:
    from app.letters import fulfilment
    from app.letters.letter import find_letter

    db, operator = _open(data, args)
    try:
        letter = find_letter(db, args.letter)
        fulfilment.record_fulfilment(db, operator, letter["id"], args.outcome, note=args.note)
    finally:
        db.close()
    print(translate("LettersCLI", "Letter {number}: fulfilment recorded.").format(
        number=letter["number"]))
    return 0


def cmd_correct(args, data: DataDir) -> int:
    from app.letters import corrections
    from app.letters.letter import find_letter

    signing = args.unsign or any(v is not None for v in (args.collector, args.place,
                                                         args.signed_at))
    if args.outcome and signing:
        raise UserError(translate("LettersCLI", "Correct the fulfilment or the signing, one at a "
                                                "time."))
    if not args.outcome and not signing:
        raise UserError(translate("LettersCLI", "Say what to correct: --kept, --broken or "
                                                "--not-assessed for the fulfilment; --collector, "
                                                "--place, --signed-at or --unsign for the "
                                                "signing."))
    db, operator = _open(data, args)
    try:
        letter = find_letter(db, args.letter)
        if args.outcome:
            corrections.correct_fulfilment(
                db, operator, letter["id"], outcome=None if args.outcome == "none" else args.outcome,
                reason=args.reason, on=args.on, note=args.note)
        else:
            corrections.correct_signing(db, operator, letter["id"], reason=args.reason,
                                        collector=args.collector, place=args.place,
                                        signed_at=args.signed_at, unsign=args.unsign)
    finally:
        db.close()
    print(translate("LettersCLI", "Letter {number} corrected; the values before are kept "
                                  "('letters corrections {number}').").format(
        number=letter["number"]))
    return 0


def cmd_corrections(args, data: DataDir) -> int:
    from app.letters import corrections
    from app.letters.letter import find_letter

    db, _ = _open(data, args)
    try:
        rows = corrections.corrections(db, find_letter(db, args.letter)["id"])
    finally:
        db.close()
    if args.json:
        print(json.dumps([{k: r[k] for k in ("id", "what", "before", "after", "reason",
                                             "corrected_at", "operator_name")} for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(translate("LettersCLI", "No correction was made to this letter."))
    for r in rows:
        changed = {k: v for k, v in r["after"].items() if r["before"].get(k) != v}
        was = {k: r["before"].get(k) for k in changed}
        print(f"{r['corrected_at'][:16]}\t{r['operator_name'] or ''}\t"
              f"{corrections.what_label(r['what'])}\t"
              f"{json.dumps(was, ensure_ascii=False)} → {json.dumps(changed, ensure_ascii=False)}"
              f"\t{r['reason']}")
    return 0


def cmd_reproduce(args, data: DataDir) -> int:
    from app.letters import printing
    from app.letters.letter import find_letter

    db, _ = _open(data, args)
    try:
        letter = find_letter(db, args.letter)
        path = printing.reproduce(db, letter["id"], args.output)
    finally:
        db.close()
    print(path)
    return 0

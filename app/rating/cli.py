"""``credit-desk rating ...``: campaigns, batch scoring, summary, printouts, schemes."""

from __future__ import annotations

import json
import sys

from app.errors import NotFound, UserError
from app.i18n import translate
from app.jobs import Job, announced
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    rating = sub.add_parser("rating", help=translate(
        "RatingCLI", "credit rating: campaigns, scoring, summary, notice lists, schemes"))
    cmds = rating.add_subparsers(dest="rating_command", metavar="ACTION", required=True)

    summary = cmds.add_parser("summary", help=translate(
        "RatingCLI", "per-village figures and the credit village and township verdicts"))
    summary.add_argument("--campaign", metavar="ID", help=translate(
        "RatingCLI", "campaign id (default: the current campaign)"))
    summary.add_argument("--json", action="store_true", help=translate("RatingCLI", "print JSON"))
    summary.set_defaults(func=cmd_summary)

    campaign = cmds.add_parser("campaign", help=translate("RatingCLI", "start, list or close campaigns"))
    campaign.add_argument("action", choices=["create", "list", "close"])
    campaign.add_argument("--name", help=translate("RatingCLI", "campaign name, e.g. 2026年度信用户评定"))
    campaign.add_argument("--year", type=int, help=translate("RatingCLI", "campaign year"))
    campaign.add_argument("--scheme", metavar="VERSION", help=translate(
        "RatingCLI", "scheme version to use (default: the newest installed)"))
    campaign.add_argument("--campaign", metavar="ID", help=translate("RatingCLI", "campaign to close"))
    campaign.set_defaults(func=cmd_campaign)

    score = cmds.add_parser("score", help=translate(
        "RatingCLI", "refresh automatic indicators (register, records, lists) and rescore"))
    score.add_argument("--campaign", metavar="ID")
    score.add_argument("--village", metavar="VILLAGE", help=translate(
        "RatingCLI", "one village, by name or 12-digit code (default: all)"))
    score.set_defaults(func=cmd_score)

    notice = cmds.add_parser("notice-pdf", help=translate(
        "RatingCLI", "print a village's public notice list as PDF"))
    notice.add_argument("--village", metavar="VILLAGE", required=True)
    notice.add_argument("--out", required=True, metavar="FILE")
    notice.add_argument("--campaign", metavar="ID")
    notice.set_defaults(func=cmd_notice_pdf)

    for name, helptext in (("summary-pdf", translate("RatingCLI", "campaign summary as PDF")),
                           ("summary-xlsx", translate("RatingCLI", "campaign summary as Excel"))):
        p = cmds.add_parser(name, help=helptext)
        p.add_argument("--out", required=True, metavar="FILE")
        p.add_argument("--campaign", metavar="ID")
        p.set_defaults(func=cmd_summary_file, kind=name)

    schemes = cmds.add_parser("schemes", help=translate("RatingCLI", "list installed rating schemes"))
    schemes.set_defaults(func=cmd_schemes)
    check = cmds.add_parser("scheme-check", help=translate(
        "RatingCLI", "check a scheme file; errors name the line"))
    check.add_argument("file")
    check.set_defaults(func=cmd_scheme_file, install=False, needs_user=False)
    install = cmds.add_parser("scheme-install", help=translate(
        "RatingCLI", "check and install a scheme file (a new version)"))
    install.add_argument("file")
    install.set_defaults(func=cmd_scheme_file, install=True)

    flags = cmds.add_parser("flags", help=translate(
        "RatingCLI", "households waiting for downgrade or removal review"))
    flags.add_argument("--json", action="store_true", help=translate("RatingCLI", "print JSON"))
    flags.set_defaults(func=cmd_flags)
    resolve = cmds.add_parser("resolve-flag", help=translate(
        "RatingCLI", "decide a review item: keep the grade, downgrade or remove (摘牌)"))
    resolve.add_argument("flag", metavar="ID", help=translate(
        "RatingCLI", "the item's id (rating flags --json), or its first characters"))
    resolve.add_argument("--action", required=True, choices=("keep", "downgrade", "remove"))
    resolve.add_argument("--grade", help=translate("RatingCLI", "the lower grade (downgrade)"))
    resolve.add_argument("--reason", default="", help=translate(
        "RatingCLI", "why (the flag's own reason when left out)"))
    resolve.set_defaults(func=cmd_resolve_flag)

    objections = cmds.add_parser("objections", help=translate(
        "RatingCLI", "objections raised during public notices, answered or open"))
    objections.add_argument("--open", action="store_true", dest="open_only", help=translate(
        "RatingCLI", "only objections still waiting for an answer"))
    objections.add_argument("--campaign", metavar="ID")
    objections.add_argument("--json", action="store_true", help=translate("RatingCLI", "print JSON"))
    objections.set_defaults(func=cmd_objections)

    answer = cmds.add_parser("answer-objection", help=translate(
        "RatingCLI", "answer an objection: upheld, corrected (with new answers) or dismissed"))
    answer.add_argument("objection", metavar="ID")
    answer.add_argument("--outcome", required=True, choices=["upheld", "corrected", "dismissed"])
    answer.add_argument("--reason", required=True, metavar="TEXT", help=translate(
        "RatingCLI", "the answer given to the objector"))
    answer.add_argument("--set", action="append", default=[], metavar="INDICATOR=VALUE",
                        dest="answers", help=translate(
        "RatingCLI", "a corrected answer (with --outcome corrected; repeat for several)"))
    answer.set_defaults(func=cmd_answer_objection)

    step = cmds.add_parser("step", help=translate(
        "RatingCLI", "take a village's ready households through a workflow step"))
    step.add_argument("step", choices=["first_review", "township_review", "approve", "plaque"])
    step.add_argument("--village", metavar="VILLAGE", required=True)
    step.add_argument("--campaign", metavar="ID")
    step.add_argument("--yes", action="store_true", help=translate(
        "RatingCLI", "do it (without --yes the command only says how many households it would "
                     "move)"))
    step.set_defaults(func=cmd_step)
    undo = cmds.add_parser("undo", help=translate(
        "RatingCLI", "undo a village's last village-wide step (until the next step is taken)"))
    undo.add_argument("--village", metavar="VILLAGE", required=True)
    undo.add_argument("--campaign", metavar="ID")
    undo.add_argument("--reason", metavar="TEXT", default="")
    undo.set_defaults(func=cmd_undo)

    review = cmds.add_parser("review", help=translate(
        "RatingCLI", "annual review (年审): rescore credit households with today's facts"))
    review.add_argument("household", nargs="?", metavar="ID_NUMBER", help=translate(
        "RatingCLI", "the household head's ID number (default: every credit household)"))
    review.add_argument("--village", metavar="VILLAGE")
    review.add_argument("--campaign", metavar="ID")
    review.add_argument("--note", metavar="TEXT")
    review.set_defaults(func=cmd_review)
    for name, helptext in (
            ("downgrade", translate("RatingCLI", "downgrade a credit household, with the reason")),
            ("remove", translate("RatingCLI", "remove a credit household's title (摘牌), with the "
                                              "reason")),
            ("reinstate", translate("RatingCLI", "reinstate a removed household, with the reason"))):
        p = cmds.add_parser(name, help=helptext)
        p.add_argument("household", metavar="ID_NUMBER", help=translate(
            "RatingCLI", "the household head's ID number (or the rating id)"))
        p.add_argument("--reason", required=True, metavar="TEXT")
        p.add_argument("--campaign", metavar="ID")
        if name == "downgrade":
            p.add_argument("--grade", required=True, metavar="GRADE")
        p.set_defaults(func=cmd_manage, action=name)


def _open(data: DataDir):
    if not data.exists():
        raise UserError(translate("RatingCLI", "No register in {path}. Run 'credit-desk demo' or "
                                               "start the app to create one.").format(path=data.root))
    return open_data_dir(data)


def _progress(done: int, total: int, message: str) -> None:
    print(f"\r{done}/{total} {message}    ", end="", file=sys.stderr, flush=True)


def _village_id(db, text: str) -> str:
    from app.places import resolve

    return resolve(db, text, level="village")["id"]


def cmd_summary(args, data: DataDir) -> int:
    from app.rating.campaign import resolve_campaign
    from app.rating.verdicts import summary

    db = _open(data)
    try:
        result = summary(db, resolve_campaign(db, args.campaign)["id"])
    finally:
        db.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    grades = list(result["township"]["grades"])
    print(f"{result['campaign']}（{translate('RatingCLI', 'scheme')} {result['scheme_version']}）")
    header = [translate("RatingCLI", "village"), translate("RatingCLI", "households"),
              translate("RatingCLI", "rated"), *grades, translate("RatingCLI", "share"),
              translate("RatingCLI", "credit village")]
    print("\t".join(header))
    yes, no = translate("RatingCLI", "yes"), translate("RatingCLI", "no")
    for v in result["villages"]:
        print("\t".join(str(x) for x in [
            v["village_name"], v["households"], v["rated"], *[v["grades"][g] for g in grades],
            f"{v['credit_share'] * 100:.2f}%", yes if v["is_credit_village"] else no]))
    t = result["township"]
    print(translate("RatingCLI", "{name}: {credit}/{n} credit villages, credit households "
                                 "{share:.2f}%; credit township: {verdict}").format(
        name=t["township_name"] or "", credit=t["credit_villages"], n=t["villages"],
        share=t["credit_share"] * 100, verdict=yes if t["is_credit_township"] else no))
    orgs = result["organizations"]
    if orgs["organizations"]:
        print(translate("RatingCLI", "Organizations: {n} in the campaign, {rated} rated; grades "
                                     "{grades}; supervision classes {classes}").format(
            n=orgs["organizations"], rated=orgs["rated"],
            grades="、".join(f"{g} {n}" for g, n in orgs["grades"].items()),
            classes="、".join(f"{c} {n}" for c, n in orgs["classes"].items())))
    return 0


def cmd_campaign(args, data: DataDir) -> int:
    from app.rating import campaign as campaigns
    from app.rating.scheme import ensure_shipped

    db = _open(data)
    try:
        operator = args.actor.id
        if args.action == "list":
            for c in campaigns.campaigns(db):
                print(f"{c['id']}\t{c['campaign_year']}\t{c['name']}\t{c['scheme_version']}\t"
                      f"{c['status']}")
            return 0
        if args.action == "close":
            campaign = campaigns.resolve_campaign(db, args.campaign)
            campaigns.close_campaign(db, operator, campaign["id"])
            print(translate("RatingCLI", "Closed: {name}").format(name=campaign["name"]))
            return 0
        if not args.year:
            raise UserError(translate("RatingCLI", "Give --year (and --name)."))
        scheme_id = None
        ensure_shipped(db, operator)
        if args.scheme:
            row = db.execute("SELECT id FROM rating_scheme WHERE scheme_version = ? "
                             "ORDER BY created_at DESC", [args.scheme]).fetchone()
            if row is None:
                raise NotFound(translate("RatingCLI", "No installed scheme has version {v}.")
                               .format(v=args.scheme))
            scheme_id = row[0]
        name = args.name or translate("RatingCLI", "{year} credit household rating").format(
            year=args.year)
        title = translate("RatingCLI", "start of campaign {name}").format(name=name)
        with announced(data.root, title, Job(_progress)) as job:
            campaign = campaigns.create_campaign(db, operator, name=name, year=args.year,
                                                 scheme_id=scheme_id, job=job)
        print(file=sys.stderr)
        count = db.execute("SELECT count(*) FROM rating WHERE campaign_id = ?",
                           [campaign["id"]]).fetchone()[0]
        print(translate("RatingCLI", "Campaign {name} started: {n} households, automatic "
                                     "indicators filled. Id: {id}").format(
            name=name, n=count, id=campaign["id"]))
        return 0
    finally:
        db.close()


def cmd_score(args, data: DataDir) -> int:
    from app.rating import campaign as campaigns

    db = _open(data)
    try:
        campaign = campaigns.resolve_campaign(db, args.campaign)
        village = _village_id(db, args.village) if args.village else None
        count = campaigns.rescore_campaign(db, args.actor.id, campaign["id"],
                                           village_id=village, job=Job(_progress))
        print(file=sys.stderr)
        print(translate("RatingCLI", "{n} ratings changed.").format(n=count))
        return 0
    finally:
        db.close()


def cmd_notice_pdf(args, data: DataDir) -> int:
    from app.rating import printouts
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        path = printouts.notice_pdf(db, args.actor.id, campaign["id"],
                                    _village_id(db, args.village), args.out)
        print(path)
        return 0
    finally:
        db.close()


def cmd_summary_file(args, data: DataDir) -> int:
    from app.rating import printouts
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        fn = printouts.summary_pdf if args.kind == "summary-pdf" else printouts.summary_xlsx
        print(fn(db, args.actor.id, campaign["id"], args.out))
        return 0
    finally:
        db.close()


def cmd_schemes(args, data: DataDir) -> int:
    from app.rating.scheme import ensure_shipped, installed

    db = _open(data)
    try:
        ensure_shipped(db, args.actor.id)
        for s in installed(db):
            print(f"{s['code']}\t{s['scheme_version']}\t{s['name']}\t{s['created_at'][:10]}")
        return 0
    finally:
        db.close()


def cmd_scheme_file(args, data: DataDir) -> int:
    from app.rating.scheme import install_file, load_file

    scheme = load_file(args.file)
    if not args.install:
        print(translate("RatingCLI", "{file}: scheme {code} {version} is valid: {n} indicators, "
                                     "{total} points, {vetoes} veto items.").format(
            file=args.file, code=scheme.code, version=scheme.version, n=len(scheme.indicators),
            total=scheme.total, vetoes=len(scheme.vetoes)))
        return 0
    db = _open(data)
    try:
        row = install_file(db, args.actor.id, args.file)
        print(translate("RatingCLI", "Installed scheme {code} {version}; new campaigns use it.")
              .format(code=row["code"], version=row["scheme_version"]))
        return 0
    finally:
        db.close()


def cmd_flags(args, data: DataDir) -> int:
    from app.rating.review_queue import open_flags

    db = _open(data)
    try:
        flags = open_flags(db)
        if args.json:
            print(json.dumps([{"id": f["id"], "raised_at": f["raised_at"],
                               "subject": f["head_name"], "village": f["village_name"],
                               "grade": f["grade"], "source": f["source"],
                               "source_label": f["source_label"], "reason": f["reason"]}
                              for f in flags], ensure_ascii=False, indent=1))
            return 0
        for f in flags:
            print(f"{f['id'][:8]}\t{f['raised_at'][:10]}\t{f['village_name'] or ''}\t"
                  f"{f['head_name'] or f['subject_id']}\t{f['grade'] or '-'}\t"
                  f"{f['source_label']}\t{f['reason']}")
        return 0
    finally:
        db.close()


def cmd_resolve_flag(args, data: DataDir) -> int:
    from app.rating.review_queue import open_flags, resolve_flag

    db = _open(data)
    try:
        wanted = args.flag.strip().lower()
        found = [f for f in open_flags(db) if wanted and f["id"].startswith(wanted)]
        if len(found) != 1:
            raise UserError(translate(
                "RatingCLI", "No open review item {id} (or more than one starts so): see "
                             "credit-desk rating flags.").format(id=args.flag))
        flag = found[0]
        resolve_flag(db, args.actor.id, flag["id"], action=args.action, reason=args.reason,
                     grade=args.grade)
        print(translate("RatingCLI", "Review of {name} decided: {action}.").format(
            name=flag["head_name"], action={"keep": translate("RatingCLI", "grade kept"),
                                            "downgrade": translate("RatingCLI", "downgraded"),
                                            "remove": translate("RatingCLI", "removed")
                                            }[args.action]))
        return 0
    finally:
        db.close()


def _objection_json(o) -> dict:
    from app.rating.statuses import status_label
    from app.rating.workflow import outcome_label

    return {"id": o["id"], "household": o["head_name"], "village": o["village_name"],
            "raised_on": o["raised_on"], "raised_by": o["raised_by"], "content": o["content"],
            "outcome": o["outcome"], "outcome_label": outcome_label(o["outcome"]),
            "answer": o["answer"], "answered_at": o["resolved_at"],
            "answered_by": o["answered_by_name"], "rating_status": o["rating_status"],
            "rating_status_label": status_label(o["rating_status"])}


def cmd_objections(args, data: DataDir) -> int:
    from app.rating.campaign import resolve_campaign
    from app.rating.workflow import objections

    db = _open(data)
    try:
        rows = [_objection_json(o) for o in objections(
            db, resolve_campaign(db, args.campaign)["id"], open_only=args.open_only)]
    finally:
        db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(translate("RatingCLI", "No objections."))
    for o in rows:
        answered = (f"{o['outcome_label']}\t{o['answered_by']} {o['answered_at'][:10]}\t{o['answer']}"
                    if o["outcome"] else o["outcome_label"])
        print(f"{o['id']}\t{o['raised_on']}\t{o['village']}\t{o['household']}\t"
              f"{o['raised_by']}：{o['content']}\t{answered}")
    return 0


def _answers(pairs: list[str]) -> dict:
    out: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(translate("RatingCLI", "--set {pair!r}: write INDICATOR=VALUE, e.g. "
                                                   "--set reputation=good.").format(pair=pair))
        value = value.strip()
        out[key.strip()] = value.lower() in ("1", "true", "yes", "是") if \
            key.strip().startswith("veto:") else value
    return out


def cmd_answer_objection(args, data: DataDir) -> int:
    from app.rating.statuses import status_label
    from app.rating.workflow import outcome_label, resolve_objection

    db = _open(data)
    try:
        after = resolve_objection(db, args.actor.id, args.objection, outcome=args.outcome,
                                  answer=args.reason, answers=_answers(args.answers))
        print(translate("RatingCLI", "Objection answered: {outcome}. The household is now at "
                                     "'{status}' ({score:g} points, {grade}).").format(
            outcome=outcome_label(args.outcome), status=status_label(after["status"]),
            score=after["score"], grade=after["grade"] or "-"))
        return 0
    finally:
        db.close()


def _rating_of(db, campaign_id: str, who: str) -> dict:
    from app.identity import clean_number

    who = (who or "").strip()
    # A household by its head's ID number, an organization by its USCC.
    row = db.execute("SELECT r.id FROM rating r LEFT JOIN household h ON h.id = r.subject_id "
                     "LEFT JOIN organization g ON g.id = r.subject_id "
                     "WHERE r.campaign_id = ? AND (r.id = ? OR h.head_id_number = ? "
                     "OR g.uscc = ?)",
                     [campaign_id, who, clean_number(who), clean_number(who)]).fetchone()
    if row is None:
        raise NotFound(translate("RatingCLI", "No household with the ID number {who} is rated in "
                                              "this campaign.").format(who=who))
    from app.rating.campaign import get_rating

    return get_rating(db, row[0])


def _said(db, rating: dict) -> str:
    from app.rating.statuses import status_label

    name = db.execute("SELECT head_name FROM household WHERE id = ? UNION ALL SELECT name "
                      "FROM organization WHERE id = ?",
                      [rating["subject_id"], rating["subject_id"]]).fetchone()[0]
    return translate("RatingCLI", "{name}: {status}, grade {grade}.").format(
        name=name, status=status_label(rating["status"]), grade=rating["grade"] or "-")


def cmd_review(args, data: DataDir) -> int:
    from app.rating import workflow
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        if args.household:
            rating = _rating_of(db, campaign["id"], args.household)
            print(_said(db, workflow.annual_review(db, args.actor.id, rating["id"],
                                                   note=args.note)))
            return 0
        village = _village_id(db, args.village) if args.village else None
        counts = workflow.annual_review_all(db, args.actor.id, campaign["id"],
                                            village_id=village, note=args.note)
        print(translate("RatingCLI", "Annual review: {kept} kept, {downgraded} downgraded, "
                                     "{removed} removed.").format(**counts))
        return 0
    finally:
        db.close()


def cmd_manage(args, data: DataDir) -> int:
    from app.rating import workflow
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        rating = _rating_of(db, campaign["id"], args.household)
        if args.action == "downgrade":
            after = workflow.downgrade(db, args.actor.id, rating["id"], grade=args.grade,
                                       reason=args.reason)
        elif args.action == "remove":
            after = workflow.remove(db, args.actor.id, rating["id"], reason=args.reason)
        else:
            after = workflow.reinstate(db, args.actor.id, rating["id"], reason=args.reason)
        print(_said(db, after))
        return 0
    finally:
        db.close()


def cmd_step(args, data: DataDir) -> int:
    from app.rating import workflow
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        village = _village_id(db, args.village)
        ready = workflow.eligible(db, campaign["id"], village, args.step)
        if not args.yes:
            print(translate("RatingCLI", "'{step}' would move {what} of village {code}. "
                                         "Run again with --yes to do it.").format(
                step=workflow.step_label(args.step), what=workflow.moving(db, ready),
                code=args.village))
            return 0
        workflow.advance_village(db, args.actor.id, campaign["id"], village, args.step)
        print(translate("RatingCLI", "{step}: {what}. 'credit-desk rating undo --village "
                                     "{code}' takes it back until the next step.").format(
            step=workflow.step_label(args.step), what=workflow.moving(db, ready),
            code=args.village))
        return 0
    finally:
        db.close()


def cmd_undo(args, data: DataDir) -> int:
    from app.rating import workflow
    from app.rating.campaign import resolve_campaign

    db = _open(data)
    try:
        campaign = resolve_campaign(db, args.campaign)
        village = _village_id(db, args.village)
        moved = workflow.last_batch_ratings(db, campaign["id"], village)
        workflow.undo_last_batch(db, args.actor.id, campaign["id"], village, reason=args.reason)
        print(translate("RatingCLI", "Undone: {what} are back where they were.")
              .format(what=workflow.moving(db, moved)))
        return 0
    finally:
        db.close()

"""``credit-desk stats``: the township's figures and the county's measures,
printed, as JSON, or written as the monthly or annual PDF / .xlsx."""

from __future__ import annotations

import json
from pathlib import Path

from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir
from app.store import open_data_dir


def register(sub) -> None:
    stats = sub.add_parser("stats", help=translate(
        "StatsCLI", "township statistics and the county's measures (upload, compliance, "
                    "timeliness, wrong codes)"))
    when = stats.add_mutually_exclusive_group()
    when.add_argument("--month", metavar="YYYY-MM", help=translate(
        "StatsCLI", "the month reported (default: this month)"))
    when.add_argument("--year", metavar="YYYY", help=translate("StatsCLI", "the year reported"))
    stats.add_argument("--json", action="store_true", help=translate("StatsCLI", "print JSON"))
    stats.add_argument("-o", "--output", metavar="FILE", help=translate(
        "StatsCLI", "write the statistics to FILE.pdf (official form) or FILE.xlsx"))
    stats.set_defaults(func=cmd_stats)


def cmd_stats(args, data: DataDir) -> int:
    from app.stats import period as periods
    from app.stats import report
    from app.stats.figures import township_figures

    if not data.exists():
        raise UserError(translate("StatsCLI", "No register in {path}. Run 'credit-desk demo' or "
                                              "start the app to create one.").format(path=data.root))
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".pdf", ".xlsx"):
        raise UserError(translate("StatsCLI", "Write the statistics to a file ending in .pdf or "
                                              ".xlsx, not {name}.").format(name=out.name))
    period = periods.parse(args.month, args.year)
    db = open_data_dir(data)
    try:
        figures = township_figures(db, args.actor.id, period)
        if out is not None:
            writer = report.write_pdf if out.suffix.lower() == ".pdf" else report.write_xlsx
            print(writer(db, args.actor.id, figures, out))
    finally:
        db.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    elif out is None:
        _print(figures)
    return 0


def _print(figures) -> None:
    from app.stats.report import rates_table, village_table

    for header, rows in (village_table(figures), rates_table(figures)):
        print("\t".join(header))
        for row in rows:
            print("\t".join(str(c) for c in row))
        print()

"""Every figure of the township at a glance, computed once.

``township_figures`` is the single source for the home dashboard, the
monthly and annual statistics (PDF and .xlsx) and ``credit-desk stats``.
The village and township rating figures are those of ``rating summary``
(``app.rating.verdicts.summary`` of the current campaign), so the two never
disagree; letters, records, lists, objections, repairs, sync and the
county's measures are added beside them. The register is a snapshot (there
is no history of a household's loan), so households, ratings and loans are
as of today; the period chooses which decisions the county's rates measure
and which letters, records and uploads count as "in the period".

On a big register this is a long read: the dashboard runs it on the
background lane and keeps the result in ``stats_cache`` with the journal
position it reflects (``cached``/``store_cache``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol
from app.accounts.permissions import require, villages_of
from app.journal import utc_now
from app.rating.campaign import current_campaign
from app.rating.verdicts import summary
from app.sync.outbox import status as sync_status
from app.stats import measures
from app.stats.period import Period, month

DASHBOARD_CACHE = "dashboard"


def _letters(db: Database, period: Period) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Letters per village by status (on file today), and the period's activity."""
    per_village: dict[str, dict[str, int]] = {}
    for village_id, status, n in db.execute(
            "SELECT village_id, status, count(*) FROM commitment_letter GROUP BY 1, 2"):
        per_village.setdefault(village_id, {"drafted": 0, "printed": 0, "signed": 0,
                                            "void": 0})[status] = n
    start, end = period.start.isoformat(), (period.end + dt.timedelta(days=1)).isoformat()
    row = db.execute(
        "SELECT count(*) FILTER (WHERE printed_at >= :s AND printed_at < :e), "
        "count(*) FILTER (WHERE signed_at >= :s AND signed_at < :e), "
        "count(*) FILTER (WHERE fulfilment = 'broken' AND fulfilment_at >= :s AND fulfilment_at < :e) "
        "FROM commitment_letter", {"s": start, "e": end}).fetchone()
    return per_village, {"printed_in_period": row[0], "signed_in_period": row[1],
                         "broken_in_period": row[2]}


def _letter_totals(per_village: dict[str, dict[str, int]]) -> dict[str, int]:
    totals = {"drafted": 0, "printed": 0, "signed": 0, "void": 0}
    for counts in per_village.values():
        for key, n in counts.items():
            totals[key] += n
    # Outstanding: printed and handed out, not yet signed and collected.
    totals["outstanding"] = totals["printed"]
    return totals


def _records(db: Database, period: Period) -> dict[str, Any]:
    policy = pol.load(db)
    labels = pol.category_labels(policy)
    by_category: dict[str, dict[str, Any]] = {}
    start, end = period.start.isoformat(), (period.end + dt.timedelta(days=1)).isoformat()
    for category, polarity, status, total, entered in db.execute(
            "SELECT r.category, r.polarity, r.status, count(*), "
            "count(*) FILTER (WHERE u.entered_at >= ? AND u.entered_at < ?) "
            "FROM credit_record r LEFT JOIN record_upload u ON u.record_id = r.id "
            "GROUP BY 1, 2, 3", [start, end]):
        entry = by_category.setdefault(category, {
            "category": category, "label": labels.get(category, category), "total": 0,
            "public": 0, "positive": 0, "negative": 0, "neutral": 0, "entered_in_period": 0})
        entry["total"] += total
        entry[polarity] += total
        entry["entered_in_period"] += entered
        if status == "public":
            entry["public"] += total
    rows = sorted(by_category.values(), key=lambda r: r["category"])
    lists = {kind: n for kind, n in db.execute(
        "SELECT list_kind, count(*) FROM list_entry WHERE removed_on IS NULL GROUP BY 1")}
    return {"by_category": rows,
            "total": sum(r["total"] for r in rows),
            "positive": sum(r["positive"] for r in rows),
            "negative": sum(r["negative"] for r in rows),
            "neutral": sum(r["neutral"] for r in rows),
            "entered_in_period": sum(r["entered_in_period"] for r in rows),
            "list_entries": {k: lists.get(k, 0) for k in
                             ("red_list", "black_list", "dishonest_judgment_debtor")}}


def _open_cases(db: Database, today: dt.date) -> dict[str, Any]:
    """Open objections (deadline, overdue first) and pending repairs."""
    objections = []
    for row in db.query(
            "SELECT o.id, o.record_id, o.subject_id, o.filed_on, o.deadline, r.title, "
            "COALESCE((SELECT head_name FROM household h WHERE h.id = o.subject_id), "
            "(SELECT name FROM organization g WHERE g.id = o.subject_id)) AS subject_name "
            "FROM objection o JOIN credit_record r ON r.id = o.record_id "
            "WHERE o.status = 'open' ORDER BY o.deadline, o.filed_on"):
        row["days_left"] = (dt.date.fromisoformat(row["deadline"][:10]) - today).days
        row["overdue"] = row["days_left"] < 0
        objections.append(row)
    repairs = list(db.query(
        "SELECT a.id, a.record_id, a.subject_id, a.applied_on, r.title, "
        "COALESCE((SELECT head_name FROM household h WHERE h.id = a.subject_id), "
        "(SELECT name FROM organization g WHERE g.id = a.subject_id)) AS subject_name "
        "FROM repair_application a JOIN credit_record r ON r.id = a.record_id "
        "WHERE a.status = 'pending' ORDER BY a.applied_on"))
    return {"objections": objections, "objections_open": len(objections),
            "objections_overdue": sum(o["overdue"] for o in objections),
            "repairs": repairs, "repairs_pending": len(repairs)}


def _trend(db: Database, period: Period) -> list[dict[str, Any]]:
    """Records entered and letters signed per month, the twelve months to the period's end."""
    months = []
    first = dt.date(period.end.year - 1, period.end.month, 1)
    for i in range(1, 13):
        index = first.month - 1 + i
        months.append(month(first.year + index // 12, index % 12 + 1))
    start, end = months[0].start.isoformat(), (months[-1].end + dt.timedelta(days=1)).isoformat()
    records = dict(db.execute(
        "SELECT substr(entered_at, 1, 7), count(*) FROM record_upload "
        "WHERE entered_at >= ? AND entered_at < ? GROUP BY 1", [start, end]).fetchall())
    letters = dict(db.execute(
        "SELECT substr(signed_at, 1, 7), count(*) FROM commitment_letter "
        "WHERE signed_at >= ? AND signed_at < ? GROUP BY 1", [start, end]).fetchall())
    return [{"month": m.start.strftime("%Y-%m"),
             "records_entered": records.get(m.start.strftime("%Y-%m"), 0),
             "letters_signed": letters.get(m.start.strftime("%Y-%m"), 0)} for m in months]


def _villages_without_campaign(db: Database) -> list[dict[str, Any]]:
    return [{"village_id": r["id"], "village_code": r["code"], "village_name": r["name"],
             "households": r["households"], "rated": 0, "approved": 0, "grades": {},
             "vetoed": 0, "not_credit": 0, "credit_households": 0, "credit_share": 0.0,
             "borrowing": r["borrowing"], "on_time": r["on_time"],
             "on_time_rate": round(r["on_time"] / r["borrowing"], 4) if r["borrowing"] else 1.0,
             "loan_balance_fen": r["balance"], "overdue_fen": r["overdue"],
             "npl_ratio": round(r["overdue"] / r["balance"], 4) if r["balance"] else 0.0,
             "is_credit_village": False}
            for r in db.query(
                "SELECT p.id, p.code, p.name, count(h.sid) AS households, "
                "count(h.sid) FILTER (WHERE h.loan_balance_fen > 0) AS borrowing, "
                "count(h.sid) FILTER (WHERE h.loan_balance_fen > 0 AND h.overdue_fen = 0) AS on_time, "
                "coalesce(sum(h.loan_balance_fen), 0) AS balance, "
                "coalesce(sum(h.overdue_fen), 0) AS overdue "
                "FROM place p LEFT JOIN household h ON h.village_id = p.id "
                "WHERE p.level = 'village' GROUP BY p.id ORDER BY p.code")]


def township_figures(db: Database, operator_id: str, period: Period, *,
                     today: dt.date | None = None, list_limit: int = 1000) -> dict[str, Any]:
    """The whole picture for ``period`` (see the module docstring).

    Aggregates only; the drill-down lists name subjects but never show an ID
    number in full (the same as the register's list for ``register.view``).
    """
    require(db, operator_id, "register.view")
    day = today or pol.today()
    campaign = current_campaign(db)
    rating = summary(db, campaign["id"]) if campaign else None
    villages = [dict(v) for v in rating["villages"]] if rating else _villages_without_campaign(db)
    letters, letter_activity = _letters(db, period)
    for village in villages:
        counts = letters.get(village["village_id"], {})
        village["letters_printed"] = counts.get("printed", 0)
        village["letters_signed"] = counts.get("signed", 0)
        village["letters_outstanding"] = counts.get("printed", 0)
    if rating:
        township = dict(rating["township"])
    else:
        households = sum(v["households"] for v in villages)
        borrowing = sum(v["borrowing"] for v in villages)
        on_time = sum(v["on_time"] for v in villages)
        balance = sum(v["loan_balance_fen"] for v in villages)
        overdue = sum(v["overdue_fen"] for v in villages)
        township = {"township_code": None, "township_name": None, "villages": len(villages),
                    "credit_villages": 0, "credit_village_share": 0.0, "households": households,
                    "rated": 0, "credit_households": 0, "credit_share": 0.0, "grades": {},
                    "borrowing": borrowing, "on_time": on_time,
                    "on_time_rate": round(on_time / borrowing, 4) if borrowing else 1.0,
                    "loan_balance_fen": balance, "overdue_fen": overdue,
                    "npl_ratio": round(overdue / balance, 4) if balance else 0.0,
                    "is_credit_township": False}
    letter_totals = _letter_totals(letters)
    township["letters_signed"] = letter_totals["signed"]
    uploads = measures.upload_measures(db, period, today=day)
    codes = measures.wrong_codes(db, limit=list_limit)
    sync = sync_status(db)
    figures = {
        "period": period.as_json(),
        "computed_at": utc_now(),
        "campaign": ({"campaign_id": rating["campaign_id"], "name": rating["campaign"],
                      "year": rating["campaign_year"], "status": rating["status"],
                      "scheme_version": rating["scheme_version"]} if rating else None),
        "criteria": rating["criteria"] if rating else None,
        # New agricultural operators: counts by grade and supervision class.
        "organizations": ({k: v for k, v in rating["organizations"].items() if k != "list"}
                          if rating else None),
        "villages": villages,
        "township": township,
        "letters": {**letter_totals, **letter_activity},
        "records": _records(db, period),
        "cases": _open_cases(db, day),
        "sync": {"pending_changes": sync["pending_changes"],
                 "acknowledged_changes": sync["acknowledged_changes"],
                 "open_conflicts": sync["open_conflicts"],
                 "last_sync_at": sync["last_sync_at"],
                 "last_acknowledged_at": db.execute(
                     "SELECT max(acknowledged_at) FROM sync_batch WHERE state = 'acknowledged'"
                 ).fetchone()[0],
                 "last_failure": sync["last_failure"]},
        "rates": {"upload_rate": uploads["upload_rate"],
                  "compliance_rate": uploads["compliance_rate"],
                  "timeliness_rate": uploads["timeliness_rate"],
                  "wrong_code_per_10000": codes["wrong_code_per_10000"],
                  "decisions": uploads["decisions"], "uploaded": uploads["uploaded"],
                  "compliant": uploads["compliant"], "on_time": uploads["on_time"],
                  "timeliness_days": uploads["timeliness_days"], "day_kind": uploads["day_kind"],
                  "subjects": codes["subjects"], "wrong_code_subjects": codes["flagged"],
                  "wrong_code_by_reason": codes["by_reason"],
                  "wrong_code_target_per_10000": codes["target_per_10000"]},
        "drill_down": {**uploads["lists"], "wrong_codes": codes["list"]},
        "trend": _trend(db, period),
    }
    scope = villages_of(db, operator_id)
    if scope is not None:
        _keep_to_villages(db, figures, scope)
    return figures


def _subject_villages(db: Database, subject_ids: set[str]) -> dict[str, str]:
    ids = list(subject_ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ",".join("?" for _ in part)
        for table in ("household", "organization"):
            found.update(db.execute(f"SELECT id, village_id FROM {table} WHERE id IN ({marks})",
                                    part).fetchall())
    return found


def _keep_to_villages(db: Database, figures: dict[str, Any], villages: frozenset[str]) -> None:
    """Field staff see the township's aggregates but only their villages'
    names in the lists behind them (their role's scope)."""
    lists = figures["drill_down"]
    cases = figures["cases"]
    subjects = {r["subject_id"] for key in ("not_uploaded", "non_compliant", "late")
                for r in lists[key]}
    subjects |= {r["subject_id"] for r in cases["objections"] + cases["repairs"]}
    where = _subject_villages(db, subjects)
    for key in ("not_uploaded", "non_compliant", "late"):
        lists[key] = [r for r in lists[key] if where.get(r["subject_id"]) in villages]
    lists["wrong_codes"] = [r for r in lists["wrong_codes"] if r["village_id"] in villages]
    for key in ("objections", "repairs"):
        cases[key] = [r for r in cases[key] if where.get(r["subject_id"]) in villages]


def journal_position(db: Database) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]


def cache_key(operator_id: str) -> str:
    # Per user: a field officer's lists are kept to their villages.
    return f"{DASHBOARD_CACHE}:{operator_id}"


def cached(db: Database, operator_id: str) -> tuple[dict[str, Any] | None, bool]:
    """The dashboard's last figures for this user and whether they are still current."""
    row = db.execute("SELECT journal_seq, content FROM stats_cache WHERE key = ?",
                     [cache_key(operator_id)]).fetchone()
    if row is None:
        return None, False
    return json.loads(row[1]), row[0] == journal_position(db)


def dashboard_figures(db: Database, operator_id: str, period: Period | None = None
                      ) -> tuple[dict[str, Any], int]:
    """The dashboard's figures (this month) and the journal position they
    reflect; a read only, for the background lane."""
    position = journal_position(db)
    return township_figures(db, operator_id, period or this_month()), position


def store_cache(db: Database, operator_id: str, figures: dict[str, Any], position: int) -> None:
    """Keep the figures with their journal position (a change made meanwhile
    leaves the cache stale, never wrong: it is recomputed on the next look)."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO stats_cache (key, journal_seq, computed_at, content) "
                   "VALUES (?,?,?,?)", [cache_key(operator_id), position, figures["computed_at"],
                                        json.dumps(figures, ensure_ascii=False)])


def refresh_cache(db: Database, operator_id: str) -> dict[str, Any]:
    figures, position = dashboard_figures(db, operator_id)
    store_cache(db, operator_id, figures, position)
    return figures


def this_month() -> Period:
    day = pol.today()
    return month(day.year, day.month)

"""Credit village (信用村) and credit township (信用乡镇) verdicts.

The criteria come from the campaign's scheme ([credit_village] and
[credit_township]); shares are compared exactly (integers against Decimal).
Each village's figures are stored in ``rating_village_result`` and
recomputed whenever a rating in it changes, so the summary is one small
read; the township verdict is derived from the village rows.

Organizations rated in the same campaign do not count here (see
``organizations``: they get supervision classes, not a credit village share).

Figures: households on file (register), rated (every manual indicator
answered), credit households (a grade, not vetoed, not removed; provisional
until approved), borrowing households (loan balance > 0), of them on time
(no overdue amount), NPL ratio = overdue amount / loan balance.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from app.journal import utc_now
from app.rating import organizations
from app.rating.scheme import Scheme, scheme_by_id

_RATING_FIGURES = (
    "SELECT r.village_id, count(*) FILTER (WHERE r.complete = 1) AS rated, "
    "count(*) FILTER (WHERE r.grade IS NOT NULL AND r.status IN ('approved', 'plaqued')) AS approved, "
    "count(*) FILTER (WHERE r.veto IS NOT NULL) AS vetoed, "
    "count(*) FILTER (WHERE r.grade IS NOT NULL AND r.status != 'removed') AS credit_households "
    "FROM rating r WHERE r.campaign_id = :campaign AND r.subject_kind = 'household' {where} "
    "GROUP BY r.village_id")
_GRADES = (
    "SELECT r.village_id, r.grade, count(*) AS n FROM rating r WHERE r.campaign_id = :campaign "
    "AND r.subject_kind = 'household' AND r.grade IS NOT NULL AND r.status != 'removed' {where} "
    "GROUP BY r.village_id, r.grade")
_HOUSEHOLD_FIGURES = (
    "SELECT h.village_id, count(*) AS households, "
    "count(*) FILTER (WHERE h.loan_balance_fen > 0) AS borrowing, "
    "count(*) FILTER (WHERE h.loan_balance_fen > 0 AND h.overdue_fen = 0) AS on_time, "
    "coalesce(sum(h.loan_balance_fen), 0) AS loan_balance_fen, "
    "coalesce(sum(h.overdue_fen), 0) AS overdue_fen "
    "FROM household h {scan} WHERE h.village_id IN ({villages}) GROUP BY h.village_id")


def _ratio(part: int, whole: int, empty: Fraction = Fraction(0)) -> Fraction:
    return Fraction(part, whole) if whole else empty


def _frac(value: Decimal) -> Fraction:
    return Fraction(value)


def village_passes(scheme: Scheme, figures: dict[str, Any]) -> bool:
    c = scheme.village
    share = _ratio(figures["credit_households"], figures["households"])
    on_time = _ratio(figures["on_time"], figures["borrowing"], Fraction(1))
    npl = _ratio(figures["overdue_fen"], figures["loan_balance_fen"])
    return (figures["households"] > 0 and share >= _frac(c["min_credit_share"])
            and on_time >= _frac(c["min_on_time_rate"]) and npl <= _frac(c["max_npl_ratio"]))


def _campaign_row(db: Database, campaign_id: str) -> dict[str, Any]:
    return next(db.query("SELECT * FROM rating_campaign WHERE id = ?", [campaign_id]))


def campaign_villages(db: Database, campaign: dict[str, Any]) -> list[dict[str, Any]]:
    if campaign.get("township_id"):
        return list(db.query("SELECT id, code, name FROM place WHERE level = 'village' AND "
                             "parent_id = ? ORDER BY name_sort, code", [campaign["township_id"]]))
    return list(db.query("SELECT id, code, name FROM place WHERE level = 'village' "
                         "ORDER BY name_sort, code"))


def _recompute(db: Database, campaign_id: str, village_ids: list[str] | None,
               loans: bool = True, after_close: bool = False) -> None:
    campaign = _campaign_row(db, campaign_id)
    if campaign["status"] != "open" and not after_close:
        return  # a closed campaign's figures change only by dynamic management
    if campaign["status"] != "open":
        loans = False  # the register figures stay as they were when it closed
    scheme = scheme_by_id(db, campaign["scheme_id"])
    if village_ids is None:
        village_ids = [v["id"] for v in campaign_villages(db, campaign)]
        where, params = "", {"campaign": campaign_id}
    else:
        where = "AND r.village_id IN (" + ",".join(f":v{i}" for i in range(len(village_ids))) + ")"
        params = {"campaign": campaign_id, **{f"v{i}": v for i, v in enumerate(village_ids)}}
    if not village_ids:
        return
    marks = ",".join(f":v{i}" for i in range(len(village_ids)))
    vparams = {f"v{i}": v for i, v in enumerate(village_ids)}
    ratings = {r["village_id"]: r for r in db.query(_RATING_FIGURES.format(where=where), params)}
    grades: dict[str, dict[str, int]] = {}
    for row in db.query(_GRADES.format(where=where), params):
        grades.setdefault(row["village_id"], {})[row["grade"]] = row["n"]
    if loans:
        # The whole township: one pass over the table. Through the village
        # index it is a look-up per household in index order, 5x slower at a
        # million households (11 s against 2 s CPU, encrypted).
        scan = "NOT INDEXED" if where == "" else ""
        homes = {r["village_id"]: r for r in db.query(
            _HOUSEHOLD_FIGURES.format(villages=marks, scan=scan), vparams)}
    else:  # a rating changed, the register did not: keep the stored household figures
        homes = {r["village_id"]: r for r in db.query(
            "SELECT village_id, households, borrowing, on_time, loan_balance_fen, overdue_fen "
            f"FROM rating_village_result WHERE campaign_id = :campaign AND village_id IN ({marks})",
            {"campaign": campaign_id, **vparams})}
        missing = [v for v in village_ids if v not in homes]
        if missing:
            _recompute(db, campaign_id, village_ids, loans=True)
            return
    at = utc_now()
    rows = []
    for village_id in village_ids:
        r = ratings.get(village_id, {})
        h = homes.get(village_id, {})
        figures = {
            "households": h.get("households", 0), "rated": r.get("rated", 0),
            "approved": r.get("approved", 0), "vetoed": r.get("vetoed", 0),
            "credit_households": r.get("credit_households", 0),
            "borrowing": h.get("borrowing", 0), "on_time": h.get("on_time", 0),
            "loan_balance_fen": h.get("loan_balance_fen", 0), "overdue_fen": h.get("overdue_fen", 0),
        }
        counts = {g.grade: grades.get(village_id, {}).get(g.grade, 0) for g in scheme.grades}
        rows.append((campaign_id, village_id, figures["households"], figures["rated"],
                     figures["approved"], json.dumps(counts), figures["vetoed"],
                     figures["credit_households"], figures["borrowing"], figures["on_time"],
                     figures["loan_balance_fen"], figures["overdue_fen"],
                     int(village_passes(scheme, figures)), at))
    db.conn.executemany(
        "INSERT OR REPLACE INTO rating_village_result (campaign_id, village_id, households, rated, "
        "approved, grade_counts, vetoed, credit_households, borrowing, on_time, loan_balance_fen, "
        "overdue_fen, is_credit_village, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def recompute_village(db: Database, campaign_id: str, village_id: str, *,
                      loans: bool = False, after_close: bool = False) -> None:
    """After a rating of the village changed. Household and loan figures come
    from the register and are refreshed by ``recompute_campaign`` (campaign
    start, ``rating score``, closing) or with ``loans=True``."""
    _recompute(db, campaign_id, [village_id], loans, after_close)


def recompute_campaign(db: Database, campaign_id: str) -> None:
    _recompute(db, campaign_id, None)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def summary(db: Database, campaign_id: str) -> dict[str, Any]:
    """Per village figures and verdicts, and the township verdict."""
    campaign = _campaign_row(db, campaign_id)
    scheme = scheme_by_id(db, campaign["scheme_id"])
    stored = {r["village_id"]: r for r in db.query(
        "SELECT * FROM rating_village_result WHERE campaign_id = ?", [campaign_id])}
    villages = []
    for place in campaign_villages(db, campaign):
        r = stored.get(place["id"])
        if r is None:
            continue
        grade_counts = json.loads(r["grade_counts"])
        villages.append({
            "village_id": place["id"], "village_code": place["code"], "village_name": place["name"],
            "households": r["households"], "rated": r["rated"], "approved": r["approved"],
            "grades": grade_counts, "vetoed": r["vetoed"],
            "not_credit": r["rated"] - r["credit_households"],
            "credit_households": r["credit_households"],
            "credit_share": _share(r["credit_households"], r["households"]),
            "borrowing": r["borrowing"], "on_time": r["on_time"],
            "on_time_rate": _share(r["on_time"], r["borrowing"]) if r["borrowing"] else 1.0,
            "loan_balance_fen": r["loan_balance_fen"], "overdue_fen": r["overdue_fen"],
            "npl_ratio": _share(r["overdue_fen"], r["loan_balance_fen"]),
            "is_credit_village": bool(r["is_credit_village"]),
        })
    t = scheme.township
    n = len(villages)
    credit_villages = sum(v["is_credit_village"] for v in villages)
    borrowing = sum(v["borrowing"] for v in villages)
    on_time = sum(v["on_time"] for v in villages)
    balance = sum(v["loan_balance_fen"] for v in villages)
    overdue = sum(v["overdue_fen"] for v in villages)
    passes = (n > 0 and _ratio(credit_villages, n) >= _frac(t["min_credit_village_share"])
              and _ratio(on_time, borrowing, Fraction(1)) >= _frac(t["min_on_time_rate"])
              and _ratio(overdue, balance) <= _frac(t["max_npl_ratio"]))
    township = next(db.query("SELECT code, name FROM place WHERE id = ?",
                             [campaign["township_id"]]), {}) if campaign["township_id"] else {}
    households = sum(v["households"] for v in villages)
    credit = sum(v["credit_households"] for v in villages)
    return {
        "campaign_id": campaign["id"], "campaign": campaign["name"],
        "campaign_year": campaign["campaign_year"], "status": campaign["status"],
        "scheme_version": scheme.version,
        "criteria": {"credit_village": {k: float(v) for k, v in scheme.village.items()},
                     "credit_township": {k: float(v) for k, v in scheme.township.items()}},
        "villages": villages,
        "township": {
            "township_code": township.get("code"), "township_name": township.get("name"),
            "villages": n, "credit_villages": credit_villages,
            "credit_village_share": _share(credit_villages, n),
            "households": households, "rated": sum(v["rated"] for v in villages),
            "credit_households": credit, "credit_share": _share(credit, households),
            "grades": {g.grade: sum(v["grades"].get(g.grade, 0) for v in villages)
                       for g in scheme.grades},
            "borrowing": borrowing, "on_time": on_time,
            "on_time_rate": _share(on_time, borrowing) if borrowing else 1.0,
            "loan_balance_fen": balance, "overdue_fen": overdue,
            "npl_ratio": _share(overdue, balance),
            "is_credit_township": passes,
        },
        "organizations": organizations.summary(db, campaign),
    }

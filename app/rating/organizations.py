"""Organizations rated in a campaign and their supervision classes.

New agricultural operators (cooperatives, family farms, agricultural
enterprises) are rated in the same campaign as the households, with the
campaign's organization scheme and through the same steps. Their results do
not count towards credit villages; they put each organization into a
supervision class (``supervision``) that says how it is supervised.
"""

from __future__ import annotations

from typing import Any, Mapping

from sqlite_utils import Database

from app.rating import supervision
from app.rating.scheme import scheme_by_id

_ROWS = (
    "SELECT r.id AS rating_id, r.subject_id, r.village_id, r.status, r.score, r.complete, "
    "r.grade, r.veto, r.version, r.answers, g.name, g.kind, g.uscc, g.legal_rep_name, "
    "p.name AS village_name, p.code AS village_code FROM rating r "
    "JOIN organization g ON g.id = r.subject_id LEFT JOIN place p ON p.id = r.village_id "
    "WHERE r.campaign_id = ? AND r.subject_kind = 'organization'")


def rows(db: Database, campaign_id: str, *, village_id: str | None = None,
         policy: supervision.Policy | None = None) -> list[dict[str, Any]]:
    """The campaign's organizations with score, grade, step and supervision class,
    by village then name."""
    policy = policy or supervision.load(db)
    sql, params = _ROWS, [campaign_id]
    if village_id:
        sql += " AND r.village_id = ?"
        params.append(village_id)
    out = []
    for row in db.query(sql + " ORDER BY p.code, g.name", params):
        row["supervision_class"] = supervision.class_of(policy, row)
        out.append(row)
    return out


def summary(db: Database, campaign: Mapping[str, Any]) -> dict[str, Any]:
    """Counts by grade and class, and every organization's result (a township
    has tens to a few hundred of them)."""
    if not campaign.get("org_scheme_id"):
        return {"rated_in_campaign": False, "organizations": 0, "rated": 0, "grades": {},
                "classes": {}, "vetoed": 0, "list": []}
    scheme = scheme_by_id(db, campaign["org_scheme_id"])
    policy = supervision.load(db)
    listed = rows(db, campaign["id"], policy=policy)
    classes = {c.code: 0 for c in policy.classes}
    grades = {g.grade: 0 for g in scheme.grades}
    for row in listed:
        if row["supervision_class"] in classes:
            classes[row["supervision_class"]] += 1
        if row["grade"] in grades and row["status"] != "removed":
            grades[row["grade"]] += 1
    return {
        "rated_in_campaign": True, "scheme_version": scheme.version,
        "supervision_policy_version": policy.version,
        "organizations": len(listed), "rated": sum(1 for r in listed if r["complete"]),
        "grades": grades, "classes": classes,
        "vetoed": sum(1 for r in listed if r["veto"]),
        "list": [{
            "name": r["name"], "kind": r["kind"], "uscc": r["uscc"],
            "village_code": r["village_code"], "village_name": r["village_name"],
            "status": r["status"], "score": r["score"], "complete": bool(r["complete"]),
            "grade": r["grade"] if r["status"] != "removed" else None, "veto": r["veto"],
            "supervision_class": r["supervision_class"],
        } for r in listed],
    }


def current_result(db: Database, subject_id: str) -> dict[str, Any] | None:
    """An organization's latest rating result with its class and measures (for
    its credit report and forms), or None when it was never rated."""
    row = next(db.query(
        "SELECT r.*, c.name AS campaign_name, c.campaign_year, c.org_scheme_id FROM rating r "
        "JOIN rating_campaign c ON c.id = r.campaign_id WHERE r.subject_id = ? AND "
        "r.subject_kind = 'organization' ORDER BY c.campaign_year DESC, c.created_at DESC LIMIT 1",
        [subject_id]), None)
    if row is None:
        return None
    policy = supervision.load(db)
    code = supervision.class_of(policy, row)
    found = policy.get(code)
    scheme = scheme_by_id(db, row["org_scheme_id"])
    return {
        "campaign": row["campaign_name"], "campaign_year": row["campaign_year"],
        "status": row["status"], "score": row["score"], "complete": bool(row["complete"]),
        "grade": row["grade"] if row["status"] != "removed" else None,
        "grade_label": scheme.grade_label(row["grade"]) if row["grade"] else None,
        "veto": row["veto"], "supervision_class": code,
        "supervision_label": found.label if found else None,
        "measures": list(found.measures) if found else [],
    }


def decided_class(db: Database, subject_id: str) -> dict[str, Any] | None:
    """The supervision class of an organization's newest decided rating (approved,
    plaqued or removed) with its measures — what a credit report may state — or
    None while no rating of it is decided."""
    row = next(db.query(
        "SELECT r.grade, r.veto, r.complete, r.status FROM rating r JOIN rating_campaign c "
        "ON c.id = r.campaign_id WHERE r.subject_id = ? AND r.subject_kind = 'organization' "
        "AND r.status IN ('approved', 'plaqued', 'removed') "
        "ORDER BY c.campaign_year DESC, c.created_at DESC LIMIT 1", [subject_id]), None)
    if row is None:
        return None
    policy = supervision.load(db)
    found = policy.get(supervision.class_of(policy, row))
    if found is None:
        return None
    return {"class": found.code, "label": found.label, "measures": list(found.measures),
            "policy_version": policy.version}

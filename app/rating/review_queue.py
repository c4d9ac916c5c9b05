"""The review queue: households a new negative fact puts up for downgrade or
removal review (new negative credit record, black-list entry, broken
commitment, county list).

Records, letters, the Excel import and the county downlink call
``flag_for_review`` inside their own ChangeSet, so the flag is written in
the same transaction as the fact that raised it. The rating page works the
queue with ``open_flags`` and ``resolve_flag``.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require
from app.i18n import translate
from app.journal import changes
from app.review_flags import flag_for_review  # noqa: F401 - where the areas find it
from app.rating.workflow import WorkflowError, downgrade, remove

FLAG_SOURCES = ("credit_record", "list_entry", "letters", "county_list", "excel_import",
                "loan", "manual")


def source_label(source: str) -> str:
    return {
        "credit_record": translate("Rating", "credit record"),
        "list_entry": translate("Rating", "red/black list"),
        "letters": translate("Rating", "commitment letter"),
        "county_list": translate("Rating", "county list"),
        "excel_import": translate("Rating", "Excel import"),
        "loan": translate("Rating", "overdue loan"),
        "manual": translate("Rating", "entered by hand"),
    }.get(source, source)


def open_flags(db: Database) -> list[dict[str, Any]]:
    """Open flags with the household, its village and its current credit rating."""
    rows = list(db.query(
        "SELECT f.*, coalesce(h.head_name, o.name) AS head_name, "
        "coalesce(h.head_id_number, o.uscc) AS id_number, p.name AS village_name, "
        "(SELECT r.id FROM rating r WHERE r.subject_id = f.subject_id AND r.status IN "
        " ('approved', 'plaqued') AND r.grade IS NOT NULL ORDER BY r.created_at DESC LIMIT 1) "
        "AS rating_id FROM rating_flag f "
        "LEFT JOIN household h ON h.id = f.subject_id "
        "LEFT JOIN organization o ON o.id = f.subject_id "
        "LEFT JOIN place p ON p.id = coalesce(h.village_id, o.village_id) "
        "WHERE f.resolved_at IS NULL ORDER BY f.raised_at"))
    for row in rows:
        row["source_label"] = source_label(row["source"])
        row["grade"] = None
        if row["rating_id"]:
            row["grade"] = db.execute("SELECT grade FROM rating WHERE id = ?",
                                      [row["rating_id"]]).fetchone()[0]
    return rows


def resolve_flag(db: Database, operator_id: str, flag_id: str, *, action: str,
                 reason: str = "", grade: str | None = None) -> None:
    """keep / downgrade / remove the household's current credit rating (dynamic
    management: also a closed campaign's)."""
    require(db, operator_id, "rating.approve")  # keeping a grade is a decision too
    flag = next(db.query("SELECT * FROM rating_flag WHERE id = ?", [flag_id]), None)
    if flag is None or flag["resolved_at"]:
        raise WorkflowError(translate("Rating", "This review item is already dealt with."))
    if action not in ("keep", "downgrade", "remove"):
        raise WorkflowError(translate("Rating", "Choose keep, downgrade or remove."))
    reason = (reason or "").strip() or flag["reason"]
    decided = [r["id"] for r in db.query(
        "SELECT r.id FROM rating r WHERE r.subject_id = ? AND r.grade IS NOT NULL AND "
        "r.status IN ('approved', 'plaqued') ORDER BY r.created_at DESC LIMIT 1",
        [flag["subject_id"]])]
    if action != "keep" and not decided:
        raise WorkflowError(translate("Rating", "The household holds no credit grade to "
                                                "downgrade or remove."))
    for rating_id in decided if action != "keep" else []:
        if action == "remove":
            remove(db, operator_id, rating_id, reason=reason)
        else:
            downgrade(db, operator_id, rating_id, grade=grade or "", reason=reason)
    with changes(db, operator_id) as cs:
        cs.update("rating_flag", flag_id, {"resolved_at": cs.at, "outcome": action})

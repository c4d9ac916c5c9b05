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

from app.i18n import translate
from app.journal import ChangeSet, changes
from app.rating.workflow import WorkflowError, downgrade, remove

FLAG_SOURCES = ("credit_record", "list_entry", "letter", "county", "loan", "manual")


def flag_for_review(db: Database, cs: ChangeSet, subject_id: str, reason: str,
                    source: str) -> None:
    """Queue ``subject_id`` for review; one open flag per subject and reason."""
    reason = (reason or "").strip() or "-"
    open_flag = db.execute(
        "SELECT 1 FROM rating_flag WHERE subject_id = ? AND reason = ? AND resolved_at IS NULL",
        [subject_id, reason]).fetchone()
    if open_flag:
        return
    cs.insert("rating_flag", {
        "subject_id": subject_id, "reason": reason, "source": str(source or "manual"),
        "raised_at": cs.at, "resolved_at": None, "outcome": None,
    })


def open_flags(db: Database) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT f.*, h.head_name, h.village_id FROM rating_flag f "
        "LEFT JOIN household h ON h.id = f.subject_id WHERE f.resolved_at IS NULL "
        "ORDER BY f.raised_at"))


def resolve_flag(db: Database, operator_id: str, flag_id: str, *, action: str,
                 reason: str = "", grade: str | None = None) -> None:
    """keep / downgrade / remove the household's decided rating in open campaigns."""
    flag = next(db.query("SELECT * FROM rating_flag WHERE id = ?", [flag_id]), None)
    if flag is None or flag["resolved_at"]:
        raise WorkflowError(translate("Rating", "This review item is already dealt with."))
    if action not in ("keep", "downgrade", "remove"):
        raise WorkflowError(translate("Rating", "Choose keep, downgrade or remove."))
    reason = (reason or "").strip() or flag["reason"]
    decided = [r["id"] for r in db.query(
        "SELECT r.id FROM rating r JOIN rating_campaign c ON c.id = r.campaign_id "
        "WHERE r.subject_id = ? AND c.status = 'open' AND r.status IN ('approved', 'plaqued')",
        [flag["subject_id"]])]
    if action != "keep" and not decided:
        raise WorkflowError(translate("Rating", "The household has no approved rating in an open "
                                                "campaign to downgrade or remove."))
    for rating_id in decided if action != "keep" else []:
        if action == "remove":
            remove(db, operator_id, rating_id, reason=reason)
        else:
            downgrade(db, operator_id, rating_id, grade=grade or "", reason=reason)
    with changes(db, operator_id) as cs:
        cs.update("rating_flag", flag_id, {"resolved_at": cs.at, "outcome": action})

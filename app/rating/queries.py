"""What other areas ask of rating (the contract in the helper brief).

``subject_ratings`` lists a subject's ratings for reports and detail views;
``flag_for_review`` queues a household for downgrade or removal review when
a new negative fact arrives (records, letters, sync call it inside their own
ChangeSet, so the flag is written in their transaction).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.journal import ChangeSet

FLAG_SOURCES = ("credit_record", "list_entry", "letter", "county", "loan", "manual")


def subject_ratings(db: Database, subject_id: str) -> list[dict[str, Any]]:
    """Newest first: campaign_year, scheme_version, score, grade, status, decided_at
    (plus campaign, veto and rating_id for whoever wants them)."""
    return list(db.query(
        "SELECT c.campaign_year, s.scheme_version, r.score, r.grade, r.status, r.decided_at, "
        "c.name AS campaign, r.veto, r.id AS rating_id "
        "FROM rating r JOIN rating_campaign c ON c.id = r.campaign_id "
        "JOIN rating_scheme s ON s.id = c.scheme_id "
        "WHERE r.subject_id = ? ORDER BY c.campaign_year DESC, c.created_at DESC",
        [subject_id]))


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

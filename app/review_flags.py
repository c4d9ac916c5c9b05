"""Raising a rating review flag (复核标记) when a new negative fact concerns a household.

In the core, not the rating area, because the register itself raises flags
(a newly entered overdue loan) and the core imports no area; the rating
area's review queue (``app.rating.review_queue``) works them.
"""

from __future__ import annotations

from sqlite_utils import Database

from app.journal import ChangeSet


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


def is_credit_household(db: Database, subject_id: str) -> bool:
    """Whether the subject holds a decided credit grade in any campaign."""
    return db.execute("SELECT 1 FROM rating WHERE subject_id = ? AND grade IS NOT NULL AND "
                      "status IN ('approved', 'plaqued')", [subject_id]).fetchone() is not None

"""Raising a rating review flag (复核标记) when a new negative fact concerns a rated subject.

In the core, not the rating area, because the register itself raises flags
(a newly entered overdue loan) and the core imports no area; the rating
area's review queue (``app.rating.review_queue``) works them.

Only a subject that holds a decided credit grade (a credit household, or a
rated organization) can be downgraded or removed, so only such a subject is
queued when a fact arrives by itself (a record, a list entry, a broken
commitment, a county list, an import, a loan). A flag raised by hand
(``source="manual"``) is always queued: the official chose the subject.
"""

from __future__ import annotations

from sqlite_utils import Database

from app.journal import ChangeSet

# Flags an official raises on purpose; every other source is automatic.
MANUAL_SOURCES = ("manual",)


def flag_for_review(db: Database, cs: ChangeSet, subject_id: str, reason: str,
                    source: str) -> bool:
    """Queue ``subject_id`` for review; one open flag per subject and reason.

    An automatic flag (any source but "manual") is raised only for a subject
    with a decided credit grade; returns whether a flag was raised.
    """
    source = str(source or "manual")
    if source not in MANUAL_SOURCES and not is_rated_subject(db, subject_id):
        return False
    reason = (reason or "").strip() or "-"
    open_flag = db.execute(
        "SELECT 1 FROM rating_flag WHERE subject_id = ? AND reason = ? AND resolved_at IS NULL",
        [subject_id, reason]).fetchone()
    if open_flag:
        return False
    cs.insert("rating_flag", {
        "subject_id": subject_id, "reason": reason, "source": source,
        "raised_at": cs.at, "resolved_at": None, "outcome": None,
    })
    return True


def is_rated_subject(db: Database, subject_id: str) -> bool:
    """Whether the subject (household or organization) holds a decided credit
    grade in any campaign: approved or plaqued, not removed."""
    return db.execute("SELECT 1 FROM rating WHERE subject_id = ? AND grade IS NOT NULL AND "
                      "status IN ('approved', 'plaqued')", [subject_id]).fetchone() is not None


# The register's name for it: a household with a decided grade is a credit household.
is_credit_household = is_rated_subject

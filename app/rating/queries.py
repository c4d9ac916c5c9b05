"""A subject's ratings, as credit reports and detail views list them."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


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

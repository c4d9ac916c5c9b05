"""A subject's commitment letters, as credit reports and detail views list them."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def subject_letters(db: Database, subject_id: str) -> list[dict[str, Any]]:
    """A subject's commitment letters, newest first.

    Keys: number, template, status (drafted | printed | signed | void),
    printed_at, signed_at, fulfilment (None | kept | broken), fulfilment_at;
    also id, template_version, letter_type, title, void_reason, credit_record_id.
    """
    return list(db.query("""
        SELECT l.id, l.number, l.template_name AS template, l.status, l.printed_at,
               l.signed_at, l.fulfilment, l.fulfilment_at, t.template_version,
               t.letter_type, t.title, l.void_reason, l.credit_record_id
        FROM commitment_letter l JOIN letter_template t ON t.id = l.template_id
        WHERE l.subject_id = ?
        ORDER BY l.created_at DESC, l.number DESC""", [subject_id]))


def repair_of_letter(db: Database, letter_id: str) -> dict[str, Any] | None:
    """The repair application a credit repair letter belongs to (the records area
    stores the link on the application), with the repaired record's title."""
    rows = list(db.query(
        "SELECT a.id, a.applied_on, a.status, r.title AS record_title "
        "FROM repair_application a JOIN credit_record r ON r.id = a.record_id "
        "WHERE a.letter_id = ?", [letter_id]))
    return rows[0] if rows else None

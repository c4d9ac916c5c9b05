"""Calls into other areas through their contracts, tolerating their absence.

The rating area provides ``app.rating.queries`` (subject_ratings,
flag_for_review) and the letters area ``app.letters.queries``
(subject_letters). Until they exist, records work without them.
"""

from __future__ import annotations

import importlib
from typing import Any


def _function(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def flag_for_review(db, cs, subject_id: str, reason: str, source: str) -> bool:
    """Queue a subject for rating review in ``cs``'s transaction; False if
    the rating area does not offer it."""
    fn = _function("app.rating.queries", "flag_for_review")
    if fn is None:
        return False
    fn(db, cs, subject_id, reason, source)
    return True


def subject_ratings(db, subject_id: str) -> list[dict[str, Any]] | None:
    fn = _function("app.rating.queries", "subject_ratings")
    return None if fn is None else list(fn(db, subject_id))


def subject_letters(db, subject_id: str) -> list[dict[str, Any]] | None:
    fn = _function("app.letters.queries", "subject_letters")
    return None if fn is None else list(fn(db, subject_id))


def label(module: str, name: str, value: Any) -> str:
    """Another area's label for one of its codes, or the code itself."""
    fn = _function(module, name)
    try:
        return fn(value) if fn is not None else ("" if value is None else str(value))
    except Exception:  # noqa: BLE001 - a label must never stop a report
        return "" if value is None else str(value)


def rating_status_label(status: str | None) -> str:
    return label("app.rating.workflow", "status_label", status)


def letter_status_label(status: str | None) -> str:
    return label("app.letters.letter", "status_label", status) if status else ""

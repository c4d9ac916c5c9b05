"""Fulfilment (履约): was the promise kept?

A signed letter is marked kept or broken. A broken promise becomes a
negative credit record (category, severity and publicity period from
``resources/letters/policy.toml``) linked to the letter, written in the same
transaction; the subject is also queued for rating review (the rating
area's review queue), in the same transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import tomllib
from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require, require_letter_village
from app.errors import UserError
from app.i18n import translate
from app.journal import ChangeSet, changes, new_id
from app.letters.letter import get_letter, status_label
from app.legal_rep_links import link_to_legal_rep
from app.rating.review_queue import flag_for_review
from app.resources import resource_path


@functools.lru_cache(maxsize=1)
def policy() -> dict[str, Any]:
    with open(resource_path("letters", "policy.toml"), "rb") as f:
        return tomllib.load(f)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _parse_day(value: Any) -> dt.date:
    if value in (None, ""):
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise UserError(translate("Letters", "{value} is not a date; write it as 2026-03-15.")
                        .format(value=value)) from None


def record_fulfilment(db: Database, operator_id: str, letter_id: str, outcome: str, *,
                      note: str = "", on: Any = None) -> dict[str, Any]:
    """Mark a signed letter kept or broken (a broken one leaves a negative record)."""
    require(db, operator_id, "letters.manage")
    require_letter_village(db, operator_id, letter_id)
    if outcome not in ("kept", "broken"):
        raise ValueError(outcome)
    day = _parse_day(on)
    note = (note or "").strip()
    if outcome == "broken" and not note:
        raise UserError(translate("Letters", "Say how the promise was broken (e.g. loan overdue "
                                             "since 2026-03-01)."))
    with changes(db, operator_id) as cs:
        letter = get_letter(db, letter_id)
        if letter["status"] != "signed":
            raise UserError(translate(
                "Letters", "Letter {number} is {status}; only a signed letter can be kept or "
                           "broken.").format(number=letter["number"],
                                             status=status_label(letter["status"])))
        if letter["fulfilment"]:
            raise UserError(translate("Letters", "Letter {number} is already marked {outcome}.")
                            .format(number=letter["number"],
                                    outcome=status_label(letter["fulfilment"])))
        update = {"fulfilment": outcome, "fulfilment_at": day.isoformat(),
                  "fulfilment_note": note or None}
        if outcome == "broken":
            update["credit_record_id"] = broken_promise_record(cs, letter, note, day)
        cs.update("commitment_letter", letter_id, update)
    return get_letter(db, letter_id)


def broken_promise_record(cs: ChangeSet, letter: dict[str, Any], note: str,
                          day: dt.date) -> str:
    """Insert the negative credit record of a broken promise; returns its id."""
    rule = policy()["broken_promise"]
    values = letter["values"]
    record_id = new_id()
    title = translate("Letters", "Broken commitment: {title}").format(
        title=letter["template_title"])
    cs.insert("credit_record", {
        "id": record_id, "subject_id": letter["subject_id"], "category": rule["category"],
        "polarity": "negative", "severity": rule["severity"],
        "title": title,
        "content": note,
        "source_department": values.get("issuer") or None,
        "document_number": letter["number"],
        "decision_date": day.isoformat(),
        "publicity_end": _add_months(day, int(rule["publicity_months"])).isoformat(),
        "status": "public", "details": "{}", "letter_id": letter["id"],
    })
    # An organization's broken promise reaches its legal representative too.
    link_to_legal_rep(cs, source_kind="credit_record", source_id=record_id,
                      subject_id=letter["subject_id"], title=title,
                      decided_on=day.isoformat())
    if rule.get("flag_for_review", True):
        flag_for_review(cs.db, cs, letter["subject_id"], translate(
            "Letters", "Broke commitment letter {number}: {note}").format(
            number=letter["number"], note=note), "letters")
    return record_id

"""The entity rules over a stored row, as the county sends it in a correction.

A county correction carries whole stored rows (fen, hundredths of a mu, ISO
dates). They are checked by the same rules as a form or an import row, so a
name the form refuses is refused from the county too; what the rules clean
(a 15-digit ID number, spaces in a name) is stored as the form would store it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from app.errors import FieldError
from app.rules import Checked
from app import credit_policy
from app.rules import credit_record, household, member, organization


def _record_check(values: Mapping[str, Any], *, today: dt.date | None = None):
    # The shipped catalogue: a correction is checked where no register is at hand.
    return credit_record.check(values, credit_policy.load(), today=today)


_ENTITIES = {
    "household": (household.check, household.stored_as_typed),
    "household_member": (member.check, member.stored_as_typed),
    "organization": (organization.check, organization.stored_as_typed),
    "credit_record": (_record_check, credit_record.stored_as_typed),
}


def check_stored(entity: str, row: Mapping[str, Any], *, today: dt.date | None = None
                 ) -> Checked | None:
    """The rules' verdict on a stored row; None for entities without rules here."""
    rules = _ENTITIES.get(entity)
    if rules is None or row is None:
        return None
    check, as_typed = rules
    return check(as_typed(row), today=today)


def correction(entity: str, row: Mapping[str, Any] | None, *, today: dt.date | None = None
               ) -> tuple[dict[str, Any] | None, list[str]]:
    """(row to store, reasons it is refused): the row with the rules' clean values."""
    if row is None:
        return row, []
    checked = check_stored(entity, row, today=today)
    if checked is None:
        return dict(row), []
    if checked.problems:
        return None, [str(FieldError(field, message)) for field, message in checked.problems]
    return {**row, **{k: v for k, v in checked.row.items() if k in row}}, []

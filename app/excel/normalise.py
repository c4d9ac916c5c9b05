"""Cells as a spreadsheet holds them, to the values the rules take.

The import converts cells here and nothing more: spreadsheet numbers to text
where the text is what counts, ID numbers that a spreadsheet turned into
numbers (and so lost their last digits: refused, never guessed), names
without spaces for looking up places. Whether a value is acceptable is
decided by ``app.rules``, the same rules the edit forms use.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from app.i18n import translate
from app.identity import IdNumber
from app.rules import fields as F
from app.rules.fields import RuleError as CellError

__all__ = ["CellError", "blank", "text", "compact", "code", "id_cell", "id_number"]

_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")


def blank(value: Any) -> bool:
    if value is None or value == "":
        return True
    return type(value) is str and not value.strip(" \t\r\n\u3000\u00a0\u200b\ufeff")


def text(value: Any) -> str:
    """Text for display and look-ups: trimmed, inner runs of spaces made one."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return " ".join(_SPACES.split(unicodedata.normalize("NFC", str(value)))).strip()


def compact(value: Any) -> str:
    """Place names for look-ups: no spaces at all (新华 村 -> 新华村)."""
    return _SPACES.sub("", unicodedata.normalize("NFC", str(value))) if value is not None else ""


def code(value: Any) -> str:
    """Codes typed as text: full-width to ASCII, no spaces, upper case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(value))).replace("-", "").upper()


def _stored_as_number() -> CellError:
    return CellError(translate(
        "Excel", "The ID number is stored as a number, so the spreadsheet has lost its last "
                 "digits. Set the column's format to Text and type the number again from the "
                 "card or the household register; it is not guessed."))


def id_cell(value: Any) -> Any:
    """An ID number cell as text; a number that lost digits raises."""
    if isinstance(value, bool):
        raise _stored_as_number()
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise _stored_as_number()
        digits = str(int(value))
        if len(digits) != 15:   # a 15-digit number is exact in a double; longer ones are not
            raise _stored_as_number()
        return digits
    if type(value) is str and ("e" in value or "E" in value) \
            and _SCIENTIFIC.match(value.strip()):
        raise _stored_as_number()
    return value


def id_number(value: Any, *, today: dt.date) -> IdNumber:
    return F.id_number(id_cell(value), today=today)

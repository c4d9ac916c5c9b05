"""Money in whole fen and land in hundredths of a mu: exact, never floats."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from app.i18n import translate


class UnitError(ValueError):
    pass


_MONEY_UNITS = {"元": 100, "万元": 1_000_000, "万": 1_000_000, "": 100}
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(万元|万|元)?$")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").replace(" ", "")
    return text.replace("￥", "").replace("¥", "")


def parse_money(value, *, default_unit: str = "元") -> int:
    """'1,234.5', '3.5万元', 1234 -> fen. Rejects fractions of a fen."""
    if value is None or value == "":
        return 0
    if isinstance(value, int):
        return value * _MONEY_UNITS[default_unit]
    text = _normalise(value)
    match = _NUMBER.match(text)
    if not match:
        raise UnitError(translate("Units", "'{value}' is not an amount of money (e.g. 12000 or 1.2万元).")
                        .format(value=value))
    unit = match.group(2) or default_unit
    amount = Decimal(match.group(1)) * _MONEY_UNITS[unit]
    if amount != amount.to_integral_value():
        raise UnitError(translate("Units", "'{value}' has fractions of a fen.").format(value=value))
    if amount < 0:
        raise UnitError(translate("Units", "'{value}' is negative.").format(value=value))
    return int(amount)


def format_yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    yuan, cents = divmod(abs(int(fen)), 100)
    sign = "-" if fen < 0 else ""
    return f"{sign}{yuan:,}" + (f".{cents:02d}" if cents else "")


_AREA = re.compile(r"^(\d+(?:\.\d+)?)\s*(亩)?$")


def parse_mu(value) -> int:
    """'3.25', '3.25亩' -> 325 (hundredths of a mu)."""
    if value is None or value == "":
        return 0
    if isinstance(value, int):
        return value * 100
    text = _normalise(value)
    match = _AREA.match(text)
    if not match:
        raise UnitError(translate("Units", "'{value}' is not an area in mu (e.g. 3.5).").format(value=value))
    try:
        amount = Decimal(match.group(1)) * 100
    except InvalidOperation:  # pragma: no cover - regex guarantees a number
        raise UnitError(value) from None
    if amount != amount.to_integral_value():
        raise UnitError(translate("Units", "'{value}': give the area to at most two decimals.")
                        .format(value=value))
    return int(amount)


def format_mu(centimu: int | None) -> str:
    if centimu is None:
        return ""
    whole, frac = divmod(int(centimu), 100)
    if not frac:
        return str(whole)
    return f"{whole}.{frac:02d}".rstrip("0")


def local_time(value, *, seconds: bool = False) -> str:
    """A stored UTC time ('2026-11-30T08:15:00.000000Z') as the computer's local time
    ('2026-11-30 16:15'): people read the clock on the wall, never UTC. Text that is not
    a UTC time comes back as it was, shortened the same way."""
    import datetime as dt

    text = str(value or "")
    width = 19 if seconds else 16
    if not text:
        return ""
    try:
        moment = dt.datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return text.replace("T", " ")[:width]
    if not text.endswith("Z") and "+00:00" not in text:
        return text.replace("T", " ")[:width]
    local = moment.replace(tzinfo=dt.timezone.utc).astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")

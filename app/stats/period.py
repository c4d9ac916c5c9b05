"""The month or year a report covers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from app.errors import UserError
from app.i18n import translate


class Period(NamedTuple):
    kind: str  # "month" or "year"
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.kind == "year":
            return translate("Stats", "{year}").format(year=self.start.year)
        return translate("Stats", "{year}-{month:02d}").format(year=self.start.year,
                                                              month=self.start.month)

    @property
    def title(self) -> str:
        """As printed: 2026年12月 / 2026年."""
        if self.kind == "year":
            return f"{self.start.year}年"
        return f"{self.start.year}年{self.start.month}月"

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "label": self.label, "start": self.start.isoformat(),
                "end": self.end.isoformat()}


def month(year: int, number: int) -> Period:
    return Period("month", dt.date(year, number, 1),
                  dt.date(year, number, calendar.monthrange(year, number)[1]))


def year(number: int) -> Period:
    return Period("year", dt.date(number, 1, 1), dt.date(number, 12, 31))


def parse(month_text: str | None = None, year_text: str | int | None = None,
          today: dt.date | None = None) -> Period:
    """``--month YYYY-MM`` or ``--year YYYY``; neither: the current month."""
    if month_text:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})", month_text.strip())
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise UserError(translate("Stats", "The month {text!r} is not a month: write it as "
                                               "YYYY-MM, e.g. 2026-11.").format(text=month_text))
        return month(int(found.group(1)), int(found.group(2)))
    if year_text:
        text = str(year_text).strip()
        if not re.fullmatch(r"\d{4}", text):
            raise UserError(translate("Stats", "The year {text!r} is not a year: write four "
                                               "digits, e.g. 2026.").format(text=year_text))
        return year(int(text))
    day = today or dt.date.today()
    return month(day.year, day.month)

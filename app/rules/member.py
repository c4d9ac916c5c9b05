"""Household member rules: a person of the household other than its head."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from app.rules import Checked
from app.rules import fields as F
from app.rules.household import check_person


def check(values: Mapping[str, Any], *, today: dt.date | None = None) -> Checked:
    out = Checked()
    check_person(out, values, today=today or dt.date.today())
    relation = out.take("relation", F.relation, values.get("relation"), blank="other")
    out.row["relation"] = "other" if relation in (None, "head") else relation
    return out


def stored_as_typed(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("name", "relation", "sex", "birth_date", "id_number")}

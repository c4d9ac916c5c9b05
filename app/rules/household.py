"""Household rules: the head of household and the household's facts.

Keys of ``values`` are the fields people fill (head_name, land_area,
annual_income …); the row has the stored columns (land_area_centimu,
annual_income_fen …). Village, group and duplicate ID numbers are checked by
the caller against the register.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Mapping

from app.i18n import translate
from app.rules import Checked
from app.rules import fields as F

MONEY_FIELDS = ("annual_income", "assets", "loan_balance", "overdue")
_MONEY_COLUMNS = tuple((key, f"{key}_fen") for key in MONEY_FIELDS)


@functools.lru_cache(maxsize=None)
def _person_fields(prefix: str, name_key: str) -> tuple[str, str, str, str]:
    """Field names made once, not four new strings for every row of a roster."""
    return prefix + name_key, prefix + "sex", prefix + "birth_date", prefix + "id_number"


def check_person(out: Checked, values: Mapping[str, Any], *, today: dt.date, prefix: str = "",
                 name_key: str = "name", require_id: bool = False) -> None:
    """Name, sex, birth date and ID number of one person, agreeing with each other.

    ``prefix`` names the fields (``head_`` for the head of household); the
    ID number's sex and birth date win over typed ones, which must agree.
    """
    name_field, sex_field, birth_field, id_field = _person_fields(prefix, name_key)
    row = out.row
    row[name_field] = out.take(name_field, F.person_name, values.get(name_field)) or \
        F.as_text(values.get(name_field)).strip()
    raw_sex, raw_birth = values.get(sex_field), values.get(birth_field)
    typed_sex = None if raw_sex is None or raw_sex == "" else out.take(sex_field, F.sex, raw_sex)
    typed_birth = None if raw_birth is None or raw_birth == "" else \
        out.take(birth_field, F.date, raw_birth)
    row[sex_field] = typed_sex
    row[birth_field] = typed_birth.isoformat() if typed_birth else None
    row[id_field] = None
    raw_id = values.get(id_field)
    if raw_id is None or F.as_text(raw_id).strip() == "":
        if require_id:
            out.refuse(id_field, translate("Rules", "The ID number is missing."))
        return
    info = out.take(id_field, F.id_number, raw_id, today=today)
    if info is None:
        return
    row[id_field] = info.number
    row[sex_field] = info.sex
    row[birth_field] = info.birth_date.isoformat()
    # Only a typed value that differs can disagree (most rows: none typed, or equal).
    if typed_sex and typed_sex != info.sex:
        out.take(sex_field, F.id_agrees, info, sex=typed_sex)
    if typed_birth and typed_birth != info.birth_date:
        out.take(birth_field, F.id_agrees, info, birth_date=typed_birth)
    if info.converted_from_15:
        out.warnings.append(translate("Rules", "The 15-digit ID number was converted to {n}.")
                            .format(n=info.number))


# Fields without a rule across fields: (field, stored column, rule, value when blank).
_OPTIONAL = (("phone", "phone", F.phone, None), ("address", "address", F.address, None),
             ("land_area", "land_area_centimu", F.area, 0),
             ("main_industry", "main_industry", F.optional_text, None),
             ("note", "note", F.optional_text, None))


def check(values: Mapping[str, Any], *, today: dt.date | None = None,
          units: Mapping[str, str | None] | None = None, require_id: bool = True,
          members_default: int | None = 1) -> Checked:
    """Every rule of a household as typed; ``units``: 元 or 万元 per money field."""
    today = today or dt.date.today()
    units = units or {}
    out = Checked()
    row = out.row
    check_person(out, values, today=today, prefix="head_", require_id=require_id)
    for key, column, rule, blank in _OPTIONAL:
        value = values.get(key)
        if value is None or value == "":  # most cells of a roster: no rule to run
            row[column] = blank
        else:
            found = out.take(key, rule, value)
            row[column] = blank if found is None else found
    members = out.take("members", F.count, values.get("members"), default=members_default,
                       minimum=1)
    row["members"] = members if members is not None else members_default
    labor = out.take("labor", F.count, values.get("labor"))
    row["labor"] = labor or 0
    if row["members"] is not None and row["labor"] > row["members"] \
            and not any(f in ("members", "labor") for f, _ in out.problems):
        out.refuse("labor", translate(
            "Rules", "The labour force cannot exceed the number of family members."))
    for key, column in _MONEY_COLUMNS:
        value = values.get(key)
        row[column] = 0 if value is None or value == "" else \
            out.take(key, F.money, value, units.get(key)) or 0
    if row["overdue_fen"] > row["loan_balance_fen"] \
            and not any(f in ("overdue", "loan_balance") for f, _ in out.problems):
        out.refuse("overdue", translate(
            "Rules", "The overdue amount is part of the loan balance and cannot exceed it."))
    return out


def stored_as_typed(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored household row (a county correction) as the fields the rules check."""
    from app.units import format_mu

    values = {k: row.get(k) for k in (
        "head_name", "head_sex", "head_id_number", "head_birth_date", "phone", "address",
        "members", "labor", "main_industry", "note")}
    values["land_area"] = format_mu(row["land_area_centimu"]) \
        if isinstance(row.get("land_area_centimu"), int) else row.get("land_area_centimu")
    for key in MONEY_FIELDS:
        fen = row.get(f"{key}_fen")
        values[key] = F.stored_yuan(fen)
    return values

"""Household rules: the head of household and the household's facts.

Keys of ``values`` are the fields people fill (head_name, land_area,
annual_income …); the row has the stored columns (land_area_centimu,
annual_income_fen …). Village, group and duplicate ID numbers are checked by
the caller against the register.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Collection, Mapping

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


_UNSEEN = object()
_REFUSED = object()
MEMO_LIMIT = 20_000   # values remembered per field: a roster's few distinct values, bounded


class Batch:
    """``check`` for many rows of one kind (an import), remembering what each
    field's rule made of a cell value it has seen.

    A roster of 100,000 households has a few hundred distinct values in most
    columns (sex, members, labour, land, industry, income, loan) and every
    rule is pure, so each value is checked once. ``row(values)`` gives the
    row ``check`` would store when every rule passes and nothing disagrees;
    otherwise None, and the caller runs ``check`` (or ``check_person``),
    which says what is wrong: the messages come from one place only.
    A batch is made per import (the date and units are fixed within one).
    """

    def __init__(self, *, today: dt.date, units: Mapping[str, str | None] | None = None,
                 require_id: bool = True, members_default: int | None = 1,
                 prefix: str = "head_", name_key: str = "name",
                 fields: Collection[str] | None = None):
        """``fields``: the only fields any ``values`` will have (a sheet's mapped
        columns); the others are blank on every row, so not looked at."""
        present = None if fields is None else frozenset(fields)
        units = units or {}
        self.today = today
        self.require_id = require_id
        self.person_fields = _person_fields(prefix, name_key)

        def members(value: Any) -> int | None:
            found = F.count(value, default=members_default, minimum=1)
            return members_default if found is None else found

        def labor(value: Any) -> int:
            return F.count(value) or 0

        def optional(rule, blank):
            def stored(value: Any) -> Any:
                found = rule(value)
                return blank if found is None else found
            return stored

        def money(unit):
            return lambda value: F.money(value, unit) or 0

        # (field, stored column, value when blank, rule giving the stored value,
        # what it made of each value seen) in the order ``check`` fills the row.
        # Phone numbers are each different: nothing to remember.
        specs = [(key, column, blank, optional(rule, blank)) for key, column, rule, blank
                 in _OPTIONAL]
        specs += [("members", "members", members_default, members),
                  ("labor", "labor", 0, labor)]
        specs += [(key, column, 0, money(units.get(key))) for key, column in _MONEY_COLUMNS]
        # A row starts as a copy of this: every column in check's order, blank.
        self.blank_row = dict.fromkeys(self.person_fields)
        self.blank_row.update((column, blank) for _, column, blank, _ in specs)
        self.fields = tuple((key, column, blank, rule, None if key == "phone" else {"": blank})
                            for key, column, blank, rule in specs
                            if present is None or key in present)
        self.memos = {"sex": {}, "date": {}}

    @staticmethod
    def _key(value: Any) -> Any:
        # Text and floats (what spreadsheet cells mostly are) as themselves;
        # anything else with its type, as 1, 1.0 and True are one key of a dict.
        kind = type(value)
        return value if kind is str or kind is float else (kind, value)

    def _remembered(self, memo: dict, rule, value: Any) -> Any:
        """``rule(value)``, once per distinct value; _REFUSED if the rule refuses it."""
        key = self._key(value)
        found = memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            try:
                found = rule(value)
            except F.RuleError:
                found = _REFUSED
            if len(memo) < MEMO_LIMIT:
                memo[key] = found
        return found

    def person(self, values: Mapping[str, Any], require_id: bool | None = None
               ) -> dict[str, Any] | None:
        """``check_person``'s row, or None where it would find a problem or warn."""
        row = dict.fromkeys(self.person_fields)
        return row if self._person(row, values, require_id) else None

    def _person(self, row: dict[str, Any], values: Mapping[str, Any],
                require_id: bool | None = None) -> bool:
        """``check_person`` into ``row``; False where it would find a problem or warn."""
        name_field, sex_field, birth_field, id_field = self.person_fields
        get = values.get
        try:
            row[name_field] = F.person_name(get(name_field))
        except F.RuleError:
            return False
        raw_sex, raw_birth, raw_id = get(sex_field), get(birth_field), get(id_field)
        typed_sex = typed_birth = None
        if raw_sex is not None and raw_sex != "":
            typed_sex = self.memos["sex"].get(raw_sex, _UNSEEN) if type(raw_sex) is str \
                else _UNSEEN
            if typed_sex is _UNSEEN:
                typed_sex = self._remembered(self.memos["sex"], F.sex, raw_sex)
            if typed_sex is _REFUSED:
                return False
        if raw_birth is not None and raw_birth != "":
            typed_birth = self._remembered(self.memos["date"], F.date, raw_birth)
            if typed_birth is _REFUSED:
                return False
        plain = F.plain_id_number(raw_id, self.today)
        if plain is not None:
            number, born, sex = plain
        elif raw_id is None or F.as_text(raw_id).strip() == "":
            if self.require_id if require_id is None else require_id:
                return False
            row[sex_field] = typed_sex
            row[birth_field] = typed_birth.isoformat() if typed_birth else None
            return True
        else:
            try:
                info = F.id_number(raw_id, today=self.today)
            except F.RuleError:
                return False
            if info.converted_from_15:
                return False
            number, born, sex = info.number, info.birth_date, info.sex
        if (typed_sex and typed_sex != sex) or (typed_birth and typed_birth != born):
            return False
        row[sex_field] = sex
        row[birth_field] = born.isoformat()
        row[id_field] = number
        return True

    def row(self, values: Mapping[str, Any]) -> dict[str, Any] | None:
        """``check(values).row`` when it has no problem and no warning; else None."""
        row = self.blank_row.copy()
        if not self._person(row, values):
            return None
        get = values.get
        for key, column, blank, rule, memo in self.fields:
            value = get(key)
            if value is None:
                continue   # blank, as the row began
            if memo is None:
                if value == "":
                    continue
                try:
                    found = rule(value)
                except F.RuleError:
                    return None
            else:
                kind = type(value)
                found = memo.get(value if kind is str or kind is float else (kind, value),
                                 _UNSEEN)
                if found is _UNSEEN:
                    found = self._remembered(memo, rule, value)
                if found is _REFUSED:
                    return None
            row[column] = found
        if (row["members"] is not None and row["labor"] > row["members"]) \
                or row["overdue_fen"] > row["loan_balance_fen"]:
            return None
        return row


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

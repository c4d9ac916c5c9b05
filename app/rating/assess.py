"""Household assessment: answers + automatic inputs -> score, grade, veto.

``score`` computes one household in Python (the workspace shows it live as
the official types). ``scored_select`` compiles the same scheme into SQL so
a whole campaign is scored inside SQLite; tests check both agree. A rating
stores the answers, a snapshot of the automatic inputs, the points per
indicator, the score, whether every manual indicator is answered, the grade
(none while incomplete, vetoed or below the lowest band) and the veto reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

from app.errors import UserError
from app.i18n import translate
from app.rating.scheme import Indicator, Scheme

VETO_PREFIX = "veto:"


@dataclass
class Result:
    score: Decimal
    complete: bool
    grade: str | None
    vetoes: list[str]  # veto item names that apply
    breakdown: dict[str, Decimal | None]
    missing: list[str] = field(default_factory=list)  # unanswered manual indicator keys

    @property
    def veto(self) -> str | None:
        return "；".join(self.vetoes) or None


def _band_points(indicator: Indicator, value: Decimal) -> Decimal:
    points = Decimal(0)
    for band in indicator.bands:
        if value >= band.at_least:
            points = band.points
    return points


def indicator_points(indicator: Indicator, answers: Mapping[str, Any],
                     inputs: Mapping[str, int]) -> Decimal | None:
    if indicator.automatic:
        raw = inputs.get(indicator.source, 0) or 0
        return _band_points(indicator, Decimal(int(raw)) / indicator.scale)
    answer = answers.get(indicator.key)
    if answer is None or answer == "":
        return None
    if indicator.options:
        for option in indicator.options:
            if option.key == answer:
                return option.points
        return None
    return _band_points(indicator, Decimal(str(answer)))


def score(scheme: Scheme, answers: Mapping[str, Any], inputs: Mapping[str, int]) -> Result:
    breakdown: dict[str, Decimal | None] = {}
    missing = []
    total = Decimal(0)
    for indicator in scheme.indicators:
        points = indicator_points(indicator, answers, inputs)
        breakdown[indicator.key] = points
        if points is None:
            missing.append(indicator.key)
        else:
            total += points
    vetoes = []
    for veto in scheme.vetoes:
        hit = bool(inputs.get(veto.source)) if veto.automatic else bool(
            answers.get(VETO_PREFIX + veto.key))
        if hit:
            vetoes.append(veto.name)
    total = round(total, 2)
    complete = not missing
    grade = scheme.grade_for(total) if complete and not vetoes else None
    return Result(total, complete, grade, vetoes, breakdown, missing)


def clean_answers(scheme: Scheme, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers checked against the scheme; blank answers dropped."""
    out: dict[str, Any] = {}
    vetoes = {VETO_PREFIX + v.key: v for v in scheme.vetoes if not v.automatic}
    manual = {i.key: i for i in scheme.manual_indicators}
    for key, value in answers.items():
        if key in vetoes:
            if value:
                out[key] = True
            continue
        indicator = manual.get(key)
        if indicator is None:
            raise UserError(translate("Rating", "'{key}' is not a question of scheme {version}.")
                            .format(key=key, version=scheme.version))
        if value is None or value == "":
            continue
        if indicator.options:
            if value not in {o.key for o in indicator.options}:
                raise UserError(translate("Rating", "{name}: choose one of {options}.").format(
                    name=indicator.name, options="、".join(o.label for o in indicator.options)))
            out[key] = value
        else:
            try:
                number = Decimal(str(value))
            except Exception:  # noqa: BLE001 - any unparsable text
                raise UserError(translate("Rating", "{name}: enter a number.").format(
                    name=indicator.name)) from None
            out[key] = int(number) if number == number.to_integral_value() else float(number)
    return out


def to_json(value: Mapping[str, Any]) -> str:
    def plain(v):
        if isinstance(v, Decimal):
            return int(v) if v == v.to_integral_value() else float(v)
        return v
    return json.dumps({k: plain(v) for k, v in value.items()}, ensure_ascii=False, sort_keys=True)


def stored_fields(result: Result, inputs: Mapping[str, int]) -> dict[str, Any]:
    return {
        "inputs": to_json(inputs),
        "breakdown": to_json(result.breakdown),
        "score": float(result.score),
        "complete": int(result.complete),
        "grade": result.grade,
        "veto": result.veto,
    }


# ---------------------------------------------------------------- in SQL

def _lit(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _answer(key: str) -> str:
    path = _quote('$."' + key + '"')
    return f"json_extract(b.answers, {path})"


def _indicator_sql(indicator: Indicator) -> str:
    if indicator.options:
        whens = " ".join(f"WHEN {_quote(o.key)} THEN {_lit(o.points)}" for o in indicator.options)
        return f"(CASE {_answer(indicator.key)} {whens} ELSE NULL END)"
    if indicator.automatic:
        value = f"coalesce(b.[{indicator.source}], 0)"
        limit = lambda band: _lit(band.at_least * indicator.scale)  # noqa: E731
    else:
        value = _answer(indicator.key)
        limit = lambda band: _lit(band.at_least)  # noqa: E731
    whens = " ".join(f"WHEN {value} >= {limit(b)} THEN {_lit(b.points)}"
                     for b in reversed(indicator.bands))
    null = f"WHEN {value} IS NULL THEN NULL " if not indicator.automatic else ""
    return f"(CASE {null}{whens} ELSE 0 END)"


def scored_select(scheme: Scheme, base_sql: str) -> str:
    """SQL yielding id, village_id, answers, inputs, breakdown, score, complete,
    grade, veto for every row of ``base_sql`` (which must yield id, village_id,
    answers and one column per source of the scheme)."""
    points = ", ".join(f"{_indicator_sql(i)} AS [p:{i.key}]" for i in scheme.indicators)
    veto_parts = []
    for veto in scheme.vetoes:
        cond = (f"coalesce(b.[{veto.source}], 0) > 0" if veto.automatic
                else f"coalesce({_answer(VETO_PREFIX + veto.key)}, 0) = 1")
        veto_parts.append(f"(CASE WHEN {cond} THEN {_quote(veto.name + '；')} ELSE '' END)")
    veto = (f"nullif(rtrim({' || '.join(veto_parts)}, '；'), '')" if veto_parts else "NULL")
    sources = scheme.sources
    inputs = "json_object(" + ", ".join(
        f"{_quote(s)}, coalesce(b.[{s}], 0)" for s in sources) + ")" if sources else "'{}'"
    # The base rows are MATERIALIZED: otherwise SQLite flattens the subqueries
    # and inlines the answers and the correlated source lookups wherever they
    # are referenced (dozens of times per household). The cheap CASE layers
    # above are faster inlined than copied (measured: 106 vs 159 ms / 5,000).
    inner = (f"SELECT b.id, b.village_id, b.answers, {inputs} AS inputs, {points}, {veto} AS veto "
             "FROM b")
    total = " + ".join(f"coalesce(m.[p:{i.key}], 0)" for i in scheme.indicators)
    manual = [i for i in scheme.indicators if not i.automatic]
    complete = " AND ".join(f"m.[p:{i.key}] IS NOT NULL" for i in manual) or "1"
    breakdown = "json_object(" + ", ".join(
        f"{_quote(i.key)}, m.[p:{i.key}]" for i in scheme.indicators) + ")"
    middle = (f"SELECT m.id, m.village_id, m.answers, m.inputs, m.veto, {breakdown} AS breakdown, "
              f"round({total}, 2) AS score, ({complete}) AS complete FROM m")
    whens = " ".join(f"WHEN o.score >= {_lit(g.min)} THEN {_quote(g.grade)}" for g in scheme.grades)
    return (f"WITH b AS MATERIALIZED ({base_sql}), m AS ({inner}), "
            f"o AS ({middle}) "
            f"SELECT o.id, o.village_id, o.answers, o.inputs, o.breakdown, o.score, o.complete, "
            f"CASE WHEN o.veto IS NOT NULL OR o.complete = 0 THEN NULL {whens} ELSE NULL END "
            f"AS grade, o.veto FROM o")

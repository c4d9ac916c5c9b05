"""The credit information policy: catalogue, periods, deadlines, measures.

Shipped defaults are ``resources/policies/credit.toml``. An administrator's
edited copy is kept in the register (setting ``records.policy``, the whole
TOML text) so that it travels with the register and is versioned there; it
overrides the shipped file. Nothing here is a literal in code.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import tomllib
from typing import Any

from sqlite_utils import Database

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.resources import resource_path

SETTING_KEY = "records.policy"
STATUSES = ("public", "repaired", "revoked", "disputed", "expired")
POLARITIES = ("positive", "negative", "neutral")
SEVERITIES = ("minor", "general", "serious")
LIST_KINDS = ("red_list", "black_list", "dishonest_judgment_debtor")


@functools.lru_cache(maxsize=8)
def _parse(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(translate("Records", "The credit policy is not valid TOML: {error}. "
                                             "Correct it or restore the shipped file.")
                        .format(error=exc)) from exc


def shipped_text() -> str:
    return resource_path("policies", "credit.toml").read_text(encoding="utf-8")


def load(db: Database | None = None, on: dt.date | None = None) -> dict[str, Any]:
    """The policy in force ``on`` (today): the administrator's or shipped text with
    the county's updates laid over it, in their version order, from their
    effective dates."""
    text = settings.get(db, SETTING_KEY) if db is not None else None
    base = _parse(text or shipped_text())
    if db is None:
        return base
    applied = [u for u in county_updates(db) if u["effective_from"] <= (on or today()).isoformat()]
    if not applied:
        return base
    merged = _overlay(base, {})
    for update in reversed(applied):  # oldest version first, the newest wins
        merged = _overlay(merged, update["content"])
    merged["county_version"] = applied[0]["version"]
    return merged


def in_force(db: Database, on: dt.date | None = None) -> dict[str, Any]:
    """Which policy version rules deadlines set ``on`` (today): the newest county
    update in force (by version order), else the local or shipped text. The
    ``label`` (e.g. "county 2026.10") is what a deadline is pinned to."""
    day = (on or today()).isoformat()
    applied = [u for u in county_updates(db) if u["effective_from"] <= day]
    local = settings.get(db, SETTING_KEY)
    base = _parse(local or shipped_text())
    if applied:
        return {"source": "county", "version": applied[0]["version"],
                "effective_from": applied[0]["effective_from"],
                "label": f"county {applied[0]['version']}", "base_version": base.get("version")}
    source = "local" if local else "shipped"
    return {"source": source, "version": base.get("version"), "effective_from": None,
            "label": f"{source} {base.get('version')}", "base_version": base.get("version")}


def provenance(db: Database, on: dt.date | None = None) -> dict[str, dict[str, Any]]:
    """Where each value in force came from: {"objection.deadline_days": {"value": 15,
    "source": "county", "version": "2026.10", "effective_from": "..."}, ...} for
    every leaf value (lists count as one value)."""
    day = (on or today()).isoformat()
    local = settings.get(db, SETTING_KEY)
    base = _parse(local or shipped_text())
    origin = {"source": "local" if local else "shipped", "version": base.get("version"),
              "effective_from": None}
    out: dict[str, dict[str, Any]] = {}

    def walk(tree: dict[str, Any], prefix: str, source: dict[str, Any]) -> None:
        for key, value in tree.items():
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(value, path + ".", source)
            else:
                out[path] = {"value": value, **source}

    walk({k: v for k, v in base.items() if k not in ("category", "version")}, "", origin)
    applied = [u for u in county_updates(db) if u["effective_from"] <= day]
    for update in reversed(applied):  # oldest version first, the newest wins
        walk(update["content"], "", {"source": "county", "version": update["version"],
                                     "effective_from": update["effective_from"]})
    return out


def version_key(version: str) -> tuple[int, ...]:
    """'2026.10' -> (2026, 10): versions compare by their numbers, so 2026.10 is
    newer than 2026.9 whatever order they arrived in."""
    return tuple(int(part) if part.isdigit() else 0 for part in str(version).split("."))


def county_updates(db: Database, name: str = "credit") -> list[dict[str, Any]]:
    """The county's policy updates, newest version first, each with the date it
    takes effect (its ``effective_from``, else the day it was issued)."""
    import json

    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'county_policy'").fetchone():
        return []
    out = []
    for version, content, issued_at, created_at in db.execute(
            "SELECT policy_version, content, issued_at, created_at FROM county_policy "
            "WHERE name = ?", [name]):
        body = json.loads(content or "{}")
        effective = str(body.pop("effective_from", "") or (issued_at or created_at)[:10])
        out.append({"version": version, "content": body, "issued_at": issued_at,
                    "received_at": created_at, "effective_from": effective[:10]})
    return sorted(out, key=lambda u: version_key(u["version"]), reverse=True)


def _overlay(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _overlay(out[key], value)
        else:
            out[key] = value
    return out


def save(db: Database, text: str | None, operator_id: str | None = None) -> None:
    """Store an administrator's policy (validated first; None = the shipped one again).

    With ``operator_id`` (every user action) it needs ``policy.edit`` and the
    change is entered, versioned, in the account log (app/accounts/policy.py).
    """
    if text is not None:
        _parse(text)
    if operator_id is None:
        settings.put(db, SETTING_KEY, text)
        return
    from app.accounts import policy as access_policy

    access_policy.record_change(db, operator_id, "credit", SETTING_KEY, text,
                                old_text=settings.get(db, SETTING_KEY) or shipped_text())


def category_labels(policy: dict) -> dict[str, str]:
    return {c["id"]: c["label"] for c in policy["category"]}


def category_label(policy: dict, category: str) -> str:
    return category_labels(policy).get(category, category)


def status_label(status: str) -> str:
    return {
        "public": translate("Records", "Public"),
        "repaired": translate("Records", "Repaired"),
        "revoked": translate("Records", "Revoked"),
        "disputed": translate("Records", "Disputed"),
        "expired": translate("Records", "Expired"),
    }.get(status, status)


def polarity_label(polarity: str) -> str:
    return {
        "positive": translate("Records", "Positive"),
        "negative": translate("Records", "Negative"),
        "neutral": translate("Records", "Neutral"),
    }.get(polarity, polarity)


def severity_label(policy: dict, severity: str | None) -> str:
    if not severity:
        return ""
    return policy["publicity"].get(severity, {}).get("label", severity)


def list_label(policy: dict, kind: str) -> str:
    return policy["lists"].get(kind, {}).get("label", kind)


def measures(policy: dict, kind: str) -> list[str]:
    return list(policy["lists"].get(kind, {}).get("measures", []))


# ------------------------------------------------------------------ dates

def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later; the month's last day when it is shorter
    (31 January + 1 month = 28/29 February)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int, kind: str = "calendar") -> dt.date:
    if kind == "calendar":
        return day + dt.timedelta(days=days)
    if kind != "working":
        raise UserError(translate("Records", "Unknown kind of days {kind!r} in the credit "
                                             "policy; use calendar or working.").format(kind=kind))
    out = day
    left = days
    while left > 0:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            left -= 1
    return out


def parse_date(value: Any, field: str) -> dt.date:
    from app.errors import FieldError

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldError(field, translate("Records", "Enter a date as YYYY-MM-DD, e.g. 2026-03-15."))


def today() -> dt.date:
    return dt.date.today()

"""The credit policy as the policy screen shows it: what is in force, where each
value came from, the history of versions, and which open deadlines run under
which version.

A deadline keeps the policy version it was set under (pinned on the
objection and the repair application when they are entered); a county update
changes only deadlines set after it takes effect. A rating notice's period
comes from the campaign's scheme, whose version the campaign pins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlite_utils import Database

from app import credit_policy as pol, settings
from app.i18n import translate

# The values an official asks about first, in the order the screen lists them.
KEY_VALUES = (
    "objection.deadline_days", "objection.day_kind", "objection.warn_days",
    "publicity.minor.default_months", "publicity.general.default_months",
    "publicity.serious.default_months", "publicity.minor.repair_after_months",
    "publicity.general.repair_after_months", "publicity.serious.repair_after_months",
    "report.validity_days", "county_measures.timeliness_days", "county_measures.day_kind",
)


def value_label(path: str) -> str:
    return {
        "objection.deadline_days": translate("Policy", "Days to answer an objection"),
        "objection.day_kind": translate("Policy", "Objection days counted as"),
        "objection.warn_days": translate("Policy", "Warn when this many days are left"),
        "publicity.minor.default_months": translate("Policy", "Publicity of a minor record, months"),
        "publicity.general.default_months": translate(
            "Policy", "Publicity of a general record, months"),
        "publicity.serious.default_months": translate(
            "Policy", "Publicity of a serious record, months"),
        "publicity.minor.repair_after_months": translate(
            "Policy", "Minor record repairable after, months"),
        "publicity.general.repair_after_months": translate(
            "Policy", "General record repairable after, months"),
        "publicity.serious.repair_after_months": translate(
            "Policy", "Serious record repairable after, months"),
        "report.validity_days": translate("Policy", "Credit report valid for, days"),
        "county_measures.timeliness_days": translate("Policy", "Upload within, days (及时率)"),
        "county_measures.day_kind": translate("Policy", "Upload days counted as"),
    }.get(path, path)


def changes_text(changes: dict[str, Any]) -> str:
    """A county version's changes in words ("Days to answer an objection: 15; …"),
    not as the JSON it came in."""
    parts = []

    def walk(tree: dict[str, Any], prefix: str) -> None:
        for key, value in tree.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                parts.append(f"{value_label(prefix + key)}：{shown_value(value)}")

    walk(changes, "")
    return "；".join(parts)


def shown_value(value: Any) -> str:
    """A value as the screen shows it (kinds of days in words)."""
    return {"calendar": translate("Policy", "calendar days"),
            "working": translate("Policy", "working days")}.get(value, str(value))


def source_label(entry: dict[str, Any]) -> str:
    """'county 2026.10, from 2026-12-01', 'local 2026.1' or 'shipped 2026.1'."""
    if entry.get("source") == "county":
        return translate("Policy", "county {version}, from {date}").format(
            version=entry["version"], date=entry["effective_from"])
    if entry.get("source") == "local":
        return translate("Policy", "local {version}").format(version=entry.get("version") or "")
    if entry.get("source") == "local_edit":
        return translate("Policy", "local edit {number}").format(number=entry["version"])
    if entry.get("source") == "scheme":
        return translate("Policy", "rating scheme {version}").format(version=entry["version"])
    if entry.get("source") is None:
        return translate("Policy", "set before versions were kept")
    return translate("Policy", "shipped {version}").format(version=entry.get("version") or "")


def pinned_label(label: str | None) -> str:
    """A pinned version as stored ("county 2026.10") in words."""
    if not label:
        return source_label({"source": None})
    source, _, version = label.partition(" ")
    if source == "county":
        return translate("Policy", "county {version}").format(version=version)
    return source_label({"source": source, "version": version})


def history(db: Database, on: dt.date | None = None) -> list[dict[str, Any]]:
    """The county's versions newest first, each in force, replaced or still to come,
    then the administrators' own edits of the local policy (newest first: who,
    when), then the shipped base. The newest local edit, or else the shipped
    text, is the base the county's versions are laid over."""
    day = (on or pol.today()).isoformat()
    updates = pol.county_updates(db)
    current = next((u["version"] for u in updates if u["effective_from"] <= day), None)
    out = []
    for u in updates:
        state = ("in_force" if u["version"] == current else
                 "future" if u["effective_from"] > day else "replaced")
        out.append({"source": "county", "version": u["version"],
                    "effective_from": u["effective_from"], "received_at": u["received_at"],
                    "state": state, "changes": u["content"], "note": ""})
    base_state = "in_force" if current is None else "base"
    edits = local_edits(db)
    for number, edit in enumerate(edits):
        out.append({"source": "local_edit", "version": edit["version"], "effective_from": None,
                    "received_at": edit["at"], "by": edit["by"],
                    "state": base_state if number == 0 else "replaced", "changes": {},
                    "note": edit["note"]})
    if edits:   # the shipped text, which the first edit replaced
        base = {"source": "shipped", "version": pol.load(None).get("version"),
                "state": "replaced"}
    else:       # the shipped text, or a local one saved before edits were logged
        base = {"source": "local" if settings.get(db, pol.SETTING_KEY) else "shipped",
                "version": pol.in_force(db, on)["base_version"], "state": base_state}
    out.append({**base, "effective_from": None, "received_at": None, "changes": {},
                "note": ""})
    return out


_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def local_edits(db: Database) -> list[dict[str, Any]]:
    """Administrators' saves of the credit policy, newest first, from the account log
    (which keeps both texts' hashes, so an edit can be told from a reset)."""
    out = []
    for at, detail, name, username in db.execute(
            "SELECT l.at, l.detail, u.display_name, u.username FROM account_log l "
            "LEFT JOIN app_user u ON u.id = l.actor_id WHERE l.action = 'policy_change' "
            "ORDER BY l.seq DESC"):
        info = json.loads(detail or "{}")
        if info.get("policy") != "credit":
            continue
        by = name or username or ""
        note = (translate("Policy", "{who} went back to the shipped policy")
                if info.get("after_sha256") == _EMPTY_SHA256 else
                translate("Policy", "{who} edited the local policy")).format(who=by)
        out.append({"version": info.get("version"), "at": at, "by": by, "note": note})
    return out


def state_label(state: str) -> str:
    return {"in_force": translate("Policy", "in force"), "replaced": translate("Policy", "replaced"),
            "future": translate("Policy", "takes effect later"),
            "base": translate("Policy", "base (values the county did not change)")}.get(state, state)


def open_deadlines(db: Database, on: dt.date | None = None) -> list[dict[str, Any]]:
    """Open objections, pending repairs and running rating notices, each with the
    version it runs under."""
    day = (on or pol.today()).isoformat()
    name = ("coalesce((SELECT head_name FROM household WHERE id = {col}), "
            "(SELECT name FROM organization WHERE id = {col}))")
    out = []
    for row in db.query(
            f"SELECT o.id, {name.format(col='o.subject_id')} AS subject, o.filed_on AS set_on, "
            "o.deadline AS due, o.policy_version FROM objection o WHERE o.status = 'open' "
            "ORDER BY o.deadline"):
        out.append({**row, "kind": "objection"})
    for row in db.query(
            f"SELECT a.id, {name.format(col='a.subject_id')} AS subject, a.applied_on AS set_on, "
            "a.earliest_on AS due, a.policy_version FROM repair_application a "
            "WHERE a.status = 'pending' ORDER BY a.applied_on"):
        out.append({**row, "kind": "repair"})
    for row in db.query(
            "SELECT n.id, p.name AS subject, n.start_date AS set_on, n.end_date AS due, "
            "s.scheme_version FROM rating_notice n JOIN rating_campaign c ON c.id = n.campaign_id "
            "JOIN rating_scheme s ON s.id = c.scheme_id LEFT JOIN place p ON p.id = n.village_id "
            "WHERE n.end_date >= ? ORDER BY n.end_date", [day]):
        version = row.pop("scheme_version")
        out.append({**row, "kind": "notice", "policy_version": f"scheme {version}"})
    for row in out:
        row["kind_label"] = kind_label(row["kind"])
        row["version_label"] = (source_label({"source": "scheme",
                                              "version": row["policy_version"][7:]})
                                if row["kind"] == "notice" else pinned_label(row["policy_version"]))
    return out


def kind_label(kind: str) -> str:
    return {"objection": translate("Policy", "objection answer due"),
            "repair": translate("Policy", "earliest repair"),
            "notice": translate("Policy", "rating notice ends")}.get(kind, kind)


def view(db: Database, on: dt.date | None = None) -> dict[str, Any]:
    """Everything the policy screen and ``credit-desk policy show --sources`` show."""
    force = pol.in_force(db, on)
    values = pol.provenance(db, on)
    deadlines = open_deadlines(db, on)
    by_version: dict[str, int] = {}
    for row in deadlines:
        by_version[row["version_label"]] = by_version.get(row["version_label"], 0) + 1
    return {
        "in_force": {**force, "text": source_label(force)},
        "values": [{"key": k, "label": value_label(k), **values[k], "from": source_label(values[k]),
                    "shown": shown_value(values[k]["value"])}
                   for k in KEY_VALUES if k in values],
        "history": history(db, on),
        "deadlines": deadlines,
        "deadlines_by_version": by_version,
    }

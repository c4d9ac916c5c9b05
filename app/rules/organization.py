"""Organization rules: cooperatives, family farms, enterprises, individual businesses."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from app.rules import Checked
from app.rules import fields as F


def check(values: Mapping[str, Any], *, today: dt.date | None = None,
          units: Mapping[str, str | None] | None = None) -> Checked:
    """A USCC failing its check is accepted only with ``uscc_override_reason``."""
    today = today or dt.date.today()
    units = units or {}
    out = Checked()
    row = out.row
    row["name"] = out.take("name", F.organization_name, values.get("name")) or \
        F.as_text(values.get("name")).strip()
    row["uscc"], row["uscc_override_reason"] = "", None
    checked = out.take("uscc", F.uscc, values.get("uscc"), values.get("uscc_override_reason"))
    if checked:
        info, reason, warning = checked
        row["uscc"], row["uscc_override_reason"] = info.number, reason
        if warning:
            out.warnings.append(warning)
    row["kind"] = out.take("kind", F.organization_kind, values.get("kind"), row["name"],
                           row["uscc"])
    row["legal_rep_name"] = out.take("legal_rep_name", F.person_name,
                                     values.get("legal_rep_name")) or ""
    row["legal_rep_id_number"] = None
    raw_id = values.get("legal_rep_id_number")
    if raw_id is not None and F.as_text(raw_id).strip():
        info = out.take("legal_rep_id_number", F.id_number, raw_id, today=today)
        row["legal_rep_id_number"] = info.number if info else None
    row["phone"] = out.take("phone", F.phone, values.get("phone"))
    row["address"] = out.take("address", F.address, values.get("address"))
    row["members_count"] = out.take("members_count", F.count, values.get("members_count")) or 0
    row["registered_capital_fen"] = out.take(
        "registered_capital", F.money, values.get("registered_capital"),
        units.get("registered_capital")) or 0
    row["business_scope"] = out.take("business_scope", F.optional_text,
                                     values.get("business_scope"))
    row["note"] = out.take("note", F.optional_text, values.get("note"))
    return out


def stored_as_typed(row: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: row.get(k) for k in (
        "kind", "name", "uscc", "uscc_override_reason", "legal_rep_name", "legal_rep_id_number",
        "phone", "address", "members_count", "business_scope", "note")}
    fen = row.get("registered_capital_fen")
    values["registered_capital"] = F.stored_yuan(fen)
    return values

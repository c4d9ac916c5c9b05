"""Which records travel to the county, in which shape, and what the county may correct.

The protocol document's table of entities and fields (docs/sync-protocol.md
§11) is generated from the register's schema by ``markdown`` below, and a
test checks that the document and the schema agree, so the contract cannot
drift from the code.

On the wire every number is an integer: REAL columns (today only
``rating.score``) travel in hundredths (65.5 → 6550); ``to_wire`` and
``from_wire`` convert. Money is already whole fen and land area hundredths
of a mu in the register.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlite_utils import Database

from app.journal import LOCAL_COLUMNS

# Every table whose local changes are journaled and so leave the device. A
# table outside this list never travels (users, settings, sessions, logs,
# search keys, sync bookkeeping); tests/sync/test_protocol_document.py checks
# that no other table gets local journal entries.
TRAVELLING = (
    "place", "household", "household_member", "organization", "credit_record", "list_entry",
    "credit_report", "commitment_letter", "letter_template", "letter_attachment",
    "letter_correction",
    "rating_scheme", "rating_campaign", "rating", "rating_step", "rating_flag",
    "rating_notice", "rating_objection", "objection", "repair_application",
    "measure_feedback", "legal_rep_link",
)

# What a county correction may change, per entity: register content only.
# Never users, roles, settings, attachments, letters, ratings or the journal;
# never which village a record belongs to or its identity and bookkeeping.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "household": ("head_name", "head_sex", "head_id_number", "head_birth_date", "phone",
                  "address", "members", "labor", "land_area_centimu", "main_industry",
                  "annual_income_fen", "assets_fen", "loan_balance_fen", "overdue_fen", "note"),
    "household_member": ("name", "relation", "sex", "id_number", "birth_date"),
    "organization": ("kind", "name", "uscc", "legal_rep_name", "legal_rep_id_number", "phone",
                     "address", "members_count", "registered_capital_fen", "business_scope",
                     "note"),
    "credit_record": ("category", "polarity", "severity", "title", "content",
                      "source_department", "document_number", "decision_date", "publicity_end",
                      "status"),
}

# Describe a row rather than its content: they change with every write.
BOOKKEEPING = ("id", "sid", "version", "created_at", "updated_at")

_real_cache: dict[str, tuple[str, ...]] = {}


def real_columns(db: Database, table: str) -> tuple[str, ...]:
    """The REAL columns of ``table`` (they travel as integer hundredths)."""
    if table not in _real_cache:
        _real_cache[table] = tuple(r[1] for r in db.execute(
            "SELECT * FROM pragma_table_info(?)", [table]) if (r[2] or "").upper() == "REAL")
    return _real_cache[table]


def to_wire(row: dict[str, Any] | None, reals: Iterable[str]) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for column in reals:
        value = out.get(column)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[column] = int(round(value * 100))
    return out


def from_wire(db: Database, table: str, row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for column in real_columns(db, table):
        value = out.get(column)
        if isinstance(value, int) and not isinstance(value, bool):
            out[column] = value / 100
    return out


def json_to_wire(text: str | None, reals: tuple[str, ...]) -> str:
    """A journal before/after (JSON text) as it travels; untouched when nothing is REAL."""
    if not text:
        return "null"
    if not reals:
        return text
    return json.dumps(to_wire(json.loads(text), reals), ensure_ascii=False,
                      separators=(",", ":"))


def refused_fields(entity: str, data: dict[str, Any], local: dict[str, Any] | None) -> list[str]:
    """The fields of a correction outside the county's allowlist (sorted; empty when none)."""
    allowed = CORRECTABLE.get(entity, ())
    return sorted(field for field, value in data.items()
                  if field not in allowed and field not in BOOKKEEPING
                  and (local is None or field not in local or local.get(field) != value))


def correction_refusals(entity: str, data: dict[str, Any] | None,
                        local: dict[str, Any] | None) -> list[str]:
    """Why a county correction breaks the protocol's allowlist, in the protocol's own
    (English) words; the county answers with these. Empty when it keeps to the list."""
    if entity not in CORRECTABLE:
        return [f"{entity}: the county may not correct this kind of record"]
    if data is None:
        return [f"{entity}: a correction cannot delete a record"]
    return [f"{entity}.{f}: the county may not change this field"
            for f in refused_fields(entity, data, local)]


# ---------------------------------------------------------------- the document

def _unit(table: str, column: str, kind: str) -> tuple[str, str]:
    """(wire type, unit or format) of a column, from its SQL type and name."""
    if kind == "REAL":
        return "int", "hundredths (65.5 travels as 6550)"
    if kind == "INTEGER":
        if column.endswith("_fen"):
            return "int", "fen (1/100 yuan)"
        if column.endswith("_centimu"):
            return "int", "hundredths of a mu"
        if column == "version":
            return "int", "record version, +1 per change"
        return "int", "count" if column in ("members", "labor", "members_count") else ""
    if column == "id" or column.endswith("_id"):
        return "string", "UUID"
    if column.endswith("_at"):
        return "string", "UTC time, ISO 8601 with Z"
    if column.endswith(("_on", "_date", "_end")):
        return "string", "date YYYY-MM-DD"
    if column.endswith("id_number") or column == "uscc":
        return "string", "18-character ID number / USCC (personal data)"
    return "string", ""


def columns(db: Database, table: str) -> list[tuple[str, str, bool]]:
    """(name, SQL type, nullable) of a table's columns; local ones (``sid``, ``name_sort``) left out."""
    return [(r[1], (r[2] or "TEXT").upper(), not r[3] and not r[5])
            for r in db.execute("SELECT * FROM pragma_table_info(?)", [table])
            if r[1] not in LOCAL_COLUMNS]


def markdown(db: Database) -> str:
    """The generated part of docs/sync-protocol.md §11: every entity and field that travels."""
    out = []
    for table in TRAVELLING:
        allowed = set(CORRECTABLE.get(table, ()))
        out.append(f"#### `{table}`\n")
        out.append("| field | type | unit / format | null | county may correct |")
        out.append("|---|---|---|---|---|")
        for name, kind, nullable in columns(db, table):
            wire_type, unit = _unit(table, name, kind)
            out.append(f"| `{name}` | {wire_type} | {unit} | {'yes' if nullable else 'no'} | "
                       f"{'yes' if name in allowed else ''} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


BEGIN = "<!-- generated by app/sync/fields.py: begin -->"
END = "<!-- generated by app/sync/fields.py: end -->"


def splice(document: str, generated: str) -> str:
    head, _, rest = document.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{generated}{END}{tail}"


def main() -> None:
    """``python -m app.sync.fields`` rewrites the generated part of the protocol document."""
    import tempfile
    from pathlib import Path

    from app.paths import DataDir
    from app.store import open_data_dir

    doc = Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md"
    with tempfile.TemporaryDirectory() as tmp:
        db = open_data_dir(DataDir(Path(tmp)))
        generated = markdown(db)
        db.close()
    doc.write_text(splice(doc.read_text(encoding="utf-8"), generated), encoding="utf-8")


if __name__ == "__main__":
    main()

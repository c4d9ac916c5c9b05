"""docs/sync-protocol.md says what the code does: its field tables are the schema's, every
table that gets local changes is listed, and every refusal code the county gives is explained."""

from __future__ import annotations

import re
from pathlib import Path

from app.sync import fields

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "sync-protocol.md"


def test_generated_field_tables_match_the_schema(tmp_path):
    from app.paths import DataDir
    from app.store import open_data_dir

    db = open_data_dir(DataDir(tmp_path / "fresh"))
    try:
        generated = fields.markdown(db)
        tables = set(db.table_names())
        columns = {e: {c for c, _, _ in fields.columns(db, e)} for e in fields.CORRECTABLE}
    finally:
        db.close()
    text = DOC.read_text(encoding="utf-8")
    assert fields.splice(text, generated) == text, \
        "docs/sync-protocol.md §11 is out of date: run .venv/bin/python -m app.sync.fields"
    assert set(fields.TRAVELLING) <= tables
    for entity, allowed in fields.CORRECTABLE.items():  # the allowlist names real fields
        assert entity in fields.TRAVELLING and set(allowed) <= columns[entity]


def test_every_table_with_local_changes_is_listed(demo_db):
    journaled = {r[0] for r in demo_db.execute(
        "SELECT DISTINCT entity FROM journal WHERE origin = 'local'")}
    assert journaled and journaled <= set(fields.TRAVELLING), journaled - set(fields.TRAVELLING)
    # The code that writes journaled changes names only listed tables (county_policy comes
    # down from the county and is journaled with origin 'county').
    written = set()
    for path in (ROOT / "app").rglob("*.py"):
        written |= set(re.findall(r"\bcs\.(?:insert|insert_many|update|delete)\(\s*\"(\w+)\"",
                                  path.read_text(encoding="utf-8")))
    assert written - {"county_policy"} <= set(fields.TRAVELLING), \
        written - {"county_policy"} - set(fields.TRAVELLING)


def test_every_refusal_code_is_in_the_table():
    table = DOC.read_text(encoding="utf-8").split("## 9. Refusal codes", 1)[1].split("## 10.")[0]
    documented = set(re.findall(r"\| (\d{3}) \| `(\w+)` \|", table))
    codes = set()
    for path in [*(ROOT / "app" / "county").glob("*.py"), ROOT / "app" / "sync" / "wire.py"]:
        source = path.read_text(encoding="utf-8")
        codes |= {c for c in re.findall(r"(?:Refusal\(\d{3}|_refuse\(\d{3}|WireError\()"
                                        r",?\s*\"(\w+)\"", source)}
        codes |= set(re.findall(r"WireError\(\s*\"(\w+)\"", source))
    codes -= {"code", "device_"}  # "device_" + status: device_pending / device_revoked
    missing = codes - {c for _, c in documented}
    assert not missing, f"refusal codes the county gives but §9 does not list: {missing}"
    # Codes passed through from the wire parser (code parameters) are listed too.
    assert {"malformed_batch", "malformed_enrolment", "device_pending", "device_revoked",
            "sequence_gap", "server_error"} <= {c for _, c in documented}

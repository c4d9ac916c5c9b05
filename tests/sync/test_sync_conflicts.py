"""A record changed here and at the county: both kept, nothing overwritten."""

from __future__ import annotations

import json

import pytest

from app.journal import changes
from app.sync import client, conflicts, outbox
from app.users import default_operator_id


def _edit(db, household_id, **fields):
    with changes(db, default_operator_id(db)) as cs:
        cs.update("household", household_id, fields)


def _county_record(county, household_id):
    with county.store.db.connection() as conn:
        row = conn.one("SELECT version, source FROM record WHERE entity = 'household' AND "
                       "entity_id = ?", [household_id])
    return row[0], row[1], county.store.current("household", household_id)


@pytest.fixture
def conflicted(enrolled, demo_data, county):
    db = enrolled
    client.push(db, demo_data)
    hid = db.execute("SELECT id FROM household ORDER BY id LIMIT 1").fetchone()[0]
    county.store.correct("household", hid, {"phone": "13800000001"})  # the county's correction
    _edit(db, hid, phone="13911112222")  # and the township's, based on the old version
    _edit(db, hid, address="新地址 1 号")  # a second local change of the same record
    result = client.push(db, demo_data)
    assert result["failed"] is None and result["conflicts"] == 2
    return db, hid


def test_conflict_keeps_both_versions_side_by_side(conflicted, county):
    db, hid = conflicted
    [conflict] = conflicts.open_conflicts(db)  # one per record, however many changes
    assert conflict["entity_id"] == hid
    diff = {f: (mine, theirs) for f, mine, theirs in conflicts.differences(conflict)}
    assert diff["phone"] == ("13911112222", "13800000001")
    # Nothing was silently overwritten on either side.
    assert db.execute("SELECT phone FROM household WHERE id = ?", [hid]).fetchone()[0] == \
        "13911112222"
    assert _county_record(county, hid)[2]["phone"] == "13800000001"
    assert outbox.status(db)["open_conflicts"] == 1


def test_keep_mine_goes_to_the_county_and_is_taken(conflicted, demo_data, county):
    db, hid = conflicted
    [conflict] = conflicts.open_conflicts(db)
    conflicts.resolve(db, default_operator_id(db), conflict["id"], "keep_local")
    result = client.push(db, demo_data)
    assert result["conflicts"] == 0 and result["changes_sent"] == 1
    version, source, data = _county_record(county, hid)
    assert data["phone"] == "13911112222" and data["address"] == "新地址 1 号"
    assert version == db.execute("SELECT version FROM household WHERE id = ?", [hid]).fetchone()[0]
    # Later edits flow without conflict: both sides agree on the version.
    _edit(db, hid, note="之后的修改")
    assert client.push(db, demo_data)["conflicts"] == 0
    assert _county_record(county, hid)[2]["note"] == "之后的修改"
    assert outbox.status(db)["open_conflicts"] == 0


def test_take_the_countys_version(conflicted, demo_data, county):
    db, hid = conflicted
    [conflict] = conflicts.open_conflicts(db)
    conflicts.resolve(db, default_operator_id(db), conflict["id"], "take_county")
    assert db.execute("SELECT phone FROM household WHERE id = ?", [hid]).fetchone()[0] == \
        "13800000001"
    last = db.execute("SELECT origin, before, after FROM journal WHERE entity_id = ? "
                      "ORDER BY seq DESC LIMIT 1", [hid]).fetchone()
    assert json.loads(last[1])["phone"] == "13911112222"  # the replaced version is in the journal
    assert client.push(db, demo_data)["conflicts"] == 0
    _edit(db, hid, note="再改")
    assert client.push(db, demo_data)["conflicts"] == 0
    assert _county_record(county, hid)[2]["phone"] == "13800000001"

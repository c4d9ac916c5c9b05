"""County list and policy updates: verified, applied, journaled, households flagged."""

from __future__ import annotations

import pytest

from app.sync import client, downlink, usb


@pytest.fixture
def listed(enrolled, county):
    db = enrolled
    head = db.execute("SELECT id, head_name, head_id_number FROM household LIMIT 1").fetchone()
    county.store.publish_list([
        {"list_kind": "dishonest_judgment_debtor", "name": head[1], "id_number": head[2],
         "basis": "（2026）川0623执123号", "deciding_body": "县人民法院",
         "listed_on": "2026-11-01"},
        {"list_kind": "black_list", "name": "外县某人", "id_number": "110101199003074258",
         "basis": "严重失信", "listed_on": "2026-10-01"},
    ])
    county.store.publish_policy("credit", "2026.2", {"repair_months": {"minor": 3}})
    return db, head


def test_pull_applies_lists_and_policy_and_flags_the_household(listed, demo_data):
    db, head = listed
    before = db.execute("SELECT max(seq) FROM journal").fetchone()[0]
    result = client.pull(db, demo_data, db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0])
    assert result["packages"] == 2 and result["list_entries"] == 2 and result["flagged"] == 1
    entries = list(db.query("SELECT * FROM list_entry WHERE source = 'county' ORDER BY id_number"))
    matched = [e for e in entries if e["subject_id"]]
    assert [e["subject_id"] for e in matched] == [head[0]]
    assert matched[0]["list_kind"] == "dishonest_judgment_debtor"
    origins = {r[0] for r in db.execute("SELECT origin FROM journal WHERE entity IN "
                                        "('list_entry', 'county_policy', 'rating_flag') "
                                        "AND seq > ?", [before])}
    assert origins == {"county"}  # journaled, and never sent back up
    # Queued for the rating workflow's downgrade/removal review.
    flag = db.execute("SELECT reason FROM rating_flag WHERE subject_id = ? AND resolved_at IS NULL",
                      [head[0]]).fetchone()
    assert flag and "失信被执行人" in flag[0] and "执123号" in flag[0]
    assert downlink.current_policy(db, "credit")["content"] == {"repair_months": {"minor": 3}}
    # What the county sent is not in the outbox: the waiting count (index arithmetic) is exact.
    from app.sync import outbox

    really = db.execute("SELECT count(*) FROM journal WHERE origin = 'local'").fetchone()[0]
    assert outbox.status(db)["pending_changes"] == really
    assert db.execute("SELECT count(*) FROM journal WHERE origin = 'county'").fetchone()[0] >= 3
    # Pulling again applies nothing twice.
    assert client.pull(db, demo_data, db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0]
                       )["packages"] == 0
    assert db.execute("SELECT count(*) FROM list_entry WHERE source = 'county'").fetchone()[0] == len(entries)


def test_tampered_package_is_refused_and_nothing_applied(listed, demo_data, county):
    db, head = listed
    content = bytearray(county.store.downlink(1))
    content[-10] ^= 0x01
    county.store.db.transaction(lambda c: c.execute(
        "UPDATE downlink SET content = ? WHERE package = 1", [bytes(content)]))
    with pytest.raises(downlink.PackageRefused):
        client.pull(db, demo_data, db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0])
    assert db.execute("SELECT count(*) FROM list_entry WHERE source = 'county'").fetchone()[0] == 0
    assert downlink.last_package(db) == 0


def test_package_signed_by_another_key_is_refused(listed, tmp_path):
    from app.sync import wire
    from app.sync.keys import load_or_create

    db, _ = listed
    payload = b'{"item_id":"x","kind":"policy","name":"credit","version":"9","content":{}}\n'
    head = {"format": wire.DOWNLINK_FORMAT, "format_version": 1, "county_code": "000000",
            "package": 1, "issued_at": "2026-12-01T00:00:00Z", "item_count": 1,
            "payload_bytes": len(payload), "payload_sha256": wire.sha256(payload)}
    path = tmp_path / "forged.ctdownlink"
    path.write_bytes(wire.pack(head, load_or_create(tmp_path / "k.pem"), payload))
    with pytest.raises(downlink.PackageRefused):
        usb.import_downlink(db, db.execute("SELECT id FROM app_user WHERE username = 'admin'").fetchone()[0], path)
    assert downlink.current_policy(db, "credit") is None

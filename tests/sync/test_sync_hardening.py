"""Protocol 2 on the township's side: what a hostile or broken county cannot do, and what a
township without network can."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest

from app import settings
from app.county.files import enrol_files, receive_files
from app.errors import UserError
from app.sync import client, outbox, usb, wire
from app.users import default_operator_id


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_push_to_a_county_with_another_key_sends_nothing(enrolled, demo_data, make_county,
                                                        local_count):
    impostor = make_county("impostor")
    with pytest.raises(client.CountyKeyChanged, match=impostor.store.info()["key_id"]):
        client.push(enrolled, demo_data, url=impostor.url)
    with pytest.raises(client.CountyKeyChanged):
        client.pull(enrolled, demo_data, default_operator_id(enrolled), url=impostor.url)
    held = impostor.store.summary()
    assert held["total_batches"] == 0 and held["refusals"] == 0 and held["townships"] == []
    assert outbox.status(enrolled)["pending_changes"] == local_count(enrolled)


def test_unreachable_refused_and_server_error_say_different_things(
        enrolled, demo_data, county, fast_retry):
    down = client.push(enrolled, demo_data, url=_closed_port_url(), retry=fast_retry)
    assert down["failed"]["kind"] == "unreachable"
    assert "连不上县平台" in down["failed"]["reason"]  # "cannot reach the county platform"
    county.faults["error_500"] = 100
    broken = client.push(enrolled, demo_data, retry=fast_retry)
    assert broken["failed"]["kind"] == "server_error" and "500" in broken["failed"]["reason"]
    assert broken["failed"]["reason"] != down["failed"]["reason"]
    county.faults["error_500"] = 0
    county.store.set_device_status(outbox.device_id(enrolled), "revoked")
    refused = client.push(enrolled, demo_data, retry=fast_retry)
    assert refused["failed"]["kind"] == "refused" and "device_revoked" in refused["failed"]["reason"]


def test_usb_batch_file_holds_no_readable_personal_data(enrolled, demo_data, county, tmp_path):
    numbers = [r[0] for r in enrolled.execute(
        "SELECT head_id_number FROM household WHERE head_id_number IS NOT NULL LIMIT 50")]
    names = [r[0] for r in enrolled.execute("SELECT head_name FROM household LIMIT 50")]
    phones = [r[0] for r in enrolled.execute(
        "SELECT phone FROM household WHERE phone IS NOT NULL AND phone != '' LIMIT 50")]
    assert numbers and names and phones
    usb.export_batches(enrolled, demo_data, tmp_path / "stick", size=5000)
    [path] = sorted((tmp_path / "stick").glob("*.ctbatch"))
    content = path.read_bytes()
    for secret in numbers + names + phones:
        assert secret.encode("utf-8") not in content
    manifest = json.loads(content.split(b"\n", 1)[0])  # still readable for routing
    assert manifest["format_version"] == 2 and manifest["change_count"] > 900
    assert manifest["encryption"]["county_key_id"] == \
        wire.keys.key_id(county.store.box_public)
    # Only the county's key opens it; a key of another county does not.
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    signed = wire.parse_batch(content)
    with pytest.raises(wire.WireError) as refused:
        wire.unseal(signed, X25519PrivateKey.generate())
    assert refused.value.code == "wrong_county_key"
    plain = wire.unseal(signed, county.store.box_key)
    assert numbers[0].encode() in plain
    # And the county takes it from the stick.
    [result] = receive_files(county.store, [path])
    assert "refused" not in result


def test_scores_travel_as_integer_hundredths(enrolled, demo_data, county):
    client.push(enrolled, demo_data)
    rating_id, score = enrolled.execute(
        "SELECT id, score FROM rating WHERE score IS NOT NULL AND score != CAST(score AS INTEGER) "
        "LIMIT 1").fetchone() or enrolled.execute(
        "SELECT id, score FROM rating WHERE score IS NOT NULL LIMIT 1").fetchone()
    held = county.store.current("rating", rating_id)
    assert isinstance(held["score"], int) and held["score"] == round(score * 100)
    with county.store.db.connection() as conn:
        lines = [r[0] for r in conn.all("SELECT line FROM change")]
    assert lines and not any(_has_float(json.loads(line)) for line in lines)


def _has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False


def test_county_refusal_file_is_read_and_shown(enrolled, demo_data, county, tmp_path, cli):
    stick = tmp_path / "stick"
    usb.export_batches(enrolled, demo_data, stick, size=400)
    files = sorted(stick.glob("*.ctbatch"))
    data = bytearray(files[1].read_bytes())
    data[-5] ^= 0x01  # batch 2 damaged on the stick
    files[1].write_bytes(bytes(data))
    receive_files(county.store, files)
    assert len(list(stick.glob("*.refused.json"))) >= 1
    result = usb.import_receipts(enrolled, stick)
    assert result["acknowledged"] == 1
    refused = result["county_refused"][0]
    assert refused["sequence"] == 2 and refused["code"] == "payload_mismatch"
    batch = next(b for b in outbox.batches(enrolled) if b["sequence"] == 2)
    assert batch["state"] == "failed" and "payload_mismatch" in batch["reason"]
    r = cli("sync", "import-receipt", str(stick), data=demo_data)
    assert r.returncode == 1 and "payload_mismatch" in r.stdout and "002.refused.json" in r.stdout


def test_township_without_network_enrols_by_file(demo_data, county, tmp_path, cli):
    stick = tmp_path / "stick"
    r = cli("sync", "enroll", "--request-file", str(stick), data=demo_data, check=True)
    [request] = stick.glob("*.ctenrol")
    assert str(request) in r.stdout
    [taken] = enrol_files(county.store, [request])
    approval = taken["written"]
    r = cli("sync", "enroll", "--approval-file", approval, "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["status"] == "active"
    cli("sync", "export", "-o", str(stick), data=demo_data, check=True)
    receive_files(county.store, sorted(stick.glob("*.ctbatch")))
    r = cli("sync", "import-receipt", str(stick), "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["acknowledged"] >= 1
    assert county.store.summary()["total_changes"] > 900


def test_approval_file_altered_or_for_another_device_is_refused(demo_db, demo_data, county,
                                                                tmp_path):
    request = client.enrolment_request(demo_db, demo_data, tmp_path)
    approval = county.store.enrol_by_file(request.read_bytes())
    altered = approval.replace(b'"status":"active"', b'"status":"revoked"')
    (tmp_path / "a.ctapproval").write_bytes(altered)
    with pytest.raises(UserError):
        client.enroll_from_approval(demo_db, demo_data, tmp_path / "a.ctapproval")
    assert settings.get(demo_db, "sync.county_public_key") is None
    (tmp_path / "b.ctapproval").write_bytes(approval)
    assert client.enroll_from_approval(demo_db, demo_data, tmp_path / "b.ctapproval"
                                       )["status"] == "active"


def test_hostile_correction_changes_only_allowlisted_register_fields(enrolled, demo_data,
                                                                    county):
    db = enrolled
    client.push(db, demo_data)
    household, village = db.execute("SELECT id, village_id FROM household LIMIT 1").fetchone()
    user = db.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    users_before = list(db.query("SELECT * FROM app_user ORDER BY id"))
    settings_before = list(db.query("SELECT * FROM setting ORDER BY key"))
    journal_before = db.execute("SELECT count(*), max(seq) FROM journal").fetchone()
    other_village = db.execute("SELECT id FROM place WHERE level = 'village' AND id != ?",
                               [village]).fetchone()[0]
    hostile = [
        {"kind": "correction", "entity": "app_user", "entity_id": user, "version": 99,
         "data": {"id": user, "role": "admin", "password_hash": "x"}},
        {"kind": "correction", "entity": "setting", "entity_id": "sync.county_public_key",
         "version": 1, "data": {"key": "sync.county_public_key", "value": "evil"}},
        {"kind": "correction", "entity": "letter_attachment", "entity_id": household,
         "version": 9, "data": {"path": "/etc/passwd"}},
        {"kind": "correction", "entity": "journal", "entity_id": "1", "version": 2,
         "data": {"after": "{}"}},
        {"kind": "correction", "entity": "household", "entity_id": household, "version": 50,
         "data": {"village_id": other_village, "phone": "13911112222"}},
        {"kind": "correction", "entity": "household", "entity_id": household, "version": 51,
         "data": {"phone": "13933334444"}},
    ]
    county.store.publish(hostile)
    result = client.pull(db, demo_data, default_operator_id(db))
    assert result["refused"] == 5 and result["corrections"] == 1
    assert len(result["refusals"]) == 5
    # The township reads why in its own language, with the form's name of the field.
    assert any("县平台无权修改此项" in r and "村：" in r for r in result["refusals"]), \
        result["refusals"]
    assert not any("may not" in r for r in result["refusals"]), result["refusals"]
    row = db.execute("SELECT village_id, phone FROM household WHERE id = ?", [household]).fetchone()
    assert row == (village, "13933334444")
    assert list(db.query("SELECT * FROM app_user ORDER BY id")) == users_before
    assert [s for s in db.query("SELECT * FROM setting ORDER BY key")
            if s["key"] != "sync.county_box_key"] == \
        [s for s in settings_before if s["key"] != "sync.county_box_key"]
    assert db.execute("SELECT count(*) FROM journal").fetchone()[0] > journal_before[0]
    with pytest.raises(Exception, match="may not"):
        county.store.correct("app_user", user, {"role": "admin"})


def test_receipts_and_packages_need_a_signed_request(enrolled, demo_data, county):
    client.push(enrolled, demo_data)
    county.store.publish_policy("credit", "2026.3", {"x": 1})
    device = outbox.device_id(enrolled)
    for path in (f"/v1/devices/{device}/batches/1/receipt", "/v1/downlink/1"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(county.url + path, timeout=5)
        assert refused.value.code == 401
        assert json.loads(refused.value.read())["error"] == "signature_required"
        refused.value.close()
    # The client signs them: a second push resumes through the receipt endpoint.
    enrolled.execute("UPDATE sync_batch SET state = 'sent' WHERE sequence = 1")
    enrolled.conn.commit()
    again = client.push(enrolled, demo_data)
    assert again["failed"] is None and again["duplicates"] == 1
    assert client.pull(enrolled, demo_data, default_operator_id(enrolled))["packages"] == 1


def test_receipt_without_its_final_lf_is_accepted(enrolled, demo_data, county, tmp_path):
    usb.export_batches(enrolled, demo_data, tmp_path / "stick", size=5000)
    receive_files(county.store, sorted((tmp_path / "stick").glob("*.ctbatch")))
    [receipt] = (tmp_path / "stick").glob("*.ctreceipt")
    receipt.write_bytes(receipt.read_bytes().rstrip(b"\n"))
    assert usb.import_receipts(enrolled, receipt)["acknowledged"] == 1

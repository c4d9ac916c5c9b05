"""Faults on the way to the county; each ends with nothing lost and nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from app.sync import client, outbox, receipts, usb
from app.county.files import receive_files
from app.sync.keys import load_or_create
from tests.conftest import ROOT
from tests.sync.conftest import BOTH_BACK_ENDS

pytestmark = BOTH_BACK_ENDS


def _everything_once(county, db, local_count):
    device = county.device(outbox.device_id(db))
    total = local_count(db)
    assert device["changes"] == device["distinct_changes"] == total
    assert outbox.status(db)["pending_changes"] == 0


def test_answer_lost_after_the_county_stored_the_batch(enrolled, demo_data, county, fast_retry,
                                                      local_count):
    county.faults["drop_after_store"] = 1
    result = client.push(enrolled, demo_data, size=400, retry=fast_retry)
    assert result["failed"] is None
    assert result["duplicates"] == 1  # the re-send got the stored receipt back
    _everything_once(county, enrolled, local_count)


def test_server_error_is_retried_then_reported_and_later_sent(enrolled, demo_data, county,
                                                             fast_retry, local_count):
    county.faults["error_500"] = 2
    assert client.push(enrolled, demo_data, size=400, retry=fast_retry)["failed"] is None
    _everything_once(county, enrolled, local_count)

    with_new = enrolled
    from app.journal import changes
    from app.users import default_operator_id

    hid = with_new.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
    with changes(with_new, default_operator_id(with_new)) as cs:
        cs.update("household", hid, {"note": "新备注"})
    county.faults["error_500"] = 100
    failed = client.push(enrolled, demo_data, retry=fast_retry)
    assert failed["failed"] and "500" in failed["failed"]["reason"]
    assert failed["pending_after"] == 1
    assert outbox.status(enrolled)["batches"]["failed"]["batches"] == 1
    county.faults["error_500"] = 0
    assert client.push(enrolled, demo_data, retry=fast_retry)["changes_sent"] == 1
    _everything_once(county, enrolled, local_count)


def test_timeout_then_resend(enrolled, demo_data, county, fast_retry, local_count):
    county.faults["delay_after_store"] = 1.0
    result = client.push(enrolled, demo_data, size=2000, timeout=0.3,
                         retry=client.Retry(attempts=1))
    assert result["failed"] and result["pending_after"] > 0
    county.faults["delay_after_store"] = 0
    result = client.push(enrolled, demo_data, retry=fast_retry)
    assert result["failed"] is None and result["duplicates"] == 1
    _everything_once(county, enrolled, local_count)


def test_client_killed_mid_upload_and_started_again(demo_db, demo_data, county, cli,
                                                    local_count):
    client.enroll(demo_db, demo_data, county.url)
    county.faults["delay_after_store"] = 30
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(demo_data.root),
                             "sync", "push", "--url", county.url], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not county.store.summary()["total_batches"]:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    county.faults["delay_after_store"] = 0
    r = cli("sync", "push", "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["pending_after"] == 0
    _everything_once(county, demo_db, local_count)


def test_batch_file_with_one_byte_changed_is_refused(enrolled, demo_data, county, tmp_path):
    usb.export_batches(enrolled, demo_data, tmp_path / "usb")
    path = sorted((tmp_path / "usb").glob("*.ctbatch"))[0]
    data = bytearray(path.read_bytes())
    data[-20] ^= 0x01  # inside the payload
    path.write_bytes(bytes(data))
    [result] = receive_files(county.store, [path])
    assert result["refused"] == "payload_mismatch"
    refusal = json.loads(path.with_name(path.name.replace(".ctbatch", ".refused.json")).read_text())
    assert "SHA-256" in refusal["message"]
    assert county.store.summary()["total_changes"] == 0
    # A changed manifest fails the signature instead.
    head_end = data.index(b"\n")
    data = bytearray(path.read_bytes())
    data[head_end - 3] = ord("0") if data[head_end - 3] != ord("0") else ord("1")
    path.write_bytes(bytes(data))
    [result] = receive_files(county.store, [path])
    assert result["refused"] in ("bad_signature", "malformed_batch")


def _put(county, device, seq, body):
    request = urllib.request.Request(f"{county.url}/v1/devices/{device}/batches/{seq}",
                                     data=body, method="PUT")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        body = json.loads(exc.read())
        exc.close()
        return exc.code, None, body


def test_old_batch_replayed_is_taken_once_and_a_different_one_refused(
        enrolled, demo_data, county, local_count):
    client.push(enrolled, demo_data, size=300)
    first = enrolled.execute("SELECT content FROM sync_batch WHERE sequence = 1").fetchone()[0]
    device = outbox.device_id(enrolled)
    status, headers, receipt = _put(county, device, 1, first)
    assert status == 200 and headers["X-Credit-Desk-Duplicate"] == "1"
    assert receipt == enrolled.execute("SELECT receipt FROM sync_batch WHERE sequence = 1"
                                       ).fetchone()[0]
    # Batch 2's bytes re-signed as a "new" batch 1: refused, sequence already used.
    other = enrolled.execute("SELECT content FROM sync_batch WHERE sequence = 2").fetchone()[0]
    head, sig, payload = other.split(b"\n", 2)
    manifest = json.loads(head)
    manifest["sequence"] = 1
    from app.sync import wire

    key = outbox.device_key(demo_data)  # kept encrypted with the register
    forged = wire.pack(manifest, key, payload)
    status, _, body = _put(county, device, 1, forged)
    # The encryption binds the batch number: the payload no longer opens.
    assert status == 400 and body["error"] == "payload_mismatch"
    # A genuinely new batch 1 (sealed for number 1, no changes): the number is used.
    sealed, manifest["encryption"] = wire.seal(b"", county.store.box_public, device, 1)
    manifest.update(change_count=0, entity_counts={}, payload_bytes=len(sealed),
                    payload_sha256=wire.sha256(sealed))
    status, _, body = _put(county, device, 1, wire.pack(manifest, key, sealed))
    assert status == 409 and body["error"] == "sequence_used"
    _everything_once(county, enrolled, local_count)


def test_unknown_and_revoked_devices_are_refused_with_reason(demo_db, demo_data, county,
                                                             tmp_path, fast_retry):
    client.enroll(demo_db, demo_data, county.url)
    # The county never heard of this key: another install with the same register copy.
    other_key = tmp_path / "other.pem"
    batch = outbox.pack_batches(demo_db, demo_data, size=5000)
    content = demo_db.execute("SELECT content FROM sync_batch").fetchone()[0]
    head, _, payload = content.split(b"\n", 2)
    manifest = json.loads(head)
    manifest["device_id"] = "00000000-0000-4000-8000-000000000000"
    from app.sync import wire

    forged = wire.pack(manifest, load_or_create(other_key), payload)
    status, _, body = _put(county, manifest["device_id"], 1, forged)
    assert status == 403 and body["error"] == "unknown_device"

    county.store.set_device_status(outbox.device_id(demo_db), "revoked")
    result = client.push(demo_db, demo_data, retry=fast_retry)
    assert batch == [1]
    assert "device_revoked" in result["failed"]["reason"]
    assert outbox.batches(demo_db)[0]["state"] == "failed"
    assert "device_revoked" in outbox.batches(demo_db)[0]["reason"]
    assert county.store.summary()["total_changes"] == 0
    codes = [r["code"] for r in county.store.refusals()]
    assert "unknown_device" in codes and "device_revoked" in codes


def test_batch_signed_by_a_key_the_county_does_not_hold_is_refused(
        demo_db, demo_data, county, fast_retry):
    client.enroll(demo_db, demo_data, county.url)
    outbox.device_key_path(demo_data).unlink()  # a new key appears under the same device id
    result = client.push(demo_db, demo_data, retry=fast_retry)
    assert "bad_signature" in result["failed"]["reason"]
    assert outbox.status(demo_db)["pending_changes"] > 0


def test_receipt_that_does_not_match_its_batch_is_refused(enrolled, demo_data, county,
                                                          tmp_path):
    usb.export_batches(enrolled, demo_data, tmp_path / "usb", size=400)
    files = sorted((tmp_path / "usb").glob("*.ctbatch"))
    receive_files(county.store, files)
    receipts_ = sorted((tmp_path / "usb").glob("*.ctreceipt"))
    # Receipt 1 altered (one byte of its results): the signature no longer verifies.
    data = bytearray(receipts_[0].read_bytes())
    data[data.index(b'"received_at":"') + 16] ^= 0x01  # a digit of the year
    bad = tmp_path / "bad.ctreceipt"
    bad.write_bytes(bytes(data))
    with pytest.raises(receipts.ReceiptRefused, match="签名|signature"):
        receipts.apply_receipt(enrolled, bytes(data))
    from app.sync import wire

    head = json.loads(receipts_[0].read_bytes().split(b"\n", 1)[0])
    # Genuinely signed by the county, but naming batch 2 with batch 1's contents.
    head["sequence"] = 2
    with pytest.raises(receipts.ReceiptRefused, match="2"):
        receipts.apply_receipt(enrolled, wire.pack(head, county.store.key))
    # A receipt signed by another county's key.
    head["sequence"] = 1
    with pytest.raises(receipts.ReceiptRefused):
        receipts.apply_receipt(enrolled, wire.pack(head, load_or_create(tmp_path / "x.pem")))
    result = usb.import_receipts(enrolled, bad)
    assert result["acknowledged"] == 0 and result["refused"]
    assert outbox.status(enrolled)["batches"]["acknowledged"]["batches"] == 0
    # The genuine receipts still apply.
    assert usb.import_receipts(enrolled, tmp_path / "usb")["acknowledged"] == len(files)


def test_device_waits_for_county_approval(demo_db, demo_data, make_county, fast_retry,
                                          local_count):
    county = make_county("strict-county", auto_enroll=False)
    assert client.enroll(demo_db, demo_data, county.url)["status"] == "pending"
    result = client.push(demo_db, demo_data, retry=fast_retry)
    assert "尚未批准" in result["failed"]["reason"]  # "not yet approved", in Chinese
    assert county.store.summary()["total_changes"] == 0
    county.store.set_device_status(outbox.device_id(demo_db), "active")
    assert client.push(demo_db, demo_data, retry=fast_retry)["failed"] is None
    _everything_once(county, demo_db, local_count)

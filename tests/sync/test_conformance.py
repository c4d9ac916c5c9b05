"""Conformance of a county receiver to docs/sync-protocol.md, as a county can run it.

The same tests run against the reference receiver on SQLite and on PostgreSQL and against
tests/sync/minimal_receiver.py, written from the document alone. A county checks its own
receiver with CREDIT_DESK_CONFORMANCE_URL=http://…: then the tests that only need HTTP run
against it too (it must enrol devices at once, as a trial county does), and those that need
the county's own tools (publishing, files) are skipped for it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from app.sync import client, keys, outbox, usb, wire
from app.users import default_operator_id
from tests.sync import minimal_receiver
from tests.sync.conftest import County

KINDS = ["reference-sqlite", "reference-postgresql", "minimal"]
if os.environ.get("CREDIT_DESK_CONFORMANCE_URL"):
    KINDS.append("external")


class Receiver:
    """One receiver under test, with the few county tools the suite needs (None: has none)."""

    def __init__(self, kind, tmp_path, request, name="county"):
        self.kind = kind
        self._county = self._server = None
        if kind.startswith("reference"):
            url = None
            if kind == "reference-postgresql":
                url = request.getfixturevalue("pg_cluster").new_database()
            self._county = County(tmp_path / name, database_url=url)
            self.url = self._county.url
        elif kind == "minimal":
            self._server, self.minimal = minimal_receiver.serve()
            host, port = self._server.server_address[:2]
            self.url = f"http://{host}:{port}"
        else:
            self.url = os.environ["CREDIT_DESK_CONFORMANCE_URL"].rstrip("/")

    @property
    def tools(self) -> bool:
        return self.kind != "external"

    def publish(self, items) -> int:
        if self._county:
            return self._county.store.publish(items)
        return self.minimal.publish(items)

    def batches_held(self) -> int:
        if self._county:
            return self._county.store.summary()["total_batches"]
        return len(self.minimal.batches)

    def receive_file(self, path) -> None:
        if self._county:
            from app.county.files import receive_files

            receive_files(self._county.store, [path])
        else:
            minimal_receiver.receive_file(self.minimal, path)

    def enrol_file(self, path):
        if self._county:
            from app.county.files import enrol_files

            return enrol_files(self._county.store, [path])[0]["written"]
        return minimal_receiver.enrol_file(self.minimal, path)

    def stop(self):
        if self._county:
            self._county.stop()
        if self._server:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture(params=KINDS)
def receiver(request, tmp_path):
    r = Receiver(request.param, tmp_path, request)
    yield r
    r.stop()


@pytest.fixture
def tools(receiver):
    if not receiver.tools:
        pytest.skip("needs the county's own tools")
    return receiver


@pytest.fixture
def device(demo_db, demo_data, receiver):
    client.enroll(demo_db, demo_data, receiver.url)
    return demo_db


def _http(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        exc.close()
        return exc.code, dict(exc.headers), json.loads(raw)


def _county(receiver) -> dict:
    return json.loads(_http("GET", receiver.url + "/v1/county")[2])


class Forge:
    """Batches as a device makes them, with one thing wrong at a time."""

    def __init__(self, db, data, receiver):
        self.key = outbox.device_key(data)
        self.device = outbox.device_id(db)
        self.box = _county(receiver)["box_key"]
        self.url = receiver.url

    @staticmethod
    def lines(first: int, count: int, **extra) -> bytes:
        out = []
        for seq in range(first, first + count):
            entity_id = str(uuid.UUID(int=seq))
            change = {"journal_seq": seq, "txn_id": str(uuid.UUID(int=seq + 10**6)),
                      "at": "2026-12-06T00:00:00.000000Z", "operator_id": str(uuid.UUID(int=7)),
                      "action": "create", "entity": "place", "entity_id": entity_id,
                      "base_version": None, "version": 1, "before": None,
                      "after": {"id": entity_id, "level": "village", "code": f"{seq:012d}",
                                "name": "村", "parent_id": None, "version": 1,
                                "created_at": "2026-12-06T00:00:00.000000Z",
                                "updated_at": "2026-12-06T00:00:00.000000Z", **extra},
                      "resolution": None}
            out.append(wire.dumps_line(change) + b"\n")
        return b"".join(out)

    def batch(self, sequence, plain, *, version=2, key=None, box=None, device=None,
              tamper=None, **manifest_changes) -> bytes:
        device = device or self.device
        count = len([line for line in plain.split(b"\n") if line])
        seqs = [json.loads(line)["journal_seq"] for line in plain.split(b"\n") if line]
        payload, encryption = plain, None
        if version == 2:
            payload, encryption = wire.seal(plain, box or self.box, device, sequence)
        manifest = {
            "format": "credit-desk-batch", "format_version": version, "device_id": device,
            "key_id": keys.key_id(keys.raw_public(key or self.key)),
            "township_code": "510623105", "township_name": "石泉镇", "sequence": sequence,
            "first_journal_seq": min(seqs, default=0), "last_journal_seq": max(seqs, default=0),
            "change_count": count, "entity_counts": {"place": count}, "schema_version": 1,
            "app_version": "conformance", "created_at": "2026-12-06T00:00:00.000000Z",
            "payload_bytes": len(payload), "payload_sha256": wire.sha256(payload)}
        if encryption:
            manifest["encryption"] = encryption
        manifest.update(manifest_changes)
        if tamper:
            payload = tamper(payload)
        return wire.pack(manifest, key or self.key, payload)

    def put(self, sequence, body, device=None):
        return _http("PUT", f"{self.url}/v1/devices/{device or self.device}/batches/{sequence}",
                     body, {"Content-Type": "application/x-credit-desk-batch"})

    def get_signed(self, path, *, at=None, key=None, device=None):
        at = at or dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        signature = keys.sign(key or self.key, wire.request_message("GET", path, at))
        return _http("GET", self.url + path, headers={
            "X-Credit-Desk-Device": device or self.device, "X-Credit-Desk-Time": at,
            "X-Credit-Desk-Signature": signature})


def test_county_answer_is_integers_only_and_vouches_for_its_encryption_key(receiver):
    info = _county(receiver)
    assert info["protocol"] == 2 and 2 in info["protocols"]
    assert keys.verify(info["public_key"], info["box_key_signature"],
                       wire.box_key_message(info["box_key"]))
    assert info["key_id"] == keys.key_id(info["public_key"])


def test_push_is_taken_once_and_a_resend_gets_the_same_receipt(device, demo_data, receiver,
                                                                local_count):
    result = client.push(device, demo_data, size=300)
    assert result["failed"] is None and result["changes_sent"] == local_count(device) > 900
    content, receipt = device.execute("SELECT content, receipt FROM sync_batch WHERE "
                                      "sequence = 1").fetchone()
    status, headers, body = Forge(device, demo_data, receiver).put(1, content)
    assert status == 200 and headers["X-Credit-Desk-Duplicate"] == "1" and body == receipt
    # The stored batch holds no readable personal data (it travelled sealed).
    number = device.execute("SELECT head_id_number FROM household LIMIT 1").fetchone()[0]
    assert number.encode() not in content


def test_format_1_batch_without_its_final_lf_is_taken(device, demo_data, receiver):
    forge = Forge(device, demo_data, receiver)
    plain = forge.lines(1, 3).rstrip(b"\n")
    status, _, body = forge.put(1, forge.batch(1, plain, version=1))
    assert status == 200
    receipt = wire.parse_receipt(body)
    assert [r["journal_seq"] for r in receipt.head["results"]] == [1, 2, 3]
    assert receipt.verify(_county(receiver)["public_key"])


def test_every_refusal_of_a_batch(device, demo_data, receiver, tmp_path):
    forge = Forge(device, demo_data, receiver)
    other_key = keys.load_or_create(tmp_path / "other.pem")
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    other_box = wire.box_public_b64(X25519PrivateKey.generate())
    good = forge.lines(1, 5)

    def flip(payload):
        return payload[:-1] + bytes([payload[-1] ^ 1])

    cases = [
        (1, b"not a batch\n", 400, "malformed_batch"),
        (1, forge.batch(1, good, format_version=3), 400, "unsupported_version"),
        (1, forge.batch(1, good, encryption={"scheme": "ROT13", "county_key_id": "x",
                                             "ephemeral_key": "x", "nonce": "x"}),
         400, "unsupported_encryption"),
        (2, forge.batch(1, good), 400, "path_mismatch"),
        (1, forge.batch(1, good, key=other_key), 401, "bad_signature"),
        (1, forge.batch(1, good, tamper=flip), 400, "payload_mismatch"),
        (1, forge.batch(1, good, box=other_box), 400, "wrong_county_key"),
        (1, forge.batch(1, forge.lines(1, 2, area=1.5)), 400, "float_in_payload"),
        (1, forge.batch(1, good, change_count=6), 400, "payload_mismatch"),
    ]
    for sequence, body, status, code in cases:
        got = forge.put(sequence, body)
        assert (got[0], got[2]["error"]) == (status, code), code
    stranger = str(uuid.uuid4())
    got = forge.put(1, forge.batch(1, good, device=stranger, key=other_key), device=stranger)
    assert (got[0], got[2]["error"]) == (403, "unknown_device")

    assert forge.put(1, forge.batch(1, good))[0] == 200
    got = forge.put(1, forge.batch(1, forge.lines(1, 4)))
    assert (got[0], got[2]["error"]) == (409, "sequence_used")
    got = forge.put(3, forge.batch(3, forge.lines(10, 2)))
    assert (got[0], got[2]["error"]) == (409, "sequence_gap")
    got = forge.put(2, forge.batch(2, forge.lines(5, 2)))
    assert (got[0], got[2]["error"]) == (409, "change_already_received")
    assert forge.put(2, forge.batch(2, forge.lines(6, 2)))[0] == 200


def test_receipts_need_a_fresh_signed_request_by_their_device(device, demo_data, receiver,
                                                             tmp_path):
    forge = Forge(device, demo_data, receiver)
    assert forge.put(1, forge.batch(1, forge.lines(1, 2)))[0] == 200
    path = f"/v1/devices/{forge.device}/batches/1/receipt"
    status, _, body = _http("GET", receiver.url + path)
    assert (status, body["error"]) == (401, "signature_required")
    status, _, body = forge.get_signed(path, at="2020-01-01T00:00:00.000000Z")
    assert (status, body["error"]) == (401, "stale_request")
    status, _, body = forge.get_signed(path, key=keys.load_or_create(tmp_path / "x.pem"))
    assert (status, body["error"]) == (401, "bad_signature")
    status, _, body = forge.get_signed(path)
    assert status == 200 and wire.parse_receipt(body).head["sequence"] == 1
    # Another enrolled device may not read it.
    other = keys.load_or_create(tmp_path / "other-device.pem")
    other_id = str(uuid.uuid4())
    public = keys.public_b64(other)
    enrol = {"device_id": other_id, "township_code": "510623106", "township_name": "黄鹿镇",
             "public_key": public, "label": "x",
             "proof": keys.sign(other, keys.enrol_proof_message(other_id, public))}
    assert _http("POST", receiver.url + "/v1/devices", json.dumps(enrol).encode(),
                 {"Content-Type": "application/json"})[0] in (200, 201)
    status, _, body = forge.get_signed(path, key=other, device=other_id)
    assert (status, body["error"]) == (403, "other_device")
    # The same device id with another key is refused at enrolment.
    enrol["public_key"] = keys.public_b64(keys.load_or_create(tmp_path / "third.pem"))
    enrol["proof"] = keys.sign(keys.load_or_create(tmp_path / "third.pem"),
                               keys.enrol_proof_message(other_id, enrol["public_key"]))
    status, _, body = _http("POST", receiver.url + "/v1/devices", json.dumps(enrol).encode(),
                            {"Content-Type": "application/json"})
    assert (status, body["error"]) == (409, "key_mismatch")


def test_push_to_a_receiver_with_another_key_sends_nothing(device, demo_data, tools, tmp_path,
                                                          request):
    other = Receiver(tools.kind, tmp_path, request, name="impostor")
    try:
        with pytest.raises(client.CountyKeyChanged):
            client.push(device, demo_data, url=other.url)
        assert other.batches_held() == 0
    finally:
        other.stop()


def test_hostile_correction_is_refused_by_the_device(device, demo_data, tools):
    client.push(device, demo_data)
    household = device.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
    user = device.execute("SELECT id FROM app_user LIMIT 1").fetchone()[0]
    tools.publish([
        {"kind": "correction", "entity": "app_user", "entity_id": user, "version": 9,
         "data": {"id": user, "role": "admin"}},
        {"kind": "correction", "entity": "household", "entity_id": household, "version": 9,
         "data": {"id": household, "phone": "13955556666"}},
    ])
    result = client.pull(device, demo_data, default_operator_id(device))
    assert result["refused"] == 1 and result["corrections"] == 1
    assert device.execute("SELECT phone FROM household WHERE id = ?",
                          [household]).fetchone()[0] == "13955556666"


def test_enrolment_by_file_and_refusal_files(demo_db, demo_data, tools, tmp_path):
    stick = tmp_path / "stick"
    request = client.enrolment_request(demo_db, demo_data, stick)
    approval = tools.enrol_file(request)
    assert client.enroll_from_approval(demo_db, demo_data, approval)["status"] == "active"
    usb.export_batches(demo_db, demo_data, stick, size=400)
    files = sorted(stick.glob("*.ctbatch"))
    damaged = bytearray(files[1].read_bytes())
    damaged[-1] ^= 0xFF  # damaged on the stick (a byte always changed, whatever it was)
    files[1].write_bytes(bytes(damaged))
    for path in files:
        tools.receive_file(path)
    result = usb.import_receipts(demo_db, stick)
    assert result["acknowledged"] == 1
    assert result["county_refused"][0]["sequence"] == 2
    assert result["county_refused"][0]["code"] == "payload_mismatch"
    # Batch 3 came after a refused one: the county says which number it expected.
    assert {r["code"] for r in result["county_refused"][1:]} <= {"sequence_gap"}


def test_signed_downlink_fetch(device, demo_data, tools):
    tools.publish([{"kind": "policy", "name": "credit", "version": "2026.9",
                    "content": {"repair_months": {"minor": 3}}}])
    status, _, body = _http("GET", tools.url + "/v1/downlink/1")
    assert (status, body["error"]) == (401, "signature_required")
    assert client.pull(device, demo_data, default_operator_id(device))["policies"] == 1


def test_the_document_example_opens_a_real_batch(device, demo_data, receiver):
    """§13's code, run on a batch this client made, with the minimal receiver's keys."""
    if receiver.kind != "minimal":
        pytest.skip("needs the county's private key at hand")
    client.push(device, demo_data, size=5000)
    content = device.execute("SELECT content FROM sync_batch WHERE sequence = 1").fetchone()[0]
    doc = (Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md").read_text(
        encoding="utf-8")
    code = doc.split("```python\n")[-1].split("```")[0]
    scope: dict = {}
    exec(compile(code, "sync-protocol.md", "exec"), scope)  # noqa: S102 - the document's code
    county = receiver.minimal
    manifest, changes = scope["open_batch"](
        content, keys.public_b64(outbox.device_key(demo_data)), county.box_key,
        base64.b64decode(county.box_public))
    assert manifest["sequence"] == 1 and len(changes) == manifest["change_count"]

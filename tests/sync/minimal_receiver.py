"""A county receiver written from docs/sync-protocol.md alone, as a county IT team would.

It imports nothing of Township Credit Desk: only the standard library and pyca/cryptography,
and it keeps everything in memory. The conformance suite (test_conformance.py) runs against it
and against the reference receiver alike; when the two disagree, the document is unclear.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MANIFEST = ("format", "format_version", "device_id", "key_id", "township_code", "township_name",
            "sequence", "first_journal_seq", "last_journal_seq", "change_count", "entity_counts",
            "schema_version", "app_version", "created_at", "payload_bytes", "payload_sha256")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def raw(key) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(raw_key: bytes) -> str:
    return hashlib.sha256(raw_key).hexdigest()[:16]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dumps(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(has_float(v) for v in value)
    return False


class Refused(Exception):
    def __init__(self, status, code, message=""):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message or code


class MinimalCounty:
    def __init__(self):
        self.sign_key = Ed25519PrivateKey.generate()
        self.box_key = X25519PrivateKey.generate()
        self.public = b64(raw(self.sign_key.public_key()))
        self.box_public = b64(raw(self.box_key.public_key()))
        self.box_sig = b64(self.sign_key.sign(f"credit-desk-box-key:{self.box_public}".encode()))
        self.devices: dict[str, dict] = {}
        self.batches: dict[tuple, tuple[str, bytes]] = {}   # (device, seq) -> (sha, receipt)
        self.changes: set[tuple] = set()                     # (device, journal_seq)
        self.records: dict[tuple, tuple] = {}                # (entity, id) -> (version, source, data)
        self.blocked: set[tuple] = set()
        self.packages: list[bytes] = []
        self.lock = threading.Lock()

    def info(self):
        return {"county_code": "000001", "county_name": "Minimal county",
                "public_key": self.public, "key_id": key_id(raw(self.sign_key.public_key())),
                "box_key": self.box_public, "box_key_signature": self.box_sig, "protocol": 2,
                "protocols": [1, 2], "deprecated": {"1": "2027-06-30"}, "server_time": now()}

    def sign_file(self, head: dict, payload: bytes = b"") -> bytes:
        line1 = dumps(head)
        return line1 + b"\n" + b64(self.sign_key.sign(line1)).encode() + b"\n" + payload

    def enrol(self, body):
        need = ("device_id", "township_code", "township_name", "public_key", "proof")
        if not all(isinstance(body.get(k), str) and body[k] for k in need):
            raise Refused(400, "malformed_enrolment")
        message = f"credit-desk-enroll:{body['device_id']}:{body['public_key']}".encode()
        if not verify(body["public_key"], body["proof"], message):
            raise Refused(401, "bad_signature")
        known = self.devices.get(body["device_id"])
        if known and known["public_key"] != body["public_key"]:
            raise Refused(409, "key_mismatch")
        if known:
            return 200, known["status"]
        self.devices[body["device_id"]] = {"public_key": body["public_key"], "status": "active",
                                           "township": body["township_code"]}
        return 201, "active"

    def take(self, device_id, sequence, data):
        line1, sep, rest = data.partition(b"\n")
        line2, _, payload = rest.partition(b"\n")
        try:
            m = json.loads(line1)
        except ValueError:
            raise Refused(400, "malformed_batch") from None
        if not sep or not isinstance(m, dict) or m.get("format") != "credit-desk-batch":
            raise Refused(400, "malformed_batch")
        if m.get("format_version") not in (1, 2):
            raise Refused(400, "unsupported_version")
        if any(f not in m for f in MANIFEST):
            raise Refused(400, "malformed_batch")
        if has_float(m):
            raise Refused(400, "float_in_payload")
        enc = m.get("encryption")
        if m["format_version"] == 2:
            if not isinstance(enc, dict) or not all(
                    isinstance(enc.get(k), str) for k in ("scheme", "county_key_id",
                                                          "ephemeral_key", "nonce")):
                raise Refused(400, "malformed_batch")
            if enc["scheme"] != "X25519-HKDF-SHA256-AES256GCM":
                raise Refused(400, "unsupported_encryption")
        if m["device_id"] != device_id or m["sequence"] != sequence:
            raise Refused(400, "path_mismatch")
        device = self.devices.get(device_id)
        if device is None:
            raise Refused(403, "unknown_device")
        if device["status"] != "active":
            raise Refused(403, "device_" + device["status"])
        if not verify(device["public_key"], line2.decode("ascii", "replace").strip(), line1):
            raise Refused(401, "bad_signature")
        if len(payload) != m["payload_bytes"] or \
                hashlib.sha256(payload).hexdigest() != m["payload_sha256"]:
            raise Refused(400, "payload_mismatch")
        plain = payload if m["format_version"] == 1 else self.unseal(m, payload)
        lines = [line for line in plain.split(b"\n") if line] if plain else []
        try:
            changes = [json.loads(line) for line in lines]
        except ValueError:
            raise Refused(400, "payload_mismatch") from None
        if len(changes) != m["change_count"] or not all(isinstance(c, dict) for c in changes):
            raise Refused(400, "payload_mismatch")
        if any(has_float(c) for c in changes):
            raise Refused(400, "float_in_payload")
        seqs = [c.get("journal_seq") for c in changes]
        if not all(isinstance(s, int) and m["first_journal_seq"] <= s <= m["last_journal_seq"]
                   for s in seqs) or seqs != sorted(set(seqs)):
            raise Refused(400, "payload_mismatch")
        sha = hashlib.sha256(data).hexdigest()
        with self.lock:
            held = self.batches.get((device_id, sequence))
            if held:
                if held[0] == sha:
                    return held[1], True
                raise Refused(409, "sequence_used")
            last = max([s for d, s in self.batches if d == device_id], default=0)
            if sequence != last + 1:
                raise Refused(409, "sequence_gap", f"expected sequence {last + 1}")
            if any((device_id, s) in self.changes for s in seqs):
                raise Refused(409, "change_already_received")
            results = [self.apply(device_id, c) for c in changes]
            counts = {k: sum(r["result"] == k for r in results)
                      for k in ("accepted", "conflict", "rejected")}
            receipt = self.sign_file({
                "format": "credit-desk-receipt", "format_version": 1, "county_code": "000001",
                "device_id": device_id, "sequence": sequence, "batch_sha256": sha,
                "payload_sha256": m["payload_sha256"], "change_count": m["change_count"],
                "received_at": now(), "accepted": counts["accepted"],
                "conflicts": counts["conflict"], "rejected": counts["rejected"],
                "results": results})
            self.batches[(device_id, sequence)] = (sha, receipt)
            self.changes.update((device_id, s) for s in seqs)
        return receipt, False

    def unseal(self, m, payload) -> bytes:
        enc = m["encryption"]
        mine = raw(self.box_key.public_key())
        if enc["county_key_id"] != key_id(mine):
            raise Refused(400, "wrong_county_key")
        try:
            eph = base64.b64decode(enc["ephemeral_key"])
            shared = self.box_key.exchange(X25519PublicKey.from_public_bytes(eph))
            key = HKDF(hashes.SHA256(), 32, None, b"credit-desk-batch-v2" + eph + mine
                       ).derive(shared)
            aad = f"credit-desk-batch:{m['device_id']}:{m['sequence']}".encode()
            return AESGCM(key).decrypt(base64.b64decode(enc["nonce"]), payload, aad)
        except (InvalidTag, ValueError):
            raise Refused(400, "payload_mismatch") from None

    def apply(self, device_id, c):
        seq = c["journal_seq"]
        if c.get("action") not in ("create", "update", "delete") or not c.get("entity") \
                or not c.get("entity_id"):
            return {"journal_seq": seq, "result": "rejected", "reason": "incomplete"}
        key = (c["entity"], c["entity_id"])
        rec = self.records.get(key)
        block = (*key, device_id)
        if rec is not None:
            fits = c.get("base_version") == rec[0] and (block not in self.blocked
                                                        or c.get("resolution"))
            if not fits:
                self.blocked.add(block)
                return {"journal_seq": seq, "result": "conflict", "county_version": rec[0],
                        "county_source": rec[1], "county_data": rec[2]}
            self.blocked.discard(block)
        self.records[key] = (c.get("version"), device_id, c.get("after"))
        return {"journal_seq": seq, "result": "accepted"}

    def publish(self, items) -> int:
        items = [{"item_id": str(uuid.uuid4()), **i} for i in items]
        payload = b"".join(dumps(i) + b"\n" for i in items)
        number = len(self.packages) + 1
        self.packages.append(self.sign_file({
            "format": "credit-desk-downlink", "format_version": 1, "county_code": "000001",
            "package": number, "issued_at": now(), "item_count": len(items),
            "payload_bytes": len(payload),
            "payload_sha256": hashlib.sha256(payload).hexdigest()}, payload))
        return number

    def check_signed(self, method, path, headers) -> str:
        device_id, at, sig = (headers.get("X-Credit-Desk-" + h) for h in
                              ("Device", "Time", "Signature"))
        if not (device_id and at and sig):
            raise Refused(401, "signature_required")
        device = self.devices.get(device_id)
        if device is None:
            raise Refused(403, "unknown_device")
        if device["status"] != "active":
            raise Refused(403, "device_" + device["status"])
        try:
            when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
            fresh = abs((dt.datetime.now(dt.timezone.utc) - when).total_seconds()) <= 300
        except ValueError:
            fresh = False
        if not fresh:
            raise Refused(401, "stale_request")
        if not verify(device["public_key"], sig,
                      f"credit-desk-request\n{method}\n{path}\n{at}".encode()):
            raise Refused(401, "bad_signature")
        return device_id


def verify(public_b64: str, sig_b64: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(
            base64.b64decode(sig_b64), message)
        return True
    except (InvalidSignature, ValueError):
        return False


BATCH = re.compile(r"^/v1/devices/([0-9A-Za-z-]{1,64})/batches/(\d{1,9})(/receipt)?$")
DEVICE = re.compile(r"^/v1/devices/([0-9A-Za-z-]{1,64})$")
PACKAGE = re.compile(r"^/v1/downlink/(\d{1,9})$")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body: bytes, ctype="application/json", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def handle_one(self, work):
        try:
            work(self.server.county)
        except Refused as exc:
            self.reply(exc.status, dumps({"error": exc.code, "message": exc.message}))

    def do_GET(self):  # noqa: N802
        path, _, query = self.path.partition("?")

        def work(c: MinimalCounty):
            if path == "/v1/county":
                return self.reply(200, dumps(c.info()))
            if m := DEVICE.match(path):
                if m.group(1) not in c.devices:
                    raise Refused(404, "unknown_device")
                seqs = [s for d, s in c.batches if d == m.group(1)]
                journal = [s for d, s in c.changes if d == m.group(1)]
                return self.reply(200, dumps({
                    "device_id": m.group(1), "status": c.devices[m.group(1)]["status"],
                    "last_acknowledged_sequence": max(seqs, default=0),
                    "last_journal_seq": max(journal, default=0)}))
            if (m := BATCH.match(path)) and m.group(3):
                if c.check_signed("GET", path, self.headers) != m.group(1):
                    raise Refused(403, "other_device")
                held = c.batches.get((m.group(1), int(m.group(2))))
                if held is None:
                    raise Refused(404, "no_such_batch")
                return self.reply(200, held[1], "application/x-credit-desk-receipt")
            if path == "/v1/downlink":
                after = int(query.partition("after=")[2] or 0)
                return self.reply(200, dumps({"packages": list(range(after + 1,
                                                                      len(c.packages) + 1))}))
            if m := PACKAGE.match(path):
                c.check_signed("GET", path, self.headers)
                n = int(m.group(1))
                if not 1 <= n <= len(c.packages):
                    raise Refused(404, "no_such_package")
                return self.reply(200, c.packages[n - 1], "application/x-credit-desk-downlink")
            raise Refused(404, "not_found")

        self.handle_one(work)

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_POST(self):  # noqa: N802
        def work(c: MinimalCounty):
            if self.path != "/v1/devices":
                raise Refused(404, "not_found")
            try:
                body = json.loads(self.body())
            except ValueError:
                raise Refused(400, "malformed_enrolment") from None
            status, state = c.enrol(body if isinstance(body, dict) else {})
            self.reply(status, dumps({"device_id": body["device_id"], "status": state,
                                      "county_public_key": c.public,
                                      "county_key_id": c.info()["key_id"]}))

        self.handle_one(work)

    def do_PUT(self):  # noqa: N802
        def work(c: MinimalCounty):
            m = BATCH.match(self.path)
            data = self.body()
            if not m or m.group(3):
                raise Refused(404, "not_found")
            receipt, duplicate = c.take(m.group(1), int(m.group(2)), data)
            self.reply(200, receipt, "application/x-credit-desk-receipt",
                       {"X-Credit-Desk-Duplicate": "1" if duplicate else "0"})

        self.handle_one(work)


def serve() -> tuple[ThreadingHTTPServer, MinimalCounty]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.county = MinimalCounty()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    return server, server.county


# ---------------------------------------------------------------- files (§2.1, §7)

def receive_file(county: MinimalCounty, path) -> None:
    """A batch file from a stick: its receipt, or a refusal file, written beside it."""
    data = path.read_bytes()
    try:
        head = json.loads(data.split(b"\n", 1)[0])
    except ValueError:
        head = {}
    head = head if isinstance(head, dict) else {}
    stem = path.name[:-len(".ctbatch")]
    try:
        receipt, _ = county.take(head.get("device_id"), head.get("sequence"), data)
    except Refused as exc:
        (path.parent / (stem + ".refused.json")).write_bytes(dumps({
            "format": "credit-desk-refusal", "format_version": 1, "file": path.name,
            "device_id": head.get("device_id"), "sequence": head.get("sequence"),
            "batch_sha256": hashlib.sha256(data).hexdigest(), "status": exc.status,
            "error": exc.code, "message": exc.message, "refused_at": now()}) + b"\n")
        return
    (path.parent / (stem + ".ctreceipt")).write_bytes(receipt)


def enrol_file(county: MinimalCounty, path):
    """An enrolment request file in, the signed approval file out (active at once)."""
    body = json.loads(path.read_bytes())
    county.enrol(body)
    county.devices[body["device_id"]]["status"] = "active"
    target = path.with_name(path.name[:-len(".ctenrol")] + ".ctapproval")
    info = county.info()
    target.write_bytes(county.sign_file({
        "format": "credit-desk-enrolment-approval", "format_version": 1,
        "county_code": info["county_code"], "county_name": info["county_name"],
        "device_id": body["device_id"], "status": "active", "public_key": county.public,
        "key_id": info["key_id"], "box_key": county.box_public,
        "box_key_signature": county.box_sig, "protocol": 2, "issued_at": now()}))
    return target

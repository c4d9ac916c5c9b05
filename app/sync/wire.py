"""Signed files of the protocol: batches, receipts, downlink packages, approvals.

Every signed file is ``line 1`` (a JSON object), ``line 2`` (base64 Ed25519
signature of line 1's bytes) and, for batches and downlink packages, a payload
of JSON lines whose SHA-256 the first line states (docs/sync-protocol.md §3, §5,
§8). Every line ends in LF; a reader accepts a file whose last LF is missing.
From protocol 2 a batch's payload is encrypted to the county's X25519 key
(``seal``/``unseal``). Shared by the client and the reference county server.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.sync import keys

BATCH_FORMAT = "credit-desk-batch"
RECEIPT_FORMAT = "credit-desk-receipt"
DOWNLINK_FORMAT = "credit-desk-downlink"
APPROVAL_FORMAT = "credit-desk-enrolment-approval"
REQUEST_FORMAT = "credit-desk-enrolment-request"
REFUSAL_FORMAT = "credit-desk-refusal"
# Receipts and downlink packages are format 1; batches are format 2 (encrypted
# payload), and format 1 batches are still taken during the deprecation period.
FORMAT_VERSION = 1
BATCH_VERSION = 2
BATCH_VERSIONS = (1, 2)
PROTOCOL = 2
PROTOCOLS = (1, 2)
DEPRECATED = {1: "2027-06-30"}  # protocol/batch format -> last day it is taken
SCHEME = "X25519-HKDF-SHA256-AES256GCM"

BATCH_FIELDS = ("format", "format_version", "device_id", "key_id", "township_code",
                "township_name", "sequence", "first_journal_seq", "last_journal_seq",
                "change_count", "entity_counts", "schema_version", "app_version", "created_at",
                "payload_bytes", "payload_sha256")
BATCH_FIELDS_2 = BATCH_FIELDS + ("encryption",)
ENCRYPTION_FIELDS = ("scheme", "county_key_id", "ephemeral_key", "nonce")
APPROVAL_FIELDS = ("format", "format_version", "county_code", "county_name", "device_id",
                   "status", "public_key", "key_id", "box_key", "issued_at")
RECEIPT_FIELDS = ("format", "format_version", "county_code", "device_id", "sequence",
                  "batch_sha256", "payload_sha256", "change_count", "received_at", "accepted",
                  "conflicts", "rejected", "results")
DOWNLINK_FIELDS = ("format", "format_version", "county_code", "package", "issued_at",
                   "item_count", "payload_bytes", "payload_sha256")


class WireError(ValueError):
    """A file that does not follow the protocol; ``code`` is the protocol's error code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dumps_line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class Signed:
    head_bytes: bytes
    head: dict[str, Any]
    signature: str
    payload: bytes
    whole: bytes

    def verify(self, public_key) -> bool:
        return keys.verify(public_key, self.signature, self.head_bytes)

    def lines(self, payload: bytes | None = None) -> list[bytes]:
        payload = self.payload if payload is None else payload
        if not payload:
            return []
        return payload[:-1].split(b"\n") if payload.endswith(b"\n") else payload.split(b"\n")


def pack(head: dict[str, Any], key, payload: bytes = b"") -> bytes:
    """Sign ``head`` (its exact serialised bytes) and append the payload."""
    head_bytes = dumps_line(head)
    return head_bytes + b"\n" + keys.sign(key, head_bytes).encode("ascii") + b"\n" + payload


def parse(data: bytes, fmt: str, fields: tuple[str, ...], code: str,
          versions: tuple[int, ...] = (FORMAT_VERSION,)) -> Signed:
    first = data.find(b"\n")
    if first < 0:
        raise WireError(code, "the file does not have a manifest line and a signature line")
    second = data.find(b"\n", first + 1)
    if second < 0:  # the final LF of the signature line is missing: accepted (§1)
        second = len(data)
    head_bytes = data[:first]
    try:
        head = json.loads(head_bytes.decode("utf-8"))
        signature = data[first + 1:second].decode("ascii").strip()
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError(code, f"the first line is not JSON: {exc}") from None
    if not isinstance(head, dict) or head.get("format") != fmt:
        raise WireError(code, f"not a {fmt} file")
    if head.get("format_version") not in versions:
        raise WireError("unsupported_version",
                        f"unsupported format_version {head.get('format_version')!r} of {fmt} "
                        f"(this side reads {', '.join(map(str, versions))})")
    missing = [f for f in fields if f not in head]
    if missing:
        raise WireError(code, "missing fields: " + ", ".join(missing))
    floats = [k for k, v in head.items() if isinstance(v, float)]
    if floats:
        raise WireError("float_in_payload", "numbers must be integers: " + ", ".join(floats))
    return Signed(head_bytes, head, signature, data[second + 1:], data)


def _refuse_float(text: str):
    """json's hook for a number with a fraction or exponent: never allowed on the wire."""
    raise WireError("float_in_payload", f"a payload line holds the number {text}; the "
                                        "protocol carries integers only")


def check_hash(signed: Signed) -> None:
    head = signed.head
    if len(signed.payload) != head["payload_bytes"] or sha256(signed.payload) != head["payload_sha256"]:
        raise WireError("payload_mismatch",
                        "the payload's SHA-256 or length differs from the manifest "
                        "(the file was changed or cut off)")


def decode_lines(signed: Signed, count_field: str, payload: bytes | None = None
                 ) -> tuple[list[bytes], list[dict[str, Any]]]:
    """The payload's lines and their objects; the count as the head says, no floats."""
    lines = signed.lines(payload)
    try:
        items = [json.loads(line, parse_float=_refuse_float) for line in lines]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError("payload_mismatch", f"a payload line is not JSON: {exc}") from None
    if len(items) != signed.head[count_field] or not all(isinstance(i, dict) for i in items):
        raise WireError("payload_mismatch", "the number of payload lines differs from the manifest")
    return lines, items


def check_payload(signed: Signed, count_field: str) -> list[dict[str, Any]]:
    """Payload bytes, hash and line count as the head says; the lines decoded."""
    check_hash(signed)
    return decode_lines(signed, count_field)[1]


def parse_batch(data: bytes) -> Signed:
    signed = parse(data, BATCH_FORMAT, BATCH_FIELDS, "malformed_batch", BATCH_VERSIONS)
    if signed.head["format_version"] >= 2:
        enc = signed.head.get("encryption")
        if not isinstance(enc, dict) or any(not isinstance(enc.get(f), str)
                                            for f in ENCRYPTION_FIELDS):
            raise WireError("malformed_batch", "a format 2 batch needs encryption: "
                            + ", ".join(ENCRYPTION_FIELDS))
        if enc["scheme"] != SCHEME:
            raise WireError("unsupported_encryption", f"unknown scheme {enc['scheme']!r}")
    return signed


# ---------------------------------------------------------------- encryption

def box_key_message(box_key_b64: str) -> bytes:
    """What the county's signing key signs to vouch for its encryption key."""
    return f"credit-desk-box-key:{box_key_b64}".encode("utf-8")


def box_public_b64(key: X25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return keys.b64(key.public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw))


def _aad(device_id: str, sequence: int) -> bytes:
    return f"credit-desk-batch:{device_id}:{sequence}".encode("utf-8")


def _derive(shared: bytes, ephemeral: bytes, county: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"credit-desk-batch-v2" + ephemeral + county).derive(shared)


def seal(payload: bytes, county_box_b64: str, device_id: str, sequence: int
         ) -> tuple[bytes, dict[str, str]]:
    """Encrypt a batch payload to the county: (ciphertext, the manifest's ``encryption``)."""
    county = keys.unb64(county_box_b64)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = keys.unb64(box_public_b64(ephemeral))
    key = _derive(ephemeral.exchange(X25519PublicKey.from_public_bytes(county)), ephemeral_raw,
                  county)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, payload, _aad(device_id, sequence))
    return sealed, {"scheme": SCHEME, "county_key_id": keys.key_id(county),
                    "ephemeral_key": keys.b64(ephemeral_raw),
                    "nonce": base64.b64encode(nonce).decode("ascii")}


def unseal(signed: Signed, box_key: X25519PrivateKey) -> bytes:
    """The plain payload of a format 2 batch; WireError if it is not for this key."""
    enc = signed.head["encryption"]
    county = keys.unb64(box_public_b64(box_key))
    if enc["county_key_id"] != keys.key_id(county):
        raise WireError("wrong_county_key", "the batch is encrypted to another county key "
                                            f"({enc['county_key_id']})")
    try:
        ephemeral = keys.unb64(enc["ephemeral_key"])
        key = _derive(box_key.exchange(X25519PublicKey.from_public_bytes(ephemeral)),
                      ephemeral, county)
        return AESGCM(key).decrypt(keys.unb64(enc["nonce"]), signed.payload,
                                   _aad(signed.head["device_id"], signed.head["sequence"]))
    except (InvalidTag, ValueError, TypeError):
        raise WireError("payload_mismatch", "the encrypted payload does not open with the "
                                            "county key (changed on the way)") from None


# ---------------------------------------------------------------- signed requests

def request_message(method: str, path: str, at: str) -> bytes:
    return f"credit-desk-request\n{method}\n{path}\n{at}".encode("utf-8")


def parse_receipt(data: bytes) -> Signed:
    signed = parse(data, RECEIPT_FORMAT, RECEIPT_FIELDS, "malformed_receipt")
    if signed.payload.strip():
        raise WireError("malformed_receipt", "unexpected bytes after the signature")
    return signed


def parse_downlink(data: bytes) -> Signed:
    return parse(data, DOWNLINK_FORMAT, DOWNLINK_FIELDS, "malformed_downlink")


def parse_approval(data: bytes) -> Signed:
    signed = parse(data, APPROVAL_FORMAT, APPROVAL_FIELDS, "malformed_approval")
    if signed.payload.strip():
        raise WireError("malformed_approval", "unexpected bytes after the signature")
    return signed

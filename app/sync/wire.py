"""Signed files of the protocol: batches, receipts, downlink packages.

Every signed file is ``line 1`` (a JSON object), ``line 2`` (base64 Ed25519
signature of line 1's bytes) and, for batches and downlink packages, a payload
of JSON lines whose SHA-256 the first line states (docs/sync-protocol.md §3, §5,
§8). Shared by the client and the reference county server.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.sync import keys

BATCH_FORMAT = "credit-desk-batch"
RECEIPT_FORMAT = "credit-desk-receipt"
DOWNLINK_FORMAT = "credit-desk-downlink"
FORMAT_VERSION = 1

BATCH_FIELDS = ("format", "format_version", "device_id", "key_id", "township_code",
                "township_name", "sequence", "first_journal_seq", "last_journal_seq",
                "change_count", "entity_counts", "schema_version", "app_version", "created_at",
                "payload_bytes", "payload_sha256")
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

    def lines(self) -> list[bytes]:
        if not self.payload:
            return []
        return self.payload[:-1].split(b"\n") if self.payload.endswith(b"\n") else \
            self.payload.split(b"\n")


def pack(head: dict[str, Any], key, payload: bytes = b"") -> bytes:
    """Sign ``head`` (its exact serialised bytes) and append the payload."""
    head_bytes = dumps_line(head)
    return head_bytes + b"\n" + keys.sign(key, head_bytes).encode("ascii") + b"\n" + payload


def parse(data: bytes, fmt: str, fields: tuple[str, ...], code: str) -> Signed:
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    if first < 0 or second < 0:
        raise WireError(code, "the file does not have a manifest line and a signature line")
    head_bytes = data[:first]
    try:
        head = json.loads(head_bytes.decode("utf-8"))
        signature = data[first + 1:second].decode("ascii").strip()
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError(code, f"the first line is not JSON: {exc}") from None
    if not isinstance(head, dict) or head.get("format") != fmt:
        raise WireError(code, f"not a {fmt} file")
    if head.get("format_version") != FORMAT_VERSION:
        raise WireError(code, f"unsupported format_version {head.get('format_version')!r}")
    missing = [f for f in fields if f not in head]
    if missing:
        raise WireError(code, "missing fields: " + ", ".join(missing))
    return Signed(head_bytes, head, signature, data[second + 1:], data)


def check_payload(signed: Signed, count_field: str) -> list[dict[str, Any]]:
    """Payload bytes, hash and line count as the head says; the lines decoded."""
    head = signed.head
    if len(signed.payload) != head["payload_bytes"] or sha256(signed.payload) != head["payload_sha256"]:
        raise WireError("payload_mismatch",
                        "the payload's SHA-256 or length differs from the manifest "
                        "(the file was changed or cut off)")
    try:
        items = [json.loads(line) for line in signed.lines()]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError("payload_mismatch", f"a payload line is not JSON: {exc}") from None
    if len(items) != head[count_field] or not all(isinstance(i, dict) for i in items):
        raise WireError("payload_mismatch", "the number of payload lines differs from the manifest")
    return items


def parse_batch(data: bytes) -> Signed:
    return parse(data, BATCH_FORMAT, BATCH_FIELDS, "malformed_batch")


def parse_receipt(data: bytes) -> Signed:
    signed = parse(data, RECEIPT_FORMAT, RECEIPT_FIELDS, "malformed_receipt")
    if signed.payload.strip():
        raise WireError("malformed_receipt", "unexpected bytes after the signature")
    return signed


def parse_downlink(data: bytes) -> Signed:
    return parse(data, DOWNLINK_FORMAT, DOWNLINK_FIELDS, "malformed_downlink")

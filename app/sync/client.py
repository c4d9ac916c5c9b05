"""The device side of the HTTP API (docs/sync-protocol.md §4): enrol, push, pull.

Uploads are retried with doubling back-off on connection errors, timeouts
and 5xx answers, always with the identical stored bytes; a refusal (4xx) is
recorded on the batch with the county's message. A batch is acknowledged
only by ``receipts.apply_receipt`` after its receipt verifies.
"""

from __future__ import annotations

import json
import random
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable

from sqlite_utils import Database

from app import settings
from app.errors import UserError
from app.i18n import translate
from app.jobs import NO_JOB, Cancelled, Job
from app.journal import utc_now
from app.paths import DataDir
from app.sync import keys, outbox, receipts


def refusal_text(code: str) -> str | None:
    """What a county refusal code means, for the official (protocol §4)."""
    return {
        "malformed_batch": translate("Sync", "the batch file is damaged or not a batch"),
        "path_mismatch": translate("Sync", "the batch was sent under another number"),
        "unknown_device": translate("Sync", "the county does not know this device; enrol it "
                                            "again"),
        "device_pending": translate("Sync", "the county has not yet approved this device; ask "
                                            "the county IT team to approve it"),
        "device_revoked": translate("Sync", "the county revoked this device's key; ask the "
                                            "county IT team"),
        "bad_signature": translate("Sync", "the signature does not match the key the county "
                                           "holds for this device"),
        "payload_mismatch": translate("Sync", "the batch was changed or cut off on the way"),
        "sequence_used": translate("Sync", "the county already holds a different batch under "
                                           "this number"),
        "sequence_gap": translate("Sync", "an earlier batch has not reached the county yet"),
        "change_already_received": translate("Sync", "changes of this batch reached the "
                                                     "county before in another batch"),
        "key_mismatch": translate("Sync", "this device is enrolled at the county with another "
                                          "key"),
        "too_large": translate("Sync", "the batch is larger than the county accepts; use a "
                                       "smaller batch size"),
    }.get(code)


class CountyRefused(UserError):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message
        super().__init__(translate("Sync", "The county refused: {reason} ({code}: {message})")
                         .format(reason=refusal_text(code) or message, code=code,
                                 message=message))


class Unreachable(UserError):
    def __init__(self, why: str):
        self.why = why
        super().__init__(translate("Sync", "The county server cannot be reached: {why}. The "
                                           "changes stay in the outbox; try again later.")
                         .format(why=why))


@dataclass
class Retry:
    attempts: int = 5
    base: float = 0.5
    cap: float = 30.0
    sleep: Callable[[float], None] = time.sleep

    def delays(self):
        for i in range(self.attempts - 1):
            yield min(self.cap, self.base * 2 ** i) * random.uniform(0.8, 1.2)


class Transport:
    def __init__(self, url: str, *, timeout: float = 30.0, retry: Retry | None = None,
                 job: Job = NO_JOB):
        if not url or not url.startswith(("http://", "https://")):
            raise UserError(translate("Sync", "Enter the county server address, beginning with "
                                              "http:// or https://."))
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.retry = retry or Retry()
        self.job = job

    def _once(self, method: str, path: str, body: bytes | None, ctype: str | None):
        request = urllib.request.Request(self.url + path, data=body, method=method)
        if ctype:
            request.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            exc.close()
            try:
                info = json.loads(raw.decode("utf-8"))
                code, message = info.get("error", "error"), info.get("message", "")
            except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
                code, message = "http_" + str(exc.code), raw[:200].decode("utf-8", "replace")
            if exc.code >= 500:
                raise Unreachable(f"HTTP {exc.code} {message}") from None
            raise CountyRefused(exc.code, code, message) from None
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError,
                OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise Unreachable(str(reason) or type(exc).__name__) from None

    def call(self, method: str, path: str, body: bytes | None = None,
             ctype: str | None = None) -> tuple[int, dict, bytes]:
        delays = self.retry.delays()
        while True:
            if self.job.cancelled:
                raise Cancelled()
            try:
                return self._once(method, path, body, ctype)
            except Unreachable:
                delay = next(delays, None)
                if delay is None:
                    raise
                self.retry.sleep(delay)

    def json(self, method: str, path: str, obj: Any = None) -> Any:
        body = None if obj is None else json.dumps(obj, ensure_ascii=False).encode("utf-8")
        _, _, raw = self.call(method, path, body, "application/json" if body else None)
        return json.loads(raw.decode("utf-8"))


def enrolment_label(status: str) -> str:
    return {"active": translate("Sync", "in force"),
            "pending": translate("Sync", "awaiting the county's approval"),
            "revoked": translate("Sync", "revoked by the county")}.get(status, status)


def county_url(db: Database, url: str | None) -> str:
    url = url or settings.get(db, "sync.url")
    if not url:
        raise UserError(translate("Sync", "No county server address is set. Give --url or set it "
                                          "on the sync page."))
    return url


def enroll(db: Database, data: DataDir, url: str, *, label: str | None = None,
           timeout: float = 15.0, retry: Retry | None = None) -> dict[str, Any]:
    """Register this device's public key with the county and pin the county key."""
    key = outbox.device_key(data)
    town = outbox.township(db)
    transport = Transport(url, timeout=timeout, retry=retry)
    info = transport.json("GET", "/v1/county")
    pinned = settings.get(db, "sync.county_public_key")
    if pinned and pinned != info["public_key"]:
        raise UserError(translate(
            "Sync", "The county server at {url} has key {new}, but this register trusts county "
                    "key {old}. Ask the county IT team; do not send anything until they confirm."
        ).format(url=url, new=keys.key_id(info["public_key"]), old=keys.key_id(pinned)))
    device = outbox.device_id(db)
    public = keys.public_b64(key)
    answer = transport.json("POST", "/v1/devices", {
        "device_id": device, "township_code": town["code"], "township_name": town["name"],
        "public_key": public, "label": label or town["name"],
        "proof": keys.sign(key, keys.enrol_proof_message(device, public))})
    settings.put(db, "sync.url", url)
    settings.put(db, "sync.county_public_key", info["public_key"])
    settings.put(db, "sync.county_key_id", keys.key_id(info["public_key"]))
    settings.put(db, "sync.county_code", info["county_code"])
    settings.put(db, "sync.enrolment_status", answer["status"])
    return {"device_id": device, "key_id": keys.key_id(public), "status": answer["status"],
            "county_code": info["county_code"], "county_key_id": keys.key_id(info["public_key"])}


def _failed(db: Database, sequence: int, reason: str) -> None:
    with db.atomic():
        db.execute("UPDATE sync_batch SET state = 'failed', reason = ?, attempts = attempts + 1, "
                   "last_attempt_at = ? WHERE sequence = ?", [reason, utc_now(), sequence])


def push(db: Database, data: DataDir, url: str | None = None, *, job: Job = NO_JOB,
         size: int | None = None, timeout: float = 30.0, retry: Retry | None = None
         ) -> dict[str, Any]:
    """Pack what is unpacked, upload every unacknowledged batch in order, verify receipts."""
    url = county_url(db, url)
    receipts.county_key(db)  # enrolled?
    outbox.pack_batches(db, data, size=size, job=job)
    transport = Transport(url, timeout=timeout, retry=retry, job=job)
    result = {"batches_sent": 0, "changes_sent": 0, "duplicates": 0, "conflicts": 0,
              "rejected": 0, "failed": None, "pending_after": 0}
    device = outbox.device_id(db)
    todo = outbox.unacknowledged(db)
    total = sum(b["change_count"] for b in todo)
    done = 0
    try:
        state = transport.json("GET", f"/v1/devices/{device}")
        for batch in todo:
            seq = batch["sequence"]
            job.step(done, total, translate("Sync", "Sending batch {n}").format(n=seq))
            path = f"/v1/devices/{device}/batches/{seq}"
            try:
                if seq <= state["last_acknowledged_sequence"]:
                    _, headers, body = transport.call("GET", path + "/receipt")
                    result["duplicates"] += 1
                else:
                    _, headers, body = transport.call("PUT", path, batch["content"],
                                                      "application/x-credit-desk-batch")
                    if headers.get("X-Credit-Desk-Duplicate") == "1":
                        result["duplicates"] += 1
                # One commit per batch: acknowledged, attempt counted, receipt kept.
                applied = receipts.apply_receipt(db, body)
            except (CountyRefused, receipts.ReceiptRefused, Unreachable) as exc:
                _failed(db, seq, str(exc))
                result["failed"] = {"sequence": seq, "reason": str(exc)}
                break
            result["batches_sent"] += 1
            result["changes_sent"] += batch["change_count"]
            result["conflicts"] += applied["conflicts"]
            result["rejected"] += applied.get("rejected", 0)
            done += batch["change_count"]
        job.step(done, total, "")
    except (Unreachable, CountyRefused) as exc:
        # The county could not even be asked where to resume: the first
        # waiting batch carries the reason, so the page shows it.
        first = todo[0]["sequence"] if todo else None
        if first is not None:
            _failed(db, first, str(exc))
        result["failed"] = {"sequence": first, "reason": str(exc)}
    result["pending_after"] = outbox.status(db)["pending_changes"]
    if result["failed"] is None:
        settings.put(db, "sync.last_sync_at", utc_now())
    return result


def reachable(url: str, timeout: float = 3.0) -> bool:
    try:
        Transport(url, timeout=timeout, retry=Retry(attempts=1)).json("GET", "/v1/county")
        return True
    except UserError:
        return False


def pull(db: Database, data: DataDir, operator_id: str, url: str | None = None, *,
         job: Job = NO_JOB, timeout: float = 30.0, retry: Retry | None = None) -> dict[str, Any]:
    """Fetch, verify and apply every downlink package not yet applied."""
    from app.sync import downlink

    url = county_url(db, url)
    receipts.county_key(db)
    transport = Transport(url, timeout=timeout, retry=retry, job=job)
    last = downlink.last_package(db)
    numbers = transport.json("GET", f"/v1/downlink?after={last}")["packages"]
    summary = {"packages": 0, "list_entries": 0, "policies": 0, "corrections": 0, "flagged": 0,
               "conflicts": 0, "refused": 0}
    refusals: list[str] = []
    for i, number in enumerate(numbers):
        job.step(i, len(numbers), translate("Sync", "Applying county package {n}").format(n=number))
        _, _, body = transport.call("GET", f"/v1/downlink/{number}")
        applied = downlink.apply_package(db, operator_id, body)
        for k in summary:
            summary[k] += applied.get(k, 0)
        refusals += applied.get("refusals", [])
    return {**summary, "refusals": refusals}


def sync_now(db: Database, data: DataDir, operator_id: str, url: str | None = None, *,
             job: Job = NO_JOB, **kw) -> dict[str, Any]:
    """Push then pull: what the sync page's button and auto-sync do."""
    pushed = push(db, data, url, job=job, **kw)
    pulled = pull(db, data, operator_id, url, job=job, **kw) if pushed["failed"] is None else None
    return {"push": pushed, "pull": pulled}

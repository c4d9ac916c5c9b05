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
from pathlib import Path
from typing import Any, Callable

from sqlite_utils import Database

from app import settings
from app.accounts.permissions import require
from app.errors import UserError
from app.i18n import translate
from app.jobs import NO_JOB, Cancelled, Job
from app.journal import utc_now
from app.paths import DataDir
from app.sync import keys, outbox, receipts, wire


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
        "unsupported_version": translate("Sync", "the county no longer takes batches of this "
                                                 "version; update Township Credit Desk"),
        "unsupported_encryption": translate("Sync", "the county cannot open this batch's "
                                                    "encryption; update Township Credit Desk"),
        "wrong_county_key": translate("Sync", "the batch is encrypted to another county key; "
                                              "enrol again with this county"),
        "float_in_payload": translate("Sync", "the batch holds a number the protocol does not "
                                              "allow (a fraction)"),
        "signature_required": translate("Sync", "the county wants a signed request; update "
                                                "Township Credit Desk"),
        "stale_request": translate("Sync", "this computer's clock is far from the county's; "
                                           "set the date and time"),
    }.get(code)


class CountyRefused(UserError):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message
        super().__init__(translate("Sync", "The county refused: {reason} ({code}: {message})")
                         .format(reason=refusal_text(code) or message, code=code,
                                 message=message))


class Unreachable(UserError):
    """No answer at all: no network, wrong address, server down, timeout."""

    def __init__(self, why: str):
        self.why = why
        super().__init__(translate("Sync", "The county server cannot be reached: {why}. The "
                                           "changes stay in the outbox; try again later.")
                         .format(why=why))


class ServerError(UserError):
    """The county server answered, with an error of its own (5xx): retried, then shown."""

    def __init__(self, status: int, message: str):
        self.status, self.why = status, message
        super().__init__(translate("Sync", "The county server reported an error (HTTP {status}: "
                                           "{message}). Nothing was lost; the changes stay in "
                                           "the outbox. If it persists, tell the county IT team.")
                         .format(status=status, message=message))


class CountyKeyChanged(UserError):
    """The server does not hold the county key this register pinned: nothing is sent."""

    def __init__(self, url: str, new: str, old: str):
        super().__init__(translate(
            "Sync", "The county server at {url} has key {new}, but this register trusts county "
                    "key {old}. Nothing was sent. Ask the county IT team; do not send anything "
                    "until they confirm.").format(url=url, new=new, old=old))


# What is tried again with back-off: no answer, or the server's own error.
RETRIED = (Unreachable, ServerError)


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
    """HTTP to the county; ``signer`` (device id, device key) signs requests for personal data."""

    def __init__(self, url: str, *, timeout: float = 30.0, retry: Retry | None = None,
                 job: Job = NO_JOB, signer: tuple[str, Any] | None = None):
        if not url or not url.startswith(("http://", "https://")):
            raise UserError(translate("Sync", "Enter the county server address, beginning with "
                                              "http:// or https://."))
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.retry = retry or Retry()
        self.job = job
        self.signer = signer
        self.clock_offset = 0.0  # county clock - ours, learnt from /v1/county

    def _sign(self, request: urllib.request.Request, method: str, path: str) -> None:
        import datetime as dt

        device, key = self.signer
        at = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=self.clock_offset)
              ).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        request.add_header("X-Credit-Desk-Device", device)
        request.add_header("X-Credit-Desk-Time", at)
        request.add_header("X-Credit-Desk-Signature",
                           keys.sign(key, wire.request_message(method, path.split("?")[0], at)))

    def _once(self, method: str, path: str, body: bytes | None, ctype: str | None,
              signed: bool = False):
        request = urllib.request.Request(self.url + path, data=body, method=method)
        if ctype:
            request.add_header("Content-Type", ctype)
        if signed and self.signer:
            self._sign(request, method, path)
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
                raise ServerError(exc.code, message) from None
            raise CountyRefused(exc.code, code, message) from None
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError,
                OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise Unreachable(str(reason) or type(exc).__name__) from None

    def call(self, method: str, path: str, body: bytes | None = None,
             ctype: str | None = None, signed: bool = False) -> tuple[int, dict, bytes]:
        delays = self.retry.delays()
        while True:
            if self.job.cancelled:
                raise Cancelled()
            try:
                return self._once(method, path, body, ctype, signed)
            except RETRIED:
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


def _pin(db: Database, info: dict[str, Any], status: str | None = None) -> None:
    """Trust this county key (and the encryption key it vouches for) from now on."""
    if not keys.verify(info["public_key"], info.get("box_key_signature") or "",
                       wire.box_key_message(info.get("box_key") or "")):
        raise UserError(translate("Sync", "The county's encryption key is not signed by the "
                                          "county key; nothing was sent. Tell the county IT "
                                          "team."))
    settings.put(db, "sync.county_public_key", info["public_key"])
    settings.put(db, "sync.county_key_id", keys.key_id(info["public_key"]))
    settings.put(db, "sync.county_box_key", info["box_key"])
    settings.put(db, "sync.county_code", info["county_code"])
    if status is not None:
        settings.put(db, "sync.enrolment_status", status)


def confirm_county(db: Database, transport: Transport) -> dict[str, Any]:
    """The county's answer to GET /v1/county, after checking it holds the pinned key.

    Called before anything is uploaded or fetched: a server with another key
    (a wrong address, or someone in between) gets nothing.
    """
    import datetime as dt

    info = transport.json("GET", "/v1/county")
    pinned = settings.get(db, "sync.county_public_key")
    if not isinstance(info, dict) or not isinstance(info.get("public_key"), str):
        raise CountyRefused(502, "not_a_county", "the server's answer is not a county's")
    if pinned and pinned != info["public_key"]:
        raise CountyKeyChanged(transport.url, keys.key_id(info["public_key"]),
                               keys.key_id(pinned))
    if pinned and info.get("box_key") != settings.get(db, "sync.county_box_key"):
        _pin(db, info)  # a county on protocol 2 vouches for its encryption key
    try:
        county_now = dt.datetime.fromisoformat(info["server_time"].replace("Z", "+00:00"))
        transport.clock_offset = (county_now - dt.datetime.now(dt.timezone.utc)).total_seconds()
    except (KeyError, ValueError, AttributeError):
        transport.clock_offset = 0.0
    return info


def _signer(db: Database, data: DataDir) -> tuple[str, Any]:
    return outbox.device_id(db), outbox.device_key(data)


def _request_body(db: Database, data: DataDir, label: str | None) -> dict[str, Any]:
    key = outbox.device_key(data)
    town = outbox.township(db)
    device = outbox.device_id(db)
    public = keys.public_b64(key)
    return {"device_id": device, "township_code": town["code"], "township_name": town["name"],
            "public_key": public, "key_id": keys.key_id(public), "label": label or town["name"],
            "proof": keys.sign(key, keys.enrol_proof_message(device, public))}


def enroll(db: Database, data: DataDir, url: str, *, label: str | None = None,
           timeout: float = 15.0, retry: Retry | None = None) -> dict[str, Any]:
    """Register this device's public key with the county and pin the county key."""
    transport = Transport(url, timeout=timeout, retry=retry)
    info = confirm_county(db, transport)
    body = _request_body(db, data, label)
    answer = transport.json("POST", "/v1/devices", body)
    settings.put(db, "sync.url", url)
    _pin(db, info, answer["status"])
    return {"device_id": body["device_id"], "key_id": body["key_id"], "status": answer["status"],
            "county_code": info["county_code"], "county_key_id": keys.key_id(info["public_key"])}


def enrolment_request(db: Database, data: DataDir, target: str | Path, *,
                      label: str | None = None) -> Path:
    """Enrolment without network, step 1: the request file for the county (§2.1)."""
    body = _request_body(db, data, label)
    head = {"format": wire.REQUEST_FORMAT, "format_version": wire.FORMAT_VERSION, **body,
            "created_at": utc_now()}
    target = Path(target)
    if target.is_dir() or not target.suffix:
        target.mkdir(parents=True, exist_ok=True)
        target = target / f"{body['township_code']}-{body['device_id']}.ctenrol"
    target.write_bytes(wire.dumps_line(head) + b"\n")
    return target


def enroll_from_approval(db: Database, data: DataDir, path: str | Path) -> dict[str, Any]:
    """Enrolment without network, step 2: the county's approval file pins its keys (§2.1)."""
    try:
        signed = wire.parse_approval(Path(path).read_bytes())
    except OSError as exc:
        raise UserError(translate("Sync", "Cannot read {path}: {why}").format(
            path=path, why=exc.strerror or exc)) from None
    except wire.WireError as exc:
        raise UserError(translate("Sync", "{path} is not a county approval file: {why}").format(
            path=path, why=exc.message)) from None
    head = signed.head
    if not signed.verify(head["public_key"]):
        raise UserError(translate("Sync", "The approval file's signature does not verify; it "
                                          "was altered. Ask the county for a new one."))
    if head["device_id"] != outbox.device_id(db):
        raise UserError(translate("Sync", "The approval file is for another device ({device})."
                                  ).format(device=head["device_id"]))
    pinned = settings.get(db, "sync.county_public_key")
    if pinned and pinned != head["public_key"]:
        raise CountyKeyChanged(str(path), keys.key_id(head["public_key"]), keys.key_id(pinned))
    _pin(db, {**head, "box_key_signature": head.get("box_key_signature")}, head["status"])
    return {"device_id": head["device_id"], "status": head["status"],
            "key_id": keys.key_id(keys.raw_public(outbox.device_key(data))),
            "county_code": head["county_code"], "county_key_id": head["key_id"]}


def _failed(db: Database, sequence: int, reason: str) -> None:
    with db.atomic():
        db.execute("UPDATE sync_batch SET state = 'failed', reason = ?, attempts = attempts + 1, "
                   "last_attempt_at = ? WHERE sequence = ?", [reason, utc_now(), sequence])


def push(db: Database, data: DataDir, url: str | None = None, *, job: Job = NO_JOB,
         size: int | None = None, timeout: float = 30.0, retry: Retry | None = None
         ) -> dict[str, Any]:
    """Confirm the county's key, then pack and upload every unacknowledged batch in order.

    A county with another key than the pinned one gets nothing (CountyKeyChanged).
    """
    url = county_url(db, url)
    receipts.county_key(db)  # enrolled?
    transport = Transport(url, timeout=timeout, retry=retry, job=job,
                          signer=_signer(db, data))
    result = {"batches_sent": 0, "changes_sent": 0, "duplicates": 0, "conflicts": 0,
              "rejected": 0, "failed": None, "pending_after": 0}
    device = outbox.device_id(db)
    try:
        confirm_county(db, transport)
        outbox.pack_batches(db, data, size=size, job=job)
        todo = outbox.unacknowledged(db)
        state = transport.json("GET", f"/v1/devices/{device}")
    except (Unreachable, ServerError, CountyRefused) as exc:
        # The county could not even be asked where to resume: the first
        # waiting batch carries the reason, so the page shows it.
        if settings.get(db, "sync.county_box_key"):
            outbox.pack_batches(db, data, size=size, job=job)
        todo = outbox.unacknowledged(db)
        first = todo[0]["sequence"] if todo else None
        if first is not None:
            _failed(db, first, str(exc))
        result["failed"] = {"sequence": first, "reason": str(exc), "kind": _kind(exc)}
        result["pending_after"] = outbox.status(db)["pending_changes"]
        return result
    total = sum(b["change_count"] for b in todo)
    done = 0
    for batch in todo:
        seq = batch["sequence"]
        job.step(done, total, translate("Sync", "Sending batch {n}").format(n=seq))
        path = f"/v1/devices/{device}/batches/{seq}"
        try:
            if seq <= state["last_acknowledged_sequence"]:
                _, headers, body = transport.call("GET", path + "/receipt", signed=True)
                result["duplicates"] += 1
            else:
                _, headers, body = transport.call("PUT", path, batch["content"],
                                                  "application/x-credit-desk-batch")
                if headers.get("X-Credit-Desk-Duplicate") == "1":
                    result["duplicates"] += 1
            # One commit per batch: acknowledged, attempt counted, receipt kept.
            applied = receipts.apply_receipt(db, body)
        except (CountyRefused, receipts.ReceiptRefused, Unreachable, ServerError) as exc:
            _failed(db, seq, str(exc))
            result["failed"] = {"sequence": seq, "reason": str(exc), "kind": _kind(exc)}
            break
        result["batches_sent"] += 1
        result["changes_sent"] += batch["change_count"]
        result["conflicts"] += applied["conflicts"]
        result["rejected"] += applied.get("rejected", 0)
        done += batch["change_count"]
    job.step(done, total, "")
    result["pending_after"] = outbox.status(db)["pending_changes"]
    if result["failed"] is None:
        settings.put(db, "sync.last_sync_at", utc_now())
    return result


def _kind(exc: Exception) -> str:
    """unreachable / server_error / refused: what the page and the CLI tell apart."""
    if isinstance(exc, Unreachable):
        return "unreachable"
    if isinstance(exc, ServerError):
        return "server_error"
    return "refused"


def reachable(url: str, timeout: float = 3.0) -> bool:
    try:
        Transport(url, timeout=timeout, retry=Retry(attempts=1)).json("GET", "/v1/county")
        return True
    except UserError:
        return False


def pull(db: Database, data: DataDir, operator_id: str, url: str | None = None, *,
         job: Job = NO_JOB, timeout: float = 30.0, retry: Retry | None = None) -> dict[str, Any]:
    """Fetch, verify and apply every downlink package not yet applied."""
    require(db, operator_id, "sync.run")
    from app.sync import downlink

    url = county_url(db, url)
    receipts.county_key(db)
    transport = Transport(url, timeout=timeout, retry=retry, job=job, signer=_signer(db, data))
    confirm_county(db, transport)
    last = downlink.last_package(db)
    numbers = transport.json("GET", f"/v1/downlink?after={last}")["packages"]
    summary = {"packages": 0, "list_entries": 0, "policies": 0, "corrections": 0, "flagged": 0,
               "conflicts": 0, "refused": 0}
    refusals: list[str] = []
    for i, number in enumerate(numbers):
        job.step(i, len(numbers), translate("Sync", "Applying county package {n}").format(n=number))
        _, _, body = transport.call("GET", f"/v1/downlink/{number}", signed=True)
        applied = downlink.apply_package(db, operator_id, body)
        for k in summary:
            summary[k] += applied.get(k, 0)
        refusals += applied.get("refusals", [])
    return {**summary, "refusals": refusals}


def sync_now(db: Database, data: DataDir, operator_id: str, url: str | None = None, *,
             job: Job = NO_JOB, **kw) -> dict[str, Any]:
    """Push then pull: what the sync page's button and auto-sync do."""
    require(db, operator_id, "sync.run")
    pushed = push(db, data, url, job=job, **kw)
    pulled = pull(db, data, operator_id, url, job=job, **kw) if pushed["failed"] is None else None
    return {"push": pushed, "pull": pulled}

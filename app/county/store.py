"""What the county holds and how a batch is taken (docs/sync-protocol.md §4-§9).

``CountyStore`` keeps the county's keys as files in its data folder and its
data in a back end (``app.county.backends``): the SQLite file
``county.sqlite3`` there, or a PostgreSQL database. Every write is one
transaction; a batch is taken exactly once because (device, sequence) and
(device, journal_seq) are unique keys and the device's row is locked while
its batch is checked and stored, so batches of different devices go in side
by side.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.county.backends import Backend, Collision, Conn, open_backend
from app.journal import new_id, utc_now
from app.sync import fields, keys, wire

# How far a signed request's time may be from the county's clock.
REQUEST_WINDOW_SECONDS = 300


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


_RECORD_COLUMNS = "version, source, data, deleted, change_device, change_seq"


class CountyStore:
    def __init__(self, data_dir: str | Path, *, auto_enroll: bool = False,
                 county_code: str | None = None, county_name: str | None = None,
                 database_url: str | None = None, backend: Backend | None = None):
        self.dir = Path(data_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.auto_enroll = auto_enroll
        self.key = keys.load_or_create(self.dir / "county-key.pem")
        self.public_key = keys.public_b64(self.key)
        # Batches are encrypted to this X25519 key; the signing key vouches for it.
        self.box_key = keys.load_or_create_box(self.dir / "county-box-key.pem")
        self.box_public = wire.box_public_b64(self.box_key)
        self.box_signature = keys.sign(self.key, wire.box_key_message(self.box_public))
        self.db = backend or open_backend(self.dir, database_url)
        for key, value in (("county_code", county_code), ("county_name", county_name)):
            if value:
                self._set_meta(key, value)
        self.county_code = self._meta("county_code", "000000")
        self.county_name = self._meta("county_name", "County public credit platform")

    def close(self) -> None:
        self.db.close()

    def _read(self, sql: str, params: Any = ()) -> list:
        with self.db.connection() as conn:
            return conn.all(sql, params)

    def _meta(self, key: str, default: str) -> str:
        rows = self._read("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0][0] if rows else default

    def _set_meta(self, key: str, value: str) -> None:
        self.db.transaction(lambda c: c.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value]))

    def _refuse(self, status: int, code: str, message: str, device_id=None, sequence=None):
        """Record the refusal (outside any transaction it ends) and raise it."""
        self.db.transaction(lambda c: c.execute(
            "INSERT INTO refusal (at, device_id, sequence, code, message) VALUES (?,?,?,?,?)",
            [utc_now(), device_id, sequence if isinstance(sequence, int) else None, code,
             message]))
        raise Refusal(status, code, message)

    # ------------------------------------------------------------ county
    def info(self) -> dict[str, Any]:
        return {"county_code": self.county_code, "county_name": self.county_name,
                "public_key": self.public_key, "key_id": keys.key_id(self.public_key),
                "box_key": self.box_public, "box_key_signature": self.box_signature,
                "protocol": wire.PROTOCOL, "protocols": list(wire.PROTOCOLS),
                "deprecated": {str(k): v for k, v in wire.DEPRECATED.items()},
                "server_time": utc_now()}

    def check_request(self, method: str, path: str, headers) -> str:
        """The device of a signed request (§4.2); Refusal unless it is genuine and fresh."""
        import datetime as dt

        device_id = headers.get("X-Credit-Desk-Device")
        at = headers.get("X-Credit-Desk-Time")
        signature = headers.get("X-Credit-Desk-Signature")
        if not (device_id and at and signature):
            raise Refusal(401, "signature_required", "this resource holds personal data; sign "
                          "the request with the device key (X-Credit-Desk-Device, -Time, "
                          "-Signature)")
        known = self.device_key(device_id)
        if known is None:
            raise Refusal(403, "unknown_device", "this device is not enrolled with the county")
        if known[1] != "active":
            raise Refusal(403, "device_" + known[1], f"the device is {known[1]}")
        try:
            when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
            skew = abs((dt.datetime.now(dt.timezone.utc) - when).total_seconds())
        except (ValueError, TypeError):
            skew = None
        if skew is None or skew > REQUEST_WINDOW_SECONDS:
            raise Refusal(401, "stale_request", f"the request's time {at} is more than "
                          f"{REQUEST_WINDOW_SECONDS} s from the county's clock ({utc_now()})")
        if not keys.verify(known[0], signature, wire.request_message(method, path, at)):
            raise Refusal(401, "bad_signature", "the request's signature does not verify with "
                                                "the device's enrolled key")
        return device_id

    # ------------------------------------------------------------ devices
    def enrol(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        need = ("device_id", "township_code", "township_name", "public_key", "proof")
        if not all(isinstance(body.get(k), str) and body.get(k) for k in need):
            self._refuse(400, "malformed_enrolment", "enrolment needs " + ", ".join(need))
        device_id, public_key = body["device_id"], body["public_key"]
        if not keys.verify(public_key, body["proof"],
                           keys.enrol_proof_message(device_id, public_key)):
            self._refuse(401, "bad_signature", "the proof of possession does not verify",
                         device_id)

        def work(conn: Conn):
            row = conn.one("SELECT public_key, status FROM device WHERE device_id = ?"
                           + conn.for_update, [device_id])
            if row:
                return row[1], 200, row[0] != public_key
            status = "active" if self.auto_enroll else "pending"
            now = utc_now()
            conn.execute("INSERT INTO device VALUES (?,?,?,?,?,?,?,?,?)",
                         [device_id, body["township_code"], body["township_name"], public_key,
                          keys.key_id(public_key), body.get("label"), status, now, now])
            return status, 201, False

        status, code, other_key = self.db.transaction(work)
        if other_key:
            self._refuse(409, "key_mismatch", "this device id is enrolled with another key",
                         device_id)
        return code, {"device_id": device_id, "status": status,
                      "county_public_key": self.public_key,
                      "county_key_id": keys.key_id(self.public_key)}

    def enrol_by_file(self, data: bytes) -> bytes:
        """An enrolment request file (§2.1) in, the signed approval file out.

        Taking a request file is an administrator's act (someone carried it
        in from the township), so the device is active at once.
        """
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._refuse(400, "malformed_enrolment", "the enrolment request is not JSON")
        if not isinstance(body, dict) or body.get("format") != wire.REQUEST_FORMAT:
            self._refuse(400, "malformed_enrolment", "not a credit-desk enrolment request")
        _, answer = self.enrol(body)
        if answer["status"] == "pending":
            self.set_device_status(body["device_id"], "active")
        status = self.device_key(body["device_id"])[1]
        head = {"format": wire.APPROVAL_FORMAT, "format_version": wire.FORMAT_VERSION,
                "county_code": self.county_code, "county_name": self.county_name,
                "device_id": body["device_id"], "status": status,
                "public_key": self.public_key, "key_id": keys.key_id(self.public_key),
                "box_key": self.box_public, "box_key_signature": self.box_signature,
                "protocol": wire.PROTOCOL, "issued_at": utc_now()}
        return wire.pack(head, self.key)

    def set_device_status(self, device_id: str, status: str) -> bool:
        return self.db.transaction(lambda c: c.execute(
            "UPDATE device SET status = ?, changed_at = ? WHERE device_id = ? AND status != "
            "'revoked'", [status, utc_now(), device_id]).rowcount == 1)

    def device_state(self, device_id: str) -> dict[str, Any]:
        with self.db.connection() as conn:
            row = conn.one("SELECT status FROM device WHERE device_id = ?", [device_id])
            if row is None:
                raise Refusal(404, "unknown_device", "this device is not enrolled with the county")
            seq, last = conn.one(
                "SELECT max(sequence), (SELECT max(journal_seq) FROM change WHERE device_id = ?) "
                "FROM batch WHERE device_id = ?", [device_id, device_id])
        return {"device_id": device_id, "status": row[0],
                "last_acknowledged_sequence": seq or 0, "last_journal_seq": last or 0}

    def device_key(self, device_id: str) -> tuple[str, str] | None:
        rows = self._read("SELECT public_key, status FROM device WHERE device_id = ?",
                          [device_id])
        return (rows[0][0], rows[0][1]) if rows else None

    # ------------------------------------------------------------ batches
    def take_batch(self, device_id: str | None, sequence: int | None, data: bytes,
                   via: str = "http") -> tuple[bytes, bool]:
        """Check and store a batch; returns (receipt bytes, duplicate)."""
        try:
            signed = wire.parse_batch(data)
        except wire.WireError as exc:
            self._refuse(400, exc.code, exc.message, device_id, sequence)
        manifest = signed.head
        ends = wire.DEPRECATED.get(manifest["format_version"])
        if ends and utc_now()[:10] > ends:
            self._refuse(400, "unsupported_version", f"format {manifest['format_version']} "
                         f"batches were taken until {ends}; update Township Credit Desk",
                         device_id, sequence)
        if device_id is None:  # file transport: the manifest names them
            device_id, sequence = manifest["device_id"], manifest["sequence"]
        if manifest["device_id"] != device_id or manifest["sequence"] != sequence:
            self._refuse(400, "path_mismatch", "the manifest names another device or sequence",
                         device_id, sequence)
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
            self._refuse(400, "malformed_batch", "sequence must be a positive integer",
                         device_id, sequence)
        known = self.device_key(device_id)
        if known is None:
            self._refuse(403, "unknown_device", "the device that signed this batch is not "
                                                "enrolled with the county", device_id, sequence)
        public_key, status = known
        if status == "pending":
            self._refuse(403, "device_pending", "the device is enrolled but not yet approved by "
                                                "the county", device_id, sequence)
        if status == "revoked":
            self._refuse(403, "device_revoked", "the county revoked this device's key; its "
                                                "batches are no longer taken", device_id, sequence)
        if not signed.verify(public_key):
            self._refuse(401, "bad_signature", "the batch's signature does not verify with the "
                                               "device's enrolled key", device_id, sequence)
        try:
            lines, changes = self._payload(signed)
        except wire.WireError as exc:
            self._refuse(400, exc.code, exc.message, device_id, sequence)
        first, last = manifest["first_journal_seq"], manifest["last_journal_seq"]
        seqs = [c.get("journal_seq") for c in changes]
        if (not all(isinstance(s, int) and first <= s <= last for s in seqs)
                or seqs != sorted(set(seqs))):
            self._refuse(400, "payload_mismatch", "journal numbers outside the manifest's range "
                                                  "or not ascending", device_id, sequence)
        whole_sha = wire.sha256(data)
        take = _Take(self, device_id, sequence, manifest, lines, changes, data, signed,
                     whole_sha, via)
        try:
            return self.db.transaction(take.run)
        except Refusal as exc:
            self._refuse(exc.status, exc.code, exc.message, device_id, sequence)

    def _payload(self, signed: wire.Signed) -> tuple[list[bytes], list[dict]]:
        wire.check_hash(signed)
        if signed.head["format_version"] == 1:
            return wire.decode_lines(signed, "change_count")
        return wire.decode_lines(signed, "change_count", wire.unseal(signed, self.box_key))

    def current(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        """The county's current version of a record (None if unknown or deleted)."""
        with self.db.connection() as conn:
            rec = conn.one(f"SELECT {_RECORD_COLUMNS} FROM record WHERE entity = ? AND "
                           "entity_id = ?", [entity, entity_id])
            return None if rec is None else record_data(conn, rec, {})

    def receipt(self, device_id: str, sequence: int) -> bytes:
        rows = self._read("SELECT receipt FROM batch WHERE device_id = ? AND sequence = ?",
                          [device_id, sequence])
        if not rows:
            raise Refusal(404, "no_such_batch", "the county holds no such batch")
        return bytes(rows[0][0])

    # ------------------------------------------------------------ county's own changes
    def correct(self, entity: str, entity_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """A county correction of a record: new version, sent down as a correction item."""
        refused = fields.correction_refusals(entity, changes, {})
        if refused:
            raise Refusal(400, "not_correctable", "; ".join(refused))

        def work(conn: Conn):
            rec = conn.one(f"SELECT {_RECORD_COLUMNS} FROM record WHERE entity = ? AND "
                           "entity_id = ?" + conn.for_update, [entity, entity_id])
            current = None if rec is None else record_data(conn, rec, {})
            if current is None:
                raise Refusal(404, "no_such_record", f"the county holds no {entity} {entity_id}")
            data = {**current, **changes}
            data["version"] = (rec[0] or 0) + 1
            conn.execute("UPDATE record SET version = ?, source = 'county', data = ?, "
                         "updated_at = ? WHERE entity = ? AND entity_id = ?",
                         [data["version"], json.dumps(data, ensure_ascii=False), utc_now(),
                          entity, entity_id])
            return data

        data = self.db.transaction(work)
        self.publish([{"kind": "correction", "entity": entity, "entity_id": entity_id,
                       "version": data["version"], "data": data}])
        return data

    # ------------------------------------------------------------ downlink
    def publish(self, items: list[dict[str, Any]]) -> int:
        """Issue a signed downlink package of ``items``; returns its number."""
        items = [{"item_id": item.get("item_id") or new_id(), **item} for item in items]
        payload = b"".join(wire.dumps_line(i) + b"\n" for i in items)

        def work(conn: Conn):
            # Two publishers at once: the second collides on the primary key and retries.
            number = (conn.one("SELECT max(package) FROM downlink")[0] or 0) + 1
            head = {"format": wire.DOWNLINK_FORMAT, "format_version": wire.FORMAT_VERSION,
                    "county_code": self.county_code, "package": number, "issued_at": utc_now(),
                    "item_count": len(items), "payload_bytes": len(payload),
                    "payload_sha256": wire.sha256(payload)}
            content = wire.pack(head, self.key, payload)
            conn.execute("INSERT INTO downlink VALUES (?,?,?,?)",
                         [number, head["issued_at"], len(items), content])
            return number

        return self.db.transaction(work)

    def publish_list(self, entries: list[dict[str, Any]]) -> int:
        items = []
        for entry in entries:
            entry = dict(entry)
            entry.setdefault("id", new_id())
            items.append({"kind": "list_entry", "op": "upsert", "entry": entry})
        return self.publish(items)

    def publish_policy(self, name: str, version: str, content: dict[str, Any]) -> int:
        return self.publish([{"kind": "policy", "name": name, "version": version,
                              "content": content}])

    def downlink_after(self, after: int) -> list[int]:
        return [r[0] for r in self._read(
            "SELECT package FROM downlink WHERE package > ? ORDER BY package", [after])]

    def downlink(self, number: int) -> bytes:
        rows = self._read("SELECT content FROM downlink WHERE package = ?", [number])
        if not rows:
            raise Refusal(404, "no_such_package", "no such downlink package")
        return bytes(rows[0][0])

    # ------------------------------------------------------------ reporting
    def summary(self) -> dict[str, Any]:
        """Per township and device: what the county holds (each change once) and when it came."""
        townships: dict[str, dict[str, Any]] = {}
        with self.db.connection() as conn:
            devices = conn.all("SELECT device_id, township_code, township_name, status, key_id, "
                               "enrolled_at FROM device ORDER BY township_code, enrolled_at")
            for device_id, code, name, status, kid, enrolled in devices:
                b = conn.one("SELECT count(*), coalesce(sum(change_count), 0), "
                             "coalesce(max(sequence), 0), min(received_at), max(received_at) "
                             "FROM batch WHERE device_id = ?", [device_id])
                results = dict(conn.all("SELECT result, count(*) FROM change WHERE "
                                        "device_id = ? GROUP BY result", [device_id]))
                changes = conn.one("SELECT count(*), count(DISTINCT journal_seq) FROM change "
                                   "WHERE device_id = ?", [device_id])
                by_day = dict(conn.all(
                    "SELECT substr(received_at, 1, 10), sum(change_count) FROM batch "
                    "WHERE device_id = ? GROUP BY substr(received_at, 1, 10) ORDER BY 1",
                    [device_id]))
                # Joint reward and punishment feedback (联合奖惩 触发反馈) the township sent.
                feedback = conn.one("SELECT count(DISTINCT entity_id) FROM change WHERE "
                                    "device_id = ? AND entity = 'measure_feedback' AND "
                                    "result = 'accepted'", [device_id])[0]
                t = townships.setdefault(code, {"township_code": code, "township_name": name,
                                                "devices": [], "batches": 0, "changes": 0,
                                                "measure_feedback": 0})
                t["devices"].append({
                    "device_id": device_id, "status": status, "key_id": kid,
                    "enrolled_at": enrolled, "batches": b[0], "changes": changes[0],
                    "distinct_changes": changes[1], "last_sequence": b[2],
                    "first_received_at": b[3], "last_received_at": b[4],
                    "changes_by_upload_date": {k: int(v) for k, v in by_day.items()},
                    "accepted": results.get("accepted", 0),
                    "conflicts": results.get("conflict", 0),
                    "rejected": results.get("rejected", 0),
                    "measure_feedback": feedback})
                t["measure_feedback"] += feedback
                t["batches"] += b[0]
                t["changes"] += changes[0]
            refusals = conn.one("SELECT count(*) FROM refusal")[0]
            packages = conn.one("SELECT count(*) FROM downlink")[0]
        return {"county_code": self.county_code, "county_name": self.county_name,
                "key_id": keys.key_id(self.public_key), "database": self.db.name,
                "townships": list(townships.values()),
                "total_batches": sum(t["batches"] for t in townships.values()),
                "total_changes": sum(t["changes"] for t in townships.values()),
                "refusals": refusals, "downlink_packages": packages}

    def records_of(self, entity: str) -> list[dict[str, Any]]:
        """The current data of every record of ``entity`` the county holds (e.g. the
        measure feedback the townships sent), by id."""
        with self.db.connection() as conn:
            recs = conn.all(f"SELECT {_RECORD_COLUMNS} FROM record WHERE entity = ? "
                            "ORDER BY entity_id", [entity])
            return [d for d in (record_data(conn, rec, {}) for rec in recs) if d is not None]

    def refusals(self) -> list[dict[str, Any]]:
        rows = self._read("SELECT at, device_id, sequence, code, message FROM refusal ORDER BY id")
        return [dict(zip(("at", "device_id", "sequence", "code", "message"), r)) for r in rows]


def record_data(conn: Conn, rec, pending: dict) -> dict[str, Any] | None:
    """A record's current data: the county's own, or the "after" of the change it came from."""
    _, _, data, deleted, change_device, change_seq = rec
    if deleted:
        return None
    if data is not None:
        return json.loads(data)
    if change_device is None:
        return None
    # Changes of the batch being stored are not inserted yet: look there first.
    waiting = pending.get((change_device, change_seq))
    if waiting is not None:
        return waiting.get("after")
    row = conn.one("SELECT line FROM change WHERE device_id = ? AND journal_seq = ?",
                   [change_device, change_seq])
    return json.loads(row[0]).get("after") if row else None


class _Take:
    """One batch being stored: the checks that need the database, then the changes."""

    def __init__(self, store: CountyStore, device_id, sequence, manifest, lines, changes, data,
                 signed, whole_sha, via):
        self.store, self.device_id, self.sequence = store, device_id, sequence
        self.manifest, self.lines, self.changes = manifest, lines, changes
        self.data, self.signed, self.whole_sha, self.via = data, signed, whole_sha, via

    def run(self, conn: Conn) -> tuple[bytes, bool]:
        device_id, sequence = self.device_id, self.sequence
        # The device's row lock orders its own batches; other devices' go on.
        row = conn.one("SELECT status, township_code FROM device WHERE device_id = ?"
                       + conn.for_update, [device_id])
        if row[0] != "active":
            raise Refusal(403, "device_" + row[0], "the device's status changed to "
                          + row[0] + " while its batch was checked")
        township_code = row[1]
        held = conn.one("SELECT batch_sha256, receipt FROM batch WHERE device_id = ? "
                        "AND sequence = ?", [device_id, sequence])
        if held:
            if held[0] == self.whole_sha:
                return bytes(held[1]), True
            raise Refusal(409, "sequence_used", f"sequence {sequence} of this device already "
                          "holds a different batch; it was not taken")
        last_seq = conn.one("SELECT coalesce(max(sequence), 0) FROM batch WHERE device_id = ?",
                            [device_id])[0]
        if sequence != last_seq + 1:
            raise Refusal(409, "sequence_gap", f"expected sequence {last_seq + 1}, got "
                          f"{sequence}")
        seqs = [c["journal_seq"] for c in self.changes]
        if seqs and conn.one("SELECT 1 FROM change WHERE device_id = ? AND journal_seq "
                             "BETWEEN ? AND ? LIMIT 1", [device_id, seqs[0], seqs[-1]]):
            raise Refusal(409, "change_already_received", "changes of this batch arrived "
                          "before in another batch")
        return self._store(conn, township_code), False

    def _store(self, conn: Conn, township_code: str) -> bytes:
        device_id, sequence, manifest = self.device_id, self.sequence, self.manifest
        now = utc_now()
        results = []
        rows = []
        counts = {"accepted": 0, "conflict": 0, "rejected": 0}
        self.pending = {(device_id, c["journal_seq"]): c for c in self.changes}
        # Most devices have no unresolved conflict: then no per-change lookup.
        self.may_block = conn.one("SELECT 1 FROM record_block WHERE device_id = ? LIMIT 1",
                                  [device_id]) is not None
        records = self._load_records(conn)
        dirty: dict[tuple, list] = {}
        for change, line in zip(self.changes, self.lines):
            result = self._apply_change(conn, change, now, records, dirty)
            counts[result["result"]] += 1
            results.append(result)
            rows.append([device_id, change["journal_seq"], sequence, township_code,
                         _text(change.get("action")), _text(change.get("entity")),
                         _text(change.get("entity_id")), _int(change.get("base_version")),
                         _int(change.get("version")), _text(change.get("resolution")) or None,
                         result["result"], line.decode("utf-8")])
        conn.insert_rows("change", rows)
        conn.executemany(
            "INSERT INTO record VALUES (?,?,?,?,?,NULL,?,?,?) ON CONFLICT(entity, entity_id) "
            "DO UPDATE SET version = excluded.version, source = excluded.source, "
            "deleted = excluded.deleted, data = NULL, change_device = excluded.change_device, "
            "change_seq = excluded.change_seq, updated_at = excluded.updated_at",
            [dirty[k] for k in sorted(dirty)])
        store = self.store
        receipt_head = {
            "format": wire.RECEIPT_FORMAT, "format_version": wire.FORMAT_VERSION,
            "county_code": store.county_code, "device_id": device_id, "sequence": sequence,
            "batch_sha256": self.whole_sha, "payload_sha256": manifest["payload_sha256"],
            "change_count": manifest["change_count"], "received_at": now,
            "accepted": counts["accepted"], "conflicts": counts["conflict"],
            "rejected": counts["rejected"], "results": results,
        }
        receipt = wire.pack(receipt_head, store.key)
        # The batch row last: a second server process storing the same batch
        # collides here on the primary key, rolls back and then finds it held.
        conn.execute("INSERT INTO batch VALUES (?,?,?,?,?,?,?,?,?)",
                     [device_id, sequence, self.whole_sha, self.signed.head_bytes.decode("utf-8"),
                      manifest["change_count"], now, self.via, self.data, receipt])
        return receipt

    def _load_records(self, conn: Conn) -> dict[tuple, tuple | None]:
        """The county's current records for every record a batch touches, locked, in a few queries."""
        wanted: dict[str, set] = {}
        for c in self.changes:
            if isinstance(c.get("entity"), str) and isinstance(c.get("entity_id"), str):
                wanted.setdefault(c["entity"], set()).add(c["entity_id"])
        found: dict[tuple, tuple | None] = {}
        for entity in sorted(wanted):
            ids = sorted(wanted[entity])
            for i in range(0, len(ids), 900):
                part = ids[i:i + 900]
                for row in conn.all(
                        f"SELECT entity_id, {_RECORD_COLUMNS} FROM record WHERE entity = ? AND "
                        f"entity_id IN ({','.join('?' * len(part))}) ORDER BY entity_id"
                        + conn.for_update, [entity, *part]):
                    found[(entity, row[0])] = tuple(row[1:])
        return found

    def _apply_change(self, conn: Conn, change: dict, now: str, records: dict,
                      dirty: dict) -> dict[str, Any]:
        device_id = self.device_id
        seq = change["journal_seq"]
        action, entity, entity_id = change.get("action"), change.get("entity"), change.get("entity_id")
        if action not in ("create", "update", "delete") or not isinstance(entity, str) \
                or not entity or not isinstance(entity_id, str) or not entity_id:
            return {"journal_seq": seq, "result": "rejected",
                    "reason": "action, entity and entity_id are required"}
        key = (entity, entity_id)
        rec = records.get(key)
        blocked = rec is not None and self.may_block and conn.one(
            "SELECT 1 FROM record_block WHERE entity = ? AND entity_id = ? AND device_id = ?",
            [entity, entity_id, device_id]) is not None
        if rec is not None:
            fits = change.get("base_version") == rec[0] or (rec[1] == device_id and not blocked
                                                            and action == "create")
            if blocked and not change.get("resolution"):
                fits = False
            if not fits:
                conn.execute("INSERT INTO record_block VALUES (?,?,?) ON CONFLICT DO NOTHING",
                             [entity, entity_id, device_id])
                self.may_block = True
                return {"journal_seq": seq, "result": "conflict", "county_version": rec[0],
                        "county_source": rec[1],
                        "county_data": record_data(conn, rec, self.pending)}
            if blocked:
                conn.execute("DELETE FROM record_block WHERE entity = ? AND entity_id = ? AND "
                             "device_id = ?", [entity, entity_id, device_id])
        deleted = int(action == "delete")
        version = _int(change.get("version"))
        records[key] = (version, device_id, None, deleted, device_id, seq)
        dirty[key] = [entity, entity_id, version, device_id, deleted, device_id, seq, now]
        return {"journal_seq": seq, "result": "accepted"}


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


__all__ = ["CountyStore", "Refusal", "Collision"]

"""What the county holds and how a batch is taken (docs/sync-protocol.md §4-§8).

``CountyStore`` keeps what the county holds in its own SQLite file
(``county.sqlite3``) and the county key (``county-key.pem``) in a data
folder. One lock serialises writes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from app.county.schema import SCHEMA
from app.journal import new_id, utc_now
from app.sync import keys, wire


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class CountyStore:
    def __init__(self, data_dir: str | Path, *, auto_enroll: bool = False,
                 county_code: str | None = None, county_name: str | None = None):
        self.dir = Path(data_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.auto_enroll = auto_enroll
        self.key = keys.load_or_create(self.dir / "county-key.pem")
        self.public_key = keys.public_b64(self.key)
        self.lock = threading.RLock()
        self._pending_lines: dict[tuple[str, int], dict] = {}
        self._may_block = True
        self.conn = sqlite3.connect(str(self.dir / "county.sqlite3"), isolation_level=None,
                                    check_same_thread=False, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.executescript(SCHEMA)
        for key, value in (("county_code", county_code), ("county_name", county_name)):
            if value:
                self._set_meta(key, value)
        self.county_code = self._meta("county_code", "000000")
        self.county_name = self._meta("county_name", "County public credit platform")

    def close(self) -> None:
        self.conn.close()

    def _meta(self, key: str, default: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                          "value = excluded.value", [key, value])

    def _refuse(self, status: int, code: str, message: str, device_id=None, sequence=None):
        with self.lock:
            self.conn.execute("INSERT INTO refusal (at, device_id, sequence, code, message) "
                              "VALUES (?,?,?,?,?)", [utc_now(), device_id, sequence, code, message])
        raise Refusal(status, code, message)

    # ------------------------------------------------------------ county
    def info(self) -> dict[str, Any]:
        return {"county_code": self.county_code, "county_name": self.county_name,
                "public_key": self.public_key, "key_id": keys.key_id(self.public_key),
                "protocol": 1}

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
        with self.lock:
            row = self.conn.execute("SELECT public_key, status FROM device WHERE device_id = ?",
                                    [device_id]).fetchone()
            if row:
                if row[0] != public_key:
                    self._refuse(409, "key_mismatch", "this device id is enrolled with another key",
                                 device_id)
                status, code = row[1], 200
            else:
                status, code = ("active" if self.auto_enroll else "pending"), 201
                now = utc_now()
                self.conn.execute(
                    "INSERT INTO device VALUES (?,?,?,?,?,?,?,?,?)",
                    [device_id, body["township_code"], body["township_name"], public_key,
                     keys.key_id(public_key), body.get("label"), status, now, now])
        return code, {"device_id": device_id, "status": status,
                      "county_public_key": self.public_key,
                      "county_key_id": keys.key_id(self.public_key)}

    def set_device_status(self, device_id: str, status: str) -> bool:
        with self.lock:
            cursor = self.conn.execute(
                "UPDATE device SET status = ?, changed_at = ? WHERE device_id = ? AND status != "
                "'revoked'", [status, utc_now(), device_id])
            return cursor.rowcount == 1

    def device_state(self, device_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT status FROM device WHERE device_id = ?",
                                [device_id]).fetchone()
        if row is None:
            raise Refusal(404, "unknown_device", "this device is not enrolled with the county")
        seq, last = self.conn.execute(
            "SELECT max(sequence), (SELECT max(journal_seq) FROM change WHERE device_id = ?) "
            "FROM batch WHERE device_id = ?", [device_id, device_id]).fetchone()
        return {"device_id": device_id, "status": row[0],
                "last_acknowledged_sequence": seq or 0, "last_journal_seq": last or 0}

    # ------------------------------------------------------------ batches
    def take_batch(self, device_id: str | None, sequence: int | None, data: bytes,
                   via: str = "http") -> tuple[bytes, bool]:
        """Check and store a batch; returns (receipt bytes, duplicate)."""
        try:
            signed = wire.parse_batch(data)
        except wire.WireError as exc:
            self._refuse(400, exc.code, exc.message, device_id, sequence)
        manifest = signed.head
        if device_id is None:  # file transport: the manifest names them
            device_id, sequence = manifest["device_id"], manifest["sequence"]
        if manifest["device_id"] != device_id or manifest["sequence"] != sequence:
            self._refuse(400, "path_mismatch", "the manifest names another device or sequence",
                         device_id, sequence)
        if not isinstance(sequence, int) or sequence < 1:
            self._refuse(400, "malformed_batch", "sequence must be a positive integer",
                         device_id, sequence)
        row = self.conn.execute("SELECT public_key, status, township_code FROM device "
                                "WHERE device_id = ?", [device_id]).fetchone()
        if row is None:
            self._refuse(403, "unknown_device", "the device that signed this batch is not "
                                                "enrolled with the county", device_id, sequence)
        public_key, status, township_code = row
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
            changes = wire.check_payload(signed, "change_count")
        except wire.WireError as exc:
            self._refuse(400, exc.code, exc.message, device_id, sequence)
        first, last = manifest["first_journal_seq"], manifest["last_journal_seq"]
        seqs = [c.get("journal_seq") for c in changes]
        if (not all(isinstance(s, int) and first <= s <= last for s in seqs)
                or seqs != sorted(set(seqs))):
            self._refuse(400, "payload_mismatch", "journal numbers outside the manifest's range "
                                                  "or not ascending", device_id, sequence)
        whole_sha = wire.sha256(data)
        with self.lock:
            held = self.conn.execute("SELECT batch_sha256, receipt FROM batch WHERE device_id = ? "
                                     "AND sequence = ?", [device_id, sequence]).fetchone()
            if held:
                if held[0] == whole_sha:
                    return held[1], True
                self._refuse(409, "sequence_used", f"sequence {sequence} of this device already "
                             "holds a different batch; it was not taken", device_id, sequence)
            last_seq = self.conn.execute("SELECT coalesce(max(sequence), 0) FROM batch WHERE "
                                         "device_id = ?", [device_id]).fetchone()[0]
            if sequence != last_seq + 1:
                self._refuse(409, "sequence_gap", f"expected sequence {last_seq + 1}, got "
                             f"{sequence}", device_id, sequence)
            if seqs and self.conn.execute(
                    "SELECT 1 FROM change WHERE device_id = ? AND journal_seq BETWEEN ? AND ? "
                    "LIMIT 1", [device_id, seqs[0], seqs[-1]]).fetchone():
                self._refuse(409, "change_already_received", "changes of this batch arrived "
                             "before in another batch", device_id, sequence)
            return self._store(device_id, sequence, township_code, manifest, changes, data,
                               signed, whole_sha, via), False

    def _store(self, device_id, sequence, township_code, manifest, changes, data, signed,
               whole_sha, via) -> bytes:
        now = utc_now()
        conn = self.conn
        results = []
        rows = []
        counts = {"accepted": 0, "conflict": 0, "rejected": 0}
        lines = signed.lines()
        self._pending_lines = {(device_id, c["journal_seq"]): c for c in changes}
        # Most devices have no unresolved conflict: then no per-change lookup.
        self._may_block = conn.execute("SELECT 1 FROM record_block WHERE device_id = ? LIMIT 1",
                                       [device_id]).fetchone() is not None
        conn.execute("BEGIN IMMEDIATE")
        try:
            records = self._load_records(changes)
            dirty: dict[tuple, list] = {}
            for change, line in zip(changes, lines):
                result = self._apply_change(device_id, change, now, records, dirty)
                counts[result["result"]] += 1
                results.append(result)
                rows.append([device_id, change["journal_seq"], sequence, township_code,
                             change.get("action", ""), change.get("entity", ""),
                             change.get("entity_id", ""), change.get("base_version"),
                             change.get("version"), change.get("resolution"), result["result"],
                             line.decode("utf-8")])
            conn.executemany("INSERT INTO change VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            conn.executemany(
                "INSERT INTO record VALUES (?,?,?,?,?,NULL,?,?,?) ON CONFLICT(entity, entity_id) "
                "DO UPDATE SET version = excluded.version, source = excluded.source, "
                "deleted = excluded.deleted, data = NULL, change_device = excluded.change_device, "
                "change_seq = excluded.change_seq, updated_at = excluded.updated_at",
                list(dirty.values()))
            receipt_head = {
                "format": wire.RECEIPT_FORMAT, "format_version": wire.FORMAT_VERSION,
                "county_code": self.county_code, "device_id": device_id, "sequence": sequence,
                "batch_sha256": whole_sha, "payload_sha256": manifest["payload_sha256"],
                "change_count": manifest["change_count"], "received_at": now,
                "accepted": counts["accepted"], "conflicts": counts["conflict"],
                "rejected": counts["rejected"], "results": results,
            }
            receipt = wire.pack(receipt_head, self.key)
            conn.execute("INSERT INTO batch VALUES (?,?,?,?,?,?,?,?,?)",
                         [device_id, sequence, whole_sha, signed.head_bytes.decode("utf-8"),
                          manifest["change_count"], now, via, data, receipt])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._pending_lines = {}
        return receipt

    def _load_records(self, changes: list[dict]) -> dict[tuple, tuple | None]:
        """The county's current records for every record a batch touches, in a few queries."""
        wanted: dict[str, set] = {}
        for c in changes:
            if isinstance(c.get("entity"), str) and isinstance(c.get("entity_id"), str):
                wanted.setdefault(c["entity"], set()).add(c["entity_id"])
        found: dict[tuple, tuple | None] = {}
        for entity, ids in wanted.items():
            ids = sorted(ids)
            for i in range(0, len(ids), 900):
                part = ids[i:i + 900]
                for row in self.conn.execute(
                        "SELECT entity_id, version, source, data, deleted, change_device, "
                        f"change_seq FROM record WHERE entity = ? AND entity_id IN "
                        f"({','.join('?' * len(part))})", [entity, *part]):
                    found[(entity, row[0])] = tuple(row[1:])
        return found

    def _apply_change(self, device_id: str, change: dict, now: str, records: dict,
                      dirty: dict) -> dict[str, Any]:
        seq = change["journal_seq"]
        action, entity, entity_id = change.get("action"), change.get("entity"), change.get("entity_id")
        if action not in ("create", "update", "delete") or not isinstance(entity, str) \
                or not entity or not isinstance(entity_id, str) or not entity_id:
            return {"journal_seq": seq, "result": "rejected",
                    "reason": "action, entity and entity_id are required"}
        conn = self.conn
        key = (entity, entity_id)
        rec = records.get(key)
        blocked = rec is not None and self._may_block and conn.execute(
            "SELECT 1 FROM record_block WHERE entity = ? AND entity_id = ? AND device_id = ?",
            [entity, entity_id, device_id]).fetchone() is not None
        if rec is not None:
            fits = change.get("base_version") == rec[0] or (rec[1] == device_id and not blocked
                                                            and action == "create")
            if blocked and not change.get("resolution"):
                fits = False
            if not fits:
                conn.execute("INSERT OR IGNORE INTO record_block VALUES (?,?,?)",
                             [entity, entity_id, device_id])
                self._may_block = True
                return {"journal_seq": seq, "result": "conflict", "county_version": rec[0],
                        "county_source": rec[1], "county_data": self._record_data(rec)}
            if blocked:
                conn.execute("DELETE FROM record_block WHERE entity = ? AND entity_id = ? AND "
                             "device_id = ?", [entity, entity_id, device_id])
        deleted = int(action == "delete")
        records[key] = (change.get("version"), device_id, None, deleted, device_id, seq)
        dirty[key] = [entity, entity_id, change.get("version"), device_id, deleted, device_id,
                      seq, now]
        return {"journal_seq": seq, "result": "accepted"}

    def _record_data(self, rec) -> dict[str, Any] | None:
        """The record's current data: the county's own, or the "after" of the change it came from."""
        _, _, data, deleted, change_device, change_seq = rec
        if deleted:
            return None
        if data is not None:
            return json.loads(data)
        if change_device is None:
            return None
        # Changes of the batch being stored are not inserted yet: look there first.
        pending = self._pending_lines.get((change_device, change_seq))
        if pending is not None:
            return pending.get("after")
        row = self.conn.execute("SELECT line FROM change WHERE device_id = ? AND journal_seq = ?",
                                [change_device, change_seq]).fetchone()
        return json.loads(row[0]).get("after") if row else None

    def current(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        """The county's current version of a record (None if unknown or deleted)."""
        rec = self.conn.execute("SELECT version, source, data, deleted, change_device, change_seq "
                                "FROM record WHERE entity = ? AND entity_id = ?",
                                [entity, entity_id]).fetchone()
        return None if rec is None else self._record_data(rec)

    def receipt(self, device_id: str, sequence: int) -> bytes:
        row = self.conn.execute("SELECT receipt FROM batch WHERE device_id = ? AND sequence = ?",
                                [device_id, sequence]).fetchone()
        if row is None:
            raise Refusal(404, "no_such_batch", "the county holds no such batch")
        return row[0]

    # ------------------------------------------------------------ county's own changes
    def correct(self, entity: str, entity_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        """A county correction of a record: new version, sent down as a correction item."""
        with self.lock:
            rec = self.conn.execute("SELECT version, source, data, deleted, change_device, "
                                    "change_seq FROM record WHERE entity = ? AND entity_id = ?",
                                    [entity, entity_id]).fetchone()
            current = None if rec is None else self._record_data(rec)
            if current is None:
                raise Refusal(404, "no_such_record", f"the county holds no {entity} {entity_id}")
            data = {**current, **fields}
            data["version"] = (rec[0] or 0) + 1
            self.conn.execute("UPDATE record SET version = ?, source = 'county', data = ?, "
                              "updated_at = ? WHERE entity = ? AND entity_id = ?",
                              [data["version"], json.dumps(data, ensure_ascii=False), utc_now(),
                               entity, entity_id])
        self.publish([{"kind": "correction", "entity": entity, "entity_id": entity_id,
                       "version": data["version"], "data": data}])
        return data

    # ------------------------------------------------------------ downlink
    def publish(self, items: list[dict[str, Any]]) -> int:
        """Issue a signed downlink package of ``items``; returns its number."""
        items = [{"item_id": item.get("item_id") or new_id(), **item} for item in items]
        payload = b"".join(wire.dumps_line(i) + b"\n" for i in items)
        with self.lock:
            number = (self.conn.execute("SELECT max(package) FROM downlink").fetchone()[0] or 0) + 1
            head = {"format": wire.DOWNLINK_FORMAT, "format_version": wire.FORMAT_VERSION,
                    "county_code": self.county_code, "package": number, "issued_at": utc_now(),
                    "item_count": len(items), "payload_bytes": len(payload),
                    "payload_sha256": wire.sha256(payload)}
            content = wire.pack(head, self.key, payload)
            self.conn.execute("INSERT INTO downlink VALUES (?,?,?,?)",
                              [number, head["issued_at"], len(items), content])
        return number

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
        return [r[0] for r in self.conn.execute(
            "SELECT package FROM downlink WHERE package > ? ORDER BY package", [after])]

    def downlink(self, number: int) -> bytes:
        row = self.conn.execute("SELECT content FROM downlink WHERE package = ?",
                                [number]).fetchone()
        if row is None:
            raise Refusal(404, "no_such_package", "no such downlink package")
        return row[0]

    # ------------------------------------------------------------ reporting
    def summary(self) -> dict[str, Any]:
        townships: dict[str, dict[str, Any]] = {}
        for dev in self.conn.execute("SELECT device_id, township_code, township_name, status, "
                                     "key_id, enrolled_at FROM device ORDER BY township_code, "
                                     "enrolled_at"):
            device_id, code, name, status, kid, enrolled = dev
            b = self.conn.execute("SELECT count(*), coalesce(sum(change_count), 0), "
                                  "coalesce(max(sequence), 0), max(received_at) FROM batch "
                                  "WHERE device_id = ?", [device_id]).fetchone()
            results = dict(self.conn.execute("SELECT result, count(*) FROM change WHERE "
                                             "device_id = ? GROUP BY result", [device_id]).fetchall())
            changes = self.conn.execute("SELECT count(*), count(DISTINCT journal_seq) FROM change "
                                        "WHERE device_id = ?", [device_id]).fetchone()
            t = townships.setdefault(code, {"township_code": code, "township_name": name,
                                            "devices": [], "batches": 0, "changes": 0})
            t["devices"].append({
                "device_id": device_id, "status": status, "key_id": kid, "enrolled_at": enrolled,
                "batches": b[0], "changes": changes[0], "distinct_changes": changes[1],
                "last_sequence": b[2], "last_received_at": b[3],
                "accepted": results.get("accepted", 0), "conflicts": results.get("conflict", 0),
                "rejected": results.get("rejected", 0)})
            t["batches"] += b[0]
            t["changes"] += changes[0]
        refusals = self.conn.execute("SELECT count(*) FROM refusal").fetchone()[0]
        return {"county_code": self.county_code, "county_name": self.county_name,
                "key_id": keys.key_id(self.public_key),
                "townships": list(townships.values()),
                "total_batches": sum(t["batches"] for t in townships.values()),
                "total_changes": sum(t["changes"] for t in townships.values()),
                "refusals": refusals,
                "downlink_packages": self.conn.execute("SELECT count(*) FROM downlink")
                                         .fetchone()[0]}

    def refusals(self) -> list[dict[str, Any]]:
        cursor = self.conn.execute("SELECT at, device_id, sequence, code, message FROM refusal "
                                   "ORDER BY id")
        return [dict(zip(("at", "device_id", "sequence", "code", "message"), r)) for r in cursor]

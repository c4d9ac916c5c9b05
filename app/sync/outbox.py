"""The outbox: local journal entries packed into signed, numbered batches.

Journal rows with ``origin = 'local'`` are the outbox; they are written in
the same transaction as every change (app/journal.py). Packing takes the
next ``batch_size`` of them after the last packed one, signs the batch and
stores its bytes, so a batch never changes once made.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app import __version__, keystore, settings
from app.accounts import audit
from app.errors import UserError
from app.i18n import translate
from app.jobs import NO_JOB, Job
from app.journal import utc_now
from app.paths import DataDir
from app.register import home_township
from app.sync import fields, keys, wire
from db.migrations import schema_version

DEFAULT_BATCH_SIZE = 1000
_dumps = json.dumps


def device_key_path(data: DataDir):
    return data.root / "sync" / "device-key.pem"


def device_key(data: DataDir):
    # Kept encrypted under the register's key when the register is encrypted.
    return keys.load_or_create(device_key_path(data), keystore.subkey(data, "sync device key"))


def county_box_key(db: Database) -> str:
    """The county's encryption key pinned at enrolment (batches are sealed to it)."""
    key = settings.get(db, "sync.county_box_key")
    if not key:
        raise UserError(translate("Sync", "This register does not hold the county's encryption "
                                          "key yet. Enrol again (over the network, or with the "
                                          "county's approval file) before sending anything."))
    return key


def device_id(db: Database) -> str:
    return settings.get(db, "device_id")


def township(db: Database) -> dict[str, str]:
    place = home_township(db)
    if place is None:
        raise UserError(translate("Sync", "The register has no township yet; create the township "
                                          "before sending anything to the county."))
    return {"code": place["code"], "name": place["name"]}


def batch_size(db: Database) -> int:
    return int(settings.get(db, "sync.batch_size", DEFAULT_BATCH_SIZE))


def last_packed_seq(db: Database) -> int:
    row = db.execute("SELECT max(last_journal_seq) FROM sync_batch").fetchone()
    return row[0] or 0


def unpacked_count(db: Database) -> int:
    """Local journal entries not yet in a batch, without scanning the journal.

    Journal rows are never deleted and their AUTOINCREMENT numbers have no
    gaps, so this is the entries after the last packed one less those that
    came from the county (a partial index holds only those).
    """
    after = last_packed_seq(db)
    top = db.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
    other = db.execute("SELECT count(*) FROM journal INDEXED BY journal_not_local "
                       "WHERE origin != 'local' AND seq > ?", [after]).fetchone()[0]
    return max(0, top - after - other)


def _line(row: tuple, resolutions: dict[int, str], reals: dict[str, tuple[str, ...]]) -> str:
    seq, txn_id, at, operator_id, action, entity, entity_id, base, version, before, after = row
    res = resolutions.get(seq)
    # before/after are already JSON in the journal: spliced in as they are,
    # unless the table has REAL columns (those travel as integer hundredths).
    real = reals.get(entity, ())
    if real:
        before, after = fields.json_to_wire(before, real), fields.json_to_wire(after, real)
    return (f'{{"journal_seq":{seq},"txn_id":{_dumps(txn_id)},"at":{_dumps(at)},'
            f'"operator_id":{_dumps(operator_id)},"action":{_dumps(action)},'
            f'"entity":{_dumps(entity, ensure_ascii=False)},"entity_id":{_dumps(entity_id)},'
            f'"base_version":{"null" if base is None else int(base)},'
            f'"version":{"null" if version is None else int(version)},'
            f'"before":{before or "null"},"after":{after or "null"},'
            f'"resolution":{"null" if res is None else _dumps(res)}}}\n')


def pack_batches(db: Database, data: DataDir, *, size: int | None = None,
                 job: Job = NO_JOB, limit: int | None = None) -> list[int]:
    """Pack every unpacked local change into batches; returns new sequences.

    Each batch is packed and stored in its own transaction, so a crash keeps
    the batches already made and loses nothing of the journal.
    """
    size = max(1, size or batch_size(db))
    key = device_key(data)
    box = county_box_key(db)
    dev = device_id(db)
    place = township(db)
    kid = keys.key_id(keys.raw_public(key))
    schema = schema_version()
    made: list[int] = []
    total = unpacked_count(db)
    done = 0
    while limit is None or len(made) < limit:
        job.step(done, total, translate("Sync", "Packing batches"))
        with db.atomic():
            after = last_packed_seq(db)
            rows = db.execute(
                "SELECT seq, txn_id, at, operator_id, action, entity, entity_id, base_version, "
                "version, before, after FROM journal WHERE origin = 'local' AND seq > ? "
                "ORDER BY seq LIMIT ?", [after, size]).fetchall()
            if not rows:
                break
            resolutions = dict(db.execute(
                "SELECT journal_seq, kind FROM sync_resolution WHERE journal_seq BETWEEN ? AND ?",
                [rows[0][0], rows[-1][0]]).fetchall())
            counts: dict[str, int] = {}
            for r in rows:
                counts[r[5]] = counts.get(r[5], 0) + 1
            reals = {e: fields.real_columns(db, e) for e in counts}
            plain = "".join(_line(r, resolutions, reals) for r in rows).encode("utf-8")
            sequence = (db.execute("SELECT max(sequence) FROM sync_batch").fetchone()[0] or 0) + 1
            payload, encryption = wire.seal(plain, box, dev, sequence)
            manifest = {
                "format": wire.BATCH_FORMAT, "format_version": wire.BATCH_VERSION,
                "device_id": dev, "key_id": kid,
                "township_code": place["code"], "township_name": place["name"],
                "sequence": sequence,
                "first_journal_seq": rows[0][0], "last_journal_seq": rows[-1][0],
                "change_count": len(rows), "entity_counts": counts,
                "schema_version": schema, "app_version": __version__,
                "created_at": utc_now(),
                "payload_bytes": len(payload), "payload_sha256": wire.sha256(payload),
                "encryption": encryption,
                # Heads of the hash-chained logs: the county can later tell a
                # rewritten history from the one it was sent.
                "chain_heads": audit.chain_heads(db),
            }
            content = wire.pack(manifest, key, payload)
            db.execute(
                "INSERT INTO sync_batch (sequence, device_id, first_journal_seq, last_journal_seq, "
                "change_count, batch_sha256, content, created_at) VALUES (?,?,?,?,?,?,?,?)",
                [sequence, dev, rows[0][0], rows[-1][0], len(rows), wire.sha256(content),
                 content, manifest["created_at"]])
        made.append(sequence)
        done += len(rows)
    return made


def batch_file_name(db: Database, batch: dict[str, Any]) -> str:
    return f"{township(db)['code']}-{batch['device_id']}-{batch['sequence']:06d}.ctbatch"


def unacknowledged(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT sequence, device_id, change_count, content, batch_sha256, state "
                         "FROM sync_batch WHERE state != 'acknowledged' ORDER BY sequence"))


def status(db: Database) -> dict[str, Any]:
    """What the sync page and ``credit-desk sync status`` show."""
    by_state = {s: {"batches": 0, "changes": 0} for s in ("pending", "sent", "acknowledged", "failed")}
    for state, n, c in db.execute("SELECT state, count(*), coalesce(sum(change_count), 0) "
                                  "FROM sync_batch GROUP BY state"):
        by_state[state] = {"batches": n, "changes": c}
    unpacked = unpacked_count(db)
    # Every local change is either unpacked or in exactly one batch.
    acknowledged = by_state["acknowledged"]["changes"]
    waiting = sum(by_state[s]["changes"] for s in ("pending", "sent", "failed"))
    failed = db.execute("SELECT sequence, reason FROM sync_batch WHERE state = 'failed' "
                        "ORDER BY sequence LIMIT 1").fetchone()
    return {
        "device_id": device_id(db),
        "county_url": settings.get(db, "sync.url"),
        "county_key_id": settings.get(db, "sync.county_key_id"),
        "enrolled": settings.get(db, "sync.county_public_key") is not None,
        "auto_sync": bool(settings.get(db, "sync.auto", False)),
        "last_sync_at": settings.get(db, "sync.last_sync_at"),
        "batches": by_state,
        "unpacked_changes": unpacked,
        "pending_changes": unpacked + waiting,
        "acknowledged_changes": acknowledged,
        "open_conflicts": db.execute("SELECT count(*) FROM sync_conflict WHERE status = 'open'")
                            .fetchone()[0],
        "last_failure": {"sequence": failed[0], "reason": failed[1]} if failed else None,
        "downlink_package": db.execute("SELECT max(package) FROM sync_downlink").fetchone()[0] or 0,
    }


def batches(db: Database, limit: int = 500) -> list[dict[str, Any]]:
    return list(db.query(
        "SELECT sequence, first_journal_seq, last_journal_seq, change_count, state, reason, "
        "attempts, created_at, sent_at, acknowledged_at, accepted, conflicts, rejected "
        "FROM sync_batch ORDER BY sequence DESC LIMIT ?", [limit]))

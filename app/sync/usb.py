"""File transport (docs/sync-protocol.md §7): batches out, receipts and packages in.

A folder (e.g. on a USB stick) or a .zip holds the very bytes the HTTP
upload would send. Writing a file does not acknowledge anything; only a
receipt that verifies does.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.accounts.permissions import require
from app.errors import UserError
from app.i18n import translate
from app.jobs import NO_JOB, Job
from app.journal import utc_now
from app.paths import DataDir
from app.sync import downlink, outbox, receipts


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def export_batches(db: Database, data: DataDir, target: str | Path, *, size: int | None = None,
                   job: Job = NO_JOB) -> dict[str, Any]:
    """Pack, then write every unacknowledged batch into a folder or a .zip file."""
    receipts.county_key(db)
    outbox.pack_batches(db, data, size=size, job=job)
    target = Path(target)
    todo = outbox.unacknowledged(db)
    files = []
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for batch in todo:
                name = outbox.batch_file_name(db, batch)
                archive.writestr(name, batch["content"])
                files.append(name)
        os.replace(tmp, target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for i, batch in enumerate(todo):
            job.step(i, len(todo), translate("Sync", "Writing batch files"))
            name = outbox.batch_file_name(db, batch)
            _write(target / name, batch["content"])
            files.append(name)
    now = utc_now()
    with db.atomic():
        for batch in todo:
            db.execute("UPDATE sync_batch SET state = CASE WHEN state = 'pending' THEN 'sent' "
                       "ELSE state END, sent_at = ? WHERE sequence = ?", [now, batch["sequence"]])
    return {"files": files, "batches": len(todo), "changes": sum(b["change_count"] for b in todo),
            "target": str(target)}


def _inputs(path: Path, suffix: str) -> list[tuple[str, bytes]]:
    if not path.exists():
        raise UserError(translate("Sync", "{path} does not exist.").format(path=path))
    if path.is_dir():
        return [(p.name, p.read_bytes()) for p in sorted(path.glob("*" + suffix))]
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            return [(n, archive.read(n)) for n in sorted(archive.namelist()) if n.endswith(suffix)]
    return [(path.name, path.read_bytes())]


def import_receipts(db: Database, path: str | Path) -> dict[str, Any]:
    """Verify and apply receipt files, and read the county's refusals (``.refused.json``).

    A refused batch is marked failed with the county's reason, so the page
    and ``sync status`` say why; its changes stay in the outbox.
    """
    out = {"acknowledged": 0, "already": 0, "conflicts": 0, "refused": [],
           "county_refused": []}
    path = Path(path)
    inputs = _inputs(path, ".ctreceipt") + (
        _inputs(path, ".refused.json") if path.is_dir() or path.suffix.lower() == ".zip" else [])
    if not inputs:
        raise UserError(translate("Sync", "No receipt files (.ctreceipt) or refusals "
                                          "(.refused.json) in {path}.").format(path=path))
    for name, data in inputs:
        if name.endswith(".refused.json"):
            out["county_refused"].append(_county_refusal(db, name, data))
            continue
        try:
            applied = receipts.apply_receipt(db, data)
        except receipts.ReceiptRefused as exc:
            out["refused"].append({"file": name, "reason": str(exc)})
            continue
        if applied["already"]:
            out["already"] += 1
        else:
            out["acknowledged"] += 1
            out["conflicts"] += applied["conflicts"]
    if out["acknowledged"] and not out["refused"] and not out["county_refused"]:
        from app import settings

        settings.put(db, "sync.last_sync_at", utc_now())
    return out


def _county_refusal(db: Database, name: str, data: bytes) -> dict[str, Any]:
    """One ``.refused.json``: which batch, why; the batch is marked failed with the reason."""
    from app.sync.client import refusal_text

    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        info = {}
    if not isinstance(info, dict):
        info = {}
    code = str(info.get("error") or "unknown")
    message = str(info.get("message") or "")
    sequence = info.get("sequence")
    if not isinstance(sequence, int):  # a county on protocol 1 names only the file
        match = re.search(r"-(\d{6})\.refused\.json$", name)
        sequence = int(match.group(1)) if match else None
    if info.get("device_id") not in (None, outbox.device_id(db)):
        sequence = None  # another device's batch on the same stick
    reason = translate("Sync", "The county refused: {reason} ({code}: {message})").format(
        reason=refusal_text(code) or message, code=code, message=message)
    if sequence is not None:
        with db.atomic():
            db.execute("UPDATE sync_batch SET state = 'failed', reason = ?, attempts = attempts + "
                       "1, last_attempt_at = ? WHERE sequence = ? AND state != 'acknowledged'",
                       [reason, utc_now(), sequence])
    return {"file": name, "sequence": sequence, "code": code, "reason": reason}


def import_downlink(db: Database, operator_id: str, path: str | Path) -> dict[str, Any]:
    require(db, operator_id, "sync.run")
    inputs = _inputs(Path(path), ".ctdownlink")
    packages = []
    for name, data in inputs:
        packages.append((downlink.verify_package(db, data)[0]["package"], data))
    total = {"packages": 0, "list_entries": 0, "policies": 0, "flagged": 0, "conflicts": 0,
             "refused": 0}
    refusals: list[str] = []
    for _, data in sorted(packages, key=lambda p: p[0]):
        applied = downlink.apply_package(db, operator_id, data)
        for k in total:
            total[k] += applied.get(k, 0)
        refusals += applied.get("refusals", [])
    return {**total, "refusals": refusals}

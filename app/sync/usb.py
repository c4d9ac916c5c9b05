"""File transport (docs/sync-protocol.md §7): batches out, receipts and packages in.

A folder (e.g. on a USB stick) or a .zip holds the very bytes the HTTP
upload would send. Writing a file does not acknowledge anything; only a
receipt that verifies does.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

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
    """Verify and apply receipt files; each refusal is reported with its reason."""
    out = {"acknowledged": 0, "already": 0, "conflicts": 0, "refused": []}
    inputs = _inputs(Path(path), ".ctreceipt")
    if not inputs:
        raise UserError(translate("Sync", "No receipt files (.ctreceipt) in {path}.").format(
            path=path))
    for name, data in inputs:
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
    if out["acknowledged"] and not out["refused"]:
        from app import settings

        settings.put(db, "sync.last_sync_at", utc_now())
    return out


def import_downlink(db: Database, operator_id: str, path: str | Path) -> dict[str, Any]:
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

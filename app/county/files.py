"""USB transport at the county (docs/sync-protocol.md §7): batch files in,
receipt files (or the reason of a refusal) written beside them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.county.store import CountyStore, Refusal
from app.journal import utc_now
from app.sync import wire


def receive_files(store: CountyStore, paths: list[Path]) -> list[dict[str, Any]]:
    """USB transport at the county: take batch files, write receipts beside them (§7)."""
    out = []
    for path in paths:
        data = path.read_bytes()
        stem = path.name[:-len(".ctbatch")] if path.name.endswith(".ctbatch") else path.name
        try:
            receipt, duplicate = store.take_batch(None, None, data, via="file")
        except Refusal as exc:
            target = path.with_name(stem + ".refused.json")
            target.write_text(json.dumps(refusal_file(path.name, data, exc), ensure_ascii=False,
                                         indent=1) + "\n", encoding="utf-8")
            out.append({"file": str(path), "refused": exc.code, "message": exc.message,
                        "written": str(target)})
            continue
        target = path.with_name(stem + ".ctreceipt")
        target.write_bytes(receipt)
        out.append({"file": str(path), "duplicate": duplicate, "written": str(target)})
    return out


def refusal_file(name: str, data: bytes, exc: Refusal) -> dict[str, Any]:
    """What a ``.refused.json`` holds (§7): which batch, and the code and reason."""
    head: dict[str, Any] = {}
    try:
        head = json.loads(data.split(b"\n", 1)[0])
    except (UnicodeDecodeError, json.JSONDecodeError):
        pass
    if not isinstance(head, dict):
        head = {}
    return {"format": wire.REFUSAL_FORMAT, "format_version": wire.FORMAT_VERSION,
            "file": name, "device_id": head.get("device_id"), "sequence": head.get("sequence"),
            "batch_sha256": wire.sha256(data), "status": exc.status, "error": exc.code,
            "message": exc.message, "refused_at": utc_now()}


def enrol_files(store: CountyStore, paths: list[Path]) -> list[dict[str, Any]]:
    """Enrolment by file (§2.1): an approval file written beside each request file."""
    out = []
    for path in paths:
        stem = path.name[:-len(".ctenrol")] if path.name.endswith(".ctenrol") else path.stem
        try:
            approval = store.enrol_by_file(path.read_bytes())
        except Refusal as exc:
            out.append({"file": str(path), "refused": exc.code, "message": exc.message})
            continue
        target = path.with_name(stem + ".ctapproval")
        target.write_bytes(approval)
        out.append({"file": str(path), "written": str(target)})
    return out


def export_downlink(store: CountyStore, target: Path, after: int = 0) -> list[str]:
    """Downlink packages after ``after`` as files for a township without network (§7)."""
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for number in store.downlink_after(after):
        name = f"{store.county_code}-{number:06d}.ctdownlink"
        (target / name).write_bytes(store.downlink(number))
        names.append(name)
    return names

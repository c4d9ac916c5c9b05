"""USB transport at the county (docs/sync-protocol.md §7): batch files in,
receipt files (or the reason of a refusal) written beside them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.county.store import CountyStore, Refusal


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
            target.write_text(json.dumps({"error": exc.code, "message": exc.message},
                                         ensure_ascii=False), encoding="utf-8")
            out.append({"file": str(path), "refused": exc.code, "message": exc.message,
                        "written": str(target)})
            continue
        target = path.with_name(stem + ".ctreceipt")
        target.write_bytes(receipt)
        out.append({"file": str(path), "duplicate": duplicate, "written": str(target)})
    return out

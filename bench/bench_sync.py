"""County sync benchmark: pack, sign, upload and acknowledge N changes on loopback.

    python bench/bench_sync.py [--changes 100000] [--batch-size 1000] [--quick]

Builds a demo register big enough to hold N local journal entries (or
reuses one in --data-dir), starts the reference county server as a separate
process (``credit-desk county-server``) on 127.0.0.1, enrols, and times:
packing and signing N changes into batches; uploading them with every
receipt verified (HTTP); the same N changes as files (export, county
``receive``, receipt import). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.sync import client, outbox, usb  # noqa: E402
from app.county.files import receive_files
from app.county.store import CountyStore  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(data: DataDir, changes: int) -> None:
    """A 1,000-household demo township, then field visits until N local changes wait."""
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data.root), "demo",
                    "--households", "1000", "--replace", "--yes"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from app.journal import changes as change_set
    from app.users import default_operator_id

    db = open_data_dir(data)
    try:
        have = db.execute("SELECT count(*) FROM journal WHERE origin = 'local'").fetchone()[0]
        ids = [r[0] for r in db.execute("SELECT id FROM household ORDER BY id")]
        operator = default_operator_id(db)
        i = 0
        while have < changes:
            with change_set(db, operator) as cs:  # one visit round per transaction
                for hid in ids[: min(len(ids), changes - have)]:
                    i += 1
                    cs.update("household", hid, {"note": f"第 {i} 次走访：家中情况正常，已核实劳动力与承包地。",
                                                 "labor": 1 + i % 4})
                    have += 1
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--data-dir")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.changes = 5_000
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    template = DataDir(Path(args.data_dir) if args.data_dir else work / "template")
    if not template.exists():
        t = time.perf_counter()
        build(template, args.changes)
        print(f"demo register built in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    rows = []
    for transport in ("http", "file"):
        data = DataDir(work / transport)
        shutil.copytree(template.root, data.root, dirs_exist_ok=True)
        db = open_data_dir(data)
        local = db.execute("SELECT count(*) FROM journal WHERE origin = 'local'").fetchone()[0]
        if local < args.changes:
            print(f"register holds only {local} local changes", file=sys.stderr)
            return 1
        county_dir = work / f"county-{transport}"
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "app", "county-server", "--data-dir",
                                   str(county_dir), "--port", str(port), "--auto-enroll"],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True)
        try:
            server.stdout.readline()  # "County server on ..."
            url = f"http://127.0.0.1:{port}"
            client.enroll(db, data, url)
            n_batches = -(-args.changes // args.batch_size)
            t0 = time.perf_counter()
            outbox.pack_batches(db, data, size=args.batch_size, limit=n_batches)
            t_pack = time.perf_counter() - t0
            packed = db.execute("SELECT coalesce(sum(change_count), 0), count(*), "
                                "sum(length(content)) FROM sync_batch").fetchone()
            # Only what was packed goes: push() would pack the rest of the register too.
            settings_size = args.batch_size
            if transport == "http":
                t1 = time.perf_counter()
                result = _push_packed(db, data, url)
                t_send = time.perf_counter() - t1
            else:
                t1 = time.perf_counter()
                stick = work / "stick"
                usb_result = _export_packed(db, stick)
                store = CountyStore(county_dir)
                taken = receive_files(store, sorted(stick.glob("*.ctbatch")))
                store.close()
                imported = usb.import_receipts(db, stick)
                t_send = time.perf_counter() - t1
                result = {"changes_sent": sum(b for b in usb_result),
                          "refused": imported["refused"], "taken": len(taken)}
            acked = db.execute("SELECT coalesce(sum(change_count), 0) FROM sync_batch WHERE "
                               "state = 'acknowledged'").fetchone()[0]
        finally:
            server.terminate()
            server.wait(10)
            db.close()
        county = sqlite3.connect(county_dir / "county.sqlite3")
        held, distinct = county.execute("SELECT count(*), count(DISTINCT journal_seq) FROM "
                                        "change").fetchone()
        county.close()
        rows.append((transport, packed[0], packed[1], packed[2], t_pack, t_send, acked, held,
                     distinct, settings_size))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}\n")
    print("| transport | changes | batches | MiB | pack + sign s | send + verify receipts s | "
          "total s | changes/s | acknowledged | held at county (distinct) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (transport, changes, batches, size, t_pack, t_send, acked, held, distinct, _) in rows:
        total = t_pack + t_send
        print(f"| {transport} | {changes:,} | {batches} | {size / 2**20:.1f} | {t_pack:.1f} | "
              f"{t_send:.1f} | {total:.1f} | {changes / total:,.0f} | {acked:,} | "
              f"{held:,} ({distinct:,}) |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _push_packed(db, data, url):
    """Upload every packed batch, as push() does, without packing more."""
    transport = client.Transport(url)
    device = outbox.device_id(db)
    from app.sync import receipts

    sent = 0
    for batch in outbox.unacknowledged(db):
        _, _, body = transport.call("PUT", f"/v1/devices/{device}/batches/{batch['sequence']}",
                                    batch["content"], "application/x-credit-desk-batch")
        receipts.apply_receipt(db, body)
        sent += batch["change_count"]
    return {"changes_sent": sent}


def _export_packed(db, stick: Path) -> list[int]:
    stick.mkdir(parents=True, exist_ok=True)
    out = []
    for batch in outbox.unacknowledged(db):
        (stick / outbox.batch_file_name(db, batch)).write_bytes(batch["content"])
        out.append(batch["change_count"])
    return out


if __name__ == "__main__":
    sys.exit(main())

"""County sync benchmark: pack, seal, sign, upload and acknowledge changes on loopback.

    python bench/bench_sync.py [--changes 100000] [--batch-size 1000] [--quick]
    python bench/bench_sync.py --concurrent [--townships 20] [--changes 50000]

Builds a demo register big enough to hold N local journal entries (or
reuses one in --data-dir), starts the reference county server as a separate
process (``credit-desk county-server``) on 127.0.0.1, enrols, and times:
packing, encrypting and signing N changes into batches; uploading them with
every receipt verified (HTTP); the same N changes as files (export, county
``receive``, receipt import). Prints a Markdown table.

``--concurrent``: T copies of the register, each another township on another
PC, pack their batches beforehand; then T client processes upload at the
same moment to one county server, on the PostgreSQL back end (a throwaway
cluster made with Debian's initdb, fsync on) and on the SQLite back end, and
one township alone on each as the baseline. Prints throughput, p50/p95 batch
latency (PUT sent to receipt verified and committed) and what the county holds.
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
from app.county.files import receive_files  # noqa: E402
from app.county.store import CountyStore  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open(data: DataDir):
    """Open a (copy of the) demo register, which is encrypted: each copy's path is
    unlocked with a demo account, as a sign-in would."""
    from app import keystore

    if keystore.is_encrypted(data) and keystore.known_key(data) is None:
        keystore.unlock(data, "admin", "demo2026")
    return open_data_dir(data)


def build(data: DataDir, changes: int) -> None:
    """A 1,000-household demo township, then field visits until N local changes wait."""
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data.root), "demo",
                    "--households", "1000", "--replace", "--yes"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from app.journal import changes as change_set
    from app.users import default_operator_id

    db = _open(data)
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
    parser.add_argument("--concurrent", action="store_true")
    parser.add_argument("--townships", type=int, default=20)
    parser.add_argument("--worker", nargs=3, metavar=("DATA", "URL", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)
    if args.quick:
        args.changes = 5_000
    if args.concurrent:
        return concurrent(args)
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
        db = _open(data)
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
                _push_packed(db, data, url)
                t_send = time.perf_counter() - t1
            else:
                t1 = time.perf_counter()
                stick = work / "stick"
                _export_packed(db, stick)
                store = CountyStore(county_dir)
                taken = receive_files(store, sorted(stick.glob("*.ctbatch")))
                store.close()
                imported = usb.import_receipts(db, stick)
                t_send = time.perf_counter() - t1
                # A refused batch or receipt would make the figures those of less work.
                problems = ([t for t in taken if "refused" in t] + imported["refused"]
                            + imported["county_refused"])
                if problems:
                    print(f"file transport refused: {problems[:3]}", file=sys.stderr)
                    return 1
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


# ---------------------------------------------------------------- concurrent townships

def worker(data_root: str, url: str, out: str) -> int:
    """One township's PC: upload every packed batch in order, each receipt verified."""
    from app.sync import receipts

    data = DataDir(Path(data_root))
    db = _open(data)
    transport = client.Transport(url, timeout=300)
    device = outbox.device_id(db)
    latencies = []
    start = time.time()
    for batch in outbox.unacknowledged(db):
        t = time.perf_counter()
        _, _, body = transport.call("PUT", f"/v1/devices/{device}/batches/{batch['sequence']}",
                                    batch["content"], "application/x-credit-desk-batch")
        receipts.apply_receipt(db, body)
        latencies.append(time.perf_counter() - t)
    db.close()
    Path(out).write_text(json.dumps({"start": start, "end": time.time(),
                                     "latencies": latencies}))
    return 0


def _township_copy(template: DataDir, root: Path, i: int) -> DataDir:
    import uuid

    from app import settings

    data = DataDir(root)
    shutil.copytree(template.root, data.root)
    shutil.rmtree(data.root / "sync", ignore_errors=True)
    db = _open(data)
    settings.put(db, "device_id", str(uuid.uuid4()))
    db.execute("UPDATE place SET code = ?, name = ? WHERE level = 'township'",
               [f"510623{200 + i:03d}", f"第{i + 1}镇"])
    db.conn.commit()
    db.close()
    return data


def _serve(county_dir: Path, database_url: str | None):
    port = free_port()
    command = [sys.executable, "-m", "app", "county-server", "--data-dir", str(county_dir),
               "--port", str(port), "--auto-enroll"]
    if database_url:
        command += ["--database-url", database_url]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    server.stdout.readline()
    return server, f"http://127.0.0.1:{port}"


def _round(towns: list[DataDir], work: Path, county_dir: Path, database_url, batch_size: int,
           label: str, changes: int) -> dict:
    """Enrol and pack (untimed), then every township uploads at once (timed)."""
    server, url = _serve(county_dir, database_url)
    try:
        copies = []
        for i, town in enumerate(towns):
            data = DataDir(work / f"{label}-{i}")
            shutil.copytree(town.root, data.root)
            db = _open(data)
            client.enroll(db, data, url)
            # Exactly ``changes`` per township wait (the demo journaled more).
            outbox.pack_batches(db, data, size=batch_size, limit=-(-changes // batch_size))
            db.close()
            copies.append(data)
        outs = [work / f"{label}-{i}.json" for i in range(len(copies))]
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker",
                                   str(c.root), url, str(o)], cwd=ROOT)
                 for c, o in zip(copies, outs)]
        for p in procs:
            p.wait()
        failed = sum(p.returncode != 0 for p in procs)
        runs = [json.loads(o.read_text()) for o in outs if o.exists()]
        # From the first upload to the last receipt (process start-up left out).
        wall = max(r["end"] for r in runs) - min(r["start"] for r in runs) if runs else \
            time.perf_counter() - t0
        latencies = sorted(x for r in runs for x in r["latencies"])
        summary = json.loads(subprocess.run(
            [sys.executable, "-m", "app", "county-server", "summary", "--data-dir",
             str(county_dir), "--json"] + (["--database-url", database_url] if database_url
                                           else []),
            cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    finally:
        server.terminate()
        server.wait(30)
    devices = [d for t in summary["townships"] for d in t["devices"]]
    once = all(d["changes"] == d["distinct_changes"] for d in devices)
    return {"label": label, "townships": len(towns), "wall": wall, "failed": failed,
            "batches": len(latencies), "changes": summary["total_changes"], "once": once,
            "p50": latencies[len(latencies) // 2] if latencies else 0,
            "p95": latencies[int(len(latencies) * 0.95)] if latencies else 0}


def concurrent(args) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.sync.postgres import Cluster

    work = Path(tempfile.mkdtemp(prefix="bench-sync-many-"))
    template = DataDir(Path(args.data_dir) if args.data_dir else work / "template")
    if not template.exists():
        t = time.perf_counter()
        build(template, args.changes)
        print(f"demo register built in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    # Only the wanted number of changes waits: the rest counts as sent long ago.
    towns = [_township_copy(template, work / f"town-{i}", i) for i in range(args.townships)]
    cluster = Cluster(fsync=True)
    rows = []
    try:
        for backend in ("postgresql", "sqlite"):
            for subset in (towns[:1], towns):
                label = f"{backend}-{len(subset)}"
                url = cluster.new_database() if backend == "postgresql" else None
                print(f"{label} …", file=sys.stderr)
                rows.append((backend, _round(subset, work, work / f"county-{label}", url,
                                             args.batch_size, label, args.changes)))
    finally:
        cluster.stop()
    load = os.getloadavg()[0]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, load {load:.1f}\n")
    print("| back end | townships at once | changes | batches | wall s | changes/s | "
          "p50 batch s | p95 batch s | each change once | failed clients |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for backend, r in rows:
        print(f"| {backend} | {r['townships']} | {r['changes']:,} | {r['batches']} | "
              f"{r['wall']:.1f} | {r['changes'] / r['wall']:,.0f} | {r['p50']:.2f} | "
              f"{r['p95']:.2f} | {'yes' if r['once'] else 'NO'} | {r['failed']} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

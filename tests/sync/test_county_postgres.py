"""The county receiver on PostgreSQL, as a county runs it: ``credit-desk county-server
--database-url postgresql://…`` taking two townships' pushes at the same time."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
import uuid

from app import keystore, settings
from app.paths import DataDir
from app.store import open_data_dir
from app.sync import client, outbox
from tests.conftest import ROOT, run_cli
from tests.sync.conftest import local_change_count
from tests.sync.postgres import _free_port


def _second_township(template: DataDir, root) -> DataDir:
    """A copy of the demo register that is another township on another PC."""
    data = DataDir(root)
    shutil.copytree(template.root, data.root)
    shutil.rmtree(data.root / "sync", ignore_errors=True)
    keystore.remember(data, keystore.known_key(template))  # the same encrypted register
    db = open_data_dir(data)
    settings.put(db, "device_id", str(uuid.uuid4()))
    db.execute("UPDATE place SET code = '510623106', name = '黄鹿镇' WHERE level = 'township'")
    db.conn.commit()
    db.close()
    return data


def test_two_townships_push_at_once_and_summary_counts_each_change_once(
        demo_data, pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    port = _free_port()
    log = open(tmp_path / "server.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "county-server", "--data-dir", str(tmp_path / "county"),
         "--database-url", url, "--port", str(port), "--auto-enroll"], cwd=ROOT,
        stdout=log, stderr=log)
    county_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not client.reachable(county_url, timeout=0.5):
            assert server.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        towns = [demo_data, _second_township(demo_data, tmp_path / "town2")]
        results, errors = {}, []

        def push(data: DataDir):
            db = open_data_dir(data)
            try:
                client.enroll(db, data, county_url)
                results[str(data.root)] = (client.push(db, data, size=150),
                                           outbox.device_id(db), local_change_count(db))
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
            finally:
                db.close()

        threads = [threading.Thread(target=push, args=(t,)) for t in towns]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, (tmp_path / "server.log").read_text()
        summary = json.loads(run_cli("county-server", "summary", "--data-dir",
                                     str(tmp_path / "county"), "--database-url", url, "--json",
                                     check=True).stdout)
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    assert summary["database"] == "postgresql"
    assert len({t["township_code"] for t in summary["townships"]}) == 2
    devices = {d["device_id"]: d for t in summary["townships"] for d in t["devices"]}
    for pushed, device_id, total in results.values():
        assert pushed["failed"] is None and pushed["pending_after"] == 0
        held = devices[device_id]
        assert held["changes"] == held["distinct_changes"] == total
        assert sum(held["changes_by_upload_date"].values()) == total
    assert summary["total_changes"] == sum(total for _, _, total in results.values())


def test_county_server_refuses_an_unknown_database_url(tmp_path):
    r = run_cli("county-server", "summary", "--data-dir", str(tmp_path / "c"),
                "--database-url", "mysql://county")
    assert r.returncode == 2 and "postgresql://" in r.stderr


def test_two_servers_on_one_database_take_each_batch_once(demo_db, demo_data, pg_cluster,
                                                         tmp_path):
    """No lock in the process does the work: two servers (same county keys, one database)
    get every batch at the same moment, and the database's unique keys keep it once."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.sync.conftest import County

    url = pg_cluster.new_database()
    servers = [County(tmp_path / "county", database_url=url) for _ in range(2)]
    try:
        client.enroll(demo_db, demo_data, servers[0].url)
        outbox.pack_batches(demo_db, demo_data, size=300)
        device = outbox.device_id(demo_db)
        transports = [client.Transport(s.url, timeout=60) for s in servers]
        with ThreadPoolExecutor(2) as pool:
            for batch in outbox.unacknowledged(demo_db):
                path = f"/v1/devices/{device}/batches/{batch['sequence']}"
                answers = list(pool.map(
                    lambda t: t.call("PUT", path, batch["content"],
                                     "application/x-credit-desk-batch"), transports))
                assert answers[0][2] == answers[1][2]  # the same stored receipt
                assert sorted(a[1]["X-Credit-Desk-Duplicate"] for a in answers) == ["0", "1"]
        summary = servers[1].store.summary()
    finally:
        for s in servers:
            s.stop()
    [held] = [d for t in summary["townships"] for d in t["devices"]]
    assert held["changes"] == held["distinct_changes"] == local_change_count(demo_db)

"""Pushing the demo township to a real county server over HTTP, and by file."""

from __future__ import annotations

import json

from app import settings
from app.sync import client, outbox, usb
from app.journal import changes
from app.county.files import receive_files
from app.users import default_operator_id


def test_push_leaves_nothing_pending_and_county_counts_each_change_once(
        enrolled, demo_data, county, local_count):
    db = enrolled
    total = local_count(db)
    assert outbox.status(db)["pending_changes"] == total > 900

    result = client.push(db, demo_data, size=300)

    assert result["failed"] is None
    assert result["changes_sent"] == total
    assert result["batches_sent"] == -(-total // 300)
    assert result["pending_after"] == 0
    device = county.device(outbox.device_id(db))
    assert device["changes"] == device["distinct_changes"] == device["accepted"] == total
    assert settings.get(db, "sync.last_sync_at")
    assert {b["state"] for b in outbox.batches(db)} == {"acknowledged"}

    again = client.push(db, demo_data)
    assert again["batches_sent"] == again["changes_sent"] == 0
    assert county.device(outbox.device_id(db))["changes"] == total


def test_new_changes_after_a_push_go_in_the_next_batch(enrolled, demo_data, county):
    db = enrolled
    client.push(db, demo_data)
    household = db.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
    with changes(db, default_operator_id(db)) as cs:
        cs.update("household", household, {"phone": "13900000000"})
    assert outbox.status(db)["pending_changes"] == 1
    result = client.push(db, demo_data)
    assert result["changes_sent"] == 1
    assert county.store.current("household", household)["phone"] == "13900000000"


def test_batches_travel_as_files_and_receipts_come_back(enrolled, demo_data, county, tmp_path,
                                                        local_count):
    db = enrolled
    total = local_count(db)
    stick = tmp_path / "usb"
    written = usb.export_batches(db, demo_data, stick, size=400)
    assert written["changes"] == total
    assert outbox.status(db)["batches"]["sent"]["batches"] == written["batches"]
    assert outbox.status(db)["pending_changes"] == total  # nothing acknowledged by writing a file

    taken = receive_files(county.store, sorted(stick.glob("*.ctbatch")))
    assert all("refused" not in t for t in taken)
    # The stick goes to the county twice: the batches are taken once.
    again = receive_files(county.store, sorted(stick.glob("*.ctbatch")))
    assert all(t["duplicate"] for t in again)

    result = usb.import_receipts(db, stick)
    assert result["acknowledged"] == written["batches"] and not result["refused"]
    assert outbox.status(db)["pending_changes"] == 0
    assert county.device(outbox.device_id(db))["changes"] == total
    assert usb.export_batches(db, demo_data, tmp_path / "usb2")["batches"] == 0


def test_zip_export_holds_the_same_bytes(enrolled, demo_data, tmp_path):
    import zipfile

    result = usb.export_batches(enrolled, demo_data, tmp_path / "out.zip", size=500)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        names = archive.namelist()
        stored = enrolled.execute("SELECT content FROM sync_batch ORDER BY sequence").fetchall()
        assert [archive.read(n) for n in names] == [s[0] for s in stored]
    assert len(names) == result["batches"]


def test_cli_push_twice_and_summary(demo_db, demo_data, county, cli):
    client.enroll(demo_db, demo_data, county.url)  # the CLI's enroll: the file round trip below
    r = cli("sync", "push", "--url", county.url, "--json", data=demo_data, check=True)
    pushed = json.loads(r.stdout)
    assert pushed["changes_sent"] > 900 and pushed["pending_after"] == 0
    r = cli("sync", "push", "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["batches_sent"] == 0
    r = cli("county-server", "summary", "--data-dir", str(county.root), "--json", check=True)
    summary = json.loads(r.stdout)
    assert summary["total_changes"] == pushed["changes_sent"]


def test_cli_file_transport_round_trip(demo_data, county, cli, tmp_path):
    r = cli("sync", "enroll", "--url", county.url, data=demo_data, check=True)
    assert "已生效" in r.stdout  # "in force"
    stick = tmp_path / "stick"
    cli("sync", "export", "-o", str(stick), data=demo_data, check=True)
    files = sorted(str(p) for p in stick.glob("*.ctbatch"))
    cli("county-server", "receive", *files, "--data-dir", str(county.root), check=True)
    r = cli("sync", "import-receipt", str(stick), "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["acknowledged"] == len(files)
    r = cli("county-server", "summary", "--data-dir", str(county.root), "--json", check=True)
    summary = json.loads(r.stdout)
    device = summary["townships"][0]["devices"][0]
    assert device["changes"] == device["distinct_changes"] == summary["total_changes"] > 900
    # A second push over HTTP finds nothing left to send.
    r = cli("sync", "push", "--json", data=demo_data, check=True)
    assert json.loads(r.stdout)["changes_sent"] == 0

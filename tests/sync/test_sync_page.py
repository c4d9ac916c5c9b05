"""The sync page against a real county server: status, sync with progress, conflicts."""

from __future__ import annotations

import pytest

from app.journal import changes
from app.store import open_data_dir
from app.sync import client
from app.users import default_operator_id
from ui.sync.page import SyncPage


@pytest.fixture
def page(qtbot, ctx, county):
    widget = SyncPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    yield widget
    widget.auto_sync.stop()


def _wait_idle(qtbot, page):
    qtbot.waitUntil(lambda: page._job is None, timeout=30000)


def test_enrol_and_sync_from_the_page(page, qtbot, county):
    assert "未" in page.summary.text()  # not enrolled yet, said in Chinese
    page.url.setText(county.url)
    page.enrol()
    _wait_idle(qtbot, page)
    assert "已生效" in page.message.text()
    page.sync_now()
    assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    _wait_idle(qtbot, page)
    assert page.status["pending_changes"] == 0
    assert page.batch_model.rowCount() >= 1
    assert page.batch_model.data(page.batch_model.index(0, 2)) == "已确认"
    assert "上次同步" in page.summary.text()
    assert county.store.summary()["total_changes"] > 900


def test_failure_reason_shown_on_the_batch(page, qtbot, county, demo_data):
    page.url.setText(county.url)
    page.enrol()
    _wait_idle(qtbot, page)
    county.store.set_device_status(page.status["device_id"], "revoked")
    page.sync_now()
    _wait_idle(qtbot, page)
    model = page.batch_model
    failed = [r for r in range(model.rowCount()) if model.data(model.index(r, 2)) == "失败"]
    assert len(failed) == 1
    assert "吊销" in model.data(model.index(failed[0], 7))  # "the county revoked this device's key"
    assert "吊销" in page.message.text()


def test_conflict_side_by_side_and_resolve(page, qtbot, county, demo_data, tmp_path):
    db = open_data_dir(demo_data)
    try:
        client.enroll(db, demo_data, county.url)
        client.push(db, demo_data)
        hid = db.execute("SELECT id FROM household ORDER BY id LIMIT 1").fetchone()[0]
        county.store.correct("household", hid, {"phone": "13800000001"})
        with changes(db, default_operator_id(db)) as cs:
            cs.update("household", hid, {"phone": "13911112222"})
    finally:
        db.close()
    page.refresh()
    page.sync_now()
    _wait_idle(qtbot, page)
    assert page.conflict_model.rowCount() == 1
    assert page.tabs.tabText(1) == "冲突（1）"
    page.tabs.setCurrentIndex(1)
    rows = {page.diff_model.rows[i][0]: page.diff_model.rows[i][1:]
            for i in range(page.diff_model.rowCount())}
    assert rows["phone"] == ("13911112222", "13800000001")
    page.grab().save(str(tmp_path / "sync.png"))
    page.resolve("keep_local")
    _wait_idle(qtbot, page)
    assert page.conflict_model.rowCount() == 0
    page.sync_now()
    _wait_idle(qtbot, page)
    assert page.status["pending_changes"] == 0


def test_usb_export_and_receipt_import_from_the_page(page, qtbot, county, tmp_path):
    from app.county.files import receive_files

    page.url.setText(county.url)
    page.enrol()
    _wait_idle(qtbot, page)
    page.export_to(str(tmp_path / "usb"))
    _wait_idle(qtbot, page)
    assert page.status["batches"]["sent"]["batches"] >= 1
    receive_files(county.store, sorted((tmp_path / "usb").glob("*.ctbatch")))
    page.import_receipts_from(str(tmp_path / "usb"))
    _wait_idle(qtbot, page)
    assert page.status["pending_changes"] == 0


def test_auto_sync_runs_when_turned_on_and_reachable(page, qtbot, county):
    page.url.setText(county.url)
    page.enrol()
    _wait_idle(qtbot, page)
    auto = page.auto_sync
    assert auto.timer.isActive()
    assert auto.tick() is None  # off: nothing happens
    page.auto.setChecked(True)
    qtbot.waitUntil(lambda: page.status["auto_sync"], timeout=5000)
    with qtbot.waitSignal(auto.finished, timeout=30000):
        assert auto.tick() is not None
    assert page.status["pending_changes"] == 0
    assert "已上报" in page.message.text()


def test_enrol_by_files_and_a_refusal_shown_from_the_page(page, qtbot, county, tmp_path):
    from app.county.files import enrol_files, receive_files

    stick = tmp_path / "stick"
    page.enrol_request_to(str(stick))
    _wait_idle(qtbot, page)
    [request] = stick.glob("*.ctenrol")
    assert str(request) in page.message.text()
    [taken] = enrol_files(county.store, [request])
    page.enrol_from_approval(taken["written"])
    _wait_idle(qtbot, page)
    assert "已生效" in page.message.text() and page.status["enrolled"]
    page.export_to(str(stick))
    _wait_idle(qtbot, page)
    batches = sorted(stick.glob("*.ctbatch"))
    batches[0].write_bytes(batches[0].read_bytes()[:-1])  # cut short on the stick
    receive_files(county.store, batches)
    page.import_receipts_from(str(stick))
    _wait_idle(qtbot, page)
    assert "县平台拒收" in page.message.text() and "payload_mismatch" in page.message.text()
    model = page.batch_model
    states = {model.data(model.index(r, 0)): model.data(model.index(r, 2))
              for r in range(model.rowCount())}
    assert states.get(1, states.get("1")) == "失败", states

"""A real county server on 127.0.0.1 (ephemeral port) per test, and an enrolled demo register."""

from __future__ import annotations

import threading

import pytest

from app.sync import client
from app.county.http import make_server
# Root conftest names re-exported: tests that do "from conftest import ROOT"
# get whichever conftest module pytest loaded last.
from tests.conftest import ROOT, run_cli  # noqa: F401


class County:
    def __init__(self, root, auto_enroll=True):
        self.root = root
        self.server = make_server(root, port=0, auto_enroll=auto_enroll)
        self.store = self.server.store
        self.faults = self.server.faults
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}"
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
        self.store.close()

    def device(self, device_id):
        return next(d for t in self.store.summary()["townships"] for d in t["devices"]
                    if d["device_id"] == device_id)


@pytest.fixture
def county(tmp_path):
    c = County(tmp_path / "county")
    yield c
    c.stop()


FAST = client.Retry(attempts=4, base=0.01, cap=0.05)


@pytest.fixture
def fast_retry():
    return FAST


@pytest.fixture
def enrolled(demo_db, demo_data, county):
    client.enroll(demo_db, demo_data, county.url)
    return demo_db


def local_change_count(db) -> int:
    return db.execute("SELECT count(*) FROM journal WHERE origin = 'local'").fetchone()[0]


@pytest.fixture
def local_count():
    return local_change_count


@pytest.fixture
def chinese_ui(qapp):
    """The .qm catalogues installed, as the app does at start-up (zh_CN is the default)."""
    from PySide6.QtCore import QTranslator

    from app.i18n import qm_paths

    translators = []
    for path in qm_paths("zh_CN"):
        translator = QTranslator()
        if translator.load(str(path)):
            qapp.installTranslator(translator)
            translators.append(translator)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_county(tmp_path):
    """More county servers (e.g. one that does not auto-enrol); all stopped afterwards."""
    made = []

    def make(name="county2", auto_enroll=True):
        c = County(tmp_path / name, auto_enroll=auto_enroll)
        made.append(c)
        return c

    yield make
    for c in made:
        c.stop()

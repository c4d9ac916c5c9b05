"""A real county server on 127.0.0.1 (ephemeral port) per test, and an enrolled demo register."""

from __future__ import annotations

import os
import threading

import pytest

from app.sync import client
from app.county.http import make_server
# Root conftest names re-exported: tests that do "from conftest import ROOT"
# get whichever conftest module pytest loaded last.
from tests.conftest import ROOT, run_cli  # noqa: F401


class County:
    def __init__(self, root, auto_enroll=True, database_url=None):
        self.root = root
        self.database_url = database_url
        self.server = make_server(root, port=0, auto_enroll=auto_enroll,
                                  database_url=database_url)
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


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole run, started on first use."""
    from tests.sync.postgres import Cluster, bin_dir

    if bin_dir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is missing; packaging/setup-env.sh installs it")
        pytest.skip("PostgreSQL is not installed here")
    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def county_database(request):
    """None (the SQLite file) or a fresh PostgreSQL database, by the test's parameter."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        return None
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def county(tmp_path, county_database):
    c = County(tmp_path / "county", database_url=county_database)
    yield c
    c.stop()


# The fault tests run against both back ends: put this on a module.
BOTH_BACK_ENDS = pytest.mark.parametrize("county_database", ["sqlite", "postgresql"],
                                         indirect=True)


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
def make_county(tmp_path, request, county_database):
    """More county servers (e.g. one that does not auto-enrol), on the test's back end."""
    made = []

    def make(name="county2", auto_enroll=True):
        url = None
        if county_database is not None:
            url = request.getfixturevalue("pg_cluster").new_database()
        c = County(tmp_path / name, auto_enroll=auto_enroll, database_url=url)
        made.append(c)
        return c

    yield make
    for c in made:
        c.stop()

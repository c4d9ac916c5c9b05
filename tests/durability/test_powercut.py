"""Power cuts, not just kill -9: writes not yet fsynced are lost (FUSE, tests/durability/powercut.py).

A bounded number of cuts here; bench/bench_powercut.py runs a thousand and more.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from powercut_harness import one_cut, plan, prepare_sync  # noqa: E402

from app.demo import build_demo  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402

CUTS = int(os.environ.get("POWERCUT_CUTS", "6"))


def fuse_works() -> bool:
    return os.path.exists("/dev/fuse") and shutil.which("fusermount3") is not None


pytestmark = pytest.mark.skipif(not fuse_works(), reason="no FUSE here (/dev/fuse, fuse3)")


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    """A small township and a 60-row roster to import, on the real disk."""
    root = tmp_path_factory.mktemp("powercut")
    data = DataDir(root / "template")
    db = open_data_dir(data)
    build_demo(db, households=150, seed=3)
    villages = [(name, [g for (g,) in db.execute("SELECT name FROM place WHERE parent_id = ?",
                                                   [vid])])
                for vid, name in db.execute("SELECT id, name FROM place WHERE level='village'")]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from bench_excel import make_roster

    roster = root / "roster.xlsx"
    make_roster(roster, 60, villages, seed=9)
    prepare_sync(data.root, root / "county")
    return data.root, roster, root


def test_power_cuts_during_saves_imports_a_campaign_start_and_a_sync_lose_nothing_acknowledged(
        township):
    template, roster, root = township
    outcomes = []
    for i, (kind, seed, keep, delay) in enumerate(plan(CUTS, seed=2026)):
        outcomes.append(one_cut(template, root / "cut", kind, seed, keep, delay,
                                roster=roster, import_rows=60, county=root / "county"))
    bad = [o for o in outcomes if not o.ok]
    assert bad == []
    assert sum(o.ops_lost for o in outcomes) > 0  # the cuts really lost unsynced writes
    assert sum(o.acked_saves for o in outcomes) > 0
    assert "sync" in {o.kind for o in outcomes}

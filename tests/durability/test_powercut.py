"""Power cuts, not just kill -9: writes not yet fsynced are lost (FUSE, tests/durability/powercut.py).

A bounded number of cuts here; bench/bench_powercut.py runs a thousand and more.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from powercut_harness import make_township, one_cut, plan  # noqa: E402

CUTS = int(os.environ.get("POWERCUT_CUTS", "6"))


def fuse_works() -> bool:
    return os.path.exists("/dev/fuse") and shutil.which("fusermount3") is not None


pytestmark = pytest.mark.skipif(not fuse_works(), reason="no FUSE here (/dev/fuse, fuse3)")


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    """A small encrypted township, its county and a 60-row roster, on the real disk."""
    root = tmp_path_factory.mktemp("powercut")
    template, roster, key = make_township(root)
    return template, roster, root, key


def test_power_cuts_during_saves_imports_a_campaign_start_and_a_sync_lose_nothing_acknowledged(
        township):
    template, roster, root, key = township
    # The product's own configuration: SQLCipher pages, not plain SQLite.
    assert not (template / "register.sqlite3").read_bytes().startswith(b"SQLite format 3")
    outcomes = []
    for i, (kind, seed, keep, delay) in enumerate(plan(CUTS, seed=2026)):
        outcomes.append(one_cut(template, root / "cut", kind, seed, keep, delay,
                                roster=roster, import_rows=60, county=root / "county", key=key))
    bad = [o for o in outcomes if not o.ok]
    assert bad == []
    assert sum(o.ops_lost for o in outcomes) > 0  # the cuts really lost unsynced writes
    assert sum(o.acked_saves for o in outcomes) > 0
    assert "sync" in {o.kind for o in outcomes}

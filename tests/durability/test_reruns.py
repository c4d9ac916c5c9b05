"""Reruns after a crash are safe: the demo never half-exists, and --replace never eats a real register."""

import signal
import subprocess
import sys
import time
from pathlib import Path

from app import keystore
from app.accounts.demo import DEMO_SETTING
from app.paths import DataDir
from app.store import open_data_dir

ROOT = Path(__file__).resolve().parent.parent.parent


def test_replace_refuses_a_real_register_and_asks_before_replacing_a_demo(cli, tmp_path):
    data = DataDir(tmp_path / "d")
    cli("demo", "--households", "60", data=data, check=True)
    asked = cli("demo", "--households", "60", "--replace", data=data)
    assert asked.returncode == 2 and "--yes" in asked.stderr  # no terminal to ask in
    replaced = cli("demo", "--households", "80", "--replace", "--yes", data=data, check=True)
    assert "80" in replaced.stdout
    assert len(list(data.backups.glob("replaced-*.sqlite3"))) == 1  # the old one is kept
    assert len(list(data.backups.glob("replaced-*.keys.json"))) == 1  # with its keys

    keystore.unlock(data, "admin", "demo2026")
    db = open_data_dir(data)  # now make it a real township's register
    db.execute("DELETE FROM setting WHERE key = ?", [DEMO_SETTING])
    db.close()
    refused = cli("demo", "--households", "60", "--replace", "--yes", data=data)
    assert refused.returncode == 2 and "演示" in refused.stderr
    db = open_data_dir(data)
    assert db.execute("SELECT count(*) FROM household").fetchone()[0] == 80
    db.close()


def test_a_demo_build_killed_half_way_leaves_no_register(tmp_path):
    data = DataDir(tmp_path / "d")
    build = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data.root), "demo",
                              "--households", "20000"], cwd=ROOT, stderr=subprocess.PIPE,
                             stdout=subprocess.DEVNULL)
    # Wait until the build is under way (it reports progress), then cut it.
    build.stderr.read1(64)
    time.sleep(1.0)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    build.stderr.close()
    assert not data.register.exists()
    rebuilt = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data.root), "demo",
                              "--households", "50"], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert [p.name for p in data.root.iterdir() if p.name.startswith(".cdtmp")] == []


def test_a_second_campaign_of_the_same_year_and_name_is_refused(demo_db):
    import pytest

    from app.errors import UserError
    from app.rating.campaign import create_campaign
    from app.users import default_operator_id

    op = default_operator_id(demo_db)
    first = create_campaign(demo_db, op, name="2031年度信用户评定", year=2031)
    with pytest.raises(UserError) as caught:
        create_campaign(demo_db, op, name="2031年度信用户评定", year=2031)
    assert first["id"] in str(caught.value)
    assert demo_db.execute("SELECT count(*) FROM rating_campaign WHERE campaign_year = 2031"
                           ).fetchone()[0] == 1

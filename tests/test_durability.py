"""A process killed at any point leaves the register whole: all of a change or none."""

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.store import open_data_dir

# Not "from conftest import ROOT": with area conftest.py files in subfolders,
# the module named conftest is whichever pytest imported last.
ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from app.paths import DataDir
    from app.store import open_data_dir
    from app.users import default_operator_id
    from app.journal import changes
    from app import keystore
    keystore.unlock_from_env(DataDir(__import__("pathlib").Path(sys.argv[1])))
    db = open_data_dir(DataDir(__import__("pathlib").Path(sys.argv[1])))
    operator = default_operator_id(db)
    with changes(db, operator) as cs:
        cs.insert("place", {"level": "county", "code": "510623", "name": "committed"})
    if sys.argv[2] == "mid":
        db.execute("BEGIN")
        cs = __import__("app.journal", fromlist=["ChangeSet"]).ChangeSet(db, operator)
        cs.insert("place", {"level": "county", "code": "510624", "name": "half"})
    os.kill(os.getpid(), signal.SIGKILL)
""")


def run_and_kill(data, where):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(data.root), where], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr


def test_a_change_the_user_saw_saved_survives_the_process_being_killed(data):
    data.root.mkdir(parents=True)
    run_and_kill(data, "after")
    db = open_data_dir(data)
    assert db.execute("SELECT name FROM place").fetchall() == [("committed",)]
    assert db.execute("SELECT COUNT(*) FROM journal WHERE entity = 'place'").fetchone()[0] == 1
    db.close()


def test_a_change_cut_off_half_way_leaves_no_row_and_no_journal(data):
    data.root.mkdir(parents=True)
    run_and_kill(data, "mid")
    db = open_data_dir(data)
    assert db.execute("SELECT name FROM place ORDER BY code").fetchall() == [("committed",)]
    assert db.execute("SELECT COUNT(*) FROM journal WHERE entity = 'place'").fetchone()[0] == 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()

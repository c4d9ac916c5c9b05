"""Two programs writing to one register: the second waits its turn instead of failing."""

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app.jobs import Job, announced, describe_running, running_job
from app.store import open_data_dir

ROOT = Path(__file__).resolve().parent.parent.parent

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from app.paths import DataDir
    from app.store import open_data_dir
    from app import keystore
    keystore.unlock_from_env(DataDir(Path(sys.argv[1])))
    db = open_data_dir(DataDir(Path(sys.argv[1])))
    with db.atomic():
        db.execute("INSERT INTO setting (key, value) VALUES ('first', ?)", [str(time.time())])
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    print("committed", time.time(), flush=True)
""")

# Reads first, then writes: with a deferred BEGIN this is the pattern that
# failed at once with "database is locked" when another writer got in between.
SECOND = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from app.paths import DataDir
    from app.store import open_data_dir
    from app import keystore
    keystore.unlock_from_env(DataDir(Path(sys.argv[1])))
    db = open_data_dir(DataDir(Path(sys.argv[1])))
    with db.atomic():
        seen = db.execute("SELECT count(*) FROM setting WHERE key = 'first'").fetchone()[0]
        db.execute("INSERT INTO setting (key, value) VALUES ('second', ?)", [str(seen)])
    print("committed", time.time(), flush=True)
""")


def test_a_second_writer_waits_for_the_first_and_both_changes_are_kept(data):
    open_data_dir(data).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data.root), "1.5"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    second = subprocess.run([sys.executable, "-c", SECOND, str(data.root)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    first_out, _ = holder.communicate(timeout=60)
    assert holder.returncode == 0 and second.returncode == 0, second.stderr
    first_done = float(first_out.split()[-1])
    second_done = float(second.stdout.split()[-1])
    assert second_done >= first_done  # it waited rather than writing in between
    db = open_data_dir(data)
    # The second saw the first's committed row: its transaction began after it.
    assert db.execute("SELECT value FROM setting WHERE key = 'second'").fetchone()[0] == "1"
    db.close()


def test_a_long_job_tells_other_programs_what_it_is_and_when_it_ends(data, tmp_path):
    data.root.mkdir(parents=True)
    with announced(data.root, "import of households.xlsx", Job()) as job:
        time.sleep(0.05)
        job.step(100, 200)
        info = running_job(data.root)
        assert info["title"] == "import of households.xlsx"
        text = describe_running(info)
        assert "households.xlsx" in text and "50%" in text
    assert running_job(data.root) is None

"""Runs a workload on the power-cut file system, cuts the power, checks what survived.

Used by tests/durability/test_powercut.py (a few cuts) and
bench/bench_powercut.py (a thousand and more).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FS = Path(__file__).resolve().parent / "powercut.py"

WORKLOAD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from app.paths import DataDir
    from app.store import open_data_dir
    from app.users import default_operator_id
    from app.journal import changes

    data, kind, arg = DataDir(Path(sys.argv[1])), sys.argv[2], sys.argv[3]
    db = open_data_dir(data)
    op = default_operator_id(db)
    print("open", flush=True)
    if kind == "import":
        from app.excel import importer
        importer.run(db, op, importer.inspect(db, Path(arg)), report_dir=Path(arg).parent)
        print("ack import", flush=True)
    elif kind == "campaign":
        from app.rating.campaign import create_campaign
        create_campaign(db, op, name="cut", year=2031)
        print("ack campaign", flush=True)
    i = 0
    while True:
        with changes(db, op) as cs:
            cs.insert("place", {"level": "county", "code": f"9{i:05d}", "name": f"save {i}"})
        print(f"ack save {i}", flush=True)
        i += 1
""")


@dataclass
class Outcome:
    kind: str
    acked_saves: int
    acked_main: bool
    integrity: str
    lost_saves: list[int] = field(default_factory=list)
    half_applied: list[str] = field(default_factory=list)
    ops_kept: int = 0
    ops_lost: int = 0

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.lost_saves and not self.half_applied


def _mounted(path: Path, timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while not os.path.ismount(path):
        if time.monotonic() > end:
            raise RuntimeError("the power-cut file system did not mount")
        time.sleep(0.05)


def baseline(backing: Path) -> dict[str, int]:
    conn = sqlite3.connect(backing / "register.sqlite3")
    try:
        return {"households": conn.execute("SELECT count(*) FROM household").fetchone()[0]}
    finally:
        conn.close()


def one_cut(template: Path, work: Path, kind: str, seed: int, keep: float,
            delay: float, roster: Path | None = None, import_rows: int = 0) -> Outcome:
    """Copy ``template`` (a data folder) to a fresh disk, run ``kind``, cut after ``delay`` s."""
    backing, mnt = work / "disk", work / "mnt"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, backing)
    mnt.mkdir(parents=True)
    base = baseline(backing)
    fs = subprocess.Popen([sys.executable, str(FS), str(backing), str(mnt), str(seed), str(keep)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        fs.stdout.readline()
        _mounted(mnt)
        child = subprocess.Popen([sys.executable, "-c", WORKLOAD, str(mnt), kind,
                                  str(roster or "")], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        acks: list[str] = []
        # Time the cut from when the register is open, so every cut falls in the work.
        first = child.stdout.readline()
        if first.strip() != "open":
            child.kill()
            raise RuntimeError("workload did not start: " + child.stderr.read()[-2000:])
        os.set_blocking(child.stdout.fileno(), False)
        end = time.monotonic() + delay
        while time.monotonic() < end and child.poll() is None:
            time.sleep(0.005)
        child.kill()  # SIGKILL: the program stops where it is ...
        fs.stdin.write("cut\n")  # ... and at the same moment the power goes
        fs.stdin.flush()
        reply = fs.stdout.readline().split()
        child.wait()
        acks = (child.stdout.read() or "").splitlines()
        child.stdout.close()
        child.stderr.close()
    finally:
        subprocess.run(["fusermount3", "-u", "-z", str(mnt)], capture_output=True)
        if fs.poll() is None:
            fs.stdin.close()
            try:
                fs.wait(timeout=20)
            except subprocess.TimeoutExpired:
                fs.kill()
                fs.wait()
        fs.stdout.close()
        if not fs.stdin.closed:
            fs.stdin.close()
    saves = [int(a.split()[2]) for a in acks if a.startswith("ack save")]
    out = Outcome(kind=kind, acked_saves=len(saves), acked_main=f"ack {kind}" in acks,
                  integrity="", ops_kept=int(reply[1]) if len(reply) > 2 else 0,
                  ops_lost=int(reply[2]) if len(reply) > 2 else 0)
    check(backing, out, saves, base, import_rows)
    return out


def check(backing: Path, out: Outcome, saves: list[int], base: dict[str, int],
          import_rows: int) -> None:
    """Reopen what the disk holds: whole, every acknowledged save, nothing half-applied."""
    conn = sqlite3.connect(backing / "register.sqlite3")
    try:
        out.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if out.integrity != "ok":
            return
        present = {int(r[0][5:]) for r in conn.execute(
            "SELECT name FROM place WHERE name LIKE 'save %'")}
        out.lost_saves = [i for i in saves if i not in present]
        journal = conn.execute("SELECT count(*) FROM journal j JOIN place p "
                               "ON j.entity = 'place' AND j.entity_id = p.id "
                               "WHERE p.name LIKE 'save %'").fetchone()[0]
        if journal != len(present):
            out.half_applied.append(f"{len(present)} saved places, {journal} journal entries")
        households = conn.execute("SELECT count(*) FROM household").fetchone()[0]
        if out.kind == "import":
            if households not in (base["households"], base["households"] + import_rows):
                out.half_applied.append(f"import: {households - base['households']} of "
                                        f"{import_rows} households")
            if out.acked_main and households != base["households"] + import_rows:
                out.lost_saves.append(-1)
        if out.kind == "campaign":
            rows = conn.execute("SELECT c.id, (SELECT count(*) FROM rating r WHERE "
                                "r.campaign_id = c.id AND r.subject_kind = 'household') "
                                "FROM rating_campaign c WHERE "
                                "c.campaign_year = 2031").fetchall()
            if len(rows) > 1 or (rows and rows[0][1] != households):
                out.half_applied.append(f"campaign: {rows} for {households} households")
            if out.acked_main and not rows:
                out.lost_saves.append(-1)
    finally:
        conn.close()


def plan(cuts: int, seed: int) -> list[tuple[str, int, float, float]]:
    """(workload, seed, keep probability, delay) for each cut, spread evenly."""
    rng = random.Random(seed)
    kinds = ["save", "import", "campaign"]
    return [(kinds[i % 3], rng.randrange(1 << 30), rng.choice([0.0, 0.5, 0.9]),
             rng.uniform(0.05, 2.5)) for i in range(cuts)]

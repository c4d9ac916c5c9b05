"""Runs a workload on the power-cut file system, cuts the power, checks what survived.

Used by tests/durability/test_powercut.py (a few cuts) and
bench/bench_powercut.py (a thousand and more).
"""

from __future__ import annotations

import os
import random
import shutil
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
    if sys.argv[4]:  # the register is encrypted, as every new register is
        from app import keystore
        keystore.remember(data, bytes.fromhex(sys.argv[4]))
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
        if kind == "sync":
            # Upload with the county's acknowledgement, then the county's packages:
            # "ack sync i p" = saves up to i acknowledged by the county, packages up
            # to p applied here.
            from app.sync import client, downlink
            result = client.sync_now(db, data, op, arg)
            if result["push"]["failed"] is None and result["push"]["pending_after"] == 0:
                print(f"ack sync {i} {downlink.last_package(db)}", flush=True)
        i += 1
""")

SYNC_PACKAGES = 30


def make_township(root: Path, households: int = 150) -> tuple[Path, Path, bytes]:
    """The template every cut copies: a small demo township, encrypted as the demo
    is, enrolled with a county in ``root/county`` that has packages waiting, and a
    60-row roster to import. Returns (template folder, roster, data key)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_excel import make_roster

    from app import keystore
    from app.accounts.demo import demo_accounts
    from app.demo import build_demo
    from app.paths import DataDir
    from app.store import open_data_dir

    data = DataDir(root / "template")
    db = open_data_dir(data)
    build_demo(db, households=households, seed=3)
    villages = [(name, [g for (g,) in db.execute("SELECT name FROM place WHERE parent_id = ?",
                                                   [vid])])
                for vid, name in db.execute("SELECT id, name FROM place WHERE level='village'")]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    keystore.encrypt_register(data, {a["username"]: a["password"] for a in demo_accounts()},
                              backup_first=False, demo=True)
    roster = root / "roster.xlsx"
    make_roster(roster, 60, villages, seed=9)
    prepare_sync(data.root, root / "county")
    return data.root, roster, keystore.known_key(data)


def _connect(path: Path, key: bytes | None):
    """The cut disk's register, read as it lies (no migrations, no sweeps)."""
    from db.connection import raw_connect

    return raw_connect(path, key=key)


def prepare_sync(template: Path, county: Path, packages: int = SYNC_PACKAGES) -> None:
    """Enrol the template township with a county in ``county`` that has ``packages``
    downlink packages waiting (one policy version each)."""
    from app.paths import DataDir
    from app.store import open_data_dir
    from app.sync import client

    with _county_server(county) as (server, url):
        db = open_data_dir(DataDir(template))
        try:
            client.enroll(db, DataDir(template), url)
            # The demo's own history goes up now: a cut's sync sends its new saves.
            client.push(db, DataDir(template), url)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        for i in range(packages):
            server.store.publish_policy("credit", f"2027.{i + 1}",
                                        {"repair_months": {"minor": 3 + i % 3}})


class _county_server:
    """A county server on 127.0.0.1 in a thread of this process, outside the cut disk."""

    def __init__(self, root: Path):
        self.root = root

    def __enter__(self):
        import threading

        from app.county.http import make_server

        self.server = make_server(self.root, port=0, auto_enroll=True)
        host, port = self.server.server_address[:2]
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self.server, f"http://{host}:{port}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
        self.server.store.close()


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


def baseline(backing: Path, key: bytes | None) -> dict[str, int]:
    conn = _connect(backing / "register.sqlite3", key)
    try:
        return {"households": conn.execute("SELECT count(*) FROM household").fetchone()[0]}
    finally:
        conn.close()


def one_cut(template: Path, work: Path, kind: str, seed: int, keep: float,
            delay: float, roster: Path | None = None, import_rows: int = 0,
            county: Path | None = None, key: bytes | None = None) -> Outcome:
    """Copy ``template`` (a data folder) to a fresh disk, run ``kind``, cut after ``delay`` s.

    ``county``: the county folder ``prepare_sync`` made, for the sync workload;
    a copy of it serves the cut's township (the county is not on the cut disk).
    """
    if kind == "sync":
        shutil.rmtree(work / "county", ignore_errors=True)
        shutil.copytree(county, work / "county")
        with _county_server(work / "county") as (_, url):
            # Twice the delay: a sync round trip is longer than a save.
            out = _one_cut(template, work, kind, seed, keep, 2 * delay, url, import_rows, key)
            if out.integrity == "ok":
                resync(work / "disk", url, out, key)
            return out
    return _one_cut(template, work, kind, seed, keep, delay, roster, import_rows, key)


def resync(backing: Path, url: str, out: "Outcome", key: bytes | None) -> None:
    """After the cut, the app opens what the disk holds and syncs again: it must
    complete, every local change reaching the county (a batch the county had
    acknowledged before the cut is answered as a duplicate, not lost or doubled)."""
    from app.paths import DataDir
    from app.store import open_data_dir
    from app.sync import client, downlink, outbox
    from app import keystore
    from app.users import default_operator_id

    if key is not None:
        keystore.remember(DataDir(backing), key)
    db = open_data_dir(DataDir(backing))
    try:
        result = client.sync_now(db, DataDir(backing), default_operator_id(db), url)
        if result["push"]["failed"] is not None or outbox.status(db)["pending_changes"]:
            out.half_applied.append(f"resync after the cut failed: {result['push']}")
        elif downlink.last_package(db) != SYNC_PACKAGES:
            out.half_applied.append(f"resync applied {downlink.last_package(db)} of "
                                    f"{SYNC_PACKAGES} county packages")
    finally:
        db.close()


def _one_cut(template: Path, work: Path, kind: str, seed: int, keep: float,
             delay: float, roster, import_rows: int, key: bytes | None) -> Outcome:
    backing, mnt = work / "disk", work / "mnt"
    shutil.rmtree(backing, ignore_errors=True)
    shutil.rmtree(mnt, ignore_errors=True)
    shutil.copytree(template, backing)
    mnt.mkdir(parents=True)
    base = baseline(backing, key)
    fs = subprocess.Popen([sys.executable, str(FS), str(backing), str(mnt), str(seed), str(keep)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        fs.stdout.readline()
        _mounted(mnt)
        child = subprocess.Popen([sys.executable, "-c", WORKLOAD, str(mnt), kind,
                                  str(roster or ""), key.hex() if key else ""], cwd=ROOT, stdout=subprocess.PIPE,
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
    synced = [a.split()[2:] for a in acks if a.startswith("ack sync")]
    out = Outcome(kind=kind, acked_saves=len(saves),
                  acked_main=f"ack {kind}" in acks or bool(synced),
                  integrity="", ops_kept=int(reply[1]) if len(reply) > 2 else 0,
                  ops_lost=int(reply[2]) if len(reply) > 2 else 0)
    check(backing, out, saves, base, import_rows, key)
    if kind == "sync" and out.integrity == "ok":
        check_sync(backing, out, [(int(i), int(p)) for i, p in synced], key)
    return out


def check_sync(backing: Path, out: Outcome, synced: list[tuple[int, int]],
               key: bytes | None) -> None:
    """County packages: applied whole and in order, none the township reported lost."""
    conn = _connect(backing / "register.sqlite3", key)
    try:
        applied = [r[0] for r in conn.execute("SELECT package FROM sync_downlink ORDER BY 1")]
        policies = conn.execute("SELECT count(*) FROM county_policy WHERE "
                                "policy_version LIKE '2027.%'").fetchone()[0]
    finally:
        conn.close()
    if applied != list(range(1, len(applied) + 1)):
        out.half_applied.append(f"county packages applied out of order: {applied}")
    if policies != len(applied):
        out.half_applied.append(f"{len(applied)} county packages applied, {policies} policies")
    if synced and len(applied) < synced[-1][1]:
        out.lost_saves.append(-2)  # a package applied before the cut is gone


def check(backing: Path, out: Outcome, saves: list[int], base: dict[str, int],
          import_rows: int, key: bytes | None) -> None:
    """Reopen what the disk holds: whole, every acknowledged save, nothing half-applied."""
    conn = _connect(backing / "register.sqlite3", key)
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
    kinds = ["save", "import", "campaign", "sync"]
    return [(kinds[i % len(kinds)], rng.randrange(1 << 30), rng.choice([0.0, 0.5, 0.9]),
             rng.uniform(0.05, 2.5)) for i in range(cuts)]

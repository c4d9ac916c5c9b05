"""The demo build's helper processes at county size, beside a baseline in the same run.

    python bench/bench_demo_helpers.py [--baseline REF] [--households 1000000] [--repeat 2]
                                       [--quick]

A 1,000,000-household demo is made by two generator processes (rows,
journal JSON, number keys: ``_generate_chunk`` and ``_generate_organizations``
in app/demo.py) and a key process (``_sort_keys_apart``: name keys,
members' table and indexes, sorting the keys) while the main process writes.
This runs their work in one process per code, without the writer: every
households' chunk in order, each timed (CPU of making it and of pickling
it as the pool sends it, the key process's message included) as the two
generator processes would share them, then the organizations' chunk, then
the key process fed with the messages those chunks sent it (its side file
encrypted, as in a build). CPU is process time, so figures compare on a
shared machine; the baseline is the same work from a git worktree of REF,
run just before this code in each round.

Each run also prints a digest of everything made (rows, members, keys,
journal JSON, the key process's tables): the same digest for the baseline
and this code means the same demo, value for value.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE_REF = "3497f46"  # before the helper processes' fourth pass


def _child(households: int) -> None:
    """In the code under test (its folder first on sys.path). One function,
    longer than most: the register's shapes, the messages the chunks send
    the key process and the digest pass from one step to the next, in this
    order only."""
    import array
    import pickle
    import random

    from app import demo
    from db.connection import open_register

    scratch = Path(tempfile.mkdtemp(prefix="bench-helpers-"))
    try:
        db = open_register(scratch / "register.sqlite3")
        users = demo.create_demo_users(db)
        places, _ = demo._places(db, users["admin"], random.Random(2026))
        # The places' ids are random: the same names for both codes' rows.
        villages = [(f"village-{v}", [f"group-{v}-{g}" for g in range(len(groups))])
                    for v, (_, groups) in enumerate(places)]
        village_names = {village: name for (village, _), name in zip(villages, demo.VILLAGES)}
        shapes = (demo._table_columns(db, "household"), demo._table_columns(db, "household_member"))
        org_columns = tuple(c[0] for c in demo._table_columns(db, "organization")
                            if c[0] not in demo.LOCAL_COLUMNS)
        schema = [sql for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE name IN ('search_key', 'name_key')")]
        members = [sql for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'household_member' "
            "AND sql IS NOT NULL ORDER BY type = 'index', name")]
        db.close()
        at = "2026-12-06T00:00:00.000000Z"
        organizations = households // 20
        starts, parts = demo._chunking(households, 20_000)
        step = demo._id_step(1 + households + organizations)
        messages: list[bytes] = []

        class Queue:
            def put(self, message):
                messages.append(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))

        demo._hand_keys_to(Queue(), len(starts) + 1)
        digest = hashlib.sha256()
        sent = [set(), set()]  # each generator process sends a name once

        def timed(function, *args):
            start = time.process_time()
            part = function(*args)
            pickled = pickle.dumps(part, pickle.HIGHEST_PROTOCOL)
            spent = time.process_time() - start
            del pickled
            message = pickle.loads(messages[-1])
            digest.update(repr(_canonical(part, message, array)).encode())
            return spent

        demo._WORKER_SENT = sent[0]
        org_cpu = timed(demo._generate_organizations, 2026, villages, village_names, at,
                        1 + households, organizations, parts - 1, parts, org_columns, step)
        chunk_cpu = []
        for index, (start, count) in enumerate(starts):
            demo._WORKER_SENT = sent[(index + 1) % 2]
            chunk_cpu.append(timed(demo._generate_chunk, 2026, index, parts, villages, at,
                                   1 + start, count, shapes, step))

        class Feed:
            def get(self):
                return pickle.loads(messages.pop(0))

        class Pipe:
            def send(self, answer):
                self.answer = answer

        path, pipe = scratch / "keys.sqlite3", Pipe()
        key = os.urandom(32).hex()
        start = time.process_time()
        demo._sort_keys_apart(str(path), key, schema, members, Feed(), pipe)
        key_cpu = time.process_time() - start
        if pipe.answer != "done":
            raise SystemExit(pipe.answer)
        from db.connection import raw_connect
        conn = raw_connect(path, key=bytes.fromhex(key))
        for table, order in (("search_key", "key, sid"), ("name_key", "key, name"),
                             ("household_member", "id")):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(row).encode())
        conn.close()
        mean = sum(chunk_cpu) / len(chunk_cpu)
        print(f"RESULT {mean * 1000:.0f} {sum(chunk_cpu):.2f} {org_cpu:.2f} {key_cpu:.2f} "
              f"{digest.hexdigest()[:16]}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _canonical(part, message, array) -> tuple:
    """What a chunk carries, whatever shape it travels in."""
    import pickle

    def keys(value):
        if isinstance(value, bytes):
            value = pickle.loads(value)
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], array.array):
            return list(zip(value[0].split("\n") if value[0] else [], value[1].tolist()))
        return list(value)

    _, number_keys, names, members = message
    return (part.rows, part.journal, part.columns, part.member_ids, keys(number_keys),
            sorted(names), pickle.loads(members) if isinstance(members, bytes) else members)


def _run(code: Path, households: int) -> list[float | str]:
    # A fixed hash seed: the order of keys made from sets is then the same.
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                           "--households", str(households)], cwd=code, env=env,
                          capture_output=True, text=True)
    line = next((line for line in proc.stdout.splitlines() if line.startswith("RESULT ")), None)
    if proc.returncode or line is None:
        raise SystemExit(f"helpers run failed ({code}):\n{proc.stderr[-3000:]}")
    mean, chunks, org, key, digest = line.split()[1:]
    return [float(mean), float(chunks), float(org), float(key), digest]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", default=BASELINE_REF, help="git ref of the old code")
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="100,000 households, one round")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.households, args.repeat = 100_000, 1
    if args.child:
        sys.path.insert(0, os.getcwd())
        _child(args.households)
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; load average {os.getloadavg()[0]:.1f}")
    print(f"{args.households:,} households; CPU seconds of each helper process's work")
    scratch = Path(tempfile.mkdtemp(prefix="bench-helpers-"))
    old = scratch / "baseline"
    try:
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.baseline],
                       cwd=ROOT, check=True)
        for round_ in range(1, args.repeat + 1):
            for label, code in ((f"baseline ({args.baseline})", old), ("this code", ROOT)):
                mean, chunks, org, key, digest = _run(code, args.households)
                print(f"round {round_}, {label:<20} a households' chunk {mean:4.0f} ms "
                      f"(all chunks {chunks:5.1f} s), organizations' chunk {org:4.1f} s, "
                      f"key process {key:5.1f} s; generators + key process "
                      f"{chunks + org + key:5.1f} s; digest {digest}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The frozen program: bundle size by part, and cold start to a painted main window.

    python bench/bench_bundle.py [--quick] [--runs N] [--bundle DIR]

Needs the bundle (``python packaging/build.py``). A cold start is a fresh
process after the program's files were dropped from the page cache
(posix_fadvise DONTNEED on every file of the bundle, or of the virtualenv and
source tree for the baseline), as after a reboot. "Painted window" is the
``screenshot --view households`` command: it starts Qt, opens the register,
builds the main window, paints the household list into a PNG and exits; the
figure is the time until the PNG exists. The same command run from the source
tree (``python -m app``) is measured in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CREDIT_DESK_USER": "admin",
       "CREDIT_DESK_PASSWORD": "demo2026"}


def evict(*folders: Path) -> None:
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def time_until(command: list[str], out: Path) -> tuple[float, float, float]:
    """Seconds until ``out`` exists, until the process has exited, and its CPU seconds
    (user + system: on a shared machine the figure that depends least on the load)."""
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    painted = None
    while process.poll() is None:
        if painted is None and out.exists():
            painted = time.perf_counter() - start
        time.sleep(0.005)
    total = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command} failed: {process.stderr.read()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (painted if painted is not None else total), total, cpu


def sizes(bundle: Path) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    parts: dict[str, int] = {}
    for path in internal.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(internal).parts
        if rel[0] == "PySide6" and len(rel) > 3 and rel[1] == "Qt":
            key = "/".join(rel[:3])
            if rel[2] == "lib":
                key = "PySide6/Qt/lib/" + ("ICU (libicu*)" if rel[3].startswith("libicu")
                                           else "Qt libraries")
        elif rel[0] == "resources" and len(rel) > 2:
            key = "/".join(rel[:2])
        elif len(rel) == 1:
            key = "system libraries (top level)" if rel[0].startswith("lib") else rel[0]
        else:
            key = rel[0]
        parts[key] = parts.get(key, 0) + path.stat().st_size
    return sorted(parts.items(), key=lambda kv: -kv[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "credit-desk"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs each")
    args = parser.parse_args()
    bundle = Path(args.bundle)
    exe = bundle / "credit-desk"
    if not exe.exists():
        raise SystemExit(f"no bundle at {bundle}: run packaging/build.py first")
    runs = 2 if args.quick else args.runs
    total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle {bundle}: {total / 1e6:.0f} MB in "
          f"{sum(1 for p in bundle.rglob('*') if p.is_file())} files")
    for name, size in sizes(bundle)[:15]:
        print(f"  {size / 1e6:7.1f} MB  {name}")

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run([str(exe), "--data-dir", str(data), "demo", "--households", "2000"],
                       env=ENV, check=True, capture_output=True)
        shot = Path(tmp) / "shot.png"
        frozen = [str(exe), "--data-dir", str(data), "screenshot", "--view", "households",
                  "-o", str(shot)]
        source = [sys.executable, "-m", "app", "--data-dir", str(data), "screenshot", "--view",
                  "households", "-o", str(shot)]
        venv = Path(sys.prefix)
        results: dict[str, list[tuple[float, float, float]]] = {}
        for label, command, folders in (
                ("frozen, cold", frozen, [bundle]),
                ("source tree, cold", source, [venv, ROOT / "app", ROOT / "ui", ROOT / "db"]),
                ("frozen, warm", frozen, []),
                ("source tree, warm", source, [])):
            for _ in range(runs):
                evict(*folders)
                results.setdefault(label, []).append(time_until(command, shot))
        for label, command in (("--version frozen", [str(exe), "--version"]),
                               ("--version source", [sys.executable, "-m", "app", "--version"])):
            results[label] = [time_until(command, Path(tmp) / "never") for _ in range(runs)]
    print(f"\nstart to painted main window (2,000 households, 1280x800 offscreen), {runs} runs, "
          f"load {os.getloadavg()[0]:.1f}:")
    print("| run | painted p50 s | painted max s | process exit p50 s | CPU p50 s |")
    print("|---|---|---|---|---|")
    for label, values in results.items():
        painted = [v[0] for v in values]
        exits = [v[1] for v in values]
        cpu = [v[2] for v in values]
        print(f"| {label} | {statistics.median(painted):.2f} | {max(painted):.2f} | "
              f"{statistics.median(exits):.2f} | {statistics.median(cpu):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

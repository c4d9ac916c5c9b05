"""Run every benchmark in bench/ one after another and print their figures.

    python bench/run_all.py [--quick]

--quick uses small registers (a smoke run, minutes instead of tens of
minutes); the figures in docs/benchmarks.md come from full runs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n## {script.stem}\n", flush=True)
        command = [sys.executable, str(script)]
        if args.quick:
            command.append("--quick")
        failed += subprocess.run(command, cwd=HERE.parent).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

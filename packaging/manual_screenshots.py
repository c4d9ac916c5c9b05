"""Regenerate the user manual's pictures with the program's own ``screenshot`` command.

    .venv/bin/python packaging/manual_screenshots.py [--exe dist/credit-desk/credit-desk]

Builds a small demo township in a temporary folder, then draws each screen the
manual shows into resources/manual/images/<view>.png, so the pictures follow
the program as it changes. Without --exe it runs the source tree
(``python -m app``); with it, the frozen program.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "resources" / "manual" / "images"
# The screens the manual shows, in its order (see resources/manual/index.html).
VIEWS = ("welcome", "places", "login", "households", "household-detail", "organizations", "rating",
         "letters", "records", "excel", "sync", "settings")
SIZE = "960x620"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CREDIT_DESK_USER": "admin",
       "CREDIT_DESK_PASSWORD": "demo2026"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="the frozen program to use instead of the source tree")
    args = parser.parse_args(argv)
    program = [args.exe] if args.exe else [sys.executable, "-m", "app"]
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "demo"
        subprocess.run([*program, "--data-dir", str(data), "demo", "--households", "400",
                        "--seed", "2026"], env=ENV, cwd=ROOT, check=True, capture_output=True)
        for view in VIEWS:
            target = data if view != "welcome" else Path(tmp) / "empty"
            out = IMAGES / f"{view}.png"
            subprocess.run([*program, "--data-dir", str(target), "screenshot", "--view", view,
                            "--size", SIZE, "-o", str(out)], env=ENV, cwd=ROOT, check=True,
                           capture_output=True)
            print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

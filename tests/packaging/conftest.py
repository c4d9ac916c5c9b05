"""The built bundle and .deb for the packaging tests (marked ``bundle``, run by .ci/run).

``CREDIT_DESK_BUNDLE_DIR`` / ``CREDIT_DESK_DEB`` point at a bundle and a .deb
built beforehand (CI builds once, then tests); without them the fixtures build
them with packaging/build.py, as a developer running ``pytest -m bundle`` would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from project import DIST, project_version  # noqa: E402


def _build(*args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), *args], cwd=ROOT,
                   check=True, timeout=1800)


@pytest.fixture(scope="session")
def bundle_dir() -> Path:
    given = os.environ.get("CREDIT_DESK_BUNDLE_DIR")
    if given:
        return Path(given).resolve()
    _build()
    return DIST


@pytest.fixture(scope="session")
def deb_file(bundle_dir) -> Path:
    given = os.environ.get("CREDIT_DESK_DEB")
    if given:
        return Path(given).resolve()
    _build("--deb", "--skip-bundle")
    debs = sorted(DIST.parent.glob(f"credit-desk_{project_version()}_*.deb"))
    assert debs, "packaging/build.py --deb made no .deb"
    return debs[-1]

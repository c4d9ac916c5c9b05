"""The .deb on this machine: install with dpkg, use from the menu's command, remove.

Needs root and dpkg (CI runs as root); it installs into /opt and /usr and
removes the package again, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from project import DISPLAY_NAME, project_version

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not shutil.which("dpkg") or os.geteuid() != 0,
                       reason="installing a .deb needs dpkg and root"),
]
DEMO_USER = {"CREDIT_DESK_USER": "admin", "CREDIT_DESK_PASSWORD": "demo2026"}


def as_user(home: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``credit-desk`` found on PATH, as a user whose data folder is the default one."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CREDIT_DESK_DATA_DIR", "XDG_DATA_HOME", "VIRTUAL_ENV", "PYTHONPATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH="/usr/local/bin:/usr/bin:/bin",
               **DEMO_USER)
    result = subprocess.run(["credit-desk", *args], env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=timeout, cwd=home)
    assert result.returncode == 0 and "Traceback" not in result.stderr, \
        f"credit-desk {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture
def installed(deb_file):
    subprocess.run(["dpkg", "-i", str(deb_file)], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["dpkg", "--purge", "credit-desk"], capture_output=True)


def test_install_use_and_remove_keeps_the_users_register(installed, tmp_path):
    assert Path("/opt/credit-desk/credit-desk").exists()
    home = tmp_path / "home"
    home.mkdir()
    assert as_user(home, "--version").stdout.strip() == f"credit-desk {project_version()}"

    # The menu entry: Chinese name, the command, the icon in the theme.
    desktop = Path("/usr/share/applications/credit-desk.desktop").read_text(encoding="utf-8")
    assert f"Name={DISPLAY_NAME}" in desktop and "Exec=credit-desk" in desktop
    assert "Icon=credit-desk" in desktop
    assert Path("/usr/share/icons/hicolor/48x48/apps/credit-desk.png").exists()
    assert Path("/usr/share/icons/hicolor/scalable/apps/credit-desk.svg").exists()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", "/usr/share/applications/credit-desk.desktop"],
                       check=True)

    # A user's own register in the default data folder, and the window drawn offscreen.
    as_user(home, "demo", "--households", "60")
    register = home / ".local" / "share" / "credit-desk" / "register.sqlite3"
    assert register.exists()
    shot = tmp_path / "installed.png"
    as_user(home, "screenshot", "--view", "households", "-o", str(shot))
    assert shot.stat().st_size > 10_000

    before = register.read_bytes()
    subprocess.run(["dpkg", "--purge", "credit-desk"], check=True, capture_output=True)
    assert not Path("/opt/credit-desk").exists()
    assert not Path("/usr/bin/credit-desk").exists()
    assert not Path("/usr/share/applications/credit-desk.desktop").exists()
    assert register.read_bytes() == before

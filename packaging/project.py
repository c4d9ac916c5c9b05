"""Facts about the project that every packaging script needs, read from the source tree.

The version lives in one place, ``app/__init__.py``; the spec, the .deb control
file, the Windows installer and the About box all take it from there.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "credit-desk"
# The name users see in menus and installers.
DISPLAY_NAME = "乡镇信用工作台"
DISPLAY_NAME_EN = "Township Credit Desk"
DIST = ROOT / "dist" / APP_ID
# Executables only the Windows bundle has (the spec makes them on Windows only).
WINDOWS_ONLY = {"credit-desk-window.exe"}


def project_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("app/__init__.py has no __version__")
    return match.group(1)


if __name__ == "__main__":
    print(project_version())  # packaging/windows/build.ps1 passes it to Inno Setup

"""What can be checked here of the Windows installer (it is built on Windows only).

The Inno Setup script must take its version from the project, install per user,
keep the data folder, and name only files the bundle really has.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

from app.paths import APP_NAME
from project import ROOT, WINDOWS_ONLY, project_version

WINDOWS = ROOT / "packaging" / "windows"
ISS_BYTES = (WINDOWS / "credit-desk.iss").read_bytes()
ISS = ISS_BYTES.decode("utf-8-sig")


def test_version_comes_from_the_project():
    assert "#error" in ISS and "AppVersion={#AppVersion}" in ISS
    assert not re.search(r"^\s*#define\s+AppVersion", ISS, re.MULTILINE)
    assert project_version() not in ISS
    script = (WINDOWS / "build.ps1").read_text(encoding="utf-8-sig")
    assert "packaging\\project.py" in script and '"/DAppVersion=$version"' in script


def test_chinese_per_user_installer_that_keeps_the_data_folder():
    # Inno Setup reads a file without a byte-order mark in the ANSI code page.
    assert ISS_BYTES.startswith(b"\xef\xbb\xbf")
    assert "ChineseSimplified.isl" in ISS
    assert "PrivilegesRequired=lowest" in ISS
    assert "{autoprograms}" in ISS and "{autodesktop}" in ISS
    # The data folder the program uses (platformdirs on Windows: %LOCALAPPDATA%\credit-desk)
    # is backed up before an upgrade and never deleted.
    assert f'#define DataFolder "{{localappdata}}\\{APP_NAME}"' in ISS
    assert "[UninstallDelete]" not in ISS.replace("; No [UninstallDelete]", "")
    assert "function PrepareToInstall" in ISS and "BackupRegister" in ISS
    icon = re.search(r"^SetupIconFile=(.+)$", ISS, re.MULTILINE).group(1)
    assert (WINDOWS / PureWindowsPath(icon).as_posix()).resolve().exists()


def _bundle_paths() -> set[str]:
    """Paths inside the bundle the script installs or points shortcuts at."""
    paths = set()
    for source in re.findall(r'Source: "\.\.\\\.\.\\dist\\credit-desk\\([^"*]+)"', ISS):
        paths.add(source)
    for target in re.findall(r'(?:Filename|IconFilename|UninstallDisplayIcon)[:=] ?"?\{app\}\\([^";\r\n]+)',
                             ISS):
        paths.add(target.replace("{#AppExe}", "credit-desk-window.exe"))
    return paths


@pytest.mark.bundle
def test_every_file_the_installer_names_is_in_the_bundle(bundle_dir):
    paths = _bundle_paths()
    assert {"credit-desk.exe", "credit-desk-window.exe",
            r"_internal\resources\manual\index.html"} <= paths
    for path in paths:
        name = PureWindowsPath(path)
        if sys.platform != "win32" and name.name in WINDOWS_ONLY:
            # Made on Windows only; the spec must still make it there.
            spec = (ROOT / "packaging" / "credit-desk.spec").read_text(encoding="utf-8")
            assert f'"{name.stem}"' in spec
            continue
        local = Path(*name.parts)
        if sys.platform != "win32" and local.suffix == ".exe":
            local = local.with_suffix("")
        assert (bundle_dir / local).exists(), path

"""Build the one-folder bundle dist/credit-desk/ from packaging/credit-desk.spec.

    .venv/bin/python packaging/build.py           # the bundle
    .venv/bin/python packaging/build.py --deb     # the bundle, then the .deb (Debian-based systems)

PyInstaller comes from the ``packaging`` extra (``pip install -e ".[packaging]"``).
Before building, the third-party notices must match the installed
distributions (packaging/notices.py), so nothing ships without its licence.
On Windows, packaging/windows/build.ps1 calls this script and then Inno Setup.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from project import DIST, ROOT, project_version  # noqa: E402

import notices  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def windows_version_file(version: str) -> Path:
    """The VERSIONINFO resource PyInstaller puts into credit-desk.exe (file properties)."""
    numbers = [int(n) for n in (version.split("+")[0].split(".") + ["0"] * 4)[:4] if n.isdigit()]
    numbers = (numbers + [0, 0, 0, 0])[:4]
    out = ROOT / "build" / "windows-version.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    strings = {"CompanyName": "Township Credit Desk", "FileDescription": "乡镇信用工作台",
               "FileVersion": version, "ProductName": "乡镇信用工作台", "ProductVersion": version,
               "OriginalFilename": "credit-desk.exe", "InternalName": "credit-desk"}
    out.write_text(
        "VSVersionInfo(ffi=FixedFileInfo(filevers=%r, prodvers=%r),\n"
        "  kids=[StringFileInfo([StringTable('080404b0', [%s])]),\n"
        "        VarFileInfo([VarStruct('Translation', [2052, 1200])])])\n"
        % (tuple(numbers), tuple(numbers),
           ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())),
        encoding="utf-8")
    return out


def build_bundle() -> Path:
    stale = notices.stale_entries()
    if stale:
        raise SystemExit("third-party notices are out of date (" + ", ".join(stale) + "): run "
                         ".venv/bin/python packaging/notices.py")
    version = project_version()
    if sys.platform == "win32":
        windows_version_file(version)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN",
                    "--distpath", str(DIST.parent), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "credit-desk.spec")], check=True, cwd=ROOT)
    exe = DIST / ("credit-desk.exe" if sys.platform == "win32" else "credit-desk")
    if not exe.exists():
        raise SystemExit(f"PyInstaller did not produce {exe}")
    print(f"credit-desk {version}: {DIST} ({folder_size(DIST) / 1e6:.0f} MB) "
          f"in {time.monotonic() - started:.0f} s")
    return DIST


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build the .deb from the bundle")
    parser.add_argument("--skip-bundle", action="store_true",
                        help="reuse dist/credit-desk/ (with --deb)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if not args.skip_bundle:
        build_bundle()
    if args.deb:
        from linux.build_deb import build_deb

        print(build_deb(DIST))
    return 0


if __name__ == "__main__":
    sys.exit(main())

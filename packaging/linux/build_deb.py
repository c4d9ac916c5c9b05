"""Build dist/credit-desk_<version>_<arch>.deb from the bundle dist/credit-desk/.

    .venv/bin/python packaging/build.py --deb

For Debian-based domestic systems (银河麒麟 Kylin, 统信 UOS, deepin) and Debian
or Ubuntu. The package puts the bundle under /opt/credit-desk, a ``credit-desk``
command in /usr/bin, a menu entry named 乡镇信用工作台 with its icon in the
hicolor theme. Users' registers live in their own data folders
(~/.local/share/credit-desk), which dpkg never owns: removing or purging the
package leaves them alone.

The bundle carries its libraries except glibc and the graphics drivers (GL,
EGL), so the package depends on those only; its glibc minimum is read from
the bundle's binaries, which is why the .deb should be built on the oldest
system it is meant for (docs/packaging.md).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from project import APP_ID, DISPLAY_NAME, DISPLAY_NAME_EN, ROOT, project_version  # noqa: E402

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Loaded by Qt at run time through the system's graphics drivers; PyInstaller
# rightly does not bundle them.
SYSTEM_DEPENDS = ["libgl1", "libegl1"]


def glibc_minimum(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any binary in the bundle asks for."""
    newest = (2, 17)
    for path in bundle.rglob("*"):
        if not path.is_file() or not (path.suffix == ".so" or ".so." in path.name
                                      or path.name == APP_ID):
            continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(version: str, arch: str, installed_kb: int, glibc: str) -> str:
    depends = ", ".join([f"libc6 (>= {glibc})", *SYSTEM_DEPENDS])
    return (f"Package: {APP_ID}\n"
            f"Version: {version}\n"
            f"Architecture: {arch}\n"
            "Section: misc\n"
            "Priority: optional\n"
            f"Installed-Size: {installed_kb}\n"
            f"Depends: {depends}\n"
            "Maintainer: Township Credit Desk <credit-desk@localhost>\n"
            f"Description: {DISPLAY_NAME} ({DISPLAY_NAME_EN})\n"
            " Offline register of rural households and cooperatives for township credit\n"
            " offices: yearly credit rating, commitment letters, credit records and\n"
            " reports, Excel import and export, county sync.\n"
            " 乡镇信用工作台：农村信用体系建设的离线登记、评定、承诺书和信用报告软件。\n")


# Refresh the menu and icon caches; never fail the installation over a cache.
POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true; fi
exit 0
"""
# Users' registers are in their home folders and are not touched, on remove or purge.
POSTRM = POSTINST


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def build_deb(bundle: Path, out_dir: Path | None = None) -> Path:
    bundle = Path(bundle)
    if not (bundle / APP_ID).exists():
        raise SystemExit(f"no bundle in {bundle}: run packaging/build.py first")
    version = project_version()
    arch = architecture()
    out_dir = Path(out_dir or bundle.parent)
    stage = ROOT / "build" / "deb" / f"{APP_ID}_{version}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "opt" / APP_ID, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    shutil.copy(HERE / "credit-desk.sh", stage / "usr" / "bin" / APP_ID)
    (stage / "usr" / "bin" / APP_ID).chmod(0o755)
    _write(stage / "usr" / "share" / "applications" / f"{APP_ID}.desktop",
           (HERE / "credit-desk.desktop").read_text(encoding="utf-8"))
    icons = ROOT / "resources" / "icons"
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(icons / f"credit-desk-{size}.png", target)
    (hicolor / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy(icons / "credit-desk.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    for path in stage.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
        elif not path.is_symlink():
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
    installed_kb = sum(p.stat().st_size for p in stage.rglob("*")
                       if p.is_file() and not p.is_symlink()) // 1024
    debian = stage / "DEBIAN"
    _write(debian / "control", control(version, arch, installed_kb, glibc_minimum(bundle)))
    _write(debian / "postinst", POSTINST, 0o755)
    _write(debian / "postrm", POSTRM, 0o755)
    out = out_dir / f"{APP_ID}_{version}_{arch}.deb"
    for old in out_dir.glob(f"{APP_ID}_*.deb"):
        old.unlink()
    # gzip: every dpkg reads it (zstd needs dpkg 1.21.18, newer than UOS 20 and Kylin V10
    # have), and xz took five minutes on two cores for about a fifth less.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out


if __name__ == "__main__":
    print(build_deb(ROOT / "dist" / APP_ID))

"""Write resources/licenses/THIRD-PARTY-NOTICES.txt from the installed distributions.

    .venv/bin/python packaging/notices.py           # regenerate after changing dependencies
    .venv/bin/python packaging/notices.py --check   # exit 1 if a dependency has no notice

The bundle ships every runtime dependency of credit-desk (pyproject.toml, the
whole tree of requirements without extras), so each one gets a section with
its version, its licence as declared in its metadata, and the licence files it
ships. Components that are not Python distributions but are in the bundle
(Python itself, SQLite, Qt, the PyInstaller bootloader, the fonts) are listed
from EXTRA below. The About box shows this file; packaging/build.py refuses to
build while it is stale, and tests/packaging/test_notices.py fails CI.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt"
PROJECT = "credit-desk"
HEADER = "Township Credit Desk (乡镇信用工作台) — third-party software and fonts in this program"
SECTION = re.compile(r"^=+\n(\S+) (\S+)\n", re.MULTILINE)

# In the bundle but not Python distributions (or not installed as such).
EXTRA = [
    ("Python", "CPython interpreter and standard library",
     "PSF-2.0 (Python Software Foundation License Version 2)", "https://docs.python.org/3/license.html"),
    ("SQLite", "the database engine, in Python's sqlite3 module",
     "Public domain", "https://sqlite.org/copyright.html"),
    ("Qt", "Qt 6 libraries shipped inside PySide6 (QtCore, QtGui, QtWidgets, QtPrintSupport)",
     "LGPL-3.0-only; the Qt libraries are separate shared files in the program folder "
     "and can be replaced by the user", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("PyInstaller-bootloader", "the program's start-up executable (PyInstaller)",
     "GPL-2.0-or-later with the PyInstaller bootloader exception (allows distribution "
     "with programs under any licence)", "https://pyinstaller.org/en/stable/license.html"),
]
FONTS = ROOT / "resources" / "fonts" / "LICENSES.md"
# Licence files that say nothing for the bundle (build-tool licences of other platforms).
SKIP_FILE = re.compile(r"BUILD_LICENSES/(android|ios|apple|windows|musl)", re.IGNORECASE)
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)


def runtime_distributions() -> list[md.Distribution]:
    """credit-desk's requirements, recursively, with environment markers evaluated and no extras."""
    seen: dict[str, md.Distribution] = {}
    done: set[tuple[str, str]] = set()
    # (distribution, extra asked for); "" is the distribution itself, as with psycopg[binary].
    todo = [(PROJECT, "")]
    while todo:
        raw, extra = todo.pop()
        name = canonicalize_name(raw)
        if (name, extra) in done:
            continue
        done.add((name, extra))
        dist = seen.setdefault(name, md.distribution(name))
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": extra}):
                continue
            if extra and (req.marker is None or "extra" not in str(req.marker)):
                continue  # the base requirements were walked with extra ""
            todo.append((req.name, ""))
            todo += [(req.name, e) for e in req.extras]
    seen.pop(canonicalize_name(PROJECT))
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def declared_licence(dist: md.Distribution) -> str:
    meta = dist.metadata
    text = meta.get("License-Expression") or ""
    if not text:
        licence = (meta.get("License") or "").strip()
        # Some distributions put the whole licence text in this field: keep its first line.
        text = licence.splitlines()[0] if licence else ""
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers and not text:
        text = "; ".join(classifiers)
    return text or "see the licence text below"


def licence_files(dist: md.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = str(file)
        if not LICENCE_FILE.search(name) or SKIP_FILE.search(name) or name.endswith(".py"):
            continue
        try:
            body = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append((name, body.strip()))
    return texts


def homepage(dist: md.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "source", "repository", "home"):
            return url.strip()
    urls = [e.partition(",")[2].strip() for e in meta.get_all("Project-URL") or []]
    return urls[0] if urls else ""


def render() -> str:
    parts = [HEADER, "", "Generated by packaging/notices.py from the installed distributions.", ""]
    parts.append("Summary")
    parts.append("-------")
    dists = runtime_distributions()
    for dist in dists:
        parts.append(f"  {dist.metadata['Name']} {dist.version}: {declared_licence(dist)}")
    for name, what, licence, _ in EXTRA:
        parts.append(f"  {name}: {licence.split(';')[0]} ({what})")
    parts.append("  Fonts: see the end of this file")
    parts.append("")
    for dist in dists:
        parts += ["=" * 78, f"{dist.metadata['Name']} {dist.version}",
                  f"Licence: {declared_licence(dist)}"]
        if homepage(dist):
            parts.append(f"Home: {homepage(dist)}")
        for name, body in licence_files(dist):
            parts += ["", f"--- {name} ---", body]
        parts.append("")
    for name, what, licence, url in EXTRA:
        parts += ["=" * 78, f"{name} -", what, f"Licence: {licence}", f"Home: {url}", ""]
    parts += ["=" * 78, "Fonts -", FONTS.read_text(encoding="utf-8").strip(), ""]
    for text in sorted(FONTS.parent.glob("*.txt")):
        parts += [f"--- resources/fonts/{text.name} ---", text.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(parts)


def listed_names(text: str) -> set[str]:
    return {canonicalize_name(m.group(1)) for m in SECTION.finditer(text) if m.group(2) != "-"}


def stale_entries(path: Path = OUT) -> list[str]:
    """Dependencies without a section (``+name``) or sections of dependencies gone (``-name``)."""
    wanted = {canonicalize_name(d.metadata["Name"]) for d in runtime_distributions()}
    have = listed_names(path.read_text(encoding="utf-8")) if path.exists() else set()
    return sorted(f"+{n}" for n in wanted - have) + sorted(f"-{n}" for n in have - wanted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that every runtime dependency has a notice")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_entries()
        for entry in stale:
            print(f"{OUT.relative_to(ROOT)}: {'missing' if entry[0] == '+' else 'no longer needed'} "
                  f"{entry[1:]}", file=sys.stderr)
        return 1 if stale else 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(runtime_distributions())} distributions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

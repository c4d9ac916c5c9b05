"""Update the translation catalogues and build the .qm files.

    python packaging/build_translations.py          # lupdate + lrelease
    python packaging/build_translations.py --check  # fail if anything is untranslated

Each product area keeps its own catalogue, resources/i18n/<lang>/<area>.ts,
so that areas can be worked on side by side; ``AREAS`` says which source
files belong to which catalogue. Source strings are English; zh_CN is the
default language. Translate with Qt Linguist (pyside6-linguist) or by
editing the .ts files, then run this script again.
"""

from __future__ import annotations

import argparse
import glob
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["zh_CN"]

# area -> source globs (relative to the project root). A file belongs to the
# first area whose globs match it, so specific areas come before "core".
AREAS: dict[str, list[str]] = {
    **{area: [f"app/{area}/*.py", f"ui/{area}/*.py"]
       for area in ("rating", "letters", "records", "excel", "sync", "accounts")},
    # The county receiver's few messages share the sync catalogue (context "Sync").
    "sync": ["app/sync/*.py", "ui/sync/*.py", "app/county/*.py"],
    # Statistics and the home dashboard.
    "stats": ["app/stats/*.py", "ui/dashboard.py"],
    # The manual and About box (packaging's part of the UI): their own catalogue.
    "help": ["ui/help.py", "ui/about.py"],
    "ui": ["ui/*.py", "ui/**/*.py"],
    "core": ["app/*.py", "app/commands/*.py", "app/rules/*.py", "db/*.py"],
}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def area_sources(area: str) -> list[str]:
    owner: dict[str, str] = {}
    for name, patterns in AREAS.items():
        for pattern in patterns:
            for path in glob.glob(str(ROOT / pattern), recursive=True):
                owner.setdefault(path, name)
    return sorted(path for path, name in owner.items() if name == area)


CATALOGUES = ROOT / "resources" / "i18n"


def update(language: str, catalogues: Path = CATALOGUES) -> list[Path]:
    """lupdate each area's catalogue from its sources (``catalogues``: the
    folder of the language folders, another for a check that leaves the tree be)."""
    out = []
    for area in AREAS:
        sources = area_sources(area)
        if not sources:
            continue
        ts = catalogues / language / f"{area}.ts"
        ts.parent.mkdir(parents=True, exist_ok=True)
        if ts.exists():
            tree = ET.parse(ts)
            if tree.getroot().get("language") != language:
                tree.getroot().set("language", language)
                tree.write(ts, encoding="utf-8", xml_declaration=True)
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete",
                        "-locations", "none", "-target-language", language, "-ts", str(ts)], check=True,
                       stdout=subprocess.DEVNULL)
        out.append(ts)
    return out


def release(language: str) -> list[Path]:
    """One .qm per area catalogue, next to it: areas never share a binary."""
    out = []
    for ts in sorted((ROOT / "resources" / "i18n" / language).glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                       check=True, stdout=subprocess.DEVNULL)
        out.append(qm)
    return out


def unfinished(language: str, catalogues: Path = CATALOGUES) -> list[tuple[str, str, str]]:
    missing = []
    for ts in sorted((catalogues / language).glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                node = message.find("translation")
                if node is None or not (node.text or "").strip() or node.get("type") == "unfinished":
                    missing.append((ts.name, name, message.findtext("source")))
    return missing


def apply(language: str, translations: dict[str, dict[str, str]]) -> int:
    """Fill translations from {context: {source: text}} into the catalogues."""
    count = 0
    for ts in sorted((ROOT / "resources" / "i18n" / language).glob("*.ts")):
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            table = translations.get(context.findtext("name"), {})
            for message in context.iter("message"):
                text = table.get(message.findtext("source"))
                node = message.find("translation")
                if text is None or node is None:
                    continue
                node.text = text
                node.attrib.pop("type", None)
                changed = True
                count += 1
        if changed:
            tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if any string lacks a translation")
    parser.add_argument("--apply", metavar="JSON",
                        help="fill translations from a JSON file {context: {source: text}}")
    args = parser.parse_args()
    for language in LANGUAGES:
        update(language)
        if args.apply:
            import json

            data = json.loads(Path(args.apply).read_text(encoding="utf-8"))
            print(f"{apply(language, data)} translations applied")
            update(language)
        release(language)
        missing = unfinished(language)
        for ts, context, source in missing:
            print(f"{language}/{ts}: [{context}] {source}")
        if args.check and missing:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

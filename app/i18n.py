"""Translations for text produced below the UI layer.

The CLI and the service layer must speak Chinese too, yet may not import Qt.
They read the very same `.ts` catalogue that Qt Linguist maintains, so one
file holds every translation. `pyside6-lupdate` extracts calls to a function
literally named ``translate(context, text)``, which is why the name matters.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from app.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _language = language


def current_language() -> str:
    return _language


def catalogue_paths(language: str) -> list[Path]:
    """One .ts file per product area (see packaging/build_translations.py)."""
    return sorted(resource_path("i18n", language).glob("*.ts"))


def qm_paths(language: str) -> list[Path]:
    """Compiled catalogues for Qt, one per area; install a QTranslator for each."""
    return sorted(resource_path("i18n", language).glob("*.qm"))


@functools.lru_cache(maxsize=None)
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in catalogue_paths(language):
        table.update(_read_ts(path))
    return table


def _read_ts(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    # The .ts files are our own, shipped with the program; the stdlib parser
    # does not expand external entities.
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or not node.text:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            table[(name, source)] = node.text
    return table


def translate(context: str, text: str) -> str:
    """Translate ``text`` for the current language; English falls through."""
    if _language == SOURCE_LANGUAGE:
        return text
    return _catalogue(_language).get((context, text), text)

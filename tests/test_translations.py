"""The Chinese catalogues are complete: every string the sources mark for
translation has its zh_CN text, as ``packaging/build_translations.py --check``
requires, checked on copies of the catalogues so the tree is left as it is.
A string added without its translation would reach users in English."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import build_translations  # noqa: E402


def test_every_source_string_has_its_chinese_translation(tmp_path):
    catalogues = tmp_path / "i18n"
    shutil.copytree(build_translations.CATALOGUES, catalogues)
    missing = []
    for language in build_translations.LANGUAGES:
        build_translations.update(language, catalogues)
        missing += build_translations.unfinished(language, catalogues)
    assert not missing, "\n".join(f"{ts}: [{context}] {source}"
                                  for ts, context, source in missing)

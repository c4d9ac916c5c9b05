"""Locating shipped data files (fonts, templates, schemes, translations)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # A PyInstaller bundle unpacks data next to the executable's _MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

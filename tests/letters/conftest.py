"""Fixtures for the letters tests: a village's printed letters, page images."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.letters import printing


def village(db, index: int = 0) -> dict:
    return dict(db.query("SELECT * FROM place WHERE level = 'village' ORDER BY code "
                         "LIMIT 1 OFFSET ?", [index]).__next__())


def households_of(db, village_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM household WHERE village_id = ? ORDER BY head_name",
                         [village_id]))


@pytest.fixture
def printed(demo_db, demo_operator, tmp_path):
    """Letters printed for one household each of a small village: (result, households)."""
    v = village(demo_db, 2)
    people = households_of(demo_db, v["id"])[:4]
    result = printing.print_letters(demo_db, demo_operator, tmp_path / "four.pdf",
                                    subject_ids=[h["id"] for h in people])
    return result, people


@pytest.fixture
def demo_operator(demo_db):
    from app.users import default_operator_id

    return default_operator_id(demo_db)


def render_page(pdf: Path, page: int, dpi: int, out: Path):
    """Render one page with pdftoppm and open it with Pillow."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Poppler) is not installed")
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(out)], check=True, timeout=60)
    return Image.open(str(out) + ".png")

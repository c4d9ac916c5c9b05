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
    """New letters printed for four households of a village that had none: (result, households)."""
    v = village(demo_db, 2)
    people = [h for h in households_of(demo_db, v["id"]) if not demo_db.execute(
        "SELECT 1 FROM commitment_letter WHERE subject_id = ?", [h["id"]]).fetchone()][:4]
    assert len(people) == 4
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


def letterless(db, count: int = 1, offset: int = 0) -> list[str]:
    """Households the demo gave no letter."""
    return [r[0] for r in db.execute(
        "SELECT id FROM household WHERE id NOT IN (SELECT subject_id FROM commitment_letter) "
        "ORDER BY head_name LIMIT ? OFFSET ?", [count, offset])]

"""Fixtures: every test gets its own data folder and real register file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.i18n import set_language  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402


@pytest.fixture(autouse=True)
def _chinese_and_isolated(monkeypatch, tmp_path_factory):
    """Chinese messages (the default) and no test touching the real data folder."""
    set_language("zh_CN")
    monkeypatch.setenv("CREDIT_DESK_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
    yield
    set_language("zh_CN")


@pytest.fixture
def data(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def db(data):
    database = open_data_dir(data)
    yield database
    database.close()


@pytest.fixture
def operator(db) -> str:
    return default_operator_id(db)


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """A small demo township built once per run; tests get a copy."""
    from app.demo import build_demo

    data = DataDir(tmp_path_factory.mktemp("demo-template"))
    database = open_data_dir(data)
    build_demo(database, default_operator_id(database), households=400, seed=7)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return data.root


@pytest.fixture
def demo_data(tmp_path, _demo_template) -> DataDir:
    # The whole folder: areas keep files beside the register (attachments, keys).
    data = DataDir(tmp_path / "demo")
    shutil.copytree(_demo_template, data.root)
    return data


@pytest.fixture
def demo_db(demo_data):
    database = open_data_dir(demo_data)
    yield database
    database.close()


def run_cli(*args: str, data: DataDir | None = None, check: bool = False,
            env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``credit-desk`` as a user would, from this checkout."""
    command = [sys.executable, "-m", "app"]
    if data is not None:
        command += ["--data-dir", str(data.root)]
    full_env = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
    result = subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True,
                            encoding="utf-8", env=full_env, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"credit-desk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def cli():
    return run_cli

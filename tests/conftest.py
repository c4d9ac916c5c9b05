"""Fixtures: every test gets its own data folder and real register file.

Accounts: every register a fixture makes has an administrator
``admin`` with the password ``demo2026`` (``ADMIN`` / ``PASSWORD`` here), and
CREDIT_DESK_USER / CREDIT_DESK_PASSWORD are set to them for every test, so
``credit-desk`` subprocesses sign in as that administrator. The demo
registers (``demo_data``, ``demo_db``) also have ``official``, ``field``
(villages 1 and 2 only) and ``viewer``, same password. Every register a
fixture makes is encrypted, as a new or demo register is, and unlocked in the
test's process (as after a sign-in); subprocesses sign in with the
environment's user and password. ``operator`` is the
built-in system account (an administrator that cannot sign in); ``admin_id``
is the signed-in administrator's id; ``actor_id(db, "viewer")`` finds others.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import keystore  # noqa: E402
from app.i18n import set_language  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.store import open_data_dir  # noqa: E402
from app.users import default_operator_id  # noqa: E402

ADMIN = "admin"
PASSWORD = "demo2026"


@pytest.fixture(autouse=True)
def _chinese_and_isolated(monkeypatch, tmp_path_factory):
    """Chinese messages (the default) and no test touching the real data folder."""
    set_language("zh_CN")
    monkeypatch.setenv("CREDIT_DESK_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
    monkeypatch.setenv("CREDIT_DESK_USER", ADMIN)
    monkeypatch.setenv("CREDIT_DESK_PASSWORD", PASSWORD)
    yield
    set_language("zh_CN")


@pytest.fixture
def data(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data")


def ensure_admin(database) -> str:
    """The ``admin`` / ``demo2026`` administrator of a test register (made if missing)."""
    from app.accounts import auth

    row = database.execute("SELECT id FROM app_user WHERE username = ?", [ADMIN]).fetchone()
    if row:
        return row[0]
    return auth.create_first_admin(database, ADMIN, "管理员", PASSWORD).id


def actor_id(database, username: str) -> str:
    return database.execute("SELECT id FROM app_user WHERE username = ?", [username]).fetchone()[0]


@pytest.fixture(scope="session")
def _register_template(tmp_path_factory) -> tuple[Path, bytes]:
    """An empty encrypted register with its administrator, made once per run."""
    template = DataDir(tmp_path_factory.mktemp("register-template"))
    keystore.create_register(template, {ADMIN: PASSWORD})
    database = open_data_dir(template)
    ensure_admin(database)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return template.root, keystore.known_key(template)


def copy_register(template: tuple[Path, bytes], data: DataDir) -> DataDir:
    """A copy of a template register, unlocked in this process as a signed-in user's is."""
    root, key = template
    shutil.copytree(root, data.root)
    if key is not None:
        keystore.remember(data, key)
    return data


@pytest.fixture
def db(data, _register_template):
    copy_register(_register_template, data)
    database = open_data_dir(data)
    yield database
    database.close()


@pytest.fixture
def admin_id(db) -> str:
    return ensure_admin(db)


@pytest.fixture
def operator(db) -> str:
    return default_operator_id(db)


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """A small demo township built once per run; tests get a copy."""
    from app.demo import build_demo

    from app.accounts.demo import demo_accounts

    data = DataDir(tmp_path_factory.mktemp("demo-template"))
    database = open_data_dir(data)
    build_demo(database, households=400, seed=7)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    # Encrypted as `credit-desk demo` makes it: each demo account opens it.
    keystore.encrypt_register(data, {a["username"]: a["password"] for a in demo_accounts()},
                              backup_first=False, demo=True)
    return data.root, keystore.known_key(data)


@pytest.fixture
def demo_data(tmp_path, _demo_template) -> DataDir:
    # The whole folder: areas keep files beside the register (attachments, keys).
    return copy_register(_demo_template, DataDir(tmp_path / "demo"))


@pytest.fixture
def demo_db(demo_data):
    database = open_data_dir(demo_data)
    yield database
    database.close()


def run_cli(*args: str, data: DataDir | None = None, check: bool = False,
            env: dict | None = None, timeout: float = 120,
            input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``credit-desk`` as a user would, from this checkout."""
    command = [sys.executable, "-m", "app"]
    if data is not None:
        command += ["--data-dir", str(data.root)]
    full_env = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
    result = subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True,
                            encoding="utf-8", env=full_env, timeout=timeout, input=input)
    if check and result.returncode != 0:
        raise AssertionError(f"credit-desk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def cli():
    return run_cli


# ------------------------------------------------------------------ the desktop app

@pytest.fixture
def ui_app(qapp):
    """The QApplication with the bundled font and Chinese translators, as run_gui sets it up."""
    from ui.app import application, apply_language

    app = application()
    apply_language(app, "zh_CN")
    yield app
    apply_language(app, "zh_CN")


@pytest.fixture
def ctx(ui_app, demo_data):
    """What every page gets, made as the app makes it (``ui.app.open_context``) on a copy
    of the demo township; closed (workers stopped) after the test."""
    from ui.app import open_context

    context = open_context(demo_data)
    yield context
    context.close()


@pytest.fixture
def window(ctx, qtbot):
    """A main window on ``ctx``; its pages closed (their lanes' work finished) after."""
    from ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    for page in list(win._pages.values()):
        closer = getattr(page, "close_page", None)
        if callable(closer):
            closer()


@pytest.fixture
def wait_idle(qtbot, ctx):
    """Call to wait until both operation lanes finished everything and its hooks ran."""
    def wait(timeout: int = 20000) -> None:
        qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=timeout)
    return wait


@pytest.fixture(autouse=True)
def _no_worker_outlives_the_test():
    """An operation lane's thread left running would keep a connection open (napari #5373)."""
    import threading

    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith("ops-") and t.is_alive()]
    assert not left, f"operation lanes still running after the test: {left}"

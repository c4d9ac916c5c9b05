"""Where the register, backups and logs live.

Order of precedence: ``--data-dir``, then ``CREDIT_DESK_DATA_DIR`` (tests and
portable installs on a USB stick), then the platform's user data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "credit-desk"
ENV_VAR = "CREDIT_DESK_DATA_DIR"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def register(self) -> Path:
        return self.root / "register.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def exists(self) -> bool:
        return self.register.exists()


def data_dir(override: str | os.PathLike | None = None) -> DataDir:
    if override:
        return DataDir(Path(override).expanduser().resolve())
    env = os.environ.get(ENV_VAR)
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

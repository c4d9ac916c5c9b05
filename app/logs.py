"""Named loggers and a rotating log file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import DataDir

LOG_NAME = "credit-desk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(data: DataDir) -> Path:
    return data.logs / LOG_NAME


def setup_logging(data: DataDir, *, level: int = logging.INFO) -> Path:
    """Send the ``credit_desk`` loggers to ``logs/credit-desk.log`` (5 x 1 MB).

    Calling it again for another data folder moves the file handler there.
    """
    path = log_file(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("credit_desk")
    for handler in list(root.handlers):
        if getattr(handler, "_credit_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._credit_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def close_logging() -> None:
    root = logging.getLogger("credit_desk")
    for handler in list(root.handlers):
        if getattr(handler, "_credit_desk", False):
            root.removeHandler(handler)
            handler.close()

"""The frozen program's entry point: the same ``credit-desk`` command as the installed script."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # The frozen program is its own worker processes (a large import's writer,
    # the demo's generators): this lets a spawned one run its task, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())

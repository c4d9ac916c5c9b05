"""The frozen program's entry point: the same ``credit-desk`` command as the installed script."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())

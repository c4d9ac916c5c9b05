"""Command modules for ``credit-desk``. Each has ``register(subparsers)``.

Feature areas append their module here, in the order they appear in help.
"""

from app.commands import register_cmds

COMMAND_MODULES = [register_cmds]
